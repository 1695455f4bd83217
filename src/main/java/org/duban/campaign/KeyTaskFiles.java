package org.duban.campaign;

import org.duban.security.CurrentUser;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.Sha256;
import org.duban.shared.UploadedFiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Files attached to key-task progress updates, in {@code key_task_file} (bytea), like the
 * ledger's evidence: at most {@value #MAX_FILES} per update and {@value #MAX_BYTES} bytes
 * each, the type decided by the first bytes (PDF, PNG, JPEG, Office Open XML/zip), the
 * name cleaned. Callers check the task's scope first.
 */
@Component
class KeyTaskFiles {

    static final int MAX_FILES = 5;
    static final long MAX_BYTES = 10L * 1024 * 1024;

    private static final Set<String> ACCEPTED = Set.of(UploadedFiles.PDF, UploadedFiles.PNG, UploadedFiles.JPEG,
            UploadedFiles.ZIP);

    /** A file a user sent, not yet checked. */
    record Upload(String fileName, byte[] content) {
    }

    record StoredFile(UUID id, UUID taskId, UUID progressId, String fileName, String contentType, long size,
            String sha256, String uploadedBy) {
    }

    private final JdbcClient jdbc;

    private final Clock clock;

    KeyTaskFiles(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Refuses the whole set if any file is empty, too large or of a refused type; returns
     * the checked types.
     */
    List<String> check(List<Upload> uploads) {
        if (uploads.size() > MAX_FILES) {
            throw new BusinessRuleViolation("keytask.file.tooMany", MAX_FILES);
        }
        return uploads.stream().map(u -> {
            if (u.content() == null || u.content().length == 0) {
                throw new BusinessRuleViolation("keytask.file.empty", UploadedFiles.safeName(u.fileName()));
            }
            if (u.content().length > MAX_BYTES) {
                throw new BusinessRuleViolation("keytask.file.tooLarge", UploadedFiles.safeName(u.fileName()),
                        MAX_BYTES / 1024 / 1024);
            }
            String type = UploadedFiles.contentType(u.content(), ACCEPTED);
            if (type == null) {
                throw new BusinessRuleViolation("keytask.file.typeRefused", UploadedFiles.safeName(u.fileName()));
            }
            return type;
        }).toList();
    }

    /** Stores files that {@link #check} accepted, with the types it returned for them. */
    void store(UUID taskId, UUID progressId, List<Upload> uploads, List<String> types) {
        for (int i = 0; i < uploads.size(); i++) {
            Upload u = uploads.get(i);
            jdbc.sql("""
                    insert into key_task_file (id, task_id, progress_id, file_name, content_type, size, sha256,
                                               content, uploaded_by, uploaded_at)
                    values (:id, :task, :progress, :name, :type, :size, :sha, :content, :by, :at)
                    """)
                .param("id", UUID.randomUUID())
                .param("task", taskId)
                .param("progress", progressId)
                .param("name", UploadedFiles.safeName(u.fileName()))
                .param("type", types.get(i))
                .param("size", u.content().length)
                .param("sha", Sha256.hex(u.content()))
                .param("content", u.content())
                .param("by", CurrentUser.actor())
                .param("at", Timestamp.from(clock.instant()))
                .update();
        }
    }

    List<StoredFile> list(UUID taskId) {
        return jdbc.sql("""
                select id, task_id, progress_id, file_name, content_type, size, sha256, uploaded_by
                from key_task_file where task_id = :t order by uploaded_at, file_name
                """).param("t", taskId).query(KeyTaskFiles::map).list();
    }

    Optional<StoredFile> describe(UUID taskId, UUID fileId) {
        return jdbc.sql("""
                select id, task_id, progress_id, file_name, content_type, size, sha256, uploaded_by
                from key_task_file where id = :id and task_id = :t
                """).param("id", fileId).param("t", taskId).query(KeyTaskFiles::map).optional();
    }

    byte[] content(UUID fileId) {
        return jdbc.sql("select content from key_task_file where id = :id")
            .param("id", fileId)
            .query(byte[].class)
            .single();
    }

    private static StoredFile map(ResultSet rs, int n) throws SQLException {
        return new StoredFile(rs.getObject("id", UUID.class), rs.getObject("task_id", UUID.class),
                rs.getObject("progress_id", UUID.class), rs.getString("file_name"), rs.getString("content_type"),
                rs.getLong("size"), rs.getString("sha256"), rs.getString("uploaded_by"));
    }

}
