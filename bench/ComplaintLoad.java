import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
 */
public class ComplaintLoad {

    static final Pattern RECEIPT = Pattern.compile("\"receipt\"\\s*:\\s*\"([0-9-]+)\"");

    record Result(long requests, long errors, Map<Integer, Long> statuses, List<Long> micros, double seconds,
                  double cpuMillis, double ownCpuMillis) {
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
            }
            if (requests > 0) {
                // The load generator shares the two cores: what it takes is not available to the server.
                System.out.printf("%s: load generator CPU %.0f ms = %.2f ms per request, %.2f cores busy%n",
                        phase, ownCpuMillis, ownCpuMillis / requests, ownCpuMillis / 1000.0 / seconds);
            }
        }
    }

    interface Call {
        HttpResponse<String> send(HttpClient client, int worker, long n) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:18080";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        for (int i = 3; i < args.length; i++) {
            WATCHED.add(Long.parseLong(args[i]));
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<String> receipts = new CopyOnWriteArrayList<>();

        Call submit = (c, worker, n) -> {
            String body = "{\"type\": \"PROFIT_DRIVEN\", \"content\": \"bench complaint " + worker + "-" + n
                    + ": fined without a receipt at the G338 overload station\", \"occurred_on\": \"2023-05-12\","
                    + " \"location\": \"G338\", \"anonymous\": false, \"name\": \"bench\", \"phone\": \"13800000000\"}";
            HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/complaints"))
                    .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = RECEIPT.matcher(r.body());
            if (r.statusCode() == 201 && m.find()) {
                receipts.add(m.group(1));
            }
            return r;
        };
        System.out.printf("base %s, %d s per phase, %d concurrent workers%n", base, seconds, threads);
        // A cold JVM spends much of its CPU compiling; BENCH_WARMUP (seconds) lengthens the warm-up on a slow machine.
        String warmup = System.getenv("BENCH_WARMUP");
        run(client, warmup == null ? Math.min(10, seconds) : Integer.parseInt(warmup), threads, submit)
                .print("warm-up submissions");
        receipts.clear();
        run(client, seconds, threads, submit).print("submissions");
        if (receipts.isEmpty()) {
            System.out.println("no receipts: look-ups skipped");
            return;
        }
        List<String> known = new ArrayList<>(receipts);
        Call lookup = (c, worker, n) -> c.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/complaints/lookup"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"receipt\": \"" + known.get((int) ((worker * 7919L + n) % known.size())) + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        run(client, seconds, threads, lookup).print("look-ups");
    }

    static final List<Long> WATCHED = new ArrayList<>();

    /** User and system CPU time in ms of the watched processes and all their descendants (living and reaped). */
    static double cpuMillis() {
        if (WATCHED.isEmpty()) {
            return -1;
        }
        java.util.Set<Long> pids = new java.util.TreeSet<>();
        for (long pid : WATCHED) {
            ProcessHandle.of(pid).ifPresent(p -> {
                pids.add(p.pid());
                p.descendants().forEach(d -> pids.add(d.pid()));
            });
        }
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
        return ticks * 10.0; // USER_HZ is 100 on Linux
    }

    static Result run(HttpClient client, int seconds, int threads, Call call) throws InterruptedException {
        double cpuBefore = cpuMillis();
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
                long n = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = call.send(client, worker, n++);
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
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        double cpu = cpuBefore < 0 ? -1 : cpuMillis() - cpuBefore;
        return new Result(sorted.size(), errors.get(), new java.util.TreeMap<>(statuses), sorted, elapsed, cpu,
                ownCpuMillis() - ownBefore);
    }

    /** CPU time of this process (all its threads), in ms. */
    static double ownCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e6;
    }
}
