-- Funding requests, deadline extensions, legacy imports, and attachments.

alter table submission
    add column requested_cents bigint check (requested_cents is null or requested_cents >= 0),
    add column extended_until  timestamptz,             -- an organizer's per-entry extension of the deadline
    add column imported        boolean not null default false,
    add column source_text     text,                    -- the legacy export an imported entry came from
    add column unplaced        jsonb   not null default '[]'::jsonb;  -- text the import could not place

-- Anlagen: metadata here, content in chunks below, so uploads and downloads stream in bounded memory.
create table attachment (
    id            uuid primary key,
    submission_id uuid        not null references submission (id),
    filename      text        not null,
    content_type  varchar(40) not null check (content_type in ('application/pdf', 'image/png', 'image/jpeg')),
    size_bytes    bigint      not null check (size_bytes > 0),
    sha256        varchar(64) not null check (length(sha256) = 64),
    created_at    timestamptz not null,
    created_by    text        not null
);
create index attachment_submission on attachment (submission_id);

create table attachment_chunk (
    attachment_id uuid    not null references attachment (id) on delete cascade,
    seq           integer not null,
    data          bytea   not null,
    primary key (attachment_id, seq)
);
