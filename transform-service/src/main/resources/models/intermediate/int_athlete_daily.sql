{#
grain: one row per athlete and local day (athlete_id, date), from 180 days before the athlete's first activity to the build date: the settings and thresholds in force that day
description: the build date is the later of today (UTC) and the athlete's latest local activity date. Max HR: a configured max_hr wins, else 211 - 0.64 x age from a configured date_of_birth (age in whole years on the day), else the athlete's Strava HR zones (max HR = top zone's lower bound / 0.97, rounded), else the highest HR recorded over the trailing 365 days (observed, an estimate). FTP: a configured ftp_w test wins from its valid_from until the next test, else eFTP = round(0.95 x best 20-min power over the 91 days ending on the day) from rides with device_watts. Threshold speed: a configured threshold_pace_s_per_km wins, else 10000 / (T5 x 2^1.06) with T5 the best 5 km time over the 91 days ending on the day (race-type runs of 4.9-5.2 km scaled to 5 km, or 5 km run bests). Days before the first activity exist only so that 90-day look-backs see empty windows; marts start at first_activity_date.
tests:
  - unique: athlete_id, date
  - not_null: athlete_id, date, first_activity_date, power_zone_preset, female
  - accepted_values: max_hr_source in (configured, age, strava, observed)
  - accepted_values: ftp_source in (ftp_test, eftp)
  - accepted_values: pace_source in (configured, race_5k, best_effort)
  - accepted_values: power_zone_preset in (seed6, coggan7)
  - expression: max_hr_bpm is null or max_hr_bpm > 0
  - expression: ftp_w is null or ftp_w > 0
  - expression: threshold_speed_mps is null or threshold_speed_mps > 0
#}
{{ config(materialized='table') }}

with activities as (
    select a.athlete_id, a.activity_id, a.local_date, a.sport, a.device_watts, a.distance_m, a.elapsed_time_s,
        a.max_heartrate_bpm
    from {{ ref('stg_strava__activities') }} as a
),

ranges as (
    select athlete_id, min(local_date) as first_activity_date, max(local_date) as last_activity_date,
        {{ date_add('min(local_date)', '-180') }} as start_day,
        greatest(max(local_date), cast({{ current_timestamp() }} as date)) as end_day
    from activities
    group by athlete_id
),

spine as (
    select r.athlete_id, s.day as date, r.first_activity_date, r.last_activity_date
    from {{ date_spine('(select min(start_day) from ranges)', '(select max(end_day) from ranges)') }} as s
    inner join ranges as r on s.day between r.start_day and r.end_day
),

settings as (
    select st.athlete_id, st.setting, st.valid_from, st.value,
        lead(st.valid_from) over (partition by st.athlete_id, st.setting order by st.valid_from) as next_from
    from {{ ref('athlete_settings') }} as st
),

latest_settings as (
    select st.athlete_id, st.setting, st.value
    from settings as st
    where st.next_from is null
),

profile as (
    select p.athlete_id,
        coalesce(
            (select max(x.value) from latest_settings as x where x.athlete_id = p.athlete_id and x.setting = 'sex'),
            p.sex) as sex
    from {{ ref('stg_strava__athletes') }} as p
),

strava_hr as (
    select z.athlete_id, cast(round(max(z.lower) / 0.97) as {{ type('INT64') }}) as max_hr_bpm
    from {{ ref('stg_strava__athlete_zones') }} as z
    where z.zone_type = 'heart_rate' and z.zone_index = 5 and z.lower > 0
    group by z.athlete_id
),

day_hr as (
    select a.athlete_id, a.local_date, max(coalesce(s.max_hr_bpm, a.max_heartrate_bpm)) as max_hr
    from activities as a
    left join {{ ref('int_activity_stream_stats') }} as s on s.athlete_id = a.athlete_id and s.activity_id = a.activity_id
    group by a.athlete_id, a.local_date
),

day_best20 as (
    select a.athlete_id, a.local_date, max(c.watts) as best20_w
    from activities as a
    inner join {{ ref('int_activity_power_curve') }} as c on c.athlete_id = a.athlete_id and c.activity_id = a.activity_id
    where a.sport = 'ride' and a.device_watts and c.duration_s = 1200
    group by a.athlete_id, a.local_date
),

day_race5k as (
    select a.athlete_id, a.local_date, min(a.elapsed_time_s * 5000.0 / a.distance_m) as t5_s
    from activities as a
    inner join {{ ref('int_activity_types') }} as t on t.athlete_id = a.athlete_id and t.activity_id = a.activity_id
    where a.sport = 'run' and t.is_race and a.distance_m between 4900 and 5200 and a.elapsed_time_s > 0
    group by a.athlete_id, a.local_date
),

day_effort5k as (
    select a.athlete_id, a.local_date, min(b.time_s) as t5_s
    from activities as a
    inner join {{ ref('int_activity_run_bests') }} as b on b.athlete_id = a.athlete_id and b.activity_id = a.activity_id
    where a.sport = 'run' and b.distance_name = '5k'
    group by a.athlete_id, a.local_date
),

daily as (
    select
        sp.athlete_id,
        sp.date,
        sp.first_activity_date,
        sp.last_activity_date,
        (select max(x.value) from latest_settings as x where x.athlete_id = sp.athlete_id and x.setting = 'date_of_birth') as dob_text,
        max(h.max_hr) over (partition by sp.athlete_id order by sp.date rows between 364 preceding and current row) as observed_max_hr,
        max(b.best20_w) over (partition by sp.athlete_id order by sp.date rows between 90 preceding and current row) as best20_w,
        min(r.t5_s) over (partition by sp.athlete_id order by sp.date rows between 90 preceding and current row) as race_t5_s,
        min(e.t5_s) over (partition by sp.athlete_id order by sp.date rows between 90 preceding and current row) as effort_t5_s
    from spine as sp
    left join day_hr as h on h.athlete_id = sp.athlete_id and h.local_date = sp.date
    left join day_best20 as b on b.athlete_id = sp.athlete_id and b.local_date = sp.date
    left join day_race5k as r on r.athlete_id = sp.athlete_id and r.local_date = sp.date
    left join day_effort5k as e on e.athlete_id = sp.athlete_id and e.local_date = sp.date
),

with_settings as (
    select
        d.*,
        cast(d.dob_text as date) as date_of_birth,
        {{ safe_cast('cfg_max.value', 'INT64') }} as cfg_max_hr,
        {{ safe_cast('cfg_rest.value', 'INT64') }} as rest_hr_bpm,
        {{ safe_cast('cfg_lthr.value', 'INT64') }} as lthr_bpm,
        {{ safe_cast('cfg_ftp.value', 'FLOAT64') }} as cfg_ftp_w,
        cfg_preset.value as cfg_preset,
        {{ safe_cast('cfg_pace.value', 'FLOAT64') }} as cfg_pace_s_per_km
    from daily as d
    left join settings as cfg_max on cfg_max.athlete_id = d.athlete_id and cfg_max.setting = 'max_hr'
        and d.date >= cfg_max.valid_from and (cfg_max.next_from is null or d.date < cfg_max.next_from)
    left join settings as cfg_rest on cfg_rest.athlete_id = d.athlete_id and cfg_rest.setting = 'rest_hr'
        and d.date >= cfg_rest.valid_from and (cfg_rest.next_from is null or d.date < cfg_rest.next_from)
    left join settings as cfg_lthr on cfg_lthr.athlete_id = d.athlete_id and cfg_lthr.setting = 'lthr'
        and d.date >= cfg_lthr.valid_from and (cfg_lthr.next_from is null or d.date < cfg_lthr.next_from)
    left join settings as cfg_ftp on cfg_ftp.athlete_id = d.athlete_id and cfg_ftp.setting = 'ftp_w'
        and d.date >= cfg_ftp.valid_from and (cfg_ftp.next_from is null or d.date < cfg_ftp.next_from)
    left join settings as cfg_preset on cfg_preset.athlete_id = d.athlete_id and cfg_preset.setting = 'power_zone_preset'
        and d.date >= cfg_preset.valid_from and (cfg_preset.next_from is null or d.date < cfg_preset.next_from)
    left join settings as cfg_pace on cfg_pace.athlete_id = d.athlete_id and cfg_pace.setting = 'threshold_pace_s_per_km'
        and d.date >= cfg_pace.valid_from and (cfg_pace.next_from is null or d.date < cfg_pace.next_from)
),

with_age as (
    select
        w.*,
        {{ date_diff('w.date_of_birth', 'w.date', 'year') }}
            - case when extract(month from w.date) * 100 + extract(day from w.date)
                    < extract(month from w.date_of_birth) * 100 + extract(day from w.date_of_birth) then 1 else 0 end
            as age_years
    from with_settings as w
)

select
    w.athlete_id,
    w.date,
    w.first_activity_date,
    w.last_activity_date,
    w.date_of_birth,
    coalesce(p.sex = 'F', false) as female,
    case
        when w.cfg_max_hr is not null then w.cfg_max_hr
        when w.date_of_birth is not null and w.date >= w.date_of_birth
            then cast(round(211 - 0.64 * w.age_years) as {{ type('INT64') }})
        when s.max_hr_bpm is not null then s.max_hr_bpm
        else cast(round(w.observed_max_hr) as {{ type('INT64') }})
    end as max_hr_bpm,
    case
        when w.cfg_max_hr is not null then 'configured'
        when w.date_of_birth is not null and w.date >= w.date_of_birth then 'age'
        when s.max_hr_bpm is not null then 'strava'
        when w.observed_max_hr is not null then 'observed'
    end as max_hr_source,
    w.rest_hr_bpm,
    w.lthr_bpm,
    coalesce(w.cfg_ftp_w, round(0.95 * w.best20_w)) as ftp_w,
    case when w.cfg_ftp_w is not null then 'ftp_test' when w.best20_w is not null then 'eftp' end as ftp_source,
    coalesce(w.cfg_preset, 'seed6') as power_zone_preset,
    case
        when w.cfg_pace_s_per_km > 0 then 1000.0 / w.cfg_pace_s_per_km
        else 10000.0 / (least(coalesce(w.race_t5_s, w.effort_t5_s), coalesce(w.effort_t5_s, w.race_t5_s)) * pow(2, 1.06))
    end as threshold_speed_mps,
    case
        when w.cfg_pace_s_per_km > 0 then 'configured'
        when w.race_t5_s is not null and (w.effort_t5_s is null or w.race_t5_s <= w.effort_t5_s) then 'race_5k'
        when w.effort_t5_s is not null then 'best_effort'
    end as pace_source,
    least(coalesce(w.race_t5_s, w.effort_t5_s), coalesce(w.effort_t5_s, w.race_t5_s)) as best_5k_s
from with_age as w
left join profile as p on p.athlete_id = w.athlete_id
left join strava_hr as s on s.athlete_id = w.athlete_id
