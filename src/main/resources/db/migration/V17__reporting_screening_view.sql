-- Read-only view over the risk findings of the latest finished screening run, for the dashboard and report figures
-- (rule category, severity, status and unit; no case data). Each run re-derives every finding, so only the latest
-- counts. Coupling: depends on the screening module's V12 columns.

create view reporting_screening_finding as
select f.id, f.unit_id, f.category, f.severity, f.status
from screening_finding f
where f.run_id = (select r.id from screening_run r where r.status = 'DONE'
                  order by r.finished_at desc nulls last, r.started_at desc limit 1);
