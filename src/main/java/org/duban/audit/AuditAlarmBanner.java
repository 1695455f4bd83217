package org.duban.audit;

import org.duban.security.CurrentUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.List;

/**
 * Puts the audit chain's alarms into every page of those who may read the audit log
 * (administrators, auditors).
 */
@ControllerAdvice
class AuditAlarmBanner {

    private final AuditAlarms alarms;

    AuditAlarmBanner(AuditAlarms alarms) {
        this.alarms = alarms;
    }

    @ModelAttribute("auditAlarms")
    List<AuditAlarms.Alarm> auditAlarms() {
        boolean reader = CurrentUser.get().map(user -> user.can(AuditRoutes.READ)).orElse(false);
        return reader ? alarms.recent() : List.of();
    }

}
