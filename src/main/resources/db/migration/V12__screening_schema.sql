-- Risk screening of enforcement cases (SCREENING.md): imported cases with history, the penalty benchmark,
-- rule settings, runs and findings.

create table screening_import (
    id            uuid primary key,
    kind          varchar(20)  not null check (kind in ('CASES', 'BENCHMARK')),
    file_name     varchar(300) not null,
    status        varchar(20)  not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    rows_read     bigint       not null default 0,
    rows_inserted bigint       not null default 0,
    rows_updated  bigint       not null default 0,
    rows_rejected bigint       not null default 0,
    total_bytes   bigint,
    bytes_read    bigint       not null default 0,
    warnings      text,
    started_by    varchar(100) not null,
    started_at    timestamp with time zone not null,
    finished_at   timestamp with time zone
);

create table screening_rejection (
    import_id   uuid         not null references screening_import (id) on delete cascade,
    line        bigint       not null,
    column_name varchar(100),
    reason      varchar(100) not null,
    value       varchar(100)
);
create index screening_rejection_import_idx on screening_rejection (import_id, line);

create table screening_benchmark (
    violation_code  varchar(60)  not null,
    circumstance    varchar(10)  not null check (circumstance in ('MINOR', 'GENERAL', 'SERIOUS', 'GRAVE')),
    violation       varchar(300),
    legal_basis     varchar(500),
    min_fine        numeric(12, 2) not null check (min_fine >= 0),
    max_fine        numeric(12, 2) not null check (max_fine >= min_fine),
    exempt_eligible boolean      not null default false,
    version         bigint       not null default 0,
    updated_by      varchar(100) not null,
    updated_at      timestamp with time zone not null,
    primary key (violation_code, circumstance)
);

create table screening_case (
    id              bigserial primary key,
    agency          varchar(200) not null,
    case_no         varchar(100) not null,
    unit_id         uuid references org_unit (id),
    squad           varchar(200),
    filed_on        date,
    decided_on      date         not null,
    procedure       varchar(10),
    violation_code  varchar(60)  not null,
    violation       varchar(300),
    circumstance    varchar(10),
    first_offence   boolean,
    party_type      varchar(10),
    party_name      varchar(200),
    party_id        varchar(60),
    plate           varchar(20),
    axles           integer,
    gross_kg        integer,
    limit_kg        integer,
    unloaded_kg     integer,
    fine            numeric(12, 2) not null,
    confiscated     numeric(12, 2),
    payment         varchar(12),
    receipt_no      varchar(100),
    rights_notified boolean,
    hearing_notified boolean,
    officer1        varchar(60),
    officer2        varchar(60),
    location        varchar(300),
    facts           text,
    status          varchar(10),
    exemption_note  text,
    import_id       uuid         not null,
    version         bigint       not null default 0,
    unique (agency, case_no)
);

-- A re-imported case that changed keeps its previous values here.
create table screening_case_history (
    case_id    bigint      not null references screening_case (id) on delete cascade,
    import_id  uuid        not null,
    changed_at timestamp with time zone not null,
    old_values jsonb       not null
);
create index screening_case_history_case_idx on screening_case_history (case_id);

create table screening_setting (
    key        varchar(60)  primary key,
    value      varchar(100) not null,
    kind       varchar(10)  not null check (kind in ('NUMBER', 'TEXT')),
    sort       integer      not null,
    version    bigint       not null default 0,
    updated_by varchar(100) not null default 'system',
    updated_at timestamp with time zone not null default now()
);

create table screening_rule (
    code     varchar(40) primary key,
    category varchar(20) not null,
    subject  varchar(10) not null,
    enabled  boolean     not null default true,
    sort     integer     not null,
    version  bigint      not null default 0
);

create table screening_run (
    id             uuid primary key,
    started_by     varchar(100) not null,
    trigger        varchar(10)  not null check (trigger in ('WEB', 'COMMAND', 'SCHEDULE')),
    started_at     timestamp with time zone not null,
    finished_at    timestamp with time zone,
    status         varchar(10)  not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    case_count     bigint,
    decided_from   date,
    decided_to     date,
    imports        text,
    rules          text,
    settings       jsonb,
    finding_count  bigint
);

create table screening_finding (
    id              uuid primary key default gen_random_uuid(),
    run_id          uuid         not null references screening_run (id) on delete cascade,
    rule            varchar(40)  not null,
    category        varchar(20)  not null,
    subject_type    varchar(10)  not null check (subject_type in ('CASE', 'OFFICER', 'UNIT', 'PARTY', 'VEHICLE')),
    subject_id      varchar(300) not null,
    severity        varchar(10)  not null check (severity in ('LOW', 'MEDIUM', 'HIGH')),
    case_ids        bigint[]     not null,
    explain_key     varchar(80)  not null,
    args            text[]       not null,
    unit_id         uuid,
    officer         varchar(60),
    period          date,
    status          varchar(10)  not null default 'OPEN' check (status in ('OPEN', 'DISMISSED', 'PROBLEM')),
    dismiss_reason  varchar(1000),
    decided_by      varchar(100),
    decided_at      timestamp with time zone,
    problem_ref     varchar(100),
    version         bigint       not null default 0
);
create index screening_finding_run_idx on screening_finding (run_id, category, rule);
create index screening_finding_subject_idx on screening_finding (rule, subject_type, subject_id);

