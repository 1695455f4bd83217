-- The work team, leading group and auditors sit in an office or the bureau itself but oversee the whole bureau:
-- their scope is the bureau their unit belongs to, and everything below it.
alter table role drop constraint role_scope_check;
alter table role add constraint role_scope_check check (scope in ('OWN_UNIT', 'UNIT_AND_BELOW', 'BUREAU', 'ALL'));
update role set scope = 'BUREAU' where code in ('LEADING_GROUP', 'WORK_TEAM', 'AUDITOR');
