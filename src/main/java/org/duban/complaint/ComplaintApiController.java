package org.duban.complaint;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.servlet.http.HttpServletRequest;
import org.duban.shared.BusinessRuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * The public contract for hotline systems that forward complaints (documented in
 * {@code /api/v1/openapi.yaml}). JSON in and out, snake_case names, no session and no
 * cookies.
 */
@RestController
class ComplaintApiController {

    static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
        .withResolverStyle(ResolverStyle.STRICT);

    private final Complaints complaints;

    private final PublicRateLimit rateLimit;

    private final MessageSource messages;

    private final HotlineClients hotlines;

    ComplaintApiController(Complaints complaints, PublicRateLimit rateLimit, MessageSource messages,
            HotlineClients hotlines) {
        this.complaints = complaints;
        this.rateLimit = rateLimit;
        this.messages = messages;
        this.hotlines = hotlines;
    }

    record SubmitRequest(Object type, Object content, @JsonProperty("occurred_on") Object occurredOn, Object location,
            Object unit, Object anonymous, Object name, Object phone, Object bureau,
            @JsonProperty("work_order_no") Object workOrderNo) {
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record SubmitResponse(String receipt, @JsonProperty("submitted_at") String submittedAt,
            @JsonProperty("due_on") String dueOn, @JsonProperty("work_order_no") String workOrderNo) {
    }

    record LookupRequest(Object receipt) {
    }

    record LookupResponse(String status, @JsonProperty("status_label") String statusLabel,
            @JsonProperty("handling_unit") String handlingUnit, @JsonProperty("due_on") String dueOn, String feedback) {
    }

    record Bureau(String code, String name) {
    }

    record FieldError(String field, String message) {
    }

    record Errors(String message, List<FieldError> errors) {
    }

    @PostMapping(path = "/api/v1/complaints", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> submit(@RequestBody(required = false) SubmitRequest body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestHeader(name = "X-Api-Key", required = false) String apiKey, HttpServletRequest request) {
        List<FieldError> errors = new ArrayList<>();
        // A hotline client's key, when sent, must be valid: a wrong or revoked key is not
        // silently treated as public.
        java.util.Optional<HotlineClients.Client> client = java.util.Optional.empty();
        if (apiKey != null) {
            client = hotlines.authenticate(apiKey.strip());
            if (client.isEmpty()) {
                return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .body(new Errors(text("complaint.api.keyInvalid"), List.of()));
            }
        }
        if (body == null) {
            return badRequest(List.of(new FieldError(null, text("complaint.api.bodyMissing"))));
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200
                || !idempotencyKey.chars().allMatch(c -> c > 32 && c < 127))) {
            errors.add(new FieldError("Idempotency-Key", text("complaint.api.idempotencyKey")));
        }
        ComplaintType type = null;
        if (!(body.type() instanceof String t) || t.isBlank()) {
            errors.add(new FieldError("type", text("complaint.api.required")));
        }
        else {
            try {
                type = ComplaintType.valueOf(t);
            }
            catch (IllegalArgumentException e) {
                errors.add(new FieldError("type", text("complaint.api.typeUnknown")));
            }
        }
        String content = string(body.content(), "content", 5000, true, errors);
        LocalDate occurredOn = null;
        String occurred = string(body.occurredOn(), "occurred_on", 10, false, errors);
        if (occurred != null) {
            try {
                occurredOn = LocalDate.parse(occurred, DATE);
                if (occurredOn.isAfter(complaints.today())) {
                    errors.add(new FieldError("occurred_on", text("complaint.api.dateInFuture")));
                }
            }
            catch (DateTimeParseException e) {
                errors.add(new FieldError("occurred_on", text("complaint.api.date")));
            }
        }
        String location = string(body.location(), "location", 200, false, errors);
        String unit = string(body.unit(), "unit", 200, false, errors);
        boolean anonymous = false;
        if (body.anonymous() != null && !(body.anonymous() instanceof Boolean)) {
            errors.add(new FieldError("anonymous", text("complaint.api.boolean")));
        }
        else if (body.anonymous() != null) {
            anonymous = (Boolean) body.anonymous();
        }
        String name = anonymous ? null : string(body.name(), "name", 50, false, errors);
        String phone = anonymous ? null : string(body.phone(), "phone", 30, false, errors);
        if (phone != null && !phone.isBlank() && !org.duban.notification.MobileNumbers.isMobile(phone)) {
            errors.add(new FieldError("phone", text("complaint.api.phone")));
        }
        String workOrderNo = string(body.workOrderNo(), "work_order_no", 64, false, errors);
        if (workOrderNo != null && !workOrderNo.matches("[A-Za-z0-9_\\-]+")) {
            errors.add(new FieldError("work_order_no", text("complaint.api.workOrderNo")));
        }
        else if (workOrderNo != null && client.isEmpty()) {
            errors.add(new FieldError("work_order_no", text("complaint.api.workOrderNeedsKey")));
        }
        if (!errors.isEmpty()) {
            return badRequest(errors);
        }
        // The addressee is checked after the body: a well-formed complaint to an unknown
        // bureau is unprocessable
        // (422), not malformed, and the message names the codes' source.
        String bureau = string(body.bureau(), "bureau", 50, false, errors);
        if (!errors.isEmpty()) {
            return badRequest(errors);
        }
        java.util.UUID intake = null;
        try {
            // A hotline client's key is scoped to its bureau; everyone else names the
            // bureau.
            intake = client.isPresent() ? null : complaints.intakeUnitFor(bureau);
        }
        catch (BusinessRuleViolation refusal) {
            String key = refusal.messageKey().equals("complaint.bureau.required") ? "complaint.api.bureauRequired"
                    : "complaint.api.bureauUnknown";
            // The code is echoed only when it looks like one: an API answer never carries
            // a caller's markup back.
            String shown = bureau != null && bureau.matches("[A-Za-z0-9_-]{1,50}") ? bureau : "…";
            return ResponseEntity.status(422)
                .body(new Errors(text("complaint.api.invalid"), List.of(new FieldError("bureau", text(key, shown)))));
        }
        // Counted once the body is valid: only a complaint that would be registered uses
        // up the allowance.
        rateLimit.check(PublicRateLimit.Kind.SUBMISSION, request.getRemoteAddr());
        NewComplaint complaint = new NewComplaint(type, content, occurredOn, location, unit, anonymous, name, phone);
        Submitted submitted = client.isPresent()
                ? hotlines.submit(client.get(), workOrderNo, complaint, idempotencyKey, complaints)
                : complaints.submit(complaint, Channel.API, idempotencyKey, List.of(), intake);
        return ResponseEntity.status(HttpStatus.CREATED)
            .cacheControl(CacheControl.noStore())
            .body(new SubmitResponse(submitted.receipt(), submitted.submittedAt().toString(),
                    submitted.dueOn().toString(), workOrderNo));
    }

    @PostMapping(path = "/api/v1/complaints/lookup", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> lookup(@RequestBody(required = false) LookupRequest body, HttpServletRequest request) {
        if (body == null || !(body.receipt() instanceof String receipt) || receipt.isBlank()) {
            return badRequest(List.of(new FieldError("receipt", text("complaint.api.required"))));
        }
        if (Secrets.normalise(receipt) == null) {
            return badRequest(List.of(new FieldError("receipt", text("complaint.receipt.invalid"))));
        }
        rateLimit.check(PublicRateLimit.Kind.LOOKUP, request.getRemoteAddr());
        return complaints.lookup(receipt)
            .<ResponseEntity<?>>map(s -> ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new LookupResponse(s.status().name(), text("complaint.status." + s.status().name()),
                        s.handlingUnit(), s.dueOn().toString(), s.feedback())))
            .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(new Errors(text("complaint.receipt.unknown"), List.of())));
    }

