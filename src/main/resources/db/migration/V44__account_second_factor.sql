-- A staff member's TOTP second factor (RFC 6238) and their one-time recovery codes (docs/adr/0110-0112).

create table second_factor (
    staff_id       uuid        primary key references staff (id) on delete cascade,
    -- The 20-byte TOTP secret, AES-GCM sealed with a sub-key of the identity key; the staff id is the
    -- associated data, so a sealed secret copied to another account does not open.
    secret_sealed  bytea       not null,
    -- Null while the secret has been shown but no code has confirmed it yet.
    confirmed_at   timestamptz,
    -- The time step (Unix time / 30 s) of the newest code accepted: a code of that step or an older one
    -- is a replay and refused.
    last_used_step bigint      not null default 0,
    version        bigint      not null default 0,
    created_at     timestamptz not null
);

create table recovery_code (
    staff_id   uuid        not null references staff (id) on delete cascade,
    -- HMAC-SHA256 (hex) of the normalised code, with a sub-key of the identity key: the codes carry 50
    -- random bits each, so a keyed hash is as good as a slow one and lets the lookup be one indexed row.
    code_hash  char(64)    not null,
    used_at    timestamptz,
    primary key (staff_id, code_hash)
);
