package org.duban.web;

import java.util.List;

/**
 * One entry of the side menu, shown only to users holding {@code permission} (null: every
 * signed-in user), under {@code group} (one of {@link #GROUPS}, labelled
 * {@code nav.group.<group>}), ordered by {@code order} within it.
 */
public record NavItem(String labelKey, String path, String permission, int order, String group) {

    public static final String WORKBENCH = "workbench";

    public static final String CAMPAIGN = "campaign";

    public static final String LEDGER = "ledger";

    public static final String COMPLAINT = "complaint";

    public static final String INSPECTION = "inspection";

    public static final String SCREENING = "screening";

    public static final String REPORTING = "reporting";

    public static final String ADMIN = "admin";

    /**
     * The groups in the order bureau staff meet them in a day: their own work first,
     * administration last.
     */
    public static final List<String> GROUPS = List.of(WORKBENCH, CAMPAIGN, LEDGER, COMPLAINT, INSPECTION, SCREENING,
            REPORTING, ADMIN);

    public NavItem {
        if (!GROUPS.contains(group)) {
            throw new IllegalArgumentException("unknown menu group " + group + " of " + labelKey);
        }
    }

    /**
     * An entry without a named group: administration under /admin, everything else on the
     * workbench.
     */
    public NavItem(String labelKey, String path, String permission, int order) {
        this(labelKey, path, permission, order, path.startsWith("/admin") ? ADMIN : WORKBENCH);
    }
}
