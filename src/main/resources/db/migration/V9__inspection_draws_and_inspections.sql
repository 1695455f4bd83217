-- Inspections (surprise inspections, unannounced visits, random checks) and verifiable random draws (双随机).

-- Overload-control stations and other fixed places that can be drawn as targets.
create table inspection_station (
    id      uuid         primary key,
    unit_id uuid         not null references org_unit (id),
    code    varchar(40)  not null unique,
    name    varchar(100) not null,
    active  boolean      not null default true
);

-- Conflicts of interest declared by staff who may be drawn as inspectors (a relative in a squad, a former post).
-- subject_type/subject_id name the target as in a draw snapshot; UNIT:<id> excludes every target of that unit.
create table inspector_conflict (
    id           uuid         primary key,
    staff_id     uuid         not null references staff (id),
    subject_type varchar(20)  not null,
    subject_id   varchar(80)  not null,
    reason       varchar(300) not null,
    recorded_by  varchar(50)  not null,
    recorded_at  timestamp with time zone not null,
    unique (staff_id, subject_type, subject_id)
);

create table random_draw (
    id                    uuid         primary key,
    -- What the public portal shows in its URLs: random, unrelated to the internal id.
    public_id             uuid         not null unique,
    owner_unit_id         uuid         not null references org_unit (id),
    campaign_id           uuid         references campaign (id),
    title                 varchar(200) not null,
    target_type           varchar(20)  not null check (target_type in ('STAFF', 'UNIT', 'STATION', 'CASE')),
    filter_description    text         not null,
    target_count          int          not null check (target_count > 0),
    inspectors_per_target int          not null check (inspectors_per_target >= 0),
    algorithm             varchar(40)  not null,
    snapshot_hash         char(64)     not null,
    seed_mode             varchar(20)  not null check (seed_mode in ('COMMITTED', 'PUBLIC_VALUE')),
    seed_commitment       char(64),
    public_seed_source    text,
    -- The secret seed of a COMMITTED draw, never shown before the draw is made.
    secret_seed           char(64),
    -- Once the rows of the snapshot are written the draw is sealed: nothing that was committed may change.
    sealed                boolean      not null default false,
    committed_by          varchar(50)  not null,
    committed_at          timestamp with time zone not null,
    seed                  char(64),
    public_value          text,
    selection_text        text,
    drawn_by              varchar(50),
    drawn_at              timestamp with time zone,
    published             boolean      not null default false,
    published_at          timestamp with time zone,
    version               bigint       not null default 0,
    check ((seed_mode = 'COMMITTED' and seed_commitment is not null and secret_seed is not null)
        or (seed_mode = 'PUBLIC_VALUE' and public_seed_source is not null))
);
create index random_draw_owner_idx on random_draw (owner_unit_id);

create table draw_snapshot_row (
    draw_id      uuid         not null references random_draw (id),
    role         varchar(10)  not null check (role in ('TARGET', 'INSPECTOR')),
    subject_type varchar(20)  not null,
    subject_id   varchar(80)  not null,
    unit_id      varchar(80)  not null,
    label        varchar(300) not null,
    conflicts    text         not null default '',
    primary key (draw_id, role, subject_type, subject_id)
);

-- A committed draw can never be edited or deleted: only the one-time steps (make the draw, publish) may fill
-- their empty columns. The application never tries; the database refuses it anyway, as for audit_log.
create function random_draw_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'random_draw rows cannot be deleted';
    end if;
    if old.sealed and (new.sealed is distinct from old.sealed
            or new.id is distinct from old.id or new.public_id is distinct from old.public_id
            or new.owner_unit_id is distinct from old.owner_unit_id or new.campaign_id is distinct from old.campaign_id
            or new.title is distinct from old.title or new.target_type is distinct from old.target_type
            or new.filter_description is distinct from old.filter_description
            or new.target_count is distinct from old.target_count
            or new.inspectors_per_target is distinct from old.inspectors_per_target
            or new.algorithm is distinct from old.algorithm or new.snapshot_hash is distinct from old.snapshot_hash
            or new.seed_mode is distinct from old.seed_mode or new.seed_commitment is distinct from old.seed_commitment
            or new.public_seed_source is distinct from old.public_seed_source
            or new.secret_seed is distinct from old.secret_seed
            or new.committed_by is distinct from old.committed_by or new.committed_at is distinct from old.committed_at
            or (old.seed is not null and new.seed is distinct from old.seed)
            or (old.public_value is not null and new.public_value is distinct from old.public_value)
            or (old.selection_text is not null and new.selection_text is distinct from old.selection_text)
            or (old.drawn_by is not null and new.drawn_by is distinct from old.drawn_by)
            or (old.drawn_at is not null and new.drawn_at is distinct from old.drawn_at)
            or (old.published and not new.published)
            or (old.published_at is not null and new.published_at is distinct from old.published_at)) then
        raise exception 'random_draw % is committed and cannot be changed', old.id;
    end if;
    return new;
