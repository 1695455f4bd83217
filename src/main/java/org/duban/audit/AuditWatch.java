package org.duban.audit;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.duban.shared.BureauClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Every night: seals what is pending, verifies the whole chain, raises an alarm for each
 * problem, and, when the chain is intact, anchors the day's head outside the database
 * (the anchor file, and an email where {@code duban.audit.anchor-email} names a recipient
 * and mail is configured).
 */
@Component
class AuditWatch {

    private static final Logger log = LoggerFactory.getLogger(AuditWatch.class);

    private final AuditSealer sealer;

    private final AuditTrail trail;

    private final AuditAnchors anchors;

    private final AuditAlarms alarms;

    private final ObjectProvider<JavaMailSender> mail;

    private final BureauClock bureauClock;

    private final String email;

    private final String from;

    AuditWatch(AuditSealer sealer, AuditTrail trail, AuditAnchors anchors, AuditAlarms alarms,
            ObjectProvider<JavaMailSender> mail, BureauClock bureauClock,
            @Value("${duban.audit.anchor-email:}") String email,
            @Value("${duban.mail.from:duban@localhost}") String from) {
        this.sealer = sealer;
        this.trail = trail;
        this.anchors = anchors;
        this.alarms = alarms;
        this.mail = mail;
        this.bureauClock = bureauClock;
        this.email = email;
        this.from = from;
    }

    @Scheduled(cron = "${duban.audit.verify-cron:0 30 2 * * *}",
            zone = "${duban.zone:" + BureauClock.DEFAULT_ZONE + "}")
    @SchedulerLock(name = "audit-verify", lockAtMostFor = "PT1H")
    void nightly() {
        check();
    }

    /**
     * Returns the verification; anchors the head only when the chain is intact (never
     * launders a broken one).
     */
    AuditTrail.Verification check() {
        sealer.sealNow();
        AuditTrail.Verification verification = trail.verify();
        if (!verification.intact()) {
            alarms.raise(verification.problems());
            return verification;
        }
        LocalDate today = bureauClock.today();
        Optional<AuditAnchors.Anchor> head = trail.head(today);
        head.ifPresent(anchor -> {
            anchors.append(anchor);
            send(anchor);
            log.info("Audit chain intact; anchored head {} of {}", anchor.position(), anchor.day());
        });
        return verification;
    }

    private void send(AuditAnchors.Anchor anchor) {
        JavaMailSender sender = mail.getIfAvailable();
        if (email == null || email.isBlank() || sender == null) {
            return;
        }
        try {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(email);
            message.setSubject("Duban audit anchor " + anchor.day());
            message.setText(anchor.line() + "\n");
            sender.send(message);
        }
        catch (RuntimeException e) {
            // The file anchor is written; a mail server being away must not stop the
            // verification.
            log.warn("Sending the audit anchor by email failed: {}", e.getMessage());
        }
    }

}
