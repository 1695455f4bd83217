-- 一线执法人员呼声: the internal suggestion box. An anonymous suggestion has no author: only the unit is kept.

create table suggestion (
    id          uuid          primary key,
    unit_id     uuid          not null references org_unit (id),
    author_id   uuid          references staff (id),
    topic       varchar(20)   not null check (topic in ('ENFORCEMENT_RULES', 'WORKLOAD', 'EQUIPMENT', 'TRAINING',
                                                        'CONDUCT', 'OTHER')),
    text        text          not null,
    status      varchar(10)   not null default 'SUBMITTED' check (status in ('SUBMITTED', 'ANSWERED')),
    answer      text,
    answered_by varchar(50),
    answered_at timestamp with time zone,
    version     bigint        not null default 0,
    created_at  timestamp with time zone not null,
    check (status = 'SUBMITTED' or answer is not null)
);
create index suggestion_unit_idx on suggestion (unit_id, created_at desc);
create index suggestion_author_idx on suggestion (author_id) where author_id is not null;

insert into permission (code, module) values
    ('suggestion:box:submit', 'suggestion'),
    ('suggestion:box:read', 'suggestion'),
    ('suggestion:box:answer', 'suggestion');

insert into role_permission (role_code, permission) values
    ('LEADING_GROUP', 'suggestion:box:submit'), ('LEADING_GROUP', 'suggestion:box:read'),
    ('WORK_TEAM', 'suggestion:box:submit'), ('WORK_TEAM', 'suggestion:box:read'), ('WORK_TEAM', 'suggestion:box:answer'),
    ('UNIT_STAFF', 'suggestion:box:submit'),
    ('AUDITOR', 'suggestion:box:read');

-- Counted in the reports: reporting reads only this view (no author, no text).
create view reporting_suggestion as
select g.id, g.unit_id, g.topic, g.status, cast(g.created_at at time zone 'Asia/Shanghai' as date) as submitted_on
from suggestion g;
