package org.duban.todo;

import org.duban.campaign.KeyTaskAwaitingAcceptance;
import org.duban.campaign.KeyTaskHandedOver;
import org.duban.complaint.ComplaintTransitioned;
import org.duban.inspection.DrawTransitioned;
import org.duban.ledger.AccountabilityDecided;
import org.duban.handdown.HandDownTransitioned;
import org.duban.ledger.AccountabilityProposed;
import org.duban.ledger.ProblemTransitioned;
import org.duban.notification.Notifications;
import org.duban.reporting.ReportTransitioned;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Sends the notice of each hand-over to the people at the desk it lands on. Each listener
 * is an {@link ApplicationModuleListener}: it runs after the business transaction
 * committed, in its own transaction, and the event publication registry keeps the
 * publication until it completed, so a notice interrupted by a crash is sent after the
 * restart. The notice's dedup key is the event's id: a repeated delivery stores nothing
 * twice.
 */
@Component
class HandOverNotices {

    private final HandOvers handOvers;

    private final Recipients recipients;

    private final Notifications notifications;

    private final MessageSource messages;

    HandOverNotices(HandOvers handOvers, Recipients recipients, Notifications notifications, MessageSource messages) {
        this.handOvers = handOvers;
        this.recipients = recipients;
        this.notifications = notifications;
        this.messages = messages;
    }

    @ApplicationModuleListener
    void on(ProblemTransitioned event) {
        handOvers.of(event).ifPresent(this::send);
    }

    @ApplicationModuleListener
    void on(ComplaintTransitioned event) {
        handOvers.of(event).ifPresent(this::send);
    }

    @ApplicationModuleListener
    void on(ReportTransitioned event) {
        handOvers.of(event).ifPresent(this::send);
    }

    @ApplicationModuleListener
    void on(KeyTaskHandedOver event) {
        handOvers.of(event).ifPresent(this::send);
    }

    @ApplicationModuleListener
    void on(KeyTaskAwaitingAcceptance event) {
        handOvers.of(event).ifPresent(this::send);
    }

    @ApplicationModuleListener
    void on(AccountabilityProposed event) {
        handOvers.of(event).ifPresent(this::send);
    }

    @ApplicationModuleListener
    void on(AccountabilityDecided event) {
        handOvers.of(event).ifPresent(this::send);
    }

    @ApplicationModuleListener
    void on(DrawTransitioned event) {
        handOvers.of(event).ifPresent(this::send);
    }

    @ApplicationModuleListener
    void on(HandDownTransitioned event) {
        handOvers.of(event).ifPresent(this::send);
    }

    /** Who gets the notice (exposed for the table-driven test of the hand-over rules). */
    List<UUID> recipientsOf(HandOvers.Notice notice) {
        return recipients.of(notice.desks(), notice.confidential(), notice.actor(), notice.person(),
                notice.personUnit(), notice.readPermission());
    }

    private void send(HandOvers.Notice notice) {
        String title = messages.getMessage(notice.messageKey(), notice.args().toArray(), Locale.CHINA);
        for (UUID staff : recipientsOf(notice)) {
            notifications.notify(staff, notice.kind(), title, null, notice.link(), "event:" + notice.eventId(),
                    notice.urgent());
        }
        // The bureau's group sees every hand-over, except clues: those stay with who may
        // read them.
        if (!notice.confidential()) {
            notifications.broadcast(title, notice.link(), "event:" + notice.eventId());
        }
    }

}
