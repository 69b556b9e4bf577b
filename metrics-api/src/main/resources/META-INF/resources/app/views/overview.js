// "/": this week, the last 90 days against the 90 before, fitness/fatigue/form, recent activities.
import { h, section, table, empty } from '../dom.js';
import { byColumn, label, num } from '../format.js';
import { chart, day } from '../chart.js';
import { activitiesTable, daysBefore, withTable } from './common.js';

const WEEK_METRICS = ['moving_time_s', 'outdoor_distance_m', 'outdoor_elevation_m', 'active_days'];
const NINETY_DAY = ['activity_count', 'active_days', 'moving_time_s', 'distance_m', 'elevation_gain_m', 'load', 'ctl'];

export async function render(root, ctx) {
  root.append(h('h1', null, ctx.athlete.name || `Athlete ${ctx.athlete.athlete_id}`));
  if (!ctx.athlete.activity_count) {
    root.append(empty('No activities yet.',
      'Paceline shows what it has synced from Strava. Connect Strava (README, "Two commands") and run ./paceline up, or wait for the next sync and transform run.'));
    return;
  }
  const [weeks, ninety, days, recent] = await Promise.all([
    Promise.all(WEEK_METRICS.map((m) => ctx.body('/weekly', { metric: m, weeks: 1 }))),
    ctx.body('/rolling', { window: '90d', sport: 'all' }).then((rows) => rows[0] || {}),
    ctx.body('/fitness', { from: daysBefore(ctx.asOfDate, 41) }),
    ctx.body('/activities', { limit: 5 }),
  ]);

  const week = weeks.map((rows, i) => [WEEK_METRICS[i], rows[rows.length - 1]]).filter(([, r]) => r);
  root.append(section(`This week${week.length ? ` (from ${week[0][1].week_start})` : ''}`,
    table('week', 'This week against the trailing 6 and 52 weeks; rank 1 is the highest of the last 52 weeks',
      ['metric', 'this week', '6-week average', '52-week average', 'rank (52 weeks)'],
      week.map(([m, r]) => [label(m), byColumn(m, r.value), byColumn(m, r.avg_6w), byColumn(m, r.avg_52w), num(r.rank_52w)]))));

  const present = NINETY_DAY.filter((c) => c in ninety);
  root.append(section(`The last 90 days against the 90 before${ninety.date ? ` (to ${ninety.date})` : ''}`,
    table('ninety', 'All sports: the 90 days ending on the date against the 90 days before them',
      ['metric', 'last 90 days', 'the 90 before', 'change'],
      present.map((c) => [label(c), byColumn(c, ninety[c]), byColumn(c, ninety[`${c}_prev`]),
        byColumn(`${c}_change_pct`, ninety[`${c}_change_pct`])]))));

  const last = days[days.length - 1];
  if (last) {
    const fig = chart('Fitness (CTL), fatigue (ATL) and form over the last 42 days', days.map((d) => day(d.date)), [
      { label: 'fitness (CTL)', values: days.map((d) => d.ctl) },
      { label: 'fatigue (ATL)', values: days.map((d) => d.atl) },
      { label: 'form', values: days.map((d) => d.form) },
    ], { time: true });
    root.append(section('Fitness, fatigue and form', withTable(fig,
      table('form', `On ${last.date}; the chart shows the last 42 days (more under Fitness)`, ['date', 'fitness (CTL)', 'fatigue (ATL)', 'form', 'load'],
        [[last.date, num(last.ctl), num(last.atl), num(last.form), num(last.load)]]))));
  }

  root.append(section('Recent activities',
    activitiesTable(ctx, 'recent', 'The five newest activities', recent),
    h('p', null, h('a', { href: ctx.link('/activities') }, 'All activities →'))));
}
