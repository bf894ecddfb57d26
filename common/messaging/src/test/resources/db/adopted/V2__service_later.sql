-- A migration the service adds later: versioned migrations go on as before.
alter table entry add column summary text;
