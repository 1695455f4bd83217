/**
 * Dashboard and reports: the campaign's goal figures (per county side by side for the
 * city bureau), monthly reports, the special report on accountability and fault-tolerance
 * and the summary, drafted from the data, approved by the leading group, submitted upward
 * as frozen versions and exported as official documents laid out per GB/T 9704-2012.
 * Choices where the issue is silent are in docs/reporting.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting")
package org.duban.reporting;
