package org.duban.security;

/**
 * Which org units a role sees: its own unit; its unit and every unit below it; the whole
 * bureau its unit belongs to (the work team sits in an office but oversees the county
 * bureau and all its units); or all units.
 */
public enum ScopeKind {

    OWN_UNIT, UNIT_AND_BELOW, BUREAU, ALL;

    /** When a user holds several roles, the widest scope wins. */
    public ScopeKind widest(ScopeKind other) {
        return other.ordinal() > ordinal() ? other : this;
    }

}
