-- The key-task plan (重点工作推进计划表, attachment 2 of the notice) with progress updates and its timeline.

create table key_task (
    id                  uuid         primary key,
    campaign_id         uuid         not null references campaign (id) on delete cascade,
    title               varchar(200) not null,
    description         text,
    phase               varchar(20)  check (phase in ('MOBILISATION', 'SELF_INSPECTION', 'RECTIFICATION', 'CONSOLIDATION')),
    owner_unit_id       uuid         not null references org_unit (id),
    owner_person        varchar(50),
    co_units            varchar(300),
    starts_on           date,
    deadline            date         not null,
    acceptance_standard text,
    deliverable         text,
    status              varchar(20)  not null default 'NOT_STARTED' check (status in ('NOT_STARTED', 'IN_PROGRESS', 'DONE')),
    percent             int          not null default 0 check (percent between 0 and 100),
    version             bigint       not null default 0,
    created_by          varchar(50)  not null,
    created_at          timestamp with time zone not null,
    updated_by          varchar(50),
    updated_at          timestamp with time zone
);
create index key_task_campaign_idx on key_task (campaign_id, deadline);
create index key_task_owner_idx on key_task (owner_unit_id, deadline);

create table key_task_progress (
    id          uuid         primary key,
    task_id     uuid         not null references key_task (id) on delete cascade,
    reported_on date         not null,
    text        text         not null,
    percent     int          not null check (percent between 0 and 100),
    reported_by varchar(50)  not null,
    reported_at timestamp with time zone not null
);
create index key_task_progress_task_idx on key_task_progress (task_id, reported_on);

create table key_task_change (
    id        bigserial   primary key,
    task_id   uuid        not null references key_task (id) on delete cascade,
    at        timestamp with time zone not null,
    actor     varchar(50) not null,
    field     varchar(40) not null,
    old_value text,
    new_value text
);
create index key_task_change_task_idx on key_task_change (task_id, id);

insert into permission (code, module) values
    ('keytask:task:read', 'campaign'),
    ('keytask:task:write', 'campaign'),
    ('keytask:task:progress', 'campaign');

insert into role_permission (role_code, permission) values
    ('ADMIN', 'keytask:task:read'),
    ('LEADING_GROUP', 'keytask:task:read'),
    ('WORK_TEAM', 'keytask:task:read'), ('WORK_TEAM', 'keytask:task:write'), ('WORK_TEAM', 'keytask:task:progress'),
    ('UNIT_STAFF', 'keytask:task:read'), ('UNIT_STAFF', 'keytask:task:progress'),
    ('SUPERIOR', 'keytask:task:read'),
    ('AUDITOR', 'keytask:task:read');
