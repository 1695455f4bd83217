package org.duban.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A code typed from the authenticator app (or a recovery code at sign-in), with the
 * version of the factor the page showed.
 */
record CodeForm(@NotBlank @Size(max = 40) String code, Long version) {

    static CodeForm empty(long version) {
        return new CodeForm(null, version);
    }

    long versionOrZero() {
        return version == null ? 0 : version;
    }

}
