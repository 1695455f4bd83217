package org.duban.shared;

import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The message of the step just done or refused, shown once at the top of the next page by
 * the layout ({@code ui :: messages}): {@code flash}/{@code flashArgs} for success,
 * {@code refusal}/{@code refusalArgs} for a refusal. One helper, so that every controller
 * hands a refusal over the same way.
 */
public final class Flash {

    private Flash() {
    }

    /**
     * Shows the refusal on the page rendered now, or after the redirect when {@code page}
     * is a RedirectAttributes.
     */
    public static void refused(Model page, BusinessRuleViolation refusal) {
        put(page, "refusal", refusal.messageKey(), refusal.args());
    }

    public static void refused(Model page, String messageKey, Object... args) {
        put(page, "refusal", messageKey, args);
    }

    public static void done(Model page, String messageKey, Object... args) {
        put(page, "flash", messageKey, args);
    }

    private static void put(Model page, String name, String key, Object[] args) {
        if (page instanceof RedirectAttributes redirect) {
            redirect.addFlashAttribute(name, key);
            redirect.addFlashAttribute(name + "Args", args);
        }
        else {
            page.addAttribute(name, key);
            page.addAttribute(name + "Args", args);
        }
    }

}
