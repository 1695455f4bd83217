package org.duban.notification;

import org.duban.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Sends and reads in-app notifications. */
@Service
public class Notifications {

    private final JdbcClient jdbc;

    private final Clock clock;

    private final MailDelivery mail;

    private final Outbox outbox;

    private final NotificationPreferences preferences;

    private final String weComUrl;

    /** Without the outbox: the inbox and the reminders' email copies only. */
    Notifications(JdbcClient jdbc, Clock clock, MailDelivery mail) {
        this(jdbc, clock, mail, null, null, "");
    }

    @org.springframework.beans.factory.annotation.Autowired
    Notifications(JdbcClient jdbc, Clock clock, MailDelivery mail, Outbox outbox, NotificationPreferences preferences,
            @org.springframework.beans.factory.annotation.Value("${duban.wecom.webhook-url:}") String weComUrl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.mail = mail;
        this.outbox = outbox;
        this.preferences = preferences;
        this.weComUrl = weComUrl == null ? "" : weComUrl.strip();
    }

    /**
     * Like {@link #send}, and when a message was stored and email is configured
     * ({@code duban.mail.enabled}), also emails a copy to the recipient's address after
     * the transaction commits. A mail failure never undoes or blocks the in-app message;
     * a deduplicated resend sends no second email either.
     */
    @Transactional
    public boolean sendWithEmail(UUID recipientId, String title, String body, String link, String dedupKey) {
        boolean stored = send(recipientId, title, body, link, dedupKey);
        if (stored) {
            mail.copy(recipientId, title, body, link);
        }
        return stored;
    }

    /**
     * A hand-over notice: stored in the inbox (at most once per dedup key and person)
     * and, when it was stored, handed to the other channels the person wants for this
     * kind ({@link Outbox}). A channel's failure never touches the inbox or the business
     * action.
     * @param kind what the notice is about (PROBLEM, COMPLAINT, REPORT, KEY_TASK, URGE),
     * for the preferences
     * @param urgent whether it may go out by SMS in the person's quiet hours
     */
    @Transactional
    public boolean notify(UUID recipientId, String kind, String title, String body, String link, String dedupKey,
            boolean urgent) {
        boolean stored = send(recipientId, title, body, link, dedupKey);
        if (stored && outbox != null) {
            NotificationPreferences.Preference p = preferences.of(recipientId);
            if (!p.muted(kind)) {
                var contact = jdbc.sql("select email, phone from staff where id = :id and enabled")
                    .param("id", recipientId)
                    .query()
                    .listOfRows()
                    .stream()
                    .findFirst()
                    .orElse(java.util.Map.of());
                if (p.email() && contact.get("email") != null) {
                    outbox.enqueue(OutboxChannel.EMAIL, recipientId, (String) contact.get("email"), kind, title,
                            mail.text(title, body, link), null, dedupKey, null);
                }
                if (p.sms()) {
                    MobileNumbers.normalise((String) contact.get("phone"))
                        .ifPresent(phone -> outbox.sms(recipientId, phone, "DUBAN_NOTICE",
                                java.util.Map.of("title", title), dedupKey, urgent, p.quietFrom(), p.quietTo()));
                }
            }
        }
        return stored;
    }

    /**
     * A hand-over to the bureau's WeCom group robot, once per event, when
     * {@code duban.wecom.webhook-url} is set.
     */
    @Transactional
    public boolean broadcast(String title, String link, String dedupKey) {
        if (outbox == null || weComUrl.isEmpty()) {
            return false;
        }
        String content = mail.text(title, null, link);
        String body = tools.jackson.databind.json.JsonMapper.builder()
            .build()
            .writeValueAsString(java.util.Map.of("msgtype", "text", "text", java.util.Map.of("content", content)));
        return outbox.enqueue(OutboxChannel.WECOM, null, weComUrl, "HANDOVER", null, body, null, dedupKey, null);
    }

    /**
     * Puts a message in a staff member's inbox. With a {@code dedupKey}, a second send of
     * the same key to the same recipient is ignored; returns whether a message was
     * stored.
     * @param link a path inside Duban (starting with "/"), or null
     */
    @Transactional
    public boolean send(UUID recipientId, String title, String body, String link, String dedupKey) {
        if (recipientId == null || title == null || title.isBlank()) {
            throw new IllegalArgumentException("notification needs a recipient and a title");
        }
        if (link != null && (!link.startsWith("/") || link.startsWith("//"))) {
            throw new IllegalArgumentException("notification links stay inside Duban");
        }
        return jdbc.sql("""
                insert into notification (id, recipient_id, title, body, link, dedup_key, created_at)
                values (:id, :to, :title, :body, :link, :dedup, :at)
                on conflict (recipient_id, dedup_key) do nothing
                """)
            .param("id", UUID.randomUUID())
            .param("to", recipientId)
            .param("title", title.length() > 200 ? title.substring(0, 200) : title)
            .param("body", body)
            .param("link", link)
            .param("dedup", dedupKey)
            .param("at", Timestamp.from(clock.instant()))
            .update() > 0;
    }

    @Transactional(readOnly = true)
    public List<Notification> inbox(UUID recipientId, int limit) {
        return jdbc.sql("select * from notification where recipient_id = :r order by created_at desc, id limit :l")
            .param("r", recipientId)
            .param("l", limit)
            .query((rs, n) -> new Notification(rs.getObject("id", UUID.class), rs.getObject("recipient_id", UUID.class),
                    rs.getString("title"), rs.getString("body"), rs.getString("link"),
                    rs.getTimestamp("created_at").toInstant(),
                    rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant()))
            .list();
    }

    @Transactional(readOnly = true)
    public int unreadCount(UUID recipientId) {
        return jdbc.sql("select count(*) from notification where recipient_id = :r and read_at is null")
            .param("r", recipientId)
            .query(Integer.class)
            .single();
    }

    /**
     * Marks one of the recipient's own messages read; someone else's message is "not
     * found".
     */
    @Transactional
    public void markRead(UUID id, UUID recipientId) {
        int n = jdbc
            .sql("update notification set read_at = coalesce(read_at, :at) where id = :id and recipient_id = :r")
            .param("at", Timestamp.from(clock.instant()))
            .param("id", id)
            .param("r", recipientId)
            .update();
        if (n == 0) {
            throw new NotFoundException("notification " + id);
        }
    }

}
