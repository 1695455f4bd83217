package org.duban.audit;

import org.springframework.context.MessageSource;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fields of one object type whose audited values are codes of a fixed list (a status,
 * a kind, a channel): the log shows the label the module's own pages show, found by the
 * code under the module's message prefix ({@code keytask.status.IN_PROGRESS} → 进行中). The
 * field itself is named by the {@code audit.change.*} messages; the code stays in the
 * page's title attribute for whoever needs it.
 */
public final class CodedFields implements AuditFieldNames {

    /**
     * A coded field: its name in the change, the message prefix of its labels, its codes.
     */
    public record Coded(String field, String prefix, List<String> codes) {

        public static Coded of(String field, String prefix, Class<? extends Enum<?>> codes) {
            return new Coded(field, prefix, Arrays.stream(codes.getEnumConstants()).map(Enum::name).toList());
        }

    }

    private final String objectType;

    private final MessageSource messages;

    private final Map<String, Coded> byField;

    public CodedFields(String objectType, MessageSource messages, Coded... fields) {
        this.objectType = objectType;
        this.messages = messages;
        this.byField = Arrays.stream(fields).collect(Collectors.toUnmodifiableMap(Coded::field, Function.identity()));
    }

    @Override
    public String objectType() {
        return objectType;
    }

    /**
     * The fields this object type has codes in, for a check that every code has a label.
     */
    public List<Coded> fields() {
        return List.copyOf(byField.values());
    }

    @Override
    public String field(String field, Locale locale) {
        return null;
    }

    @Override
    public String value(String field, String value, Locale locale) {
        Coded coded = byField.get(field);
        if (coded == null || !coded.codes().contains(value)) {
            return null;
        }
        return messages.getMessage(coded.prefix() + value, null, null, locale);
    }

}
