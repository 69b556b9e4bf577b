{#
grain: one row per athlete (athlete_id): profile and the settings and thresholds in force on the build date, as docs/marts.md defines mart_athlete
tests:
  - unique: athlete_id
  - not_null: athlete_id, power_zone_preset, activity_count
  - accepted_values: max_hr_source in (configured, age, lthr, strava, observed)
  - accepted_values: ftp_source in (configured, eftp)
  - accepted_values: power_zone_preset in (seed6, coggan7)
#}
{{ config(materialized='table', unique_key=['athlete_id'], serve=true) }}

with athletes as (
    select p.athlete_id from {{ ref('stg_strava__athletes') }} as p
    union distinct
    select a.athlete_id from {{ ref('stg_strava__activities') }} as a
),

activity_counts as (
    select a.athlete_id, count(*) as activity_count, min(a.local_date) as first_activity_date,
        max(a.local_date) as last_activity_date
    from {{ ref('stg_strava__activities') }} as a
    group by a.athlete_id
),

today as (
    select d.*
    from {{ ref('int_athlete_daily') }} as d
    where true
    qualify row_number() over (partition by d.athlete_id order by d.date desc) = 1
),

settings as (
    select s.athlete_id, s.setting, s.value
    from {{ ref('athlete_settings') }} as s
    where true
    qualify row_number() over (partition by s.athlete_id, s.setting order by s.valid_from desc) = 1
)

select
    x.athlete_id,
    p.firstname,
    p.lastname,
    nullif(trim(coalesce(p.firstname, '') || ' ' || coalesce(p.lastname, '')), '') as name,
    coalesce((select max(s.value) from settings as s where s.athlete_id = x.athlete_id and s.setting = 'sex'), p.sex) as sex,
    p.city,
    p.country,
    p.weight_kg,
    cast((select max(s.value) from settings as s where s.athlete_id = x.athlete_id and s.setting = 'date_of_birth') as date)
        as date_of_birth,
    t.max_hr_bpm,
    t.max_hr_source,
    {{ safe_cast("(select max(s.value) from settings as s where s.athlete_id = x.athlete_id and s.setting = 'rest_hr')", 'INT64') }}
        as rest_hr_bpm,
    cast(t.ftp_w as {{ type('INT64') }}) as ftp_w,
    case t.ftp_source when 'ftp_test' then 'configured' when 'eftp' then 'eftp' end as ftp_source,
    t.threshold_speed_mps as threshold_pace_mps,
    coalesce(t.power_zone_preset,
        (select max(s.value) from settings as s where s.athlete_id = x.athlete_id and s.setting = 'power_zone_preset'),
        'seed6') as power_zone_preset,
    coalesce(c.activity_count, 0) as activity_count,
    c.first_activity_date,
    c.last_activity_date
from athletes as x
left join {{ ref('stg_strava__athletes') }} as p on p.athlete_id = x.athlete_id
left join activity_counts as c on c.athlete_id = x.athlete_id
left join today as t on t.athlete_id = x.athlete_id
