package org.duban.inspection;

import org.duban.audit.AuditEvent;
import org.duban.organization.DataScope;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Evidence files on findings. Every access goes through {@link Inspections#finding}, so a
 * file is exactly as visible as its inspection: scoped to the owner units, and for an
 * unannounced visit the work team only until it is closed (anyone else gets 404). Files
 * are added while the inspection is open and never changed or removed.
 */
@Service
class FindingEvidence {

    private final Inspections inspections;

    private final FindingEvidenceStore store;

    private final ApplicationEventPublisher events;

    FindingEvidence(Inspections inspections, FindingEvidenceStore store, ApplicationEventPublisher events) {
        this.inspections = inspections;
        this.store = store;
        this.events = events;
    }

    @Transactional
    UUID attach(UUID inspectionId, UUID findingId, String fileName, byte[] content, DataScope scope) {
        inspections.finding(inspectionId, findingId, scope);
        if (inspections.get(inspectionId, scope).closed()) {
            throw new BusinessRuleViolation("inspection.closed");
        }
        UUID fileId = store.store(findingId, fileName, content);
        FindingEvidenceStore.StoredFile file = store.describe(fileId).orElseThrow();
        events.publishEvent(AuditEvent.change("inspection.evidence.added", "inspection_evidence_file", fileId, Map.of(),
                Map.of("findingId", findingId.toString(), "fileName", file.fileName(), "contentType",
                        file.contentType(), "size", file.size(), "sha256", file.sha256())));
        return fileId;
    }

    @Transactional(readOnly = true)
    Map<UUID, List<FindingEvidenceStore.StoredFile>> files(Inspection inspection) {
        return store.list(inspection.findings().stream().map(Inspection.Finding::id).toList());
    }

    /**
     * The file's description, after checking that the caller may see its inspection and
     * finding.
     */
    @Transactional(readOnly = true)
    FindingEvidenceStore.StoredFile describe(UUID inspectionId, UUID findingId, UUID fileId, DataScope scope) {
        inspections.finding(inspectionId, findingId, scope);
        return store.describe(fileId)
            .filter(f -> f.findingId().equals(findingId))
            .orElseThrow(() -> new NotFoundException("file " + fileId));
    }

    byte[] content(FindingEvidenceStore.StoredFile file) {
        return store.content(file.id());
    }

}
