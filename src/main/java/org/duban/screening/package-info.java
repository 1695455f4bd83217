/**
 * Risk screening of enforcement cases (SCREENING.md): imports the agencies' penalty cases
 * and the penalty benchmark (CSV or XLSX, English or Chinese headers, streamed and loaded
 * by PostgreSQL COPY into a staging table, then upserted set-based with history), runs
 * the rules as set-based SQL in the database, records every run, and lets reviewers
 * explain, drill into, dismiss or turn findings into ledger problems. The same screening
 * runs from the command line ({@code screen}). Choices where the contract is silent are
 * in {@code docs/screening.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Screening")
package org.duban.screening;
