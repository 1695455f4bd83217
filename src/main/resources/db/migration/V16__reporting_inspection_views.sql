-- Read-only views over inspections for the dashboard and report figures (type, unit, dates, status; no text).
-- Coupling: depends on the inspection module's V9 columns.

create view reporting_inspection as
select i.id, i.owner_unit_id, i.type, i.planned_on, i.status
from inspection i;

create view reporting_inspection_finding as
select f.id, i.owner_unit_id, f.category, f.found_on, f.problem_id is not null as became_problem
from inspection_finding f join inspection i on i.id = f.inspection_id;
