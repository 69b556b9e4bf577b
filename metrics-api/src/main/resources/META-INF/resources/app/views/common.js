// Pieces several views share.
import { h, table } from '../dom.js';
import { duration, km, num } from '../format.js';

/** The date n days before 'YYYY-MM-DD'. */
export function daysBefore(date, n) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

/** A link to an activity's page. */
export function activityLink(ctx, id, text) {
  return h('a', { href: ctx.link(`/activities/${id}`) }, text == null ? String(id) : text);
}

/** The activities table of the overview and the activities view. */
export function activitiesTable(ctx, name, caption, rows) {
  return table(name, caption,
    ['date', 'name', 'sport', 'type', 'moving time', 'distance (km)', 'avg HR (bpm)', 'NP (W)', 'TSS', 'load'],
    rows.map((a) => [a.local_date, activityLink(ctx, a.activity_id, a.name || `activity ${a.activity_id}`), a.sport,
      a.activity_type == null ? '–' : a.activity_type, duration(a.moving_time_s), km(a.distance_m), num(a.avg_hr_bpm),
      num(a.np_w), num(a.tss), num(a.load)]));
}

/** The figure and its table side by side (stacked on a phone, or when the table is wide). */
export function withTable(figure, tableBox, { wide = false } = {}) {
  return h('div', { class: wide ? 'pair wide' : 'pair' }, figure, tableBox);
}
