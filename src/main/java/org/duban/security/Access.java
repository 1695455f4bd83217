package org.duban.security;

/** Who may call a route. */
public sealed interface Access {

    Access PUBLIC = new Public();

    Access SIGNED_IN = new SignedIn();

    static Access permission(String code) {
        return new Permission(code);
    }

    record Public() implements Access {
    }

    record SignedIn() implements Access {
    }

    /** A permission code {@code module:resource:action}. */
    record Permission(String code) implements Access {
    }

}
