{#
grain: one row per sport_type, over every athlete
tests:
  - expression: total_distance_m < 500000
#}
{{ config(materialized='table') }}

select sport_type, sum(distance_m) as total_distance_m
from {{ ref('base_activities') }}
group by sport_type
