{#
grain: one row per athlete, week (Monday) and metric (athlete_id, week_start, metric), every week from the first activity's week to the build date's week: the original's weekly reporting view
description: metrics moving_time_s, outdoor_distance_m, outdoor_elevation_m (outdoor = not is_indoor), active_days, outdoor_days, long_days (local days with >= 180 min moving or >= 80 km in total) and longest_outdoor_day_m (the week's largest daily outdoor distance); weeks without activities have value 0. avg_Nw is the mean over the trailing N weeks including this one (fewer at the start of the history); rank_Nw = 1 + the number of those weeks with a higher value (ties share the best rank), rank_all the same over every week so far.
tests:
  - unique: athlete_id, week_start, metric
  - not_null: athlete_id, week_start, metric, value, avg_6w, avg_13w, avg_26w, avg_52w, rank_6w, rank_13w, rank_26w, rank_52w, rank_all
  - accepted_values: metric in (moving_time_s, outdoor_distance_m, outdoor_elevation_m, active_days, outdoor_days, long_days, longest_outdoor_day_m)
  - expression: rank_6w >= 1 and rank_6w <= 6 and rank_13w <= 13 and rank_26w <= 26 and rank_52w <= 52 and rank_52w <= rank_all
#}
{{ config(materialized='table', unique_key=['athlete_id', 'week_start', 'metric'], serve=true) }}

with weeks as (
    select d.athlete_id, {{ week_start('d.date') }} as week_start
    from {{ ref('int_athlete_daily') }} as d
    where d.date >= {{ week_start('d.first_activity_date') }}
    group by d.athlete_id, {{ week_start('d.date') }}
),

day_totals as (
    select f.athlete_id, f.local_date,
        sum(f.moving_time_s) as moving_time_s,
        sum(f.distance_m) as distance_m,
        sum(case when not f.is_indoor then coalesce(f.distance_m, 0) else 0 end) as outdoor_distance_m,
        sum(case when not f.is_indoor then coalesce(f.elevation_gain_m, 0) else 0 end) as outdoor_elevation_m,
        max(case when not f.is_indoor then 1 else 0 end) as outdoor_day
    from {{ ref('int_activity_facts') }} as f
    group by f.athlete_id, f.local_date
),

week_totals as (
    select t.athlete_id, {{ week_start('t.local_date') }} as week_start,
        cast(sum(coalesce(t.moving_time_s, 0)) as {{ type('FLOAT64') }}) as moving_time_s,
        sum(t.outdoor_distance_m) as outdoor_distance_m,
        sum(t.outdoor_elevation_m) as outdoor_elevation_m,
        cast(count(*) as {{ type('FLOAT64') }}) as active_days,
        cast(sum(t.outdoor_day) as {{ type('FLOAT64') }}) as outdoor_days,
        cast(sum(case when coalesce(t.moving_time_s, 0) >= 180 * 60 or coalesce(t.distance_m, 0) >= 80000 then 1 else 0 end)
            as {{ type('FLOAT64') }}) as long_days,
        max(case when t.outdoor_day = 1 then t.outdoor_distance_m else 0 end) as longest_outdoor_day_m
    from day_totals as t
    group by t.athlete_id, {{ week_start('t.local_date') }}
),

filled as (
    select w.athlete_id, w.week_start,
        coalesce(t.moving_time_s, 0) as moving_time_s,
        coalesce(t.outdoor_distance_m, 0) as outdoor_distance_m,
        coalesce(t.outdoor_elevation_m, 0) as outdoor_elevation_m,
        coalesce(t.active_days, 0) as active_days,
        coalesce(t.outdoor_days, 0) as outdoor_days,
        coalesce(t.long_days, 0) as long_days,
        coalesce(t.longest_outdoor_day_m, 0) as longest_outdoor_day_m
    from weeks as w
    left join week_totals as t on t.athlete_id = w.athlete_id and t.week_start = w.week_start
),

metrics as (
    select athlete_id, week_start, 'moving_time_s' as metric, moving_time_s as value from filled
    union all select athlete_id, week_start, 'outdoor_distance_m', outdoor_distance_m from filled
    union all select athlete_id, week_start, 'outdoor_elevation_m', outdoor_elevation_m from filled
    union all select athlete_id, week_start, 'active_days', active_days from filled
    union all select athlete_id, week_start, 'outdoor_days', outdoor_days from filled
    union all select athlete_id, week_start, 'long_days', long_days from filled
    union all select athlete_id, week_start, 'longest_outdoor_day_m', longest_outdoor_day_m from filled
),

averaged as (
    select m.*,
        avg(m.value) over (partition by m.athlete_id, m.metric order by m.week_start rows between 5 preceding and current row) as avg_6w,
        avg(m.value) over (partition by m.athlete_id, m.metric order by m.week_start rows between 12 preceding and current row) as avg_13w,
        avg(m.value) over (partition by m.athlete_id, m.metric order by m.week_start rows between 25 preceding and current row) as avg_26w,
        avg(m.value) over (partition by m.athlete_id, m.metric order by m.week_start rows between 51 preceding and current row) as avg_52w
    from metrics as m
),

ranked as (
    select a.athlete_id, a.week_start, a.metric,
        1 + sum(case when o.value > a.value and o.week_start > {{ date_add('a.week_start', '-42') }} then 1 else 0 end) as rank_6w,
        1 + sum(case when o.value > a.value and o.week_start > {{ date_add('a.week_start', '-91') }} then 1 else 0 end) as rank_13w,
        1 + sum(case when o.value > a.value and o.week_start > {{ date_add('a.week_start', '-182') }} then 1 else 0 end) as rank_26w,
        1 + sum(case when o.value > a.value and o.week_start > {{ date_add('a.week_start', '-364') }} then 1 else 0 end) as rank_52w,
        1 + sum(case when o.value > a.value then 1 else 0 end) as rank_all
    from metrics as a
    inner join metrics as o on o.athlete_id = a.athlete_id and o.metric = a.metric and o.week_start <= a.week_start
    group by a.athlete_id, a.week_start, a.metric
)

select
    a.athlete_id,
    a.week_start,
    a.metric,
    a.value,
    a.avg_6w,
    a.avg_13w,
    a.avg_26w,
    a.avg_52w,
    cast(r.rank_6w as {{ type('INT64') }}) as rank_6w,
    cast(r.rank_13w as {{ type('INT64') }}) as rank_13w,
    cast(r.rank_26w as {{ type('INT64') }}) as rank_26w,
    cast(r.rank_52w as {{ type('INT64') }}) as rank_52w,
    cast(r.rank_all as {{ type('INT64') }}) as rank_all
from averaged as a
inner join ranked as r on r.athlete_id = a.athlete_id and r.week_start = a.week_start and r.metric = a.metric
