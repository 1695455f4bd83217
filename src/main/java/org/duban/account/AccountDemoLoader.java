package org.duban.account;

import org.duban.shared.BureauClock;
import org.duban.shared.DemoLoader;
import org.duban.shared.DemoMode;
import org.springframework.boot.ApplicationArguments;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDateTime;
import java.util.UUID;

/**
 * The demonstration administrator {@code admin} has a second factor, enrolled in March
 * 2023 with a secret published in the README (add it to an authenticator app, or compute
 * the code with {@code oathtool --totp -b}), so that a demonstration, the browser tests
 * and the fuzz test can sign in as admin. Right after the accounts: an administrator
 * signing in before it ran would be sent to enrolment.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class AccountDemoLoader implements DemoLoader {

    /** Published: the README's table of demonstration accounts gives it. */
    static final String ADMIN_SECRET = "DUBANDEMOADMINSECRETFORTOTPTESTS";

    private final DemoMode demoMode;

    private final JdbcClient jdbc;

    private final SecondFactors factors;

    private final BureauClock clock;

    AccountDemoLoader(DemoMode demoMode, JdbcClient jdbc, SecondFactors factors, BureauClock clock) {
        this.demoMode = demoMode;
        this.jdbc = jdbc;
        this.factors = factors;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode.wanted() || jdbc.sql("select count(*) from second_factor").query(Long.class).single() > 0) {
            return;
        }
        jdbc.sql("select id from staff where login = 'admin'")
            .query(UUID.class)
            .optional()
            .ifPresent(admin -> factors.enrolDemonstration(admin, Base32.decode(ADMIN_SECRET),
                    LocalDateTime.of(2023, 3, 1, 9, 0).atZone(clock.zone()).toInstant()));
    }

}
