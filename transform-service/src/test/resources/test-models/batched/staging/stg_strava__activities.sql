{#
grain: one row per live activity (athlete_id, activity_id): the latest version, tombstoned activities dropped
tests:
  - unique: athlete_id, activity_id
#}
{{ config(materialized='table') }}

select a.athlete_id, a.object_id as activity_id, {{ json_int('a.payload', '$.elapsed_time') }} as elapsed_time_s, a.payload
from {{ source('strava', 'activities') }} as a
where not exists (
    select 1 from {{ source('strava', 'deletions') }} as d
    where d.athlete_id = a.athlete_id and d.object_id = a.object_id)
qualify row_number() over (partition by a.athlete_id, a.object_id order by a.fetched_at desc) = 1
