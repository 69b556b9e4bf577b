{#
grain: one row per deleted activity (athlete_id, activity_id), from the tombstones ingest writes
tests:
  - unique: athlete_id, activity_id
  - not_null: athlete_id, activity_id, deleted_at
#}
{{ config(materialized='view') }}

select
    athlete_id,
    object_id as activity_id,
    max(fetched_at) as deleted_at
from {{ source('strava', 'deletions') }}
group by athlete_id, object_id
