{#
grain: one row per point of a live activity's 'points' and 'pairs' arrays (athlete_id, activity_id, point_index)
tests:
  - unique: athlete_id, activity_id, point_index
  - not_null: value
  - expression [warn]: value < 100
#}
{{ config(materialized='incremental', unique_key=['athlete_id', 'activity_id', 'point_index'], batch_seconds=2) }}

with live as (
    select a.athlete_id, a.activity_id, a.payload
    from {{ ref('stg_strava__activities') }} as a
    where true
    {%- if is_incremental() %}
        and {{ in_changed('a.athlete_id', 'a.activity_id') }}
    {%- endif %}
),

arrays as (
    {{ json_arrays('live', ['athlete_id', 'activity_id'], 'payload',
        ['$.points.data', '$.pairs.data[*][1]'], ['INT64', 'FLOAT64'], ['value_arr', 'second_arr']) }}
)

{{ unnest_zip('arrays', ['athlete_id', 'activity_id'], ['value_arr', 'second_arr'], ['value', 'second'], 'point_index') }}