end;
$$;
create trigger random_draw_no_edit before update or delete on random_draw
    for each row execute function random_draw_guard();

create function draw_snapshot_row_guard() returns trigger language plpgsql as $$
begin
    if tg_op <> 'INSERT' then
        raise exception 'draw snapshots are append-only';
    end if;
    if exists (select 1 from random_draw where id = new.draw_id and sealed) then
        raise exception 'the snapshot of draw % is sealed', new.draw_id;
    end if;
    return new;
end;
$$;
create trigger draw_snapshot_row_no_edit before insert or update or delete on draw_snapshot_row
    for each row execute function draw_snapshot_row_guard();

create table inspection (
    id            uuid         primary key,
    owner_unit_id uuid         not null references org_unit (id),
    campaign_id   uuid         not null references campaign (id),
    type          varchar(20)  not null check (type in ('SURPRISE', 'UNANNOUNCED', 'RANDOM')),
    title         varchar(200) not null,
    planned_on    date         not null,
    status        varchar(20)  not null check (status in ('PLANNED', 'IN_PROGRESS', 'CLOSED')),
    draw_id       uuid         references random_draw (id),
    summary       text,
    closed_at     timestamp with time zone,
    version       bigint       not null default 0,
    updated_by    varchar(50),
    updated_at    timestamp with time zone
);
create index inspection_owner_idx on inspection (owner_unit_id);
create index inspection_draw_idx on inspection (draw_id);

create table inspection_target (
    inspection_id uuid         not null references inspection (id) on delete cascade,
    position      int          not null,
    subject_type  varchar(20)  not null,
    subject_id    varchar(80)  not null,
    unit_id       uuid         references org_unit (id),
    label         varchar(300) not null,
    primary key (inspection_id, position)
);

create table inspection_inspector (
    inspection_id uuid not null references inspection (id) on delete cascade,
    staff_id      uuid not null references staff (id),
    primary key (inspection_id, staff_id)
);

-- Checklist answers: item codes come from inspection/checklist.json.
create table inspection_check (
    inspection_id uuid        not null references inspection (id) on delete cascade,
    item_code     varchar(40) not null,
    result        varchar(10) not null check (result in ('PASS', 'FAIL', 'NA')),
    note          varchar(500),
    primary key (inspection_id, item_code)
);

create table inspection_finding (
    id            uuid         primary key,
    inspection_id uuid         not null references inspection (id) on delete cascade,
    item_code     varchar(40),
    category      varchar(20)  not null check (category in ('PROFIT_DRIVEN', 'IRREGULAR', 'RIGID', 'ROUGH', 'RENT_SEEKING')),
    target_label  varchar(300),
    description   text         not null,
    evidence      text         not null,
    found_on      date         not null,
    -- The ledger problem this finding became (the ledger keeps the finding id as its source reference).
    problem_id    uuid,
    version       bigint       not null default 0,
    recorded_by   varchar(50)  not null,
    recorded_at   timestamp with time zone not null
);
create index inspection_finding_inspection_idx on inspection_finding (inspection_id);

insert into permission (code, module) values
    ('inspection:inspection:read', 'inspection'),
    ('inspection:inspection:write', 'inspection'),
    ('inspection:unannounced:read', 'inspection'),
    ('inspection:draw:read', 'inspection'),
    ('inspection:draw:write', 'inspection');

-- Unannounced visits are confidential to the work team until closed: only WORK_TEAM holds unannounced:read.
insert into role_permission (role_code, permission) values
    ('ADMIN', 'inspection:inspection:read'), ('ADMIN', 'inspection:inspection:write'),
    ('ADMIN', 'inspection:draw:read'), ('ADMIN', 'inspection:draw:write'),
    ('WORK_TEAM', 'inspection:inspection:read'), ('WORK_TEAM', 'inspection:inspection:write'),
    ('WORK_TEAM', 'inspection:unannounced:read'),
    ('WORK_TEAM', 'inspection:draw:read'), ('WORK_TEAM', 'inspection:draw:write'),
    ('LEADING_GROUP', 'inspection:inspection:read'), ('LEADING_GROUP', 'inspection:draw:read'),
    ('AUDITOR', 'inspection:inspection:read'), ('AUDITOR', 'inspection:draw:read'),
    ('SUPERIOR', 'inspection:inspection:read'), ('SUPERIOR', 'inspection:draw:read');
