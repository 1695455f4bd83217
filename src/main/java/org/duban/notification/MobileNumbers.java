package org.duban.notification;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Mainland China mobile numbers (11 digits starting 13–19), the only numbers the SMS
 * gateway can reach.
 */
public final class MobileNumbers {

    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");

    private MobileNumbers() {
    }

    /**
     * The number as 11 digits, without spaces, hyphens or a +86 / 0086 prefix; empty when
     * it is not a mobile.
     */
    public static Optional<String> normalise(String phone) {
        if (phone == null) {
            return Optional.empty();
        }
        String digits = phone.replaceAll("[\\s\\-()]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        }
        else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        }
        return MOBILE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }

    public static boolean isMobile(String phone) {
        return normalise(phone).isPresent();
    }

}
