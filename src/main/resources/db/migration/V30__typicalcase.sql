-- 典型案例: registered by the work team from a problem (or the accountability case or inspection finding behind
-- one), approved by the leading group, circulated as a 通报 and published anonymised on the public portal.

create table typical_case (
    id            uuid         primary key,
    unit_id       uuid         not null references org_unit (id),
    problem_id    uuid         not null references problem (id),
    kind          varchar(10)  not null check (kind in ('POSITIVE', 'NEGATIVE')),
    source        varchar(20)  not null check (source in ('PROBLEM', 'ACCOUNTABILITY', 'INSPECTION')),
    title         varchar(200) not null,
    summary       text         not null,
    lessons       text,
    public_title  varchar(200),
    public_text   text,
    status        varchar(20)  not null default 'DRAFT' check (status in ('DRAFT', 'APPROVED', 'PUBLISHED')),
    approved_by   varchar(50),
    approved_at   timestamp with time zone,
    published_on  date,
    version       bigint       not null default 0,
    created_by    varchar(50)  not null,
    created_at    timestamp with time zone not null,
    updated_by    varchar(50),
    updated_at    timestamp with time zone
);
create index typical_case_unit_idx on typical_case (unit_id, created_at desc);
create index typical_case_published_idx on typical_case (published_on desc) where status = 'PUBLISHED';

insert into permission (code, module) values
    ('typicalcase:case:read', 'typicalcase'),
    ('typicalcase:case:write', 'typicalcase'),
    ('typicalcase:case:approve', 'typicalcase');

insert into role_permission (role_code, permission) values
    ('LEADING_GROUP', 'typicalcase:case:read'), ('LEADING_GROUP', 'typicalcase:case:approve'),
    ('WORK_TEAM', 'typicalcase:case:read'), ('WORK_TEAM', 'typicalcase:case:write'),
    ('SUPERIOR', 'typicalcase:case:read'),
    ('AUDITOR', 'typicalcase:case:read');
