package org.duban.campaign;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.shared.WorkbookStyles;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The campaign's groups and members as the notice's attachment 1 (工作专班组成人员名单), one sheet,
 * print-ready.
 */
@Component
class RosterWorkbook {

    private final MessageSource messages;

    RosterWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    String fileName(Campaign campaign, Locale locale) {
        return messages.getMessage("roster.fileName", new Object[] { campaign.title() }, locale) + ".xlsx";
    }

    void write(Campaign campaign, List<CampaignGroup> groups, Locale locale, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(messages.getMessage("roster.sheet", null, locale));
            WorkbookStyles styles = WorkbookStyles.of(workbook);
            String[] headers = { "roster.column.number", "roster.column.group", "roster.column.position",
                    "roster.column.name", "roster.column.post", "roster.column.duties" };
            styles.head(sheet, messages.getMessage("roster.title", new Object[] { campaign.title() }, locale),
                    Arrays.stream(headers).map(key -> messages.getMessage(key, null, locale)).toList());
            int rowIndex = 2;
            int number = 0;
            for (CampaignGroup group : groups) {
                for (GroupMember member : group.members()) {
                    Row row = sheet.createRow(rowIndex++);
                    styles.number(row, 0, ++number);
                    styles.text(row, 1, group.name());
                    styles.text(row, 2, messages.getMessage("position." + member.position(), null, locale));
                    styles.text(row, 3, member.name());
                    styles.text(row, 4, member.post());
                    styles.text(row, 5, member.duties());
                }
            }
            int[] widths = { 6, 30, 12, 10, 40, 40 };
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            sheet.getPrintSetup().setLandscape(true);
            sheet.setRepeatingRows(new CellRangeAddress(1, 1, 0, headers.length - 1));
            workbook.write(out);
        }
    }

}
