{#
grain: one row per athlete, zone type, period and zone (athlete_id, zone_type, valid_from, zone): the zone bounds in force from valid_from to valid_to
description: periods are the runs of consecutive days (from the first activity date) with the same threshold, source and preset in int_athlete_daily; valid_to is null for the period still in force on the build date. Heart rate uses the hr5 preset on max HR (bounds rounded to whole bpm) or, when max HR comes from Strava, the athlete's Strava zones as they are; power uses seed6 or coggan7 on FTP (whole watts); pace uses pace7 on the threshold speed (m/s, zone 1 the slowest).
tests:
  - unique: athlete_id, zone_type, valid_from, zone
  - not_null: athlete_id, zone_type, valid_from, zone, lower, threshold, source, preset
  - accepted_values: zone_type in (heartrate, power, pace)
  - accepted_values: source in (configured, age, lthr, strava, observed, eftp, ftp_test, race_5k, best_effort)
  - expression: upper is null or upper > lower
  - expression: valid_to is null or valid_to >= valid_from
#}
{{ config(materialized='table') }}

with days as (
    select d.athlete_id, d.date, 'heartrate' as zone_type, cast(d.max_hr_bpm as {{ type('FLOAT64') }}) as threshold,
        d.max_hr_source as source, 'hr5' as preset, d.first_activity_date
    from {{ ref('int_athlete_daily') }} as d
    where d.max_hr_bpm is not null
    union all
    select d.athlete_id, d.date, 'power', d.ftp_w, d.ftp_source, d.power_zone_preset, d.first_activity_date
    from {{ ref('int_athlete_daily') }} as d
    where d.ftp_w is not null
    union all
    select d.athlete_id, d.date, 'pace', d.threshold_speed_mps, d.pace_source, 'pace7', d.first_activity_date
    from {{ ref('int_athlete_daily') }} as d
    where d.threshold_speed_mps is not null
),

build_end as (
    select d.athlete_id, max(d.date) as end_day
    from {{ ref('int_athlete_daily') }} as d
    group by d.athlete_id
),

islands as (
    select x.athlete_id, x.zone_type, x.threshold, {{ cast('x.threshold', 'STRING') }} as threshold_key, x.source, x.preset,
        x.date,
        {{ date_diff("date '1970-01-01'", 'x.date') }}
            - row_number() over (partition by x.athlete_id, x.zone_type, {{ cast('x.threshold', 'STRING') }}, x.source, x.preset
                order by x.date)
            as island
    from days as x
    where x.date >= x.first_activity_date
),

periods as (
    select i.athlete_id, i.zone_type, max(i.threshold) as threshold, i.source, i.preset, min(i.date) as valid_from,
        max(i.date) as last_day
    from islands as i
    group by i.athlete_id, i.zone_type, i.threshold_key, i.source, i.preset, i.island
),

presets as (
    select z.preset, z.zone_index, z.lower_pct, z.upper_pct
    from {{ ref('zone_presets') }} as z
),

strava_zones as (
    select z.athlete_id, z.zone_index, z.lower, z.upper
    from {{ ref('stg_strava__athlete_zones') }} as z
    where z.zone_type = 'heart_rate'
),

bounds as (
    select p.athlete_id, p.zone_type, p.valid_from, p.last_day, z.zone_index as zone,
        case
            when z.zone_index = 1 then 0.0
            when p.zone_type = 'pace' then p.threshold * 100.0 / z.upper_pct
            else round(p.threshold * z.lower_pct / 100.0)
        end as lower,
        case
            when p.zone_type = 'pace' then case when z.lower_pct > 0 then p.threshold * 100.0 / z.lower_pct end
            else round(p.threshold * z.upper_pct / 100.0)
        end as upper,
        p.threshold, p.source, p.preset
    from periods as p
    inner join presets as z on z.preset = p.preset
    where p.source != 'strava'
    union all
    select p.athlete_id, p.zone_type, p.valid_from, p.last_day, s.zone_index,
        case when s.zone_index = 1 then 0.0 else s.lower end, s.upper, p.threshold, p.source, p.preset
    from periods as p
    inner join strava_zones as s on s.athlete_id = p.athlete_id
    where p.source = 'strava'
)

select
    b.athlete_id,
    b.zone_type,
    b.valid_from,
    case when b.last_day < e.end_day then b.last_day end as valid_to,
    b.zone,
    cast(b.lower as {{ type('FLOAT64') }}) as lower,
    cast(b.upper as {{ type('FLOAT64') }}) as upper,
    b.threshold,
    b.source,
    b.preset
from bounds as b
inner join build_end as e on e.athlete_id = b.athlete_id
