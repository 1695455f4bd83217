-- Append-only operation log. Each entry carries the hash of the previous entry and its own hash over its
-- content, so a changed or deleted row breaks the chain at that point.

create table audit_log (
    seq         bigint       primary key,
    occurred_at timestamp with time zone not null,
    actor       varchar(100) not null,
    action      varchar(80)  not null,
    object_type varchar(60),
    object_id   varchar(80),
    old_values  text,
    new_values  text,
    outcome     varchar(20)  not null check (outcome in ('SUCCESS', 'FAILURE', 'DENIED')),
    prev_hash   char(64)     not null,
    hash        char(64)     not null
);
create index audit_log_occurred_idx on audit_log (occurred_at);
create index audit_log_object_idx on audit_log (object_type, object_id);
create index audit_log_actor_idx on audit_log (actor);

-- The application never updates or deletes audit rows; the database refuses it too.
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_append_only();
