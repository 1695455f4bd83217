package org.duban.screening;

import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The column sets of SCREENING.md (case records and the penalty benchmark) with their
 * English and Chinese headers and enumeration words. The Chinese words are contract data,
 * so they live in {@code resources/screening/*.csv}.
 */
final class ContractFormat {

    /**
     * A column of the contract. {@code type} is text, date, integer, decimal or the name
     * of an enumeration.
     */
    record Column(String name, String chineseHeader, String type, boolean required, int maxLength) {
    }

    /** A cell that cannot be read: the column and a message key with arguments. */
    static final class CellError extends Exception {

        final String column;

        final String reasonKey;

        final String value;

        CellError(String column, String reasonKey, String value) {
            super(column + ": " + reasonKey, null, false, false);
            this.column = column;
            this.reasonKey = reasonKey;
            this.value = value;
        }

    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
        .withResolverStyle(ResolverStyle.STRICT);

    static final ContractFormat CASES = load("screening/case-columns.csv");
    static final ContractFormat BENCHMARK = load("screening/benchmark-columns.csv");

    private final List<Column> columns;

    private final Map<String, Column> byHeader = new HashMap<>();

    private final Map<String, Map<String, String>> enumerations;

    private ContractFormat(List<Column> columns, Map<String, Map<String, String>> enumerations) {
        this.columns = List.copyOf(columns);
        this.enumerations = enumerations;
        for (Column c : columns) {
            byHeader.put(c.name().toLowerCase(Locale.ROOT), c);
            byHeader.put(c.chineseHeader(), c);
        }
    }

    List<Column> columns() {
        return columns;
    }

    Column column(String name) {
        return byHeader.get(name);
    }

    /**
     * The contract column a header cell names (English name in any case, or the Chinese
     * header), or null.
     */
    Column forHeader(String header) {
        String h = header == null ? "" : header.strip();
        if (!h.isEmpty() && h.charAt(0) == '\uFEFF') {
            h = h.substring(1).strip();
        }
        Column c = byHeader.get(h);
        return c != null ? c : byHeader.get(h.toLowerCase(Locale.ROOT));
    }

    /**
     * The Chinese word of an enumeration code (for writing files in the Chinese form).
     */
    String word(String enumeration, String code) {
        return enumerations.get(enumeration)
            .entrySet()
            .stream()
            .filter(e -> e.getValue().equals(code) && !e.getKey().equals(code))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElse(code);
    }

    /**
     * An enumeration's codes and their Chinese words, in the contract's order (for the
     * import template and the page describing the columns).
     */
    Map<String, String> words(String enumeration) {
        Map<String, String> words = new LinkedHashMap<>();
        enumerations.get(enumeration).values().forEach(code -> words.computeIfAbsent(code, c -> word(enumeration, c)));
        return words;
    }

    /**
     * Reads one cell into its canonical text form: ISO date, plain number, enumeration
     * code, {@code t}/{@code f} for yes/no; null for an empty cell.
     */
    String read(Column column, String raw) throws CellError {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            if (column.required()) {
                throw new CellError(column.name(), "screening.reject.required", "");
            }
            return null;
        }
        switch (column.type()) {
            case "text" -> {
                if (column.maxLength() > 0 && value.length() > column.maxLength()) {
                    throw new CellError(column.name(), "screening.reject.tooLong", value.substring(0, 20));
                }
                if (value.indexOf('\u0000') >= 0) {
                    // PostgreSQL cannot store a NUL character in text; the COPY would
                    // fail for the whole file.
                    throw new CellError(column.name(), "screening.reject.nul", value);
                }
                return value;
            }
            case "date" -> {
                if (isCanonicalDate(value)) {
                    return value;
                }
                try {
                    return LocalDate.parse(value, DATE).toString();
                }
                catch (DateTimeParseException e) {
                    throw new CellError(column.name(), "screening.reject.date", value);
                }
            }
            case "integer" -> {
                if (isPlainNumber(value, 9, 0)) {
                    return value; // already what the parse and print below would make of
                                  // it
                }
                try {
                    int n = Integer.parseInt(value);
                    if (n < 0) {
                        throw new CellError(column.name(), "screening.reject.negative", value);
                    }
                    return Integer.toString(n);
                }
                catch (NumberFormatException e) {
                    throw new CellError(column.name(), "screening.reject.integer", value);
                }
            }
            case "decimal" -> {
                if (isPlainNumber(value, 10, 2)) {
                    return value; // already what BigDecimal's plain string of it would be
                }
                BigDecimal d;
                try {
                    d = new BigDecimal(value);
                }
                catch (NumberFormatException e) {
                    throw new CellError(column.name(), "screening.reject.decimal", value);
                }
                if (d.signum() < 0) {
                    throw new CellError(column.name(), "screening.reject.negative", value);
                }
                if (d.precision() - d.scale() > 10 || d.scale() > 2) {
                    throw new CellError(column.name(), "screening.reject.decimal", value);
                }
                return d.toPlainString();
            }
            default -> {
                String code = enumerations.get(column.type()).get(value.toUpperCase(Locale.ROOT));
                if (code == null) {
                    code = enumerations.get(column.type()).get(value);
                }
                if (code == null) {
                    throw new CellError(column.name(), "screening.reject.enumeration", value);
                }
                if (column.type().equals("YES_NO")) {
                    return code.equals("Y") ? "t" : "f";
                }
                return code;
            }
        }
    }

    /**
     * The usual case: already {@code yyyy-MM-dd} and a real date, which is then its own
     * canonical form. Checked by hand because the formatter costs about as much as the
     * rest of a row (two dates per case).
     */
    private static boolean isCanonicalDate(String v) {
        if (v.length() != 10 || v.charAt(4) != '-' || v.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (i != 4 && i != 7 && (v.charAt(i) < '0' || v.charAt(i) > '9')) {
                return false;
            }
        }
        int year = Integer.parseInt(v, 0, 4, 10);
        int month = Integer.parseInt(v, 5, 7, 10);
        int day = Integer.parseInt(v, 8, 10, 10);
        return month >= 1 && month <= 12 && day >= 1 && day <= java.time.YearMonth.of(year, month).lengthOfMonth();
    }

    /**
     * Digits without a sign or a leading zero (but for a lone {@code 0} before the
     * point), at most {@code whole} of them, then optionally a point and 1 to
     * {@code decimals} digits: the form a number in the usual file already has.
     */
    static boolean isPlainNumber(String v, int whole, int decimals) {
        int dot = v.indexOf('.');
        int wholeEnd = dot < 0 ? v.length() : dot;
        if (wholeEnd == 0 || wholeEnd > whole || v.charAt(0) == '0' && wholeEnd > 1) {
            return false;
        }
        for (int i = 0; i < wholeEnd; i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return false;
            }
        }
        if (dot < 0) {
            return true;
        }
        int fraction = v.length() - dot - 1;
        if (fraction < 1 || fraction > decimals) {
            return false;
        }
        for (int i = dot + 1; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static ContractFormat load(String path) {
        try {
            Map<String, Map<String, String>> enums = new LinkedHashMap<>();
            for (List<String> row : rows("screening/enumerations.csv")) {
                // In the file's order, so that the words are offered as the contract
                // lists them.
                Map<String, String> words = enums.computeIfAbsent(row.get(0), k -> new LinkedHashMap<>());
                words.put(row.get(1), row.get(1));
                words.put(row.get(2), row.get(1));
            }
            List<Column> columns = new ArrayList<>();
            for (List<String> row : rows(path)) {
                columns.add(new Column(row.get(0), row.get(1), row.get(2), row.get(3).equals("Y"),
                        row.size() > 4 && !row.get(4).isBlank() ? Integer.parseInt(row.get(4)) : 0));
            }
            return new ContractFormat(columns, enums);
        }
        catch (IOException e) {
            throw new IllegalStateException(path, e);
        }
    }

    private static List<List<String>> rows(String path) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in = new ClassPathResource(path).getInputStream();
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            CsvReader.read(reader, (line, cells) -> {
                if (line > 1) {
                    rows.add(cells);
                }
            });
        }
        return rows;
    }

}
