package org.duban.typicalcase;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What must never reach the public page: the names recorded on the source problem, mobile
 * and landline numbers, resident ID numbers and vehicle plates. Returns the kinds found
 * (message keys), not the values.
 */
final class PersonalData {

    static final Pattern PHONE = Pattern.compile("(?<!\\d)(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})(?!\\d)");
    static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[\\dXx](?![0-9A-Za-z])");

    /**
     * A province abbreviation (one Han character), a letter, then five or six letters and
     * digits.
     */
    static final Pattern PLATE = Pattern.compile("\\p{IsHan}[A-HJ-NP-Z][·•\\s]?[A-HJ-NP-Z0-9]{5,6}(?![A-Za-z0-9])");

    private PersonalData() {
    }

    static List<String> found(String text, Collection<String> names) {
        List<String> kinds = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return kinds;
        }
        for (String name : names) {
            if (name != null && name.strip().length() >= 2 && text.contains(name.strip())) {
                kinds.add("typicalcase.personal.name");
                break;
            }
        }
        if (PHONE.matcher(text).find()) {
            kinds.add("typicalcase.personal.phone");
        }
        if (ID_NUMBER.matcher(text).find()) {
            kinds.add("typicalcase.personal.idNumber");
        }
        if (PLATE.matcher(text).find()) {
            kinds.add("typicalcase.personal.plate");
        }
        return kinds;
    }

}
