-- The problem list at 100,000 rows (issue 3, "Measured" in docs/ledger.md): indexes that serve each filter together
-- with the default order (found_on desc, reference desc), so a page is read from an index in order, and that carry
-- the scope and need-to-know columns (unit_id, assigned_unit_id, confidential), so the capped count ("10,000+") is
-- an index-only scan instead of 10,000 heap visits.

-- Free text (q): a trigram index on the text the list searches, "reference description", used by
-- "(reference || ' ' || description) ilike '%...%'" when the search holds a run of at least three letters or digits
-- (Chinese characters count as letters when the database's LC_CTYPE is a UTF-8 locale). pg_trgm is a trusted
-- extension (PostgreSQL 13+): a database owner may create it; it ships with the embedded server and with Debian's
-- postgresql-contrib.
create extension if not exists pg_trgm;
create index problem_text_trgm_idx on problem using gin ((reference || ' ' || description) gin_trgm_ops);

-- The unfiltered list and the default order.
drop index problem_list_idx;
create index problem_list_idx on problem (found_on desc, reference desc)
    include (unit_id, assigned_unit_id, confidential);

-- One index per structured filter, in list order.
drop index problem_category_idx;
create index problem_category_list_idx on problem (category, found_on desc, reference desc)
    include (unit_id, assigned_unit_id, confidential);
create index problem_status_list_idx on problem (status, found_on desc, reference desc)
    include (unit_id, assigned_unit_id, confidential);
create index problem_source_list_idx on problem (source, found_on desc, reference desc)
    include (unit_id, assigned_unit_id, confidential);
-- Overdue: open problems past their due date (the list adds "due_on < today").
create index problem_overdue_list_idx on problem (found_on desc, reference desc)
    include (due_on, unit_id, assigned_unit_id, confidential)
    where status in ('ASSIGNED', 'VERIFYING', 'RECTIFYING');

-- Scope is "unit concerned or unit assigned in the user's units": with few units (unit staff) the planner combines
-- problem_unit_idx and this one (BitmapOr) instead of reading the whole table.
create index problem_assigned_unit_idx on problem (assigned_unit_id, found_on desc);
