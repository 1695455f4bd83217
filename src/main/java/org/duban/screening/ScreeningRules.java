package org.duban.screening;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The screening rules of SCREENING.md 3 as set-based SQL: each statement inserts the
 * findings of one rule for one run ({@code :run}) straight from the cases table, with the
 * settings as named parameters. Revoked cases carry no penalty, so case-level rules skip
 * them; the revocation share is itself a signal (FAVOURED_PARTY).
 *
 * <p>
 * Pattern rules compare a subject with its peers by a robust z-score: (value − median of
 * peers) divided by the larger of 1.4826·MAD (the robust standard deviation) and the
 * binomial standard error of the subject's own share, so that neither identical peers
 * (MAD = 0) nor small subjects produce huge scores. Subjects with fewer cases than the
 * minimum, or peer groups smaller than {@code min_peers}, never fire.
 */
final class ScreeningRules {

    private ScreeningRules() {
    }

    private static final String INSERT = """
            insert into screening_finding (run_id, rule, category, subject_type, subject_id, severity, case_ids,
                                           explain_key, args, unit_id, officer, period)
            """;

    private static final String LIVE = "coalesce(c.status, '') <> 'REVOKED'";

    /**
     * Decided within the last {@code month_end_days} days of its month: that many days
     * later it is already the next month (cheaper than finding the month's last day per
     * case).
     */
    private static final String MONTH_END = "date_part('day', c.decided_on + :month_end_days::int) <= :month_end_days";

    /**
     * The unit most of a subject's cases belong to (as {@code mode()}, ties to the lowest
     * id), from counts per unit.
     */
    private static final String MAIN_UNIT = "(array_agg(unit_id order by n desc, unit_id) filter (where unit_id is not null))[1]";

    /**
     * Statements that prepare a temporary table for the rule's other statements: they
     * insert no finding.
     */
    static boolean preparation(String sql) {
        return !sql.contains(INSERT);
    }

    static final Map<String, List<String>> SQL = new LinkedHashMap<>();

