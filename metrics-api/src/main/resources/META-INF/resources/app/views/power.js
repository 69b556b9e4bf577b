// "/power?window=90d|365d|all&compare=…": the mean-maximal curve and the best efforts, two windows compared.
import { h, section, table, empty, choices } from '../dom.js';
import { num, durationLabel } from '../format.js';
import { chart } from '../chart.js';
import { activityLink, daysBefore, withTable } from './common.js';

const WINDOWS = [['90d', '90 days'], ['365d', '365 days'], ['all', 'all time']];
const NEXT = { '90d': '365d', '365d': 'all', all: '90d' };
const DAYS = { '90d': 90, '365d': 365 };

export async function render(root, ctx) {
  root.append(h('h1', null, 'Power'));
  const window = WINDOWS.some(([w]) => w === ctx.params.get('window')) ? ctx.params.get('window') : '90d';
  const asked = ctx.params.get('compare');
  const compare = WINDOWS.some(([w]) => w === asked) && asked !== window ? asked : NEXT[window];
  const name = (w) => WINDOWS.find(([x]) => x === w)[1];
  root.append(h('div', { class: 'controls' },
    choices('Window', 'window', WINDOWS, window, (p, v) => ctx.link('/power', { window: v, compare: null })),
    choices('Compared with', 'compare', WINDOWS.filter(([w]) => w !== window), compare, (p, v) => ctx.link('/power', { window, compare: v }))));
  if (!ctx.athlete.activity_count) {
    root.append(empty('No activities yet.', 'Power curves appear once rides are synced: run ./paceline up.'));
    return;
  }
  const range = (w) => (DAYS[w] ? { from: daysBefore(ctx.asOfDate, DAYS[w] - 1), to: ctx.asOfDate } : {});
  const [curve, other, bests, otherBests] = await Promise.all([
    ctx.body('/power-curve', { window }),
    ctx.body('/power-curve', { window: compare }),
    ctx.body('/power-bests', range(window)),
    ctx.body('/power-bests', range(compare)),
  ]);
  if (curve.length === 0 && other.length === 0 && bests.every((b) => b.watts == null) && otherBests.every((b) => b.watts == null)) {
    root.append(empty('No power data yet.',
      'Power curves and best efforts need rides recorded with a power meter (or a smart trainer). Rides without power still count for heart-rate zones and load.'));
    return;
  }
  const durations = [...new Set([...curve, ...other].map((r) => r.duration_s))].sort((a, b) => a - b);
  const at = (rows) => new Map(rows.map((r) => [r.duration_s, r]));
  const mine = at(curve);
  const theirs = at(other);
  const fig = chart(`Mean-maximal power: ${name(window)} against ${name(compare)} (watts by duration, log scale)`, durations, [
    { label: name(window), values: durations.map((d) => mine.get(d)?.watts ?? null), color: '#d62728' },
    { label: name(compare), values: durations.map((d) => theirs.get(d)?.watts ?? null), color: '#1f77b4', dash: [6, 4] },
  ], { logX: true, yLabel: 'W' });
  root.append(section('Power curve', withTable(fig, table('curve',
    `Best mean power by duration, as of ${curve[0]?.as_of_date || other[0]?.as_of_date || ctx.asOfDate}`,
    ['duration', `${name(window)} (W)`, 'date', `${name(compare)} (W)`, 'date'],
    durations.map((d) => [durationLabel(d), num(mine.get(d)?.watts), when(ctx, mine.get(d)), num(theirs.get(d)?.watts), when(ctx, theirs.get(d))]),
    { scroll: true }))));

  const otherAt = new Map(otherBests.map((b) => [b.duration_s, b]));
  root.append(section('Best efforts', table('bests',
    `Best power per standard duration in ${name(window)}, against ${name(compare)}; the date links to the activity`,
    ['duration', `${name(window)} (W)`, 'date', `${name(compare)} (W)`, 'date'],
    bests.map((b) => [b.duration || durationLabel(b.duration_s), num(b.watts), when(ctx, b), num(otherAt.get(b.duration_s)?.watts), when(ctx, otherAt.get(b.duration_s))]))));
}

function when(ctx, row) {
  return row && row.activity_id != null ? activityLink(ctx, row.activity_id, row.local_date) : '–';
}
