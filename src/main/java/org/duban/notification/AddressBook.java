package org.duban.notification;

import java.util.Map;
import java.util.Optional;

/**
 * Resolves an outbox address of the form {@code <scheme>:<id>} when the message goes out,
 * so that a number the owning module keeps encrypted (a complainant's phone) is never
 * written in clear to the outbox. The stored parameters may be sealed the same way; the
 * book opens them.
 */
public interface AddressBook {

    String scheme();

    /**
     * The number and the parameters as they go out; empty when there is none (any more):
     * the message fails.
     */
    Optional<Resolved> resolve(String id, Map<String, Object> storedParams);

    record Resolved(String address, Map<String, Object> params) {
    }

}
