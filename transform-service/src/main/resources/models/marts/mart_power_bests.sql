{#
grain: one row per ride with device_watts and standard duration with a qualifying window (athlete_id, activity_id, duration_s): best mean power
description: the nine standard durations (15, 30, 60, 120, 300, 600, 1200, 1800, 3600 s) read off int_activity_power_curve; a window qualifies when >= 90 % of its seconds have power (unrecorded seconds count 0 W).
tests:
  - unique: athlete_id, activity_id, duration_s
  - not_null: athlete_id, activity_id, local_date, sport, duration_s, watts, start_s, coverage
  - accepted_values: duration_s in (15, 30, 60, 120, 300, 600, 1200, 1800, 3600)
  - relationships: athlete_id, activity_id -> stg_strava__activities
  - expression: coverage >= 0.9 and coverage <= 1
#}
{{ config(materialized='table', unique_key=['athlete_id', 'activity_id', 'duration_s'], serve=true) }}

select
    f.athlete_id,
    f.activity_id,
    f.local_date,
    f.sport,
    c.duration_s,
    round(c.watts, 1) as watts,
    c.start_s,
    c.coverage
from {{ ref('int_activity_facts') }} as f
inner join {{ ref('int_activity_power_curve') }} as c on c.athlete_id = f.athlete_id and c.activity_id = f.activity_id
where f.has_power and c.duration_s in (15, 30, 60, 120, 300, 600, 1200, 1800, 3600)
