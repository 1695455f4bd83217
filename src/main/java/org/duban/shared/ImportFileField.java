package org.duban.shared;

import org.springframework.ui.Model;

/**
 * The file field of an import page ({@code ui :: importForm}): no file, or a file refused
 * as a whole (not a workbook, unreadable, too large, no rows), is answered under the
 * field, not as a "row 0" of the report nor at the top of the page.
 */
public final class ImportFileField {

    private ImportFileField() {
    }

    public static void refuse(Model page, String messageKey, Object... args) {
        page.addAttribute("fileError", messageKey);
        page.addAttribute("fileErrorArgs", args);
    }

}
