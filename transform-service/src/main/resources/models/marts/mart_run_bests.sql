{#
grain: one row per run and standard distance it covers (athlete_id, activity_id, distance_m): the shortest elapsed time over the distance
tests:
  - unique: athlete_id, activity_id, distance_name
  - not_null: athlete_id, activity_id, local_date, distance_m, distance_name, time_s, start_s
  - accepted_values: distance_name in (400m, 1k, 1mile, 5k, 10k, half_marathon, marathon)
  - relationships: athlete_id, activity_id -> stg_strava__activities
  - expression: time_s > 0
#}
{{ config(materialized='table', unique_key=['athlete_id', 'activity_id', 'distance_m'], serve=true) }}

select
    f.athlete_id,
    f.activity_id,
    f.local_date,
    b.distance_m,
    b.distance_name,
    round(b.time_s, 1) as time_s,
    b.start_s
from {{ ref('int_activity_facts') }} as f
inner join {{ ref('int_activity_run_bests') }} as b on b.athlete_id = f.athlete_id and b.activity_id = f.activity_id
where f.sport = 'run'
