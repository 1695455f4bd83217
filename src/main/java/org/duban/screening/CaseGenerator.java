package org.duban.screening;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Realistic synthetic penalty cases of an Ordos county brigade and a neighbour, streamed
 * to CSV: 蒙K plates with Ningxia (宁) and Shaanxi (陕) neighbours, overload checks by the
 * DOMAIN.md formula, unlicensed transport and the first-violation-exemption list,
 * officers in pairs within squads, a year of months. Each rule's pattern can be planted
 * among the clean cases; {@link #planted()} tells which case numbers or subjects should
 * be found. Cases are generated one at a time (no list of all cases), so a million rows
 * need little memory.
 */
public final class CaseGenerator {

    static final String[] HEADER = { "case_no", "agency", "squad", "filed_on", "decided_on", "procedure",
            "violation_code", "violation", "circumstance", "first_offence", "party_type", "party_name", "party_id",
            "plate", "axles", "gross_kg", "limit_kg", "unloaded_kg", "fine", "confiscated", "payment", "receipt_no",
            "rights_notified", "hearing_notified", "officer1", "officer2", "location", "facts", "status",
            "exemption_note" };

    /**
     * The generator's words (names, places, sentences):
     * {@code resources/screening/generator.properties}.
     */
    private static final java.util.Properties WORDS = words();

    static final String AGENCY_A = word("agency.a");
    static final String AGENCY_B = word("agency.b");
    static final String[][] UNITS = units();
    static final int OFFICERS_PER_UNIT = 8;

    /**
     * Violation code, name, share of cases, min fines by circumstance, max fines,
     * exempt-eligible, needs a vehicle.
     */
    record Violation(String code, String name, double share, int[] min, int[] max, boolean exempt, boolean vehicle) {
    }

    static final List<Violation> VIOLATIONS = List.of(
            new Violation("OVERLOAD_WEIGHT", word("violation.OVERLOAD_WEIGHT"), 0.55, new int[] { 0, 0, 0, 0 },
                    new int[] { 0, 30000, 30000, 30000 }, false, true),
            new Violation("UNLICENSED_TRANSPORT", word("violation.UNLICENSED_TRANSPORT"), 0.12,
                    new int[] { 3000, 5000, 10000, 50000 }, new int[] { 5000, 10000, 50000, 100000 }, false, true),
            new Violation("DRIVER_NO_CERTIFICATE", word("violation.DRIVER_NO_CERTIFICATE"), 0.10,
                    new int[] { 200, 500, 1000, 1500 }, new int[] { 500, 1000, 1500, 2000 }, false, true),
            new Violation("RIDE_HAILING_NO_PERMIT", word("violation.RIDE_HAILING_NO_PERMIT"), 0.06,
                    new int[] { 3000, 5000, 8000, 10000 }, new int[] { 5000, 8000, 10000, 10000 }, false, true),
            new Violation("UNLICENSED_TAXI", word("violation.UNLICENSED_TAXI"), 0.04,
                    new int[] { 5000, 8000, 12000, 16000 }, new int[] { 8000, 12000, 16000, 20000 }, false, true),
            new Violation("LOAD_SPILLING", word("violation.LOAD_SPILLING"), 0.08, new int[] { 0, 500, 1500, 3000 },
                    new int[] { 500, 1500, 3000, 5000 }, true, true),
            new Violation("TRACKED_MACHINERY", word("violation.TRACKED_MACHINERY"), 0.02,
                    new int[] { 0, 1000, 3000, 5000 }, new int[] { 1000, 3000, 5000, 5000 }, true, true),
            new Violation("UNAPPROVED_SIGN", word("violation.UNAPPROVED_SIGN"), 0.015,
                    new int[] { 0, 5000, 10000, 15000 }, new int[] { 5000, 10000, 15000, 20000 }, true, false),
            new Violation("ANNUAL_REVIEW_MISSED", word("violation.ANNUAL_REVIEW_MISSED"), 0.015,
                    new int[] { 0, 1000, 2000, 3000 }, new int[] { 1000, 2000, 3000, 3000 }, true, false));

    static final String[] CIRCUMSTANCES = { "MINOR", "GENERAL", "SERIOUS", "GRAVE" };
    static final String[] SURNAMES = list("surnames");
    static final String[] GIVEN = list("given");
    static final String[] COMPANIES = list("companies");
    static final String[] LOCATIONS = list("locations");
    static final String[] LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ".split("");
    static final int[][] AXLE_LIMITS = { { 2, 18000 }, { 3, 25000 }, { 4, 31000 }, { 5, 43000 }, { 6, 49000 } };

    /** Patterns to plant, each among the clean cases. */
    static final class Plan {

        int cases = 20_000;

        int perCaseRule = 20;

        boolean patterns = true;

        LocalDate from = LocalDate.of(2023, 1, 1);

        int days = 365;

        long seed = 42;

    }

    private final Plan plan;

    private final Map<String, Set<String>> planted = new LinkedHashMap<>();

    private final Map<Integer, String> caseRulePlants = new HashMap<>();

    private final Map<String, Integer> counters = new HashMap<>();

    // Pattern subjects (chosen deterministically from the plan's seed).
    private final String spikeOfficer;

    private final String targetingUnit;

    private final String disparateOfficer;

    private final String revokingOfficer;

    private final String templatedUnit;

    CaseGenerator(Plan plan) {
        this.plan = plan;
        for (String rule : ScreeningRules.SQL.keySet()) {
            planted.put(rule, new HashSet<>());
        }
        Random r = new Random(plan.seed);
        List<String> caseRules = List.of("FINE_OUT_OF_RANGE", "OVERLOAD_FORMULA", "OVERLOAD_NOT_UNLOADED",
                "FIRST_OFFENCE_PENALISED", "SIMPLE_PROCEDURE_OVER_LIMIT", "ON_SITE_COLLECTION", "RIGHTS_NOT_NOTIFIED",
                "HEARING_NOT_OFFERED", "SINGLE_OFFICER", "DOUBLE_PENALTY");
        if (plan.perCaseRule > 0) {
            for (String rule : caseRules) {
                int placed = 0;
                while (placed < plan.perCaseRule) {
                    int i = r.nextInt(plan.cases);
                    if (caseRulePlants.putIfAbsent(i, rule) == null) {
                        placed++;
                    }
                }
            }
        }
        spikeOfficer = officer(0, 2); // first squad, pair 2 (officers 2 and 3)
        targetingUnit = UNITS[3][1];
        disparateOfficer = officer(4, 4);
        revokingOfficer = officer(6, 0);
        templatedUnit = UNITS[1][1];
        if (plan.patterns) {
            planted.get("MONTH_END_SPIKE").addAll(List.of(spikeOfficer, officer(0, 3), UNITS[0][1]));
            planted.get("SELECTIVE_TARGETING").add(targetingUnit);
            planted.get("DISPARATE_PENALTIES").add(disparateOfficer);
            planted.get("FAVOURED_PARTY").addAll(List.of(revokingOfficer, officer(6, 1)));
            planted.get("IDENTICAL_FACTS").add(templatedUnit);
        }
    }

    /**
     * Writes a generated file for benchmarks (bench/screen-bench.sh):
     * {@code CaseGenerator <cases> <out.csv> [seed] [year]}; a year other than the
     * demonstration's 2023 gives case numbers the demonstration data never has.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: CaseGenerator <cases> <out.csv> [seed] [year]");
            System.exit(2);
        }
        Plan plan = new Plan();
        plan.cases = Integer.parseInt(args[0]);
        plan.perCaseRule = Math.max(3, plan.cases / 2000);
        if (args.length > 2) {
            plan.seed = Long.parseLong(args[2]);
        }
        if (args.length > 3) {
            plan.from = LocalDate.of(Integer.parseInt(args[3]), 1, 1);
        }
        try (Writer out = java.nio.file.Files.newBufferedWriter(java.nio.file.Path.of(args[1]),
                java.nio.charset.StandardCharsets.UTF_8)) {
            new CaseGenerator(plan).write(out);
        }
    }

    Map<String, Set<String>> planted() {
        return planted;
    }

    static String officer(int unit, int index) {
        return "1506" + (27 + unit % 6) + String.format("%04d", 1000 + unit * 10 + index);
    }

    /**
     * Writes the header and every case, clean and planted, as CSV (English headers and
     * codes).
     */
    void write(Writer out) throws IOException {
        out.write(String.join(",", HEADER));
        out.write("\n");
        SplittableRandom random = new SplittableRandom(plan.seed);
        Map<String, String> c = new LinkedHashMap<>();
        for (int i = 0; i < plan.cases; i++) {
            clean(i, random, c);
            if (plan.patterns) {
                pattern(i, random, c);
            }
            String rule = caseRulePlants.get(i);
            if (rule != null) {
                plantCaseRule(rule, i, random, c, out);
            }
            row(out, c);
        }
        if (plan.patterns) {
            favouredRepeats(random, c, out);
            tooFewCases(random, c, out);
        }
    }

    // ---- clean cases
    // ----------------------------------------------------------------------------------------

    void clean(int i, SplittableRandom r, Map<String, String> c) {
        c.clear();
        int unit = r.nextInt(UNITS.length);
        int pair = r.nextInt(OFFICERS_PER_UNIT / 2);
        boolean swap = r.nextBoolean();
        String agency = UNITS[unit][0];
        c.put("agency", agency);
        c.put("squad", UNITS[unit][1]);
        c.put("case_no", caseNo(agency, counters.merge(agency, 1, Integer::sum)));
        LocalDate decided = plan.from.plusDays(r.nextInt(plan.days));
        c.put("decided_on", decided.toString());
        c.put("filed_on", decided.minusDays(r.nextInt(8)).toString());
        Violation v = pickViolation(r.nextDouble());
        double cr = r.nextDouble();
        int ci = cr < 0.2 ? 0 : cr < 0.8 ? 1 : cr < 0.95 ? 2 : 3;
        c.put("violation_code", v.code());
        c.put("violation", v.name());
        c.put("circumstance", CIRCUMSTANCES[ci]);
        boolean org = !v.code().equals("OVERLOAD_WEIGHT") && r.nextDouble() < 0.15 || v.code().equals("UNAPPROVED_SIGN")
                || v.code().equals("ANNUAL_REVIEW_MISSED");
        c.put("party_type", org ? "ORG" : "PERSON");
        c.put("party_name", org ? company(i) : person(i));
        c.put("party_id", org ? "91150623MA0" + String.format("%07d", i % 10_000_000) : idNumber(i, r));
        if (v.vehicle()) {
            c.put("plate", plate(i, r.nextDouble()));
        }
        c.put("first_offence", "N");
        String officerA = officer(unit, pair * 2);
        String officerB = officer(unit, pair * 2 + 1);
        c.put("officer1", swap ? officerB : officerA);
        c.put("officer2", swap ? officerA : officerB);
        String location = LOCATIONS[r.nextInt(LOCATIONS.length)];
        c.put("location", location);
        int fine;
        if (v.code().equals("OVERLOAD_WEIGHT")) {
            int[] axle = AXLE_LIMITS[r.nextInt(AXLE_LIMITS.length)];
            int over = r.nextDouble() < 0.05 ? 200 + r.nextInt(800) : 1001 + r.nextInt(14_000);
            int gross = axle[1] + over;
            c.put("axles", Integer.toString(axle[0]));
            c.put("gross_kg", Integer.toString(gross));
            c.put("limit_kg", Integer.toString(axle[1]));
            c.put("unloaded_kg", Integer.toString(over + r.nextInt(3) * 50));
            fine = over <= 1000 ? 0 : Math.min(30_000, 500 * (r.nextBoolean() ? over / 1000 : (over + 999) / 1000));
            c.put("circumstance",
                    over <= 1000 ? "MINOR" : over < 5000 ? "GENERAL" : over < 10000 ? "SERIOUS" : "GRAVE");
            c.put("facts", word("facts.overload", decided, c.get("plate"), axle[0], location, gross, over));
        }
        else {
            int lo = v.min()[ci];
            int hi = v.max()[ci];
            if (v.exempt() && ci == 0 && r.nextDouble() < 0.6) {
                c.put("first_offence", "Y");
                fine = 0;
            }
            else {
                // Officers use a few customary points of the range (the minimum, a
                // quarter, the middle).
                double[] points = { 0.0, 0.25, 0.25, 0.5 };
                fine = (int) Math.round((lo + (hi - lo) * points[r.nextInt(points.length)]) / 100.0) * 100;
                if (v.exempt() && ci == 0 && fine > 0 && r.nextDouble() < 0.3) {
                    c.put("first_offence", "Y");
                    c.put("exemption_note", word("exemption-note"));
                }
            }
            c.put("facts", word("facts.other", decided, c.get("party_name"),
                    c.containsKey("plate") ? word("facts.driving", c.get("plate")) : "", location, v.name()));
        }
        setFine(c, fine, r);
        double s = r.nextDouble();
        c.put("status", s < 0.01 ? "REVOKED" : s < 0.1 ? "EXECUTING" : "CLOSED");
    }

    /**
     * Sets the fine and keeps procedure, payment, receipt and notices consistent with it.
     */
    static void setFine(Map<String, String> c, int fine, SplittableRandom r) {
        c.put("fine", Integer.toString(fine));
        boolean org = "ORG".equals(c.get("party_type"));
        boolean simple = fine <= (org ? 3000 : 200) && !"OVERLOAD_WEIGHT".equals(c.get("violation_code"))
                && r.nextDouble() < 0.7;
        c.put("procedure", simple ? "SIMPLE" : "ORDINARY");
        if (simple && fine <= 100 && fine > 0 && r.nextDouble() < 0.5) {
            c.put("payment", "ON_SITE");
            c.put("receipt_no", "NM" + (1_000_000 + r.nextInt(9_000_000)));
        }
        else {
            c.put("payment", fine == 0 ? null : r.nextDouble() < 0.5 ? "BANK" : "ELECTRONIC");
            c.remove("receipt_no");
        }
        c.put("rights_notified", "Y");
        c.put("hearing_notified", fine >= (org ? 100_000 : 5000) ? "Y" : r.nextDouble() < 0.2 ? "Y" : "N");
    }

    static Violation pickViolation(double x) {
        double sum = 0;
        for (Violation v : VIOLATIONS) {
            sum += v.share();
            if (x < sum) {
                return v;
            }
        }
        return VIOLATIONS.get(0);
    }

    static String plate(int i, double region) {
        String prefix = word(region < 0.70 ? "plate.home"
                : region < 0.75 ? "plate.home2" : region < 0.90 ? "plate.neighbour1" : "plate.neighbour2");
        return prefix + LETTERS[i % LETTERS.length] + String.format("%05d", (i / LETTERS.length) % 100_000);
    }

    static String person(int i) {
        int g = GIVEN.length;
        return SURNAMES[i % SURNAMES.length] + GIVEN[(i / SURNAMES.length) % g] + GIVEN[(i / SURNAMES.length / g) % g]
                + (i >= SURNAMES.length * g * g ? GIVEN[(i / SURNAMES.length / g / g) % g] : "");
    }

    static String company(int i) {
        return COMPANIES[i % COMPANIES.length] + person(i / COMPANIES.length) + word("company");
    }

    static String idNumber(int i, SplittableRandom r) {
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(r.nextInt(15_000));
        return "150627" + birth.toString().replace("-", "") + String.format("%03d", i % 1000) + (i % 10);
    }

    // ---- planted patterns
    // -----------------------------------------------------------------------------------

    private void pattern(int i, SplittableRandom r, Map<String, String> c) {
        String o1 = c.get("officer1");
        String o2 = c.get("officer2");
        // Quota pressure: 40 % of the pair's cases pushed into the last three days of the
        // month.
        if ((spikeOfficer.equals(o1) || spikeOfficer.equals(o2)) && r.nextDouble() < 0.4) {
            LocalDate d = LocalDate.parse(c.get("decided_on"));
            LocalDate end = d.withDayOfMonth(d.lengthOfMonth()).minusDays(r.nextInt(3));
            c.put("decided_on", end.toString());
            c.put("filed_on", end.minusDays(2).toString());
        }
        // Selective enforcement: the unit books out-of-region trucks far more often than
        // others.
        if (targetingUnit.equals(c.get("squad")) && c.get("plate") != null
                && c.get("plate").startsWith(word("plate.home-region")) && r.nextDouble() < 0.45) {
            c.put("plate",
                    word(r.nextBoolean() ? "plate.neighbour1" : "plate.neighbour2") + c.get("plate").substring(2));
        }
        // Different penalties: this officer always takes the top of the range.
        if (disparateOfficer.equals(o1) && !"OVERLOAD_WEIGHT".equals(c.get("violation_code"))
                && Integer.parseInt(c.get("fine")) > 0) {
            Violation v = VIOLATIONS.stream()
                .filter(x -> x.code().equals(c.get("violation_code")))
                .findFirst()
                .orElseThrow();
            int ci = List.of(CIRCUMSTANCES).indexOf(c.get("circumstance"));
            setFine(c, v.max()[ci], r);
            c.remove("exemption_note");
            if (v.exempt() && ci == 0) {
                c.put("first_offence", "N");
            }
        }
        // Revoked cases: 15 % of this pair's cases revoked afterwards.
        if ((revokingOfficer.equals(o1) || revokingOfficer.equals(o2)) && r.nextDouble() < 0.15) {
            c.put("status", "REVOKED");
        }
        // Templated tickets: the same facts sentence for many parties.
        if (templatedUnit.equals(c.get("squad")) && !"OVERLOAD_WEIGHT".equals(c.get("violation_code"))
                && r.nextDouble() < 0.25) {
            c.put("facts", word("facts.templated"));
        }
    }

    private void plantCaseRule(String rule, int i, SplittableRandom r, Map<String, String> c, Writer out)
            throws IOException {
        String caseNo = c.get("case_no");
        switch (rule) {
            case "FINE_OUT_OF_RANGE" -> {
                useViolation(c, "DRIVER_NO_CERTIFICATE", 1, r);
                setFine(c, 1800, r); // range 500-1000
            }
            case "OVERLOAD_FORMULA" -> {
                useOverload(c, 43000, 3400);
                setFine(c, 2500, r); // formula: 1500 or 2000
            }
            case "OVERLOAD_NOT_UNLOADED" -> {
                useOverload(c, 31000, 6200);
                setFine(c, 3000, r);
                c.put("unloaded_kg", r.nextBoolean() ? "0" : "2000");
            }
            case "FIRST_OFFENCE_PENALISED" -> {
                useViolation(c, "LOAD_SPILLING", 0, r);
                setFine(c, 300, r);
                c.put("first_offence", "Y");
                c.remove("exemption_note");
            }
            case "SIMPLE_PROCEDURE_OVER_LIMIT" -> {
                useViolation(c, "DRIVER_NO_CERTIFICATE", 1, r);
                c.put("party_type", "PERSON");
                c.put("party_name", person(i));
                setFine(c, 800, r);
                c.put("procedure", "SIMPLE");
            }
            case "ON_SITE_COLLECTION" -> {
                useViolation(c, "LOAD_SPILLING", 0, r);
                c.put("party_type", "PERSON");
                c.put("party_name", person(i));
                setFine(c, 100, r);
                c.put("procedure", "SIMPLE");
                c.put("payment", "ON_SITE");
                c.remove("receipt_no");
            }
            case "RIGHTS_NOT_NOTIFIED" -> {
                if ("0".equals(c.get("fine"))) {
                    useViolation(c, "DRIVER_NO_CERTIFICATE", 1, r);
                    setFine(c, 600, r);
                }
                c.put("rights_notified", "N");
            }
            case "HEARING_NOT_OFFERED" -> {
                useViolation(c, "UNLICENSED_TRANSPORT", 1, r);
                c.put("party_type", "PERSON");
                c.put("party_name", person(i));
                setFine(c, 8000, r);
                c.put("hearing_notified", "N");
            }
            case "SINGLE_OFFICER" -> {
                c.put("procedure", "ORDINARY");
                c.remove("officer2");
            }
            case "DOUBLE_PENALTY" -> {
                // The clean case is written first; its twin, fined again the next day, is
                // the planted one.
                if (c.get("plate") == null) {
                    useViolation(c, "DRIVER_NO_CERTIFICATE", 1, r);
                    setFine(c, 500, r);
                }
                c.put("status", "CLOSED");
                row(out, c);
                Map<String, String> twin = new LinkedHashMap<>(c);
                int no = counters.merge(c.get("agency"), 1, Integer::sum);
                twin.put("case_no", caseNo(c.get("agency"), no));
                twin.put("decided_on", LocalDate.parse(c.get("decided_on")).plusDays(1).toString());
                twin.put("facts", c.get("facts") + word("facts.recheck"));
                c.clear();
                c.putAll(twin);
                caseNo = twin.get("case_no");
            }
            default -> throw new IllegalArgumentException(rule);
        }
        if (!rule.equals("DOUBLE_PENALTY")) {
            c.put("status", "CLOSED");
        }
        planted.get(rule).add(caseNo);
    }

    private static void useViolation(Map<String, String> c, String code, int circumstance, SplittableRandom r) {
        Violation v = VIOLATIONS.stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow();
        c.put("violation_code", code);
        c.put("violation", v.name());
        c.put("circumstance", CIRCUMSTANCES[circumstance]);
        c.put("first_offence", "N");
        c.remove("exemption_note");
        for (String k : List.of("axles", "gross_kg", "limit_kg", "unloaded_kg")) {
            c.remove(k);
        }
        if (v.vehicle() && c.get("plate") == null) {
            c.put("plate", plate(c.get("case_no").hashCode() & 0xffff, 0.1));
        }
    }

    private static void useOverload(Map<String, String> c, int limit, int over) {
        c.put("violation_code", "OVERLOAD_WEIGHT");
        c.put("violation", VIOLATIONS.get(0).name());
        c.put("circumstance", "SERIOUS");
        c.put("first_offence", "N");
        c.put("party_type", "PERSON");
        c.remove("exemption_note");
        if (c.get("plate") == null) {
            c.put("plate", plate(c.get("case_no").hashCode() & 0xffff, 0.1));
        }
        c.put("axles", limit == 43000 ? "5" : "4");
        c.put("limit_kg", Integer.toString(limit));
        c.put("gross_kg", Integer.toString(limit + over));
        c.put("unloaded_kg", Integer.toString(over));
    }

    /**
     * A favoured vehicle and a favoured company: handled again and again by one pair,
     * fined far below peers.
     */
    private void favouredRepeats(SplittableRandom r, Map<String, String> c, Writer out) throws IOException {
        String favouredPlate = word("favoured.plate");
        String favouredCompany = word("favoured.company");
        for (int k = 0; k < 4; k++) {
            clean(plan.cases + k, r, c);
            c.put("agency", UNITS[5][0]);
            c.put("squad", UNITS[5][1]);
            c.put("officer1", officer(5, 0));
            c.put("officer2", officer(5, 1));
            useViolation(c, "DRIVER_NO_CERTIFICATE", 2, r); // range 1000-1500, peers'
                                                            // median 1100
            c.put("plate", favouredPlate);
            c.put("party_type", "PERSON");
            c.put("party_name", word("favoured.person"));
            setFine(c, 300, r);
            c.put("decided_on", plan.from.plusDays(20 + 80L * k).toString());
            c.put("filed_on", c.get("decided_on"));
            c.put("status", "CLOSED");
            planted.get("FINE_OUT_OF_RANGE").add(c.get("case_no"));
            row(out, c);
        }
        for (int k = 0; k < 4; k++) {
            clean(plan.cases + 10 + k, r, c);
            c.put("agency", UNITS[5][0]);
            c.put("squad", UNITS[5][1]);
            c.put("officer1", officer(5, 2));
            c.put("officer2", officer(5, 3));
            useViolation(c, "ANNUAL_REVIEW_MISSED", 1, r); // range 1000-2000, peers'
                                                           // median 1300
            c.remove("plate");
            c.put("party_type", "ORG");
            c.put("party_name", favouredCompany);
            setFine(c, 300, r);
            c.put("decided_on", plan.from.plusDays(30 + 80L * k).toString());
            c.put("filed_on", c.get("decided_on"));
            c.put("status", "CLOSED");
            planted.get("FINE_OUT_OF_RANGE").add(c.get("case_no"));
            row(out, c);
        }
        // Reduced far below the minimum: the favour shows in FAVOURED_PARTY and, rightly,
        // in FINE_OUT_OF_RANGE.
        planted.get("FAVOURED_PARTY").add(favouredPlate);
        planted.get("FAVOURED_PARTY").add(favouredCompany);
    }

    /**
     * A new pair with only a handful of cases, all at month end: too few cases to be
     * judged.
     */
    private void tooFewCases(SplittableRandom r, Map<String, String> c, Writer out) throws IOException {
        for (int k = 0; k < 12; k++) {
            clean(plan.cases + 100 + k, r, c);
            c.put("officer1", "150699" + "0001");
            c.put("officer2", "150699" + "0002");
            LocalDate d = plan.from.plusMonths(k % 12);
            c.put("decided_on", d.withDayOfMonth(d.lengthOfMonth()).toString());
            c.put("filed_on", c.get("decided_on"));
            row(out, c);
        }
    }

    private static void row(Writer out, Map<String, String> c) throws IOException {
        StringBuilder line = new StringBuilder(400);
        for (int k = 0; k < HEADER.length; k++) {
            if (k > 0) {
                line.append(',');
            }
            String v = c.get(HEADER[k]);
            if (v != null) {
                if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0) {
                    line.append('"').append(v.replace("\"", "\"\"")).append('"');
                }
                else {
                    line.append(v);
                }
            }
        }
        line.append('\n');
        out.write(line.toString());
    }

    private String caseNo(String agency, int no) {
        return word(agency.equals(AGENCY_A) ? "case-no.a" : "case-no.b", Integer.toString(plan.from.getYear()),
                Integer.toString(no));
    }

    private static java.util.Properties words() {
        java.util.Properties words = new java.util.Properties();
        try (java.io.InputStream in = new org.springframework.core.io.ClassPathResource(
                "screening/generator.properties")
            .getInputStream()) {
            words.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new IllegalStateException("screening/generator.properties", e);
        }
        return words;
    }

    /**
     * A word, or a sentence with its placeholders filled in (numbers as plain digits).
     */
    static String word(String key, Object... args) {
        String text = WORDS.getProperty(key);
        if (text == null) {
            throw new IllegalStateException("screening/generator.properties has no " + key);
        }
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    private static String[] list(String key) {
        return word(key).split(",");
    }

    private static String[][] units() {
        List<String[]> units = new ArrayList<>();
        for (String squad : list("squads.a")) {
            units.add(new String[] { AGENCY_A, squad });
        }
        for (String squad : list("squads.b")) {
            units.add(new String[] { AGENCY_B, squad });
        }
        return units.toArray(String[][]::new);
    }

    static List<String> subjects(List<String> ids) {
        return new ArrayList<>(ids);
    }

}
