package org.duban.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Counts failed logins per account and client address, and per client address, within a
 * sliding window. The counts live in the database, not in the JVM, so several application
 * instances enforce one limit together.
 */
@Component
public class LoginThrottle {

    private final JdbcClient jdbc;

    private final Clock clock;

    private final int maxPerAccount;

    private final int maxPerAddress;

    private final Duration window;

    LoginThrottle(JdbcClient jdbc, Clock clock,
            @Value("${duban.security.login.max-failures-per-account}") int maxPerAccount,
            @Value("${duban.security.login.max-failures-per-address}") int maxPerAddress,
            @Value("${duban.security.login.window}") Duration window) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxPerAccount = maxPerAccount;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
    }

    public boolean isBlocked(String login, String address) {
        Instant since = clock.instant().minus(window);
        // Per account and address: failures from elsewhere never lock the account's owner
        // out.
        int byAccount = jdbc.sql("""
                select count(*) from login_failure
                where login = :login and address = :address and failed_at > :since
                """)
            .param("login", normalise(login))
            .param("address", address)
            .param("since", java.sql.Timestamp.from(since))
            .query(Integer.class)
            .single();
        if (byAccount >= maxPerAccount) {
            return true;
        }
        int byAddress = jdbc.sql("select count(*) from login_failure where address = :address and failed_at > :since")
            .param("address", address)
            .param("since", java.sql.Timestamp.from(since))
            .query(Integer.class)
            .single();
        return byAddress >= maxPerAddress;
    }

    public void recordFailure(String login, String address) {
        jdbc.sql("insert into login_failure (login, address, failed_at) values (:login, :address, :at)")
            .param("login", normalise(login))
            .param("address", address)
            .param("at", java.sql.Timestamp.from(clock.instant()))
            .update();
    }

    public void recordSuccess(String login) {
        jdbc.sql("delete from login_failure where login = :login").param("login", normalise(login)).update();
    }

    private static String normalise(String login) {
        String value = login == null ? "" : login.trim().toLowerCase(Locale.ROOT);
        return value.length() > 100 ? value.substring(0, 100) : value;
    }

}
