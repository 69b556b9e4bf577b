{#
grain: one row per raw activity version (athlete_id, activity_id, fetched_at)
tests:
  - not_null: athlete_id, activity_id
#}
{{ config(materialized='view') }}

select
    s.athlete_id,
    s.object_id as activity_id,
    s.fetched_at,
    {{ json_value('s.payload', '$.sport_type') }} as sport_type,
    {{ json_number('s.payload', '$.distance') }} as distance_m,
    {{ local_date(json_value('s.payload', '$.start_date_local')) }} as local_date
from {{ source('strava', 'activities') }} as s
