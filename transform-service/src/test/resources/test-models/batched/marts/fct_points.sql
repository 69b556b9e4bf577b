{#
grain: one row per athlete with points (athlete_id)
tests:
  - unique: athlete_id
#}
{{ config(materialized='table', serve=true) }}

select athlete_id, count(*) as points, sum(value) as total
from {{ ref('activity_points') }}
group by athlete_id
