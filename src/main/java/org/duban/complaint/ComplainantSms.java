package org.duban.complaint;

import org.duban.notification.AddressBook;
import org.duban.notification.MobileNumbers;
import org.duban.notification.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The complainant hears back by SMS when the complaint is received (with the receipt, so
 * a lost one can be found again), answered and reopened — never with its content, and
 * never when anonymous or without a mobile number. The outbox holds only a reference
 * ({@code complainant:<id>}) and the receipt sealed with the identity key: the number is
 * read and decrypted, and the receipt opened, when the message goes out.
 */
@Component
class ComplainantSms implements AddressBook {

    static final String SCHEME = "complainant";
    static final String SEALED = "sealed:";

    private final JdbcClient jdbc;

    private final Secrets secrets;

    private final Outbox outbox;

    ComplainantSms(JdbcClient jdbc, Secrets secrets, Outbox outbox) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.outbox = outbox;
    }

    /**
     * The mobile number the receipt goes to, masked as the receipt page shows it
     * (139****1234); empty when no receipt is sent: anonymous, no mobile number, or no
     * SMS gateway (the page must not promise a message that never leaves).
     */
    Optional<String> receiptGoesTo(NewComplaint complaint) {
        return outbox.smsEnabled() ? mobile(complaint).map(m -> m.substring(0, 3) + "****" + m.substring(7))
                : Optional.empty();
    }

    private static Optional<String> mobile(NewComplaint complaint) {
        return complaint.anonymous() ? Optional.empty() : MobileNumbers.normalise(complaint.phone());
    }

    /** In the transaction of the submission. */
    void received(UUID complaintId, NewComplaint complaint, String formattedReceipt) {
        if (mobile(complaint).isEmpty()) {
            return;
        }
        String sealed = SEALED
                + Base64.getEncoder().encodeToString(secrets.encrypt(formattedReceipt, "sms:" + complaintId));
        outbox.smsToPublic(SCHEME + ":" + complaintId, "COMPLAINT_RECEIVED", Map.of("receipt", sealed),
                "complaint:" + complaintId + ":received");
    }

    @ApplicationModuleListener
    void on(ComplaintTransitioned event) {
        String template = switch (event.action()) {
            case "feedback.published" -> "COMPLAINT_ANSWERED";
            case "reopened" -> "COMPLAINT_REOPENED";
            default -> null;
        };
        if (template != null && phone(event.complaintId()).isPresent()) {
            outbox.smsToPublic(SCHEME + ":" + event.complaintId(), template, Map.of(),
                    "complaint:" + event.complaintId() + ":" + event.action() + ":" + event.eventId());
        }
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public Optional<Resolved> resolve(String id, Map<String, Object> storedParams) {
        UUID complaintId;
        try {
            complaintId = UUID.fromString(id);
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return phone(complaintId).map(phone -> {
            Map<String, Object> params = new HashMap<>(storedParams);
            params.computeIfPresent("receipt",
                    (k, v) -> String.valueOf(v).startsWith(SEALED)
                            ? secrets.decrypt(Base64.getDecoder().decode(String.valueOf(v).substring(SEALED.length())),
                                    "sms:" + complaintId)
                            : v);
            return new Resolved(phone, params);
        });
    }

    private Optional<String> phone(UUID complaintId) {
        return jdbc.sql("select anonymous, reporter_phone_enc from complaint where id = :id")
            .param("id", complaintId)
            .query((rs, n) -> rs.getBoolean(1) ? ""
                    : String.valueOf(secrets.decrypt(rs.getBytes(2), complaintId.toString())))
            .optional()
            .flatMap(MobileNumbers::normalise);
    }

}
