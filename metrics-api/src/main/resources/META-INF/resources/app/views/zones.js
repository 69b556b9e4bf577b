// "/zones?type=heartrate|power|pace&group=week|month&sport=…": time in zones as stacked bars, with shares.
import { h, section, table, empty, choices } from '../dom.js';
import { duration, share, pace, num } from '../format.js';
import { chart, day, ZONE_COLORS } from '../chart.js';
import { daysBefore, withTable } from './common.js';

const TYPES = [['heartrate', 'heart rate'], ['power', 'power'], ['pace', 'pace']];
const GROUPS = [['week', 'by week'], ['month', 'by month']];
const SPORTS = [['all', 'all'], ['ride', 'rides'], ['run', 'runs'], ['other', 'other']];
const SPAN = { week: 26 * 7, month: 365 };

export async function render(root, ctx) {
  const pick = (name, list, fallback) => (list.some(([v]) => v === ctx.params.get(name)) ? ctx.params.get(name) : fallback);
  const type = pick('type', TYPES, 'heartrate');
  const group = pick('group', GROUPS, 'week');
  const sport = pick('sport', SPORTS, 'all');
  const here = (p, v) => ctx.link('/zones', { type, group, sport, [p]: v });
  root.append(h('h1', null, 'Time in zones'),
    h('div', { class: 'controls' }, choices('Zones', 'type', TYPES, type, here), choices('Group', 'group', GROUPS, group, here),
      choices('Sport', 'sport', SPORTS, sport, here)));
  if (!ctx.athlete.activity_count) {
    root.append(empty('No activities yet.', 'Time in zones appears once activities are synced: run ./paceline up.'));
    return;
  }
  const from = daysBefore(ctx.asOfDate, SPAN[group] - 1);
  const [rows, defs] = await Promise.all([
    ctx.body('/zone-times', { type, group, sport, from }),
    ctx.body('/zones', { type }),
  ]);
  if (rows.length === 0) {
    root.append(empty(`No ${TYPES.find(([t]) => t === type)[1]} zone times since ${from}.`,
      type === 'power' ? 'Power zones need rides with a power meter.'
        : type === 'pace' ? 'Pace zones need runs with GPS or a footpod.' : 'Heart-rate zones need activities recorded with a heart-rate sensor.'));
    return;
  }
  const zones = Object.keys(rows[0]).filter((k) => /^z\d+_s$/.test(k)).map((k) => Number(k.slice(1, -2))).sort((a, b) => a - b);
  const fig = chart(`Time in ${TYPES.find(([t]) => t === type)[1]} zones ${GROUPS.find(([g]) => g === group)[1]} since ${from} (hours, stacked)`,
    rows.map((r) => day(r.date)),
    zones.map((z) => ({ label: `Z${z}`, values: rows.map((r) => (r[`z${z}_s`] == null ? null : r[`z${z}_s`] / 3600)), color: ZONE_COLORS[z - 1] })),
    { time: true, stacked: true, yLabel: 'h' });
  const tableRows = rows.slice().reverse().map((r) => [r.date, num(r.activities),
    ...zones.map((z) => `${duration(r[`z${z}_s`])} (${share(r[`z${z}_s`], r.total_s)})`), duration(r.total_s)]);
  root.append(section(`Per ${group}`, withTable(fig, table('zones', `Time in each zone (share of the ${group}'s zone time), newest first`,
    [group, 'activities', ...zones.map((z) => `Z${z}`), 'total'], tableRows, { scroll: true }), { wide: true })));
  if (defs.length) root.append(section('Zones in force', legend(type, defs)));
}

function legend(type, defs) {
  const unit = type === 'heartrate' ? 'bpm' : type === 'power' ? 'W' : '/km';
  const range = (d) => (type === 'pace'
    ? `${pace(d.pace_from_s_per_km)} to ${pace(d.pace_to_s_per_km)} ${unit}`
    : `${num(d.lower)} to ${d.upper == null ? '…' : num(d.upper)} ${unit}`);
  return h('div', null,
    h('ul', { class: 'legend' }, defs.map((d) => h('li', null, h('span', { class: 'swatch', 'data-zone': d.zone }), `Z${d.zone}: ${range(d)}`))),
    h('p', { class: 'muted' }, `Threshold ${num(defs[0].threshold)} (${defs[0].source || 'unknown source'}), preset ${defs[0].preset || '–'}, since ${defs[0].valid_from}.`));
}
