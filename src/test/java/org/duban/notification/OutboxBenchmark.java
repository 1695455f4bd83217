package org.duban.notification;

import org.duban.shared.BureauClock;
import org.duban.support.DubanTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test (excluded from the default run by its name;
 * {@code bench/outbox-bench.sh} runs it): queues {@code bench.messages} SMS (default
 * 2,000) and lets the outbox deliver them to a real HTTP gateway on 127.0.0.1 that
 * answers 200 at once, and again to ones that answer after 20 ms and 100 ms (a provider's
 * gateway is further away), each with 8 calls in flight (the default before) and with the
 * default now. Times the scheduled job's runs ({@link Outbox#deliverScheduled()}) until
 * every message is delivered, and adds the scheduler's pause between two runs
 * ({@code duban.outbox.poll-millis}, a fixed delay) without sleeping through it; prints
 * messages per second on lines starting with "BENCH".
 */
@DubanTest
@Tag("benchmark")
class OutboxBenchmark {

    static final int MESSAGES = Integer.getInteger("bench.messages", 2000);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BureauClock clock;

    @org.springframework.beans.factory.annotation.Value("${duban.outbox.poll-millis:5000}")
    long pollMillis;

    @Test
    void smsDeliveredPerSecondToALocalGateway() throws Exception {
        for (long delay : List.of(0L, 20L, 100L)) {
            // 8 calls in flight: the default before
            // docs/adr/0312-outbox-drains-in-batches.md
            for (int parallel : List.of(8, Outbox.DEFAULT_PARALLEL)) {
                measure(delay, parallel);
            }
        }
    }

    void measure(long delay, int parallel) throws Exception {
        try (LocalGateway gateway = new LocalGateway(200)) {
            gateway.delayMillis = delay;
            SmsAdapter sms = new SmsAdapter(new HttpPost(Duration.ofSeconds(5)), true, gateway.url());
            Outbox outbox = new Outbox(jdbc, clock, List.of(sms), List.of(), Duration.ofSeconds(30), 8, parallel);
            String run = "bench-" + delay + "-" + parallel + "-" + System.nanoTime();
            for (int i = 0; i < MESSAGES; i++) {
                outbox.sms(null, "1380000" + String.format("%04d", i % 10000), "BENCH", Map.of("n", String.valueOf(i)),
                        run + ":" + i, true, null, null);
            }
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
            long cpu = os.getProcessCpuTime();
            long started = System.nanoTime();
            int runs = 0;
            while (delivered(run) < MESSAGES) {
                outbox.deliverScheduled();
                runs++;
                assertThat(runs).as("runs of the job").isLessThan(MESSAGES);
            }
            double working = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
            double scheduled = working + (runs - 1) * pollMillis / 1000.0;
            outbox.stopSenders();
            assertThat(gateway.calls()).isEqualTo(MESSAGES);
            // CPU: the test JVM's (outbox, HTTP client and the gateway), not the
            // database's; near the wall time × cores, the run was CPU-bound.
            System.out.printf("BENCH outbox gateway-delay=%3d ms in-flight=%2d: %d SMS, %d runs of the job; working"
                    + " %.2f s = %.0f messages/s (JVM CPU %.2f s); with the scheduler's %d ms pauses %.0f messages/s"
                    + " (load average %s)%n", delay, parallel, MESSAGES, runs, working, MESSAGES / working, cpuSeconds,
                    pollMillis, MESSAGES / scheduled,
                    java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).substring(0, 14));
        }
    }

    int delivered(String run) {
        return jdbc.sql("select count(*) from notification_outbox where dedup_key like :run and status = 'DELIVERED'")
            .param("run", run + ":%")
            .query(Integer.class)
            .single();
    }

}
