{#
grain: one row per stream sample (athlete_id, activity_id, sample_index) of live activities; the time stream drives, other streams are read at the same position (null when absent)
description: t in seconds from the start; velocity in m/s; distance and altitude in metres; grade in percent; temp in degrees Celsius; lat/lng in degrees.
tests:
  - unique: athlete_id, activity_id, sample_index
  - not_null: athlete_id, activity_id, sample_index, t
  - relationships: athlete_id, activity_id -> stg_strava__activities
  - expression [warn]: watts is null or watts >= 0
#}
{{ config(materialized='incremental', unique_key=['athlete_id', 'activity_id', 'sample_index']) }}

with latest as (
    select s.athlete_id, s.object_id as activity_id, s.payload
    from {{ source('strava', 'streams') }} as s
    where true
    {%- if is_incremental() %}
        and {{ in_changed('s.athlete_id', 's.object_id') }}
    {%- endif %}
    qualify row_number() over (partition by s.athlete_id, s.object_id order by s.fetched_at desc, s.payload_sha256 desc) = 1
),

live as (
    select l.athlete_id, l.activity_id, l.payload
    from latest as l
    where exists (
        select 1 from {{ ref('stg_strava__activities') }} as a
        where a.athlete_id = l.athlete_id and a.activity_id = l.activity_id)
),

arrays as (
    select
        athlete_id,
        activity_id,
        {{ json_array('payload', '$.time.data', 'INT64') }} as time_arr,
        {{ json_array('payload', '$.watts.data', 'FLOAT64') }} as watts_arr,
        {{ json_array('payload', '$.heartrate.data', 'FLOAT64') }} as heartrate_arr,
        {{ json_array('payload', '$.cadence.data', 'FLOAT64') }} as cadence_arr,
        {{ json_array('payload', '$.velocity_smooth.data', 'FLOAT64') }} as velocity_arr,
        {{ json_array('payload', '$.distance.data', 'FLOAT64') }} as distance_arr,
        {{ json_array('payload', '$.altitude.data', 'FLOAT64') }} as altitude_arr,
        {{ json_array('payload', '$.grade_smooth.data', 'FLOAT64') }} as grade_arr,
        {{ json_array('payload', '$.temp.data', 'FLOAT64') }} as temp_arr,
        {{ json_array('payload', '$.moving.data', 'BOOL') }} as moving_arr,
        {{ json_array('payload', '$.latlng.data', 'FLOAT64', element_index=0) }} as lat_arr,
        {{ json_array('payload', '$.latlng.data', 'FLOAT64', element_index=1) }} as lng_arr
    from live
)

{{ unnest_zip('arrays', ['athlete_id', 'activity_id'],
    ['time_arr', 'watts_arr', 'heartrate_arr', 'cadence_arr', 'velocity_arr', 'distance_arr', 'altitude_arr',
     'grade_arr', 'temp_arr', 'moving_arr', 'lat_arr', 'lng_arr'],
    ['t', 'watts', 'heartrate', 'cadence', 'velocity', 'distance', 'altitude', 'grade', 'temp', 'moving', 'lat', 'lng'],
    'sample_index') }}
