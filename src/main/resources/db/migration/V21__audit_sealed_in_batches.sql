-- The audit chain is sealed in batches instead of under a global lock in every transaction (docs/decisions.md).
-- A business transaction now only inserts its entry: the sequence number comes from a sequence, and the chain
-- columns stay empty. A single sealer at a time (advisory lock) later takes the committed, unsealed entries in
-- sequence order, gives each the next position in the chain (chain_pos), the hash of the entry before it in the
-- chain (prev_hash) and its own hash. Sequence numbers can commit out of order; an entry that commits late is
-- simply sealed in a later batch, at a later chain position, so the chain is in order of sealing, never of seq.
-- (Numbered in the complaint module's range: the change was made for the complaint intake's throughput.)

create sequence audit_log_seq owned by audit_log.seq;
select setval('audit_log_seq', coalesce((select max(seq) from audit_log), 0) + 1, false);
alter table audit_log alter column seq set default nextval('audit_log_seq');

alter table audit_log alter column prev_hash drop not null;
alter table audit_log alter column hash drop not null;
alter table audit_log add column chain_pos bigint;

-- Entries written so far were chained in seq order with seq = 1, 2, 3 ...: their position is their number.
alter table audit_log disable trigger audit_log_no_update;
update audit_log set chain_pos = seq;
alter table audit_log enable trigger audit_log_no_update;

alter table audit_log add constraint audit_log_chain_pos_key unique (chain_pos);
alter table audit_log add constraint audit_log_sealed_whole
    check ((chain_pos is null and prev_hash is null and hash is null)
        or (chain_pos is not null and prev_hash is not null and hash is not null));
create index audit_log_unsealed_idx on audit_log (seq) where chain_pos is null;

-- Still append-only: the one update allowed is the sealing of an unsealed entry, which fills the three chain
-- columns and changes nothing else. Sealed entries can be neither changed nor deleted.
create or replace function audit_log_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.chain_pos is null and new.chain_pos is not null
       and (new.seq, new.occurred_at, new.actor, new.action, new.object_type, new.object_id, new.old_values,
            new.new_values, new.outcome)
           is not distinct from
           (old.seq, old.occurred_at, old.actor, old.action, old.object_type, old.object_id, old.old_values,
            old.new_values, old.outcome) then
        return new;
    end if;
    raise exception 'audit_log is append-only';
end;
$$;
