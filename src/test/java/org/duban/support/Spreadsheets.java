package org.duban.support;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An exported .xlsx read back with Apache POI, as the rows of its first sheet; a template
 * filled in.
 */
public final class Spreadsheets {

    private Spreadsheets() {
    }

    /**
     * Every row of the first sheet as text: a number as {@code 3.0}, a date as its
     * number.
     */
    public static List<List<String>> rows(byte[] xlsx) throws IOException {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<List<String>> rows = new ArrayList<>();
            for (Row row : wb.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                row.forEach(c -> cells.add(c.getCellType() == CellType.NUMERIC ? String.valueOf(c.getNumericCellValue())
                        : c.getStringCellValue()));
                rows.add(cells);
            }
            return rows;
        }
    }

    /**
     * The workbook with its first sheet changed by {@code edit} (an import template
     * filled in as a user would).
     */
    public static byte[] edited(byte[] xlsx, Consumer<Sheet> edit) throws IOException {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            edit.accept(wb.getSheetAt(0));
            wb.write(out);
            return out.toByteArray();
        }
    }

}
