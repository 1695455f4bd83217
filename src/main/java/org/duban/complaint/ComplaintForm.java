package org.duban.complaint;

import org.springframework.validation.Errors;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;

/**
 * The complaint form, on the public portal and for staff registering a call, letter,
 * visit or referral ({@code channel} is used only there). Every field binds as text and
 * is parsed in {@link #validate}, so that no value can fail binding and leave the form
 * without an object to re-render.
 */
record ComplaintForm(String type, String content, String occurredOn, String location, String unitConcerned,
        String anonymous, String name, String phone, String consent, String idempotencyKey, String channel,
        String bureau) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
        .withResolverStyle(ResolverStyle.STRICT);

    /**
     * An empty public form addressed to one bureau (its code travels in a hidden field).
     */
    static ComplaintForm emptyFor(String bureau, String idempotencyKey) {
        return new ComplaintForm(null, "", null, "", "", null, "", "", null, idempotencyKey, null, bureau);
    }

    static ComplaintForm empty(String idempotencyKey) {
        return new ComplaintForm(null, "", null, "", "", null, "", "", null, idempotencyKey, null, null);
    }

    boolean isAnonymous() {
        return "true".equals(anonymous);
    }

    /** Call after {@link #validate} found no errors. */
    NewComplaint toNewComplaint() {
        return new NewComplaint(ComplaintType.valueOf(type), content, date(), location, unitConcerned, isAnonymous(),
                name, phone);
    }

    Channel parsedChannel() {
        return Arrays.stream(Channel.values()).filter(c -> c.name().equals(channel)).findFirst().orElse(null);
    }

    private LocalDate date() {
        try {
            return occurredOn == null || occurredOn.isBlank() ? null : LocalDate.parse(occurredOn.strip(), DATE);
        }
        catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Server-side checks; each failure is a message key on its field. */
    void validate(Errors errors, LocalDate today, boolean requireConsent) {
        if (type == null || type.isBlank()) {
            errors.rejectValue("type", "complaint.form.typeRequired");
        }
        else if (Arrays.stream(ComplaintType.values()).noneMatch(t -> t.name().equals(type))) {
            errors.rejectValue("type", "complaint.form.typeInvalid");
        }
        if (content == null || content.isBlank()) {
            errors.rejectValue("content", "complaint.form.contentRequired");
        }
        else if (content.length() > 5000) {
            errors.rejectValue("content", "complaint.form.tooLong", new Object[] { 5000 }, null);
        }
        else if (!cleanText(content)) {
            errors.rejectValue("content", "complaint.form.characters");
        }
        if (occurredOn != null && !occurredOn.isBlank()) {
            LocalDate date = date();
            if (date == null) {
                errors.rejectValue("occurredOn", "complaint.form.dateInvalid");
            }
            else if (date.isAfter(today)) {
                errors.rejectValue("occurredOn", "complaint.form.dateInFuture");
            }
        }
        limit(errors, "location", location, 200);
        limit(errors, "unitConcerned", unitConcerned, 200);
        if (!isAnonymous()) {
            limit(errors, "name", name, 50);
            limit(errors, "phone", phone, 30);
            // Replies go out by SMS: only a mainland mobile number can receive them.
            if (phone != null && !phone.isBlank() && !org.duban.notification.MobileNumbers.isMobile(phone)) {
                errors.rejectValue("phone", "complaint.form.phone");
            }
        }
        if (requireConsent && !"true".equals(consent)) {
            errors.rejectValue("consent", "complaint.form.consentRequired");
        }
        if (idempotencyKey != null
                && (idempotencyKey.length() > 200 || !idempotencyKey.chars().allMatch(c -> c > 32 && c < 127))) {
            errors.reject("complaint.form.expired");
        }
    }

    private static void limit(Errors errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.rejectValue(field, "complaint.form.tooLong", new Object[] { max }, null);
        }
        else if (value != null && !cleanText(value)) {
            errors.rejectValue(field, "complaint.form.characters");
        }
    }

    /**
     * No control characters except line breaks and tabs, no lone surrogates (broken
     * Unicode).
     */
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
            }
            else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
