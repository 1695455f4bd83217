-- 举一反三 and 回头看: a root cause on problems (a short list plus free text); review rounds that look at closed
-- problems again, each held or relapsed (a relapse reopens the problem).

alter table problem
    add column root_cause      varchar(20) check (root_cause in ('NO_RULE', 'RULE_NOT_FOLLOWED', 'SUPERVISION',
                                                                  'SKILL', 'AWARENESS', 'INTEREST', 'OTHER')),
    add column root_cause_note text;

create table review_round (
    id          uuid         primary key,
    unit_id     uuid         not null references org_unit (id),
    title       varchar(200) not null,
    planned_on  date         not null,
    status      varchar(10)  not null default 'PLANNED' check (status in ('PLANNED', 'COMPLETED')),
    completed_on date,
    version     bigint       not null default 0,
    created_by  varchar(50)  not null,
    created_at  timestamp with time zone not null,
    updated_by  varchar(50),
    updated_at  timestamp with time zone
);

create table review_item (
    round_id    uuid        not null references review_round (id) on delete cascade,
    problem_id  uuid        not null references problem (id),
    result      varchar(10) check (result in ('HELD', 'RELAPSED')),
    note        text,
    reviewed_by varchar(50),
    reviewed_at timestamp with time zone,
    primary key (round_id, problem_id)
);

insert into permission (code, module) values
    ('ledger:review:read', 'ledger'),
    ('ledger:review:write', 'ledger');

insert into role_permission (role_code, permission) values
    ('LEADING_GROUP', 'ledger:review:read'),
    ('WORK_TEAM', 'ledger:review:read'), ('WORK_TEAM', 'ledger:review:write'),
    ('SUPERIOR', 'ledger:review:read'),
    ('AUDITOR', 'ledger:review:read');
