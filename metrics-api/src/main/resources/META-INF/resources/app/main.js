// The dashboard: one page, one view per path (bookmarkable), reading only /api/v1.
import { takeKeyFromFragment, getKey, setKey, clearKey, rememberedAthlete, rememberAthlete } from './key.js';
import { get, body, ApiError } from './api.js';
import { h, empty } from './dom.js';
import * as overview from './views/overview.js';
import * as fitness from './views/fitness.js';
import * as power from './views/power.js';
import * as zones from './views/zones.js';
import * as rolling from './views/rolling.js';
import * as weekly from './views/weekly.js';
import * as activities from './views/activities.js';
import * as activity from './views/activity.js';

// first, before anything can read or log the address: take "#key=…" into sessionStorage and out of the URL
takeKeyFromFragment();

const VIEWS = [
  { path: /^\/$/, view: overview, nav: '/', title: 'Overview' },
  { path: /^\/fitness\/?$/, view: fitness, nav: '/fitness', title: 'Fitness' },
  { path: /^\/power\/?$/, view: power, nav: '/power', title: 'Power' },
  { path: /^\/zones\/?$/, view: zones, nav: '/zones', title: 'Zones' },
  { path: /^\/90-day\/?$/, view: rolling, nav: '/90-day', title: '90 days' },
  { path: /^\/weekly\/?$/, view: weekly, nav: '/weekly', title: 'Weekly' },
  { path: /^\/activities\/?$/, view: activities, nav: '/activities', title: 'Activities' },
  { path: /^\/activities\/(\d{1,19})\/?$/, view: activity, title: 'Activity' },
];

const root = document.getElementById('view');
let session = null; // { athletes, build } for the key in use
let rendering = 0;

function route(pathname) {
  for (const r of VIEWS) {
    const m = pathname.match(r.path);
    if (m) return { ...r, args: m.slice(1) };
  }
  return null;
}

/** A URL of this app keeping the chosen athlete. */
function link(path, params = {}) {
  const url = new URL(path, location.origin);
  const athlete = new URLSearchParams(location.search).get('athlete');
  if (athlete) url.searchParams.set('athlete', athlete);
  for (const [k, v] of Object.entries(params)) {
    if (v == null || v === '') url.searchParams.delete(k);
    else url.searchParams.set(k, v);
  }
  return url.pathname + url.search;
}

function navigate(url, replace = false) {
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  render();
}

async function loadSession() {
  const [athletes, build] = await Promise.all([body('/athletes'), body('/builds/current')]);
  return { athletes, build };
}

async function render() {
  const ticket = ++rendering;
  root.removeAttribute('data-ready');
  root.setAttribute('aria-busy', 'true');
  const r = route(location.pathname);
  renderNav(r);
  if (!getKey()) return signIn();
  try {
    if (!session) session = await loadSession();
  } catch (e) {
    if (ticket !== rendering) return undefined;
    return failed(e);
  }
  if (ticket !== rendering) return undefined;
  renderWho();
  const { athletes, build } = session;
  document.getElementById('foot').textContent = `Build ${build.build_id} · data as of ${build.as_of}`;
  if (!r) {
    document.title = 'Not found · Paceline';
    return show(empty('There is no view at this address.', h('a', { href: link('/') }, 'Go to the overview')));
  }
  if (athletes.length === 0) {
    return show(empty('This key can read no athlete in the current build.',
      'An admin key reads every athlete; a scoped key only its own. If Strava was just connected, wait for the first sync and transform run (./paceline status).'));
  }
  const athlete = chosenAthlete(athletes);
  document.title = `${r.title} · ${athlete.name || athlete.athlete_id} · Paceline`;
  const params = new URLSearchParams(location.search);
  const ctx = {
    athlete,
    build,
    params,
    args: r.args,
    link,
    navigate,
    asOfDate: String(build.as_of).slice(0, 10),
    get: (path, p) => get(`/athletes/${athlete.athlete_id}${path}`, p),
    body: (path, p) => body(`/athletes/${athlete.athlete_id}${path}`, p),
  };
  const container = h('div', { class: 'view', 'data-view': r.nav || 'activity' });
  try {
    await r.view.render(container, ctx);
  } catch (e) {
    if (ticket !== rendering) return undefined;
    return failed(e);
  }
  if (ticket !== rendering) return undefined;
  show(container);
  return undefined;
}

