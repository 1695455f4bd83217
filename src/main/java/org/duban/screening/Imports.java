package org.duban.screening;

import org.duban.audit.AuditEvent;
import org.duban.screening.ContractFormat.CellError;
import org.duban.screening.ContractFormat.Column;
import org.duban.screening.ImportResult.Rejection;
import org.duban.screening.ImportResult.Warning;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Imports case records and the penalty benchmark (SCREENING.md 1 and 2). The file is read
 * as a stream, row by row, on a reading thread; readable case rows stream through
 * PostgreSQL's COPY, straight into the cases table when it is empty, else into a
 * temporary staging table from which set-based statements update changed cases (keeping
 * their previous values) and insert new ones, by agency and case number.
 */
@Service
public class Imports {

    /**
     * Rejections kept in detail per import; beyond this only the count grows (memory
     * stays bounded).
     */
    static final int MAX_REJECTIONS_KEPT = 100_000;

    private static final int PROGRESS_EVERY = 20_000;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Imports.class);

    private final DataSource dataSource;

    private final JdbcClient jdbc;

    private final ApplicationEventPublisher events;

    private final TransactionTemplate tx;

    private final Clock clock;

    Imports(DataSource dataSource, JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate tx,
            Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** Registers an import so that its progress can be watched while it runs. */
    public UUID start(String kind, String fileName, long totalBytes, String actor) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into screening_import (id, kind, file_name, status, total_bytes, started_by, started_at)
                values (:id, :kind, :file, 'RUNNING', :total, :by, :at)
                """)
            .param("id", id)
            .param("kind", kind)
            .param("file", truncate(fileName, 300))
            .param("total", totalBytes < 0 ? null : totalBytes)
            .param("by", actor)
            .param("at", Timestamp.from(clock.instant()))
            .update();
        return id;
    }

    /** Imports case records from CSV (or XLSX when {@code xlsx}) into the cases table. */
    public ImportResult importCases(UUID importId, InputStream input, boolean xlsx) {
        return run(importId, input, xlsx, true, null);
    }

    /**
     * As above, telling {@code progress} the number of rows read every so often (for the
     * command line).
     */
    public ImportResult importCases(UUID importId, InputStream input, boolean xlsx,
            java.util.function.LongConsumer progress) {
        return run(importId, input, xlsx, true, progress);
    }

    public ImportResult importBenchmark(UUID importId, InputStream input, boolean xlsx) {
        return run(importId, input, xlsx, false, null);
    }

    private ImportResult run(UUID importId, InputStream input, boolean xlsx, boolean cases,
            java.util.function.LongConsumer listener) {
        CountingStream counting = new CountingStream(input);
        try {
            ImportResult result = cases ? loadCases(importId, counting, xlsx, listener)
                    : loadBenchmark(importId, counting, xlsx);
            finish(importId, result, counting.count);
            tx.executeWithoutResult(s -> events
                .publishEvent(AuditEvent.change(cases ? "screening.cases.imported" : "screening.benchmark.imported",
                        "screening_import", importId, Map.of(), Map.of("rows", result.rowsRead(), "inserted",
                                result.inserted(), "updated", result.updated(), "rejected", result.rejectedCount()))));
            return result;
        }
        catch (RuntimeException e) {
            jdbc.sql("update screening_import set status = 'FAILED', finished_at = :at where id = :id")
                .param("at", Timestamp.from(clock.instant()))
                .param("id", importId)
                .update();
            throw e;
        }
    }

    /**
     * Marks an import as failed with a reason (message key and argument), e.g. when the
     * file was refused.
     */
    public void fail(UUID importId, String warning) {
        jdbc.sql("update screening_import set status = 'FAILED', warnings = :w, finished_at = :at where id = :id")
            .param("w", warning)
            .param("at", Timestamp.from(clock.instant()))
            .param("id", importId)
            .update();
    }

    // ---- parsing, shared by both kinds
    // --------------------------------------------------------------------

    /**
     * Maps the header row to contract columns; reports unknown columns; refuses a file
     * missing required ones.
     */
    private static Column[] header(ContractFormat format, List<String> cells, List<Warning> warnings) {
        Column[] byIndex = new Column[cells.size()];
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < cells.size(); i++) {
            Column c = format.forHeader(cells.get(i));
            if (c == null) {
                if (!cells.get(i).isBlank()) {
                    warnings.add(new Warning("screening.warning.unknownColumn", cells.get(i).strip()));
                }
            }
            else if (!seen.add(c.name())) {
                throw new ImportRefused("screening.refused.duplicateColumn", c.name());
            }
            else {
                byIndex[i] = c;
            }
        }
        List<String> missing = format.columns()
            .stream()
            .filter(c -> c.required() && !seen.contains(c.name()))
            .map(Column::name)
            .toList();
        if (!missing.isEmpty()) {
            throw new ImportRefused("screening.refused.missingColumns", String.join(", ", missing));
        }
        return byIndex;
    }

    /**
     * Reads the data rows of a CSV or XLSX stream into canonical values, in contract
     * column order.
     */
    private void parse(ContractFormat format, InputStream in, boolean xlsx, List<Warning> warnings, RowSink sink)
            throws IOException {
        List<Column> columns = format.columns();
        Map<String, Integer> position = new java.util.HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            position.put(columns.get(i).name(), i);
        }
        Column[][] header = new Column[1][];
        // A rejection names the column as the file's own header does (its Chinese name,
        // not decided_on).
        String[][] headerText = new String[1][];
        int[][] target = new int[1][]; // file column -> contract position, looked up once
                                       // from the header
        CsvReader.RowHandler handler = (line, cells) -> {
            if (header[0] == null) {
                header[0] = header(format, cells, warnings);
                headerText[0] = cells.toArray(String[]::new);
                target[0] = new int[header[0].length];
                for (int i = 0; i < header[0].length; i++) {
                    target[0][i] = header[0][i] == null ? -1 : position.get(header[0][i].name());
                }
                return;
            }
            String[] values = new String[columns.size()];
            Column[] map = header[0];
            int[] to = target[0];
            int at = -1;
            try {
                for (int i = 0; i < map.length; i++) {
                    if (map[i] != null) {
                        at = i;
                        values[to[i]] = format.read(map[i], i < cells.size() ? cells.get(i) : null);
                    }
                }
                sink.accept(line, values, null);
            }
            catch (CellError e) {
                String named = at >= 0 && headerText[0][at] != null && !headerText[0][at].isBlank()
                        ? headerText[0][at].strip() : e.column;
                // The value is shown and stored as read, but for NUL characters, which
                // PostgreSQL cannot store.
                sink.accept(line, null, new Rejection(line, named, e.reasonKey,
                        e.value == null ? null : truncate(e.value, 100).replace('\u0000', ' ')));
            }
        };
        if (xlsx) {
            XlsxRows.read(in, handler);
        }
        else {
            CsvReader.read(new InputStreamReader(in, StandardCharsets.UTF_8), handler);
        }
        if (header[0] == null) {
            throw new ImportRefused("screening.refused.empty");
        }
    }

    interface RowSink {

        void accept(long line, String[] values, Rejection rejection) throws IOException;

    }

    // ---- cases
    // --------------------------------------------------------------------------------------------

    private ImportResult loadCases(UUID importId, CountingStream in, boolean xlsx,
            java.util.function.LongConsumer listener) {
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
            try (Statement st = con.createStatement()) {
                if (units != null) {
                    st.execute("truncate screening_case_history, screening_case");
                    st.execute("alter table screening_case drop constraint screening_case_agency_case_no_key, "
                            + "drop constraint screening_case_unit_id_fkey");
                }
                else {
                    st.execute("create temp table screening_stage on commit drop as select 0::bigint as line, " + names
                            + " from screening_case with no data");
                }
            }
            String copy = units != null
                    ? "copy screening_case (" + names + ", unit_id, import_id) from stdin (format binary, freeze)"
                    : "copy screening_stage (line, " + names + ") from stdin (format binary)";
            BinaryCopy.Kind[] kinds = BinaryCopy.kinds(con, "screening_case",
                    columns.stream().map(Column::name).toList());
            java.util.Set<String> unknown = new java.util.TreeSet<>();
            Parsed parsed = copyRows(con, copy, in, xlsx, warnings, importId, listener, (row, line, values) -> {
                if (units == null) {
                    row.startRow(values.length + 1);
                    row.int8(line);
                    for (int i = 0; i < values.length; i++) {
                        row.field(kinds[i], values[i]);
                    }
                }
                else {
                    row.startRow(values.length + 2);
                    for (int i = 0; i < values.length; i++) {
                        row.field(kinds[i], values[i]);
                    }
                    String agency = values[AGENCY];
                    UUID unit = values[SQUAD] == null ? null : units.get(values[SQUAD]);
                    if (unit == null) {
                        unit = units.get(agency);
                    }
                    if (!units.containsKey(agency) && unknown.size() < 100) {
                        unknown.add(agency); // as unknownAgencies() finds them after a
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
                applied = new long[] { completeDirectLoad(con, parsed.copied(), importId), 0 };
                unknown.forEach(a -> warnings.add(new Warning("screening.warning.unknownAgency", a)));
            }
            else {
                try (Statement st = con.createStatement()) {
                    st.execute("analyze screening_stage");
                }
                applied = upsertCases(con, importId, columns);
                warnings.addAll(unknownAgencies(con));
                fileCases = fileCases(con);
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
            log.info("screening import {}: {} rows{}; read and copied in {} ms, applied in {} ms, committed in {} ms",
                    importId, parsed.rows(), units != null ? " straight into the empty cases table" : "",
                    (copied - started) / 1_000_000, (merged - copied) / 1_000_000,
                    (System.nanoTime() - merged) / 1_000_000);
            saveRejections(importId, parsed.rejections());
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
        Map<String, UUID> units = new java.util.HashMap<>();
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
        java.sql.Savepoint before = con.setSavepoint();
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
     * Writes one readable row (its file line and canonical values) as a row of binary
     * COPY.
     */
    interface RowFormat {

        void append(BinaryCopy row, long line, String[] values) throws IOException;

    }

    /**
     * Rows read, readable rows copied, rejected rows (the count) and the rejections kept
     * in detail.
     */
    record Parsed(long rows, long copied, long rejected, List<Rejection> rejections) {
    }

    /**
     * A batch of readable rows handed from the reading thread to the copying one; no rows
     * marks the end.
     */
    private record Batch(long[] lines, String[][] values, int size, Throwable failure) {
    }

    private static final int BATCH = 2_000;

    /**
     * Reads the file on a second thread (decoding, parsing, checking every cell) while
     * this thread encodes the readable rows for binary COPY and streams them to the
     * server, so that reading and copying overlap. The queue between them is short, so
     * memory stays bounded whatever the file size.
     */
    private Parsed copyRows(Connection con, String copySql, CountingStream in, boolean xlsx, List<Warning> warnings,
            UUID importId, java.util.function.LongConsumer listener, RowFormat format)
            throws SQLException, IOException {
        java.util.concurrent.BlockingQueue<Batch> queue = new java.util.concurrent.ArrayBlockingQueue<>(8);
        List<Rejection> rejections = new ArrayList<>();
        List<Warning> readerWarnings = new ArrayList<>();
        long[] counts = new long[3]; // rows read, rejected, nanoseconds the reader waited
                                     // for the copier
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread reader = new Thread(() -> {
            long[] lines = new long[BATCH];
            String[][] values = new String[BATCH][];
            int[] size = { 0 };
            Throwable failure = null;
            try {
                parse(ContractFormat.CASES, in, xlsx, readerWarnings, (line, v, rejection) -> {
                    counts[0]++;
                    if (rejection != null) {
                        counts[1]++;
                        if (rejections.size() < MAX_REJECTIONS_KEPT) {
                            rejections.add(rejection);
                        }
                    }
                    else {
                        lines[size[0]] = line;
                        values[size[0]++] = v;
                        if (size[0] == BATCH) {
                            long t = System.nanoTime();
                            hand(queue, stop, new Batch(lines.clone(), values.clone(), BATCH, null));
                            counts[2] += System.nanoTime() - t;
                            size[0] = 0;
                        }
                    }
                    if (counts[0] % PROGRESS_EVERY == 0) {
                        progress(importId, counts[0], in.count);
                        if (listener != null) {
                            listener.accept(counts[0]);
                        }
                    }
                });
                if (size[0] > 0) {
                    hand(queue, stop, new Batch(lines, values, size[0], null));
                }
            }
            catch (Throwable e) {
                failure = e;
            }
            try {
                hand(queue, stop, new Batch(null, null, 0, failure));
            }
            catch (IOException e) {
                // the copying thread has stopped already
            }
        }, "screening-import-reader");
        reader.setDaemon(true);
        reader.start();
        long copied = 0;
        long waited = 0; // nanoseconds the copier waited for the reader
        try (PGCopyOutputStream copy = new PGCopyOutputStream(con.unwrap(PGConnection.class), copySql, 1 << 16)) {
            BinaryCopy out = new BinaryCopy(copy);
            while (true) {
                long t = System.nanoTime();
                Batch b = queue.take();
                waited += System.nanoTime() - t;
                if (b.size() == 0) {
                    if (b.failure() != null) {
                        throw rethrow(b.failure());
                    }
                    break;
                }
                for (int i = 0; i < b.size(); i++) {
                    format.append(out, b.lines()[i], b.values()[i]);
                }
                copied += b.size();
            }
            out.finish();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        finally {
            stop.set(true);
            queue.clear();
        }
        try {
            reader.join();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        warnings.addAll(readerWarnings);
        // Which side is the bottleneck: the reader waits when the copier (and the server
        // behind it) is slower.
        log.info("screening import {}: the reader waited {} ms for the copier, the copier {} ms for the reader",
                importId, counts[2] / 1_000_000, waited / 1_000_000);
        return new Parsed(counts[0], copied, counts[1], rejections);
    }

    private static void hand(java.util.concurrent.BlockingQueue<Batch> queue,
            java.util.concurrent.atomic.AtomicBoolean stop, Batch batch) throws IOException {
        try {
            while (!queue.offer(batch, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (stop.get()) {
                    throw new IOException("import stopped");
                }
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static RuntimeException rethrow(Throwable failure) throws IOException {
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException re) {
            return re;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(failure);
    }

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
        // Changed cases keep their previous values in the history, then take the new
        // ones.
        try (PreparedStatement ps = con.prepareStatement("""
                insert into screening_case_history (case_id, import_id, changed_at, old_values)
                select c.id, ?, now(), to_jsonb(c) from screening_case c
                join screening_stage s on s.agency = c.agency and s.case_no = c.case_no
                where row(%s) is distinct from row(%s)
                """.formatted(cCols, sCols))) {
            ps.setObject(1, importId);
            ps.executeUpdate();
        }
        long t1 = System.nanoTime();
        long updated;
        try (PreparedStatement ps = con.prepareStatement("""
                with %s
                update screening_case c set %s, unit_id = coalesce(sq.id, ag.id), import_id = ?, version = c.version + 1
                from screening_stage s
                left join units ag on ag.name = s.agency
                left join units sq on sq.name = s.squad
                where s.agency = c.agency and s.case_no = c.case_no and row(%s) is distinct from row(%s)
                """.formatted(units, set, cCols, sCols))) {
            ps.setObject(1, importId);
            updated = ps.executeUpdate();
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
                insert into screening_case (%s, unit_id, import_id)
                select %s, coalesce(sq.id, ag.id), ? from screening_stage s
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
        log.info("screening import {}: duplicates and history {} ms, update {} ms, insert {} ms{}", importId,
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
                bulk ? ", unique index and unit key rebuilt in " + (System.nanoTime() - t3) / 1_000_000 + " ms" : "");
        return new long[] { inserted, updated };
    }

    /**
     * The ids of the staged file's cases after the merge, or null when they are all the
     * table holds: every staged key is in the table by now, so equal counts mean the same
     * cases, and listing them is skipped.
     */
    private static long[] fileCases(Connection con) throws SQLException {
        try (Statement st = con.createStatement();
                ResultSet rs = st.executeQuery(
                        "select (select count(*) from screening_stage), (select count(*) from screening_case)")) {
            rs.next();
            if (rs.getLong(1) == rs.getLong(2)) {
                return null;
            }
        }
        try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery("""
                select array_agg(c.id) from screening_case c
                join screening_stage s on s.agency = c.agency and s.case_no = c.case_no
                """)) {
            rs.next();
            Array ids = rs.getArray(1);
            if (ids == null) {
                return new long[0];
            }
            Long[] boxed = (Long[]) ids.getArray();
            long[] result = new long[boxed.length];
            for (int i = 0; i < boxed.length; i++) {
                result[i] = boxed[i];
            }
            return result;
        }
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

    private static List<Warning> unknownAgencies(Connection con) throws SQLException {
        List<Warning> warnings = new ArrayList<>();
        try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery("""
                select distinct agency from screening_stage s
                where not exists (select 1 from org_unit u where u.name = s.agency) order by agency limit 100
                """)) {
            while (rs.next()) {
                warnings.add(new Warning("screening.warning.unknownAgency", rs.getString(1)));
            }
        }
        return warnings;
    }

    // ---- benchmark
    // ----------------------------------------------------------------------------------------

    private ImportResult loadBenchmark(UUID importId, CountingStream in, boolean xlsx) {
        List<Warning> warnings = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        long[] read = new long[1];
        try {
            parse(ContractFormat.BENCHMARK, in, xlsx, warnings, (line, values, rejection) -> {
                read[0]++;
                if (rejection != null) {
                    rejections.add(rejection);
                }
                else if (new java.math.BigDecimal(values[4]).compareTo(new java.math.BigDecimal(values[5])) > 0) {
                    rejections.add(new Rejection(line, "max_fine", "screening.reject.range", values[5]));
                }
                else if (rows.size() < 100_000) {
                    rows.add(values);
                }
            });
        }
        catch (IOException e) {
            // The library's or driver's own text (POI, SQL) stays in the log; the user
            // gets the translated reason.
            log.info("screening import refused as unreadable: {}", e.toString());
            throw new ImportRefused("screening.refused.unreadable", "");
        }
        long[] counts = tx.execute(s -> {
            long inserted = 0;
            long updated = 0;
            for (String[] v : rows) {
                Boolean ins = jdbc
                    .sql("""
                            insert into screening_benchmark (violation_code, violation, legal_basis, circumstance, min_fine,
                                                             max_fine, exempt_eligible, updated_by, updated_at)
                            values (:code, :violation, :basis, :circumstance, :min::numeric, :max::numeric, :exempt, :by, :at)
                            on conflict (violation_code, circumstance) do update set violation = excluded.violation,
                                legal_basis = excluded.legal_basis, min_fine = excluded.min_fine, max_fine = excluded.max_fine,
                                exempt_eligible = excluded.exempt_eligible, updated_by = excluded.updated_by,
                                updated_at = excluded.updated_at, version = screening_benchmark.version + 1
                            where (screening_benchmark.violation, screening_benchmark.legal_basis, screening_benchmark.min_fine,
                                   screening_benchmark.max_fine, screening_benchmark.exempt_eligible)
                                  is distinct from (excluded.violation, excluded.legal_basis, excluded.min_fine,
                                   excluded.max_fine, excluded.exempt_eligible)
                            returning (xmax = 0)
                            """)
                    .param("code", v[0])
                    .param("violation", v[1])
                    .param("basis", v[2])
                    .param("circumstance", v[3])
                    .param("min", v[4])
                    .param("max", v[5])
                    .param("exempt", "t".equals(v[6]))
                    .param("by", org.duban.security.CurrentUser.actor())
                    .param("at", Timestamp.from(clock.instant()))
                    .query(Boolean.class)
                    .optional()
                    .orElse(null);
                if (ins != null) {
                    if (ins) {
                        inserted++;
                    }
                    else {
                        updated++;
                    }
                }
            }
            return new long[] { inserted, updated };
        });
        saveRejections(importId, rejections);
        return new ImportResult(importId, read[0], counts[0], counts[1], rows.size() - counts[0] - counts[1],
                List.copyOf(rejections), rejections.size(), List.copyOf(warnings));
    }

    // ---- bookkeeping
    // --------------------------------------------------------------------------------------

    private void progress(UUID importId, long rows, long bytes) {
        jdbc.sql("update screening_import set rows_read = :rows, bytes_read = :bytes where id = :id")
            .param("rows", rows)
            .param("bytes", bytes)
            .param("id", importId)
            .update();
    }

    private void finish(UUID importId, ImportResult r, long bytes) {
        // One warning per line: a line break inside an argument (a quoted CSV header may
        // hold one) would split it.
        String warnings = r.warnings()
            .stream()
            .map(w -> w.key() + "|" + (w.arg() == null ? "" : w.arg().replaceAll("\\R", " ")))
            .collect(Collectors.joining("\n"));
        jdbc.sql(
                """
                        update screening_import set status = 'DONE', rows_read = :rows, rows_inserted = :ins, rows_updated = :upd,
                               rows_rejected = :rej, bytes_read = :bytes, warnings = :warnings, finished_at = :at where id = :id
                        """)
            .param("rows", r.rowsRead())
            .param("ins", r.inserted())
            .param("upd", r.updated())
            .param("rej", r.rejectedCount())
            .param("bytes", bytes)
            .param("warnings", warnings)
            .param("at", Timestamp.from(clock.instant()))
            .param("id", importId)
            .update();
    }

    private void saveRejections(UUID importId, List<Rejection> rejections) {
        if (rejections.isEmpty()) {
            return;
        }
        List<String> columns = List.of("import_id", "line", "column_name", "reason", "value");
        try (Connection con = dataSource.getConnection()) {
            BinaryCopy.Kind[] kinds = BinaryCopy.kinds(con, "screening_rejection", columns);
            try (PGCopyOutputStream copy = new PGCopyOutputStream(con.unwrap(PGConnection.class),
                    "copy screening_rejection (" + String.join(", ", columns) + ") from stdin (format binary)")) {
                BinaryCopy out = new BinaryCopy(copy);
                for (Rejection r : rejections) {
                    String[] values = { importId.toString(), Long.toString(r.line()), r.column(), r.reasonKey(),
                            r.value() };
                    out.startRow(values.length);
                    for (int i = 0; i < values.length; i++) {
                        out.field(kinds[i], values[i]);
                    }
                }
                out.finish();
            }
        }
        catch (SQLException | IOException e) {
            throw new IllegalStateException("saving rejections", e);
        }
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** Counts the bytes read, for the progress bar. */
    static final class CountingStream extends FilterInputStream {

        volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

    }

}
