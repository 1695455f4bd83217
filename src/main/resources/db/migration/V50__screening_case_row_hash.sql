-- The SHA-256 of a case's contract values as they were last imported (docs/adr/0215-unchanged-cases-skipped-by-hash.md).
-- An import skips a row whose key and hash match a case of the table before it reaches the database; any other row is
-- staged and compared value by value as before. Null (cases imported before this column) only means "compare".
alter table screening_case add column row_hash bytea;
