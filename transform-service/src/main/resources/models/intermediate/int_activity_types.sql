{#
grain: one row per activity (athlete_id, activity_id): its custom type from the first matching rule of the activity_type_rules seed
description: a rule matches when every condition it sets holds (sport, sport_type, workout_type, trainer, indoor, name_regex, distance and moving-time ranges with min inclusive and max exclusive); rules are tried by ascending priority. An activity no rule matches gets null type and is_race false.
tests:
  - unique: athlete_id, activity_id
  - not_null: athlete_id, activity_id, is_race
  - relationships: athlete_id, activity_id -> stg_strava__activities
#}
{{ config(materialized='table') }}

with activities as (
    select a.athlete_id, a.activity_id, a.name, a.sport, a.sport_type, a.workout_type, a.trainer, a.is_indoor,
        a.distance_m, a.moving_time_s
    from {{ ref('stg_strava__activities') }} as a
),

rules as (
    select r.priority, r.sport, r.sport_type, r.workout_type, r.trainer, r.indoor, r.name_regex, r.min_distance_m,
        r.max_distance_m, r.min_moving_time_s, r.max_moving_time_s, r.activity_type, r.activity_subtype, r.is_race
    from {{ ref('activity_type_rules') }} as r
),

matches as (
    select a.athlete_id, a.activity_id, r.priority, r.activity_type, r.activity_subtype, r.is_race
    from activities as a
    inner join rules as r
        on (r.sport is null or r.sport = a.sport)
        and (r.sport_type is null or r.sport_type = a.sport_type)
        and (r.workout_type is null or r.workout_type = a.workout_type)
        and (r.trainer is null or r.trainer = a.trainer)
        and (r.indoor is null or r.indoor = a.is_indoor)
        and (r.name_regex is null or coalesce({{ regexp_contains('a.name', 'r.name_regex') }}, false))
        and (r.min_distance_m is null or a.distance_m >= r.min_distance_m)
        and (r.max_distance_m is null or a.distance_m < r.max_distance_m)
        and (r.min_moving_time_s is null or a.moving_time_s >= r.min_moving_time_s)
        and (r.max_moving_time_s is null or a.moving_time_s < r.max_moving_time_s)
    where true
    qualify row_number() over (partition by a.athlete_id, a.activity_id order by r.priority) = 1
)

select
    a.athlete_id,
    a.activity_id,
    m.activity_type,
    m.activity_subtype,
    coalesce(m.is_race, false) as is_race,
    m.priority as rule_priority
from activities as a
left join matches as m on m.athlete_id = a.athlete_id and m.activity_id = a.activity_id
