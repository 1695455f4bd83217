-- Key-task acceptance (验收): a task at 100 % waits for acceptance against its acceptance standard; only the
-- leading group (or the staff member the task names as acceptor) accepts it or returns it with reasons. DONE now
-- means accepted. A task may name the report that fulfils it (e.g. the July monthly report); submitting that report
-- accepts the task by itself.

alter table key_task drop constraint key_task_status_check;
alter table key_task add constraint key_task_status_check
    check (status in ('NOT_STARTED', 'IN_PROGRESS', 'AWAITING_ACCEPTANCE', 'DONE'));

alter table key_task
    add column acceptor_login      varchar(50),
    add column fulfilled_by_kind   varchar(20) check (fulfilled_by_kind in ('MONTHLY', 'SPECIAL', 'SUMMARY')),
    add column fulfilled_by_period date,
    add column accepted_by         varchar(50),
    add column accepted_at         timestamp with time zone,
    add column acceptance_opinion  text;

-- Tasks typed to 100 % before acceptance existed were never accepted: they wait for it now.
update key_task set status = 'AWAITING_ACCEPTANCE' where status = 'DONE';

create index key_task_fulfilled_idx on key_task (campaign_id, fulfilled_by_kind, fulfilled_by_period)
    where fulfilled_by_kind is not null;

insert into permission (code, module) values ('keytask:task:accept', 'campaign');
insert into role_permission (role_code, permission) values ('LEADING_GROUP', 'keytask:task:accept');
