-- One finding per subject and rule (issue 16): a subject that stands out in several groups (an officer in several
-- violation and circumstance groups, a unit with several templated facts texts, a vehicle favoured by several
-- officers) gets one row whose severity is the highest of its groups and whose cases are all of theirs; each
-- group's own figures are kept here, in the order shown: [{"severity", "key", "args", "cases"}]. Null for a
-- finding of one group.
alter table screening_finding add column groups jsonb;
