package org.duban.shared;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An exported list keeps dates as dates and numbers as numbers, and never holds a
 * formula.
 */
class WorkbookStylesTest {

    @Test
    void aLedgerTypesItsCellsAndDefusesFormulas() throws Exception {
        byte[] xlsx = WorkbookStyles.ledger("台账", List.of("a", "b", "c", "d"),
                List.of(Arrays.asList("=HYPERLINK(\"http://x\")", LocalDate.of(2023, 5, 6), 12, null)));

        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row row = wb.getSheetAt(0).getRow(2);
            assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://x\")");
            assertThat(row.getCell(1).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2023, 5, 6));
            assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(12.0);
            assertThat(row.getCell(3).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(wb.getSheetAt(0).getRow(1).getCell(3).getStringCellValue()).isEqualTo("d");
        }
    }

}
