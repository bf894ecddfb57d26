-- The same first migration after the service adopted common-messaging's db/messaging: only its own table.
create table entry (
    id    uuid primary key,
    title text not null
);
