package org.duban.complaint;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;

import java.time.LocalDate;

/**
 * The complaint form, on the public portal and for staff registering a call, letter, visit or referral
 * ({@code channel} is used only there). Wrapper types so that a missing checkbox binds as null, not as an error.
 */
record ComplaintForm(ComplaintType type, String content, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredOn,
                     String location, String unitConcerned, Boolean anonymous, String name, String phone,
                     Boolean consent, String idempotencyKey, Channel channel) {

    static ComplaintForm empty(String idempotencyKey) {
        return new ComplaintForm(null, "", null, "", "", false, "", "", false, idempotencyKey, null);
    }

    boolean isAnonymous() {
        return Boolean.TRUE.equals(anonymous);
    }

    NewComplaint toNewComplaint() {
        return new NewComplaint(type, content, occurredOn, location, unitConcerned, isAnonymous(), name, phone);
    }

    /** Server-side checks; each failure is a message key on its field. */
    void validate(Errors errors, LocalDate today, boolean requireConsent) {
        if (type == null && !errors.hasFieldErrors("type")) {
            errors.rejectValue("type", "complaint.form.typeRequired");
        }
        if (content == null || content.isBlank()) {
            errors.rejectValue("content", "complaint.form.contentRequired");
        } else if (content.length() > 5000) {
            errors.rejectValue("content", "complaint.form.tooLong", new Object[]{5000}, null);
        } else if (!cleanText(content)) {
            errors.rejectValue("content", "complaint.form.characters");
        }
        if (occurredOn != null && occurredOn.isAfter(today)) {
            errors.rejectValue("occurredOn", "complaint.form.dateInFuture");
        }
        limit(errors, "location", location, 200);
        limit(errors, "unitConcerned", unitConcerned, 200);
        if (!isAnonymous()) {
            limit(errors, "name", name, 50);
            limit(errors, "phone", phone, 30);
            if (phone != null && !phone.matches("[0-9+\\- ()]*")) {
                errors.rejectValue("phone", "complaint.form.phone");
            }
        }
        if (requireConsent && !Boolean.TRUE.equals(consent)) {
            errors.rejectValue("consent", "complaint.form.consentRequired");
        }
        if (idempotencyKey != null && (idempotencyKey.length() > 200
                || !idempotencyKey.chars().allMatch(c -> c > 32 && c < 127))) {
            errors.reject("complaint.form.expired");
        }
    }

    private static void limit(Errors errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.rejectValue(field, "complaint.form.tooLong", new Object[]{max}, null);
        } else if (value != null && !cleanText(value)) {
            errors.rejectValue(field, "complaint.form.characters");
        }
    }

    /** No control characters except line breaks and tabs, no lone surrogates (broken Unicode). */
    static boolean cleanText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
