package org.duban.ledger;

import org.duban.shared.Sha256;
import org.duban.shared.UploadedFiles;
import org.duban.security.CurrentUser;
import org.duban.shared.BusinessRuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Evidence files in the {@code ledger_file} table; the type is decided by the file's
 * first bytes.
 */
@Component
class DatabaseEvidenceStore implements EvidenceStore {

    private static final java.util.Set<String> ACCEPTED = java.util.Set.of(UploadedFiles.PDF, UploadedFiles.PNG,
            UploadedFiles.JPEG, UploadedFiles.ZIP);

    private final JdbcClient jdbc;

    private final Clock clock;

    DatabaseEvidenceStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public UUID store(UUID problemId, Purpose purpose, String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw new BusinessRuleViolation("evidence.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new BusinessRuleViolation("evidence.tooLarge", MAX_BYTES / 1024 / 1024);
        }
        String type = UploadedFiles.contentType(content, ACCEPTED);
        if (type == null) {
            throw new BusinessRuleViolation("evidence.typeRefused");
        }
        String name = UploadedFiles.safeName(fileName);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into ledger_file (id, problem_id, purpose, file_name, content_type, size, sha256, content,
                                         uploaded_by, uploaded_at)
                values (:id, :problem, :purpose, :name, :type, :size, :sha, :content, :by, :at)
                """)
            .param("id", id)
            .param("problem", problemId)
            .param("purpose", purpose.name())
            .param("name", name)
            .param("type", type)
            .param("size", content.length)
            .param("sha", Sha256.hex(content))
            .param("content", content)
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .update();
        return id;
    }

    @Override
    public List<StoredFile> list(UUID problemId) {
        return jdbc.sql("""
                select id, problem_id, purpose, file_name, content_type, size, sha256, uploaded_by, uploaded_at
                from ledger_file where problem_id = :p order by uploaded_at
                """).param("p", problemId).query(DatabaseEvidenceStore::map).list();
    }

    @Override
    public int count(UUID problemId, Purpose purpose) {
        return jdbc.sql("select count(*) from ledger_file where problem_id = :p and purpose = :purpose")
            .param("p", problemId)
            .param("purpose", purpose.name())
            .query(Integer.class)
            .single();
    }

    @Override
    public Optional<StoredFile> describe(UUID fileId) {
        return jdbc.sql("""
                select id, problem_id, purpose, file_name, content_type, size, sha256, uploaded_by, uploaded_at
                from ledger_file where id = :id
                """).param("id", fileId).query(DatabaseEvidenceStore::map).optional();
    }

    @Override
    public byte[] content(UUID fileId) {
        return jdbc.sql("select content from ledger_file where id = :id")
            .param("id", fileId)
            .query(byte[].class)
            .single();
    }

    private static StoredFile map(ResultSet rs, int n) throws SQLException {
        return new StoredFile(rs.getObject("id", UUID.class), rs.getObject("problem_id", UUID.class),
                Purpose.valueOf(rs.getString("purpose")), rs.getString("file_name"), rs.getString("content_type"),
                rs.getLong("size"), rs.getString("sha256"), rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant());
    }

}
