package org.duban.campaign;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.shared.SpreadsheetText;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

/** The campaign's groups and members as the notice's attachment 1 (工作专班组成人员名单), one sheet, print-ready. */
@Component
class RosterWorkbook {

    private final MessageSource messages;

    RosterWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    String fileName(Campaign campaign, Locale locale) {
        return messages.getMessage("roster.fileName", new Object[]{campaign.title()}, locale) + ".xlsx";
    }

    void write(Campaign campaign, List<CampaignGroup> groups, Locale locale, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(messages.getMessage("roster.sheet", null, locale));
            CellStyle title = workbook.createCellStyle();
            Font titleFont = workbook.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 16);
            title.setFont(titleFont);
            title.setAlignment(HorizontalAlignment.CENTER);
            CellStyle header = bordered(workbook.createCellStyle());
            Font headerFont = workbook.createFont();
            headerFont.setBold(true);
            header.setFont(headerFont);
            CellStyle body = bordered(workbook.createCellStyle());
            body.setWrapText(true);

            String[] headers = {"roster.column.number", "roster.column.group", "roster.column.position",
                    "roster.column.name", "roster.column.post", "roster.column.duties"};
            Row titleRow = sheet.createRow(0);
            titleRow.createCell(0).setCellValue(messages.getMessage("roster.title", new Object[]{campaign.title()}, locale));
            titleRow.getCell(0).setCellStyle(title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, headers.length - 1));
            Row headerRow = sheet.createRow(1);
            for (int i = 0; i < headers.length; i++) {
                headerRow.createCell(i).setCellValue(messages.getMessage(headers[i], null, locale));
                headerRow.getCell(i).setCellStyle(header);
            }
            int rowIndex = 2;
            int number = 0;
            for (CampaignGroup group : groups) {
                for (GroupMember member : group.members()) {
                    Row row = sheet.createRow(rowIndex++);
                    row.createCell(0).setCellValue(++number);
                    row.createCell(1).setCellValue(SpreadsheetText.safe(group.name()));
                    row.createCell(2).setCellValue(messages.getMessage("position." + member.position(), null, locale));
                    row.createCell(3).setCellValue(SpreadsheetText.safe(member.name()));
                    row.createCell(4).setCellValue(SpreadsheetText.safe(member.post()));
                    row.createCell(5).setCellValue(SpreadsheetText.safe(member.duties()));
                    for (int i = 0; i < headers.length; i++) {
                        row.getCell(i).setCellStyle(body);
                    }
                }
            }
            int[] widths = {6, 30, 12, 10, 40, 40};
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            sheet.getPrintSetup().setLandscape(true);
            sheet.setRepeatingRows(new CellRangeAddress(1, 1, 0, headers.length - 1));
            workbook.write(out);
        }
    }

    private static CellStyle bordered(CellStyle style) {
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }
}
