{#
grain: one row per athlete, zone type (heart_rate | power) and zone index: the athlete's own Strava zones from the latest /athlete/zones fetch
tests:
  - unique: athlete_id, zone_type, zone_index
  - not_null: athlete_id, zone_type, zone_index, lower
  - accepted_values: zone_type in (heart_rate, power)
  - expression: upper is null or upper > lower
#}
{{ config(materialized='view') }}

with latest as (
    select s.athlete_id, s.fetched_at, s.payload
    from {{ source('strava', 'zones') }} as s
    where not exists (
        select 1 from {{ ref('stg_strava__deauthorized_athletes') }} as x where x.athlete_id = s.athlete_id)
    qualify row_number() over (partition by s.athlete_id order by s.fetched_at desc, s.payload_sha256 desc) = 1
),

heart_rate as (
    select l.athlete_id, 'heart_rate' as zone_type, zone_offset + 1 as zone_index,
        {{ json_number('zone', '$.min') }} as lower,
        {{ json_number('zone', '$.max') }} as upper_raw,
        {{ json_bool('l.payload', '$.heart_rate.custom_zones') }} as custom_zones,
        l.fetched_at
    from latest as l
    cross join {{ unnest_with_offset(json_query_array('l.payload', '$.heart_rate.zones'), 'zone', 'zone_offset') }}
),

power as (
    select l.athlete_id, 'power' as zone_type, zone_offset + 1 as zone_index,
        {{ json_number('zone', '$.min') }} as lower,
        {{ json_number('zone', '$.max') }} as upper_raw,
        cast(null as {{ type('BOOL') }}) as custom_zones,
        l.fetched_at
    from latest as l
    cross join {{ unnest_with_offset(json_query_array('l.payload', '$.power.zones'), 'zone', 'zone_offset') }}
),

zones as (
    select * from heart_rate
    union all
    select * from power
)

select
    athlete_id,
    zone_type,
    zone_index,
    lower,
    case when upper_raw < 0 then null else upper_raw end as upper,
    custom_zones,
    fetched_at
from zones
