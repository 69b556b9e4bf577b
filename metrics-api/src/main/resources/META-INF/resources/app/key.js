// The API key lives in this tab's sessionStorage only: never in localStorage, a query string, the page or a log.

const KEY = 'paceline.key';
const ATHLETE = 'paceline.athlete';

/**
 * Takes a "#key=…" fragment (the link ./paceline up prints): stores the key and removes it from the address bar and
 * the history entry, keeping any other fragment.
 */
export function takeKeyFromFragment() {
  const match = location.hash.match(/^#(?:.*&)?key=([^&]*)/);
  if (!match) return;
  let key = '';
  try {
    key = decodeURIComponent(match[1]).trim();
  } catch {
    key = '';
  }
  if (key) setKey(key);
  const rest = location.hash.slice(1).split('&').filter((p) => !p.startsWith('key=')).join('&');
  history.replaceState(history.state, '', location.pathname + location.search + (rest ? `#${rest}` : ''));
}

export function getKey() {
  return sessionStorage.getItem(KEY);
}

export function setKey(key) {
  sessionStorage.setItem(KEY, key);
}

/** Signs out: forgets the key and the chosen athlete. */
export function clearKey() {
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(ATHLETE);
}

export function rememberedAthlete() {
  return sessionStorage.getItem(ATHLETE);
}

export function rememberAthlete(id) {
  sessionStorage.setItem(ATHLETE, String(id));
}
