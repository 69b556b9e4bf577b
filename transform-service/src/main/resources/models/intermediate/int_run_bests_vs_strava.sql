{#
grain: one row per Strava best effort at one of Paceline's run distances (athlete_id, activity_id, distance_name), beside Paceline's own best for that activity and distance
description: METRICS.md's cross-check of the running bests. Paceline interpolates the time at which the distance stream crosses each boundary; Strava times whole samples (from one recorded sample to a later one), so its times are longer by up to about one sample interval at each end. Strava's mile is 1,609 m and its half marathon 21,097 m, Paceline's 1,609.344 m and 21,097.5 m: there Paceline's time may be longer by the time that fraction of a metre takes (both distances are columns). paceline_time_s is null when Paceline found no best for a distance Strava reports (a missing or short distance stream).
tests:
  - unique: athlete_id, activity_id, distance_name
  - not_null: athlete_id, activity_id, distance_name, strava_time_s
  - accepted_values: distance_name in (400m, 1k, 1mile, 5k, 10k, half_marathon, marathon)
  - expression [warn]: paceline_time_s is not null
  - expression [warn]: abs(difference_s) <= greatest(5, 0.01 * strava_time_s)
#}
{{ config(materialized='table') }}

with strava as (
    select
        e.athlete_id,
        e.activity_id,
        lower(replace(replace(e.name, ' ', ''), '-', '_')) as distance_name,
        e.elapsed_time_s as strava_time_s,
        e.distance_m as strava_distance_m
    from {{ ref('stg_strava__best_efforts') }} as e
    where lower(replace(replace(e.name, ' ', ''), '-', '_')) in ('400m', '1k', '1mile', '5k', '10k', 'half_marathon', 'marathon')
        and e.elapsed_time_s is not null
    -- a payload listing one distance twice: its fastest
    qualify row_number() over (partition by e.athlete_id, e.activity_id, lower(replace(replace(e.name, ' ', ''), '-', '_'))
        order by e.elapsed_time_s) = 1
)

select
    s.athlete_id,
    s.activity_id,
    s.distance_name,
    s.strava_time_s,
    b.time_s as paceline_time_s,
    s.strava_distance_m,
    b.distance_m as paceline_distance_m,
    s.strava_time_s - b.time_s as difference_s
from strava as s
left join {{ ref('int_activity_run_bests') }} as b
    on b.athlete_id = s.athlete_id and b.activity_id = s.activity_id and b.distance_name = s.distance_name
