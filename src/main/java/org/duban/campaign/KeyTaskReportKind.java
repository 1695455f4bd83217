package org.duban.campaign;

/**
 * The report that fulfils a key task such as "报送7月工作情况": submitting it accepts the task.
 * The same three kinds as the reporting module's reports (月报, 专题报告, 工作总结); kept here so
 * that the campaign module does not depend on reporting, which depends on it.
 */
public enum KeyTaskReportKind {

    MONTHLY, SPECIAL, SUMMARY

}