    static {
        SQL.put("FINE_OUT_OF_RANGE",
                List.of(INSERT
                        + """
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
                                """
                            .formatted(LIVE)));

        SQL.put("OVERLOAD_FORMULA",
                List.of(INSERT
                        + """
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
                                """
                            .formatted(LIVE)));

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

        // One pass over the cases (the exempt-eligible violations as a list, so that the
        // planner cannot loop over
        // the table once per benchmark row); an unknown first offence is decided by one
        // join of the candidates with
        // the earlier cases of the same vehicle or party (hashing the candidates), not by
        // a search per candidate.
        SQL.put("FIRST_OFFENCE_PENALISED",
                List.of("""
                        with cand as materialized (
                            select c.id, c.case_no, c.violation, c.violation_code, c.fine, c.unit_id, c.decided_on,
                                   c.first_offence, coalesce(c.plate, c.party_name) as k
                            from screening_case c
                            where c.violation_code = any (array(select violation_code from screening_benchmark
                                                               where exempt_eligible and circumstance = 'MINOR'))
                              and c.circumstance = 'MINOR' and c.fine > 0 and c.exemption_note is null and %s
                              and (c.first_offence or c.first_offence is null)
                        ), earlier as (
                            select distinct c.id
                            from cand c
                            join screening_case p on p.violation_code = c.violation_code and coalesce(p.plate, p.party_name) = c.k
                            where c.first_offence is null and p.id <> c.id and p.decided_on < c.decided_on
                              and p.decided_on >= c.decided_on - :first_offence_window_days::int
                        )
                        """
                    .formatted(LIVE) + INSERT + """
                            select :run, 'FIRST_OFFENCE_PENALISED', 'RIGID', 'CASE', c.case_no, 'MEDIUM',
                                   array[c.id], 'screening.explain.FIRST_OFFENCE_PENALISED',
                                   array[c.case_no, coalesce(c.violation, c.violation_code), trim_scale(c.fine)::text,
                                         trim_scale(:first_offence_window_days::numeric)::text],
                                   c.unit_id, null, date_trunc('month', c.decided_on)::date
                            from cand c
                            where c.first_offence or not exists (select 1 from earlier e where e.id = c.id)
                            """));

        SQL.put("SIMPLE_PROCEDURE_OVER_LIMIT",
                List.of(INSERT
                        + """
                                select :run, 'SIMPLE_PROCEDURE_OVER_LIMIT', 'IRREGULAR', 'CASE', c.case_no, 'MEDIUM',
                                       array[c.id], 'screening.explain.SIMPLE_PROCEDURE_OVER_LIMIT.' || coalesce(c.party_type, 'PERSON'),
                                       array[c.case_no, trim_scale(c.fine)::text,
                                             trim_scale(case when c.party_type = 'ORG' then :simple_limit_org else :simple_limit_person end)::text],
                                       c.unit_id, null, date_trunc('month', c.decided_on)::date
                                from screening_case c
                                where c.procedure = 'SIMPLE' and %s
                                  and c.fine > case when c.party_type = 'ORG' then :simple_limit_org else :simple_limit_person end
                                """
                            .formatted(LIVE)));

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

        SQL.put("HEARING_NOT_OFFERED",
                List.of(INSERT
                        + """
                                select :run, 'HEARING_NOT_OFFERED', 'ROUGH', 'CASE', c.case_no, 'HIGH',
                                       array[c.id], 'screening.explain.HEARING_NOT_OFFERED',
                                       array[c.case_no, trim_scale(c.fine)::text,
                                             trim_scale(case when c.party_type = 'ORG' then :hearing_threshold_org
                                                             else :hearing_threshold_person end)::text],
                                       c.unit_id, null, date_trunc('month', c.decided_on)::date
                                from screening_case c
                                where c.hearing_notified = false and %s
                                  and c.fine >= case when c.party_type = 'ORG' then :hearing_threshold_org else :hearing_threshold_person end
                                """
                            .formatted(LIVE)));

        SQL.put("SINGLE_OFFICER", List.of(INSERT + """
                select :run, 'SINGLE_OFFICER', 'IRREGULAR', 'CASE', c.case_no, 'LOW',
                       array[c.id], 'screening.explain.SINGLE_OFFICER', array[c.case_no, coalesce(c.officer1, '-')],
                       c.unit_id, null, date_trunc('month', c.decided_on)::date
                from screening_case c
                where c.officer2 is null and coalesce(c.procedure, '') <> 'SIMPLE' and %s
                """.formatted(LIVE)));

        // One finding per pair: the later case, listing both. Most vehicles and parties
        // have one case per violation:
        // counting them by a 32-bit hash of the key first (a compact hash table, no sort)
        // leaves only the repeated
        // ones (and any that merely collide with them), fetched by id, to be sorted for
        // the window, which compares
        // the real keys. The keys are kept in a narrow materialised list, so the wide
        // table is scanned once.
        SQL.put("DOUBLE_PENALTY", List.of("""
                with kc as materialized (
                    select c.id, hashtext(coalesce(c.plate, c.party_name)) as hk, c.violation_code
                    from screening_case c
                    where coalesce(c.plate, c.party_name) is not null and %s
                ), rep as (
                    select hk, violation_code from kc group by 1, 2 having count(*) > 1
                ), rc as (
                    select c.id, c.case_no, c.unit_id, c.decided_on, c.violation, c.violation_code,
                           coalesce(c.plate, c.party_name) as k
                    from screening_case c
                    where c.id = any (array(select kc.id from kc
                                            where (kc.hk, kc.violation_code) in (select hk, violation_code from rep)))
                )
                """.formatted(LIVE) + INSERT + """
                select :run, 'DOUBLE_PENALTY', 'IRREGULAR', 'CASE', w.case_no, 'HIGH',
                       array[w.prev_id, w.id], 'screening.explain.DOUBLE_PENALTY',
                       array[w.case_no, w.prev_no, w.k, coalesce(w.violation, w.violation_code),
                             (w.decided_on - w.prev_on)::text],
                       w.unit_id, null, date_trunc('month', w.decided_on)::date
                from (select c.*, lag(c.id) over p as prev_id, lag(c.case_no) over p as prev_no,
                             lag(c.decided_on) over p as prev_on
                      from rc c
                      window p as (partition by c.k, c.violation_code order by c.decided_on, c.id)) w
                where w.prev_id is not null and w.decided_on - w.prev_on <= :double_penalty_window_days::int
                """));

        // One pass over the cases, counted by hashing per officer pair, squad and unit (a
        // few hundred groups), the
        // month-end cases collected on the way; that small table is then unfolded into
        // subjects (each officer of
        // the pair, the squad), and the statistics, the main unit and the case lists all
        // come from it. (Before: six
        // scans, three for the statistics and three for the firing subjects' cases;
        // unfolding every case into three
        // rows before counting cost twice the scan.)
        SQL.put("MONTH_END_SPIKE",
                List.of("""
                        with g0 as (
                            select c.officer1, c.officer2, coalesce(c.squad, c.agency) as u, c.unit_id, count(*) as n,
                                   count(*) filter (where %2$s) as k, array_agg(c.id) filter (where %2$s) as ids,
                                   max(c.decided_on) as last
                            from screening_case c where %1$s
                            group by 1, 2, 3, 4
                        ), g as (
                            select v.st, v.sid, g0.unit_id, sum(n) as n, sum(k) as k, max(last) as last
                            from g0 cross join lateral (values ('OFFICER', g0.officer1), ('OFFICER', g0.officer2), ('UNIT', g0.u)) v(st, sid)
                            where v.sid is not null
                            group by v.st, v.sid, g0.unit_id
                        ), a as (
                            select st, sid, sum(n)::bigint as n, sum(k)::bigint as k, sum(k)::float8 / sum(n) as share,
                                   %3$s as unit_id, date_trunc('month', max(last))::date as period
                            from g group by st, sid having sum(n) >= :month_end_min_cases
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
                        ), x as (
                            select v.st, v.sid, array_agg(i) as ids
                            from g0 cross join lateral (values ('OFFICER', g0.officer1), ('OFFICER', g0.officer2), ('UNIT', g0.u)) v(st, sid)
                            join f on f.st = v.st and f.sid = v.sid
                            cross join unnest(g0.ids) i
                            group by v.st, v.sid
                        )
                        """
                    .formatted(LIVE, MONTH_END, MAIN_UNIT) + INSERT + """
                            select :run, 'MONTH_END_SPIKE', 'PROFIT_DRIVEN', z.st, z.sid,
                                   case when z.z >= :z_threshold_high then 'HIGH' else 'MEDIUM' end,
                                   x.ids, 'screening.explain.MONTH_END_SPIKE.' || z.st,
                                   array[z.sid, z.n::text, z.k::text, round((100 * z.share)::numeric, 1)::text,
                                         round((100 * z.med)::numeric, 1)::text, round(z.z::numeric, 1)::text,
                                         trim_scale(:month_end_days::numeric)::text, z.peers::text],
                                   z.unit_id, case when z.st = 'OFFICER' then z.sid end, z.period
                            from f z join x using (st, sid)
                            """));

        // Share of out-of-region plates against the share expected from the unit's own
        // mix of violations (so a unit
        // that mostly weighs trucks is compared with what other units see for trucks);
        // and the fines on those
        // plates against other units' fines for the same violation and circumstance. Both
        // from one pass that
        // counts and sums the cases per unit, violation, circumstance and region (a few
        // hundred rows, kept in a
        // temporary table for the two statements); variances from sums of squares.
        SQL.put("SELECTIVE_TARGETING", List.of("""
                create temp table screening_targeting (u varchar(200), v varchar(60), ci varchar(10), outr boolean,
                    unit_id uuid, n bigint, sf float8, sf2 float8, ids bigint[], last date) on commit drop
                """, """
                insert into screening_targeting
                select coalesce(c.squad, c.agency) as u, c.violation_code as v, c.circumstance as ci,
                       (c.plate not like :home_plate_prefix || '%%') as outr, c.unit_id, count(*) as n,
                       sum(c.fine)::float8 as sf, sum(c.fine * c.fine)::float8 as sf2, array_agg(c.id) as ids,
                       max(c.decided_on) as last
                from screening_case c
                where c.plate is not null and %1$s
                group by 1, 2, 3, 4, 5
                """.formatted(LIVE),
                """
                        with pv as (
                            select v, coalesce(sum(n) filter (where outr), 0)::float8 / sum(n) as p from screening_targeting group by v
                        ), a as (
                            select t.u, sum(t.n) as n, coalesce(sum(t.n) filter (where t.outr), 0) as k,
                                   sum(t.n * pv.p) as e, sum(t.n * pv.p * (1 - pv.p)) as var
                            from screening_targeting t join pv using (v) group by t.u having sum(t.n) >= :targeting_min_cases
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
                        ), x as (
                            select t.u, array_agg(i) as ids from screening_targeting t cross join unnest(t.ids) i
                            where t.outr and t.u in (select u from f) group by t.u
                        ), mu as (
                            select u, %1$s as unit_id, date_trunc('month', max(last))::date as period
                            from (select u, unit_id, sum(n) as n, max(last) as last from screening_targeting
                                  where u in (select u from f) group by u, unit_id) t
                            group by u
                        )
                        """
                    .formatted(MAIN_UNIT) + INSERT
                        + """
                                select :run, 'SELECTIVE_TARGETING', 'PROFIT_DRIVEN', 'UNIT', z.u,
                                       case when z.z >= :z_threshold_high then 'HIGH' else 'MEDIUM' end,
                                       x.ids, 'screening.explain.SELECTIVE_TARGETING',
                                       array[z.u, z.n::text, z.k::text, round((100.0 * z.k / z.n)::numeric, 1)::text,
                                             round((100.0 * z.e / z.n)::numeric, 1)::text, round(z.z::numeric, 1)::text, z.peers::text],
                                       mu.unit_id, null, mu.period
                                from f z join x using (u) join mu using (u)
                                """,
                """
                        with t as (
                            select * from screening_targeting where ci is not null
                        ), ref as (
                            select v, ci, sum(sf) / sum(n) as ref from t group by v, ci having sum(sf) / sum(n) > 0
                        ), s as (
                            select t.u, t.outr, sum(t.n) as n, sum(t.sf / ref.ref) as s1, sum(t.sf2 / (ref.ref * ref.ref)) as s2
                            from t join ref using (v, ci) group by t.u, t.outr
                        ), a as (
                            select o.u, o.n, o.s1 / o.n as fo, i.s1 / i.n as fi,
                                   case when o.n > 1 then greatest((o.s2 - o.s1 * o.s1 / o.n) / (o.n - 1), 0) else 0 end as vo,
                                   case when i.n > 1 then greatest((i.s2 - i.s1 * i.s1 / i.n) / (i.n - 1), 0) else 0 end as vi,
                                   i.n as ni
                            from s o join s i on i.u = o.u and not i.outr
                            where o.outr and o.n >= :targeting_min_cases and i.n >= :targeting_min_cases
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
                        ), fs as (
                            select t.* from t join ref using (v, ci) where t.u in (select u from f)
                        ), x as (
                            select fs.u, array_agg(i) as ids from fs cross join unnest(fs.ids) i where fs.outr group by fs.u
                        ), mu as (
                            select u, %1$s as unit_id, date_trunc('month', max(last))::date as period
                            from (select u, unit_id, sum(n) as n, max(last) as last from fs group by u, unit_id) t
                            group by u
                        )
                        """
                    .formatted(MAIN_UNIT) + INSERT
                        + """
                                select :run, 'SELECTIVE_TARGETING', 'PROFIT_DRIVEN', 'UNIT', z.u,
                                       case when z.z >= :z_threshold_high then 'HIGH' else 'MEDIUM' end,
                                       x.ids, 'screening.explain.SELECTIVE_TARGETING.fines',
                                       array[z.u, z.n::text, round((100 * z.ratio)::numeric)::text, round((100 * z.med)::numeric)::text,
                                             round(z.z::numeric, 1)::text, z.peers::text],
                                       mu.unit_id, null, mu.period
                                from f z join x using (u) join mu using (u)
                                """));

        // Within range, yet far from what the other officers give for the same violation
        // and circumstance. Counted
        // by hashing per officer, violation, circumstance and unit (sums and sums of
        // squares), then rolled up.
        SQL.put("DISPARATE_PENALTIES",
                List.of("""
                        with g as (
                            select c.officer1 as o, c.violation_code as v, c.circumstance as ci, c.unit_id, count(*) as n,
                                   sum(c.fine)::float8 as sf, sum(c.fine * c.fine)::float8 as sf2, min(b.min_fine) as lo,
                                   min(b.max_fine) as hi, array_agg(c.id) as ids, min(coalesce(c.violation, c.violation_code)) as vname,
                                   max(c.decided_on) as last
                            from screening_case c
                            join screening_benchmark b on b.violation_code = c.violation_code and b.circumstance = c.circumstance
                            where c.officer1 is not null and c.violation_code <> 'OVERLOAD_WEIGHT'
                              and c.fine between b.min_fine and b.max_fine and %1$s
                            group by 1, 2, 3, 4
                        ), og as (
                            select o, v, ci, sum(n) as n, sum(sf) / sum(n) as m,
                                   coalesce(sqrt(greatest((sum(sf2) - sum(sf) * sum(sf) / sum(n)) / nullif(sum(n) - 1, 0), 0)), 0) as sd,
                                   min(lo) as lo, min(hi) as hi, min(vname) as vname, %2$s as unit_id,
                                   date_trunc('month', max(last))::date as period
                            from g group by o, v, ci having sum(n) >= :disparate_min_cases
                        ), g2 as (
                            select v, ci, percentile_cont(0.5) within group (order by m) as med, count(*) as peers,
                                   avg(sd) as sd
                            from og group by v, ci having count(*) >= greatest(:disparate_min_officers, :min_peers)
                        ), d as (
                            select og.v, og.ci, percentile_cont(0.5) within group (order by abs(og.m - g2.med)) as mad
                            from og join g2 using (v, ci) group by og.v, og.ci
                        ), z as (
                            select og.*, g2.med, g2.peers,
                                   (og.m - g2.med) / greatest(1.4826 * d.mad, g2.sd / sqrt(og.n), 1) as z
                            from og join g2 using (v, ci) join d using (v, ci)
                            where abs(og.m - g2.med) >= :disparate_min_spread * (og.hi - og.lo)
                        ), f as (
                            select * from z where abs(z.z) >= :z_threshold
                        ), x as (
                            select g.o, g.v, g.ci, array_agg(i) as ids
                            from g join f using (o, v, ci) cross join unnest(g.ids) i group by g.o, g.v, g.ci
                        )
                        """
                    .formatted(LIVE, MAIN_UNIT) + INSERT + """
                            select :run, 'DISPARATE_PENALTIES', 'IRREGULAR', 'OFFICER', z.o,
                                   case when abs(z.z) >= :z_threshold_high then 'HIGH' else 'MEDIUM' end,
                                   x.ids, case when z.z > 0 then 'screening.explain.DISPARATE_PENALTIES.high'
                                               else 'screening.explain.DISPARATE_PENALTIES.low' end,
                                   array[z.o, z.vname, z.ci, z.n::text, round(z.m::numeric)::text,
                                         round(z.med::numeric)::text, round(abs(z.z)::numeric, 1)::text, z.peers::text],
                                   z.unit_id, z.o, z.period
                            from f z join x using (o, v, ci)
                            """));

        // Officer-party pairs, from one scan kept as a narrow materialised list. The
        // reference fine (median per
        // violation and circumstance) from a histogram of the fines (few distinct
        // amounts), not a sort of all cases;
        // then the vehicles and parties named on enough cases at all, found by a 32-bit
        // hash of the key (an officer
        // can repeat a party no more often than the party appears); only their cases are
        // paired with officers and
        // compared. Each case counts once per officer
        // named on it (both officers of a pair, twice for the same officer named twice).
        SQL.put("FAVOURED_PARTY", List.of(
                """
                        with cs as materialized (
                            select c.id, c.officer1, c.officer2, c.unit_id, c.decided_on, c.violation_code, c.circumstance, c.fine,
                                   case when c.plate is not null then 'VEHICLE' else 'PARTY' end as st,
                                   coalesce(c.plate, c.party_name) as sid, hashtext(coalesce(c.plate, c.party_name)) as hs
                            from screening_case c
                            where c.circumstance is not null and %1$s
                        ), h as (
                            select violation_code as v, circumstance as ci, fine, count(*) as cnt from cs group by 1, 2, 3
                        ), hc as (
                            select v, ci, fine, cnt, sum(cnt) over w - cnt as below, sum(cnt) over (partition by v, ci) as total
                            from h window w as (partition by v, ci order by fine)
                        ), ref as materialized (
                            select v as violation_code, ci as circumstance,
                                   (min(fine) filter (where below <= floor((total - 1) / 2.0) and floor((total - 1) / 2.0) < below + cnt)
                                    + min(fine) filter (where below <= ceil((total - 1) / 2.0) and ceil((total - 1) / 2.0) < below + cnt))
                                   / 2 as ref
                            from hc group by v, ci having max(total) >= :min_peers
                        ), rep as (
                            select hs from cs where sid is not null group by hs
                            having sum((officer1 is not null)::int + (officer2 is not null)::int) >= :favoured_min_repeats
                        ), pairs as materialized (
                            select c.st, o.officer, c.sid, c.id, c.unit_id, c.decided_on, c.fine / nullif(ref.ref, 0) as nf
                            from cs c
                            join ref on ref.violation_code = c.violation_code and ref.circumstance = c.circumstance
                            cross join lateral (values (c.officer1), (c.officer2)) o(officer)
                            where o.officer is not null and c.sid is not null and c.hs in (select hs from rep)
                        ), f as (
                            select st, officer, sid, count(*) as n, avg(nf)::float8 as ratio
                            from pairs group by st, officer, sid
                            having count(*) >= :favoured_min_repeats and avg(nf) <= :favoured_fine_ratio
                        ), a as (
                            select f.st, f.officer, f.sid, min(f.n) as n, min(f.ratio) as ratio,
                                   array_agg(p.id order by p.decided_on) as ids,
                                   mode() within group (order by p.unit_id) as unit_id,
                                   date_trunc('month', max(p.decided_on))::date as period
                            from f join pairs p using (st, officer, sid) group by f.st, f.officer, f.sid
                        )
                        """
                    .formatted(LIVE) + INSERT + """
                            select :run, 'FAVOURED_PARTY', 'RENT_SEEKING', a.st, a.sid,
                                   case when a.ratio <= :favoured_fine_ratio / 2 then 'HIGH' else 'MEDIUM' end,
                                   a.ids, 'screening.explain.FAVOURED_PARTY.' || a.st,
                                   array[a.officer, a.sid, a.n::text, round((100 * a.ratio)::numeric)::text,
                                         round((100 * :favoured_fine_ratio::numeric))::text],
                                   a.unit_id, a.officer, a.period
                            from a
                            """,
                """
                        with g0 as (
                            select c.officer1, c.officer2, c.unit_id, count(*) as n,
                                   count(*) filter (where c.status = 'REVOKED') as k,
                                   array_agg(c.id) filter (where c.status = 'REVOKED') as ids, max(c.decided_on) as last
                            from screening_case c
                            group by 1, 2, 3
                        ), g as (
                            select o.officer, g0.unit_id, sum(n) as n, sum(k) as k, max(last) as last
                            from g0 cross join lateral (values (g0.officer1), (g0.officer2)) o(officer)
                            where o.officer is not null
                            group by o.officer, g0.unit_id
                        ), a as (
                            select officer, sum(n)::bigint as n, sum(k)::bigint as k, sum(k)::float8 / sum(n) as share,
                                   %1$s as unit_id, date_trunc('month', max(last))::date as period
                            from g group by officer having sum(n) >= :revoked_min_cases
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
                        ), x as (
                            select o.officer, array_agg(i) as ids
                            from g0 cross join lateral (values (g0.officer1), (g0.officer2)) o(officer)
                            join f on f.officer = o.officer
                            cross join unnest(g0.ids) i
                            group by o.officer
                        )
                        """
                    .formatted(MAIN_UNIT) + INSERT
                        + """
                                select :run, 'FAVOURED_PARTY', 'RENT_SEEKING', 'OFFICER', z.officer,
                                       case when z.z >= :z_threshold_high then 'HIGH' else 'MEDIUM' end,
                                       x.ids, 'screening.explain.FAVOURED_PARTY.revoked',
                                       array[z.officer, z.n::text, z.k::text, round((100 * z.share)::numeric, 1)::text,
                                             round((100 * z.med)::numeric, 1)::text, round(z.z::numeric, 1)::text, z.peers::text],
                                       z.unit_id, z.officer, z.period
                                from f z join x using (officer)
                                """));

        // Nearly every facts text is unique: a cheap 32-bit hash of the text, counted by
        // hashing (an integer key,
        // a compact hash table), finds the few texts repeated often enough (and any that
        // merely collide with them);
        // only their cases are then fetched by id and grouped exactly, per unit (one scan
        // of the wide table).
        SQL.put("IDENTICAL_FACTS", List.of("""
                with t as materialized (
                    select c.id, hashtext(c.facts) as hh
                    from screening_case c
                    where c.facts is not null and %1$s
                ), cand as (
                    select hh from t group by hh having count(*) >= :identical_facts_min_cases
                ), a as (
                    select coalesce(c.squad, c.agency) as u, md5(c.facts) as h, min(c.facts) as facts, count(*) as n,
                           count(distinct coalesce(c.party_name, c.plate)) as parties, array_agg(c.id) as ids,
                           mode() within group (order by c.unit_id) as unit_id,
                           date_trunc('month', max(c.decided_on))::date as period
                    from screening_case c
                    where c.id = any (array(select t.id from t where t.hh in (select hh from cand)))
                      and length(c.facts) >= :identical_facts_min_length
                    group by 1, 2
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
