package org.duban.campaign;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A bureau submitted a report of the campaign to its superior. Published by the reporting
 * module inside the submission's transaction; the key-task plan accepts the tasks that
 * this report fulfils. Declared here because reporting already depends on the campaign
 * module (the reverse would be a cycle).
 *
 * @param period the report's period (the first day of the month for a monthly report)
 */
public record ReportSubmitted(UUID campaignId, UUID reportId, KeyTaskReportKind kind, LocalDate period,
        String documentNumber, String title) {
}
