package org.duban.complaint;

import org.duban.audit.AuditEvent;
import org.duban.notification.Outbox;
import org.duban.organization.OrgUnits;
import org.duban.security.CurrentUser;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.StaleEditException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Hotline systems: an administrator registers one with the bureau its complaints go to
 * and its callback URL, and gets its API key and signing secret once (the key is kept as
 * a hash, the secret encrypted). A complaint submitted with the key carries the hotline's
 * work order number; when it is answered, declined or closed, the answer is pushed to the
 * callback URL from the outbox, signed with HMAC-SHA256 over the body.
 */
@Service
public class HotlineClients {

    static final String KEY_PREFIX = "dbk_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    private final Secrets secrets;

    private final Clock clock;

    private final OrgUnits units;

    private final Outbox outbox;

    private final ApplicationEventPublisher events;

    private final JsonMapper json = JsonMapper.builder().build();

    HotlineClients(JdbcClient jdbc, Secrets secrets, Clock clock, OrgUnits units, Outbox outbox,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.clock = clock;
        this.units = units;
        this.outbox = outbox;
        this.events = events;
    }

    public record Client(UUID id, String name, UUID bureauUnitId, String keyPrefix, String callbackUrl,
            Instant createdAt, Instant revokedAt, long version) {
        public boolean active() {
            return revokedAt == null;
        }
    }

    /**
     * What the administrator sees once: the key for the hotline's requests and the secret
     * to check callbacks.
     */
    public record Issued(Client client, String apiKey, String signingSecret) {
    }

    @Transactional(readOnly = true)
    public List<Client> list() {
        return jdbc.sql("select * from hotline_client order by revoked_at nulls first, created_at desc")
            .query(HotlineClients::map)
            .list();
    }

    @Transactional
    public Issued create(String name, UUID bureauUnitId, String callbackUrl) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new BusinessRuleViolation("hotline.nameRequired");
        }
        if (bureauUnitId == null || units.find(bureauUnitId).isEmpty()) {
            throw new BusinessRuleViolation("hotline.bureauRequired");
        }
        String url = callbackUrl == null || callbackUrl.isBlank() ? null : callbackUrl.strip();
        if (url != null && !validUrl(url)) {
            throw new BusinessRuleViolation("hotline.callbackInvalid");
        }
        UUID id = UUID.randomUUID();
        String key = KEY_PREFIX + token(24);
        String secret = token(32);
        jdbc.sql("""
                insert into hotline_client (id, name, bureau_unit_id, key_prefix, key_hash, callback_url,
                                            secret_enc, created_by, created_at)
                values (:id, :name, :bureau, :prefix, :hash, :url, :secret, :by, :at)
                """)
            .param("id", id)
            .param("name", name.strip())
            .param("bureau", bureauUnitId)
            .param("prefix", key.substring(0, 10))
            .param("hash", Secrets.sha256(key))
            .param("url", url)
            .param("secret", secrets.encrypt(secret, "hotline:" + id))
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .update();
        events.publishEvent(AuditEvent.change("hotline.created", "hotline_client", id, Map.of(),
                Map.of("name", name.strip(), "bureau", bureauUnitId.toString(), "callback", String.valueOf(url))));
        return new Issued(find(id).orElseThrow(), key, secret);
    }

    @Transactional
    public void revoke(UUID id, long version) {
        int n = jdbc.sql("""
                update hotline_client set revoked_at = :at, revoked_by = :by, version = version + 1
                where id = :id and version = :version and revoked_at is null
                """)
            .param("at", Timestamp.from(clock.instant()))
            .param("by", CurrentUser.actor())
            .param("id", id)
            .param("version", version)
            .update();
        if (n == 0) {
            throw new StaleEditException("hotline client " + id, null, null);
        }
        events.publishEvent(AuditEvent.change("hotline.revoked", "hotline_client", id, Map.of("revoked", false),
                Map.of("revoked", true)));
    }

    /** The active client holding this key, if any. */
    @Transactional(readOnly = true)
    public Optional<Client> authenticate(String apiKey) {
        if (apiKey == null || !apiKey.startsWith(KEY_PREFIX) || apiKey.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("select * from hotline_client where key_hash = :h and revoked_at is null")
            .param("h", Secrets.sha256(apiKey))
            .query(HotlineClients::map)
            .optional();
    }

    /**
     * A complaint from a hotline: to the client's bureau, marked with its work order
     * number, in one transaction. A work order number the client used before for another
     * complaint is refused.
     */
    @Transactional
    public Submitted submit(Client client, String workOrderNo, NewComplaint complaint, String idempotencyKey,
            Complaints complaints) {
        Submitted submitted = complaints.submit(complaint, Channel.API, idempotencyKey, List.of(),
                client.bureauUnitId());
        try {
            jdbc.sql("update complaint set hotline_client_id = :c, work_order_no = :w"
                    + " where id = :id and hotline_client_id is null")
                .param("c", client.id())
                .param("w", workOrderNo)
                .param("id", submitted.complaintId())
                .update();
        }
        catch (org.springframework.dao.DuplicateKeyException e) {
            throw new BusinessRuleViolation("hotline.workOrderTaken");
        }
        return submitted;
    }

    /** The answer goes back to the hotline that forwarded the complaint. */
    @ApplicationModuleListener
    void on(ComplaintTransitioned event) {
        String kind = switch (event.action()) {
            case "feedback.published" -> "answered";
            case "closed" -> "closed";
            case "declined" -> "declined";
            default -> null;
        };
        if (kind == null) {
            return;
        }
        jdbc.sql("""
                select h.id, h.callback_url, h.secret_enc, c.work_order_no, c.status, c.feedback,
                       c.decline_reason, c.closure
                from complaint c join hotline_client h on h.id = c.hotline_client_id
                where c.id = :id and h.revoked_at is null and h.callback_url is not null
                """).param("id", event.complaintId()).query().listOfRows().stream().findFirst().ifPresent(row -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("work_order_no", row.get("work_order_no"));
            body.put("event", kind);
            body.put("status", row.get("status"));
            body.put("feedback", kind.equals("declined") ? row.get("decline_reason") : row.get("feedback"));
            body.put("closure", row.get("closure"));
            body.put("at", event.at().toString());
            String text = json.writeValueAsString(body);
            UUID client = (UUID) row.get("id");
            String secret = secrets.decrypt((byte[]) row.get("secret_enc"), "hotline:" + client);
            outbox.callback((String) row.get("callback_url"), "HOTLINE_" + kind.toUpperCase(), text, sign(secret, text),
                    "callback:" + event.eventId());
        });
    }

    /** HMAC-SHA256 of the body with the client's secret, in lower-case hex. */
    static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<Client> find(UUID id) {
        return jdbc.sql("select * from hotline_client where id = :id")
            .param("id", id)
            .query(HotlineClients::map)
            .optional();
    }

    private static boolean validUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && url.length() <= 500;
        }
        catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String token(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static Client map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new Client(rs.getObject("id", UUID.class), rs.getString("name"),
                rs.getObject("bureau_unit_id", UUID.class), rs.getString("key_prefix"), rs.getString("callback_url"),
                rs.getTimestamp("created_at").toInstant(), revoked == null ? null : revoked.toInstant(),
                rs.getLong("version"));
    }

}
