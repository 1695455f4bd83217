-- Read-only views over the ledger's tables for the dashboard and report figures. The ledger offers no query API
-- for counts, so reporting reads these views only (never the tables), and they carry only what figures need:
-- a confidential problem's description is not in the view at all.
-- Coupling: these views depend on the ledger's columns (V6, V11, V13); a ledger migration that renames one must
-- recreate the view.

create view reporting_problem as
select p.id, p.reference, p.campaign_id, p.unit_id, p.source, p.category, p.status, p.found_on, p.due_on,
       p.confidential,
       case when p.confidential then null else p.description end as description
from problem p;

create view reporting_accountability as
select a.id, a.unit_id, a.kind, a.decided_on
from accountability_record a;

create view reporting_key_task as
select t.id, t.campaign_id, t.owner_unit_id, t.title, t.deadline, t.status, t.percent
from key_task t;
