// "/90-day?sport=all|ride|run|other&date=": the 90-day view with the previous period and the change.
import { h, section, table, empty, choices } from '../dom.js';
import { byColumn, label, duration } from '../format.js';
import { chart, day } from '../chart.js';
import { daysBefore, withTable } from './common.js';

const SPORTS = [['all', 'all sports'], ['ride', 'rides'], ['run', 'runs'], ['other', 'other']];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function render(root, ctx) {
  const sport = SPORTS.some(([s]) => s === ctx.params.get('sport')) ? ctx.params.get('sport') : 'all';
  const date = DATE.test(ctx.params.get('date') || '') ? ctx.params.get('date') : null;
  root.append(h('h1', null, 'The last 90 days'),
    h('div', { class: 'controls' }, choices('Sport', 'sport', SPORTS, sport, (p, v) => ctx.link('/90-day', { sport: v, date }))));
  if (!ctx.athlete.activity_count) {
    root.append(empty('No activities yet.', 'The 90-day view starts with the first synced activity: run ./paceline up.'));
    return;
  }
  const [row] = await ctx.body('/rolling', { window: '90d', sport, date }); // one row: the date's (default: the build's)
  const end = row.date;
  const series = await ctx.body('/rolling', { window: '90d', sport, from: daysBefore(end, 364), to: end });
  const base = Object.keys(row).filter((k) => !['date', 'sport', 'athlete_id'].includes(k)
    && !k.endsWith('_prev') && !k.endsWith('_change_pct'));
  root.append(section(`The 90 days to ${end} against the 90 before`, table('rolling',
    `${SPORTS.find(([s]) => s === sport)[1]}: the 90 days ending ${end} (inclusive) and the 90 days before them`,
    ['metric', 'last 90 days', 'the 90 before', 'change'],
    base.map((c) => [label(c), byColumn(c, row[c]), byColumn(`${c}_prev`, row[`${c}_prev`]), byColumn(`${c}_change_pct`, row[`${c}_change_pct`])]))));

  if (series.length && 'moving_time_s' in series[0]) {
    const fig = chart('Moving time over the trailing 90 days, day by day for a year (hours), and over the 90 days before', series.map((r) => day(r.date)), [
      { label: 'last 90 days', values: series.map((r) => (r.moving_time_s == null ? null : r.moving_time_s / 3600)), color: '#1f77b4' },
      { label: 'the 90 before', values: series.map((r) => (r.moving_time_s_prev == null ? null : r.moving_time_s_prev / 3600)), color: '#9467bd', dash: [6, 4] },
    ], { time: true, yLabel: 'h' });
    root.append(section('Moving time, trailing 90 days', withTable(fig, table('rolling-series', `${series.length} days, newest first`,
      ['date', 'last 90 days', 'the 90 before', 'change'],
      series.slice().reverse().map((r) => [r.date, duration(r.moving_time_s), duration(r.moving_time_s_prev), byColumn('moving_time_s_change_pct', r.moving_time_s_change_pct)]),
      { scroll: true }))));
  } else if (!series.length) {
    root.append(empty('No days before this date.', 'Pick a later date.'));
  }
}
