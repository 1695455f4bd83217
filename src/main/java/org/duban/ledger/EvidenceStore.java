package org.duban.ledger;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where evidence files live. The one implementation keeps them in the database
 * ({@link DatabaseEvidenceStore}); an object store could replace it without touching the
 * ledger.
 */
public interface EvidenceStore {

    /** Largest accepted file. */
    long MAX_BYTES = 10L * 1024 * 1024;

    enum Purpose {

        CLUE, RECTIFICATION

    }

    record StoredFile(UUID id, UUID problemId, Purpose purpose, String fileName, String contentType, long size,
            String sha256, String uploadedBy, java.time.Instant uploadedAt) {
    }

    /**
     * Stores a file after checking size and type (by content, not by name); refuses
     * others.
     */
    UUID store(UUID problemId, Purpose purpose, String fileName, byte[] content);

    List<StoredFile> list(UUID problemId);

    int count(UUID problemId, Purpose purpose);

    Optional<StoredFile> describe(UUID fileId);

    byte[] content(UUID fileId);

}
