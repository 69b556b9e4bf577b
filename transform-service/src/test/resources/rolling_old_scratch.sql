{#
grain: one row per athlete, local day and sport (athlete_id, date, sport) with sport in all, ride, run, other, from the first activity's local date to the build date: the 90-day view, as docs/marts.md defines mart_rolling_90d
description: current = the 90 local days ending on date; previous = the 90 days before those (X_prev), and X_change_pct = 100 x (X - X_prev) / X_prev (null when either is null or X_prev is 0). Volume figures are 0 over a window without activities; zone seconds, shares, avg_if and bests are null without data. eftp_w, threshold_pace_mps and ctl are the values in force on date (prev: on date - 90) and the same for every sport. Generated column list: see docs/metrics.md.
tests:
  - unique: athlete_id, date, sport
  - not_null: athlete_id, date, sport, activity_count, active_days, moving_time_s, distance_m, load
  - accepted_values: sport in (all, ride, run, other)
  - expression: active_days <= activity_count and active_days <= 90
  - expression: hr_z1_share is null or (hr_z1_share >= 0 and hr_z1_share <= 1)
#}
{{ config(materialized='table', unique_key=['athlete_id', 'date', 'sport'], serve=true) }}

with days as (
    select d.athlete_id, d.date, d.first_activity_date, d.ftp_w, d.threshold_speed_mps
    from {{ ref('int_athlete_daily') }} as d
),

sports as (
    select 'all' as sport
    union all select 'ride'
    union all select 'run'
    union all select 'other'
),

activity_days as (
    select f.athlete_id, f.local_date, s.sport,
        count(*) as activity_count,
        sum(f.moving_time_s) as moving_time_s,
        sum(f.distance_m) as distance_m,
        sum(f.elevation_gain_m) as elevation_gain_m,
        sum(f.kilojoules) as kilojoules,
        sum(f.load) as load,
        sum(f.intensity_factor) as if_sum,
        count(f.intensity_factor) as if_n
    from {{ ref('int_activity_facts') }} as f
    inner join sports as s on s.sport = 'all' or s.sport = f.sport
    group by f.athlete_id, f.local_date, s.sport
),

zone_days as (
    select z.athlete_id, z.local_date, s.sport,
        sum(case when z.zone_type = 'heartrate' and z.zone = 1 then z.seconds end) as hr_z1_s,
        sum(case when z.zone_type = 'heartrate' and z.zone = 2 then z.seconds end) as hr_z2_s,
        sum(case when z.zone_type = 'heartrate' and z.zone = 3 then z.seconds end) as hr_z3_s,
        sum(case when z.zone_type = 'heartrate' and z.zone = 4 then z.seconds end) as hr_z4_s,
        sum(case when z.zone_type = 'heartrate' and z.zone = 5 then z.seconds end) as hr_z5_s,
        sum(case when z.zone_type = 'power' and z.zone = 1 then z.seconds end) as power_z1_s,
        sum(case when z.zone_type = 'power' and z.zone = 2 then z.seconds end) as power_z2_s,
        sum(case when z.zone_type = 'power' and z.zone = 3 then z.seconds end) as power_z3_s,
        sum(case when z.zone_type = 'power' and z.zone = 4 then z.seconds end) as power_z4_s,
        sum(case when z.zone_type = 'power' and z.zone = 5 then z.seconds end) as power_z5_s,
        sum(case when z.zone_type = 'power' and z.zone = 6 then z.seconds end) as power_z6_s,
        sum(case when z.zone_type = 'power' and z.zone = 7 then z.seconds end) as power_z7_s,
        sum(case when z.zone_type = 'pace' and z.zone = 1 then z.seconds end) as pace_z1_s,
        sum(case when z.zone_type = 'pace' and z.zone = 2 then z.seconds end) as pace_z2_s,
        sum(case when z.zone_type = 'pace' and z.zone = 3 then z.seconds end) as pace_z3_s,
        sum(case when z.zone_type = 'pace' and z.zone = 4 then z.seconds end) as pace_z4_s,
        sum(case when z.zone_type = 'pace' and z.zone = 5 then z.seconds end) as pace_z5_s,
        sum(case when z.zone_type = 'pace' and z.zone = 6 then z.seconds end) as pace_z6_s,
        sum(case when z.zone_type = 'pace' and z.zone = 7 then z.seconds end) as pace_z7_s
    from {{ ref('mart_zone_times') }} as z
    inner join sports as s on s.sport = 'all' or s.sport = z.sport
    group by z.athlete_id, z.local_date, s.sport
),

best_days as (
    select b.athlete_id, b.local_date, s.sport,
        max(case when b.duration_s = 15 then b.watts end) as power_best_15_w,
        max(case when b.duration_s = 30 then b.watts end) as power_best_30_w,
        max(case when b.duration_s = 60 then b.watts end) as power_best_60_w,
        max(case when b.duration_s = 120 then b.watts end) as power_best_120_w,
        max(case when b.duration_s = 300 then b.watts end) as power_best_300_w,
        max(case when b.duration_s = 600 then b.watts end) as power_best_600_w,
        max(case when b.duration_s = 1200 then b.watts end) as power_best_1200_w,
        max(case when b.duration_s = 1800 then b.watts end) as power_best_1800_w,
        max(case when b.duration_s = 3600 then b.watts end) as power_best_3600_w
    from {{ ref('mart_power_bests') }} as b
    inner join sports as s on s.sport = 'all' or s.sport = b.sport
    group by b.athlete_id, b.local_date, s.sport
),

run_days as (
    select r.athlete_id, r.local_date, s.sport, min(r.time_s) as run_best_5k_s
    from {{ ref('mart_run_bests') }} as r
    inner join sports as s on s.sport in ('all', 'run')
    where r.distance_name = '5k'
    group by r.athlete_id, r.local_date, s.sport
),

grid as (
    select d.athlete_id, d.date, d.first_activity_date, s.sport, d.ftp_w, d.threshold_speed_mps,
        coalesce(f.ctl, 0) as ctl,
        a.activity_count, a.moving_time_s, a.distance_m, a.elevation_gain_m, a.kilojoules, a.load, a.if_sum, a.if_n,
        z.hr_z1_s,
        z.hr_z2_s,
        z.hr_z3_s,
        z.hr_z4_s,
        z.hr_z5_s,
        z.power_z1_s,
        z.power_z2_s,
        z.power_z3_s,
        z.power_z4_s,
        z.power_z5_s,
        z.power_z6_s,
        z.power_z7_s,
        z.pace_z1_s,
        z.pace_z2_s,
        z.pace_z3_s,
        z.pace_z4_s,
        z.pace_z5_s,
        z.pace_z6_s,
        z.pace_z7_s,
        b.power_best_15_w,
        b.power_best_30_w,
        b.power_best_60_w,
        b.power_best_120_w,
        b.power_best_300_w,
        b.power_best_600_w,
        b.power_best_1200_w,
        b.power_best_1800_w,
        b.power_best_3600_w,
        r.run_best_5k_s
    from days as d
    cross join sports as s
    left join {{ ref('mart_fitness') }} as f on f.athlete_id = d.athlete_id and f.date = d.date
    left join activity_days as a on a.athlete_id = d.athlete_id and a.local_date = d.date and a.sport = s.sport
    left join zone_days as z on z.athlete_id = d.athlete_id and z.local_date = d.date and z.sport = s.sport
    left join best_days as b on b.athlete_id = d.athlete_id and b.local_date = d.date and b.sport = s.sport
    left join run_days as r on r.athlete_id = d.athlete_id and r.local_date = d.date and r.sport = s.sport
),

windowed as (
    select g.athlete_id, g.date, g.first_activity_date, g.sport,
        coalesce(sum(g.activity_count) over (partition by g.athlete_id, g.sport order by g.date rows between 89 preceding and current row), 0) as activity_count,
        coalesce(sum(case when g.activity_count > 0 then 1 else 0 end) over (partition by g.athlete_id, g.sport order by g.date rows between 89 preceding and current row), 0) as active_days,
        coalesce(sum(g.moving_time_s) over (partition by g.athlete_id, g.sport order by g.date rows between 89 preceding and current row), 0) as moving_time_s,
        coalesce(sum(g.distance_m) over (partition by g.athlete_id, g.sport order by g.date rows between 89 preceding and current row), 0) as distance_m,
        coalesce(sum(g.elevation_gain_m) over (partition by g.athlete_id, g.sport order by g.date rows between 89 preceding and current row), 0) as elevation_gain_m,
        coalesce(sum(g.kilojoules) over (partition by g.athlete_id, g.sport order by g.date rows between 89 preceding and current row), 0) as kilojoules,
        coalesce(sum(g.load) over (partition by g.athlete_id, g.sport order by g.date rows between 89 preceding and current row), 0) as load,
        sum(g.hr_z1_s) over (partition by g.athlete_id, g.sport order by g.date rows between 89 preceding and current row) as hr_z1_s,
        sum(g.hr_z2_s) over (partition by g.athlete_id, g.sport order by g.date rows between 89 preceding and current row) as hr_z2_s,
        sum(g.hr_z3_s) over (partition by g.athlete_id, g.sport order by g.date rows between 89 preceding and current row) as hr_z3_s,
        sum(g.hr_z4_s) over (partition by g.athlete_id, g.sport order by g.date rows between 89 preceding and current row) as hr_z4_s,
        sum(g.hr_z5_s) over (partition by g.athlete_id, g.sport order by g.date rows between 89 preceding and current row) as hr_z5_s,
        sum(g.power_z1_s) over (partition by g.athlete_id, g.sport order by g.date rows between 89 preceding and current row) as power_z1_s,
        sum(g.power_z2_s) over (partition by g.athlete_id, g.sport order by g.date rows between 89 preceding and current row) as power_z2_s,
        sum(g.power_z3_s) over (partition by g.athlete_id, g.sport order by g.date rows between 89 preceding and current row) as power_z3_s,
        sum(g.power_z4_s) over (partition by g.athlete_id, g.sport order by g.date rows between 89 preceding and current row) as power_z4_s,
        sum(g.power_z5_s) over (partition by g.athlete_id, g.sport order by g.date rows between 89 preceding and current row) as power_z5_s,
        sum(g.power_z6_s) over (partition by g.athlete_id, g.sport order by g.date rows between 89 preceding and current row) as power_z6_s,
        sum(g.power_z7_s) over (partition by g.athlete_id, g.sport order by g.date rows between 89 preceding and current row) as power_z7_s,
        sum(g.pace_z1_s) over (partition by g.athlete_id, g.sport order by g.date rows between 89 preceding and current row) as pace_z1_s,
        sum(g.pace_z2_s) over (partition by g.athlete_id, g.sport order by g.date rows between 89 preceding and current row) as pace_z2_s,
        sum(g.pace_z3_s) over (partition by g.athlete_id, g.sport order by g.date rows between 89 preceding and current row) as pace_z3_s,
        sum(g.pace_z4_s) over (partition by g.athlete_id, g.sport order by g.date rows between 89 preceding and current row) as pace_z4_s,
        sum(g.pace_z5_s) over (partition by g.athlete_id, g.sport order by g.date rows between 89 preceding and current row) as pace_z5_s,
        sum(g.pace_z6_s) over (partition by g.athlete_id, g.sport order by g.date rows between 89 preceding and current row) as pace_z6_s,
        sum(g.pace_z7_s) over (partition by g.athlete_id, g.sport order by g.date rows between 89 preceding and current row) as pace_z7_s,
        {{ safe_divide('sum(g.if_sum) over (partition by g.athlete_id, g.sport order by g.date rows between 89 preceding and current row)', 'sum(g.if_n) over (partition by g.athlete_id, g.sport order by g.date rows between 89 preceding and current row)') }} as avg_if,
        max(g.power_best_15_w) over (partition by g.athlete_id, g.sport order by g.date rows between 89 preceding and current row) as power_best_15_w,
        max(g.power_best_30_w) over (partition by g.athlete_id, g.sport order by g.date rows between 89 preceding and current row) as power_best_30_w,
        max(g.power_best_60_w) over (partition by g.athlete_id, g.sport order by g.date rows between 89 preceding and current row) as power_best_60_w,
        max(g.power_best_120_w) over (partition by g.athlete_id, g.sport order by g.date rows between 89 preceding and current row) as power_best_120_w,
        max(g.power_best_300_w) over (partition by g.athlete_id, g.sport order by g.date rows between 89 preceding and current row) as power_best_300_w,
        max(g.power_best_600_w) over (partition by g.athlete_id, g.sport order by g.date rows between 89 preceding and current row) as power_best_600_w,
        max(g.power_best_1200_w) over (partition by g.athlete_id, g.sport order by g.date rows between 89 preceding and current row) as power_best_1200_w,
        max(g.power_best_1800_w) over (partition by g.athlete_id, g.sport order by g.date rows between 89 preceding and current row) as power_best_1800_w,
        max(g.power_best_3600_w) over (partition by g.athlete_id, g.sport order by g.date rows between 89 preceding and current row) as power_best_3600_w,
        g.ftp_w as eftp_w,
        min(g.run_best_5k_s) over (partition by g.athlete_id, g.sport order by g.date rows between 89 preceding and current row) as run_best_5k_s,
        g.threshold_speed_mps as threshold_pace_mps,
        g.ctl as ctl
    from grid as g
),

cur as (
    select w.*,
        case when w.hr_z1_s is not null then {{ safe_divide('w.hr_z1_s', 'coalesce(w.hr_z1_s, 0) + coalesce(w.hr_z2_s, 0) + coalesce(w.hr_z3_s, 0) + coalesce(w.hr_z4_s, 0) + coalesce(w.hr_z5_s, 0)') }} end as hr_z1_share,
        case when w.hr_z2_s is not null then {{ safe_divide('w.hr_z2_s', 'coalesce(w.hr_z1_s, 0) + coalesce(w.hr_z2_s, 0) + coalesce(w.hr_z3_s, 0) + coalesce(w.hr_z4_s, 0) + coalesce(w.hr_z5_s, 0)') }} end as hr_z2_share,
        case when w.hr_z3_s is not null then {{ safe_divide('w.hr_z3_s', 'coalesce(w.hr_z1_s, 0) + coalesce(w.hr_z2_s, 0) + coalesce(w.hr_z3_s, 0) + coalesce(w.hr_z4_s, 0) + coalesce(w.hr_z5_s, 0)') }} end as hr_z3_share,
        case when w.hr_z4_s is not null then {{ safe_divide('w.hr_z4_s', 'coalesce(w.hr_z1_s, 0) + coalesce(w.hr_z2_s, 0) + coalesce(w.hr_z3_s, 0) + coalesce(w.hr_z4_s, 0) + coalesce(w.hr_z5_s, 0)') }} end as hr_z4_share,
        case when w.hr_z5_s is not null then {{ safe_divide('w.hr_z5_s', 'coalesce(w.hr_z1_s, 0) + coalesce(w.hr_z2_s, 0) + coalesce(w.hr_z3_s, 0) + coalesce(w.hr_z4_s, 0) + coalesce(w.hr_z5_s, 0)') }} end as hr_z5_share,
        case when w.power_z1_s is not null then {{ safe_divide('w.power_z1_s', 'coalesce(w.power_z1_s, 0) + coalesce(w.power_z2_s, 0) + coalesce(w.power_z3_s, 0) + coalesce(w.power_z4_s, 0) + coalesce(w.power_z5_s, 0) + coalesce(w.power_z6_s, 0) + coalesce(w.power_z7_s, 0)') }} end as power_z1_share,
        case when w.power_z2_s is not null then {{ safe_divide('w.power_z2_s', 'coalesce(w.power_z1_s, 0) + coalesce(w.power_z2_s, 0) + coalesce(w.power_z3_s, 0) + coalesce(w.power_z4_s, 0) + coalesce(w.power_z5_s, 0) + coalesce(w.power_z6_s, 0) + coalesce(w.power_z7_s, 0)') }} end as power_z2_share,
        case when w.power_z3_s is not null then {{ safe_divide('w.power_z3_s', 'coalesce(w.power_z1_s, 0) + coalesce(w.power_z2_s, 0) + coalesce(w.power_z3_s, 0) + coalesce(w.power_z4_s, 0) + coalesce(w.power_z5_s, 0) + coalesce(w.power_z6_s, 0) + coalesce(w.power_z7_s, 0)') }} end as power_z3_share,
        case when w.power_z4_s is not null then {{ safe_divide('w.power_z4_s', 'coalesce(w.power_z1_s, 0) + coalesce(w.power_z2_s, 0) + coalesce(w.power_z3_s, 0) + coalesce(w.power_z4_s, 0) + coalesce(w.power_z5_s, 0) + coalesce(w.power_z6_s, 0) + coalesce(w.power_z7_s, 0)') }} end as power_z4_share,
        case when w.power_z5_s is not null then {{ safe_divide('w.power_z5_s', 'coalesce(w.power_z1_s, 0) + coalesce(w.power_z2_s, 0) + coalesce(w.power_z3_s, 0) + coalesce(w.power_z4_s, 0) + coalesce(w.power_z5_s, 0) + coalesce(w.power_z6_s, 0) + coalesce(w.power_z7_s, 0)') }} end as power_z5_share,
        case when w.power_z6_s is not null then {{ safe_divide('w.power_z6_s', 'coalesce(w.power_z1_s, 0) + coalesce(w.power_z2_s, 0) + coalesce(w.power_z3_s, 0) + coalesce(w.power_z4_s, 0) + coalesce(w.power_z5_s, 0) + coalesce(w.power_z6_s, 0) + coalesce(w.power_z7_s, 0)') }} end as power_z6_share,
        case when w.power_z7_s is not null then {{ safe_divide('w.power_z7_s', 'coalesce(w.power_z1_s, 0) + coalesce(w.power_z2_s, 0) + coalesce(w.power_z3_s, 0) + coalesce(w.power_z4_s, 0) + coalesce(w.power_z5_s, 0) + coalesce(w.power_z6_s, 0) + coalesce(w.power_z7_s, 0)') }} end as power_z7_share,
        case when w.pace_z1_s is not null then {{ safe_divide('w.pace_z1_s', 'coalesce(w.pace_z1_s, 0) + coalesce(w.pace_z2_s, 0) + coalesce(w.pace_z3_s, 0) + coalesce(w.pace_z4_s, 0) + coalesce(w.pace_z5_s, 0) + coalesce(w.pace_z6_s, 0) + coalesce(w.pace_z7_s, 0)') }} end as pace_z1_share,
        case when w.pace_z2_s is not null then {{ safe_divide('w.pace_z2_s', 'coalesce(w.pace_z1_s, 0) + coalesce(w.pace_z2_s, 0) + coalesce(w.pace_z3_s, 0) + coalesce(w.pace_z4_s, 0) + coalesce(w.pace_z5_s, 0) + coalesce(w.pace_z6_s, 0) + coalesce(w.pace_z7_s, 0)') }} end as pace_z2_share,
        case when w.pace_z3_s is not null then {{ safe_divide('w.pace_z3_s', 'coalesce(w.pace_z1_s, 0) + coalesce(w.pace_z2_s, 0) + coalesce(w.pace_z3_s, 0) + coalesce(w.pace_z4_s, 0) + coalesce(w.pace_z5_s, 0) + coalesce(w.pace_z6_s, 0) + coalesce(w.pace_z7_s, 0)') }} end as pace_z3_share,
        case when w.pace_z4_s is not null then {{ safe_divide('w.pace_z4_s', 'coalesce(w.pace_z1_s, 0) + coalesce(w.pace_z2_s, 0) + coalesce(w.pace_z3_s, 0) + coalesce(w.pace_z4_s, 0) + coalesce(w.pace_z5_s, 0) + coalesce(w.pace_z6_s, 0) + coalesce(w.pace_z7_s, 0)') }} end as pace_z4_share,
        case when w.pace_z5_s is not null then {{ safe_divide('w.pace_z5_s', 'coalesce(w.pace_z1_s, 0) + coalesce(w.pace_z2_s, 0) + coalesce(w.pace_z3_s, 0) + coalesce(w.pace_z4_s, 0) + coalesce(w.pace_z5_s, 0) + coalesce(w.pace_z6_s, 0) + coalesce(w.pace_z7_s, 0)') }} end as pace_z5_share,
        case when w.pace_z6_s is not null then {{ safe_divide('w.pace_z6_s', 'coalesce(w.pace_z1_s, 0) + coalesce(w.pace_z2_s, 0) + coalesce(w.pace_z3_s, 0) + coalesce(w.pace_z4_s, 0) + coalesce(w.pace_z5_s, 0) + coalesce(w.pace_z6_s, 0) + coalesce(w.pace_z7_s, 0)') }} end as pace_z6_share,
        case when w.pace_z7_s is not null then {{ safe_divide('w.pace_z7_s', 'coalesce(w.pace_z1_s, 0) + coalesce(w.pace_z2_s, 0) + coalesce(w.pace_z3_s, 0) + coalesce(w.pace_z4_s, 0) + coalesce(w.pace_z5_s, 0) + coalesce(w.pace_z6_s, 0) + coalesce(w.pace_z7_s, 0)') }} end as pace_z7_share
    from windowed as w
),

with_prev as (
    select c.*,
        lag(c.activity_count, 90) over (partition by c.athlete_id, c.sport order by c.date) as activity_count_prev,
        lag(c.active_days, 90) over (partition by c.athlete_id, c.sport order by c.date) as active_days_prev,
        lag(c.moving_time_s, 90) over (partition by c.athlete_id, c.sport order by c.date) as moving_time_s_prev,
        lag(c.distance_m, 90) over (partition by c.athlete_id, c.sport order by c.date) as distance_m_prev,
        lag(c.elevation_gain_m, 90) over (partition by c.athlete_id, c.sport order by c.date) as elevation_gain_m_prev,
        lag(c.kilojoules, 90) over (partition by c.athlete_id, c.sport order by c.date) as kilojoules_prev,
        lag(c.load, 90) over (partition by c.athlete_id, c.sport order by c.date) as load_prev,
        lag(c.hr_z1_s, 90) over (partition by c.athlete_id, c.sport order by c.date) as hr_z1_s_prev,
        lag(c.hr_z2_s, 90) over (partition by c.athlete_id, c.sport order by c.date) as hr_z2_s_prev,
        lag(c.hr_z3_s, 90) over (partition by c.athlete_id, c.sport order by c.date) as hr_z3_s_prev,
        lag(c.hr_z4_s, 90) over (partition by c.athlete_id, c.sport order by c.date) as hr_z4_s_prev,
        lag(c.hr_z5_s, 90) over (partition by c.athlete_id, c.sport order by c.date) as hr_z5_s_prev,
        lag(c.hr_z1_share, 90) over (partition by c.athlete_id, c.sport order by c.date) as hr_z1_share_prev,
        lag(c.hr_z2_share, 90) over (partition by c.athlete_id, c.sport order by c.date) as hr_z2_share_prev,
        lag(c.hr_z3_share, 90) over (partition by c.athlete_id, c.sport order by c.date) as hr_z3_share_prev,
        lag(c.hr_z4_share, 90) over (partition by c.athlete_id, c.sport order by c.date) as hr_z4_share_prev,
        lag(c.hr_z5_share, 90) over (partition by c.athlete_id, c.sport order by c.date) as hr_z5_share_prev,
        lag(c.power_z1_s, 90) over (partition by c.athlete_id, c.sport order by c.date) as power_z1_s_prev,
        lag(c.power_z2_s, 90) over (partition by c.athlete_id, c.sport order by c.date) as power_z2_s_prev,
        lag(c.power_z3_s, 90) over (partition by c.athlete_id, c.sport order by c.date) as power_z3_s_prev,
        lag(c.power_z4_s, 90) over (partition by c.athlete_id, c.sport order by c.date) as power_z4_s_prev,
        lag(c.power_z5_s, 90) over (partition by c.athlete_id, c.sport order by c.date) as power_z5_s_prev,
        lag(c.power_z6_s, 90) over (partition by c.athlete_id, c.sport order by c.date) as power_z6_s_prev,
        lag(c.power_z7_s, 90) over (partition by c.athlete_id, c.sport order by c.date) as power_z7_s_prev,
        lag(c.power_z1_share, 90) over (partition by c.athlete_id, c.sport order by c.date) as power_z1_share_prev,
        lag(c.power_z2_share, 90) over (partition by c.athlete_id, c.sport order by c.date) as power_z2_share_prev,
        lag(c.power_z3_share, 90) over (partition by c.athlete_id, c.sport order by c.date) as power_z3_share_prev,
        lag(c.power_z4_share, 90) over (partition by c.athlete_id, c.sport order by c.date) as power_z4_share_prev,
        lag(c.power_z5_share, 90) over (partition by c.athlete_id, c.sport order by c.date) as power_z5_share_prev,
        lag(c.power_z6_share, 90) over (partition by c.athlete_id, c.sport order by c.date) as power_z6_share_prev,
        lag(c.power_z7_share, 90) over (partition by c.athlete_id, c.sport order by c.date) as power_z7_share_prev,
        lag(c.pace_z1_s, 90) over (partition by c.athlete_id, c.sport order by c.date) as pace_z1_s_prev,
        lag(c.pace_z2_s, 90) over (partition by c.athlete_id, c.sport order by c.date) as pace_z2_s_prev,
        lag(c.pace_z3_s, 90) over (partition by c.athlete_id, c.sport order by c.date) as pace_z3_s_prev,
        lag(c.pace_z4_s, 90) over (partition by c.athlete_id, c.sport order by c.date) as pace_z4_s_prev,
        lag(c.pace_z5_s, 90) over (partition by c.athlete_id, c.sport order by c.date) as pace_z5_s_prev,
        lag(c.pace_z6_s, 90) over (partition by c.athlete_id, c.sport order by c.date) as pace_z6_s_prev,
        lag(c.pace_z7_s, 90) over (partition by c.athlete_id, c.sport order by c.date) as pace_z7_s_prev,
        lag(c.pace_z1_share, 90) over (partition by c.athlete_id, c.sport order by c.date) as pace_z1_share_prev,
        lag(c.pace_z2_share, 90) over (partition by c.athlete_id, c.sport order by c.date) as pace_z2_share_prev,
        lag(c.pace_z3_share, 90) over (partition by c.athlete_id, c.sport order by c.date) as pace_z3_share_prev,
        lag(c.pace_z4_share, 90) over (partition by c.athlete_id, c.sport order by c.date) as pace_z4_share_prev,
        lag(c.pace_z5_share, 90) over (partition by c.athlete_id, c.sport order by c.date) as pace_z5_share_prev,
        lag(c.pace_z6_share, 90) over (partition by c.athlete_id, c.sport order by c.date) as pace_z6_share_prev,
        lag(c.pace_z7_share, 90) over (partition by c.athlete_id, c.sport order by c.date) as pace_z7_share_prev,
        lag(c.avg_if, 90) over (partition by c.athlete_id, c.sport order by c.date) as avg_if_prev,
        lag(c.power_best_15_w, 90) over (partition by c.athlete_id, c.sport order by c.date) as power_best_15_w_prev,
        lag(c.power_best_30_w, 90) over (partition by c.athlete_id, c.sport order by c.date) as power_best_30_w_prev,
        lag(c.power_best_60_w, 90) over (partition by c.athlete_id, c.sport order by c.date) as power_best_60_w_prev,
        lag(c.power_best_120_w, 90) over (partition by c.athlete_id, c.sport order by c.date) as power_best_120_w_prev,
        lag(c.power_best_300_w, 90) over (partition by c.athlete_id, c.sport order by c.date) as power_best_300_w_prev,
        lag(c.power_best_600_w, 90) over (partition by c.athlete_id, c.sport order by c.date) as power_best_600_w_prev,
        lag(c.power_best_1200_w, 90) over (partition by c.athlete_id, c.sport order by c.date) as power_best_1200_w_prev,
        lag(c.power_best_1800_w, 90) over (partition by c.athlete_id, c.sport order by c.date) as power_best_1800_w_prev,
        lag(c.power_best_3600_w, 90) over (partition by c.athlete_id, c.sport order by c.date) as power_best_3600_w_prev,
        lag(c.eftp_w, 90) over (partition by c.athlete_id, c.sport order by c.date) as eftp_w_prev,
        lag(c.run_best_5k_s, 90) over (partition by c.athlete_id, c.sport order by c.date) as run_best_5k_s_prev,
        lag(c.threshold_pace_mps, 90) over (partition by c.athlete_id, c.sport order by c.date) as threshold_pace_mps_prev,
        lag(c.ctl, 90) over (partition by c.athlete_id, c.sport order by c.date) as ctl_prev
    from cur as c
)

select
    p.athlete_id,
    p.date,
    p.sport,
    cast(p.activity_count as {{ type('INT64') }}) as activity_count,
    cast(p.active_days as {{ type('INT64') }}) as active_days,
    cast(p.moving_time_s as {{ type('INT64') }}) as moving_time_s,
    p.distance_m,
    p.elevation_gain_m,
    p.kilojoules,
    p.load,
    cast(p.hr_z1_s as {{ type('INT64') }}) as hr_z1_s,
    cast(p.hr_z2_s as {{ type('INT64') }}) as hr_z2_s,
    cast(p.hr_z3_s as {{ type('INT64') }}) as hr_z3_s,
    cast(p.hr_z4_s as {{ type('INT64') }}) as hr_z4_s,
    cast(p.hr_z5_s as {{ type('INT64') }}) as hr_z5_s,
    p.hr_z1_share,
    p.hr_z2_share,
    p.hr_z3_share,
    p.hr_z4_share,
    p.hr_z5_share,
    cast(p.power_z1_s as {{ type('INT64') }}) as power_z1_s,
    cast(p.power_z2_s as {{ type('INT64') }}) as power_z2_s,
    cast(p.power_z3_s as {{ type('INT64') }}) as power_z3_s,
    cast(p.power_z4_s as {{ type('INT64') }}) as power_z4_s,
    cast(p.power_z5_s as {{ type('INT64') }}) as power_z5_s,
    cast(p.power_z6_s as {{ type('INT64') }}) as power_z6_s,
    cast(p.power_z7_s as {{ type('INT64') }}) as power_z7_s,
    p.power_z1_share,
    p.power_z2_share,
    p.power_z3_share,
    p.power_z4_share,
    p.power_z5_share,
    p.power_z6_share,
    p.power_z7_share,
    cast(p.pace_z1_s as {{ type('INT64') }}) as pace_z1_s,
    cast(p.pace_z2_s as {{ type('INT64') }}) as pace_z2_s,
    cast(p.pace_z3_s as {{ type('INT64') }}) as pace_z3_s,
    cast(p.pace_z4_s as {{ type('INT64') }}) as pace_z4_s,
    cast(p.pace_z5_s as {{ type('INT64') }}) as pace_z5_s,
    cast(p.pace_z6_s as {{ type('INT64') }}) as pace_z6_s,
    cast(p.pace_z7_s as {{ type('INT64') }}) as pace_z7_s,
    p.pace_z1_share,
    p.pace_z2_share,
    p.pace_z3_share,
    p.pace_z4_share,
    p.pace_z5_share,
    p.pace_z6_share,
    p.pace_z7_share,
    p.avg_if,
    p.power_best_15_w,
    p.power_best_30_w,
    p.power_best_60_w,
    p.power_best_120_w,
    p.power_best_300_w,
    p.power_best_600_w,
    p.power_best_1200_w,
    p.power_best_1800_w,
    p.power_best_3600_w,
    p.eftp_w,
    p.run_best_5k_s,
    p.threshold_pace_mps,
    p.ctl,
    cast(p.activity_count_prev as {{ type('INT64') }}) as activity_count_prev,
    cast(p.active_days_prev as {{ type('INT64') }}) as active_days_prev,
    cast(p.moving_time_s_prev as {{ type('INT64') }}) as moving_time_s_prev,
    p.distance_m_prev,
    p.elevation_gain_m_prev,
    p.kilojoules_prev,
    p.load_prev,
    cast(p.hr_z1_s_prev as {{ type('INT64') }}) as hr_z1_s_prev,
    cast(p.hr_z2_s_prev as {{ type('INT64') }}) as hr_z2_s_prev,
    cast(p.hr_z3_s_prev as {{ type('INT64') }}) as hr_z3_s_prev,
    cast(p.hr_z4_s_prev as {{ type('INT64') }}) as hr_z4_s_prev,
    cast(p.hr_z5_s_prev as {{ type('INT64') }}) as hr_z5_s_prev,
    p.hr_z1_share_prev,
    p.hr_z2_share_prev,
    p.hr_z3_share_prev,
    p.hr_z4_share_prev,
    p.hr_z5_share_prev,
    cast(p.power_z1_s_prev as {{ type('INT64') }}) as power_z1_s_prev,
    cast(p.power_z2_s_prev as {{ type('INT64') }}) as power_z2_s_prev,
    cast(p.power_z3_s_prev as {{ type('INT64') }}) as power_z3_s_prev,
    cast(p.power_z4_s_prev as {{ type('INT64') }}) as power_z4_s_prev,
    cast(p.power_z5_s_prev as {{ type('INT64') }}) as power_z5_s_prev,
    cast(p.power_z6_s_prev as {{ type('INT64') }}) as power_z6_s_prev,
    cast(p.power_z7_s_prev as {{ type('INT64') }}) as power_z7_s_prev,
    p.power_z1_share_prev,
    p.power_z2_share_prev,
    p.power_z3_share_prev,
    p.power_z4_share_prev,
    p.power_z5_share_prev,
    p.power_z6_share_prev,
    p.power_z7_share_prev,
    cast(p.pace_z1_s_prev as {{ type('INT64') }}) as pace_z1_s_prev,
    cast(p.pace_z2_s_prev as {{ type('INT64') }}) as pace_z2_s_prev,
    cast(p.pace_z3_s_prev as {{ type('INT64') }}) as pace_z3_s_prev,
    cast(p.pace_z4_s_prev as {{ type('INT64') }}) as pace_z4_s_prev,
    cast(p.pace_z5_s_prev as {{ type('INT64') }}) as pace_z5_s_prev,
    cast(p.pace_z6_s_prev as {{ type('INT64') }}) as pace_z6_s_prev,
    cast(p.pace_z7_s_prev as {{ type('INT64') }}) as pace_z7_s_prev,
    p.pace_z1_share_prev,
    p.pace_z2_share_prev,
    p.pace_z3_share_prev,
    p.pace_z4_share_prev,
    p.pace_z5_share_prev,
    p.pace_z6_share_prev,
    p.pace_z7_share_prev,
    p.avg_if_prev,
    p.power_best_15_w_prev,
    p.power_best_30_w_prev,
    p.power_best_60_w_prev,
    p.power_best_120_w_prev,
    p.power_best_300_w_prev,
    p.power_best_600_w_prev,
    p.power_best_1200_w_prev,
    p.power_best_1800_w_prev,
    p.power_best_3600_w_prev,
    p.eftp_w_prev,
    p.run_best_5k_s_prev,
    p.threshold_pace_mps_prev,
    p.ctl_prev,
    case when p.activity_count_prev is not null and p.activity_count_prev != 0 and p.activity_count is not null
        then 100.0 * (p.activity_count - p.activity_count_prev) / p.activity_count_prev end as activity_count_change_pct,
    case when p.active_days_prev is not null and p.active_days_prev != 0 and p.active_days is not null
        then 100.0 * (p.active_days - p.active_days_prev) / p.active_days_prev end as active_days_change_pct,
    case when p.moving_time_s_prev is not null and p.moving_time_s_prev != 0 and p.moving_time_s is not null
        then 100.0 * (p.moving_time_s - p.moving_time_s_prev) / p.moving_time_s_prev end as moving_time_s_change_pct,
    case when p.distance_m_prev is not null and p.distance_m_prev != 0 and p.distance_m is not null
        then 100.0 * (p.distance_m - p.distance_m_prev) / p.distance_m_prev end as distance_m_change_pct,
    case when p.elevation_gain_m_prev is not null and p.elevation_gain_m_prev != 0 and p.elevation_gain_m is not null
        then 100.0 * (p.elevation_gain_m - p.elevation_gain_m_prev) / p.elevation_gain_m_prev end as elevation_gain_m_change_pct,
    case when p.kilojoules_prev is not null and p.kilojoules_prev != 0 and p.kilojoules is not null
        then 100.0 * (p.kilojoules - p.kilojoules_prev) / p.kilojoules_prev end as kilojoules_change_pct,
    case when p.load_prev is not null and p.load_prev != 0 and p.load is not null
        then 100.0 * (p.load - p.load_prev) / p.load_prev end as load_change_pct,
    case when p.hr_z1_s_prev is not null and p.hr_z1_s_prev != 0 and p.hr_z1_s is not null
        then 100.0 * (p.hr_z1_s - p.hr_z1_s_prev) / p.hr_z1_s_prev end as hr_z1_s_change_pct,
    case when p.hr_z2_s_prev is not null and p.hr_z2_s_prev != 0 and p.hr_z2_s is not null
        then 100.0 * (p.hr_z2_s - p.hr_z2_s_prev) / p.hr_z2_s_prev end as hr_z2_s_change_pct,
    case when p.hr_z3_s_prev is not null and p.hr_z3_s_prev != 0 and p.hr_z3_s is not null
        then 100.0 * (p.hr_z3_s - p.hr_z3_s_prev) / p.hr_z3_s_prev end as hr_z3_s_change_pct,
    case when p.hr_z4_s_prev is not null and p.hr_z4_s_prev != 0 and p.hr_z4_s is not null
        then 100.0 * (p.hr_z4_s - p.hr_z4_s_prev) / p.hr_z4_s_prev end as hr_z4_s_change_pct,
    case when p.hr_z5_s_prev is not null and p.hr_z5_s_prev != 0 and p.hr_z5_s is not null
        then 100.0 * (p.hr_z5_s - p.hr_z5_s_prev) / p.hr_z5_s_prev end as hr_z5_s_change_pct,
    case when p.hr_z1_share_prev is not null and p.hr_z1_share_prev != 0 and p.hr_z1_share is not null
        then 100.0 * (p.hr_z1_share - p.hr_z1_share_prev) / p.hr_z1_share_prev end as hr_z1_share_change_pct,
    case when p.hr_z2_share_prev is not null and p.hr_z2_share_prev != 0 and p.hr_z2_share is not null
        then 100.0 * (p.hr_z2_share - p.hr_z2_share_prev) / p.hr_z2_share_prev end as hr_z2_share_change_pct,
    case when p.hr_z3_share_prev is not null and p.hr_z3_share_prev != 0 and p.hr_z3_share is not null
        then 100.0 * (p.hr_z3_share - p.hr_z3_share_prev) / p.hr_z3_share_prev end as hr_z3_share_change_pct,
    case when p.hr_z4_share_prev is not null and p.hr_z4_share_prev != 0 and p.hr_z4_share is not null
        then 100.0 * (p.hr_z4_share - p.hr_z4_share_prev) / p.hr_z4_share_prev end as hr_z4_share_change_pct,
    case when p.hr_z5_share_prev is not null and p.hr_z5_share_prev != 0 and p.hr_z5_share is not null
        then 100.0 * (p.hr_z5_share - p.hr_z5_share_prev) / p.hr_z5_share_prev end as hr_z5_share_change_pct,
    case when p.power_z1_s_prev is not null and p.power_z1_s_prev != 0 and p.power_z1_s is not null
        then 100.0 * (p.power_z1_s - p.power_z1_s_prev) / p.power_z1_s_prev end as power_z1_s_change_pct,
    case when p.power_z2_s_prev is not null and p.power_z2_s_prev != 0 and p.power_z2_s is not null
        then 100.0 * (p.power_z2_s - p.power_z2_s_prev) / p.power_z2_s_prev end as power_z2_s_change_pct,
    case when p.power_z3_s_prev is not null and p.power_z3_s_prev != 0 and p.power_z3_s is not null
        then 100.0 * (p.power_z3_s - p.power_z3_s_prev) / p.power_z3_s_prev end as power_z3_s_change_pct,
    case when p.power_z4_s_prev is not null and p.power_z4_s_prev != 0 and p.power_z4_s is not null
        then 100.0 * (p.power_z4_s - p.power_z4_s_prev) / p.power_z4_s_prev end as power_z4_s_change_pct,
    case when p.power_z5_s_prev is not null and p.power_z5_s_prev != 0 and p.power_z5_s is not null
        then 100.0 * (p.power_z5_s - p.power_z5_s_prev) / p.power_z5_s_prev end as power_z5_s_change_pct,
    case when p.power_z6_s_prev is not null and p.power_z6_s_prev != 0 and p.power_z6_s is not null
        then 100.0 * (p.power_z6_s - p.power_z6_s_prev) / p.power_z6_s_prev end as power_z6_s_change_pct,
    case when p.power_z7_s_prev is not null and p.power_z7_s_prev != 0 and p.power_z7_s is not null
        then 100.0 * (p.power_z7_s - p.power_z7_s_prev) / p.power_z7_s_prev end as power_z7_s_change_pct,
    case when p.power_z1_share_prev is not null and p.power_z1_share_prev != 0 and p.power_z1_share is not null
        then 100.0 * (p.power_z1_share - p.power_z1_share_prev) / p.power_z1_share_prev end as power_z1_share_change_pct,
    case when p.power_z2_share_prev is not null and p.power_z2_share_prev != 0 and p.power_z2_share is not null
        then 100.0 * (p.power_z2_share - p.power_z2_share_prev) / p.power_z2_share_prev end as power_z2_share_change_pct,
    case when p.power_z3_share_prev is not null and p.power_z3_share_prev != 0 and p.power_z3_share is not null
        then 100.0 * (p.power_z3_share - p.power_z3_share_prev) / p.power_z3_share_prev end as power_z3_share_change_pct,
    case when p.power_z4_share_prev is not null and p.power_z4_share_prev != 0 and p.power_z4_share is not null
        then 100.0 * (p.power_z4_share - p.power_z4_share_prev) / p.power_z4_share_prev end as power_z4_share_change_pct,
    case when p.power_z5_share_prev is not null and p.power_z5_share_prev != 0 and p.power_z5_share is not null
        then 100.0 * (p.power_z5_share - p.power_z5_share_prev) / p.power_z5_share_prev end as power_z5_share_change_pct,
    case when p.power_z6_share_prev is not null and p.power_z6_share_prev != 0 and p.power_z6_share is not null
        then 100.0 * (p.power_z6_share - p.power_z6_share_prev) / p.power_z6_share_prev end as power_z6_share_change_pct,
    case when p.power_z7_share_prev is not null and p.power_z7_share_prev != 0 and p.power_z7_share is not null
        then 100.0 * (p.power_z7_share - p.power_z7_share_prev) / p.power_z7_share_prev end as power_z7_share_change_pct,
    case when p.pace_z1_s_prev is not null and p.pace_z1_s_prev != 0 and p.pace_z1_s is not null
        then 100.0 * (p.pace_z1_s - p.pace_z1_s_prev) / p.pace_z1_s_prev end as pace_z1_s_change_pct,
    case when p.pace_z2_s_prev is not null and p.pace_z2_s_prev != 0 and p.pace_z2_s is not null
        then 100.0 * (p.pace_z2_s - p.pace_z2_s_prev) / p.pace_z2_s_prev end as pace_z2_s_change_pct,
    case when p.pace_z3_s_prev is not null and p.pace_z3_s_prev != 0 and p.pace_z3_s is not null
        then 100.0 * (p.pace_z3_s - p.pace_z3_s_prev) / p.pace_z3_s_prev end as pace_z3_s_change_pct,
    case when p.pace_z4_s_prev is not null and p.pace_z4_s_prev != 0 and p.pace_z4_s is not null
        then 100.0 * (p.pace_z4_s - p.pace_z4_s_prev) / p.pace_z4_s_prev end as pace_z4_s_change_pct,
    case when p.pace_z5_s_prev is not null and p.pace_z5_s_prev != 0 and p.pace_z5_s is not null
        then 100.0 * (p.pace_z5_s - p.pace_z5_s_prev) / p.pace_z5_s_prev end as pace_z5_s_change_pct,
    case when p.pace_z6_s_prev is not null and p.pace_z6_s_prev != 0 and p.pace_z6_s is not null
        then 100.0 * (p.pace_z6_s - p.pace_z6_s_prev) / p.pace_z6_s_prev end as pace_z6_s_change_pct,
    case when p.pace_z7_s_prev is not null and p.pace_z7_s_prev != 0 and p.pace_z7_s is not null
        then 100.0 * (p.pace_z7_s - p.pace_z7_s_prev) / p.pace_z7_s_prev end as pace_z7_s_change_pct,
    case when p.pace_z1_share_prev is not null and p.pace_z1_share_prev != 0 and p.pace_z1_share is not null
        then 100.0 * (p.pace_z1_share - p.pace_z1_share_prev) / p.pace_z1_share_prev end as pace_z1_share_change_pct,
    case when p.pace_z2_share_prev is not null and p.pace_z2_share_prev != 0 and p.pace_z2_share is not null
        then 100.0 * (p.pace_z2_share - p.pace_z2_share_prev) / p.pace_z2_share_prev end as pace_z2_share_change_pct,
    case when p.pace_z3_share_prev is not null and p.pace_z3_share_prev != 0 and p.pace_z3_share is not null
        then 100.0 * (p.pace_z3_share - p.pace_z3_share_prev) / p.pace_z3_share_prev end as pace_z3_share_change_pct,
    case when p.pace_z4_share_prev is not null and p.pace_z4_share_prev != 0 and p.pace_z4_share is not null
        then 100.0 * (p.pace_z4_share - p.pace_z4_share_prev) / p.pace_z4_share_prev end as pace_z4_share_change_pct,
    case when p.pace_z5_share_prev is not null and p.pace_z5_share_prev != 0 and p.pace_z5_share is not null
        then 100.0 * (p.pace_z5_share - p.pace_z5_share_prev) / p.pace_z5_share_prev end as pace_z5_share_change_pct,
    case when p.pace_z6_share_prev is not null and p.pace_z6_share_prev != 0 and p.pace_z6_share is not null
        then 100.0 * (p.pace_z6_share - p.pace_z6_share_prev) / p.pace_z6_share_prev end as pace_z6_share_change_pct,
    case when p.pace_z7_share_prev is not null and p.pace_z7_share_prev != 0 and p.pace_z7_share is not null
        then 100.0 * (p.pace_z7_share - p.pace_z7_share_prev) / p.pace_z7_share_prev end as pace_z7_share_change_pct,
    case when p.avg_if_prev is not null and p.avg_if_prev != 0 and p.avg_if is not null
        then 100.0 * (p.avg_if - p.avg_if_prev) / p.avg_if_prev end as avg_if_change_pct,
    case when p.power_best_15_w_prev is not null and p.power_best_15_w_prev != 0 and p.power_best_15_w is not null
        then 100.0 * (p.power_best_15_w - p.power_best_15_w_prev) / p.power_best_15_w_prev end as power_best_15_w_change_pct,
    case when p.power_best_30_w_prev is not null and p.power_best_30_w_prev != 0 and p.power_best_30_w is not null
        then 100.0 * (p.power_best_30_w - p.power_best_30_w_prev) / p.power_best_30_w_prev end as power_best_30_w_change_pct,
    case when p.power_best_60_w_prev is not null and p.power_best_60_w_prev != 0 and p.power_best_60_w is not null
        then 100.0 * (p.power_best_60_w - p.power_best_60_w_prev) / p.power_best_60_w_prev end as power_best_60_w_change_pct,
    case when p.power_best_120_w_prev is not null and p.power_best_120_w_prev != 0 and p.power_best_120_w is not null
        then 100.0 * (p.power_best_120_w - p.power_best_120_w_prev) / p.power_best_120_w_prev end as power_best_120_w_change_pct,
    case when p.power_best_300_w_prev is not null and p.power_best_300_w_prev != 0 and p.power_best_300_w is not null
        then 100.0 * (p.power_best_300_w - p.power_best_300_w_prev) / p.power_best_300_w_prev end as power_best_300_w_change_pct,
    case when p.power_best_600_w_prev is not null and p.power_best_600_w_prev != 0 and p.power_best_600_w is not null
        then 100.0 * (p.power_best_600_w - p.power_best_600_w_prev) / p.power_best_600_w_prev end as power_best_600_w_change_pct,
    case when p.power_best_1200_w_prev is not null and p.power_best_1200_w_prev != 0 and p.power_best_1200_w is not null
        then 100.0 * (p.power_best_1200_w - p.power_best_1200_w_prev) / p.power_best_1200_w_prev end as power_best_1200_w_change_pct,
    case when p.power_best_1800_w_prev is not null and p.power_best_1800_w_prev != 0 and p.power_best_1800_w is not null
        then 100.0 * (p.power_best_1800_w - p.power_best_1800_w_prev) / p.power_best_1800_w_prev end as power_best_1800_w_change_pct,
    case when p.power_best_3600_w_prev is not null and p.power_best_3600_w_prev != 0 and p.power_best_3600_w is not null
        then 100.0 * (p.power_best_3600_w - p.power_best_3600_w_prev) / p.power_best_3600_w_prev end as power_best_3600_w_change_pct,
    case when p.eftp_w_prev is not null and p.eftp_w_prev != 0 and p.eftp_w is not null
        then 100.0 * (p.eftp_w - p.eftp_w_prev) / p.eftp_w_prev end as eftp_w_change_pct,
    case when p.run_best_5k_s_prev is not null and p.run_best_5k_s_prev != 0 and p.run_best_5k_s is not null
        then 100.0 * (p.run_best_5k_s - p.run_best_5k_s_prev) / p.run_best_5k_s_prev end as run_best_5k_s_change_pct,
    case when p.threshold_pace_mps_prev is not null and p.threshold_pace_mps_prev != 0 and p.threshold_pace_mps is not null
        then 100.0 * (p.threshold_pace_mps - p.threshold_pace_mps_prev) / p.threshold_pace_mps_prev end as threshold_pace_mps_change_pct,
    case when p.ctl_prev is not null and p.ctl_prev != 0 and p.ctl is not null
        then 100.0 * (p.ctl - p.ctl_prev) / p.ctl_prev end as ctl_change_pct
from with_prev as p
where p.date >= p.first_activity_date
