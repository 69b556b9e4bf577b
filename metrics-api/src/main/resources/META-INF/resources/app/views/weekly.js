// "/weekly?metric=…&weeks=": the weekly report with rolling averages and ranks.
import { h, section, table, choices } from '../dom.js';
import { byColumn, label, num } from '../format.js';
import { chart, day } from '../chart.js';
import { withTable } from './common.js';

const METRICS = ['moving_time_s', 'outdoor_distance_m', 'outdoor_elevation_m', 'active_days', 'outdoor_days', 'long_days', 'longest_outdoor_day_m'];
const WEEKS = [['13', '13 weeks'], ['26', '26 weeks'], ['52', '52 weeks'], ['104', '2 years']];
// charts in hours and km; the table keeps the API's units
const SCALE = { moving_time_s: 1 / 3600, outdoor_distance_m: 1 / 1000, longest_outdoor_day_m: 1 / 1000 };

export async function render(root, ctx) {
  const metric = METRICS.includes(ctx.params.get('metric')) ? ctx.params.get('metric') : 'moving_time_s';
  const weeks = WEEKS.some(([w]) => w === ctx.params.get('weeks')) ? ctx.params.get('weeks') : '26';
  root.append(h('h1', null, 'Weekly report'), h('div', { class: 'controls' },
    choices('Metric', 'metric', METRICS.map((m) => [m, label(m)]), metric, (p, v) => ctx.link('/weekly', { metric: v, weeks })),
    choices('Weeks', 'weeks', WEEKS, weeks, (p, v) => ctx.link('/weekly', { metric, weeks: v }))));
  const rows = await ctx.body('/weekly', { metric, weeks });
  if (rows.length === 0) {
    root.append(h('div', { class: 'empty', role: 'status' }, h('p', { class: 'empty-title' }, 'No weeks yet.'),
      h('p', null, 'The weekly report starts with the week of the first synced activity: run ./paceline up, or wait for the next sync.')));
    return;
  }
  const k = SCALE[metric] || 1;
  const scaled = (v) => (v == null ? null : v * k);
  const fig = chart(`${label(metric)} per week, with the 6-, 13- and 52-week averages`, rows.map((r) => day(r.week_start)), [
    { label: 'week', values: rows.map((r) => scaled(r.value)), bars: true, color: '#9ecae1' },
    { label: '6-week avg', values: rows.map((r) => scaled(r.avg_6w)), color: '#d62728' },
    { label: '13-week avg', values: rows.map((r) => scaled(r.avg_13w)), color: '#e6a100' },
    { label: '52-week avg', values: rows.map((r) => scaled(r.avg_52w)), color: '#1f77b4' },
  ], { time: true, yLabel: metric === 'moving_time_s' ? 'h' : SCALE[metric] ? 'km' : '' });
  root.append(section(label(metric), withTable(fig, table('weekly', `${rows.length} weeks, newest first; rank 1 is the highest`,
    ['week', 'value', 'avg 6w', 'avg 13w', 'avg 26w', 'avg 52w', 'rank 6w', 'rank 13w', 'rank 26w', 'rank 52w', 'rank all'],
    rows.slice().reverse().map((r) => [r.week_start, byColumn(metric, r.value), byColumn(metric, r.avg_6w), byColumn(metric, r.avg_13w),
      byColumn(metric, r.avg_26w), byColumn(metric, r.avg_52w), num(r.rank_6w), num(r.rank_13w), num(r.rank_26w), num(r.rank_52w), num(r.rank_all)]),
    { scroll: true }), { wide: true })));
}
