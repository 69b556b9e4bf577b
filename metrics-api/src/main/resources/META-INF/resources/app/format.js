// How numbers are shown. Values are shown as the API gives them (it rounds at the source); only these unit changes
// are made, and the browser tests mirror them: seconds as h:mm:ss, distances in km with 2 decimals, paces as m:ss /km.

const DASH = '–';

/** A number as the API gives it; null as a dash. */
export function num(v) {
  return v == null ? DASH : String(v);
}

/** Seconds as h:mm:ss (m:ss under an hour), rounded to the second. */
export function duration(s) {
  if (s == null) return DASH;
  const t = Math.round(Math.abs(s));
  const hours = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const sec = t % 60;
  const sign = s < 0 ? '-' : '';
  return hours > 0 ? `${sign}${hours}:${pad(m)}:${pad(sec)}` : `${sign}${m}:${pad(sec)}`;
}

/** Metres as kilometres with 2 decimals. */
export function km(m) {
  return m == null ? DASH : (m / 1000).toFixed(2);
}

/** Seconds per km as m:ss. */
export function pace(sPerKm) {
  if (sPerKm == null) return DASH;
  const t = Math.round(sPerKm);
  return `${Math.floor(t / 60)}:${pad(t % 60)}`;
}

/** A percentage the API gives (change_pct): its value and a % sign. */
export function pct(v) {
  return v == null ? DASH : `${v}%`;
}

/** A share computed here (time in a zone of a total): percent with 1 decimal. */
export function share(part, total) {
  return part == null || !total ? DASH : `${((100 * part) / total).toFixed(1)}%`;
}

/** A power-curve duration as a label: 15s, 1m, 1h30m. */
export function durationLabel(s) {
  if (s < 60) return `${s}s`;
  if (s < 3600) return s % 60 === 0 ? `${s / 60}m` : `${Math.floor(s / 60)}m${s % 60}s`;
  const hours = Math.floor(s / 3600);
  const m = Math.round((s % 3600) / 60);
  return m ? `${hours}h${m}m` : `${hours}h`;
}

/** Formats a column of an API row by its name's unit suffix. */
export function byColumn(name, v) {
  if (name.endsWith('_change_pct')) return pct(v);
  if (name.includes('pace_s_per_km')) return pace(v);
  if (/distance|_day_m/.test(name) && /_m(_prev)?$/.test(name)) return km(v);
  if (/_s(_prev)?$/.test(name)) return duration(v);
  return num(v);
}

const LABELS = {
  activity_count: 'activities', active_days: 'active days', moving_time_s: 'moving time', elapsed_time_s: 'elapsed time',
  distance_m: 'distance (km)', elevation_gain_m: 'elevation gain (m)', kilojoules: 'work (kJ)', load: 'load',
  avg_if: 'mean IF', eftp_w: 'eFTP (W)', run_best_5k_s: 'best 5 km', threshold_pace_mps: 'threshold pace (m/s)',
  ctl: 'fitness (CTL)', atl: 'fatigue (ATL)', form: 'form (TSB)', np_w: 'NP (W)', intensity_factor: 'IF', tss: 'TSS',
  hr_tss: 'hrTSS', avg_hr_bpm: 'avg HR (bpm)', max_hr_bpm: 'max HR (bpm)', avg_power_w: 'avg power (W)',
  outdoor_distance_m: 'outdoor distance (km)', outdoor_elevation_m: 'outdoor elevation (m)', outdoor_days: 'outdoor days',
  long_days: 'long days', longest_outdoor_day_m: 'longest outdoor day (km)', is_race: 'race', is_indoor: 'indoor',
  has_power: 'power meter', sport_type: 'Strava sport type', activity_type: 'type', activity_subtype: 'subtype',
  start_date_local: 'start (local)', start_date: 'start (UTC)', local_date: 'date',
};

/** A column's label for people. */
export function label(name) {
  if (LABELS[name]) return LABELS[name];
  const power = name.match(/^power_best_(\d+)_w$/);
  if (power) return `best ${durationLabel(Number(power[1]))} power (W)`;
  const zone = name.match(/^(hr|power|pace)_z(\d)_(s|share)$/);
  if (zone) return `${zone[1] === 'hr' ? 'HR' : zone[1]} Z${zone[2]} ${zone[3] === 's' ? 'time' : 'share'}`;
  return name.replace(/_/g, ' ');
}

function pad(n) {
  return String(n).padStart(2, '0');
}
