-- The problem (clue) ledger: every problem found in the campaign, whatever its source, with a human reference
-- number, its life-cycle status and the audit columns of its creation and last change.

create sequence problem_number_seq;

create table problem (
    id            uuid         primary key,
    -- Human reference number, e.g. DB-2023-00042 (year of registration, running number).
    reference     varchar(30)  not null unique,
    campaign_id   uuid         references campaign (id),
    source        varchar(30)  not null check (source in ('SELF_INSPECTION', 'COMPLAINT', 'SURPRISE_INSPECTION',
                                   'UNANNOUNCED_VISIT', 'RANDOM_CHECK', 'SUPERIOR_REFERRAL', 'RISK_SCREENING', 'OTHER')),
    -- The id of the complaint, inspection finding or screening finding it came from.
    source_ref    varchar(100),
    category      varchar(20)  not null check (category in ('PROFIT_DRIVEN', 'IRREGULAR', 'RIGID', 'ROUGH', 'RENT_SEEKING')),
    item_code     varchar(40),
    -- The unit concerned: the data scope of the row.
    unit_id       uuid         not null references org_unit (id),
    officers      text,
    description   text         not null,
    found_on      date         not null,
    confidential  boolean      not null default false,
    status        varchar(20)  not null default 'REGISTERED' check (status in ('REGISTERED', 'ASSIGNED', 'VERIFYING',
                                   'CONFIRMED', 'UNFOUNDED', 'RECTIFYING', 'RECTIFIED', 'VERIFIED', 'SIGNED_OFF')),
    version       bigint       not null default 0,
    created_by    varchar(50)  not null,
    created_at    timestamp with time zone not null,
    updated_by    varchar(50),
    updated_at    timestamp with time zone
);
create index problem_unit_idx on problem (unit_id, found_on desc);
create index problem_campaign_status_idx on problem (campaign_id, status, found_on desc);
create index problem_source_ref_idx on problem (source, source_ref);
