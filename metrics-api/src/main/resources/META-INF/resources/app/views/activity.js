// "/activities/{id}": the activity's facts, zone times, power bests and run bests (new metrics show as they land).
import { h, section, table, empty } from '../dom.js';
import { byColumn, label, duration, durationLabel, share, num, pace } from '../format.js';
import { chart, ZONE_COLORS } from '../chart.js';
import { ApiError } from '../api.js';
import { withTable } from './common.js';

const TYPES = [['heartrate', 'Heart-rate zones', 'bpm'], ['power', 'Power zones', 'W'], ['pace', 'Pace zones', 'm/s']];
const HIDDEN = new Set(['name', 'athlete_id', 'zone_times', 'power_bests', 'run_bests']);

export async function render(root, ctx) {
  const id = ctx.args[0];
  let a;
  try {
    a = await ctx.body(`/activities/${id}`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      root.append(h('h1', null, 'Activity'), empty(`No activity ${id} for this athlete.`, h('a', { href: ctx.link('/activities') }, 'Back to the activities')));
      return;
    }
    throw e;
  }
  root.append(h('h1', null, a.name || `Activity ${id}`), h('p', { class: 'muted' }, h('a', { href: ctx.link('/activities') }, '← Activities')));
  // every scalar the API gives, so metrics added later show without a new page
  const facts = Object.entries(a).filter(([k, v]) => !HIDDEN.has(k) && (v === null || typeof v !== 'object'));
  root.append(section('Facts', h('dl', { class: 'facts', 'data-name': 'facts' },
    facts.map(([k, v]) => [h('dt', { 'data-key': k }, label(k)), h('dd', { 'data-key': k }, typeof v === 'boolean' ? (v ? 'yes' : 'no') : byColumn(k, v))]))));

  const zoneTimes = a.zone_times || [];
  for (const [type, title, unit] of TYPES) {
    const zs = zoneTimes.filter((z) => z.zone_type === type).sort((x, y) => x.zone - y.zone);
    if (!zs.length) continue;
    const total = zs.reduce((s, z) => s + (z.seconds || 0), 0);
    const fig = chart(`${title}: minutes in each zone`, zs.map((z) => z.zone),
      zs.map((z, i) => ({ label: `Z${z.zone}`, values: zs.map((_, j) => (j === i ? z.seconds / 60 : null)), bars: true, color: ZONE_COLORS[z.zone - 1] })),
      { yLabel: 'min', xLabels: zs.map((z) => `Z${z.zone}`) });
    const bound = (v) => (v == null ? '…' : type === 'pace' ? pace(1000 / v) : num(v));
    root.append(section(title, withTable(fig, table(`zones-${type}`,
      `Time per zone (share of ${duration(total)}); sensor coverage ${num(zs[0].coverage)}`,
      ['zone', `range (${type === 'pace' ? 'min/km' : unit})`, 'time', 'share'],
      zs.map((z) => [`Z${z.zone}`, `${bound(z.lower)} to ${bound(z.upper)}`, duration(z.seconds), share(z.seconds, total)])))));
  }
  if (!zoneTimes.length) root.append(section('Zones', empty('No zone times for this activity.', 'It has no heart-rate, power or pace stream.')));

  const power = (a.power_bests || []).slice().sort((x, y) => x.duration_s - y.duration_s);
  if (power.length) {
    const fig = chart('Best power by duration in this activity (log scale)', power.map((p) => p.duration_s),
      [{ label: 'best power', values: power.map((p) => p.watts), color: '#d62728' }], { logX: true, yLabel: 'W' });
    root.append(section('Power bests', withTable(fig, table('power-bests', 'Best mean power per duration; starts at this time into the activity',
      ['duration', 'watts', 'starts at'], power.map((p) => [durationLabel(p.duration_s), num(p.watts), duration(p.start_s)])))));
  } else if (a.sport === 'ride') {
    root.append(section('Power bests', empty('No power data for this ride.', 'Power bests need a power meter or a smart trainer.')));
  }

  const runs = (a.run_bests || []).slice().sort((x, y) => x.distance_m - y.distance_m);
  if (runs.length) {
    root.append(section('Run bests', table('run-bests', 'Fastest time per distance within this run; starts at this time into the activity',
      ['distance', 'time', 'pace (min/km)', 'starts at'],
      runs.map((r) => [r.distance_name || `${num(r.distance_m)} m`, duration(r.time_s), pace(r.time_s / (r.distance_m / 1000)), duration(r.start_s)]))));
  }
}
