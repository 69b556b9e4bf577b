{#
grain: one row per athlete (athlete_id): the latest profile fetched; deauthorized athletes are dropped
tests:
  - unique: athlete_id
  - not_null: athlete_id, fetched_at
  - accepted_values [warn]: sex in (M, F)
#}
{{ config(materialized='view') }}

with latest as (
    select s.athlete_id, s.fetched_at, s.payload
    from {{ source('strava', 'athletes') }} as s
    where true
    qualify row_number() over (partition by s.athlete_id order by s.fetched_at desc, s.payload_sha256 desc) = 1
)

select
    l.athlete_id,
    {{ json_value('l.payload', '$.firstname') }} as firstname,
    {{ json_value('l.payload', '$.lastname') }} as lastname,
    {{ json_value('l.payload', '$.sex') }} as sex,
    {{ json_number('l.payload', '$.weight') }} as weight_kg,
    {{ json_int('l.payload', '$.ftp') }} as strava_ftp_w,
    {{ json_value('l.payload', '$.measurement_preference') }} as measurement_preference,
    {{ json_value('l.payload', '$.city') }} as city,
    {{ json_value('l.payload', '$.country') }} as country,
    {{ iso_timestamp(json_value('l.payload', '$.created_at')) }} as created_at,
    l.fetched_at
from latest as l
where not exists (
    select 1 from {{ ref('stg_strava__deauthorized_athletes') }} as x where x.athlete_id = l.athlete_id)
