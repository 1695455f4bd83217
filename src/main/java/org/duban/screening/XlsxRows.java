package org.duban.screening;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The first sheet of an XLSX workbook, read row by row with POI's streaming (SAX) reader
 * so that a large workbook is never held in memory. Date cells are rendered as
 * {@code yyyy-MM-dd}; other cells as Excel shows them. POI's secure XML parser has
 * external entities off; zip bombs are refused by its inflate-ratio limit.
 */
final class XlsxRows {

    private XlsxRows() {
    }

    static void read(InputStream in, CsvReader.RowHandler handler) throws IOException {
        ZipSecureFile.setMinInflateRatio(0.005);
        try (OPCPackage pkg = OPCPackage.open(in)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                DataFormatter formatter = new DataFormatter() {
                    @Override
                    public String formatRawCellContents(double value, int formatIndex, String formatString) {
                        if (org.apache.poi.ss.usermodel.DateUtil.isADateFormat(formatIndex, formatString)) {
                            return super.formatRawCellContents(value, formatIndex, "yyyy-mm-dd");
                        }
                        return super.formatRawCellContents(value, formatIndex, formatString);
                    }
                };
                parser.setContentHandler(
                        new XSSFSheetXMLHandler(styles, null, strings, new Rows(handler), formatter, false));
                parser.parse(new InputSource(sheet));
            }
            catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        catch (IOException | ImportRefused e) {
            // A refusal of the header (a column missing) is the file's, not a broken one.
            throw e;
        }
        catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final CsvReader.RowHandler handler;

        private List<String> cells = new ArrayList<>();

        private int rowNum;

        Rows(CsvReader.RowHandler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            this.rowNum = rowNum;
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                return;
            }
            try {
                handler.row(rowNum + 1L, cells);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int col = new org.apache.poi.ss.util.CellReference(ref).getCol();
            while (cells.size() < col) {
                cells.add("");
            }
            cells.add(value == null ? "" : value);
        }

    }

}
