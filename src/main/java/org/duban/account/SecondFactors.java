package org.duban.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.duban.audit.AuditEvent;
import org.duban.security.AccountChanged;
import org.duban.security.DubanUser;
import org.duban.security.PendingSignIn;
import org.duban.security.SecondStep;
import org.duban.security.SecondStepPolicy;
import org.duban.security.SignIn;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.MasterKey;
import org.duban.shared.SealedBox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.crypto.Mac;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Second factors: enrolment, the code at sign-in, recovery codes, disabling and an
 * administrator's reset. The TOTP secret is sealed with a sub-key of the identity key
 * (the staff id as associated data); recovery codes are kept only as keyed hashes.
 */
@Service
public class SecondFactors implements SecondStepPolicy {

    static final int RECOVERY_CODES = 10;

    static final String ADMINISTRATOR = "ADMIN";

    /**
     * No 0/o, 1/i/l: 30 symbols, 10 per code, about 49 random bits, beyond guessing
     * within the login lockout.
     */
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private static final int SECRET_BYTES = 20;

    private final JdbcClient jdbc;

    private final Clock clock;

    private final ApplicationEventPublisher events;

    private final SignIn signIn;

    private final SealedBox secrets;

    private final ThreadLocal<Mac> recoveryMac;

    private final String issuer;

    private final Totp totp = new Totp();

    private final SecureRandom random = new SecureRandom();

