package org.duban.organization;

import org.duban.audit.AuditFieldNames;
import org.duban.audit.AuditObjectNames;
import org.duban.audit.CodedFields.Coded;
import org.duban.audit.CodedFields;
import org.duban.security.ScopeKind;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Units, staff and roles in the operation log: a unit and a person by name (a sign-in is
 * written with the login typed, a change with the staff id: both are named), a role by
 * its label.
 */
@Configuration(proxyBeanMethods = false)
class OrganizationAuditNames {

    @Bean
    AuditObjectNames unitObjectNames() {
        return AuditObjectNames.column("org_unit", "org_unit", "name");
    }

    @Bean
    AuditObjectNames staffObjectNames() {
        return AuditObjectNames.of("staff", """
                select id::text as id, name from staff where id::text = any(:ids)
                union all
                select login as id, name from staff where login = any(:ids)
                """);
    }

    @Bean
    AuditObjectNames roleObjectNames() {
        return AuditObjectNames.labelled("role", "role.");
    }

    /** What the log shows for the codes in this record's audited changes (ADR 0416). */
    @Bean
    AuditFieldNames unitCodes(MessageSource messages) {
        return new CodedFields("org_unit", messages, Coded.of("kind", "unit.kind.", UnitKind.class));
    }

    /** What the log shows for the codes in this record's audited changes (ADR 0416). */
    @Bean
    AuditFieldNames roleScopeCodes(MessageSource messages) {
        return new CodedFields("role", messages, Coded.of("scope", "scope.", ScopeKind.class));
    }

    /**
     * A role's permissions are audited as the list of codes before and after; the log
     * shows each by what it lets a person do.
     */
    @Bean
    AuditFieldNames rolePermissionNames(MessageSource messages) {
        return new AuditFieldNames() {

            @Override
            public String objectType() {
                return "role";
            }

            @Override
            public String field(String field, Locale locale) {
                return null;
            }

            @Override
            public String value(String field, String value, Locale locale) {
                if (!field.equals("permissions") || !value.startsWith("[") || !value.endsWith("]")) {
                    return null;
                }
                String list = value.substring(1, value.length() - 1).strip();
                return list.isEmpty() ? "" : Arrays.stream(list.split(",\\s*"))
                    .map(p -> messages.getMessage("permission." + p, null, p, locale))
                    .collect(
                            Collectors.joining(Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? "、" : ", "));
            }

        };
    }

}
