/**
 * The operation log: who did what, when, to which object, with old and new values and the
 * outcome. Written from events in the same transaction as the change; append-only and
 * hash-chained so that tampering is detected.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.duban.audit;