    SecondFactors(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, SignIn signIn,
            @Value("${duban.complaint.identity-key}") String masterKey,
            @Value("${duban.security.second-factor.issuer:Duban}") String issuer) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.signIn = signIn;
        MasterKey master = MasterKey.fromBase64(masterKey, "duban.complaint.identity-key");
        this.secrets = master.box("second-factor-secret");
        byte[] recoveryKey = master.derive("recovery-code");
        this.recoveryMac = ThreadLocal.withInitial(() -> MasterKey.newHmacSha256(recoveryKey));
        this.issuer = issuer;
    }

    /** What the account page and the staff page show. */
    public record Status(boolean enrolled, int recoveryCodesLeft, long version) {
    }

    /** A secret being enrolled: as text, as an otpauth:// URI and as a QR code of it. */
    public record Enrolment(String secret, String uri, String qrSvg, long version) {
    }

    /** The outcome of a code typed at sign-in. */
    public enum Outcome {

        SIGNED_IN, WRONG, REPLAYED, ACCOUNT_GONE

    }

    /**
     * @param target where to go once signed in
     * @param recoveryCodesLeft after a recovery code was used, how many remain; -1 for a
     * TOTP code
     */
    public record SignInResult(Outcome outcome, String target, int recoveryCodesLeft) {

        static SignInResult of(Outcome outcome) {
            return new SignInResult(outcome, null, -1);
        }

    }

    @Override
    public SecondStep after(DubanUser passwordChecked) {
        if (load(passwordChecked.staffId()).filter(SecondFactor::confirmed).isPresent()) {
            return SecondStep.CODE;
        }
        return passwordChecked.hasRole(ADMINISTRATOR) ? SecondStep.ENROL : SecondStep.NONE;
    }

    @Transactional(readOnly = true)
    public Status status(UUID staffId) {
        Optional<SecondFactor> factor = load(staffId).filter(SecondFactor::confirmed);
        return new Status(factor.isPresent(), factor.isPresent() ? recoveryCodesLeft(staffId) : 0,
                factor.map(SecondFactor::version).orElse(0L));
    }

    /**
     * Shows the secret to enrol: a new one, or the one shown before and not yet confirmed
     * (a page reloaded after the QR code was scanned still matches the app).
     */
    @Transactional
    public Enrolment startEnrolment(UUID staffId, String login) {
        Optional<SecondFactor> existing = load(staffId);
        if (existing.filter(SecondFactor::confirmed).isPresent()) {
            throw new BusinessRuleViolation("account.secondFactor.alreadyEnrolled");
        }
        byte[] secret;
        long version;
        if (existing.isPresent()) {
            secret = open(existing.get());
            version = existing.get().version();
        }
        else {
            secret = new byte[SECRET_BYTES];
            random.nextBytes(secret);
            insert(staffId, secret, null, clock.instant());
            version = 0;
        }
        String text = Base32.encode(secret);
        String uri = otpauthUri(login, text);
        return new Enrolment(grouped(text), uri, QrCode.svg(uri), version);
    }

    /**
     * The first code from the app confirms the enrolment.
     * @return the recovery codes, to be shown this once
     */
    @Transactional
    public List<String> confirmEnrolment(UUID staffId, String code, long version) {
        SecondFactor factor = load(staffId)
            .orElseThrow(() -> new BusinessRuleViolation("account.secondFactor.notStarted"));
        if (factor.version() != version) {
            throw new BusinessRuleViolation("account.secondFactor.changed");
        }
        Instant now = clock.instant();
        factor.confirm(totp.matchingStep(open(factor), normalise(code), now), now);
        save(factor);
        List<String> codes = replaceRecoveryCodes(staffId);
        events.publishEvent(AuditEvent.change("account.secondFactor.enrolled", "staff", staffId, Map.of(),
                Map.of("recoveryCodes", codes.size())));
        return codes;
    }

    /**
     * The second step of signing in: a TOTP code, or a recovery code instead. A wrong or
     * replayed code counts as a failed login (lockout per account and address); a right
     * one signs the account in, and the use of a recovery code is recorded in the audit
     * trail under the account's name.
     */
    @Transactional
    public SignInResult signIn(PendingSignIn pending, String typed, HttpServletRequest request,
            HttpServletResponse response) {
        Optional<SecondFactor> factor = load(pending.staffId()).filter(SecondFactor::confirmed);
        String code = normalise(typed);
        int recoveryLeft = -1;
        Outcome failure = null;
        if (factor.isEmpty()) {
            failure = Outcome.WRONG;
        }
        else if (code.chars().allMatch(Character::isDigit)) {
            try {
                factor.get().accept(totp.matchingStep(open(factor.get()), code, clock.instant()));
                save(factor.get());
            }
            catch (BusinessRuleViolation refused) {
                failure = "account.code.wrong".equals(refused.messageKey()) ? Outcome.WRONG : Outcome.REPLAYED;
            }
        }
        else if (useRecoveryCode(pending.staffId(), code)) {
            recoveryLeft = recoveryCodesLeft(pending.staffId());
        }
        else {
            failure = Outcome.WRONG;
        }
        if (failure != null) {
            signIn.failed(request, pending);
            return SignInResult.of(failure);
        }
        Optional<String> target = signIn.complete(request, response, pending);
        if (target.isEmpty()) {
            return SignInResult.of(Outcome.ACCOUNT_GONE);
        }
        if (recoveryLeft >= 0) {
            events.publishEvent(AuditEvent.change("account.recoveryCode.used", "staff", pending.staffId(), Map.of(),
                    Map.of("recoveryCodesLeft", recoveryLeft)));
        }
        return new SignInResult(Outcome.SIGNED_IN, target.get(), recoveryLeft);
    }

    /**
     * New recovery codes replace the old ones; a current code from the app proves the
     * request comes from the factor's owner.
     */
    @Transactional
    public List<String> regenerateRecoveryCodes(UUID staffId, String code, long version) {
        checkCurrentCode(staffId, code, version);
        List<String> codes = replaceRecoveryCodes(staffId);
        events.publishEvent(AuditEvent.change("account.recoveryCodes.regenerated", "staff", staffId, Map.of(),
                Map.of("recoveryCodes", codes.size())));
        return codes;
    }

    /**
     * The owner gives their factor up (not an administrator: it is required for them).
     */
    @Transactional
    public void disable(DubanUser owner, String code, long version) {
        SecondFactor.requireMayDisable(owner.hasRole(ADMINISTRATOR));
        checkCurrentCode(owner.staffId(), code, version);
        delete(owner.staffId());
        events.publishEvent(AuditEvent.change("account.secondFactor.disabled", "staff", owner.staffId(),
                Map.of("enrolled", true), Map.of("enrolled", false)));
    }

    /**
     * An administrator removes another account's factor (a lost phone): the account's
     * sessions end, and at its next sign-in it enrols again (required for administrators)
     * or signs in with its password alone.
     */
    @Transactional
    public void reset(UUID staffId, String login, long version) {
        SecondFactor factor = load(staffId).filter(SecondFactor::confirmed)
            .orElseThrow(() -> new BusinessRuleViolation("account.secondFactor.notEnrolled"));
        if (factor.version() != version) {
            throw new BusinessRuleViolation("account.secondFactor.changed");
        }
        delete(staffId);
        events.publishEvent(AuditEvent.change("account.secondFactor.reset", "staff", staffId, Map.of("enrolled", true),
                Map.of("enrolled", false)));
        events.publishEvent(new AccountChanged(login, true));
    }

    /**
     * The demonstration's enrolled factor (no recovery codes: new ones are a click away).
     */
    @Transactional
    void enrolDemonstration(UUID staffId, byte[] secret, Instant enrolledAt) {
        insert(staffId, secret, enrolledAt, enrolledAt);
    }

    private void checkCurrentCode(UUID staffId, String code, long version) {
        SecondFactor factor = load(staffId).filter(SecondFactor::confirmed)
            .orElseThrow(() -> new BusinessRuleViolation("account.secondFactor.notEnrolled"));
        if (factor.version() != version) {
            throw new BusinessRuleViolation("account.secondFactor.changed");
        }
        factor.accept(totp.matchingStep(open(factor), normalise(code), clock.instant()));
        save(factor);
    }

    // ---- storage
    // ---------------------------------------------------------------------------------------------

    private Optional<SecondFactor> load(UUID staffId) {
        return jdbc.sql("""
                select staff_id, secret_sealed, confirmed_at, last_used_step, version
                from second_factor where staff_id = :id
                """)
            .param("id", staffId)
            .query((rs, n) -> new SecondFactor(rs.getObject("staff_id", UUID.class), rs.getBytes("secret_sealed"),
                    rs.getTimestamp("confirmed_at") == null ? null : rs.getTimestamp("confirmed_at").toInstant(),
                    rs.getLong("last_used_step"), rs.getLong("version")))
            .optional();
    }

    /**
     * Optimistic: two requests with the same code at once both pass the aggregate's check
     * on the same version, and only one of them writes.
     */
    private void save(SecondFactor factor) {
        int updated = jdbc.sql("""
                update second_factor
                set confirmed_at = :confirmed, last_used_step = :step, version = version + 1
                where staff_id = :id and version = :version
                """)
            .param("confirmed", factor.confirmedAt() == null ? null : Timestamp.from(factor.confirmedAt()))
            .param("step", factor.lastUsedStep())
            .param("id", factor.staffId())
            .param("version", factor.version())
            .update();
        if (updated == 0) {
            throw new BusinessRuleViolation("account.code.replayed");
        }
    }

    private void insert(UUID staffId, byte[] secret, Instant confirmedAt, Instant createdAt) {
        jdbc.sql("""
                insert into second_factor (staff_id, secret_sealed, confirmed_at, created_at)
                values (:id, :sealed, :confirmed, :created)
                """)
            .param("id", staffId)
            .param("sealed", secrets.seal(secret, staffId.toString()))
            .param("confirmed", confirmedAt == null ? null : Timestamp.from(confirmedAt))
            .param("created", Timestamp.from(createdAt))
            .update();
    }

    private void delete(UUID staffId) {
        jdbc.sql("delete from recovery_code where staff_id = :id").param("id", staffId).update();
        jdbc.sql("delete from second_factor where staff_id = :id").param("id", staffId).update();
    }

    private byte[] open(SecondFactor factor) {
        return secrets.open(factor.sealedSecret(), factor.staffId().toString());
    }

    // ---- recovery codes
    // --------------------------------------------------------------------------------------

    private List<String> replaceRecoveryCodes(UUID staffId) {
        jdbc.sql("delete from recovery_code where staff_id = :id").param("id", staffId).update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 10; c++) {
                code.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
            }
            jdbc.sql("insert into recovery_code (staff_id, code_hash) values (:id, :hash)")
                .param("id", staffId)
                .param("hash", hash(code.toString()))
                .update();
            codes.add(code.substring(0, 5) + "-" + code.substring(5));
        }
        return codes;
    }

    /** Marks the code used if it is one of the account's unused ones. */
    private boolean useRecoveryCode(UUID staffId, String code) {
        return jdbc.sql("""
                update recovery_code set used_at = :at
                where staff_id = :id and code_hash = :hash and used_at is null
                """)
            .param("at", Timestamp.from(clock.instant()))
            .param("id", staffId)
            .param("hash", hash(code))
            .update() == 1;
    }

    private int recoveryCodesLeft(UUID staffId) {
        return jdbc.sql("select count(*) from recovery_code where staff_id = :id and used_at is null")
            .param("id", staffId)
            .query(Integer.class)
            .single();
    }

    private String hash(String code) {
        return HexFormat.of().formatHex(recoveryMac.get().doFinal(code.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Codes are accepted with spaces and dashes and in either case, as people copy them.
     */
    static String normalise(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s\\-]", "").toLowerCase(Locale.ROOT);
    }

    // ---- presentation
    // ----------------------------------------------------------------------------------------

    /**
     * otpauth://totp/ISSUER:LOGIN?secret=…&issuer=… with the parameters spelled out (the
     * defaults, but some apps read them).
     */
    private String otpauthUri(String login, String secret) {
        String label = encode(issuer) + ":" + encode(login);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer) + "&algorithm=SHA1&digits="
                + Totp.DIGITS + "&period=" + Totp.STEP.getSeconds();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** ABCD EFGH …: easier to type into an app by hand. */
    private static String grouped(String secret) {
        return String.join(" ", secret.split("(?<=\\G.{4})"));
    }

}
