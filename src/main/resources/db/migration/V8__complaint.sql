-- Complaints and reports from the public (投诉举报): intake on the public portal, the API or by staff, handling
-- with working-day time limits, public feedback reviewed by the work team, and the complainant's rating.
-- The receipt code is stored only as a SHA-256 hash; the reporter's name and phone only as AES-GCM ciphertext.

create table complaint (
    id                   uuid         primary key,
    receipt_hash         char(64)     not null unique,
    channel              varchar(20)  not null check (channel in ('WEB', 'API', 'PHONE', 'LETTER', 'VISIT', 'SUPERIOR_REFERRAL')),
    type                 varchar(20)  not null check (type in ('PROFIT_DRIVEN', 'IRREGULAR', 'RIGID', 'ROUGH', 'RENT_SEEKING', 'OTHER')),
    content              text         not null,
    occurred_on          date,
    location             varchar(200),
    unit_concerned       varchar(200),
    anonymous            boolean      not null,
    reporter_name_enc    bytea,
    reporter_phone_enc   bytea,
    -- The bureau that received it (scope of the work team) and the unit handling it (scope of unit staff).
    owner_unit_id        uuid         not null references org_unit (id),
    handling_unit_id     uuid         references org_unit (id),
    status               varchar(20)  not null check (status in ('SUBMITTED', 'ACCEPTED', 'IN_HANDLING', 'FEEDBACK_REVIEW',
                                                                 'ANSWERED', 'REOPENED', 'DECLINED', 'CLOSED')),
    submitted_at         timestamp with time zone not null,
    acknowledge_due_on   date         not null,
    due_on               date         not null,
    extension_reason     text,
    accepted_at          timestamp with time zone,
    decline_reason       text,
    result               text,
    feedback_draft       text,
    feedback             text,
    answered_at          timestamp with time zone,
    closed_at            timestamp with time zone,
    closure              varchar(20)  check (closure in ('RESOLVED', 'DECLINED', 'DUPLICATE', 'WITHDRAWN', 'OTHER')),
    satisfaction         varchar(20)  check (satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED', 'NOT_SATISFIED')),
    satisfaction_comment text,
    rated_at             timestamp with time zone,
    reopen_count         int          not null default 0,
    problem_id           uuid,
    version              bigint       not null default 0,
    updated_by           varchar(50),
    updated_at           timestamp with time zone
);
create index complaint_owner_idx on complaint (owner_unit_id, status);
create index complaint_handling_idx on complaint (handling_unit_id, status);
create index complaint_submitted_idx on complaint (submitted_at);

-- A retried submission (same Idempotency-Key) finds the complaint it created; the request hash refuses a
-- different body under a key already used.
create table complaint_idempotency (
    key_hash     char(64)     primary key,
    request_hash char(64)     not null,
    complaint_id uuid         not null references complaint (id) on delete cascade,
    created_at   timestamp with time zone not null
);
create index complaint_idempotency_created_idx on complaint_idempotency (created_at);

create table complaint_attachment (
    id           uuid         primary key,
    complaint_id uuid         not null references complaint (id) on delete cascade,
    file_name    varchar(200) not null,
    media_type   varchar(60)  not null check (media_type in ('image/jpeg', 'image/png', 'application/pdf')),
    size_bytes   int          not null,
    content      bytea        not null,
    added_at     timestamp with time zone not null
);
create index complaint_attachment_complaint_idx on complaint_attachment (complaint_id);

-- What happened to a complaint, in order. PUBLIC entries (added information, the rating) are the complainant's
-- own; INTERNAL notes are never shown to the public.
create table complaint_entry (
    id           uuid         primary key,
    complaint_id uuid         not null references complaint (id) on delete cascade,
    kind         varchar(20)  not null check (kind in ('NOTE', 'PUBLIC_INFO', 'TRANSITION')),
    action       varchar(40),
    text         text,
    author       varchar(100) not null,
    created_at   timestamp with time zone not null
);
create index complaint_entry_complaint_idx on complaint_entry (complaint_id, created_at);

-- Every reveal of a reporter's identity, with its reason (also written to the audit trail).
create table complaint_identity_reveal (
    id           uuid         primary key,
    complaint_id uuid         not null references complaint (id) on delete cascade,
    staff_id     uuid         not null references staff (id),
    reason       text         not null,
    revealed_at  timestamp with time zone not null
);
create index complaint_identity_reveal_complaint_idx on complaint_identity_reveal (complaint_id);

insert into permission (code, module) values
    ('complaint:complaint:read', 'complaint'),
    ('complaint:complaint:register', 'complaint'),
    ('complaint:complaint:dispatch', 'complaint'),
    ('complaint:complaint:handle', 'complaint'),
    ('complaint:identity:reveal', 'complaint');

-- The work team runs intake and dispatch and may call complainants back; units handle what is assigned to them;
-- the leading group, the superior bureau and the auditor read. Only the work team and the leading group may
-- reveal an identity (each reveal recorded with its reason).
insert into role_permission (role_code, permission) values
    ('WORK_TEAM', 'complaint:complaint:read'), ('WORK_TEAM', 'complaint:complaint:register'),
    ('WORK_TEAM', 'complaint:complaint:dispatch'), ('WORK_TEAM', 'complaint:complaint:handle'),
    ('WORK_TEAM', 'complaint:identity:reveal'),
    ('LEADING_GROUP', 'complaint:complaint:read'), ('LEADING_GROUP', 'complaint:identity:reveal'),
    ('UNIT_STAFF', 'complaint:complaint:read'), ('UNIT_STAFF', 'complaint:complaint:handle'),
    ('SUPERIOR', 'complaint:complaint:read'),
    ('AUDITOR', 'complaint:complaint:read');
