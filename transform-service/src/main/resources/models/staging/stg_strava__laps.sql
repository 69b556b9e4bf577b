{#
grain: one row per lap (athlete_id, activity_id, lap_index) of live activities with a detailed payload; lap_index counts from 1 in recorded order
tests:
  - unique: athlete_id, activity_id, lap_index
  - not_null: athlete_id, activity_id, lap_index
  - relationships: athlete_id, activity_id -> stg_strava__activities
  - expression [warn]: elapsed_time_s >= moving_time_s
#}
{{ config(materialized='incremental', unique_key=['athlete_id', 'activity_id', 'lap_index']) }}

with live as (
    select p.athlete_id, p.activity_id, p.payload
    from {{ ref('stg_strava__activity_payloads') }} as p
    where true
    {%- if is_incremental() %}
        and {{ in_changed('p.athlete_id', 'p.activity_id') }}
    {%- endif %}
)

select
    l.athlete_id,
    l.activity_id,
    lap_offset + 1 as lap_index,
    {{ json_int('lap', '$.id') }} as lap_id,
    {{ json_value('lap', '$.name') }} as name,
    {{ json_int('lap', '$.elapsed_time') }} as elapsed_time_s,
    {{ json_int('lap', '$.moving_time') }} as moving_time_s,
    {{ json_number('lap', '$.distance') }} as distance_m,
    {{ iso_datetime(json_value('lap', '$.start_date_local')) }} as start_local,
    {{ json_int('lap', '$.start_index') }} as start_index,
    {{ json_int('lap', '$.end_index') }} as end_index,
    {{ json_number('lap', '$.total_elevation_gain') }} as elevation_gain_m,
    {{ json_number('lap', '$.average_speed') }} as average_speed_mps,
    {{ json_number('lap', '$.max_speed') }} as max_speed_mps,
    {{ json_number('lap', '$.average_watts') }} as average_watts,
    {{ json_number('lap', '$.average_heartrate') }} as average_heartrate_bpm,
    {{ json_number('lap', '$.max_heartrate') }} as max_heartrate_bpm,
    {{ json_number('lap', '$.average_cadence') }} as average_cadence
from live as l
cross join {{ unnest_with_offset(json_query_array('l.payload', '$.laps'), 'lap', 'lap_offset') }}
