package org.duban.shared;

import org.springframework.context.MessageSource;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One column of an import file as its page lists it ({@code ui :: importColumns}): the
 * header the reader looks for, a technical name when the reader also accepts one (else
 * null), whether a row must fill it, and what it accepts. Texts are resolved, because
 * some headers are contract data rather than messages (screening).
 */
public record ImportColumn(String header, String name, boolean required, String description) {

    /**
     * A column whose header and description are messages: {@code headerKey} and
     * {@code descriptionKey} with its arguments.
     */
    public static ImportColumn of(MessageSource messages, Locale locale, String headerKey, boolean required,
            String descriptionKey, Object... args) {
        return new ImportColumn(messages.getMessage(headerKey, null, locale), null, required,
                messages.getMessage(descriptionKey, args, locale));
    }

    /**
     * The labels of an enumeration's values ({@code prefix} + constant), as a column's
     * description lists the words it accepts.
     */
    public static String words(MessageSource messages, Locale locale, String prefix, Enum<?>[] values) {
        return Arrays.stream(values)
            .map(v -> messages.getMessage(prefix + v.name(), null, locale))
            .collect(Collectors.joining(" / "));
    }

}
