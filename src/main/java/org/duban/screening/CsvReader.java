package org.duban.screening;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: quoted cells may hold commas, doubled quotes and line
 * breaks. Each record is handed over with the physical line number it starts on, so
 * rejections can name the line a user sees in an editor.
 */
final class CsvReader {

    interface RowHandler {

        void row(long line, List<String> cells) throws IOException;

    }

    private CsvReader() {
    }

    private static boolean isSpecial(char c) {
        return c == ',' || c == '"' || c == '\r' || c == '\n';
    }

    static void read(Reader reader, RowHandler handler) throws IOException {
        char[] buf = new char[1 << 16];
        StringBuilder cell = new StringBuilder(64);
        List<String> cells = new ArrayList<>(32);
        boolean quoted = false;
        boolean afterQuote = false;
        boolean first = true;
        boolean rowHasContent = false;
        long line = 1;
        long recordLine = 1;
        boolean pendingCr = false;
        int n;
        while ((n = reader.read(buf)) > 0) {
            for (int i = 0; i < n; i++) {
                char c = buf[i];
                if (first) {
                    first = false;
                    if (c == '\uFEFF') {
                        continue;
                    }
                }
                if (pendingCr) {
                    pendingCr = false;
                    if (c == '\n') {
                        continue;
                    }
                }
                if (quoted) {
                    if (c == '"') {
                        quoted = false;
                        afterQuote = true;
                    }
                    else {
                        // The run of characters up to the next quote in one append (cells
                        // are mostly plain text).
                        int end = i;
                        while (end < n && buf[end] != '"') {
                            if (buf[end] == '\n') {
                                line++;
                            }
                            end++;
                        }
                        cell.append(buf, i, end - i);
                        i = end - 1;
                    }
                    continue;
                }
                switch (c) {
                    case '"' -> {
                        if (afterQuote) {
                            cell.append('"');
                            quoted = true;
                            afterQuote = false;
                        }
                        else {
                            quoted = true;
                            rowHasContent = true;
                        }
                    }
                    case ',' -> {
                        cells.add(cell.toString());
                        cell.setLength(0);
                        afterQuote = false;
                        rowHasContent = true;
                    }
                    case '\r', '\n' -> {
                        if (c == '\r') {
                            pendingCr = true;
                        }
                        if (rowHasContent || cell.length() > 0) {
                            cells.add(cell.toString());
                            handler.row(recordLine, cells);
                            cells = new ArrayList<>(cells.size());
                        }
                        cell.setLength(0);
                        afterQuote = false;
                        rowHasContent = false;
                        line++;
                        recordLine = line;
                    }
                    default -> {
                        int end = i + 1;
                        while (end < n && !isSpecial(buf[end])) {
                            end++;
                        }
                        cell.append(buf, i, end - i);
                        i = end - 1;
                        afterQuote = false;
                        rowHasContent = true;
                    }
                }
            }
        }
        if (rowHasContent || cell.length() > 0) {
            cells.add(cell.toString());
            handler.row(recordLine, cells);
        }
    }

}
