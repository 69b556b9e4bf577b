// Charts drawn with uPlot (the org.webjars.npm:uplot WebJar; keep this path in step with uplot.version in
// metrics-api/pom.xml — the browser tests fail on the 404 otherwise). Every chart has its numbers in a table beside it.
import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';
import { h } from './dom.js';
import { durationLabel } from './format.js';

export const COLORS = ['#1f77b4', '#d62728', '#e6a100', '#2ca02c', '#9467bd', '#8c564b', '#17becf'];
// labelled ticks of a log duration axis
const NICE_DURATIONS = [1, 5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200, 14400, 28800];

export const ZONE_COLORS = ['#9ecae1', '#4292c6', '#41ab5d', '#fec44f', '#fe9929', '#e6550d', '#a50f15'];

/** 'YYYY-MM-DD' as seconds since the epoch (UTC midnight), uPlot's time unit. */
export function day(date) {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 1000;
}

/**
 * A chart in a figure: xs and series [{ label, values, color, bars, scale, dash }]; opts.time: x is days,
 * opts.logX: x is seconds on a log axis, opts.stacked: bars stacked (values per series, bottom first).
 */
export function chart(caption, xs, series, opts = {}) {
  const box = h('div', { class: 'chart', role: 'img', 'aria-label': `${caption} (the numbers are in the table beside it)` });
  const figure = h('figure', null, box, h('figcaption', { class: 'muted' }, caption));
  const data = [xs];
  const uSeries = [{}];
  const drawn = opts.stacked ? stack(series) : series;
  for (const [i, s] of drawn.entries()) {
    const color = s.color || COLORS[i % COLORS.length];
    data.push(s.values.map((v) => (v == null ? null : v)));
    uSeries.push({
      label: s.label,
      stroke: color,
      width: s.bars ? 0 : 2,
      dash: s.dash,
      fill: s.bars ? color : undefined,
      scale: s.scale || 'y',
      spanGaps: false,
      points: { show: xs.length < 40 && !s.bars },
      paths: s.bars ? uPlot.paths.bars({ size: [0.7, 60], align: 0 }) : undefined,
    });
  }
  const axes = [
    opts.logX ? {
      splits: (u, i, min, max) => NICE_DURATIONS.filter((d) => d >= min && d <= max),
      filter: (u, splits) => splits, // keep every nice duration (uPlot's log filter would drop most)
      values: (u, ticks) => ticks.map((t) => (t == null ? '' : durationLabel(t))),
    }
      : opts.xLabels ? { splits: () => xs, values: (u, ticks) => ticks.map((t) => opts.xLabels[xs.indexOf(t)] ?? '') } : {},
    { scale: 'y', size: 56, label: opts.yLabel, values: opts.yValues },
  ];
  const scales = { x: opts.logX ? { time: false, distr: 3, log: 10 } : { time: !!opts.time } };
  if (!opts.time && !opts.logX) scales.x.range = (u, min, max) => [min - 0.6, max + 0.6];
  // bars on a time axis: room for the first and last bar
  const step = xs.length > 1 ? xs[1] - xs[0] : 86400;
  if (opts.time && series.some((s) => s.bars || opts.stacked)) scales.x.range = (u, min, max) => [min - step * 0.6, max + step * 0.6];
  if (series.some((s) => s.scale === 'y2')) {
    axes.push({ scale: 'y2', side: 1, size: 48, grid: { show: false }, label: opts.y2Label });
    scales.y2 = { range: (u, min, max) => [0, Math.max(1, max * 1.6)] };
  }
  if (opts.stacked || series.every((s) => s.bars)) scales.y = { range: (u, min, max) => [0, Math.max(1, max * 1.05)] };
  const make = () => {
    box.replaceChildren();
    const width = Math.max(260, box.clientWidth || 600);
    const plot = new uPlot({
      width,
      height: width < 500 ? 200 : 260,
      series: uSeries,
      axes,
      scales,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      legend: { live: false },
      cursor: { drag: { x: false, y: false } },
    }, data, box);
    return plot;
  };
  // uPlot needs a width: draw once the figure is in the page, redraw when its box changes width
  let plot = null;
  let lastWidth = 0;
  const observer = new ResizeObserver(() => {
    if (!box.isConnected) return observer.disconnect();
    const width = box.clientWidth;
    if (!plot) {
      plot = make();
      lastWidth = width;
    } else if (Math.abs(width - lastWidth) > 4) {
      lastWidth = width;
      plot.setSize({ width: Math.max(260, width), height: width < 500 ? 200 : 260 });
    }
  });
  observer.observe(box);
  return figure;
}

// Stacked bars: uPlot draws series in order, so draw the running totals from the top down.
function stack(series) {
  const totals = [];
  let running = null;
  for (const s of series) {
    running = s.values.map((v, i) => (running ? running[i] : 0) + (v || 0));
    totals.push({ ...s, bars: true, values: running });
  }
  return totals.reverse();
}
