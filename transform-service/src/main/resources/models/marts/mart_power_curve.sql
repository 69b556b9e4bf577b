{#
grain: one row per athlete, window and duration: the athlete's mean-maximal power curve as of the build date, as docs/marts.md defines mart_power_curve
description: int_athlete_power_curve with curve_window named window (a reserved word, quoted by the ident macro); uniqueness is tested there.
tests:
  - not_null: athlete_id, as_of_date, duration_s, watts, activity_id, local_date, start_s
#}
{{ config(materialized='table', unique_key=['athlete_id', 'duration_s'], serve=true) }}

select
    c.athlete_id,
    c.curve_window as {{ ident('window') }},
    c.as_of_date,
    c.duration_s,
    c.watts,
    c.activity_id,
    c.local_date,
    c.start_s
from {{ ref('int_athlete_power_curve') }} as c
