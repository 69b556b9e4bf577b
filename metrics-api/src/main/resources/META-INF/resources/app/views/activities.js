// "/activities?sport=&type=&cursor=": the activities, newest first, filtered and paged (the API's keyset cursor).
import { h, section, empty } from '../dom.js';
import { activitiesTable } from './common.js';

const SPORTS = [['', 'any sport'], ['ride', 'rides'], ['run', 'runs'], ['other', 'other']];
const TYPES = [['', 'any type'], ['race', 'race'], ['intervals', 'intervals'], ['long', 'long'], ['easy', 'easy'], ['endurance', 'endurance']];
const PAGE = 25;

export async function render(root, ctx) {
  const pick = (name, list) => (list.some(([v]) => v === ctx.params.get(name)) ? ctx.params.get(name) : '');
  const sport = pick('sport', SPORTS);
  const type = pick('type', TYPES);
  const cursor = ctx.params.get('cursor');
  const select = (name, list, value) => h('select', { name, 'aria-label': name }, list.map(([v, t]) => h('option', { value: v, selected: v === value }, t)));
  const sportSelect = select('sport', SPORTS, sport);
  const typeSelect = select('type', TYPES, type);
  const form = h('form', { class: 'controls filters' }, sportSelect, typeSelect, h('button', { type: 'submit' }, 'Filter'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    ctx.navigate(ctx.link('/activities', { sport: sportSelect.value, type: typeSelect.value, cursor: null }));
  });
  root.append(h('h1', null, 'Activities'), form);
  if (!ctx.athlete.activity_count) {
    root.append(empty('No activities yet.', 'Activities appear once Strava is synced: run ./paceline up, or wait for the next sync and transform run.'));
    return;
  }
  const { body: rows, headers } = await ctx.get('/activities', { sport, type, cursor, limit: PAGE });
  if (rows.length === 0) {
    root.append(empty('No activities match these filters.', h('a', { href: ctx.link('/activities', { sport: null, type: null, cursor: null }) }, 'Show all activities')));
    return;
  }
  const next = headers.get('Paceline-Next-Cursor');
  root.append(section(cursor ? 'Activities (continued)' : 'Newest first',
    activitiesTable(ctx, 'activities', `${rows.length} activities${sport ? `, ${sport}` : ''}${type ? `, ${type}` : ''}`, rows),
    h('p', { class: 'pager' },
      cursor ? h('a', { href: ctx.link('/activities', { cursor: null }) }, '← Newest') : null,
      next ? h('a', { href: ctx.link('/activities', { cursor: next }), rel: 'next' }, 'Older →') : null)));
}
