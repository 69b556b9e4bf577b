{#
grain: one row per activity version (athlete_id, activity_id, fetched_at)
tests:
  - expression: distance_m < 50000
  - not_null [warn]: sport_type
#}
{{ config(materialized='table', serve=true, unique_key=['athlete_id', 'activity_id', 'fetched_at']) }}

select athlete_id, activity_id, fetched_at, sport_type, distance_m from {{ ref('base_activities') }}
