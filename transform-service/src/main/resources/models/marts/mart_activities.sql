{#
grain: one row per activity (athlete_id, activity_id), as docs/marts.md defines mart_activities
tests:
  - unique: athlete_id, activity_id
  - not_null: athlete_id, activity_id, sport, sport_type, is_race, is_indoor, start_date_local, local_date, has_power, has_hr
  - accepted_values: sport in (ride, run, other)
  - accepted_values: load_source in (power, hr)
  - expression [warn]: elapsed_time_s >= moving_time_s
  - expression [warn]: max_hr_bpm >= avg_hr_bpm
  - expression [warn]: max_power_w >= avg_power_w
  - expression [warn]: max_speed_mps >= avg_speed_mps
  - expression: coverage is null or (coverage >= 0 and coverage <= 1)
#}
{{ config(materialized='table', unique_key=['athlete_id', 'start_date', 'activity_id'], serve=true) }}

select
    f.athlete_id,
    f.activity_id,
    f.name,
    f.sport,
    f.sport_type,
    f.type,
    f.activity_type,
    f.activity_subtype,
    f.is_race,
    f.is_indoor,
    f.workout_type,
    f.start_date,
    f.start_date_local,
    f.local_date,
    f.timezone,
    f.moving_time_s,
    f.elapsed_time_s,
    f.distance_m,
    f.elevation_gain_m,
    f.kilojoules,
    f.avg_speed_mps,
    f.max_speed_mps,
    f.avg_hr_bpm,
    f.max_hr_bpm,
    f.avg_power_w,
    f.max_power_w,
    f.device_watts,
    f.has_power,
    f.has_hr,
    f.np_w,
    f.ftp_w,
    f.intensity_factor,
    f.tss,
    f.hr_tss,
    f.load,
    f.load_source,
    f.recorded_s,
    f.coverage
from {{ ref('int_activity_facts') }} as f
