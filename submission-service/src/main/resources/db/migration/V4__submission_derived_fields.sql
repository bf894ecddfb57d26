-- Values the legacy import derived instead of reading them as answers (a single project's title
-- taken from its text, a summed total, a fallback title), as field paths such as
-- "projects[1].answers.D10"; an edit that changes such a value drops its mark.
alter table submission
    add column derived jsonb not null default '[]'::jsonb;
