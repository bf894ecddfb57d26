-- An attachment removed from a reopened draft stays stored while a submitted version lists it.
alter table attachment add column removed_at timestamptz;