function chosenAthlete(athletes) {
  const wanted = new URLSearchParams(location.search).get('athlete') || rememberedAthlete();
  const athlete = athletes.find((a) => String(a.athlete_id) === wanted) || athletes[0];
  rememberAthlete(athlete.athlete_id);
  return athlete;
}

function show(node) {
  root.replaceChildren(node);
  root.removeAttribute('aria-busy');
  root.setAttribute('data-ready', 'true');
}

function failed(e) {
  if (!(e instanceof ApiError)) throw e;
  if (e.status === 401) {
    clearKey();
    session = null;
    return signIn('That API key was not accepted. Check it, or open the link ./paceline up printed.');
  }
  if (e.status === 503) {
    return show(empty('No build yet.',
      'The metrics-api has no serving build to show: the transform publishes one after its first run.',
      'Run ./paceline up (or wait for the transform-service), then reload this page.'));
  }
  return show(h('div', { class: 'error', role: 'alert' }, h('p', null, `The API answered ${e.status || 'nothing'}: ${e.message}`)));
}

function renderNav(current) {
  const nav = document.getElementById('nav');
  nav.replaceChildren(...VIEWS.filter((v) => v.nav).map((v) => h('a', {
    href: link(v.nav),
    'aria-current': current && (current.nav === v.nav || (!current.nav && v.nav === '/activities')) ? 'page' : null,
  }, v.title)));
}

function renderWho() {
  const who = document.getElementById('who');
  const { athletes } = session;
  const parts = [];
  if (athletes.length > 1) {
    const current = chosenAthlete(athletes);
    const select = h('select', { id: 'athlete', 'aria-label': 'Athlete' }, athletes.map((a) => h('option', {
      value: a.athlete_id,
      selected: a.athlete_id === current.athlete_id,
    }, a.name || String(a.athlete_id))));
    select.addEventListener('change', () => {
      rememberAthlete(select.value);
      const url = new URL(location.href);
      url.searchParams.set('athlete', select.value);
      navigate(url.pathname.startsWith('/activities/') ? `/activities?athlete=${select.value}` : url.pathname + url.search);
    });
    parts.push(select);
  } else if (athletes.length === 1) {
    parts.push(h('span', { class: 'athlete-name' }, athletes[0].name || String(athletes[0].athlete_id)));
  }
  parts.push(h('button', { type: 'button', class: 'link', onclick: signOut }, 'Sign out'));
  who.replaceChildren(...parts);
}

function signOut() {
  clearKey();
  session = null;
  signIn('Signed out.');
}

function signIn(message) {
  document.getElementById('who').replaceChildren();
  document.getElementById('foot').textContent = '';
  document.title = 'Sign in · Paceline';
  const input = h('input', { type: 'password', id: 'key', name: 'key', autocomplete: 'off', required: true, spellcheck: 'false' });
  const form = h('form', { class: 'card signin', id: 'signin' },
    h('h2', null, 'Sign in'),
    message ? h('p', { class: 'notice', role: 'status' }, message) : null,
    h('label', { for: 'key' }, 'API key'),
    input,
    h('button', { type: 'submit' }, 'Open the dashboard'),
    h('p', { class: 'muted' }, 'The key stays in this tab (sessionStorage) and is sent only to this server\'s /api/v1. ',
      './paceline up prints a link that signs you in; the local key is in .paceline/api-key.'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const key = input.value.trim();
    input.value = '';
    if (!key) return;
    setKey(key);
    session = null;
    render();
  });
  show(form);
  input.focus();
}

// same-origin links to a view render here instead of reloading the page
document.addEventListener('click', (ev) => {
  const a = ev.target.closest('a');
  if (!a || ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || !route(url.pathname) || a.target) return;
  ev.preventDefault();
  navigate(url.pathname + url.search);
  window.scrollTo(0, 0);
});
window.addEventListener('popstate', () => render());

render();
