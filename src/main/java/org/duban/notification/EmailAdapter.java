package org.duban.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Email from the outbox, through the SMTP server of {@code spring.mail.*}, when
 * {@code duban.mail.enabled}.
 */
@Component
class EmailAdapter implements ChannelAdapter {

    private final ObjectProvider<JavaMailSender> senders;

    private final boolean enabled;

    private final String from;

    EmailAdapter(ObjectProvider<JavaMailSender> senders, @Value("${duban.mail.enabled:false}") boolean enabled,
            @Value("${duban.mail.from:duban@localhost}") String from) {
        this.senders = senders;
        this.enabled = enabled;
        this.from = from;
    }

    @Override
    public OutboxChannel channel() {
        return OutboxChannel.EMAIL;
    }

    @Override
    public boolean enabled() {
        return enabled && senders.getIfAvailable() != null;
    }

    @Override
    public Outcome deliver(OutboxMessage message) {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(message.address());
        mail.setSubject(message.subject());
        mail.setText(message.payload());
        try {
            senders.getObject().send(mail);
            return Outcome.ok(null);
        }
        catch (MailException e) {
            return Outcome.failed(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

}
