{#
grain: one row per athlete, local day and sport (athlete_id, date, sport) with sport in all, ride, run, other, from the first activity's local date to the build date: the 90-day view, as docs/marts.md defines mart_rolling_90d
description: current = the 90 local days ending on date; previous = the 90 days before those (X_prev), and X_change_pct = 100 x (X - X_prev) / X_prev (null when either is null or X_prev is 0). Volume figures are 0 over a window without activities; zone seconds, shares, avg_if and bests are null without data. eftp_w, threshold_pace_mps and ctl are the values in force on date (prev: on date - 90) and the same for every sport. The column list is the `figures` list below (in order the figures, then each with _prev, then each with _change_pct); see docs/metrics.md.
tests:
  - unique: athlete_id, date, sport
  - not_null: athlete_id, date, sport, activity_count, active_days, moving_time_s, distance_m, load
  - accepted_values: sport in (all, ride, run, other)
  - expression: active_days <= activity_count and active_days <= 90
  - expression: hr_z1_share is null or (hr_z1_share >= 0 and hr_z1_share <= 1)
#}
{{ config(materialized='table', unique_key=['athlete_id', 'date', 'sport'], serve=true) }}

{#- zone types: column prefix, mart_zone_times.zone_type, zone numbers; then the standard power-best durations -#}
{%- set zone_types = [['hr', 'heartrate', [1, 2, 3, 4, 5]], ['power', 'power', [1, 2, 3, 4, 5, 6, 7]],
    ['pace', 'pace', [1, 2, 3, 4, 5, 6, 7]]] %}
{%- set durations = [15, 30, 60, 120, 300, 600, 1200, 1800, 3600] %}
{#- every figure of the view, in column order, and whether it is a whole number (cast to INT64) -#}
{%- set figures = [
    ['activity_count', true], ['active_days', true], ['moving_time_s', true], ['distance_m', false],
    ['elevation_gain_m', false], ['kilojoules', false], ['load', false],
    ['hr_z1_s', true], ['hr_z2_s', true], ['hr_z3_s', true], ['hr_z4_s', true], ['hr_z5_s', true],
    ['hr_z1_share', false], ['hr_z2_share', false], ['hr_z3_share', false], ['hr_z4_share', false], ['hr_z5_share', false],
    ['power_z1_s', true], ['power_z2_s', true], ['power_z3_s', true], ['power_z4_s', true], ['power_z5_s', true],
    ['power_z6_s', true], ['power_z7_s', true],
    ['power_z1_share', false], ['power_z2_share', false], ['power_z3_share', false], ['power_z4_share', false],
    ['power_z5_share', false], ['power_z6_share', false], ['power_z7_share', false],
    ['pace_z1_s', true], ['pace_z2_s', true], ['pace_z3_s', true], ['pace_z4_s', true], ['pace_z5_s', true],
    ['pace_z6_s', true], ['pace_z7_s', true],
    ['pace_z1_share', false], ['pace_z2_share', false], ['pace_z3_share', false], ['pace_z4_share', false],
    ['pace_z5_share', false], ['pace_z6_share', false], ['pace_z7_share', false],
    ['avg_if', false],
    ['power_best_15_w', false], ['power_best_30_w', false], ['power_best_60_w', false], ['power_best_120_w', false],
    ['power_best_300_w', false], ['power_best_600_w', false], ['power_best_1200_w', false], ['power_best_1800_w', false],
    ['power_best_3600_w', false],
    ['eftp_w', false], ['run_best_5k_s', false], ['threshold_pace_mps', false], ['ctl', false]] %}

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
    select z.athlete_id, z.local_date, s.sport
    {%- for kind, zone_type, zones in zone_types %}{% for zone in zones %},
        sum(case when z.zone_type = '{{ zone_type }}' and z.zone = {{ zone }} then z.seconds end) as {{ kind }}_z{{ zone }}_s
    {%- endfor %}{% endfor %}
    from {{ ref('mart_zone_times') }} as z
    inner join sports as s on s.sport = 'all' or s.sport = z.sport
    group by z.athlete_id, z.local_date, s.sport
),

best_days as (
    select b.athlete_id, b.local_date, s.sport
    {%- for d in durations %},
        max(case when b.duration_s = {{ d }} then b.watts end) as power_best_{{ d }}_w
    {%- endfor %}
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
    {%- for kind, zone_type, zones in zone_types %}{% for zone in zones %}
        z.{{ kind }}_z{{ zone }}_s,
    {%- endfor %}{% endfor %}
    {%- for d in durations %}
        b.power_best_{{ d }}_w,
    {%- endfor %}
        r.run_best_5k_s
    from days as d
    cross join sports as s
    left join {{ ref('mart_fitness') }} as f on f.athlete_id = d.athlete_id and f.date = d.date
    left join activity_days as a on a.athlete_id = d.athlete_id and a.local_date = d.date and a.sport = s.sport
    left join zone_days as z on z.athlete_id = d.athlete_id and z.local_date = d.date and z.sport = s.sport
    left join best_days as b on b.athlete_id = d.athlete_id and b.local_date = d.date and b.sport = s.sport
    left join run_days as r on r.athlete_id = d.athlete_id and r.local_date = d.date and r.sport = s.sport
),

-- the current window: the 90 local days ending on date
windowed as (
    select g.athlete_id, g.date, g.first_activity_date, g.sport,
    {%- for column in ['activity_count', 'moving_time_s', 'distance_m', 'elevation_gain_m', 'kilojoules', 'load'] %}
        coalesce(sum(g.{{ column }}) over days_90, 0) as {{ column }},
    {%- endfor %}
        coalesce(sum(case when g.activity_count > 0 then 1 else 0 end) over days_90, 0) as active_days,
    {%- for kind, zone_type, zones in zone_types %}{% for zone in zones %}
        sum(g.{{ kind }}_z{{ zone }}_s) over days_90 as {{ kind }}_z{{ zone }}_s,
    {%- endfor %}{% endfor %}
    {%- for d in durations %}
        max(g.power_best_{{ d }}_w) over days_90 as power_best_{{ d }}_w,
    {%- endfor %}
        {{ safe_divide('sum(g.if_sum) over days_90', 'sum(g.if_n) over days_90') }} as avg_if,
        g.ftp_w as eftp_w,
        min(g.run_best_5k_s) over days_90 as run_best_5k_s,
        g.threshold_speed_mps as threshold_pace_mps,
        g.ctl as ctl
    from grid as g
    window days_90 as (partition by g.athlete_id, g.sport order by g.date rows between 89 preceding and current row)
),

-- each zone type's seconds over the window, the denominator of its zone shares
zone_totals as (
    select w.*
    {%- for kind, zone_type, zones in zone_types %},
        {% for zone in zones %}{% if not loop.first %} + {% endif %}coalesce(w.{{ kind }}_z{{ zone }}_s, 0){% endfor %} as {{ kind }}_zones_s
    {%- endfor %}
    from windowed as w
),

cur as (
    select w.*
    {%- for kind, zone_type, zones in zone_types %}{% for zone in zones %},
        case when w.{{ kind }}_z{{ zone }}_s is not null
            then {{ safe_divide('w.' ~ kind ~ '_z' ~ zone ~ '_s', 'w.' ~ kind ~ '_zones_s') }} end as {{ kind }}_z{{ zone }}_share
    {%- endfor %}{% endfor %}
    from zone_totals as w
),

-- the previous window: the 90 days before those
with_prev as (
    select c.*
    {%- for column, integer in figures %},
        lag(c.{{ column }}, 90) over by_date as {{ column }}_prev
    {%- endfor %}
    from cur as c
    window by_date as (partition by c.athlete_id, c.sport order by c.date)
)

select
    p.athlete_id,
    p.date,
    p.sport
{%- for suffix in ['', '_prev'] %}{% for column, integer in figures %},
    {%- if integer %}
    cast(p.{{ column }}{{ suffix }} as {{ type('INT64') }}) as {{ column }}{{ suffix }}
    {%- else %}
    p.{{ column }}{{ suffix }}
    {%- endif %}
{%- endfor %}{% endfor %}
{%- for column, integer in figures %},
    case when p.{{ column }}_prev is not null and p.{{ column }}_prev != 0 and p.{{ column }} is not null
        then 100.0 * (p.{{ column }} - p.{{ column }}_prev) / p.{{ column }}_prev end as {{ column }}_change_pct
{%- endfor %}
from with_prev as p
where p.date >= p.first_activity_date
