package org.duban.screening;

import org.duban.screening.ContractFormat.CellError;
import org.duban.screening.ContractFormat.Column;
import org.duban.screening.ImportResult.Rejection;
import org.duban.screening.ImportResult.Warning;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The reading side of an import, shared by both kinds: a contract file (CSV or XLSX) read
 * as a stream into canonical values, row by row; for cases, read on a second thread while
 * the calling thread encodes the readable rows for binary COPY, so that reading and
 * copying overlap. Also the COPY of the rejected rows.
 */
final class ImportPipeline {

    /**
     * Rejections kept in detail per import; beyond this only the count grows (memory
     * stays bounded).
     */
    static final int MAX_REJECTIONS_KEPT = 100_000;

    private static final int PROGRESS_EVERY = 20_000;

    private static final Logger log = LoggerFactory.getLogger(ImportPipeline.class);

    private ImportPipeline() {
    }

    /** Told the rows and bytes read every so often while a file is read. */
    interface Progress {

        void read(long rows, long bytes);

    }

    /**
     * Maps the header row to contract columns; reports unknown columns; refuses a file
     * missing required ones.
     */
    private static Column[] header(ContractFormat format, List<String> cells, List<Warning> warnings) {
        Column[] byIndex = new Column[cells.size()];
        Set<String> seen = new HashSet<>();
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
    static void parse(ContractFormat format, InputStream in, boolean xlsx, List<Warning> warnings, RowSink sink)
            throws IOException {
        List<Column> columns = format.columns();
        Map<String, Integer> position = new HashMap<>();
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
                // The value is shown and stored as read, but for NUL characters, which
                // PostgreSQL cannot store.
                String named = at >= 0 && headerText[0][at] != null && !headerText[0][at].isBlank()
                        ? headerText[0][at].strip() : e.column;
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

    /** Ends a read once the first data row has been seen. */
    private static final class FirstRowRead extends IOException {

    }

    /**
     * Reads the header and the first data row only, so that a file refused as a whole (a
     * required column missing, a column twice, nothing under the header, not a workbook
     * or CSV) is refused on the upload page under its field, before its import starts and
     * whatever its size.
     */
    static void checkHead(ContractFormat format, InputStream in, boolean xlsx) throws IOException {
        try {
            parse(format, in, xlsx, new ArrayList<>(), (line, values, rejection) -> {
                throw new FirstRowRead();
            });
        }
        catch (FirstRowRead enough) {
            return;
        }
        throw new ImportRefused("screening.refused.noRows");
    }

    interface RowSink {

        void accept(long line, String[] values, Rejection rejection) throws IOException;

    }

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
    static Parsed copyRows(Connection con, String copySql, CountingStream in, boolean xlsx, List<Warning> warnings,
            UUID importId, Progress progress, RowFormat format) throws SQLException, IOException {
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(8);
        List<Rejection> rejections = new ArrayList<>();
        List<Warning> readerWarnings = new ArrayList<>();
        long[] counts = new long[3]; // rows read, rejected, nanoseconds the reader waited
                                     // for the copier
        AtomicBoolean stop = new AtomicBoolean();
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
                        progress.read(counts[0], in.count());
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

    private static void hand(BlockingQueue<Batch> queue, AtomicBoolean stop, Batch batch) throws IOException {
        try {
            while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
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

    /** Stores the rejections kept in detail, through binary COPY. */
    static void saveRejections(DataSource dataSource, UUID importId, List<Rejection> rejections) {
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

        private volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
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
