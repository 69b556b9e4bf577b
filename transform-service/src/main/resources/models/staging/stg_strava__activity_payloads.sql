{#
grain: one row per live activity (athlete_id, activity_id): the JSON payload of its latest fetched version (summary or detailed)
description: the payload laps and best efforts are read from, so the latest-live-version rule is written once; typed columns are in stg_strava__activities.
tests:
  - unique: athlete_id, activity_id
  - not_null: athlete_id, activity_id, payload
  - relationships: athlete_id, activity_id -> stg_strava__activities
#}
{{ config(materialized='incremental', unique_key=['athlete_id', 'activity_id']) }}

with latest as (
    select s.athlete_id, s.object_id as activity_id, s.payload
    from {{ source('strava', 'activities') }} as s
    where true
    {%- if is_incremental() %}
        and {{ in_changed('s.athlete_id', 's.object_id') }}
    {%- endif %}
    qualify row_number() over (partition by s.athlete_id, s.object_id order by s.fetched_at desc, s.payload_sha256 desc) = 1
)

select l.athlete_id, l.activity_id, l.payload
from latest as l
where exists (
    select 1 from {{ ref('stg_strava__activities') }} as a
    where a.athlete_id = l.athlete_id and a.activity_id = l.activity_id)
