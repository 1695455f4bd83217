package org.duban.account;

import org.duban.security.Access;
import org.duban.security.RouteRule;
import org.duban.security.RouteRules;
import org.springframework.stereotype.Component;

import java.util.List;

import static org.duban.security.RouteRule.get;
import static org.duban.security.RouteRule.post;

/**
 * The second step of signing in is public (the visitor is not signed in until it is done;
 * the pages need a pending sign-in in the session), the account page is every signed-in
 * user's own, and resetting another account's factor is staff administration.
 */
@Component
class AccountRoutes implements RouteRules {

    static final String STAFF_WRITE = "organization:staff:write";

    @Override
    public List<RouteRule> rules() {
        return List.of(get("/login/second-factor", Access.PUBLIC), post("/login/second-factor", Access.PUBLIC),
                get("/login/enrol", Access.PUBLIC), post("/login/enrol", Access.PUBLIC),
                get("/account", Access.SIGNED_IN), get("/account/second-factor/enrol", Access.SIGNED_IN),
                post("/account/second-factor/enrol", Access.SIGNED_IN),
                post("/account/second-factor/recovery-codes", Access.SIGNED_IN),
                post("/account/second-factor/disable", Access.SIGNED_IN),
                post("/admin/staff/{id}/second-factor/reset", Access.permission(STAFF_WRITE)));
    }

}
