-- The latest published jury outcome per entry (handinhand.results.published), so that offers
-- derived from an entry carry its award flag whenever they are created.
create table award_result (
    submission_id uuid primary key,
    call_id       uuid        not null,
    winner        boolean     not null,
    published_at  timestamptz not null
);
