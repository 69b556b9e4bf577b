{#
grain: one row per athlete whose newest deauthorization is later than their newest profile fetch (a re-authorization fetches the profile again)
tests:
  - unique: athlete_id
  - not_null: athlete_id, deauthorized_at
#}
{{ config(materialized='view') }}

with deauthorizations as (
    select athlete_id, max(fetched_at) as deauthorized_at
    from {{ source('strava', 'deauthorizations') }}
    group by athlete_id
),

profiles as (
    select athlete_id, max(fetched_at) as fetched_at
    from {{ source('strava', 'athletes') }}
    group by athlete_id
)

select d.athlete_id, d.deauthorized_at
from deauthorizations as d
left join profiles as p on p.athlete_id = d.athlete_id
where p.fetched_at is null or p.fetched_at < d.deauthorized_at
