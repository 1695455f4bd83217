-- Who last changed a unit or a role, so that a stale edit can say who overtook it (as staff rows already do).
alter table org_unit add column updated_by varchar(50);
alter table org_unit add column updated_at timestamp with time zone;
alter table role add column updated_by varchar(50);
alter table role add column updated_at timestamp with time zone;
