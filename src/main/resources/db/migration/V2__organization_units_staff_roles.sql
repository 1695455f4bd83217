-- The org-unit tree, staff accounts, roles with permission codes and data scopes.

create table org_unit (
    id        uuid         primary key,
    parent_id uuid         references org_unit (id),
    -- Materialised path of ids ("/<root>/<child>/.../<self>/") so "this unit and below" is one indexed prefix match.
    path      text         not null unique,
    code      varchar(40)  not null unique,
    name      varchar(100) not null,
    kind      varchar(20)  not null check (kind in ('CITY_BUREAU', 'COUNTY_BUREAU', 'OFFICE', 'BRIGADE', 'SQUAD', 'CENTRE')),
    sort      int          not null default 0,
    version   bigint       not null default 0
);
create index org_unit_parent_idx on org_unit (parent_id);
create index org_unit_path_idx on org_unit (path text_pattern_ops);

create table staff (
    id            uuid         primary key,
    unit_id       uuid         not null references org_unit (id),
    name          varchar(50)  not null,
    title         varchar(100),
    phone         varchar(30),
    login         varchar(50)  unique,
    password_hash varchar(100),
    enabled       boolean      not null default true,
    -- Demonstration accounts are marked so that a production profile can refuse to start while one exists.
    demo          boolean      not null default false,
    version       bigint       not null default 0,
    updated_by    varchar(50),
    updated_at    timestamp with time zone
);
create index staff_unit_idx on staff (unit_id);

create table permission (
    code   varchar(80) primary key,
    module varchar(30) not null
);

create table role (
    code    varchar(30) primary key,
    scope   varchar(20) not null check (scope in ('OWN_UNIT', 'UNIT_AND_BELOW', 'ALL')),
    sort    int         not null default 0,
    version bigint      not null default 0
);

create table role_permission (
    role_code  varchar(30) not null references role (code),
    permission varchar(80) not null references permission (code),
    primary key (role_code, permission)
);

create table staff_role (
    staff_id  uuid        not null references staff (id) on delete cascade,
    role_code varchar(30) not null references role (code),
    primary key (staff_id, role_code)
);

create table login_failure (
    id        bigserial primary key,
    login     varchar(100) not null,
    address   varchar(64)  not null,
    failed_at timestamp with time zone not null
);
create index login_failure_login_idx on login_failure (login, failed_at);
create index login_failure_address_idx on login_failure (address, failed_at);

insert into permission (code, module) values
    ('organization:unit:read', 'organization'),
    ('organization:unit:write', 'organization'),
    ('organization:staff:read', 'organization'),
    ('organization:staff:write', 'organization'),
    ('organization:role:read', 'organization'),
    ('organization:role:write', 'organization'),
    ('campaign:campaign:read', 'campaign'),
    ('campaign:campaign:write', 'campaign'),
    ('campaign:group:write', 'campaign'),
    ('audit:log:read', 'audit'),
    ('audit:log:verify', 'audit');

-- The roles of DOMAIN.md. Leading group and work team see their bureau and everything below it; unit staff see
-- their own unit; the superior bureau, the auditor and the administrator see all units below their own.
insert into role (code, scope, sort) values
    ('ADMIN', 'ALL', 10),
    ('LEADING_GROUP', 'UNIT_AND_BELOW', 20),
    ('WORK_TEAM', 'UNIT_AND_BELOW', 30),
    ('UNIT_STAFF', 'OWN_UNIT', 40),
    ('SUPERIOR', 'UNIT_AND_BELOW', 50),
    ('AUDITOR', 'UNIT_AND_BELOW', 60);

insert into role_permission (role_code, permission) values
    ('ADMIN', 'organization:unit:read'), ('ADMIN', 'organization:unit:write'),
    ('ADMIN', 'organization:staff:read'), ('ADMIN', 'organization:staff:write'),
    ('ADMIN', 'organization:role:read'), ('ADMIN', 'organization:role:write'),
    ('ADMIN', 'campaign:campaign:read'), ('ADMIN', 'campaign:campaign:write'), ('ADMIN', 'campaign:group:write'),
    ('LEADING_GROUP', 'campaign:campaign:read'), ('LEADING_GROUP', 'organization:unit:read'),
    ('LEADING_GROUP', 'organization:staff:read'),
    ('WORK_TEAM', 'campaign:campaign:read'), ('WORK_TEAM', 'campaign:campaign:write'), ('WORK_TEAM', 'campaign:group:write'),
    ('WORK_TEAM', 'organization:unit:read'), ('WORK_TEAM', 'organization:staff:read'),
    ('UNIT_STAFF', 'campaign:campaign:read'),
    ('SUPERIOR', 'campaign:campaign:read'), ('SUPERIOR', 'organization:unit:read'),
    ('AUDITOR', 'campaign:campaign:read'), ('AUDITOR', 'organization:unit:read'), ('AUDITOR', 'organization:staff:read'),
    ('AUDITOR', 'organization:role:read'), ('AUDITOR', 'audit:log:read'), ('AUDITOR', 'audit:log:verify'),
    ('ADMIN', 'audit:log:read'), ('ADMIN', 'audit:log:verify');
