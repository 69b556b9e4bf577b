{#
grain: one row per athlete, zone type, sport (ride, run, other and all), period (day, week, month), period start and zone (athlete_id, zone_type, sport, period, period_start, zone): the zone seconds of the period's activities, for the metrics-api's grouped time in zones
description: summed from mart_zone_times. period_start is the day, the Monday of the ISO week or the 1st of the month, period_end its last day; sport 'all' sums every sport. activities = the activities with that zone type in the period; zone_count = the most zones the athlete has of that zone type (its wide form z1_s..zN_s). Periods without activities are absent.
tests:
  - unique: athlete_id, zone_type, sport, period, period_start, zone
  - not_null: athlete_id, zone_type, sport, period, period_start, period_end, zone, zone_count, seconds, activities
  - accepted_values: zone_type in (heartrate, power, pace)
  - accepted_values: sport in (ride, run, other, all)
  - accepted_values: period in (day, week, month)
  - expression: seconds >= 0
  - expression: activities >= 1
  - expression: zone >= 1 and zone <= zone_count
  - expression: period_end >= period_start
#}
{{ config(materialized='table', unique_key=['athlete_id', 'zone_type', 'sport', 'period', 'period_start', 'zone'], serve=true) }}

with zone_times as (
    select z.athlete_id, z.activity_id, z.local_date, z.sport, z.zone_type, z.zone, z.seconds
    from {{ ref('mart_zone_times') }} as z
),

zone_counts as (
    select z.athlete_id, z.zone_type, max(z.zone) as zone_count
    from zone_times as z
    group by z.athlete_id, z.zone_type
),

by_sport as (
    select z.athlete_id, z.activity_id, z.local_date, z.sport, z.zone_type, z.zone, z.seconds
    from zone_times as z
    union all
    select z.athlete_id, z.activity_id, z.local_date, 'all', z.zone_type, z.zone, z.seconds
    from zone_times as z
),

starts as (
    select s.athlete_id, s.activity_id, s.sport, s.zone_type, s.zone, s.seconds, s.local_date,
        {{ week_start('s.local_date') }} as week_start,
        {{ date_trunc('s.local_date', 'month') }} as month_start
    from by_sport as s
),

periods as (
    select s.athlete_id, s.activity_id, s.sport, s.zone_type, s.zone, s.seconds, 'day' as period,
        s.local_date as period_start, s.local_date as period_end
    from starts as s
    union all
    select s.athlete_id, s.activity_id, s.sport, s.zone_type, s.zone, s.seconds, 'week',
        s.week_start, {{ date_add('s.week_start', '6') }}
    from starts as s
    union all
    select s.athlete_id, s.activity_id, s.sport, s.zone_type, s.zone, s.seconds, 'month',
        s.month_start, {{ date_add('s.month_start', '1', 'month') }}
    from starts as s
),

summed as (
    select p.athlete_id, p.zone_type, p.sport, p.period, p.period_start, max(p.period_end) as period_end, p.zone,
        sum(p.seconds) as seconds, count(distinct p.activity_id) as activities
    from periods as p
    group by p.athlete_id, p.zone_type, p.sport, p.period, p.period_start, p.zone
)

select
    s.athlete_id,
    s.zone_type,
    s.sport,
    s.period,
    s.period_start,
    case when s.period = 'month' then {{ date_add('s.period_end', '-1') }} else s.period_end end as period_end,
    s.zone,
    cast(c.zone_count as {{ type('INT64') }}) as zone_count,
    cast(s.seconds as {{ type('INT64') }}) as seconds,
    cast(s.activities as {{ type('INT64') }}) as activities
from summed as s
inner join zone_counts as c on c.athlete_id = s.athlete_id and c.zone_type = s.zone_type
