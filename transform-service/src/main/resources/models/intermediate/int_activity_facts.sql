{#
grain: one row per activity (athlete_id, activity_id): the activity with its custom type, stream statistics, thresholds in force on its local date, IF, TSS, hrTSS and load
description: has_power = a ride with device_watts and seconds with power; NP, IF and TSS only then (TSS = 100 x np_s / 3600 x (NP / FTP)^2 with the FTP in force on the local date). hrTSS = 100 x TRIMP(HR minutes, avg HR) / TRIMP(60 min, threshold HR), Banister TRIMP with HRr clamped to 0..1 (men 0.64 e^1.92x, women 0.86 e^1.67x), resting HR the configured one else 60, threshold HR the configured LTHR else 0.9 x max HR; null without HR seconds or max HR. load = TSS, else hrTSS.
tests:
  - unique: athlete_id, activity_id
  - not_null: athlete_id, activity_id, sport, local_date, has_power, has_hr, is_race, is_indoor
  - relationships: athlete_id, activity_id -> stg_strava__activities
  - accepted_values: load_source in (power, hr)
  - expression: coverage is null or (coverage >= 0 and coverage <= 1)
  - expression: tss is null or tss >= 0
  - expression: hr_tss is null or hr_tss >= 0
#}
{{ config(materialized='table') }}

with activities as (
    select a.* from {{ ref('stg_strava__activities') }} as a
),

joined as (
    select
        a.athlete_id, a.activity_id, a.name, a.sport, a.sport_type, a.workout_type, a.trainer, a.is_indoor,
        a.start_at, a.start_local, a.local_date, a.timezone, a.moving_time_s, a.elapsed_time_s, a.distance_m,
        a.elevation_gain_m, a.kilojoules, a.average_speed_mps, a.max_speed_mps, a.average_heartrate_bpm,
        a.max_heartrate_bpm, a.average_watts, a.max_watts, a.device_watts,
        t.activity_type, t.activity_subtype, t.is_race,
        s.recorded_s, s.moving_s, s.power_moving_s, s.heartrate_s, s.heartrate_moving_s, s.speed_moving_s,
        s.avg_hr_bpm as stream_avg_hr_bpm, s.np_w as stream_np_w, s.np_s,
        (a.sport = 'ride' and a.device_watts and coalesce(s.power_s, 0) > 0) as has_power,
        coalesce(s.heartrate_s, 0) > 0 as has_hr,
        d.ftp_w, d.max_hr_bpm as max_hr_on_day, coalesce(d.rest_hr_bpm, 60) as rest_hr,
        coalesce(d.lthr_bpm, 0.9 * d.max_hr_bpm) as threshold_hr, d.female
    from activities as a
    left join {{ ref('int_activity_types') }} as t on t.athlete_id = a.athlete_id and t.activity_id = a.activity_id
    left join {{ ref('int_activity_stream_stats') }} as s on s.athlete_id = a.athlete_id and s.activity_id = a.activity_id
    left join {{ ref('int_athlete_daily') }} as d on d.athlete_id = a.athlete_id and d.date = a.local_date
),

power as (
    select
        j.*,
        case when j.has_power then j.stream_np_w end as np_w,
        case when j.has_power and j.stream_np_w is not null then {{ safe_divide('j.stream_np_w', 'j.ftp_w') }} end
            as intensity_factor,
        case when j.has_power and j.stream_np_w is not null and j.ftp_w > 0
            then 100.0 * j.np_s / 3600.0 * pow(j.stream_np_w / j.ftp_w, 2) end as tss,
        case when j.has_hr and j.max_hr_on_day > j.rest_hr and j.threshold_hr > j.rest_hr
            then least(1.0, greatest(0.0, (j.stream_avg_hr_bpm - j.rest_hr) / (j.max_hr_on_day - j.rest_hr))) end as hrr,
        case when j.has_hr and j.max_hr_on_day > j.rest_hr and j.threshold_hr > j.rest_hr
            then least(1.0, greatest(0.0, (j.threshold_hr - j.rest_hr) / (j.max_hr_on_day - j.rest_hr))) end as hrr_threshold
    from joined as j
),

loads as (
    select
        p.*,
        case when p.hrr_threshold > 0 then
            100.0 * (p.heartrate_s / 60.0) * p.hrr * case when p.female then 0.86 * exp(1.67 * p.hrr) else 0.64 * exp(1.92 * p.hrr) end
            / (60.0 * p.hrr_threshold * case when p.female then 0.86 * exp(1.67 * p.hrr_threshold)
                else 0.64 * exp(1.92 * p.hrr_threshold) end)
        end as hr_tss
    from power as p
)

select
    l.athlete_id,
    l.activity_id,
    l.name,
    l.sport,
    l.sport_type,
    l.sport_type as type,
    l.activity_type,
    l.activity_subtype,
    coalesce(l.is_race, false) as is_race,
    l.is_indoor,
    l.workout_type,
    l.start_at as start_date,
    l.start_local as start_date_local,
    l.local_date,
    l.timezone,
    l.moving_time_s,
    l.elapsed_time_s,
    l.distance_m,
    l.elevation_gain_m,
    l.kilojoules,
    l.average_speed_mps as avg_speed_mps,
    l.max_speed_mps,
    l.average_heartrate_bpm as avg_hr_bpm,
    l.max_heartrate_bpm as max_hr_bpm,
    l.average_watts as avg_power_w,
    l.max_watts as max_power_w,
    l.device_watts,
    l.has_power,
    l.has_hr,
    l.np_w,
    l.ftp_w,
    l.intensity_factor,
    l.tss,
    l.hr_tss,
    coalesce(l.tss, l.hr_tss) as load,
    case when l.tss is not null then 'power' when l.hr_tss is not null then 'hr' end as load_source,
    l.recorded_s,
    case when l.recorded_s is not null then least(1.0, {{ safe_divide('l.moving_s', 'l.moving_time_s') }}) end as coverage,
    l.heartrate_moving_s,
    l.power_moving_s,
    l.speed_moving_s
from loads as l
