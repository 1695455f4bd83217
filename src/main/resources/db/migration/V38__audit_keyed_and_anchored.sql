-- The audit chain becomes keyed (issue 17): an unkeyed SHA-256 chain can be recomputed by anyone who can write the
-- table, so a deleted or forged row went unnoticed. Each entry now carries
--   entry_mac: HMAC-SHA256 of its sequence number and content, computed by the application when it writes the entry
--              (a row inserted by hand, or a copy of an entry under another number, has no valid one);
--   mac:       HMAC-SHA256 of its chain position and chain hash, computed by the sealer (a chain recomputed after a
--              deletion or an edit has no valid ones).
-- The key (duban.audit.chain-key) lives outside the database, like the complainant-identity key.
-- Entries written and sealed before this migration keep their unkeyed chain; audit_keying records where the keyed
-- part begins, so a keyed entry cannot pass as an old one by dropping its MACs.
alter table audit_log add column entry_mac varchar(64);
alter table audit_log add column mac varchar(64);

create table audit_keying (
    keyed_from_seq     bigint not null,
    keyed_after_pos    bigint not null
);
-- The next number the sequence will give, without taking it.
insert into audit_keying (keyed_from_seq, keyed_after_pos)
select case when is_called then last_value + 1 else last_value end,
       coalesce((select max(chain_pos) from audit_log), 0)
from audit_log_seq;

-- Problems found by the verification (manual or the daily job): shown to administrators and auditors until seen.
create table audit_alarm (
    id          bigserial    primary key,
    raised_at   timestamp with time zone not null,
    kind        varchar(30)  not null,
    detail      text         not null
);

-- Sealing may now also fill mac; everything else stays as V21 allows.
create or replace function audit_log_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.chain_pos is null and new.chain_pos is not null
       and (new.seq, new.occurred_at, new.actor, new.action, new.object_type, new.object_id, new.old_values,
            new.new_values, new.outcome, new.entry_mac)
           is not distinct from
           (old.seq, old.occurred_at, old.actor, old.action, old.object_type, old.object_id, old.old_values,
            old.new_values, old.outcome, old.entry_mac) then
        return new;
    end if;
    raise exception 'audit_log is append-only';
end;
$$;
