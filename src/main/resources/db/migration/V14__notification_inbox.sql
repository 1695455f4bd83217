-- In-app notifications (站内信). A dedup key makes a daily reminder job idempotent: the same reminder for the same
-- item and recipient is stored once, whichever instance (or rerun) sends it.

create table notification (
    id           uuid         primary key,
    recipient_id uuid         not null references staff (id) on delete cascade,
    title        varchar(200) not null,
    body         text,
    link         varchar(300),
    dedup_key    varchar(200),
    created_at   timestamp with time zone not null,
    read_at      timestamp with time zone,
    unique (recipient_id, dedup_key)
);
create index notification_inbox_idx on notification (recipient_id, created_at desc);
