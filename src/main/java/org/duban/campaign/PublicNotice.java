package org.duban.campaign;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A bureau's public notice (通告): what the public reads about the campaign and how to
 * reach the bureau. Not the implementation plan, which is internal
 * ({@link Campaign#noticeText()}).
 */
public record PublicNotice(UUID bureauUnitId, UUID intakeUnitId, String title, String documentNumber,
        LocalDate publishedOn, String body, String hotlines, String mailbox, String address, String officeHours,
        long version) {
}
