{#
grain: one row per athlete, window (90d | 365d | all) and curve duration (athlete_id, curve_window, duration_s): the best mean power of the window's rides with device_watts as of the build date
description: 90d and 365d are the 90 / 365 local days ending on as_of_date (the build date of int_athlete_daily); ties go to the earliest activity.
tests:
  - unique: athlete_id, curve_window, duration_s
  - not_null: athlete_id, curve_window, as_of_date, duration_s, watts, activity_id, local_date, start_s
  - accepted_values: curve_window in (90d, 365d, all)
#}
{{ config(materialized='table') }}

with as_of as (
    select d.athlete_id, max(d.date) as as_of_date
    from {{ ref('int_athlete_daily') }} as d
    group by d.athlete_id
),

windows as (
    select '90d' as curve_window, 90 as days
    union all select '365d', 365
    union all select 'all', cast(null as {{ type('INT64') }})
),

candidates as (
    select f.athlete_id, w.curve_window, o.as_of_date, c.duration_s, c.watts, f.activity_id, f.local_date, c.start_s
    from {{ ref('int_activity_facts') }} as f
    inner join {{ ref('int_activity_power_curve') }} as c on c.athlete_id = f.athlete_id and c.activity_id = f.activity_id
    inner join as_of as o on o.athlete_id = f.athlete_id
    cross join windows as w
    where f.has_power
        and f.local_date <= o.as_of_date
        and (w.days is null or f.local_date > {{ date_add('o.as_of_date', '-w.days') }})
)

select
    c.athlete_id,
    c.curve_window,
    c.as_of_date,
    c.duration_s,
    round(c.watts, 1) as watts,
    c.activity_id,
    c.local_date,
    c.start_s
from candidates as c
where true
qualify row_number() over (partition by c.athlete_id, c.curve_window, c.duration_s
    order by c.watts desc, c.local_date, c.activity_id) = 1
