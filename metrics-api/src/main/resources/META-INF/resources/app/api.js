// Reads the public /api/v1 endpoints with the key from sessionStorage, sent only in the Authorization header.
// cache 'no-store': answers differ per key, and a revalidated browser-cache entry could show another key's answer.
import { getKey } from './key.js';

/** A failed API call: its HTTP status and the problem document's detail (RFC 9457). */
export class ApiError extends Error {
  constructor(status, detail, path) {
    super(detail || `HTTP ${status}`);
    this.status = status;
    this.path = path;
  }
}

/** GET /api/v1{path} with params (null and '' left out); resolves to { body, headers }. */
export async function get(path, params = {}) {
  const url = new URL(`/api/v1${path}`, location.origin);
  for (const [name, value] of Object.entries(params)) {
    if (value != null && value !== '') url.searchParams.set(name, value);
  }
  let res;
  try {
    res = await fetch(url, { headers: { Authorization: `Bearer ${getKey()}`, Accept: 'application/json' }, cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, 'the metrics-api cannot be reached: is it running? (./paceline status)', path);
  }
  if (!res.ok) {
    let detail = null;
    try {
      detail = (await res.json()).detail;
    } catch {
      detail = null;
    }
    throw new ApiError(res.status, detail, path);
  }
  return { body: await res.json(), headers: res.headers };
}

/** The body only. */
export async function body(path, params) {
  return (await get(path, params)).body;
}
