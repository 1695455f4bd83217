-- Extended statistics for the screening rules' first aggregation (per officer pair, squad and unit): without them
-- the planner multiplies the columns' distinct counts, expects a hundred thousand groups where there are a few
-- hundred, and sorts a million cases instead of hashing them. The import's ANALYZE fills them.
create statistics screening_case_subjects (ndistinct) on officer1, officer2, (coalesce(squad, agency)), unit_id
    from screening_case;
create statistics screening_case_officers (ndistinct) on officer1, officer2, unit_id from screening_case;
