-- Each bureau's public notice (通告): written for the public, with the channels to reach the bureau, separate from
-- the campaign's internal implementation plan (campaign.notice_text). Complaints from the public portal and the
-- hotline API addressed to the bureau go to its intake unit.
create table public_notice (
    bureau_unit_id  uuid         primary key references org_unit (id),
    intake_unit_id  uuid         not null references org_unit (id),
    title           varchar(200) not null,
    document_number varchar(60),
    published_on    date,
    body            text         not null,
    hotlines        varchar(200),
    mailbox         varchar(200),
    address         varchar(200),
    office_hours    varchar(200),
    version         bigint       not null default 0,
    updated_by      varchar(50),
    updated_at      timestamp with time zone
);
