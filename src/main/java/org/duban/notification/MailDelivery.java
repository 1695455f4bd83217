package org.duban.notification;

import org.duban.organization.StaffDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Locale;
import java.util.UUID;

/**
 * Email copies of in-app messages, off by default. On only with
 * {@code duban.mail.enabled=true} and a configured SMTP server ({@code spring.mail.host},
 * which makes Spring Boot provide a {@link JavaMailSender}). The address is read while
 * the message is stored; the mail goes out after the transaction commits, so a
 * rolled-back job sends nothing. A mail failure is logged and swallowed: the in-app
 * message is the primary channel.
 */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final ObjectProvider<JavaMailSender> senders;

    private final StaffDirectory staff;

    private final MessageSource messages;

    private final boolean enabled;

    private final String from;

    private final String baseUrl;

    MailDelivery(ObjectProvider<JavaMailSender> senders, StaffDirectory staff, MessageSource messages,
            @Value("${duban.mail.enabled:false}") boolean enabled,
            @Value("${duban.mail.from:duban@localhost}") String from,
            @Value("${duban.mail.base-url:}") String baseUrl) {
        this.senders = senders;
        this.staff = staff;
        this.messages = messages;
        this.enabled = enabled;
        this.from = from;
        this.baseUrl = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
        if (enabled && senders.getIfAvailable() == null) {
            log.warn(
                    "duban.mail.enabled is true but no SMTP server is configured (spring.mail.host); no email is sent");
        }
    }

    /** Whether reminders also go out by email. */
    boolean active() {
        return enabled && senders.getIfAvailable() != null;
    }

    /**
     * Emails a copy of a message to the staff member's address, if mail is on and they
     * have one.
     */
    void copy(UUID recipientId, String title, String body, String link) {
        if (!active()) {
            return;
        }
        String address;
        try {
            address = staff.emailOf(recipientId).orElse(null);
        }
        catch (RuntimeException e) {
            log.warn("No email for staff {}: address lookup failed", recipientId, e);
            return;
        }
        if (address == null) {
            return;
        }
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(address);
        mail.setSubject(title);
        mail.setText(text(title, body, link));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send(mail, recipientId);
                }
            });
        }
        else {
            send(mail, recipientId);
        }
    }

    /** The text of a mail: the title, the body, the link into Duban and the footer. */
    String text(String title, String body, String link) {
        StringBuilder text = new StringBuilder(title);
        if (body != null && !body.isBlank()) {
            text.append("\n\n").append(body);
        }
        if (link != null) {
            text.append("\n\n")
                .append(messages.getMessage("notification.mail.link", new Object[] { baseUrl + link }, Locale.CHINA));
        }
        text.append("\n\n").append(messages.getMessage("notification.mail.footer", null, Locale.CHINA));
        return text.toString();
    }

    private void send(SimpleMailMessage mail, UUID recipientId) {
        try {
            senders.getObject().send(mail);
        }
        catch (RuntimeException e) {
            log.warn("Email to staff {} failed; the in-app message stands", recipientId, e);
        }
    }

}
