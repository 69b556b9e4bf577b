{#
grain: one row per athlete and local day (athlete_id, date) from the first activity's local date to the build date: daily load, CTL, ATL and form
description: load = the day's summed activity load (TSS, else hrTSS), 0 on days without activities. The recursion CTL_t = CTL_t-1 + (load_t - CTL_t-1) x (1 - e^(-1/42)) from CTL = 0 before the first day is evaluated in its unrolled form CTL_t = (1 - e^(-1/42)) x sum over days s <= t of load_s x e^(-(t - s)/42), with decaying factors only (no overflow on long histories); days more than 1,500 days back weigh under e^-35 and are left out. ATL the same with 7. form_t = CTL_t-1 - ATL_t-1.
tests:
  - unique: athlete_id, date
  - not_null: athlete_id, date, load, ctl, atl, form
  - expression: load >= 0 and ctl >= 0 and atl >= 0
#}
{{ config(materialized='table', unique_key=['athlete_id', 'date'], serve=true) }}

with days as (
    select d.athlete_id, d.date, d.first_activity_date
    from {{ ref('int_athlete_daily') }} as d
),

day_loads as (
    select f.athlete_id, f.local_date, sum(f.load) as load
    from {{ ref('int_activity_facts') }} as f
    where f.load is not null
    group by f.athlete_id, f.local_date
),

decayed as (
    select
        d.athlete_id,
        d.date,
        d.first_activity_date,
        coalesce(sum(case when l.local_date = d.date then l.load end), 0) as load,
        coalesce(sum(l.load * exp(-{{ date_diff('l.local_date', 'd.date') }} / 42.0)), 0) * (1 - exp(-1 / 42.0)) as ctl,
        coalesce(sum(l.load * exp(-{{ date_diff('l.local_date', 'd.date') }} / 7.0)), 0) * (1 - exp(-1 / 7.0)) as atl
    from days as d
    left join day_loads as l
        on l.athlete_id = d.athlete_id and l.local_date <= d.date and l.local_date > {{ date_add('d.date', '-1500') }}
    group by d.athlete_id, d.date, d.first_activity_date
),

with_form as (
    select
        x.*,
        coalesce(lag(x.ctl) over (partition by x.athlete_id order by x.date), 0)
            - coalesce(lag(x.atl) over (partition by x.athlete_id order by x.date), 0) as form
    from decayed as x
)

select w.athlete_id, w.date, w.load, w.ctl, w.atl, w.form
from with_form as w
where w.date >= w.first_activity_date
