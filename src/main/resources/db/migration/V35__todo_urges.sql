-- 督办: urges (催办) recorded on an open item of another module, and who may urge.
-- The item is named by its kind and id (problem, complaint, key task), not by a foreign key, so the to-do module
-- owns this table alone; the unit is the one urged (whose to-do shows the urge).
create table todo_urge (
    id         uuid          primary key,
    item_kind  varchar(20)   not null check (item_kind in ('PROBLEM', 'COMPLAINT', 'KEY_TASK')),
    item_id    uuid          not null,
    unit_id    uuid          not null references org_unit (id),
    text       varchar(1000) not null,
    urged_by   varchar(50)   not null,
    urged_name varchar(50)   not null,
    urged_at   timestamp with time zone not null
);
create index todo_urge_item_idx on todo_urge (item_id, urged_at);
create index todo_urge_unit_idx on todo_urge (unit_id, urged_at);

insert into permission (code, module) values ('todo:item:urge', 'todo');
-- Authority over other units' work: the leading group, the work team and the superior bureau. Never the auditor.
insert into role_permission (role_code, permission) values
    ('LEADING_GROUP', 'todo:item:urge'), ('WORK_TEAM', 'todo:item:urge'), ('SUPERIOR', 'todo:item:urge');

-- The to-do list reads problems waiting on a unit by status; the partial index keeps that cheap with many closed ones.
create index problem_open_desk_idx on problem (status, assigned_unit_id)
    where status not in ('UNFOUNDED', 'SIGNED_OFF');
