/**
 * 一线执法人员呼声: an internal suggestion box. Any staff member may write, in their own name or
 * anonymously inside the bureau (then only their unit is kept, never who wrote it); the
 * work team answers; the numbers go into the reports' figures.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Suggestions")
package org.duban.suggestion;
