package org.duban.organization;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * People's names for the login names that histories record as their actor, so that change
 * logs say 张伟 rather than workteam. A login without a staff record (a job, an anonymous
 * citizen) keeps its own text.
 */
@Component
public class StaffNames {

    private final JdbcClient jdbc;

    StaffNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        if (!names.isEmpty()) {
            jdbc.sql("select login, name from staff where login in (:logins)")
                .param("logins", names.keySet())
                .query(rs -> {
                    names.put(rs.getString("login"), rs.getString("name"));
                });
        }
        return names;
    }

}
