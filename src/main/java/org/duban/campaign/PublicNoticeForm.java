package org.duban.campaign;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;
import java.util.UUID;

/** A bureau's public notice as typed into the staff form. */
public record PublicNoticeForm(@NotNull(message = "{publicNotice.intakeRequired}") UUID intakeUnitId,
        @NotBlank(message = "{publicNotice.titleRequired}") @Size(max = 200,
                message = "{publicNotice.tooLong}") String title,
        @Size(max = 60, message = "{publicNotice.tooLong}") String documentNumber,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate publishedOn,
        @NotBlank(message = "{publicNotice.bodyRequired}") @Size(max = 20_000,
                message = "{publicNotice.tooLong}") String body,
        @Size(max = 200, message = "{publicNotice.tooLong}") String hotlines,
        @Size(max = 200, message = "{publicNotice.tooLong}") String mailbox,
        @Size(max = 200, message = "{publicNotice.tooLong}") String address,
        @Size(max = 200, message = "{publicNotice.tooLong}") String officeHours, Long version) {

    static PublicNoticeForm of(PublicNotice n) {
        return new PublicNoticeForm(n.intakeUnitId(), n.title(), n.documentNumber(), n.publishedOn(), n.body(),
                n.hotlines(), n.mailbox(), n.address(), n.officeHours(), n.version());
    }
}
