-- Complaint numbers people can read out on the phone and write in a letter: TS-<year>-<serial>, counted per
-- receiving bureau and calendar year (docs/adr/0404-complaint-numbers.md). The counter row is taken with an upsert,
-- so two complaints submitted at the same moment get different serials.
alter table complaint add column number varchar(20);

create table complaint_number_counter (
    owner_unit_id uuid    not null references org_unit (id),
    year          integer not null,
    last          integer not null,
    primary key (owner_unit_id, year)
);

-- Complaints already received are numbered in the order they came in, in the bureau's year.
with numbered as (
    select id, owner_unit_id,
           cast(extract(year from submitted_at at time zone 'Asia/Shanghai') as integer) as year,
           row_number() over (partition by owner_unit_id,
                                  extract(year from submitted_at at time zone 'Asia/Shanghai')
                              order by submitted_at, id) as serial
    from complaint
)
update complaint c
set number = 'TS-' || n.year || '-' || lpad(cast(n.serial as varchar), 5, '0')
from numbered n
where n.id = c.id;

insert into complaint_number_counter (owner_unit_id, year, last)
select owner_unit_id, cast(substring(number from 4 for 4) as integer), count(*)
from complaint
group by owner_unit_id, substring(number from 4 for 4);

create unique index complaint_number_idx on complaint (owner_unit_id, number);
