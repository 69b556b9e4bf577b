{#
grain: one row per activity (athlete_id, activity_id): its latest fetched version; deleted activities and deauthorized athletes are dropped
description: typed columns in SI units, sport (ride | run | other) and is_indoor as METRICS.md defines them, and the local start date taken from start_date_local without any time-zone conversion.
tests:
  - unique: athlete_id, activity_id
  - not_null: athlete_id, activity_id, sport, sport_type, is_indoor, start_local, local_date
  - accepted_values: sport in (ride, run, other)
  - expression [warn]: elapsed_time_s >= moving_time_s
  - expression [warn]: max_heartrate_bpm >= average_heartrate_bpm
  - expression [warn]: max_watts >= average_watts
  - expression [warn]: max_speed_mps >= average_speed_mps
#}
{{ config(materialized='table') }}

with versions as (
    select s.athlete_id, s.object_id as activity_id, s.fetched_at, s.payload
    from {{ source('strava', 'activities') }} as s
    where true
    qualify row_number() over (partition by s.athlete_id, s.object_id order by s.fetched_at desc, s.payload_sha256 desc) = 1
),

live as (
    select v.*
    from versions as v
    where not exists (
            select 1 from {{ ref('stg_strava__deleted_activities') }} as d
            where d.athlete_id = v.athlete_id and d.activity_id = v.activity_id)
        and not exists (
            select 1 from {{ ref('stg_strava__deauthorized_athletes') }} as x
            where x.athlete_id = v.athlete_id)
),

typed as (
    select
        athlete_id,
        activity_id,
        {{ json_value('payload', '$.name') }} as name,
        coalesce({{ json_value('payload', '$.sport_type') }}, {{ json_value('payload', '$.type') }}) as sport_type,
        {{ json_int('payload', '$.workout_type') }} as workout_type,
        coalesce({{ json_bool('payload', '$.trainer') }}, false) as trainer,
        coalesce({{ json_bool('payload', '$.commute') }}, false) as commute,
        coalesce({{ json_bool('payload', '$.manual') }}, false) as manual,
        {{ iso_timestamp(json_value('payload', '$.start_date')) }} as start_at,
        {{ iso_datetime(json_value('payload', '$.start_date_local')) }} as start_local,
        {{ local_date(json_value('payload', '$.start_date_local')) }} as local_date,
        {{ json_value('payload', '$.timezone') }} as timezone,
        {{ json_number('payload', '$.distance') }} as distance_m,
        {{ json_int('payload', '$.moving_time') }} as moving_time_s,
        {{ json_int('payload', '$.elapsed_time') }} as elapsed_time_s,
        {{ json_number('payload', '$.total_elevation_gain') }} as elevation_gain_m,
        {{ json_number('payload', '$.average_speed') }} as average_speed_mps,
        {{ json_number('payload', '$.max_speed') }} as max_speed_mps,
        {{ json_number('payload', '$.average_watts') }} as average_watts,
        {{ json_number('payload', '$.weighted_average_watts') }} as weighted_average_watts,
        {{ json_number('payload', '$.max_watts') }} as max_watts,
        {{ json_number('payload', '$.kilojoules') }} as kilojoules,
        coalesce({{ json_bool('payload', '$.device_watts') }}, false) as device_watts,
        coalesce({{ json_bool('payload', '$.has_heartrate') }}, false) as has_heartrate,
        {{ json_number('payload', '$.average_heartrate') }} as average_heartrate_bpm,
        {{ json_number('payload', '$.max_heartrate') }} as max_heartrate_bpm,
        {{ json_number('payload', '$.average_cadence') }} as average_cadence,
        {{ json_number('payload', '$.calories') }} as calories,
        {{ json_value('payload', '$.gear_id') }} as gear_id,
        {{ json_value('payload', '$.device_name') }} as device_name,
        fetched_at
    from live
)

select
    athlete_id,
    activity_id,
    name,
    sport_type,
    case
        when sport_type in ('Ride', 'VirtualRide', 'MountainBikeRide', 'GravelRide', 'EBikeRide',
                            'EMountainBikeRide', 'Velomobile', 'Handcycle') then 'ride'
        when sport_type in ('Run', 'VirtualRun', 'TrailRun') then 'run'
        else 'other'
    end as sport,
    (trainer
        or sport_type in ('VirtualRide', 'VirtualRun')
        or coalesce({{ regexp_contains('lower(name)', "'treadmill|indoor|zwift|spin|turbo|trainerroad|rouvy'") }}, false)
    ) as is_indoor,
    workout_type,
    trainer,
    commute,
    manual,
    start_at,
    start_local,
    local_date,
    timezone,
    distance_m,
    moving_time_s,
    elapsed_time_s,
    elevation_gain_m,
    average_speed_mps,
    max_speed_mps,
    average_watts,
    weighted_average_watts,
    max_watts,
    kilojoules,
    device_watts,
    has_heartrate,
    average_heartrate_bpm,
    max_heartrate_bpm,
    average_cadence,
    calories,
    gear_id,
    device_name,
    fetched_at
from typed
