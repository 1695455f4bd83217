-- The outbox of the external channels (email, SMS gateway, WeCom group robot, hotline callbacks): a row per message
-- and address, written in the transaction that decided to send it, delivered by a scheduled worker with retries and
-- back-off; every attempt is kept for the administrator.
create table notification_outbox (
    id              uuid          primary key,
    channel         varchar(10)   not null check (channel in ('EMAIL', 'SMS', 'WECOM', 'CALLBACK')),
    recipient_id    uuid          references staff (id) on delete cascade,
    -- An email address, a mobile number or a URL.
    address         varchar(500)  not null,
    template        varchar(60)   not null,
    subject         varchar(200),
    -- The mail text, or the JSON body posted as it is.
    payload         text          not null,
    -- HMAC-SHA256 of the payload for a hotline callback, computed when the row is written (the body never changes).
    signature       varchar(100),
    dedup_key       varchar(200)  not null,
    status          varchar(10)   not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        int           not null default 0,
    next_attempt_at timestamp with time zone not null,
    last_error      varchar(500),
    created_at      timestamp with time zone not null,
    delivered_at    timestamp with time zone,
    unique (channel, address, dedup_key)
);
create index notification_outbox_due_idx on notification_outbox (next_attempt_at) where status = 'PENDING';
create index notification_outbox_created_idx on notification_outbox (created_at desc);

create table notification_attempt (
    id          uuid         primary key,
    outbox_id   uuid         not null references notification_outbox (id) on delete cascade,
    at          timestamp with time zone not null,
    outcome     varchar(10)  not null check (outcome in ('DELIVERED', 'RETRY', 'FAILED')),
    http_status int,
    detail      varchar(500),
    millis      int          not null
);
create index notification_attempt_outbox_idx on notification_attempt (outbox_id, at);

-- Per person: which external channels, which kinds muted there, and the quiet hours of SMS. The inbox always gets all.
create table notification_preference (
    staff_id    uuid         primary key references staff (id) on delete cascade,
    email       boolean      not null default true,
    sms         boolean      not null default false,
    muted_kinds varchar(200) not null default '',
    quiet_from  time         not null default '22:00',
    quiet_to    time         not null default '07:00',
    version     bigint       not null default 0
);

insert into permission (code, module) values ('notification:outbox:read', 'notification');
insert into role_permission (role_code, permission) values ('ADMIN', 'notification:outbox:read');
