package org.duban.campaign;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Create or edit a key task; {@code version} is the version the user saw (null when
 * creating). The acceptor is a staff login (empty: the leading group accepts); the
 * fulfilling report is a kind and, for a monthly report, the month it covers.
 */
public record KeyTaskForm(@NotNull UUID campaignId, @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String description, Phase phase, @NotNull UUID ownerUnitId,
        @Size(max = 50) String ownerPerson, @Size(max = 300) String coUnits,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
        @Size(max = 4000) String acceptanceStandard, @Size(max = 4000) String deliverable,
        @Size(max = 50) String acceptorLogin, KeyTaskReportKind fulfilledByKind,
        @DateTimeFormat(pattern = "yyyy-MM") java.time.YearMonth fulfilledByMonth, Long version) {

    static KeyTaskForm of(KeyTask t) {
        return new KeyTaskForm(t.campaignId(), t.title(), t.description(), t.phase(), t.ownerUnitId(), t.ownerPerson(),
                t.coUnits(), t.startsOn(), t.deadline(), t.acceptanceStandard(), t.deliverable(), t.acceptorLogin(),
                t.fulfilledByKind(),
                t.fulfilledByPeriod() == null ? null : java.time.YearMonth.from(t.fulfilledByPeriod()), t.version());
    }

    /**
     * A task without acceptor, fulfilling report or version (import, demonstration data).
     */
    static KeyTaskForm plain(UUID campaignId, String title, Phase phase, UUID ownerUnitId, String ownerPerson,
            String coUnits, LocalDate startsOn, LocalDate deadline, String acceptanceStandard, String deliverable) {
        return new KeyTaskForm(campaignId, title, null, phase, ownerUnitId, ownerPerson, coUnits, startsOn, deadline,
                acceptanceStandard, deliverable, null, null, null, null);
    }
}
