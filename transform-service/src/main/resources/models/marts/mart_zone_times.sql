{#
grain: one row per activity, zone type and zone (athlete_id, activity_id, zone_type, zone): recorded moving seconds in the zone, with the zones in force on the activity's local date
description: summed from int_activity_histograms (whole bpm, whole W, 0.01 m/s) between the zone bounds (lower < value <= upper; zone 1 includes 0; the top zone is open). heartrate for activities with HR seconds, power for rides with device_watts and power seconds, pace (on speed) for runs with speed seconds; every zone of the definition appears, 0 s included. coverage = the channel's moving seconds / the activity's moving time (capped at 1).
tests:
  - unique: athlete_id, activity_id, zone_type, zone
  - not_null: athlete_id, activity_id, local_date, sport, zone_type, zone, lower, seconds
  - accepted_values: zone_type in (heartrate, power, pace)
  - relationships: athlete_id, activity_id -> stg_strava__activities
  - expression: seconds >= 0
  - expression: upper is null or upper > lower
  - expression: coverage is null or (coverage >= 0 and coverage <= 1)
#}
{{ config(materialized='table', unique_key=['athlete_id', 'activity_id', 'zone_type', 'zone'], serve=true) }}

with facts as (
    select f.athlete_id, f.activity_id, f.local_date, f.sport, f.moving_time_s, f.has_hr, f.has_power,
        f.heartrate_moving_s, f.power_moving_s, f.speed_moving_s
    from {{ ref('int_activity_facts') }} as f
),

typed as (
    select f.athlete_id, f.activity_id, f.local_date, f.sport, f.moving_time_s, 'heartrate' as zone_type,
        'heartrate' as kind, f.heartrate_moving_s as channel_s
    from facts as f
    where f.has_hr
    union all
    select f.athlete_id, f.activity_id, f.local_date, f.sport, f.moving_time_s, 'power', 'power', f.power_moving_s
    from facts as f
    where f.has_power
    union all
    select f.athlete_id, f.activity_id, f.local_date, f.sport, f.moving_time_s, 'pace', 'speed', f.speed_moving_s
    from facts as f
    where f.sport = 'run' and coalesce(f.speed_moving_s, 0) > 0
),

zoned as (
    select t.athlete_id, t.activity_id, t.local_date, t.sport, t.zone_type, t.kind, t.moving_time_s, t.channel_s,
        z.zone, z.lower, z.upper
    from typed as t
    inner join {{ ref('int_zone_definitions') }} as z
        on z.athlete_id = t.athlete_id and z.zone_type = t.zone_type
        and t.local_date >= z.valid_from and (z.valid_to is null or t.local_date <= z.valid_to)
),

bucket_zones as (
    select z.athlete_id, z.activity_id, z.zone_type, z.zone, h.moving_s
    from zoned as z
    inner join {{ ref('int_activity_histograms') }} as h
        on h.athlete_id = z.athlete_id and h.activity_id = z.activity_id and h.kind = z.kind
    where (z.zone = 1 or h.value > z.lower) and (z.upper is null or h.value <= z.upper)
),

zone_seconds as (
    select b.athlete_id, b.activity_id, b.zone_type, b.zone, sum(b.moving_s) as seconds
    from bucket_zones as b
    group by b.athlete_id, b.activity_id, b.zone_type, b.zone
),

summed as (
    select z.athlete_id, z.activity_id, z.local_date, z.sport, z.zone_type, z.zone, z.lower, z.upper, z.moving_time_s,
        z.channel_s, coalesce(s.seconds, 0) as seconds
    from zoned as z
    left join zone_seconds as s
        on s.athlete_id = z.athlete_id and s.activity_id = z.activity_id and s.zone_type = z.zone_type and s.zone = z.zone
)

select
    s.athlete_id,
    s.activity_id,
    s.local_date,
    s.sport,
    s.zone_type,
    s.zone,
    s.lower,
    s.upper,
    cast(s.seconds as {{ type('INT64') }}) as seconds,
    least(1.0, {{ safe_divide('s.channel_s', 's.moving_time_s') }}) as coverage
from summed as s
