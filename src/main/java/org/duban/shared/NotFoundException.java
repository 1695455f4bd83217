package org.duban.shared;

/**
 * Something the user asked for does not exist or lies outside their data scope. Both
 * answer 404, so that a user cannot learn which ids exist in other units.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what);
    }

}
