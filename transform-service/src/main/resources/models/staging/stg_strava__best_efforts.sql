{#
grain: one row per Strava best effort (athlete_id, activity_id, effort_index) of live runs with a detailed payload; effort_index counts from 1 in payload order
description: Strava's own best efforts (detailed activities only): the cross-check of Paceline's run bests (int_run_bests_vs_strava). Strava times whole samples; elapsed_time_s is in seconds.
tests:
  - unique: athlete_id, activity_id, effort_index
  - not_null: athlete_id, activity_id, effort_index, name
  - relationships: athlete_id, activity_id -> stg_strava__activities
  - expression [warn]: elapsed_time_s > 0
#}
{{ config(materialized='incremental', unique_key=['athlete_id', 'activity_id', 'effort_index']) }}

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
    effort_offset + 1 as effort_index,
    {{ json_value('effort', '$.name') }} as name,
    {{ json_number('effort', '$.distance') }} as distance_m,
    {{ json_int('effort', '$.elapsed_time') }} as elapsed_time_s,
    {{ json_int('effort', '$.moving_time') }} as moving_time_s,
    {{ json_int('effort', '$.start_index') }} as start_index,
    {{ json_int('effort', '$.end_index') }} as end_index
from live as l
cross join {{ unnest_with_offset(json_query_array('l.payload', '$.best_efforts'), 'effort', 'effort_offset') }}
