{#
grain: one row per athlete, zone type, period and zone (athlete_id, zone_type, valid_from, zone): the zone history as docs/marts.md defines mart_zone_definitions
tests:
  - unique: athlete_id, zone_type, valid_from, zone
  - not_null: athlete_id, zone_type, valid_from, zone, lower, threshold, source, preset
  - accepted_values: zone_type in (heartrate, power, pace)
  - accepted_values: preset in (hr5, seed6, coggan7, pace7)
  - expression: upper is null or upper > lower
#}
{{ config(materialized='table', unique_key=['athlete_id', 'zone_type', 'valid_from', 'zone'], serve=true) }}

select z.athlete_id, z.zone_type, z.valid_from, z.valid_to, z.zone, z.lower, z.upper, z.threshold, z.source, z.preset
from {{ ref('int_zone_definitions') }} as z
