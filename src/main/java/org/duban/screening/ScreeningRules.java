package org.duban.screening;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The screening rules of SCREENING.md 3 as set-based SQL: each statement inserts the findings of one rule for one
 * run ({@code :run}) straight from the cases table, with the settings as named parameters. Revoked cases carry no
 * penalty, so case-level rules skip them; the revocation share is itself a signal (FAVOURED_PARTY).
 *
 * <p>Pattern rules compare a subject with its peers by a robust z-score: (value − median of peers) divided by
 * the larger of 1.4826·MAD (the robust standard deviation) and the binomial standard error of the subject's own
 * share, so that neither identical peers (MAD = 0) nor small subjects produce huge scores. Subjects with fewer
 * cases than the minimum, or peer groups smaller than {@code min_peers}, never fire.
 */
final class ScreeningRules {

    private ScreeningRules() {
    }

    private static final String INSERT = """
            insert into screening_finding (run_id, rule, category, subject_type, subject_id, severity, case_ids,
                                           explain_key, args, unit_id, officer, period)
            """;

    private static final String LIVE = "coalesce(c.status, '') <> 'REVOKED'";

    /** Decided within the last {@code month_end_days} days of its month. */
    private static final String MONTH_END = "c.decided_on > (date_trunc('month', c.decided_on) + interval '1 month')::date"
            + " - :month_end_days::int - 1";

    static final Map<String, List<String>> SQL = new LinkedHashMap<>();

