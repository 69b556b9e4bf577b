{#
grain: one row per deleted activity (athlete_id, activity_id): its newest tombstone is not older than its newest fetched version (an activity Strava serves again after the tombstone is live again)
tests:
  - unique: athlete_id, activity_id
  - not_null: athlete_id, activity_id, deleted_at
#}
{{ config(materialized='view') }}

with tombstones as (
    select athlete_id, object_id as activity_id, max(fetched_at) as deleted_at
    from {{ source('strava', 'deletions') }}
    group by athlete_id, object_id
),

fetches as (
    select athlete_id, object_id as activity_id, max(fetched_at) as fetched_at
    from {{ source('strava', 'activities') }}
    group by athlete_id, object_id
)

select t.athlete_id, t.activity_id, t.deleted_at
from tombstones as t
left join fetches as f on f.athlete_id = t.athlete_id and f.activity_id = t.activity_id
where f.fetched_at is null or f.fetched_at <= t.deleted_at
