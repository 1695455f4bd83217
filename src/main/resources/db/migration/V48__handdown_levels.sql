-- Work down the levels (issue 13 point 2): a city (or province) issues its campaign to the bureaus below it, and
-- hands key tasks and problems down to them (上级交办件); the receiving bureau reports back (办理反馈) with evidence
-- and the issuing bureau accepts or returns the report.

-- A province above the cities: the unit tree takes one more level of bureau.
alter table org_unit drop constraint org_unit_kind_check;
alter table org_unit add constraint org_unit_kind_check
    check (kind in ('PROVINCE_BUREAU', 'CITY_BUREAU', 'COUNTY_BUREAU', 'OFFICE', 'BRIGADE', 'SQUAD', 'CENTRE'));

-- A county's campaign issued by the city's: the child inherits the parent's phases and key tasks (each copy links
-- its parent task) and adds its own.
alter table campaign add column parent_id uuid references campaign (id);
create index campaign_parent_idx on campaign (parent_id) where parent_id is not null;
alter table key_task add column parent_task_id uuid references key_task (id) on delete set null;
create index key_task_parent_idx on key_task (parent_task_id) where parent_task_id is not null;

-- One item handed down from one bureau to one bureau directly below it. TASK: a key task assigned with a deadline,
-- an acceptance standard and the feedback it requires; CASE: a problem or clue handed down with a time limit in
-- working days (due_on is computed from it on the working-day calendar when the item is issued).
create table hand_down (
    id                  uuid         primary key,
    kind                varchar(10)  not null check (kind in ('TASK', 'CASE')),
    from_unit_id        uuid         not null references org_unit (id),
    to_unit_id          uuid         not null references org_unit (id),
    campaign_id         uuid         references campaign (id),
    key_task_id         uuid         references key_task (id) on delete set null,
    title               varchar(200) not null,
    description         text         not null,
    acceptance_standard text,
    required_feedback   text,
    working_days        int          check (working_days between 1 and 120),
    issued_on           date         not null,
    due_on              date         not null,
    status              varchar(10)  not null default 'ISSUED'
                                     check (status in ('ISSUED', 'REPORTED', 'RETURNED', 'ACCEPTED')),
    returns             int          not null default 0,
    version             bigint       not null default 0,
    created_by          varchar(50)  not null,
    created_at          timestamp with time zone not null,
    updated_by          varchar(50),
    updated_at          timestamp with time zone,
    check (from_unit_id <> to_unit_id),
    check (kind = 'TASK' or working_days is not null)
);
create index hand_down_to_idx on hand_down (to_unit_id, status, due_on);
create index hand_down_from_idx on hand_down (from_unit_id, status, due_on);

-- Every step of an item: issued, reported back (with its text and evidence), returned (with the reasons), accepted.
create table hand_down_step (
    id           uuid         primary key,
    hand_down_id uuid         not null references hand_down (id) on delete cascade,
    action       varchar(10)  not null check (action in ('ISSUE', 'REPORT', 'RETURN', 'ACCEPT')),
    text         text,
    actor        varchar(50)  not null,
    actor_name   varchar(100),
    at           timestamp with time zone not null
);
create index hand_down_step_item_idx on hand_down_step (hand_down_id, at);

create table hand_down_file (
    id           uuid         primary key,
    hand_down_id uuid         not null references hand_down (id) on delete cascade,
    step_id      uuid         not null references hand_down_step (id) on delete cascade,
    file_name    varchar(200) not null,
    content_type varchar(100) not null,
    size         bigint       not null,
    sha256       varchar(64)  not null,
    content      bytea        not null,
    uploaded_by  varchar(50)  not null,
    uploaded_at  timestamp with time zone not null
);
create index hand_down_file_item_idx on hand_down_file (hand_down_id, step_id);

insert into permission (code, module) values
    ('handdown:item:read', 'handdown'),
    ('handdown:item:issue', 'handdown'),
    ('handdown:item:report', 'handdown'),
    ('handdown:item:decide', 'handdown'),
    ('campaign:campaign:issue', 'campaign');

-- The level above (SUPERIOR, and the city's own work team) issues, accepts and returns; the bureau below (its work
-- team, or its leading group) reports back. Whether a holder acts on a given item is decided by the item's bureaus,
-- not by the role: a county work team has nothing below it to hand down to. The auditor only reads.
insert into role_permission (role_code, permission) values
    ('SUPERIOR', 'handdown:item:read'), ('SUPERIOR', 'handdown:item:issue'), ('SUPERIOR', 'handdown:item:decide'),
    ('SUPERIOR', 'campaign:campaign:issue'), ('SUPERIOR', 'handdown:item:report'),
    ('WORK_TEAM', 'handdown:item:read'), ('WORK_TEAM', 'handdown:item:issue'), ('WORK_TEAM', 'handdown:item:decide'),
    ('WORK_TEAM', 'handdown:item:report'), ('WORK_TEAM', 'campaign:campaign:issue'),
    ('LEADING_GROUP', 'handdown:item:read'), ('LEADING_GROUP', 'handdown:item:report'),
    ('AUDITOR', 'handdown:item:read');

-- Counted on the dashboards like the other ledgers: reporting reads only this view.
create view reporting_hand_down as
select h.id, h.kind, h.from_unit_id, h.to_unit_id, h.status, h.issued_on, h.due_on, h.returns
from hand_down h;

-- Items handed down are urged like the ledgers' items.
alter table todo_urge drop constraint todo_urge_item_kind_check;
alter table todo_urge add constraint todo_urge_item_kind_check
    check (item_kind in ('PROBLEM', 'COMPLAINT', 'KEY_TASK', 'HAND_DOWN'));

-- A province bureau is a bureau too: the view of each unit's nearest bureau (V46) counts it.
create or replace view org_unit_bureau as
select u.id as unit_id, b.id as bureau_id, b.path as bureau_path
from org_unit u
cross join lateral (
    select a.id, a.path
    from org_unit a
    where u.path like a.path || '%'
      and (a.kind in ('COUNTY_BUREAU', 'CITY_BUREAU', 'PROVINCE_BUREAU') or a.parent_id is null)
    order by a.kind in ('COUNTY_BUREAU', 'CITY_BUREAU', 'PROVINCE_BUREAU') desc, length(a.path) desc
    limit 1
) b;