    /**
     * The bureaus a complaint may be addressed to: {@code code} goes into the complaint's
     * {@code bureau}.
     */
    @GetMapping(path = "/api/v1/bureaus", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<Bureau>> bureaus() {
        return ResponseEntity.ok()
            .cacheControl(CacheControl.noCache())
            .body(complaints.publicBureaus().stream().map(b -> new Bureau(b.code(), b.name())).toList());
    }

    @GetMapping(path = "/api/v1/openapi.yaml")
    ResponseEntity<Resource> openApi() {
        return ResponseEntity.ok().contentType(YAML).body(new ClassPathResource("api/complaint-openapi.yaml"));
    }

    private String string(Object value, String field, int max, boolean required, List<FieldError> errors) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            if (required) {
                errors.add(new FieldError(field, text("complaint.api.required")));
            }
            return null;
        }
        if (!(value instanceof String s)) {
            errors.add(new FieldError(field, text("complaint.api.string")));
            return null;
        }
        if (s.length() > max) {
            errors.add(new FieldError(field, text("complaint.api.tooLong", max)));
            return null;
        }
        if (!ComplaintForm.cleanText(s)) {
            errors.add(new FieldError(field, text("complaint.api.characters")));
            return null;
        }
        return s.strip();
    }

    private ResponseEntity<Errors> badRequest(List<FieldError> errors) {
        return ResponseEntity.badRequest().body(new Errors(text("complaint.api.invalid"), errors));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    /** Errors of the API as JSON, never the HTML error pages. */
    @RestControllerAdvice(assignableTypes = ComplaintApiController.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class ApiErrors {

        private final MessageSource messages;

        ApiErrors(MessageSource messages) {
            this.messages = messages;
        }

        @ExceptionHandler(PublicRateLimit.RateLimited.class)
        ResponseEntity<Errors> tooMany(PublicRateLimit.RateLimited e) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", String.valueOf(e.retryAfterMinutes() * 60))
                .body(new Errors(text("complaint.rateLimited", e.retryAfterMinutes()), List.of()));
        }

        @ExceptionHandler(HttpMessageNotReadableException.class)
        ResponseEntity<Errors> unreadable() {
            return ResponseEntity.badRequest().body(new Errors(text("complaint.api.unreadable"), List.of()));
        }

        @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
        ResponseEntity<Errors> mediaType() {
            return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .body(new Errors(text("complaint.api.mediaType"), List.of()));
        }

        @ExceptionHandler(BusinessRuleViolation.class)
        ResponseEntity<Errors> refused(BusinessRuleViolation e) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(new Errors(text(e.messageKey(), e.args()), List.of()));
        }

        private String text(String key, Object... args) {
            return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
        }

    }

}
