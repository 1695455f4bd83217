-- 举一反三 by place: where a problem was found (a road and section, a station, a town), optional free text.
-- Problems at the same place are related whatever unit or item they belong to (docs/adr/0114).

alter table problem add column location varchar(200);

-- Related problems are looked up by the normalised place.
create index problem_location_idx on problem (lower(location)) where location is not null;
