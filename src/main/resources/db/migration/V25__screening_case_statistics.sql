-- Extended statistics for the screening rules' first aggregation (per officer pair, squad and unit): officers
-- work in fixed pairs, and without knowing it the planner multiplies the two officer columns' distinct counts,
-- expects a hundred thousand groups where there are a few hundred, and sorts a million cases instead of hashing
-- them. One two-column statistic is enough (measured: a four-column one with the squad expression made the
-- import's ANALYZE about 2 s slower at a million cases); the import's ANALYZE fills it.
create statistics screening_case_officer_pairs (ndistinct) on officer1, officer2 from screening_case;
