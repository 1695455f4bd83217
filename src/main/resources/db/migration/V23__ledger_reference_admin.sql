-- Reference data edited on administration pages: problem items (added by an administrator, deactivated rather than
-- deleted once used) and the holiday calendar, both with optimistic locking and the last editor.

alter table problem_item
    add column active     boolean     not null default true,
    add column added_by   varchar(50),
    add column version    bigint      not null default 0,
    add column updated_by varchar(50),
    add column updated_at timestamp with time zone;

alter table holiday_calendar
    add column version    bigint      not null default 0,
    add column updated_by varchar(50),
    add column updated_at timestamp with time zone;

insert into permission (code, module) values ('ledger:reference:write', 'ledger');

-- The administrator keeps the system's reference data; the work team, which runs the campaign, knows new problem
-- items and the year's holiday notice first. Never the auditor (read-only) or unit staff.
insert into role_permission (role_code, permission) values
    ('ADMIN', 'ledger:reference:write'),
    ('WORK_TEAM', 'ledger:reference:write');
