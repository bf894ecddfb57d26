-- What the test consumer's handlers do: one row per applied event.
create table test_effect (
    id       bigint generated always as identity primary key,
    event_id text not null,
    note     text not null
);
