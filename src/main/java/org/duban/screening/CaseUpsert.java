package org.duban.screening;

import org.duban.screening.ContractFormat.Column;
import org.duban.screening.ImportPipeline.CountingStream;
import org.duban.screening.ImportPipeline.Parsed;
import org.duban.screening.ImportResult.Warning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The case side of an import: the rows of {@link ImportPipeline} stream through COPY
 * straight into the cases table when it is empty, else into a temporary staging table
 * from which set-based statements update changed cases (keeping their previous values)
 * and insert new ones, by agency and case number; the unique key and the unit key are
 * dropped and rebuilt around a large load.
 */
final class CaseUpsert {

    private static final Logger log = LoggerFactory.getLogger(CaseUpsert.class);

    private final DataSource dataSource;

    CaseUpsert(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Imports the case rows of {@code in}, telling {@code progress} how far it got. */
    ImportResult load(UUID importId, CountingStream in, boolean xlsx, ImportPipeline.Progress progress) {
        List<Column> columns = ContractFormat.CASES.columns();
        String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        List<Warning> warnings = new ArrayList<>();
        long started = System.nanoTime();
        try (Connection con = dataSource.getConnection()) {
            con.setAutoCommit(false);
            try (Statement st = con.createStatement()) {
                st.execute("set local synchronous_commit = off");
                st.execute("set local work_mem = '256MB'");
                st.execute("set local maintenance_work_mem = '512MB'");
                // Serialises case imports: no other import inserts the same keys
                // meanwhile.
                st.execute("select pg_advisory_xact_lock(7171041)");
            }
            // Into an empty table (the first load) every row is new: the rows stream
            // straight into the cases table,
            // frozen (COPY FREEZE, after a truncate of the empty table in this
            // transaction), and the unique key and
            // the unit key are built once afterwards. Otherwise they go to a staging
            // table and are merged.
            Map<String, UUID> units = direct(con) ? unitsByName(con) : null;
            // Otherwise the cases held, so that a row that is already there as it is
            // does not travel to the server at all.
            KnownCases known = units != null ? KnownCases.none() : KnownCases.load(con);
            long loaded = System.nanoTime();
            try (Statement st = con.createStatement()) {
                if (units != null) {
                    st.execute("truncate screening_case_history, screening_case");
                    st.execute("alter table screening_case drop constraint screening_case_agency_case_no_key, "
                            + "drop constraint screening_case_unit_id_fkey");
                }
                else {
                    st.execute("create temp table screening_stage on commit drop as select 0::bigint as line, " + names
                            + ", row_hash from screening_case with no data");
                }
            }
            String copy = units != null
                    ? "copy screening_case (" + names
                            + ", row_hash, unit_id, import_id) from stdin (format binary, freeze)"
                    : "copy screening_stage (line, " + names + ", row_hash) from stdin (format binary)";
            BinaryCopy.Kind[] kinds = BinaryCopy.kinds(con, "screening_case",
                    columns.stream().map(Column::name).toList());
            Set<String> unknown = new TreeSet<>();
            Parsed parsed = ImportPipeline.copyRows(con, copy, in, xlsx, warnings, importId, progress,
                    (row, line, values) -> {
                        byte[] hash = known.hash(values);
                        if (units == null) {
                            if (known.unchanged(values[AGENCY], values[CASE_NO], hash)) {
                                return;
                            }
                            row.startRow(values.length + 2);
                            row.int8(line);
                            for (int i = 0; i < values.length; i++) {
                                row.field(kinds[i], values[i]);
                            }
                            row.bytes(hash);
                        }
                        else {
                            row.startRow(values.length + 3);
                            for (int i = 0; i < values.length; i++) {
                                row.field(kinds[i], values[i]);
                            }
                            row.bytes(hash);
                            String agency = values[AGENCY];
                            UUID unit = values[SQUAD] == null ? null : units.get(values[SQUAD]);
                            if (unit == null) {
                                unit = units.get(agency);
                            }
                            if (!units.containsKey(agency) && unknown.size() < 100) {
                                unknown.add(agency); // as unknownAgencies() finds them
                                                     // after a
                                                     // merge, squad or not
                            }
                            row.uuid(unit);
                            row.uuid(importId);
                        }
                    });
            long copied = System.nanoTime();
            long[] applied;
            long[] fileCases = null;
            if (units != null) {
                applied = new long[] { completeDirectLoad(con, parsed.copied(), importId), 0, 0 };
                unknown.forEach(a -> warnings.add(new Warning("screening.warning.unknownAgency", a)));
            }
            else {
                try (Statement st = con.createStatement()) {
                    st.execute("analyze screening_stage");
                }
                applied = upsertCases(con, importId, columns);
                warnings.addAll(unknownAgencies(con, known.agencies()));
                fileCases = fileCases(con, known);
            }
            if (applied[0] + applied[1] >= 10_000) {
                // Fresh statistics for the rules that usually run right after a large
                // import (autovacuum would
                // get there only later): with the statistics of an empty table the
                // planner sorts where it should hash.
                try (Statement st = con.createStatement()) {
                    st.execute("analyze screening_case");
                }
            }
            long merged = System.nanoTime();
            con.commit();
            log.info(
                    "screening import {}: {} rows{}; cases held read in {} ms, read and copied in {} ms ({} skipped as "
                            + "unchanged), applied in {} ms, committed in {} ms",
                    importId, parsed.rows(), units != null ? " straight into the empty cases table" : "",
                    (loaded - started) / 1_000_000, (copied - loaded) / 1_000_000, known.skippedCount(),
                    (merged - copied) / 1_000_000, (System.nanoTime() - merged) / 1_000_000);
            if (applied[1] + applied[2] >= 10_000) {
                // Every updated case left its old version behind: the rules right after
                // would read a table of twice its size (200,000 cases given their hashes:
                // 2.4 s of rules instead of 1.7 s) until autovacuum, which a command's
                // short-lived server never reaches. Outside the transaction, as VACUUM
                // must be.
                long t = System.nanoTime();
                con.setAutoCommit(true);
                try (Statement st = con.createStatement()) {
                    st.execute("vacuum (analyze) screening_case");
                }
                log.info("screening import {}: {} updated cases vacuumed in {} ms", importId, applied[1] + applied[2],
                        (System.nanoTime() - t) / 1_000_000);
            }
            ImportPipeline.saveRejections(dataSource, importId, parsed.rejections());
            return new ImportResult(importId, parsed.rows(), applied[0], applied[1],
                    parsed.rows() - parsed.rejected() - applied[0] - applied[1], List.copyOf(parsed.rejections()),
                    parsed.rejected(), List.copyOf(warnings), fileCases);
        }
        catch (SQLException | IOException e) {
            // The library's or driver's own text (POI, SQL) stays in the log; the user
            // gets the translated reason.
            log.info("screening import refused as unreadable: {}", e.toString());
            throw new ImportRefused("screening.refused.unreadable", "");
        }
    }

    private static final int AGENCY = position("agency");

    private static final int SQUAD = position("squad");

    private static final int CASE_NO = position("case_no");

    private static int position(String column) {
        List<Column> columns = ContractFormat.CASES.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalStateException(column);
    }

    /** The table holds no case yet. */
    private static boolean direct(Connection con) throws SQLException {
        try (Statement st = con.createStatement();
                ResultSet rs = st.executeQuery("select not exists (select 1 from screening_case)")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /**
     * Unit ids by name, as the merge finds them in SQL: a case belongs to its squad's
     * unit if that name is known, else to its agency's; of two units with the same name,
     * the one higher up (shorter path).
     */
    private static Map<String, UUID> unitsByName(Connection con) throws SQLException {
        Map<String, UUID> units = new HashMap<>();
        try (Statement st = con.createStatement();
                ResultSet rs = st
                    .executeQuery("select distinct on (name) name, id from org_unit order by name, length(path)")) {
            while (rs.next()) {
                units.put(rs.getString(1), rs.getObject(2, UUID.class));
            }
        }
        return units;
    }

    /**
     * After the straight load: a case number twice in the file keeps its later line (the
     * higher id, as COPY numbers rows in file order), then the unique key and the unit
     * key are built. The usual file has no duplicate key, so the unique key is first
     * simply tried; only if it fails are duplicates looked for. Returns the cases kept.
     */
    private static long completeDirectLoad(Connection con, long copied, UUID importId) throws SQLException {
        long deleted = 0;
        long t0 = System.nanoTime();
        Savepoint before = con.setSavepoint();
        try (Statement st = con.createStatement()) {
            st.execute(UNIQUE_KEY);
            con.releaseSavepoint(before);
        }
        catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            con.rollback(before);
            try (Statement st = con.createStatement()) {
                deleted = st.executeUpdate("""
                        delete from screening_case c using (
                            select agency, case_no, max(id) as keep from screening_case
                            group by agency, case_no having count(*) > 1) d
                        where c.agency = d.agency and c.case_no = d.case_no and c.id < d.keep
                        """);
                st.execute(UNIQUE_KEY);
            }
        }
        long t1 = System.nanoTime();
        try (Statement st = con.createStatement()) {
            st.execute(UNIT_KEY);
        }
        log.info("screening import {}: unique key built in {} ms, unit key checked in {} ms", importId,
                (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
        return copied - deleted;
    }

    private static final String UNIQUE_KEY = "alter table screening_case add constraint screening_case_agency_case_no_key "
            + "unique (agency, case_no)";

    private static final String UNIT_KEY = "alter table screening_case add constraint screening_case_unit_id_fkey "
            + "foreign key (unit_id) references org_unit (id)";

    /**
     * Applies the staging table to the cases: changed cases get a history row and are
     * updated, new keys are inserted. Two plain statements instead of one
     * {@code insert ... on conflict}: on a large first load nearly every row is new, and
     * a plain insert of the rows with no case yet skips the speculative insertion and the
     * history join that the upsert paid per row (100k cases: 11 s of upsert). The
     * advisory lock taken at the start of the import keeps other imports from inserting
     * the same keys between the existence check and the insert.
     */
    private static long[] upsertCases(Connection con, UUID importId, List<Column> columns) throws SQLException {
        long t0 = System.nanoTime();
        String sCols = columns.stream().map(c -> "s." + c.name()).collect(Collectors.joining(", "));
        String cCols = columns.stream().map(c -> "c." + c.name()).collect(Collectors.joining(", "));
        String cols = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        String set = columns.stream()
            .filter(c -> !c.name().equals("agency") && !c.name().equals("case_no"))
            .map(c -> c.name() + " = s." + c.name())
            .collect(Collectors.joining(", "));
        // The unit a case belongs to: its squad if that is a known unit, else its agency
        // (shortest path wins a tie).
        String units = "units as (select distinct on (name) name, id from org_unit order by name, length(path))";
        try (Statement st = con.createStatement()) {
            // A key twice in one file: the later line wins. Found by hashing keys only,
            // so that the usual file
            // without duplicates costs no sort of the whole staging table.
            st.execute("""
                    delete from screening_stage s using (
                        select agency, case_no, max(line) as keep from screening_stage
                        group by agency, case_no having count(*) > 1) d
                    where s.agency = d.agency and s.case_no = d.case_no and s.line < d.keep
                    """);
        }
        long t1 = System.nanoTime();
        // Changed cases keep their previous values in the history and take the new ones,
        // in one statement: the rows are compared once (comparing them for the history
        // and again for the update cost two joins of the whole file), and every part of
        // it reads the same snapshot, so the history gets the values from before the
        // update. A file that changes nothing (a re-import) ends here.
        long updated;
        try (PreparedStatement ps = con.prepareStatement(
                """
                        with %s,
                        changed as (
                            select c.id, s.line from screening_case c
                            join screening_stage s on s.agency = c.agency and s.case_no = c.case_no
                            where row(%s) is distinct from row(%s)),
                        history as (
                            insert into screening_case_history (case_id, import_id, changed_at, old_values)
                            select c.id, ?, now(), to_jsonb(c) - 'row_hash' from screening_case c join changed ch on ch.id = c.id)
                        update screening_case c set %s, row_hash = s.row_hash, unit_id = coalesce(sq.id, ag.id), import_id = ?,
                               version = c.version + 1
                        from changed ch
                        join screening_stage s on s.line = ch.line
                        left join units ag on ag.name = s.agency
                        left join units sq on sq.name = s.squad
                        where c.id = ch.id
                        """
                    .formatted(units, cCols, sCols, set))) {
            ps.setObject(1, importId);
            ps.setObject(2, importId);
            updated = ps.executeUpdate();
        }
        // Staged rows equal to their case but for the hash (a case imported before the
        // hash was kept, or the same values written differently, 100 and 100.00): the
        // case keeps its values and takes the hash, so that the next import skips it.
        long rehashed;
        try (Statement st = con.createStatement()) {
            rehashed = st.executeUpdate("""
                    update screening_case c set row_hash = s.row_hash from screening_stage s
                    where s.agency = c.agency and s.case_no = c.case_no and c.row_hash is distinct from s.row_hash
                    """);
        }
        // A large load into a table of fewer cases: maintaining the unique (agency,
        // case_no) index and checking the
        // unit foreign key row by row cost more than the insert itself (300k cases: 2.5 s
        // to insert without them,
        // 11.5 s with the index, 15.8 s with the key too; building the index afterwards
        // about 2 s). So both are
        // dropped and re-created around the insert, inside this transaction (nothing is
        // lost if it rolls back); the
        // table is locked for the rest of the import, which a load of this size holds
        // briefly compared to its run.
        long t2 = System.nanoTime();
        boolean bulk = bulkLoad(con);
        if (bulk) {
            try (Statement st = con.createStatement()) {
                st.execute("alter table screening_case drop constraint screening_case_agency_case_no_key, "
                        + "drop constraint screening_case_unit_id_fkey");
            }
        }
        long inserted;
        try (PreparedStatement ps = con.prepareStatement("""
                with %s
                insert into screening_case (%s, row_hash, unit_id, import_id)
                select %s, s.row_hash, coalesce(sq.id, ag.id), ? from screening_stage s
                left join units ag on ag.name = s.agency
                left join units sq on sq.name = s.squad
                where not exists (select 1 from screening_case c where c.agency = s.agency and c.case_no = s.case_no)
                """.formatted(units, cols, sCols))) {
            ps.setObject(1, importId);
            inserted = ps.executeUpdate();
        }
        long t3 = System.nanoTime();
        if (bulk) {
            try (Statement st = con.createStatement()) {
                st.execute(UNIQUE_KEY);
                st.execute(UNIT_KEY);
            }
        }
        log.info("screening import {}: duplicates {} ms, history and update {} ms, insert {} ms{}", importId,
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
                bulk ? ", unique index and unit key rebuilt in " + (System.nanoTime() - t3) / 1_000_000 + " ms" : "");
        return new long[] { inserted, updated, rehashed };
    }

    /**
     * The ids of the file's cases after the merge, or null when they are all the table
     * holds: every key of the file is in the table by now, so equal counts mean the same
     * cases, and listing them is skipped. The skipped rows' ids are known already; the
     * staged ones are looked up.
     */
    private static long[] fileCases(Connection con, KnownCases known) throws SQLException {
        try (Statement st = con.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from screening_case")) {
            rs.next();
            if (rs.getLong(1) == known.fileKeys()) {
                return null;
            }
        }
        long[] staged;
        try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery("""
                select array_agg(distinct c.id) from screening_case c
                join screening_stage s on s.agency = c.agency and s.case_no = c.case_no
                """)) {
            rs.next();
            Array ids = rs.getArray(1);
            staged = ids == null ? new long[0]
                    : java.util.Arrays.stream((Long[]) ids.getArray()).mapToLong(Long::longValue).toArray();
        }
        // A key skipped at its first row and staged at a later one is in both.
        return java.util.stream.LongStream
            .concat(java.util.Arrays.stream(known.skippedIds()), java.util.Arrays.stream(staged))
            .sorted()
            .distinct()
            .toArray();
    }

    /**
     * At least 100,000 staged cases and more than the table holds (by the planner's
     * estimate).
     */
    private static boolean bulkLoad(Connection con) throws SQLException {
        try (Statement st = con.createStatement();
                ResultSet rs = st.executeQuery(
                        """
                                select (select count(*) from screening_stage) as staged,
                                       (select greatest(reltuples, 0)::bigint from pg_class where oid = 'screening_case'::regclass) as held
                                """)) {
            rs.next();
            return rs.getLong(1) >= 100_000 && rs.getLong(1) > rs.getLong(2);
        }
    }

    /** The file's agencies that name no unit (the first 100, in order). */
    private static List<Warning> unknownAgencies(Connection con, Set<String> agencies) throws SQLException {
        List<Warning> warnings = new ArrayList<>();
        try (PreparedStatement st = con.prepareStatement("""
                select a from unnest(?::text[]) a
                where not exists (select 1 from org_unit u where u.name = a) order by a limit 100
                """)) {
            st.setArray(1, con.createArrayOf("text", agencies.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    warnings.add(new Warning("screening.warning.unknownAgency", rs.getString(1)));
                }
            }
        }
        return warnings;
    }

}
