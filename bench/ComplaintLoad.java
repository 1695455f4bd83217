import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for the complaint API, run as its own process (java bench/ComplaintLoad.java BASE SECONDS THREADS):
 * closed-loop workers submit complaints (each with its own Idempotency-Key) for SECONDS, then look up the receipts
 * they got for SECONDS. Prints requests per second and latency percentiles per phase. No dependencies beyond the JDK.
 * Optional further arguments: process ids (the application's JVM, its PostgreSQL server); then each phase also
 * prints the CPU time those processes and their descendants used per request, read from /proc. On a machine
 * shared with other work that is the steadier figure: 2 cores give at most 2000 / (CPU ms per request) per second.
 * Each worker speaks HTTP/1.1 over its own kept-alive socket: the JDK's HttpClient cost about 1.3 ms of CPU per
 * request on these two cores (0.4 of a core at 300 requests per second), which the server under test then lacked.
 */
public class ComplaintLoad {

    static final Pattern RECEIPT = Pattern.compile("\"receipt\"\\s*:\\s*\"([0-9-]+)\"");

    record Result(long requests, long errors, Map<Integer, Long> statuses, List<Long> micros, double seconds,
                  double cpuMillis, double[] cpuEach, double ownCpuMillis) {
        long percentile(double p) {
            if (micros.isEmpty()) {
                return 0;
            }
            int i = (int) Math.ceil(p * micros.size()) - 1;
            return micros.get(Math.max(0, Math.min(micros.size() - 1, i)));
        }

        void print(String phase) {
            System.out.printf("%s: %d requests in %.1f s = %.0f/s; errors %d; statuses %s; latency ms p50 %.1f p95 %.1f p99 %.1f max %.1f%n",
                    phase, requests, seconds, requests / seconds, errors, statuses, percentile(.50) / 1000.0,
                    percentile(.95) / 1000.0, percentile(.99) / 1000.0, percentile(1.0) / 1000.0);
            if (cpuMillis >= 0 && requests > 0) {
                System.out.printf("%s: server CPU (application and database) %.0f ms in %.1f s = %.2f ms per request, %.2f cores busy%n",
                        phase, cpuMillis, seconds, cpuMillis / requests, cpuMillis / 1000.0 / seconds);
                if (cpuEach != null && cpuEach.length == 2) {
                    System.out.printf("%s: of which the application JVM %.2f ms and PostgreSQL %.2f ms per request%n",
                            phase, cpuEach[0] / requests, cpuEach[1] / requests);
                }
            }
            if (requests > 0) {
                // The load generator shares the two cores: what it takes is not available to the server.
                System.out.printf("%s: load generator CPU %.0f ms = %.2f ms per request, %.2f cores busy%n",
                        phase, ownCpuMillis, ownCpuMillis / requests, ownCpuMillis / 1000.0 / seconds);
            }
        }
    }

    /** A response: status and body. */
    record Response(int statusCode, String body) {
    }

    interface Call {
        Response send(Connection connection, int worker, long n) throws Exception;
    }

    /**
     * One kept-alive HTTP/1.1 connection, used by one worker at a time: writes a POST with a JSON body and reads the
     * answer (Content-Length or chunked). Reconnects after the server closed it or after an error.
     */
    static final class Connection {
        private final String host;
        private final int port;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Connection(URI base) {
            this.host = base.getHost();
            this.port = base.getPort();
        }

        Response post(String path, String json, String... headers) throws IOException {
            try {
                return exchange(path, json, headers);
            } catch (IOException e) {
                close();
                throw e;
            }
        }

        private Response exchange(String path, String json, String... headers) throws IOException {
            if (socket == null) {
                socket = new Socket(host, port);
                socket.setTcpNoDelay(true);
                in = new BufferedInputStream(socket.getInputStream(), 8192);
                out = new BufferedOutputStream(socket.getOutputStream(), 8192);
            }
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(256).append("POST ").append(path).append(" HTTP/1.1\r\nHost: ")
                    .append(host).append(':').append(port)
                    .append("\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: ")
                    .append(body.length).append("\r\n");
            for (int i = 0; i + 1 < headers.length; i += 2) {
                head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean closing = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                String lower = h.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closing = true;
                }
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream(256);
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].strip(), 16); size > 0;
                     size = Integer.parseInt(line().split(";")[0].strip(), 16)) {
                    answer.write(in.readNBytes(size));
                    line();
                }
                line();
            } else if (length >= 0) {
                answer.write(in.readNBytes((int) length));
            } else {
                answer.write(in.readAllBytes());
                closing = true;
            }
            if (closing) {
                close();
            }
            return new Response(code, answer.toString(StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed by the server");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:18080";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        for (int i = 3; i < args.length; i++) {
            WATCHED.add(Long.parseLong(args[i]));
        }
        URI server = URI.create(base);
        List<String> receipts = new CopyOnWriteArrayList<>();

        Call submit = (c, worker, n) -> {
            String body = "{\"type\": \"PROFIT_DRIVEN\", \"content\": \"bench complaint " + worker + "-" + n
                    + ": fined without a receipt at the G338 overload station\", \"occurred_on\": \"2023-05-12\","
                    + " \"location\": \"G338\", \"anonymous\": false, \"name\": \"bench\", \"phone\": \"13800000000\", \"bureau\": \"OTOGQ\"}";
            Response r = c.post("/api/v1/complaints", body, "Idempotency-Key", UUID.randomUUID().toString());
            Matcher m = RECEIPT.matcher(r.body());
            if (r.statusCode() == 201 && m.find()) {
                receipts.add(m.group(1));
            }
            return r;
        };
        System.out.printf("base %s, %d s per phase, %d concurrent workers%n", base, seconds, threads);
        // A cold JVM spends much of its CPU compiling; BENCH_WARMUP (seconds) lengthens the warm-up on a slow machine.
        String warmup = System.getenv("BENCH_WARMUP");
        run(server, warmup == null ? Math.min(10, seconds) : Integer.parseInt(warmup), threads, submit)
                .print("warm-up submissions");
        receipts.clear();
        run(server, seconds, threads, submit).print("submissions");
        if (receipts.isEmpty()) {
            System.out.println("no receipts: look-ups skipped");
            return;
        }
        List<String> known = new ArrayList<>(receipts);
        Call lookup = (c, worker, n) -> c.post("/api/v1/complaints/lookup",
                "{\"receipt\": \"" + known.get((int) ((worker * 7919L + n) % known.size())) + "\"}");
        run(server, seconds, threads, lookup).print("look-ups");
    }

    static final List<Long> WATCHED = new ArrayList<>();

    /**
     * User and system CPU time in ms of each watched process with all its descendants (living and reaped); a process
     * under two watched ones (the database
     * server started by the application) counts for the later one only.
     */
    static double[] cpuMillisEach() {
        if (WATCHED.isEmpty()) {
            return null;
        }
        double[] each = new double[WATCHED.size()];
        java.util.Set<Long> counted = new java.util.HashSet<>();
        for (int w = WATCHED.size() - 1; w >= 0; w--) {
            java.util.Set<Long> pids = new java.util.TreeSet<>();
            ProcessHandle.of(WATCHED.get(w)).ifPresent(p -> {
                pids.add(p.pid());
                p.descendants().forEach(d -> pids.add(d.pid()));
            });
            pids.removeAll(counted);
            counted.addAll(pids);
            long ticks = 0;
            for (long pid : pids) {
                try {
                    String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // Fields 14-17 of stat (utime, stime, cutime, cstime); f[0] is field 3.
                    for (int i = 11; i <= 14; i++) {
                        ticks += Long.parseLong(f[i]);
                    }
                } catch (java.io.IOException | RuntimeException gone) {
                    // a process that ended in between
                }
            }
            each[w] = ticks * 10.0; // USER_HZ is 100 on Linux
        }
        return each;
    }

    static Result run(URI server, int seconds, int threads, Call call) throws InterruptedException {
        double[] eachBefore = cpuMillisEach();
        double ownBefore = ownCpuMillis();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        for (int w = 0; w < threads; w++) {
            int worker = w;
            pool.submit(() -> {
                Connection connection = new Connection(server);
                long n = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                        Response r = call.send(connection, worker, n++);
                        statuses.merge(r.statusCode(), 1L, Long::sum);
                        if (r.statusCode() >= 400) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        statuses.merge(-1, 1L, Long::sum);
                    }
                    micros.add((System.nanoTime() - t0) / 1000);
                }
                connection.close();
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        double[] each = cpuMillisEach();
        double cpu = -1;
        if (each != null) {
            for (int i = 0; i < each.length; i++) {
                each[i] -= eachBefore[i];
            }
            cpu = java.util.Arrays.stream(each).sum();
        }
        return new Result(sorted.size(), errors.get(), new java.util.TreeMap<>(statuses), sorted, elapsed, cpu, each,
                ownCpuMillis() - ownBefore);
    }

    /** CPU time of this process (all its threads), in ms. */
    static double ownCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e6;
    }
}
