-- Accountability as a decision (追责问责、容错免责): the work team proposes, the leading group decides — a measure,
-- a fault-tolerance exemption on the grounds of the fault-tolerance rules, or no action — at a named meeting on a
-- date. Records made before this migration were typed as decided and stay decided. Plus 约谈 (interview) records.

alter table accountability_record drop constraint accountability_record_kind_check;
alter table accountability_record
    alter column kind drop not null,
    alter column person drop not null,
    alter column decided_on drop not null,
    alter column deciding_body drop not null,
    add column status        varchar(20) not null default 'DECIDED' check (status in ('PROPOSED', 'DECIDED')),
    add column subject       varchar(10) not null default 'PERSON' check (subject in ('PERSON', 'UNIT')),
    add column proposed_kind varchar(30),
    add column proposal      text,
    add column proposed_by   varchar(50),
    add column proposed_at   timestamp with time zone,
    add column meeting       varchar(100),
    add column decided_by    varchar(50),
    add constraint accountability_record_kind_check check (kind in ('TALK_REMINDER', 'CRITICISM_EDUCATION',
        'ORDERED_SELF_EXAMINATION', 'ADMONITION', 'CIRCULATED_CRITICISM', 'ORGANISATIONAL_MEASURE',
        'DISCIPLINARY_SANCTION', 'JUDICIAL_REFERRAL', 'FAULT_TOLERANCE_EXEMPTION', 'NO_ACTION')),
    add constraint accountability_record_proposed_kind_check check (proposed_kind in ('TALK_REMINDER',
        'CRITICISM_EDUCATION', 'ORDERED_SELF_EXAMINATION', 'ADMONITION', 'CIRCULATED_CRITICISM',
        'ORGANISATIONAL_MEASURE', 'DISCIPLINARY_SANCTION', 'JUDICIAL_REFERRAL', 'FAULT_TOLERANCE_EXEMPTION',
        'NO_ACTION')),
    add constraint accountability_record_decided_check check (status = 'PROPOSED'
        or (kind is not null and decided_on is not null and deciding_body is not null)),
    add constraint accountability_record_person_check check (subject = 'UNIT' or person is not null);
update accountability_record set proposed_kind = kind, proposed_by = created_by, proposed_at = created_at,
                                 decided_by = created_by;

-- 约谈: who interviewed whom, when, why, the minutes and the follow-up.
create table accountability_interview (
    id           uuid         primary key,
    problem_id   uuid         references problem (id),
    unit_id      uuid         not null references org_unit (id),
    interviewer  varchar(100) not null,
    interviewee  varchar(100) not null,
    held_on      date         not null,
    reason       text         not null,
    minutes      text         not null,
    follow_up    text,
    created_by   varchar(50)  not null,
    created_at   timestamp with time zone not null
);
create index accountability_interview_unit_idx on accountability_interview (unit_id, held_on desc);

insert into permission (code, module) values ('ledger:accountability:decide', 'ledger');
insert into role_permission (role_code, permission) values ('LEADING_GROUP', 'ledger:accountability:decide');

-- The special report lists every decided case with the problem behind it; reporting reads only this view.
create view reporting_accountability_case as
select a.id, a.unit_id, a.subject, a.person, a.kind, a.grounds, a.proposal, a.meeting, a.decided_on,
       a.deciding_body, p.reference as problem_reference, p.category as problem_category, p.campaign_id
from accountability_record a
join problem p on p.id = a.problem_id
where a.status = 'DECIDED';
