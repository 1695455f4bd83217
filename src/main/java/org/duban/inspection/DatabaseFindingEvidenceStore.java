package org.duban.inspection;

import org.duban.shared.UploadedFiles;
import org.duban.security.CurrentUser;
import org.duban.shared.BusinessRuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Evidence files in the {@code inspection_evidence_file} table; the type is decided by
 * the file's first bytes.
 */
@Component
class DatabaseFindingEvidenceStore implements FindingEvidenceStore {

    private static final String COLUMNS = "id, finding_id, file_name, content_type, size, sha256, uploaded_by, uploaded_at";

    private static final java.util.Set<String> ACCEPTED = java.util.Set.of(UploadedFiles.JPEG, UploadedFiles.PNG,
            UploadedFiles.PDF);

    private final JdbcClient jdbc;

    private final Clock clock;

    DatabaseFindingEvidenceStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public UUID store(UUID findingId, String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw new BusinessRuleViolation("inspection.evidence.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new BusinessRuleViolation("inspection.evidence.tooLarge", MAX_BYTES / 1024 / 1024);
        }
        String type = UploadedFiles.contentType(content, ACCEPTED);
        if (type == null) {
            throw new BusinessRuleViolation("inspection.evidence.typeRefused");
        }
        String name = UploadedFiles.safeName(fileName);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into inspection_evidence_file (id, finding_id, file_name, content_type, size, sha256, content,
                                                      uploaded_by, uploaded_at)
                values (:id, :finding, :name, :type, :size, :sha, :content, :by, :at)
                """)
            .param("id", id)
            .param("finding", findingId)
            .param("name", name)
            .param("type", type)
            .param("size", content.length)
            .param("sha", Canonical.sha256Hex(content))
            .param("content", content)
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .update();
        return id;
    }

    @Override
    public Map<UUID, List<StoredFile>> list(List<UUID> findingIds) {
        Map<UUID, List<StoredFile>> byFinding = new LinkedHashMap<>();
        if (findingIds.isEmpty()) {
            return byFinding;
        }
        jdbc.sql("select " + COLUMNS
                + " from inspection_evidence_file where finding_id in (:ids) order by uploaded_at, id")
            .param("ids", findingIds)
            .query(DatabaseFindingEvidenceStore::map)
            .list()
            .forEach(f -> byFinding.computeIfAbsent(f.findingId(), k -> new java.util.ArrayList<>()).add(f));
        return byFinding;
    }

    @Override
    public Optional<StoredFile> describe(UUID fileId) {
        return jdbc.sql("select " + COLUMNS + " from inspection_evidence_file where id = :id")
            .param("id", fileId)
            .query(DatabaseFindingEvidenceStore::map)
            .optional();
    }

    @Override
    public byte[] content(UUID fileId) {
        return jdbc.sql("select content from inspection_evidence_file where id = :id")
            .param("id", fileId)
            .query(byte[].class)
            .single();
    }

    private static StoredFile map(ResultSet rs, int n) throws SQLException {
        return new StoredFile(rs.getObject("id", UUID.class), rs.getObject("finding_id", UUID.class),
                rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size"), rs.getString("sha256"),
                rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());
    }

}
