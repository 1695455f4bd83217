package org.duban.reporting;

/**
 * 月报 (before each month's end), 专题报告 on accountability and fault-tolerance, 工作总结 (before
 * 1 October).
 */
public enum ReportKind {

    MONTHLY, SPECIAL, SUMMARY

}
