package org.duban.notification;

import org.duban.shared.BureauClock;
import jakarta.annotation.PreDestroy;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duban.shared.PageOf;
import org.duban.shared.SqlLike;
import java.util.HashMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The outbox of the external channels. A message is written in the transaction that
 * decided to send it (so a rolled-back action sends nothing, and a committed one is not
 * lost), at most once per channel, address and dedup key; a scheduled worker (one
 * instance at a time, ShedLock) claims due rows, hands each to its channel's
 * {@link ChannelAdapter} outside any transaction, and records the attempt: delivered, or
 * retried after {@code duban.outbox.retry-base} × 2^(attempts−1) (at most an hour) until
 * {@code duban.outbox.max-attempts}, then failed. A failing gateway never touches the
 * business action or the in-app message.
 */
@Service
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    static final Duration LEASE = Duration.ofMinutes(2);
    static final Duration MAX_BACKOFF = Duration.ofHours(1);

    /**
     * Messages claimed at once: one lease, one statement recording the delivered ones.
     */
    static final int BATCH = 200;

    /** How long one run of the job drains before it leaves the rest to the next run. */
    static final Duration DRAIN_LIMIT = Duration.ofMinutes(3);

    /**
     * Gateway calls in flight at once. A call mostly waits (on the provider, on the
     * network), so the outbox's rate is about this many divided by the time one call
     * takes: 32 keeps 200 messages a second to a provider that answers within 150 ms.
     */
    static final int DEFAULT_PARALLEL = 32;

    /**
     * The bureau's quiet hours for complainants, who have no preferences of their own.
     */
    static final LocalTime QUIET_FROM = LocalTime.of(22, 0);
    static final LocalTime QUIET_TO = LocalTime.of(7, 0);

    private final JdbcClient jdbc;

    private final BureauClock clock;

    private final Map<OutboxChannel, ChannelAdapter> adapters = new EnumMap<>(OutboxChannel.class);

    private final Duration retryBase;

    private final int maxAttempts;

    /** Gateway calls at once. */
    private final int parallel;

    private volatile ExecutorService senders;

    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * Read when first needed: a book's module depends on this outbox (a complainant's
     * SMS), so not at start-up.
     */
    private final java.util.function.Supplier<List<AddressBook>> bookSource;

    private volatile Map<String, AddressBook> books;

    Outbox(JdbcClient jdbc, BureauClock clock, List<ChannelAdapter> adapters, List<AddressBook> books,
            Duration retryBase, int maxAttempts) {
        this(jdbc, clock, adapters, books, retryBase, maxAttempts, DEFAULT_PARALLEL);
    }

    Outbox(JdbcClient jdbc, BureauClock clock, List<ChannelAdapter> adapters, List<AddressBook> books,
            Duration retryBase, int maxAttempts, int parallel) {
        this(jdbc, clock, adapters, () -> books, retryBase, maxAttempts, parallel);
    }

    @org.springframework.beans.factory.annotation.Autowired
    Outbox(JdbcClient jdbc, BureauClock clock, List<ChannelAdapter> adapters,
            org.springframework.beans.factory.ObjectProvider<AddressBook> books,
            @Value("${duban.outbox.retry-base:30s}") Duration retryBase,
            @Value("${duban.outbox.max-attempts:8}") int maxAttempts,
            @Value("${duban.outbox.parallel:" + DEFAULT_PARALLEL + "}") int parallel) {
        this(jdbc, clock, adapters, () -> books.orderedStream().toList(), retryBase, maxAttempts, parallel);
    }

    private Outbox(JdbcClient jdbc, BureauClock clock, List<ChannelAdapter> adapters,
            java.util.function.Supplier<List<AddressBook>> books, Duration retryBase, int maxAttempts, int parallel) {
        this.parallel = Math.max(1, parallel);
        this.jdbc = jdbc;
        this.clock = clock;
        adapters.forEach(a -> this.adapters.put(a.channel(), a));
        this.bookSource = books;
        this.retryBase = retryBase;
        this.maxAttempts = maxAttempts;
    }

    private Map<String, AddressBook> books() {
        Map<String, AddressBook> known = books;
        if (known == null) {
            known = new java.util.HashMap<>();
            for (AddressBook b : bookSource.get()) {
                known.put(b.scheme(), b);
            }
            books = known;
        }
        return known;
    }

    /** Whether text messages go out at all (an SMS gateway is configured and on). */
    public boolean smsEnabled() {
        return enabled(OutboxChannel.SMS);
    }

    boolean enabled(OutboxChannel channel) {
        ChannelAdapter adapter = adapters.get(channel);
        return adapter != null && adapter.enabled();
    }

    /**
     * Queues a message unless its channel is off or the same message was queued before;
     * returns whether it was.
     */
    @Transactional
    boolean enqueue(OutboxChannel channel, UUID recipientId, String address, String template, String subject,
            String payload, String signature, String dedupKey, Instant notBefore) {
        if (!enabled(channel) || address == null || address.isBlank()) {
            return false;
        }
        Instant now = clock.now();
        return jdbc.sql("""
                insert into notification_outbox (id, channel, recipient_id, address, template, subject, payload,
                                                 signature, dedup_key, next_attempt_at, created_at)
                values (:id, :channel, :recipient, :address, :template, :subject, :payload, :signature, :dedup,
                        :next, :now)
                on conflict (channel, address, dedup_key) do nothing
                """)
            .param("id", UUID.randomUUID())
            .param("channel", channel.name())
            .param("recipient", recipientId)
            .param("address", address)
            .param("template", template)
            .param("subject", subject)
            .param("payload", payload)
            .param("signature", signature)
            .param("dedup", dedupKey)
            .param("next", Timestamp.from(notBefore == null || notBefore.isBefore(now) ? now : notBefore))
            .param("now", Timestamp.from(now))
            .update() > 0;
    }

    /**
     * An SMS through the gateway: only the template's name and its parameters, never free
     * text. Outside urgent cases nothing goes out in the quiet hours; the message waits
     * for their end.
     */
    @Transactional
    public boolean sms(UUID recipientId, String phone, String template, Map<String, Object> params, String dedupKey,
            boolean urgent, LocalTime quietFrom, LocalTime quietTo) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (!isReference(phone)) {
            body.put("phone", phone);
        }
        body.put("template", template);
        body.put("params", params);
        Instant notBefore = urgent ? null : afterQuietHours(clock.now(), clock.zone(), quietFrom, quietTo);
        return enqueue(OutboxChannel.SMS, recipientId, phone, template, null, json.writeValueAsString(body), null,
                dedupKey, notBefore);
    }

    /**
     * An SMS to a member of the public, addressed by reference ({@code <scheme>:<id>} of
     * an {@link AddressBook}) so that the number stays encrypted with its owner; in the
     * bureau's quiet hours held back until morning.
     */
    @Transactional
    public boolean smsToPublic(String reference, String template, Map<String, Object> params, String dedupKey) {
        if (!isReference(reference)) {
            throw new IllegalArgumentException("a member of the public is addressed by reference");
        }
        return sms(null, reference, template, params, dedupKey, false, QUIET_FROM, QUIET_TO);
    }

    private boolean isReference(String address) {
        int colon = address == null ? -1 : address.indexOf(':');
        return colon > 0 && books().containsKey(address.substring(0, colon));
    }

    /**
     * The message as it goes out: a referenced number and its sealed parameters opened by
     * their book.
     */
    private java.util.Optional<ChannelAdapter.OutboxMessage> resolved(ChannelAdapter.OutboxMessage m) {
        if (m.channel() != OutboxChannel.SMS || !isReference(m.address())) {
            return java.util.Optional.of(m);
        }
        int colon = m.address().indexOf(':');
        @SuppressWarnings("unchecked")
        Map<String, Object> stored = json.readValue(m.payload(), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> params = (Map<String, Object>) stored.getOrDefault("params", Map.of());
        return books().get(m.address().substring(0, colon)).resolve(m.address().substring(colon + 1), params).map(r -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("phone", r.address());
            body.put("template", stored.get("template"));
            body.put("params", r.params());
            return new ChannelAdapter.OutboxMessage(m.id(), m.channel(), r.address(), m.template(), m.subject(),
                    json.writeValueAsString(body), m.signature());
        });
    }

    /**
     * A callback to a hotline system: the JSON body and its HMAC-SHA256 signature (hex),
     * computed by the caller.
     */
    @Transactional
    public boolean callback(String url, String template, String body, String signatureHex, String dedupKey) {
        return enqueue(OutboxChannel.CALLBACK, null, url, template, null, body, signatureHex, dedupKey, null);
    }

    /**
     * The end of the quiet hours if {@code at} falls in them (the window may span
     * midnight), else null.
     */
    static Instant afterQuietHours(Instant at, ZoneId zone, LocalTime from, LocalTime to) {
        if (from == null || to == null || from.equals(to)) {
            return null;
        }
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        LocalTime t = local.toLocalTime();
        boolean quiet = from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
        if (!quiet) {
            return null;
        }
        LocalDateTime end = local.toLocalDate().atTime(to);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return end.atZone(zone).toInstant();
    }

    @Scheduled(fixedDelayString = "${duban.outbox.poll-millis:5000}")
    @SchedulerLock(name = "notification-outbox", lockAtMostFor = "PT5M")
    public void deliverScheduled() {
        // Drains what is due, batch after batch, instead of one batch per poll: a burst
        // of
        // notices (a campaign-wide hand-over) goes out at the gateway's pace, not 200
        // per poll. Stops well inside the lock's five minutes.
        long stopAt = System.nanoTime() + DRAIN_LIMIT.toNanos();
        while (deliver(BATCH).claimed() == BATCH && System.nanoTime() < stopAt) {
            // the next batch
        }
    }

    /** Delivers up to {@code batch} due messages; returns how many were delivered. */
    public int deliverDue(int batch) {
        return deliver(batch).delivered();
    }

    private record Run(int claimed, int delivered) {
    }

    private record Result(ChannelAdapter.OutboxMessage message, ChannelAdapter.Outcome outcome, int millis) {
    }

    private Run deliver(int batch) {
        Instant now = clock.now();
        // A channel switched off keeps its messages pending until it is configured again.
        List<String> channels = adapters.values()
            .stream()
            .filter(ChannelAdapter::enabled)
            .map(a -> a.channel().name())
            .toList();
        if (channels.isEmpty()) {
            return new Run(0, 0);
        }
        List<ChannelAdapter.OutboxMessage> claimed = jdbc.sql("""
                update notification_outbox set next_attempt_at = :lease
                where id in (select id from notification_outbox
                             where status = 'PENDING' and next_attempt_at <= :now
                               and channel in (:channels)
                             order by next_attempt_at limit :batch for update skip locked)
                returning id, channel, address, template, subject, payload, signature
                """)
            .param("lease", Timestamp.from(now.plus(LEASE)))
            .param("now", Timestamp.from(now))
            .param("batch", batch)
            .param("channels", channels)
            .query((rs, n) -> new ChannelAdapter.OutboxMessage(rs.getObject("id", UUID.class),
                    OutboxChannel.valueOf(rs.getString("channel")), rs.getString("address"), rs.getString("template"),
                    rs.getString("subject"), rs.getString("payload"), rs.getString("signature")))
            .list();
        // The gateways are called side by side (a provider answers in tens of
        // milliseconds; one at a time the outbox would wait for each), at most
        // duban.outbox.parallel at once.
        List<CompletableFuture<Result>> calls = claimed.stream()
            .map(message -> CompletableFuture.supplyAsync(() -> send(message), senders()))
            .toList();
        List<Result> results = calls.stream().map(CompletableFuture::join).toList();
        record(results);
        return new Run(claimed.size(), (int) results.stream().filter(r -> r.outcome().delivered()).count());
    }

    private Result send(ChannelAdapter.OutboxMessage message) {
        long started = System.nanoTime();
        ChannelAdapter adapter = adapters.get(message.channel());
        ChannelAdapter.Outcome outcome;
        try {
            var out = resolved(message);
            outcome = adapter == null ? ChannelAdapter.Outcome.failed(null, "no adapter")
                    : out.isEmpty() ? ChannelAdapter.Outcome.failed(null, "no number for " + message.address())
                            : adapter.deliver(out.get());
        }
        catch (RuntimeException e) {
            outcome = ChannelAdapter.Outcome.failed(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return new Result(message, outcome, (int) Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private ExecutorService senders() {
        ExecutorService pool = senders;
        if (pool == null) {
            synchronized (this) {
                if (senders == null) {
                    AtomicInteger n = new AtomicInteger();
                    senders = Executors.newFixedThreadPool(parallel, task -> {
                        Thread t = new Thread(task, "outbox-sender-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
                }
                pool = senders;
            }
        }
        return pool;
    }

    @PreDestroy
    void stopSenders() {
        if (senders != null) {
            senders.shutdown();
        }
    }

    /**
     * Records a batch's attempts: the delivered ones in one statement (marked delivered,
     * their attempts written for the administrator's page), each failure with its
     * back-off.
     */
    private void record(List<Result> results) {
        List<Result> delivered = results.stream().filter(r -> r.outcome().delivered()).toList();
        if (!delivered.isEmpty()) {
            jdbc.sql("""
                    with done as (
                        update notification_outbox
                        set status = 'DELIVERED', delivered_at = :now, last_error = null, attempts = attempts + 1
                        where id = any(:ids)
                        returning id)
                    insert into notification_attempt (id, outbox_id, at, outcome, http_status, detail, millis)
                    select gen_random_uuid(), a.outbox_id, :now, 'DELIVERED', a.http_status, a.detail, a.millis
                    from unnest(cast(:ids as uuid[]), cast(:statuses as int[]), cast(:details as varchar[]),
                                cast(:millis as int[])) as a (outbox_id, http_status, detail, millis)
                    join done on done.id = a.outbox_id
                    """)
                .param("now", Timestamp.from(clock.now()))
                .param("ids", delivered.stream().map(r -> r.message().id()).toArray(UUID[]::new))
                .param("statuses", delivered.stream().map(r -> r.outcome().httpStatus()).toArray(Integer[]::new))
                .param("details", delivered.stream().map(r -> r.outcome().detail()).toArray(String[]::new))
                .param("millis", delivered.stream().map(Result::millis).toArray(Integer[]::new))
                .update();
        }
        results.stream().filter(r -> !r.outcome().delivered()).forEach(this::recordFailure);
    }

    /** A failed attempt: retried after its back-off, or failed for good. */
    private void recordFailure(Result r) {
        Instant now = clock.now();
        int attempts = jdbc
            .sql("update notification_outbox set attempts = attempts + 1 where id = :id returning attempts")
            .param("id", r.message().id())
            .query(Integer.class)
            .single();
        boolean last = attempts >= maxAttempts;
        jdbc.sql("""
                update notification_outbox set status = :status, next_attempt_at = :next, last_error = :error
                where id = :id""")
            .param("status", last ? "FAILED" : "PENDING")
            .param("next", Timestamp.from(now.plus(backoff(attempts))))
            .param("error", r.outcome().detail())
            .param("id", r.message().id())
            .update();
        log.warn("{} message {} not delivered (attempt {}): {}", r.message().channel(), r.message().id(), attempts,
                r.outcome().detail());
        jdbc.sql("""
                insert into notification_attempt (id, outbox_id, at, outcome, http_status, detail, millis)
                values (:id, :outbox, :at, :outcome, :status, :detail, :millis)
                """)
            .param("id", UUID.randomUUID())
            .param("outbox", r.message().id())
            .param("at", Timestamp.from(now))
            .param("outcome", last ? "FAILED" : "RETRY")
            .param("status", r.outcome().httpStatus())
            .param("detail", r.outcome().detail())
            .param("millis", r.millis())
            .update();
    }

    /**
     * The wait after the n-th failed attempt: base, 2 × base, 4 × base … at most an hour.
     */
    Duration backoff(int attempts) {
        Duration wait = retryBase.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    /**
     * One row of the administrator's page. The address of an SMS is masked; a callback's
     * URL is shown.
     */
    public record Entry(UUID id, OutboxChannel channel, String address, String template, String status, int attempts,
            Instant createdAt, Instant nextAttemptAt, Instant deliveredAt, String lastError) {
    }

    public record Attempt(Instant at, String outcome, Integer httpStatus, String detail, int millis) {
    }

    /** The states of an outbox entry, in the order the list's filter offers them. */
    public static final List<String> STATUSES = List.of("PENDING", "FAILED", "DELIVERED");

    /**
     * The filters of the outbox page; null = any. The keyword is matched in the template
     * and the last error, not in the address (it is shown masked).
     */
    public record Filter(String status, OutboxChannel channel, String q) {
    }

    /** One page of the outbox, newest first, with the count of all that match. */
    @Transactional(readOnly = true)
    public PageOf<Entry> search(Filter filter, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        params.put("status", filter.status() != null && STATUSES.contains(filter.status()) ? filter.status() : null);
        params.put("channel", filter.channel() == null ? null : filter.channel().name());
        params.put("q", SqlLike.word(filter.q()));
        return PageOf.query(jdbc, "select *", """
                from notification_outbox where (cast(:status as varchar) is null or status = :status)
                 and (cast(:channel as varchar) is null or channel = :channel)
                 and (cast(:q as varchar) is null or template ilike '%' || :q || '%'
                      or last_error ilike '%' || :q || '%')
                """, "order by created_at desc, id", params, Outbox::entry, page, size);
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Entry> entry(UUID id) {
        return jdbc.sql("select * from notification_outbox where id = :id")
            .param("id", id)
            .query(Outbox::entry)
            .optional();
    }

    private static Entry entry(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        OutboxChannel channel = OutboxChannel.valueOf(rs.getString("channel"));
        Timestamp next = rs.getTimestamp("next_attempt_at");
        Timestamp delivered = rs.getTimestamp("delivered_at");
        return new Entry(rs.getObject("id", UUID.class), channel, mask(channel, rs.getString("address")),
                rs.getString("template"), rs.getString("status"), rs.getInt("attempts"),
                rs.getTimestamp("created_at").toInstant(), next == null ? null : next.toInstant(),
                delivered == null ? null : delivered.toInstant(), rs.getString("last_error"));
    }

    @Transactional(readOnly = true)
    public List<Attempt> attempts(UUID outboxId) {
        return jdbc.sql("select * from notification_attempt where outbox_id = :id order by at")
            .param("id", outboxId)
            .query((rs, n) -> new Attempt(rs.getTimestamp("at").toInstant(), rs.getString("outcome"),
                    (Integer) rs.getObject("http_status"), rs.getString("detail"), rs.getInt("millis")))
            .list();
    }

    static String mask(OutboxChannel channel, String address) {
        if (channel == OutboxChannel.SMS && address != null && address.matches("[0-9]{7,}")) {
            return address.substring(0, 3) + "****" + address.substring(address.length() - 4);
        }
        if (channel == OutboxChannel.WECOM && address != null && address.contains("key=")) {
            return address.substring(0, address.indexOf("key=") + 4) + "…";
        }
        return address;
    }

}
