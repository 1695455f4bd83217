-- Reports (monthly, special, summary) of a county bureau to its superior bureau: the working draft, its drafted
-- figures, and one frozen version per submission.

create table report (
    id                uuid         primary key,
    campaign_id       uuid         not null references campaign (id),
    -- The issuing bureau (a county bureau, or the city bureau for its own reports).
    unit_id           uuid         not null references org_unit (id),
    kind              varchar(20)  not null check (kind in ('MONTHLY', 'SPECIAL', 'SUMMARY')),
    -- First day of the reported month for a monthly report; the last day reported on for the others.
    period            date         not null,
    title             varchar(200) not null,
    -- Document number 发文字号: agency code (机关代字), year and sequence, assembled per GB/T 9704.
    doc_prefix        varchar(40)  not null,
    doc_year          int          not null check (doc_year between 2000 and 2100),
    doc_seq           int          check (doc_seq between 1 and 99999),
    addressee         varchar(100) not null,
    copy_to           varchar(300),
    progress          text,
    results           text,
    problems          text,
    suggestions       text,
    status            varchar(20)  not null check (status in ('DRAFT', 'APPROVED', 'SUBMITTED', 'RETURNED', 'RECEIVED')),
    approved_by       varchar(50),
    -- The leading-group member who approved, printed as 签发人 on an upward document.
    signer            varchar(50),
    approved_at       timestamp with time zone,
    submitted_version int          not null default 0,
    version           bigint       not null default 0,
    created_by        varchar(50)  not null,
    created_at        timestamp with time zone not null,
    updated_by        varchar(50),
    updated_at        timestamp with time zone
);
create index report_unit_idx on report (unit_id, period);
-- One monthly report per bureau, campaign and month.
create unique index report_monthly_uq on report (campaign_id, unit_id, period) where kind = 'MONTHLY';

-- Drafted figures: version 0 is the working draft, version n the figures frozen with submission n.
create table report_figure (
    report_id  uuid         not null references report (id) on delete cascade,
    version_no int          not null,
    sort       int          not null,
    figure     varchar(60)  not null,
    value      numeric(14, 1),
    primary key (report_id, version_no, figure)
);

-- Each submission upward is a frozen copy: what the superior bureau received, whatever is edited afterwards.
create table report_version (
    report_id        uuid         not null references report (id) on delete cascade,
    version_no       int          not null,
    title            varchar(200) not null,
    document_number  varchar(80)  not null,
    signer           varchar(50),
    addressee        varchar(100) not null,
    copy_to          varchar(300),
    progress         text,
    results          text,
    problems         text,
    suggestions      text,
    submitted_by     varchar(50)  not null,
    submitted_at     timestamp with time zone not null,
    superior_unit_id uuid         not null references org_unit (id),
    outcome          varchar(20)  check (outcome in ('RETURNED', 'RECEIVED')),
    comment          text,
    decided_by       varchar(50),
    decided_at       timestamp with time zone,
    primary key (report_id, version_no)
);
create index report_version_superior_idx on report_version (superior_unit_id, submitted_at desc);

insert into permission (code, module) values
    ('reporting:dashboard:read', 'reporting'),
    ('reporting:report:read', 'reporting'),
    ('reporting:report:write', 'reporting'),
    ('reporting:report:approve', 'reporting'),
    ('reporting:report:receive', 'reporting');

-- The work team drafts and submits; the leading group approves; the superior bureau receives or returns;
-- the auditor reads. Unit staff see the dashboard of their own unit only.
insert into role_permission (role_code, permission) values
    ('ADMIN', 'reporting:dashboard:read'), ('ADMIN', 'reporting:report:read'), ('ADMIN', 'reporting:report:write'),
    ('LEADING_GROUP', 'reporting:dashboard:read'), ('LEADING_GROUP', 'reporting:report:read'),
    ('LEADING_GROUP', 'reporting:report:approve'),
    ('WORK_TEAM', 'reporting:dashboard:read'), ('WORK_TEAM', 'reporting:report:read'),
    ('WORK_TEAM', 'reporting:report:write'),
    ('UNIT_STAFF', 'reporting:dashboard:read'),
    ('SUPERIOR', 'reporting:dashboard:read'), ('SUPERIOR', 'reporting:report:read'),
    ('SUPERIOR', 'reporting:report:receive'),
    ('AUDITOR', 'reporting:dashboard:read'), ('AUDITOR', 'reporting:report:read');
