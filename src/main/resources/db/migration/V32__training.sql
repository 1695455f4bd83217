-- 学习教育: training sessions, the units expected to attend, and each expected staff member's attendance.

create table training_session (
    id          uuid         primary key,
    unit_id     uuid         not null references org_unit (id),
    topic       varchar(200) not null,
    held_on     date         not null,
    place       varchar(200) not null,
    materials   text,
    status      varchar(10)  not null default 'PLANNED' check (status in ('PLANNED', 'HELD', 'CANCELLED')),
    version     bigint       not null default 0,
    created_by  varchar(50)  not null,
    created_at  timestamp with time zone not null,
    updated_by  varchar(50),
    updated_at  timestamp with time zone
);
create index training_session_unit_idx on training_session (unit_id, held_on desc);

create table training_unit (
    session_id uuid not null references training_session (id) on delete cascade,
    unit_id    uuid not null references org_unit (id),
    primary key (session_id, unit_id)
);

create table training_attendance (
    session_id  uuid        not null references training_session (id) on delete cascade,
    staff_id    uuid        not null references staff (id),
    unit_id     uuid        not null references org_unit (id),
    present     boolean     not null,
    source      varchar(10) not null check (source in ('PAGE', 'SHEET')),
    recorded_by varchar(50) not null,
    recorded_at timestamp with time zone not null,
    primary key (session_id, staff_id)
);
create index training_attendance_unit_idx on training_attendance (unit_id);

insert into permission (code, module) values
    ('training:session:read', 'training'),
    ('training:session:write', 'training');

insert into role_permission (role_code, permission) values
    ('LEADING_GROUP', 'training:session:read'),
    ('WORK_TEAM', 'training:session:read'), ('WORK_TEAM', 'training:session:write'),
    ('UNIT_STAFF', 'training:session:read'),
    ('SUPERIOR', 'training:session:read'),
    ('AUDITOR', 'training:session:read');
