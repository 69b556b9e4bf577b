{#
grain: one row per live activity (athlete_id, activity_id): the latest version, tombstoned activities dropped
tests:
  - unique: athlete_id, activity_id
  - not_null: athlete_id, activity_id, label
  - relationships: sport_type -> sport_labels
  - expression [warn]: distance_m < 100000
#}
{{ config(materialized='incremental', unique_key=['athlete_id', 'activity_id']) }}

with latest as (
    select b.*
    from {{ ref('base_activities') }} as b
    where true
    {%- if is_incremental() %}
        and {{ in_changed('b.athlete_id', 'b.activity_id') }}
    {%- endif %}
    qualify row_number() over (partition by b.athlete_id, b.activity_id order by b.fetched_at desc) = 1
)

select
    l.athlete_id,
    l.activity_id,
    l.sport_type,
    s.label,
    l.distance_m,
    {{ safe_divide('l.distance_m', '1000') }} as distance_km,
    l.local_date,
    {{ week_start('l.local_date') }} as week_start,
    l.fetched_at
from latest as l
left join {{ ref('sport_labels') }} as s on s.sport_type = l.sport_type
where not exists (
    select 1 from {{ source('strava', 'deletions') }} as d
    where d.athlete_id = l.athlete_id and d.object_id = l.activity_id)
