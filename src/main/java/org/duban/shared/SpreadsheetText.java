package org.duban.shared;

/**
 * Text bound for a spreadsheet cell. A cell starting with {@code = + - @} (or a tab or
 * carriage return) could be taken for a formula by Excel or WPS (formula injection), so
 * such text is prefixed with an apostrophe.
 */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    public static String safe(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + text;
        }
        return text;
    }

}
