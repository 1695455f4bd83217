package org.duban.inspection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where evidence files of inspection findings live. The one implementation keeps them in
 * the database ({@link DatabaseFindingEvidenceStore}); an object store could replace it
 * without touching the rest of the module. Callers check the inspection's visibility
 * first: the store itself knows nothing about confidentiality.
 */
interface FindingEvidenceStore {

    /** Largest accepted file. */
    long MAX_BYTES = 10L * 1024 * 1024;

    record StoredFile(UUID id, UUID findingId, String fileName, String contentType, long size, String sha256,
            String uploadedBy, Instant uploadedAt) {
    }

    /**
     * Stores a file after checking size and type (by content, not by name); refuses
     * others.
     */
    UUID store(UUID findingId, String fileName, byte[] content);

    /** The files of these findings, per finding, in upload order. */
    Map<UUID, List<StoredFile>> list(List<UUID> findingIds);

    Optional<StoredFile> describe(UUID fileId);

    byte[] content(UUID fileId);

}
