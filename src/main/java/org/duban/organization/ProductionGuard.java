package org.duban.organization;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Under the production profile, Duban refuses to start while a demonstration account
 * (known login, published password) exists: such an account on a real server would be an
 * open door.
 */
@Component
@Profile("prod")
@DependsOnDatabaseInitialization
class ProductionGuard implements InitializingBean {

    private final JdbcClient jdbc;

    ProductionGuard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void afterPropertiesSet() {
        int demo = jdbc.sql("select count(*) from staff where demo").query(Integer.class).single();
        if (demo > 0) {
            throw new IllegalStateException("Refusing to start under the 'prod' profile: " + demo
                    + " demonstration account(s) exist. Delete or disable them (staff.demo = true) first.");
        }
    }

}
