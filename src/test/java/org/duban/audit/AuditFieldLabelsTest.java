package org.duban.audit;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log shows a change field by field, old → new; every field that the
 * demonstration's (and the tests') audited changes hold is named in words, in Chinese and
 * in English, not by the code the module wrote.
 */
@DubanTest
class AuditFieldLabelsTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    @Test
    void everyFieldOfAnAuditedChangeHasALabel() {
        // Read as the page reads them (AuditEntry.changes), field by field.
        List<String> fields = jdbc.sql("select * from audit_log")
            .query((rs, n) -> AuditEntry.from(rs))
            .list()
            .stream()
            .flatMap(e -> e.changes().stream())
            .map(AuditEntry.FieldChange::field)
            .filter(f -> !f.isEmpty())
            .distinct()
            .sorted()
            .toList();
        assertThat(fields).as("the demonstration audits changes field by field").isNotEmpty();
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            List<String> unlabelled = fields.stream()
                .filter(f -> messages.getMessage("audit.change." + f, null, null, locale) == null)
                .toList();
            assertThat(unlabelled).as("fields without a label in %s", locale).isEmpty();
        }
    }

}
