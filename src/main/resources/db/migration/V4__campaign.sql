-- Campaigns, their four phases and their groups (leading group, work team, office) with members.

create table campaign (
    id              uuid         primary key,
    owner_unit_id   uuid         not null references org_unit (id),
    title           varchar(200) not null,
    document_number varchar(60),
    issuing_agency  varchar(100) not null,
    signer          varchar(50),
    issued_on       date,
    starts_on       date         not null,
    ends_on         date,
    notice_text     text,
    status          varchar(20)  not null check (status in ('DRAFT', 'ACTIVE', 'CLOSED')),
    version         bigint       not null default 0,
    updated_by      varchar(50),
    updated_at      timestamp with time zone
);
create index campaign_owner_idx on campaign (owner_unit_id);

create table campaign_phase (
    campaign_id uuid        not null references campaign (id) on delete cascade,
    phase       varchar(20) not null check (phase in ('MOBILISATION', 'SELF_INSPECTION', 'RECTIFICATION', 'CONSOLIDATION')),
    starts_on   date        not null,
    -- Null: open-ended (the notice's 总结提升 is "长期推进").
    ends_on     date,
    primary key (campaign_id, phase)
);

create table campaign_group (
    id          uuid        primary key,
    campaign_id uuid        not null references campaign (id) on delete cascade,
    kind        varchar(20) not null check (kind in ('LEADING_GROUP', 'WORK_TEAM', 'OFFICE')),
    name        varchar(100) not null,
    duties      text,
    sort        int         not null default 0,
    version     bigint      not null default 0
);
create index campaign_group_campaign_idx on campaign_group (campaign_id);

create table group_member (
    id        uuid         primary key,
    group_id  uuid         not null references campaign_group (id) on delete cascade,
    staff_id  uuid         references staff (id),
    name      varchar(50)  not null,
    position  varchar(20)  not null check (position in ('LEADER', 'DEPUTY_LEADER', 'MEMBER', 'OFFICE_DIRECTOR')),
    -- The member's post as the notice writes it, e.g. 旗交通运输局党组书记、局长.
    post      varchar(150),
    duties    text,
    sort      int          not null default 0
);
create index group_member_group_idx on group_member (group_id);
