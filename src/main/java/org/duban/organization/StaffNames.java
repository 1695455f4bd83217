package org.duban.organization;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * People's names for the login names that histories record as their actor, so that change
 * logs say 张伟 rather than workteam. The application's own actor ({@value #SYSTEM}: the
 * demonstration's loaders, jobs) is 系统; any other login without a staff record (an
 * anonymous citizen) keeps its own text.
 */
@Component
public class StaffNames {

    /** The actor the application records for what it did itself. */
    public static final String SYSTEM = "system";

    private final JdbcClient jdbc;

    private final MessageSource messages;

    StaffNames(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /**
     * The name of one login, for a page that shows a few (who uploaded a file, who
     * started an import); a list of many asks {@link #byLogin} once.
     */
    @Transactional(readOnly = true)
    public String of(String login) {
        return login == null ? null : byLogin(java.util.List.of(login)).get(login);
    }

    /**
     * The name of each of {@code logins}; every login asked for is a key of the result.
     */
    @Transactional(readOnly = true)
    public Map<String, String> byLogin(Collection<String> logins) {
        Map<String, String> names = new HashMap<>();
        logins.stream().filter(l -> l != null).forEach(l -> names.put(l, l));
        if (names.containsKey(SYSTEM)) {
            names.put(SYSTEM, systemName());
        }
        if (!names.isEmpty()) {
            jdbc.sql("select login, name from staff where login in (:logins)")
                .param("logins", names.keySet())
                .query(rs -> {
                    names.put(rs.getString("login"), rs.getString("name"));
                });
        }
        return names;
    }

    /** The application's own actor in the page's language. */
    private String systemName() {
        return messages.getMessage("actor.system", null, SYSTEM, LocaleContextHolder.getLocale());
    }

}