-- Settings: every threshold of the rules (SCREENING.md 3, DOMAIN.md facts).
insert into screening_setting (key, value, kind, sort) values
    ('hearing_threshold_person', '5000', 'NUMBER', 10),
    ('hearing_threshold_org', '100000', 'NUMBER', 11),
    ('simple_limit_person', '200', 'NUMBER', 20),
    ('simple_limit_org', '3000', 'NUMBER', 21),
    ('on_site_limit', '100', 'NUMBER', 30),
    ('overload_warning_kg', '1000', 'NUMBER', 40),
    ('overload_fine_per_tonne', '500', 'NUMBER', 41),
    ('overload_fine_cap', '30000', 'NUMBER', 42),
    ('first_offence_window_days', '180', 'NUMBER', 50),
    ('double_penalty_window_days', '1', 'NUMBER', 60),
    ('home_plate_prefix', '蒙', 'TEXT', 70),
    ('z_threshold', '4', 'NUMBER', 80),
    ('z_threshold_high', '6', 'NUMBER', 81),
    ('month_end_days', '3', 'NUMBER', 90),
    ('month_end_min_cases', '30', 'NUMBER', 91),
    ('targeting_min_cases', '50', 'NUMBER', 100),
    ('disparate_min_cases', '10', 'NUMBER', 110),
    ('disparate_min_officers', '5', 'NUMBER', 111),
    ('disparate_min_spread', '0.25', 'NUMBER', 112),
    ('favoured_min_repeats', '3', 'NUMBER', 120),
    ('favoured_fine_ratio', '0.6', 'NUMBER', 121),
    ('revoked_min_cases', '30', 'NUMBER', 122),
    ('identical_facts_min_cases', '10', 'NUMBER', 130),
    ('identical_facts_min_parties', '5', 'NUMBER', 131),
    ('identical_facts_min_length', '15', 'NUMBER', 132),
    ('min_peers', '5', 'NUMBER', 140);

insert into screening_rule (code, category, subject, sort) values
    ('FINE_OUT_OF_RANGE', 'IRREGULAR', 'CASE', 10),
    ('OVERLOAD_FORMULA', 'IRREGULAR', 'CASE', 20),
    ('OVERLOAD_NOT_UNLOADED', 'RIGID', 'CASE', 30),
    ('FIRST_OFFENCE_PENALISED', 'RIGID', 'CASE', 40),
    ('SIMPLE_PROCEDURE_OVER_LIMIT', 'IRREGULAR', 'CASE', 50),
    ('ON_SITE_COLLECTION', 'PROFIT_DRIVEN', 'CASE', 60),
    ('RIGHTS_NOT_NOTIFIED', 'ROUGH', 'CASE', 70),
    ('HEARING_NOT_OFFERED', 'ROUGH', 'CASE', 80),
    ('SINGLE_OFFICER', 'IRREGULAR', 'CASE', 90),
    ('DOUBLE_PENALTY', 'IRREGULAR', 'CASE', 100),
    ('MONTH_END_SPIKE', 'PROFIT_DRIVEN', 'OFFICER', 110),
    ('SELECTIVE_TARGETING', 'PROFIT_DRIVEN', 'UNIT', 120),
    ('DISPARATE_PENALTIES', 'IRREGULAR', 'OFFICER', 130),
    ('FAVOURED_PARTY', 'RENT_SEEKING', 'OFFICER', 140),
    ('IDENTICAL_FACTS', 'RIGID', 'UNIT', 150);

insert into permission (code, module) values
    ('screening:finding:read', 'screening'),
    ('screening:finding:confidential', 'screening'),
    ('screening:finding:write', 'screening'),
    ('screening:data:read', 'screening'),
    ('screening:data:write', 'screening'),
    ('screening:run:start', 'screening');

-- Findings about officers are need-to-know like clues: leading group, work team, auditors. Unit staff see
-- their unit's case-level findings only. The auditor reads everything and writes nothing.
insert into role_permission (role_code, permission) values
    ('ADMIN', 'screening:finding:read'), ('ADMIN', 'screening:data:read'), ('ADMIN', 'screening:data:write'),
    ('ADMIN', 'screening:run:start'),
    ('LEADING_GROUP', 'screening:finding:read'), ('LEADING_GROUP', 'screening:finding:confidential'),
    ('LEADING_GROUP', 'screening:data:read'),
    ('WORK_TEAM', 'screening:finding:read'), ('WORK_TEAM', 'screening:finding:confidential'),
    ('WORK_TEAM', 'screening:finding:write'), ('WORK_TEAM', 'screening:data:read'),
    ('WORK_TEAM', 'screening:data:write'), ('WORK_TEAM', 'screening:run:start'),
    ('UNIT_STAFF', 'screening:finding:read'),
    ('SUPERIOR', 'screening:finding:read'), ('SUPERIOR', 'screening:data:read'),
    ('AUDITOR', 'screening:finding:read'), ('AUDITOR', 'screening:finding:confidential'),
    ('AUDITOR', 'screening:data:read');
