-- Units' monthly reports to their county bureau (每月月底前向旗交通局报送上月自查自纠情况及重点任务调度台账) use the same
-- report tables as the county's reports to the city: a report's channel says who sends it to whom.
--   BUREAU_TO_SUPERIOR  a county (or city) bureau to the bureau above it: approved by its leading group, numbered
--   UNIT_TO_BUREAU      a unit (squad, brigade, centre, office) to its own bureau: submitted by the unit's staff
--                       without an approval step and without a document number (docs/adr/0711)
alter table report add column channel varchar(20) not null default 'BUREAU_TO_SUPERIOR'
    check (channel in ('BUREAU_TO_SUPERIOR', 'UNIT_TO_BUREAU'));
alter table report alter column channel drop default;
-- The county's list of late and missing unit reports reads by campaign, channel and month.
create index report_channel_idx on report (campaign_id, channel, period);

-- Unit staff draft and submit their unit's monthly report; the county's work team receives or returns what its
-- units submit (the city's work team, holding the same role, receives what the counties submit, as the city does).
insert into role_permission (role_code, permission) values
    ('UNIT_STAFF', 'reporting:report:read'), ('UNIT_STAFF', 'reporting:report:write'),
    ('WORK_TEAM', 'reporting:report:receive');
