-- Jurors who may read an entry's attachments, and organizers' corrections of imported entries.

-- The scoring service's latest snapshot of an entry's readers (handinhand.assignments.changed): its
-- assigned, unconflicted jurors. No foreign key to submission: an event naming an entry this
-- database does not know is kept, not failed.
create table entry_reader (
    submission_id uuid        primary key,
    call_id       uuid,
    revision      bigint      not null,          -- a lower revision than the stored one is ignored
    jurors        text[]      not null,          -- Keycloak user names
    changed_at    timestamptz,                   -- when the scoring service changed the set
    applied_at    timestamptz not null
);

-- Inbox (common-messaging): ids of processed events, written with their effect.
create table processed_event (
    consumer     text        not null,
    event_id     text        not null,
    type         text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

-- A version an organizer made by correcting an imported entry: who and when. submitted_at and
-- submitted_by stay those of the entry's submission (the import).
alter table submission_version
    add column corrected_at timestamptz,
    add column corrected_by text,
    add check ((corrected_at is null) = (corrected_by is null));
