{#
grain: one row per stream sample (athlete_id, activity_id, sample_index) of live activities; the time stream drives, other streams are read at the same position (null when absent)
description: opt-in (paceline.transform.enable-models=stg_strava__streams), for SQL over samples; off by default, and then raw streams are not loaded into the warehouse at all. t in seconds from the start; velocity in m/s; distance and altitude in metres; grade in percent; temp in degrees Celsius; lat/lng in degrees.
tests:
  - unique: athlete_id, activity_id, sample_index
  - not_null: athlete_id, activity_id, sample_index, t
  - relationships: athlete_id, activity_id -> stg_strava__activities
  - expression [warn]: watts is null or watts >= 0
#}
{{ config(materialized='incremental', unique_key=['athlete_id', 'activity_id', 'sample_index'], batch_seconds=1000000,
    enabled=false) }}

-- The latest version's key first, then its payload by an equality join: a filter over the payload column itself
-- would carry every raw payload (hundreds of MB) through the subquery joins of in_changed().
with latest_keys as (
    select s.athlete_id, s.object_id, s.fetched_at, s.payload_sha256
    from {{ source('strava', 'streams') }} as s
    where true
    {%- if is_incremental() %}
        and {{ in_changed('s.athlete_id', 's.object_id') }}
    {%- endif %}
    qualify row_number() over (partition by s.athlete_id, s.object_id order by s.fetched_at desc, s.payload_sha256 desc) = 1
),

latest as (
    select s.athlete_id, s.object_id as activity_id, s.payload
    from {{ source('strava', 'streams') }} as s
    inner join latest_keys as k
        on k.athlete_id = s.athlete_id and k.object_id = s.object_id and k.fetched_at = s.fetched_at
        and k.payload_sha256 = s.payload_sha256
    where true
    -- the same version loaded twice (a re-delivered object) still yields one payload
    qualify row_number() over (partition by s.athlete_id, s.object_id order by s.ingest_run_id) = 1
),

live as (
    select l.athlete_id, l.activity_id, l.payload
    from latest as l
    where exists (
        select 1 from {{ ref('stg_strava__activities') }} as a
        where a.athlete_id = l.athlete_id and a.activity_id = l.activity_id)
),

arrays as (
    {{ json_arrays('live', ['athlete_id', 'activity_id'], 'payload',
        ['$.time.data', '$.watts.data', '$.heartrate.data', '$.cadence.data', '$.velocity_smooth.data', '$.distance.data',
         '$.altitude.data', '$.grade_smooth.data', '$.temp.data', '$.moving.data', '$.latlng.data[*][0]', '$.latlng.data[*][1]'],
        ['INT64', 'FLOAT64', 'FLOAT64', 'FLOAT64', 'FLOAT64', 'FLOAT64', 'FLOAT64', 'FLOAT64', 'FLOAT64', 'BOOL', 'FLOAT64', 'FLOAT64'],
        ['time_arr', 'watts_arr', 'heartrate_arr', 'cadence_arr', 'velocity_arr', 'distance_arr', 'altitude_arr', 'grade_arr',
         'temp_arr', 'moving_arr', 'lat_arr', 'lng_arr']) }}
)

{{ unnest_zip('arrays', ['athlete_id', 'activity_id'],
    ['time_arr', 'watts_arr', 'heartrate_arr', 'cadence_arr', 'velocity_arr', 'distance_arr', 'altitude_arr',
     'grade_arr', 'temp_arr', 'moving_arr', 'lat_arr', 'lng_arr'],
    ['t', 'watts', 'heartrate', 'cadence', 'velocity', 'distance', 'altitude', 'grade', 'temp', 'moving', 'lat', 'lng'],
    'sample_index') }}
