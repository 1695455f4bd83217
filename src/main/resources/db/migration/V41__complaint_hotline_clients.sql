-- Hotline systems (12345 / 12328) that forward complaints with an API key and hear back through a callback.
-- The key is stored as its SHA-256 (shown once when created); the callback signing secret must be read to sign,
-- so it is stored encrypted with the complaint identity key.
create table hotline_client (
    id              uuid         primary key,
    name            varchar(100) not null,
    -- The bureau the client's complaints go to.
    bureau_unit_id  uuid         not null references org_unit (id),
    key_prefix      varchar(12)  not null,
    key_hash        varchar(64)  not null unique,
    callback_url    varchar(500),
    secret_enc      bytea        not null,
    created_by      varchar(50)  not null,
    created_at      timestamp with time zone not null,
    revoked_by      varchar(50),
    revoked_at      timestamp with time zone,
    version         bigint       not null default 0
);

alter table complaint add column hotline_client_id uuid references hotline_client (id);
alter table complaint add column work_order_no varchar(64);
create unique index complaint_work_order_idx on complaint (hotline_client_id, work_order_no)
    where hotline_client_id is not null and work_order_no is not null;

insert into permission (code, module) values ('complaint:hotline:admin', 'complaint');
insert into role_permission (role_code, permission) values ('ADMIN', 'complaint:hotline:admin');
