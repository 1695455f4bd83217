package org.duban.typicalcase;

import org.duban.shared.BusinessRuleViolation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A typical case and its life cycle: edited while a draft, approved by the leading group,
 * published (anonymised text only) and withdrawn again. Each action checks the status and
 * refuses with a named reason.
 */
public record TypicalCase(UUID id, UUID unitId, UUID problemId, String problemReference, TypicalCaseKind kind,
        TypicalCaseSource source, String title, String summary, String lessons, String publicTitle, String publicText,
        TypicalCaseStatus status, String approvedBy, Instant approvedAt, LocalDate publishedOn, long version,
        String createdBy, Instant createdAt) {

    /**
     * An edit: a draft stays a draft, an approved case goes back to the leading group; a
     * published one is fixed.
     */
    public TypicalCaseStatus edit() {
        if (status == TypicalCaseStatus.PUBLISHED) {
            throw new BusinessRuleViolation("typicalcase.transition.published");
        }
        return TypicalCaseStatus.DRAFT;
    }

    /**
     * The leading group approves the case and its public text, which must already be free
     * of personal data.
     */
    public TypicalCaseStatus approve(List<String> names) {
        if (status != TypicalCaseStatus.DRAFT) {
            throw new BusinessRuleViolation("typicalcase.approve.notDraft");
        }
        refusePersonalData(names);
        return TypicalCaseStatus.APPROVED;
    }

    /**
     * Publication needs an approved case and a public title and text free of the source's
     * personal data.
     */
    public TypicalCaseStatus publish(List<String> names) {
        if (status != TypicalCaseStatus.APPROVED) {
            throw new BusinessRuleViolation("typicalcase.publish.notApproved");
        }
        if (publicTitle == null || publicTitle.isBlank() || publicText == null || publicText.isBlank()) {
            throw new BusinessRuleViolation("typicalcase.publish.textRequired");
        }
        refusePersonalData(names);
        return TypicalCaseStatus.PUBLISHED;
    }

    private void refusePersonalData(List<String> names) {
        List<String> found = PersonalData
            .found((publicTitle == null ? "" : publicTitle) + "\n" + (publicText == null ? "" : publicText), names);
        if (!found.isEmpty()) {
            throw new BusinessRuleViolation(found.get(0));
        }
    }

    public TypicalCaseStatus withdraw() {
        if (status != TypicalCaseStatus.PUBLISHED) {
            throw new BusinessRuleViolation("typicalcase.withdraw.notPublished");
        }
        return TypicalCaseStatus.APPROVED;
    }
}
