// "/fitness?range=42d|90d|180d|365d|all" or "?from=&to=": CTL/ATL/form and daily load over a chosen range.
import { h, section, table, empty, choices } from '../dom.js';
import { num } from '../format.js';
import { chart, day } from '../chart.js';
import { daysBefore, withTable } from './common.js';

const RANGES = [['42d', '6 weeks'], ['90d', '90 days'], ['180d', '180 days'], ['365d', 'a year'], ['all', 'all']];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function render(root, ctx) {
  root.append(h('h1', null, 'Fitness, fatigue and form'));
  const from = DATE.test(ctx.params.get('from') || '') ? ctx.params.get('from') : null;
  const to = DATE.test(ctx.params.get('to') || '') ? ctx.params.get('to') : null;
  const range = from || to ? null : (RANGES.some(([r]) => r === ctx.params.get('range')) ? ctx.params.get('range') : '90d');
  root.append(controls(ctx, range, from, to));
  if (!ctx.athlete.activity_count) {
    root.append(empty('No activities yet.', 'Fitness starts with the first synced activity: run ./paceline up, or wait for the next sync.'));
    return;
  }
  const query = range ? { from: range === 'all' ? null : daysBefore(ctx.asOfDate, parseInt(range, 10) - 1) } : { from, to };
  const days = await ctx.body('/fitness', query);
  if (days.length === 0) {
    root.append(empty('No days in this range.', 'Choose a wider range; fitness starts at the first activity.'));
    return;
  }
  const xs = days.map((d) => day(d.date));
  const fig = chart(`Fitness (CTL), fatigue (ATL), form and daily load, ${days[0].date} to ${days[days.length - 1].date}`, xs, [
    { label: 'load', values: days.map((d) => d.load), bars: true, scale: 'y2', color: '#c7c7c7' },
    { label: 'fitness (CTL)', values: days.map((d) => d.ctl), color: '#1f77b4' },
    { label: 'fatigue (ATL)', values: days.map((d) => d.atl), color: '#d62728' },
    { label: 'form', values: days.map((d) => d.form), color: '#e6a100' },
  ], { time: true, y2Label: 'load' });
  const rows = days.slice().reverse().map((d) => [d.date, num(d.load), num(d.ctl), num(d.atl), num(d.form)]);
  root.append(section('Per day', withTable(fig,
    table('fitness', `${days.length} days, newest first`, ['date', 'load', 'fitness (CTL)', 'fatigue (ATL)', 'form'], rows, { scroll: true }))));
}

function controls(ctx, range, from, to) {
  const fromInput = h('input', { type: 'date', name: 'from', value: from || '', 'aria-label': 'from' });
  const toInput = h('input', { type: 'date', name: 'to', value: to || '', 'aria-label': 'to' });
  const form = h('form', { class: 'range' }, h('label', null, 'From ', fromInput), h('label', null, ' to ', toInput),
    h('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    ctx.navigate(ctx.link('/fitness', { from: fromInput.value, to: toInput.value, range: null }));
  });
  return h('div', { class: 'controls' },
    choices('Range', 'range', RANGES, range, (p, v) => ctx.link('/fitness', { range: v, from: null, to: null })), form);
}
