-- The bureau of every unit, defined once: the nearest county or city bureau at or above it (the unit itself when
-- it is one), or the root of its tree when there is none. The tree is small (hundreds of units), so a view is
-- cheap; organization.OrgUnits.bureauOf and organization.PermissionHolders read it.
create view org_unit_bureau as
select u.id as unit_id, b.id as bureau_id, b.path as bureau_path
from org_unit u
cross join lateral (
    select a.id, a.path
    from org_unit a
    where u.path like a.path || '%'
      and (a.kind in ('COUNTY_BUREAU', 'CITY_BUREAU') or a.parent_id is null)
    order by a.kind in ('COUNTY_BUREAU', 'CITY_BUREAU') desc, length(a.path) desc
    limit 1
) b;