    static {
        SQL.put("FINE_OUT_OF_RANGE", List.of(INSERT + """
                select :run, 'FINE_OUT_OF_RANGE', 'IRREGULAR', 'CASE', c.case_no,
                       case when c.fine > b.max_fine * 2 or c.fine < b.min_fine / 2 then 'HIGH' else 'MEDIUM' end,
                       array[c.id], 'screening.explain.FINE_OUT_OF_RANGE',
                       array[c.case_no, trim_scale(c.fine)::text, coalesce(c.violation, c.violation_code), c.circumstance,
                             trim_scale(b.min_fine)::text, trim_scale(b.max_fine)::text],
                       c.unit_id, null, date_trunc('month', c.decided_on)::date
                from screening_case c
                join screening_benchmark b on b.violation_code = c.violation_code and b.circumstance = c.circumstance
                where c.violation_code <> 'OVERLOAD_WEIGHT' and %s
                  and (c.fine < b.min_fine or c.fine > b.max_fine)
                  and not (b.exempt_eligible and c.fine = 0)
                """.formatted(LIVE)));

        SQL.put("OVERLOAD_FORMULA", List.of(INSERT + """
                select :run, 'OVERLOAD_FORMULA', 'IRREGULAR', 'CASE', o.case_no,
                       case when o.fine > :overload_fine_cap or o.over_kg <= :overload_warning_kg then 'HIGH' else 'MEDIUM' end,
                       array[o.id],
                       case when o.over_kg <= :overload_warning_kg then 'screening.explain.OVERLOAD_FORMULA.warning'
                            else 'screening.explain.OVERLOAD_FORMULA' end,
                       array[o.case_no, o.gross_kg::text, o.limit_kg::text, o.over_kg::text, trim_scale(o.fine)::text,
                             trim_scale(o.lo)::text, trim_scale(o.hi)::text, trim_scale(:overload_fine_per_tonne::numeric)::text,
                             trim_scale(:overload_warning_kg::numeric)::text, trim_scale(:overload_fine_cap::numeric)::text],
                       o.unit_id, null, date_trunc('month', o.decided_on)::date
                from (select c.*, c.gross_kg - c.limit_kg as over_kg,
                             least(:overload_fine_per_tonne * floor((c.gross_kg - c.limit_kg) / 1000.0), :overload_fine_cap) as lo,
                             least(:overload_fine_per_tonne * ceil((c.gross_kg - c.limit_kg) / 1000.0), :overload_fine_cap) as hi
                      from screening_case c
                      where c.violation_code = 'OVERLOAD_WEIGHT' and c.gross_kg is not null and c.limit_kg is not null
                        and %s) o
                where (o.over_kg <= :overload_warning_kg and o.fine > 0)
                   or (o.over_kg > :overload_warning_kg and o.fine <> o.lo and o.fine <> o.hi)
                   or o.fine > :overload_fine_cap
                """.formatted(LIVE)));

        SQL.put("OVERLOAD_NOT_UNLOADED", List.of(INSERT + """
                select :run, 'OVERLOAD_NOT_UNLOADED', 'RIGID', 'CASE', c.case_no,
                       case when c.unloaded_kg = 0 then 'HIGH' else 'MEDIUM' end,
                       array[c.id], 'screening.explain.OVERLOAD_NOT_UNLOADED',
                       array[c.case_no, (c.gross_kg - c.limit_kg)::text, c.unloaded_kg::text, trim_scale(c.fine)::text],
                       c.unit_id, null, date_trunc('month', c.decided_on)::date
                from screening_case c
                where c.violation_code = 'OVERLOAD_WEIGHT' and c.fine > 0 and %s
                  and c.gross_kg > c.limit_kg and c.unloaded_kg < c.gross_kg - c.limit_kg
                """.formatted(LIVE)));

        SQL.put("FIRST_OFFENCE_PENALISED", List.of(INSERT + """
                select :run, 'FIRST_OFFENCE_PENALISED', 'RIGID', 'CASE', c.case_no, 'MEDIUM',
                       array[c.id], 'screening.explain.FIRST_OFFENCE_PENALISED',
                       array[c.case_no, coalesce(c.violation, c.violation_code), trim_scale(c.fine)::text,
                             trim_scale(:first_offence_window_days::numeric)::text],
                       c.unit_id, null, date_trunc('month', c.decided_on)::date
                from screening_case c
                join screening_benchmark b on b.violation_code = c.violation_code and b.circumstance = c.circumstance
                where b.exempt_eligible and c.circumstance = 'MINOR' and c.fine > 0 and c.exemption_note is null and %s
                  and (c.first_offence
                       or (c.first_offence is null and not exists (
                            select 1 from screening_case p
                            where p.violation_code = c.violation_code and p.id <> c.id
                              and coalesce(p.plate, p.party_name) = coalesce(c.plate, c.party_name)
                              and p.decided_on < c.decided_on
                              and p.decided_on >= c.decided_on - :first_offence_window_days::int)))
                """.formatted(LIVE)));

        SQL.put("SIMPLE_PROCEDURE_OVER_LIMIT", List.of(INSERT + """
                select :run, 'SIMPLE_PROCEDURE_OVER_LIMIT', 'IRREGULAR', 'CASE', c.case_no, 'MEDIUM',
                       array[c.id], 'screening.explain.SIMPLE_PROCEDURE_OVER_LIMIT.' || coalesce(c.party_type, 'PERSON'),
                       array[c.case_no, trim_scale(c.fine)::text,
                             trim_scale(case when c.party_type = 'ORG' then :simple_limit_org else :simple_limit_person end)::text],
                       c.unit_id, null, date_trunc('month', c.decided_on)::date
                from screening_case c
                where c.procedure = 'SIMPLE' and %s
                  and c.fine > case when c.party_type = 'ORG' then :simple_limit_org else :simple_limit_person end
                """.formatted(LIVE)));

        SQL.put("ON_SITE_COLLECTION", List.of(INSERT + """
                select :run, 'ON_SITE_COLLECTION', 'PROFIT_DRIVEN', 'CASE', c.case_no,
                       case when c.receipt_no is null and c.fine > :on_site_limit then 'HIGH' else 'MEDIUM' end,
                       array[c.id],
                       case when c.receipt_no is null then 'screening.explain.ON_SITE_COLLECTION.noReceipt'
                            else 'screening.explain.ON_SITE_COLLECTION' end,
                       array[c.case_no, trim_scale(c.fine)::text, trim_scale(:on_site_limit::numeric)::text],
                       c.unit_id, null, date_trunc('month', c.decided_on)::date
                from screening_case c
                where c.payment = 'ON_SITE' and (c.fine > :on_site_limit or c.receipt_no is null) and %s
                """.formatted(LIVE)));

        SQL.put("RIGHTS_NOT_NOTIFIED", List.of(INSERT + """
                select :run, 'RIGHTS_NOT_NOTIFIED', 'ROUGH', 'CASE', c.case_no, 'MEDIUM',
                       array[c.id], 'screening.explain.RIGHTS_NOT_NOTIFIED', array[c.case_no, trim_scale(c.fine)::text],
                       c.unit_id, null, date_trunc('month', c.decided_on)::date
                from screening_case c
                where c.fine > 0 and c.rights_notified = false and %s
                """.formatted(LIVE)));

        SQL.put("HEARING_NOT_OFFERED", List.of(INSERT + """
                select :run, 'HEARING_NOT_OFFERED', 'ROUGH', 'CASE', c.case_no, 'HIGH',
                       array[c.id], 'screening.explain.HEARING_NOT_OFFERED',
                       array[c.case_no, trim_scale(c.fine)::text,
                             trim_scale(case when c.party_type = 'ORG' then :hearing_threshold_org
                                             else :hearing_threshold_person end)::text],
                       c.unit_id, null, date_trunc('month', c.decided_on)::date
                from screening_case c
                where c.hearing_notified = false and %s
                  and c.fine >= case when c.party_type = 'ORG' then :hearing_threshold_org else :hearing_threshold_person end
                """.formatted(LIVE)));

        SQL.put("SINGLE_OFFICER", List.of(INSERT + """
                select :run, 'SINGLE_OFFICER', 'IRREGULAR', 'CASE', c.case_no, 'LOW',
                       array[c.id], 'screening.explain.SINGLE_OFFICER', array[c.case_no, coalesce(c.officer1, '-')],
                       c.unit_id, null, date_trunc('month', c.decided_on)::date
                from screening_case c
                where c.officer2 is null and coalesce(c.procedure, '') <> 'SIMPLE' and %s
                """.formatted(LIVE)));

        // One finding per pair: the later case, listing both. Most vehicles and parties have one case per violation;
        // counting them by hashing first leaves only the repeated ones to be sorted for the window.
        SQL.put("DOUBLE_PENALTY", List.of("""
                with kc as not materialized (
                    select c.id, c.case_no, c.unit_id, c.decided_on, c.violation, c.violation_code,
                           coalesce(c.plate, c.party_name) as k
                    from screening_case c
                    where coalesce(c.plate, c.party_name) is not null and %s
                ), rep as (
                    select k, violation_code from kc group by k, violation_code having count(*) > 1
                )
                """.formatted(LIVE) + INSERT + """
                select :run, 'DOUBLE_PENALTY', 'IRREGULAR', 'CASE', w.case_no, 'HIGH',
                       array[w.prev_id, w.id], 'screening.explain.DOUBLE_PENALTY',
                       array[w.case_no, w.prev_no, w.k, coalesce(w.violation, w.violation_code),
                             (w.decided_on - w.prev_on)::text],
                       w.unit_id, null, date_trunc('month', w.decided_on)::date
                from (select c.id, c.case_no, c.unit_id, c.decided_on, c.violation, c.violation_code, c.k,
                             lag(c.id) over p as prev_id, lag(c.case_no) over p as prev_no, lag(c.decided_on) over p as prev_on
                      from kc c join rep using (k, violation_code)
                      window p as (partition by c.k, c.violation_code order by c.decided_on, c.id)) w
                where w.prev_id is not null and w.decided_on - w.prev_on <= :double_penalty_window_days::int
                """));

        // The statistics per subject by hashing (no sort of the three million subject-case rows); the cases, main
        // unit and period are gathered afterwards for the few subjects that fire (mode() and array_agg sort).
        SQL.put("MONTH_END_SPIKE", List.of("""
                with s as not materialized (
                    select 'OFFICER' as st, c.officer1 as sid, c.id, c.unit_id, c.decided_on, %2$s as month_end
                    from screening_case c where c.officer1 is not null and %1$s
                    union all
                    select 'OFFICER', c.officer2, c.id, c.unit_id, c.decided_on, %2$s
                    from screening_case c where c.officer2 is not null and %1$s
                    union all
                    select 'UNIT', coalesce(c.squad, c.agency), c.id, c.unit_id, c.decided_on, %2$s
                    from screening_case c where %1$s
                ), a as (
                    select st, sid, count(*) as n, count(*) filter (where month_end) as k,
                           avg(month_end::int)::float8 as share
                    from s group by st, sid having count(*) >= :month_end_min_cases
                ), m as (
                    select st, percentile_cont(0.5) within group (order by share) as med, count(*) as peers
                    from a group by st having count(*) >= :min_peers
                ), d as (
                    select a.st, percentile_cont(0.5) within group (order by abs(a.share - m.med)) as mad
                    from a join m using (st) group by a.st
                ), z as (
                    select a.*, m.med, m.peers,
                           (a.share - m.med) / greatest(1.4826 * d.mad, sqrt(greatest(m.med * (1 - m.med), 0.0001) / a.n)) as z
                    from a join m using (st) join d using (st)
                ), f as (
                    select * from z where z.z >= :z_threshold
                ), fs as materialized (
                    -- on its own, so that the planner picks the rows of the few firing subjects by hashing rather
                    -- than sorting all rows once for both the join and the grouping below
                    select s.* from s where (s.st, s.sid) in (select st, sid from f)
                ), x as (
                    select st, sid, array_agg(id) filter (where month_end) as ids,
                           mode() within group (order by unit_id) as unit_id,
                           date_trunc('month', max(decided_on))::date as period
                    from fs group by st, sid
                )
                """.formatted(LIVE, MONTH_END) + INSERT + """
                select :run, 'MONTH_END_SPIKE', 'PROFIT_DRIVEN', z.st, z.sid,
                       case when z.z >= :z_threshold_high then 'HIGH' else 'MEDIUM' end,
                       x.ids, 'screening.explain.MONTH_END_SPIKE.' || z.st,
                       array[z.sid, z.n::text, z.k::text, round((100 * z.share)::numeric, 1)::text,
                             round((100 * z.med)::numeric, 1)::text, round(z.z::numeric, 1)::text,
                             trim_scale(:month_end_days::numeric)::text, z.peers::text],
                       x.unit_id, case when z.st = 'OFFICER' then z.sid end, x.period
                from f z join x using (st, sid)
                """));

        // Share of out-of-region plates against the share expected from the unit's own mix of violations (so a unit
        // that mostly weighs trucks is compared with what other units see for trucks); and the fines on those
        // plates against other units' fines for the same violation and circumstance.
        // As in MONTH_END_SPIKE, the statistics by hashing, the case lists only for the units that fire.
        SQL.put("SELECTIVE_TARGETING", List.of("""
                with cs as not materialized (
                    select c.id, coalesce(c.squad, c.agency) as u, c.unit_id, c.violation_code, c.circumstance, c.fine,
                           c.decided_on, (c.plate not like :home_plate_prefix || '%%') as outr
                    from screening_case c where c.plate is not null and %1$s
                ), pv as (
                    select violation_code, avg(outr::int)::float8 as p from cs group by violation_code
                ), a as (
                    select u, count(*) as n, sum(outr::int) as k, sum(pv.p) as e, sum(pv.p * (1 - pv.p)) as var
                    from cs join pv using (violation_code) group by u having count(*) >= :targeting_min_cases
                ), r as (
                    select a.*, k / greatest(e, 0.0001) as ratio, sqrt(greatest(var, 0.0001)) / greatest(e, 0.0001) as se from a
                ), m as (
                    select percentile_cont(0.5) within group (order by ratio) as med, count(*) as peers from r
                    having count(*) >= :min_peers
                ), d as (
                    select percentile_cont(0.5) within group (order by abs(r.ratio - m.med)) as mad from r, m
                ), z as (
                    select r.*, m.med, m.peers, (r.ratio - m.med) / greatest(1.4826 * d.mad, r.se) as z from r, m, d
                ), f as (
                    select * from z where z.z >= :z_threshold
                ), fs as materialized (
                    select cs.* from cs where cs.u in (select u from f)
                ), x as (
                    select u, array_agg(id) filter (where outr) as ids, mode() within group (order by unit_id) as unit_id,
                           date_trunc('month', max(decided_on))::date as period
                    from fs group by u
                )
                """.formatted(LIVE) + INSERT + """
                select :run, 'SELECTIVE_TARGETING', 'PROFIT_DRIVEN', 'UNIT', z.u,
                       case when z.z >= :z_threshold_high then 'HIGH' else 'MEDIUM' end,
                       x.ids, 'screening.explain.SELECTIVE_TARGETING',
                       array[z.u, z.n::text, z.k::text, round((100.0 * z.k / z.n)::numeric, 1)::text,
                             round((100.0 * z.e / z.n)::numeric, 1)::text, round(z.z::numeric, 1)::text, z.peers::text],
                       x.unit_id, null, x.period
                from f z join x using (u)
                """, """
                with cs as not materialized (
                    select c.id, coalesce(c.squad, c.agency) as u, c.unit_id, c.violation_code, c.circumstance, c.fine,
                           c.decided_on, (c.plate not like :home_plate_prefix || '%%') as outr
                    from screening_case c
                    where c.plate is not null and c.circumstance is not null and %1$s
                ), ref as (
                    select violation_code, circumstance, avg(fine) as ref from cs group by violation_code, circumstance
                    having avg(fine) > 0
                ), a as (
                    select u, count(*) filter (where outr) as n,
                           avg(cs.fine / ref.ref) filter (where outr)::float8 as fo,
                           avg(cs.fine / ref.ref) filter (where not outr)::float8 as fi,
                           coalesce(var_samp(cs.fine / ref.ref) filter (where outr), 0)::float8 as vo,
                           coalesce(var_samp(cs.fine / ref.ref) filter (where not outr), 0)::float8 as vi,
                           count(*) filter (where not outr) as ni
                    from cs join ref using (violation_code, circumstance)
                    group by u having count(*) filter (where outr) >= :targeting_min_cases
                       and count(*) filter (where not outr) >= :targeting_min_cases
                ), r as (
                    select a.*, fo / nullif(fi, 0) as ratio, sqrt(vo / n + vi / ni) / nullif(fi, 0) as se from a
                ), m as (
                    select percentile_cont(0.5) within group (order by ratio) as med, count(*) as peers from r
                    having count(*) >= :min_peers
                ), d as (
                    select percentile_cont(0.5) within group (order by abs(r.ratio - m.med)) as mad from r, m
                ), z as (
                    select r.*, m.med, m.peers, (r.ratio - m.med) / greatest(1.4826 * d.mad, r.se, 0.01) as z
                    from r, m, d where r.ratio is not null
                ), f as (
                    select * from z where z.z >= :z_threshold
                ), fs as materialized (
                    select cs.* from cs join ref using (violation_code, circumstance) where cs.u in (select u from f)
                ), x as (
                    select u, array_agg(id) filter (where outr) as ids, mode() within group (order by unit_id) as unit_id,
                           date_trunc('month', max(decided_on))::date as period
                    from fs group by u
                )
                """.formatted(LIVE) + INSERT + """
                select :run, 'SELECTIVE_TARGETING', 'PROFIT_DRIVEN', 'UNIT', z.u,
                       case when z.z >= :z_threshold_high then 'HIGH' else 'MEDIUM' end,
                       x.ids, 'screening.explain.SELECTIVE_TARGETING.fines',
                       array[z.u, z.n::text, round((100 * z.ratio)::numeric)::text, round((100 * z.med)::numeric)::text,
                             round(z.z::numeric, 1)::text, z.peers::text],
                       x.unit_id, null, x.period
                from f z join x using (u)
                """));

        // Within range, yet far from what the other officers give for the same violation and circumstance.
        SQL.put("DISPARATE_PENALTIES", List.of("""
                with cs as (
                    select c.id, c.officer1 as o, c.violation_code as v, c.circumstance as ci, c.fine, b.min_fine, b.max_fine,
                           c.unit_id, c.decided_on, coalesce(c.violation, c.violation_code) as vname
                    from screening_case c
                    join screening_benchmark b on b.violation_code = c.violation_code and b.circumstance = c.circumstance
                    where c.officer1 is not null and c.violation_code <> 'OVERLOAD_WEIGHT'
                      and c.fine between b.min_fine and b.max_fine and %1$s
                ), og as (
                    select o, v, ci, count(*) as n, avg(fine)::float8 as m, coalesce(stddev_samp(fine), 0)::float8 as sd,
                           min(min_fine) as lo, min(max_fine) as hi, array_agg(id) as ids, min(vname) as vname,
                           mode() within group (order by unit_id) as unit_id,
                           date_trunc('month', max(decided_on))::date as period
                    from cs group by o, v, ci having count(*) >= :disparate_min_cases
                ), g as (
                    select v, ci, percentile_cont(0.5) within group (order by m) as med, count(*) as peers,
                           avg(sd) as sd
                    from og group by v, ci having count(*) >= greatest(:disparate_min_officers, :min_peers)
                ), d as (
                    select og.v, og.ci, percentile_cont(0.5) within group (order by abs(og.m - g.med)) as mad
                    from og join g using (v, ci) group by og.v, og.ci
                ), z as (
                    select og.*, g.med, g.peers,
                           (og.m - g.med) / greatest(1.4826 * d.mad, g.sd / sqrt(og.n), 1) as z
                    from og join g using (v, ci) join d using (v, ci)
                    where abs(og.m - g.med) >= :disparate_min_spread * (og.hi - og.lo)
                )
                """.formatted(LIVE) + INSERT + """
                select :run, 'DISPARATE_PENALTIES', 'IRREGULAR', 'OFFICER', z.o,
                       case when abs(z.z) >= :z_threshold_high then 'HIGH' else 'MEDIUM' end,
                       z.ids, case when z.z > 0 then 'screening.explain.DISPARATE_PENALTIES.high'
                                   else 'screening.explain.DISPARATE_PENALTIES.low' end,
                       array[z.o, z.vname, z.ci, z.n::text, round(z.m::numeric)::text,
                             round(z.med::numeric)::text, round(abs(z.z)::numeric, 1)::text, z.peers::text],
                       z.unit_id, z.o, z.period
                from z where abs(z.z) >= :z_threshold
                """));

        // Officer-party pairs: first counted and averaged by hashing, then only the pairs that repeat with low fines
        // (a handful among a million) have their cases listed in date order and their unit and period found; the
        // one-pass version sorted all two million officer-case rows. Each case counts once per officer named on it
        // (both officers of a pair, twice for the same officer named twice), as before.
        SQL.put("FAVOURED_PARTY", List.of("""
                with ref as materialized (
                    select violation_code, circumstance, percentile_cont(0.5) within group (order by fine) as ref
                    from screening_case c where c.circumstance is not null and %1$s
                    group by violation_code, circumstance having count(*) >= :min_peers
                ), cs as not materialized (
                    select c.id, c.officer1, c.officer2, c.unit_id, c.decided_on,
                           case when c.plate is not null then 'VEHICLE' else 'PARTY' end as st,
                           coalesce(c.plate, c.party_name) as sid, c.fine / nullif(ref.ref, 0) as nf
                    from screening_case c
                    join ref on ref.violation_code = c.violation_code and ref.circumstance = c.circumstance
                    where coalesce(c.plate, c.party_name) is not null and %1$s
                ), pairs as not materialized (
                    select st, officer1 as officer, sid, id, unit_id, decided_on, nf from cs where officer1 is not null
                    union all
                    select st, officer2, sid, id, unit_id, decided_on, nf from cs where officer2 is not null
                ), f as (
                    select st, officer, sid, count(*) as n, avg(nf)::float8 as ratio
                    from pairs group by st, officer, sid
                    having count(*) >= :favoured_min_repeats and avg(nf) <= :favoured_fine_ratio
                ), fp as materialized (
                    select p.* from pairs p where (p.st, p.officer, p.sid) in (select st, officer, sid from f)
                ), a as (
                    select f.st, f.officer, f.sid, min(f.n) as n, min(f.ratio) as ratio,
                           array_agg(p.id order by p.decided_on) as ids,
                           mode() within group (order by p.unit_id) as unit_id,
                           date_trunc('month', max(p.decided_on))::date as period
                    from f join fp p using (st, officer, sid) group by f.st, f.officer, f.sid
                )
                """.formatted(LIVE) + INSERT + """
                select :run, 'FAVOURED_PARTY', 'RENT_SEEKING', a.st, a.sid,
                       case when a.ratio <= :favoured_fine_ratio / 2 then 'HIGH' else 'MEDIUM' end,
                       a.ids, 'screening.explain.FAVOURED_PARTY.' || a.st,
                       array[a.officer, a.sid, a.n::text, round((100 * a.ratio)::numeric)::text,
                             round((100 * :favoured_fine_ratio::numeric))::text],
                       a.unit_id, a.officer, a.period
                from a
                """, """
                with s as not materialized (
                    select c.officer1 as officer, c.id, c.unit_id, c.decided_on, coalesce(c.status, '') = 'REVOKED' as revoked
                    from screening_case c where c.officer1 is not null
                    union all
                    select c.officer2, c.id, c.unit_id, c.decided_on, coalesce(c.status, '') = 'REVOKED'
                    from screening_case c where c.officer2 is not null
                ), a as (
                    select officer, count(*) as n, count(*) filter (where revoked) as k, avg(revoked::int)::float8 as share
                    from s group by officer having count(*) >= :revoked_min_cases
                ), m as (
                    select percentile_cont(0.5) within group (order by share) as med, count(*) as peers from a
                    having count(*) >= :min_peers
                ), d as (
                    select percentile_cont(0.5) within group (order by abs(a.share - m.med)) as mad from a, m
                ), z as (
                    select a.*, m.med, m.peers,
                           (a.share - m.med) / greatest(1.4826 * d.mad, sqrt(greatest(m.med * (1 - m.med), 0.0001) / a.n)) as z
                    from a, m, d
                ), f as (
                    select * from z where z.z >= :z_threshold and z.k > 0
                ), fs as materialized (
                    select s.* from s where s.officer in (select officer from f)
                ), x as (
                    select officer, array_agg(id) filter (where revoked) as ids,
                           mode() within group (order by unit_id) as unit_id,
                           date_trunc('month', max(decided_on))::date as period
                    from fs group by officer
                )
                """ + INSERT + """
                select :run, 'FAVOURED_PARTY', 'RENT_SEEKING', 'OFFICER', z.officer,
                       case when z.z >= :z_threshold_high then 'HIGH' else 'MEDIUM' end,
                       x.ids, 'screening.explain.FAVOURED_PARTY.revoked',
                       array[z.officer, z.n::text, z.k::text, round((100 * z.share)::numeric, 1)::text,
                             round((100 * z.med)::numeric, 1)::text, round(z.z::numeric, 1)::text, z.peers::text],
                       x.unit_id, z.officer, x.period
                from f z join x using (officer)
                """));

        // Nearly every facts text is unique: a cheap 32-bit hash of the text, counted by hashing, finds the few texts
        // repeated often enough (and any that merely collide with them); only their cases are then grouped exactly.
        SQL.put("IDENTICAL_FACTS", List.of("""
                with t as not materialized (
                    select c.id, coalesce(c.squad, c.agency) as u, hashtext(c.facts) as hh, c.facts, c.party_name, c.plate,
                           c.unit_id, c.decided_on
                    from screening_case c
                    where c.facts is not null and length(c.facts) >= :identical_facts_min_length and %1$s
                ), cand as (
                    select u, hh from t group by u, hh having count(*) >= :identical_facts_min_cases
                ), a as (
                    select c.u, md5(c.facts) as h, min(c.facts) as facts, count(*) as n,
                           count(distinct coalesce(c.party_name, c.plate)) as parties, array_agg(c.id) as ids,
                           mode() within group (order by c.unit_id) as unit_id,
                           date_trunc('month', max(c.decided_on))::date as period
                    from t c join cand using (u, hh)
                    group by c.u, md5(c.facts)
                    having count(*) >= :identical_facts_min_cases
                       and count(distinct coalesce(c.party_name, c.plate)) >= :identical_facts_min_parties
                )
                """.formatted(LIVE) + INSERT + """
                select :run, 'IDENTICAL_FACTS', 'RIGID', 'UNIT', a.u,
                       case when a.n >= 5 * :identical_facts_min_cases then 'HIGH' else 'MEDIUM' end,
                       a.ids, 'screening.explain.IDENTICAL_FACTS',
                       array[a.u, a.n::text, a.parties::text, left(a.facts, 40)],
                       a.unit_id, null, a.period
                from a
                """));
    }
}
