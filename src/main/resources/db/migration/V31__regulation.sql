-- 建章立制: rules the campaign produces, revises or repeals, linked to the problems that prompted them and to the
-- screening benchmark entries they changed (the clean-up of improper penalty rules).

create table regulation (
    id              uuid         primary key,
    unit_id         uuid         not null references org_unit (id),
    title           varchar(200) not null,
    kind            varchar(10)  not null check (kind in ('NEW', 'REVISED', 'REPEALED')),
    predecessor     varchar(200),
    summary         text,
    document_number varchar(60),
    issued_on       date,
    status          varchar(10)  not null default 'DRAFTING' check (status in ('DRAFTING', 'ISSUED')),
    version         bigint       not null default 0,
    created_by      varchar(50)  not null,
    created_at      timestamp with time zone not null,
    updated_by      varchar(50),
    updated_at      timestamp with time zone,
    check (kind = 'NEW' or predecessor is not null),
    check (status = 'DRAFTING' or (document_number is not null and issued_on is not null))
);
create index regulation_unit_idx on regulation (unit_id, issued_on desc);

create table regulation_problem (
    regulation_id uuid not null references regulation (id) on delete cascade,
    problem_id    uuid not null references problem (id),
    primary key (regulation_id, problem_id)
);

create table regulation_benchmark (
    regulation_id  uuid        not null references regulation (id) on delete cascade,
    violation_code varchar(60) not null,
    circumstance   varchar(10) not null,
    primary key (regulation_id, violation_code, circumstance),
    foreign key (violation_code, circumstance) references screening_benchmark (violation_code, circumstance)
);

insert into permission (code, module) values
    ('regulation:rule:read', 'regulation'),
    ('regulation:rule:write', 'regulation'),
    ('regulation:rule:issue', 'regulation');

insert into role_permission (role_code, permission) values
    ('LEADING_GROUP', 'regulation:rule:read'), ('LEADING_GROUP', 'regulation:rule:issue'),
    ('WORK_TEAM', 'regulation:rule:read'), ('WORK_TEAM', 'regulation:rule:write'),
    ('UNIT_STAFF', 'regulation:rule:read'),
    ('SUPERIOR', 'regulation:rule:read'),
    ('AUDITOR', 'regulation:rule:read');
