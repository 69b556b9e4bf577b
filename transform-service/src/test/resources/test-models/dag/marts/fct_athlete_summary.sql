{#
grain: one row per athlete (athlete_id)
tests:
  - unique: athlete_id
  - expression: total_distance_m >= 0
#}
{{ config(materialized='table', serve=true) }}

select
    athlete_id,
    count(*) as activities,
    sum(distance_m) as total_distance_m,
    max(local_date) as last_day
from {{ ref('activity_facts') }}
group by athlete_id
