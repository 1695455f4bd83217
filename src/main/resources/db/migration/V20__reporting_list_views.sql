-- Views behind the dashboard's lists (issue 7: "clicking a figure opens the list behind it"). Every figure is one
-- predicate over one of these views, used both for the count and for the list, so a figure and its list cannot
-- disagree. They carry no free text: no complaint content, names or feedback; no inspection title or summary; no
-- screening case data.
-- Coupling: reporting_complaint depends on the complaint module's V8 columns; the others on V9 and V12. A migration
-- of those modules that renames one of the columns used must recreate the view.

-- Complaints as the complaint module's figures count them: received by a bureau (owner_unit_id), submitted on a
-- bureau date; handled by the handling unit, or by the receiving bureau while not assigned.
create view reporting_complaint as
select c.id, c.owner_unit_id, coalesce(c.handling_unit_id, c.owner_unit_id) as handling_unit_id, c.channel, c.type,
       c.status, cast(c.submitted_at at time zone 'Asia/Shanghai' as date) as submitted_on, c.due_on,
       cast(c.answered_at at time zone 'Asia/Shanghai' as date) as answered_on, c.satisfaction, c.reopen_count,
       c.closure
from complaint c;

-- Unannounced visits are confidential until closed (the inspection module's rule, Inspections.VISIBLE): counted,
-- but listed without date or link to a reader without inspection:unannounced:read.
create or replace view reporting_inspection as
select i.id, i.owner_unit_id, i.type, i.planned_on, i.status,
       (i.type = 'UNANNOUNCED' and i.status <> 'CLOSED') as confidential
from inspection i;

create or replace view reporting_inspection_finding as
select f.id, i.owner_unit_id, f.category, f.found_on, f.problem_id is not null as became_problem, f.inspection_id,
       i.type, (i.type = 'UNANNOUNCED' and i.status <> 'CLOSED') as confidential
from inspection_finding f join inspection i on i.id = f.inspection_id;

-- A finding naming an officer is confidential (the screening module's rule, Findings: screening:finding:confidential).
create or replace view reporting_screening_finding as
select f.id, f.unit_id, f.category, f.severity, f.status, f.rule, f.officer is not null as confidential
from screening_finding f
where f.run_id = (select r.id from screening_run r where r.status = 'DONE'
                  order by r.finished_at desc nulls last, r.started_at desc limit 1);
