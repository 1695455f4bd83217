#!/usr/bin/env python3
"""A plain single-pass, in-memory reference screener for bench/screen-bench.sh (issue 16): reads benchmark.csv and
cases.csv once, applies the case rules of docs/screening-contract.md in that pass (the settings' defaults of V12),
keeps per-subject counters for the subject rules that one pass can compute (month-end share per officer and unit,
revoked share per officer, repeated facts per unit, repeats per vehicle and violation) and writes findings.csv.
Not a second implementation of Duban's statistics: the measure of what one pass over the file costs.
Usage: reference_screener.py benchmark.csv cases.csv findings.csv"""
import csv
import sys
from collections import defaultdict
from datetime import date, timedelta

HEARING = {'PERSON': 5000, 'ORG': 100000}
SIMPLE = {'PERSON': 200, 'ORG': 3000}
ON_SITE, WARN_KG, PER_TONNE, CAP = 100, 1000, 500, 30000
MONTH_END_DAYS, MONTH_END_MIN, REVOKED_MIN, FACTS_MIN, FACTS_PARTIES = 3, 30, 30, 10, 5
DOUBLE_DAYS = 1


def num(v):
    return float(v) if v not in (None, '') else None


def main(bench_path, cases_path, out_path):
    bench = {}
    with open(bench_path, encoding='utf-8-sig', newline='') as f:
        for r in csv.DictReader(f):
            bench[(r['violation_code'], r['circumstance'])] = (float(r['min_fine']), float(r['max_fine']),
                                                               r['exempt_eligible'] in ('Y', 'y', '是', 'true'))
    findings = []
    month_end = defaultdict(lambda: [0, 0, []])      # (type, id) -> cases, at month end, their case numbers
    revoked = defaultdict(lambda: [0, 0, []])        # officer -> cases, revoked, their case numbers
    facts = defaultdict(lambda: [0, set(), []])      # (unit, facts) -> cases, parties, case numbers
    last = {}                                        # (vehicle or party, violation) -> (date, case number)

    def case(rule, cat, sev, no, why):
        findings.append(('CASE', no, cat, rule, sev, no, why))

    with open(cases_path, encoding='utf-8-sig', newline='') as f:
        for r in csv.DictReader(f):
            no, code, ci, status = r['case_no'], r['violation_code'], r['circumstance'], r['status']
            fine = num(r['fine']) or 0.0
            decided = date.fromisoformat(r['decided_on'].replace('/', '-'))
            officers = [o for o in (r['officer1'], r['officer2']) if o]
            unit = r['squad'] or r['agency']
            at_end = (decided + timedelta(days=MONTH_END_DAYS)).day <= MONTH_END_DAYS
            for key in [('OFFICER', o) for o in officers] + [('UNIT', unit)]:
                m = month_end[key]
                m[0] += 1
                if at_end:
                    m[1] += 1
                    m[2].append(no)
            for o in officers:
                v = revoked[o]
                v[0] += 1
                if status == 'REVOKED':
                    v[1] += 1
                    v[2].append(no)
            if status == 'REVOKED':
                continue
            if r['facts'] and len(r['facts']) >= 15:
                t = facts[(unit, r['facts'])]
                t[0] += 1
                t[1].add(r['party_name'] or r['plate'])
                t[2].append(no)
            party_type = r['party_type'] or 'PERSON'
            b = bench.get((code, ci))
            gross, limit, unloaded = num(r['gross_kg']), num(r['limit_kg']), num(r['unloaded_kg'])
            if b and code != 'OVERLOAD_WEIGHT' and (fine < b[0] or fine > b[1]) and not (b[2] and fine == 0):
                case('FINE_OUT_OF_RANGE', 'IRREGULAR', 'HIGH' if fine > 2 * b[1] or fine < b[0] / 2 else 'MEDIUM',
                     no, f'fine {fine:g} outside {b[0]:g}-{b[1]:g}')
            if code == 'OVERLOAD_WEIGHT' and gross is not None and limit is not None:
                over = gross - limit
                lo = min(PER_TONNE * (over // 1000), CAP)
                hi = min(PER_TONNE * -(-over // 1000), CAP)
                if (over <= WARN_KG and fine > 0) or (over > WARN_KG and fine not in (lo, hi)) or fine > CAP:
                    case('OVERLOAD_FORMULA', 'IRREGULAR', 'HIGH' if fine > CAP or over <= WARN_KG else 'MEDIUM',
                         no, f'over {over:g} kg fined {fine:g}, formula {lo:g}-{hi:g}')
                if fine > 0 and over > 0 and unloaded is not None and unloaded < over:
                    case('OVERLOAD_NOT_UNLOADED', 'RIGID', 'HIGH' if unloaded == 0 else 'MEDIUM', no,
                         f'over {over:g} kg, unloaded {unloaded:g}')
            if b and b[2] and ci == 'MINOR' and fine > 0 and not r['exemption_note'] and r['first_offence'] in ('Y', '是'):
                case('FIRST_OFFENCE_PENALISED', 'RIGID', 'MEDIUM', no, f'first minor offence fined {fine:g}')
            if r['procedure'] == 'SIMPLE' and fine > SIMPLE.get(party_type, 200):
                case('SIMPLE_PROCEDURE_OVER_LIMIT', 'IRREGULAR', 'MEDIUM', no, f'simple procedure, fine {fine:g}')
            if r['payment'] == 'ON_SITE' and (fine > ON_SITE or not r['receipt_no']):
                case('ON_SITE_COLLECTION', 'PROFIT_DRIVEN', 'HIGH' if not r['receipt_no'] and fine > ON_SITE else 'MEDIUM',
                     no, f'collected on site, fine {fine:g}')
            if fine > 0 and r['rights_notified'] in ('N', '否'):
                case('RIGHTS_NOT_NOTIFIED', 'ROUGH', 'MEDIUM', no, f'fine {fine:g}, rights not notified')
            if r['hearing_notified'] in ('N', '否') and fine >= HEARING.get(party_type, 5000):
                case('HEARING_NOT_OFFERED', 'ROUGH', 'HIGH', no, f'fine {fine:g}, no hearing offered')
            if not r['officer2'] and r['procedure'] != 'SIMPLE':
                case('SINGLE_OFFICER', 'IRREGULAR', 'LOW', no, f'one officer {r["officer1"] or "-"}')
            subject = r['plate'] or r['party_name']
            if subject:
                prev = last.get((subject, code))
                if prev and abs((decided - prev[0]).days) <= DOUBLE_DAYS:
                    findings.append(('CASE', no, 'IRREGULAR', 'DOUBLE_PENALTY', 'HIGH', prev[1] + ';' + no,
                                     f'{subject} penalised twice for {code}'))
                last[(subject, code)] = (decided, no)

    def outliers(counts, minimum, rule, cat, what):
        shares = sorted(k / n for n, k, _ in counts.values() if n >= minimum)
        if len(shares) < 5:
            return
        med = shares[len(shares) // 2]
        mad = sorted(abs(s - med) for s in shares)[len(shares) // 2] * 1.4826
        for key, (n, k, nos) in counts.items():
            if n >= minimum and k and (k / n - med) / max(mad, (max(med * (1 - med), 1e-4) / n) ** 0.5) >= 4:
                st, sid = key if isinstance(key, tuple) else ('OFFICER', key)
                findings.append((st, sid, cat, rule, 'MEDIUM', ';'.join(sorted(nos)),
                                 f'{sid}: {k} of {n} cases {what}, median share {med:.3f}'))

    for st in ('OFFICER', 'UNIT'):
        outliers({k: v for k, v in month_end.items() if k[0] == st}, MONTH_END_MIN, 'MONTH_END_SPIKE',
                 'PROFIT_DRIVEN', 'at month end')
    outliers(revoked, REVOKED_MIN, 'FAVOURED_PARTY', 'RENT_SEEKING', 'revoked')
    by_unit = defaultdict(list)
    for (unit, text), (n, parties, nos) in facts.items():
        if n >= FACTS_MIN and len(parties) >= FACTS_PARTIES:
            by_unit[unit].append((n, nos))
    for unit, groups in by_unit.items():
        findings.append(('UNIT', unit, 'RIGID', 'IDENTICAL_FACTS', 'MEDIUM',
                         ';'.join(sorted(no for _, nos in groups for no in nos)),
                         f'{unit}: {len(groups)} facts texts repeated word for word'))
    with open(out_path, 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\r\n')
        w.writerow(['subject_type', 'subject_id', 'category', 'rule', 'severity', 'case_nos', 'explanation'])
        w.writerows(sorted(findings, key=lambda x: (x[0], x[3], x[1])))
    print(f'reference: {len(findings)} findings', file=sys.stderr)


if __name__ == '__main__':
    main(*sys.argv[1:4])
