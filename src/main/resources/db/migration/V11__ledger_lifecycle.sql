-- The problem life cycle, problem items, change history, rectification with measures and evidence files,
-- accountability records, the holiday calendar for working-day time limits, and the ledger's permissions.

create table problem_item (
    code     varchar(40)  primary key,
    category varchar(20)  not null check (category in ('PROFIT_DRIVEN', 'IRREGULAR', 'RIGID', 'ROUGH', 'RENT_SEEKING')),
    name     varchar(200) not null,
    sort     int          not null default 0
);

alter table problem
    add column assigned_unit_id uuid references org_unit (id),
    add column assigned_by      varchar(50),
    add column assigned_on      date,
    add column limit_days       int,
    add column due_on           date,
    add column finding          text,
    add column reopen_count     int not null default 0;
create index problem_due_idx on problem (due_on) where status in ('ASSIGNED', 'VERIFYING', 'RECTIFYING');
create index problem_list_idx on problem (found_on desc, reference desc);
create index problem_category_idx on problem (category, found_on desc);

-- The timeline: one row per changed field of an action (old -> new).
create table problem_change (
    id         bigserial    primary key,
    problem_id uuid         not null references problem (id) on delete cascade,
    at         timestamp with time zone not null,
    actor      varchar(50)  not null,
    action     varchar(40)  not null,
    field      varchar(40),
    old_value  text,
    new_value  text
);
create index problem_change_problem_idx on problem_change (problem_id, id);

create table rectification (
    problem_id           uuid         primary key references problem (id) on delete cascade,
    responsible_unit_id  uuid         not null references org_unit (id),
    responsible_person   varchar(50)  not null,
    deadline             date         not null,
    completion_note      text,
    completed_on         date,
    verified_by          varchar(50),
    verified_at          timestamp with time zone,
    verification_opinion text,
    signed_off_by        varchar(50),
    signed_off_at        timestamp with time zone
);
create index rectification_deadline_idx on rectification (deadline);

create table rectification_measure (
    id         uuid         primary key,
    problem_id uuid         not null references rectification (problem_id) on delete cascade,
    text       text         not null,
    owner      varchar(50)  not null,
    deadline   date         not null,
    done_on    date,
    sort       int          not null default 0
);
create index rectification_measure_problem_idx on rectification_measure (problem_id);

-- Evidence files, kept in the database behind the ledger's EvidenceStore interface.
create table ledger_file (
    id           uuid         primary key,
    problem_id   uuid         not null references problem (id) on delete cascade,
    purpose      varchar(20)  not null check (purpose in ('CLUE', 'RECTIFICATION')),
    file_name    varchar(200) not null,
    content_type varchar(100) not null,
    size         bigint       not null,
    sha256       varchar(64)  not null,
    content      bytea        not null,
    uploaded_by  varchar(50)  not null,
    uploaded_at  timestamp with time zone not null
);
create index ledger_file_problem_idx on ledger_file (problem_id);

create table accountability_record (
    id            uuid         primary key,
    problem_id    uuid         not null references problem (id),
    person        varchar(50)  not null,
    unit_id       uuid         not null references org_unit (id),
    kind          varchar(30)  not null check (kind in ('TALK_REMINDER', 'CRITICISM_EDUCATION', 'ORDERED_SELF_EXAMINATION',
                                   'ADMONITION', 'CIRCULATED_CRITICISM', 'ORGANISATIONAL_MEASURE', 'DISCIPLINARY_SANCTION',
                                   'JUDICIAL_REFERRAL', 'FAULT_TOLERANCE_EXEMPTION')),
    grounds       text,
    decided_on    date         not null,
    deciding_body varchar(100) not null,
    version       bigint       not null default 0,
    created_by    varchar(50)  not null,
    created_at    timestamp with time zone not null,
    updated_by    varchar(50),
    updated_at    timestamp with time zone
);
create index accountability_problem_idx on accountability_record (problem_id);
create index accountability_unit_idx on accountability_record (unit_id, decided_on desc);

-- Non-working days (public holidays) and working weekend days (调休) for working-day time limits.
create table holiday_calendar (
    day     date         primary key,
    working boolean      not null,
    name    varchar(50)
);

insert into permission (code, module) values
    ('ledger:problem:read', 'ledger'),
    ('ledger:problem:register', 'ledger'),
    ('ledger:problem:assign', 'ledger'),
    ('ledger:problem:verify', 'ledger'),
    ('ledger:problem:rectify', 'ledger'),
    ('ledger:problem:check', 'ledger'),
    ('ledger:problem:close', 'ledger'),
    ('ledger:problem:import', 'ledger'),
    ('ledger:clue:confidential', 'ledger'),
    ('ledger:accountability:read', 'ledger'),
    ('ledger:accountability:write', 'ledger');

insert into role_permission (role_code, permission) values
    ('ADMIN', 'ledger:problem:read'),
    ('LEADING_GROUP', 'ledger:problem:read'), ('LEADING_GROUP', 'ledger:problem:close'),
    ('LEADING_GROUP', 'ledger:clue:confidential'), ('LEADING_GROUP', 'ledger:accountability:read'),
    ('WORK_TEAM', 'ledger:problem:read'), ('WORK_TEAM', 'ledger:problem:register'), ('WORK_TEAM', 'ledger:problem:assign'),
    ('WORK_TEAM', 'ledger:problem:verify'), ('WORK_TEAM', 'ledger:problem:rectify'), ('WORK_TEAM', 'ledger:problem:check'),
    ('WORK_TEAM', 'ledger:problem:close'), ('WORK_TEAM', 'ledger:problem:import'), ('WORK_TEAM', 'ledger:clue:confidential'),
    ('WORK_TEAM', 'ledger:accountability:read'), ('WORK_TEAM', 'ledger:accountability:write'),
    ('UNIT_STAFF', 'ledger:problem:read'), ('UNIT_STAFF', 'ledger:problem:register'), ('UNIT_STAFF', 'ledger:problem:rectify'),
    ('SUPERIOR', 'ledger:problem:read'),
    ('AUDITOR', 'ledger:problem:read'), ('AUDITOR', 'ledger:clue:confidential'), ('AUDITOR', 'ledger:accountability:read');

-- The 2023 calendar of the State Council (国办发明电〔2022〕16号): holidays and adjusted working days.
insert into holiday_calendar (day, working, name) values
    ('2023-01-02', false, 'New Year'),
    ('2023-01-23', false, 'Spring Festival'), ('2023-01-24', false, 'Spring Festival'),
    ('2023-01-25', false, 'Spring Festival'), ('2023-01-26', false, 'Spring Festival'),
    ('2023-01-27', false, 'Spring Festival'), ('2023-01-28', true, 'Spring Festival'),
    ('2023-01-29', true, 'Spring Festival'),
    ('2023-04-05', false, 'Qingming'),
    ('2023-04-23', true, 'Labour Day'), ('2023-05-01', false, 'Labour Day'), ('2023-05-02', false, 'Labour Day'),
    ('2023-05-03', false, 'Labour Day'), ('2023-05-06', true, 'Labour Day'),
    ('2023-06-22', false, 'Dragon Boat'), ('2023-06-23', false, 'Dragon Boat'), ('2023-06-25', true, 'Dragon Boat'),
    ('2023-09-29', false, 'Mid-Autumn'), ('2023-10-02', false, 'National Day'), ('2023-10-03', false, 'National Day'),
    ('2023-10-04', false, 'National Day'), ('2023-10-05', false, 'National Day'), ('2023-10-06', false, 'National Day'),
    ('2023-10-07', true, 'National Day'), ('2023-10-08', true, 'National Day');
