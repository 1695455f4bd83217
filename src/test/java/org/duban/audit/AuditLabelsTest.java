package org.duban.audit;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every action the application can write to the operation log, and every field of the
 * changes it wrote, is named in words in Chinese and English (ADR 0414). Order does not
 * matter: the actions are read from the code's audit calls, not from the log; the log is
 * read only for rows of actions the code can write, so the rows other tests write by hand
 * with made-up actions ({@code test.named}, {@code problem.noted}) never count. An action
 * made at run time ({@code "complaint." + t.action()}) counts when its rest is a word of
 * its module's code ({@code accept}, {@code check.passed}, an enum constant). The
 * demonstration's rows are always there (it loads before the first test).
 */
@DubanTest
class AuditLabelsTest {

    static final List<Locale> LOCALES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    /** An action code: dotted words, {@code reporting.report.received}. */
    static final Pattern ACTION = Pattern.compile("\"([a-z][a-zA-Z]*(?:\\.[a-zA-Z]+)+)\"");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    @Autowired
    List<AuditFieldNames> fieldNamers;

    @Test
    void everyActionTheCodeCanWriteHasALabel() throws IOException {
        Actions actions = Actions.inCode(Path.of("src/main/java"));
        assertThat(actions.unresolved()).as("audit calls whose action is not a literal the test can follow").isEmpty();
        assertThat(actions.codes()).as("read from the code: literal, conditional, through a helper, sign-in")
            .contains("campaign.created", "screening.cases.imported", "reporting.report.received", "training.cancelled",
                    "security.login", "security.loginFailed", "audit.verified");
        assertThat(actions.madeAtRunTime().keySet()).as("prefixes of actions made at run time")
            .contains("complaint.", "problem.", "handdown.");
        Set<String> all = new TreeSet<>(actions.codes());
        all.addAll(actions.madeAtRunTime(loggedActions()));
        assertThat(all).as("actions made at run time that the demonstration wrote")
            .contains("problem.assign", "problem.check.passed", "complaint.accepted");
        for (Locale locale : LOCALES) {
            assertThat(all.stream().filter(a -> label("audit.action." + a, locale) == null).toList())
                .as("actions without a label in %s", locale)
                .isEmpty();
        }
    }

    Set<String> loggedActions() {
        return new TreeSet<>(jdbc.sql("select distinct action from audit_log").query(String.class).list());
    }

    @Test
    void everyFieldOfTheApplicationsAuditedChangesHasALabel() throws IOException {
        List<AuditEntry> entries = entriesTheApplicationWrote();
        Set<String> fields = new TreeSet<>();
        Set<String> unlabelled = new TreeSet<>();
        for (AuditEntry entry : entries) {
            for (AuditEntry.FieldChange change : entry.changes()) {
                if (change.field().isEmpty()) {
                    continue;
                }
                fields.add(change.field());
                for (Locale locale : LOCALES) {
                    if (label("audit.change." + change.field(), locale) == null
                            && !namedByModule(entry.objectType(), change.field(), locale)) {
                        unlabelled.add(locale + " " + entry.action() + " " + change.field());
                    }
                }
            }
        }
        assertThat(fields).as("the demonstration's changes are audited field by field").isNotEmpty();
        assertThat(unlabelled).as("fields without a label (locale, action, field)").isEmpty();
    }

    @Test
    void everyCodeAModuleDeclaresHasALabelInEachLanguage() {
        List<CodedFields> coded = fieldNamers.stream()
            .filter(CodedFields.class::isInstance)
            .map(CodedFields.class::cast)
            .toList();
        assertThat(coded).extracting(AuditFieldNames::objectType)
            .as("the records whose statuses and kinds are audited")
            .contains("problem", "complaint", "key_task", "report", "hand_down", "inspection", "org_unit");
        List<String> unlabelled = new ArrayList<>();
        for (CodedFields fields : coded) {
            for (CodedFields.Coded field : fields.fields()) {
                for (String code : field.codes()) {
                    for (Locale locale : LOCALES) {
                        String label = fields.value(field.field(), code, locale);
                        if (label == null || label.equals(code)) {
                            unlabelled.add(locale + " " + fields.objectType() + ":" + field.field() + "=" + code);
                        }
                    }
                }
            }
        }
        assertThat(unlabelled).as("codes without a label (locale, type:field=code)").isEmpty();
    }

    /**
     * A value shaped like a code ({@code IN_PROGRESS}) in a change the application wrote
     * is in a field whose codes a module names; the unit's own code (OTOGQ) is data
     * people type, not a code of the application.
     */
    @Test
    void everyFieldWithCodesInTheApplicationsAuditedChangesHasItsCodesNamed() throws IOException {
        List<AuditEntry> entries = entriesTheApplicationWrote();
        Pattern codeShaped = Pattern.compile("[A-Z][A-Z0-9]*_?[A-Z0-9_]+");
        Set<String> codedFields = new TreeSet<>();
        Set<String> unnamed = new TreeSet<>();
        for (AuditEntry entry : entries) {
            for (AuditEntry.FieldChange change : entry.changes()) {
                String field = entry.objectType() + ":" + change.field();
                if (change.field().isEmpty() || field.equals("org_unit:code")) {
                    continue;
                }
                for (String value : List.of(change.before(), change.after())) {
                    if (codeShaped.matcher(value).matches()) {
                        codedFields.add(field);
                        if (fieldNamers.stream()
                            .noneMatch(n -> n.objectType().equals(entry.objectType())
                                    && n.value(change.field(), value, Locale.SIMPLIFIED_CHINESE) != null)) {
                            unnamed.add(field + "=" + value);
                        }
                    }
                }
            }
        }
        assertThat(codedFields).as("the demonstration's changes hold codes").contains("problem:status");
        assertThat(unnamed).as("codes the log would show as written (type:field=code)").isEmpty();
    }

    /**
     * The log's rows of actions the code can write: rows other tests write by hand with
     * made-up actions never count.
     */
    List<AuditEntry> entriesTheApplicationWrote() throws IOException {
        Actions code = Actions.inCode(Path.of("src/main/java"));
        Set<String> actions = new TreeSet<>(code.codes());
        actions.addAll(code.madeAtRunTime(loggedActions()));
        return jdbc.sql("select * from audit_log where action = any(:actions)")
            .param("actions", actions.toArray(String[]::new))
            .query((rs, n) -> AuditEntry.from(rs))
            .list();
    }

    String label(String key, Locale locale) {
        return messages.getMessage(key, null, null, locale);
    }

    boolean namedByModule(String objectType, String field, Locale locale) {
        return fieldNamers.stream().anyMatch(n -> n.objectType().equals(objectType) && n.field(field, locale) != null);
    }

    /**
     * The action codes of the code's audit calls: the first argument of
     * {@code AuditEvent.change}/{@code of} (every literal in it, so a conditional counts
     * both ways), an action passed through a helper's {@code String} parameter (the
     * literals at that place of the helper's calls in the same file), and the sign-in's
     * actions that {@code AuditTrail} appends itself. A call this cannot follow is
     * unresolved, and the test says where.
     */
    record Actions(Set<String> codes, Map<String, Set<String>> madeAtRunTime, List<String> unresolved) {

        /**
         * A literal prefix and a value known at run time:
         * {@code "complaint." + t.action()}.
         */
        static final Pattern PREFIXED = Pattern.compile("^\"([a-z][a-zA-Z.]*\\.)\"\\s*\\+");

        /** A word of the code: a string literal's text or an identifier. */
        static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_.]*");

        /**
         * Of the given actions, those made at run time whose rest is a word of the code
         * of the module that makes them.
         */
        Set<String> madeAtRunTime(Set<String> candidates) {
            Set<String> found = new TreeSet<>();
            for (String action : candidates) {
                madeAtRunTime.forEach((prefix, words) -> {
                    if (action.startsWith(prefix) && words.contains(action.substring(prefix.length()).toLowerCase())) {
                        found.add(action);
                    }
                });
            }
            return found;
        }

        static final Pattern AUDIT_CALL = Pattern.compile("AuditEvent\\.(?:change|of)\\(");

        static final Pattern APPEND_CALL = Pattern.compile("\\bappend\\(");

        static Actions inCode(Path root) throws IOException {
            Actions found = new Actions(new TreeSet<>(), new TreeMap<>(), new ArrayList<>());
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String code = Files.readString(file);
                    Matcher call = AUDIT_CALL.matcher(code);
                    while (call.find()) {
                        found.add(file, code, arguments(code, call.end()).get(0));
                    }
                    if (file.endsWith("audit/AuditTrail.java")) {
                        Matcher append = APPEND_CALL.matcher(code);
                        while (append.find()) {
                            List<String> args = arguments(code, append.end());
                            if (args.size() > 1 && ACTION.matcher(args.get(1)).find()) {
                                found.add(file, code, args.get(1));
                            }
                        }
                    }
                }
            }
            return found;
        }

        /** The action of one argument: its literals, or those a helper is called with. */
        void add(Path file, String code, String argument) throws IOException {
            Matcher prefixed = PREFIXED.matcher(argument);
            if (prefixed.find()) {
                Set<String> words = madeAtRunTime.computeIfAbsent(prefixed.group(1), p -> new TreeSet<>());
                try (Stream<Path> module = Files.walk(file.getParent())) {
                    for (Path source : module.filter(f -> f.toString().endsWith(".java")).toList()) {
                        WORD.matcher(Files.readString(source))
                            .results()
                            .forEach(w -> words.add(w.group().toLowerCase()));
                    }
                }
                return;
            }
            List<String> literals = literals(argument);
            if (!literals.isEmpty()) {
                codes.addAll(literals);
                return;
            }
            List<String> throughHelper = argument.matches("\\w+") ? throughHelper(code, argument) : List.of();
            if (throughHelper.isEmpty()) {
                unresolved.add(file.getFileName() + ": " + argument);
            }
            codes.addAll(throughHelper);
        }

        /**
         * The literals passed as {@code parameter} to the methods of the file that take a
         * {@code String parameter}.
         */
        static List<String> throughHelper(String code, String parameter) {
            List<String> literals = new ArrayList<>();
            Matcher declaration = Pattern
                .compile("\\b(\\w+)\\(([^()]*\\bString " + parameter + "\\b[^()]*)\\)\\s*(?:throws [\\w., ]+)?\\{")
                .matcher(code);
            while (declaration.find()) {
                String method = declaration.group(1);
                List<String> params = List.of(declaration.group(2).split(","));
                int index = -1;
                for (int i = 0; i < params.size(); i++) {
                    if (params.get(i).strip().endsWith("String " + parameter)) {
                        index = i;
                    }
                }
                Matcher call = Pattern.compile("\\b" + method + "\\(").matcher(code);
                while (call.find()) {
                    if (call.start() == declaration.start(1)) {
                        continue;
                    }
                    List<String> args = arguments(code, call.end());
                    if (index < args.size()) {
                        literals.addAll(literals(args.get(index)));
                    }
                }
            }
            return literals;
        }

        static List<String> literals(String text) {
            return ACTION.matcher(text).results().map(m -> m.group(1)).toList();
        }

        /** The arguments of the call whose opening parenthesis ends at {@code from}. */
        static List<String> arguments(String code, int from) {
            List<String> args = new ArrayList<>();
            int depth = 0;
            boolean inString = false;
            StringBuilder arg = new StringBuilder();
            for (int i = from; i < code.length(); i++) {
                char c = code.charAt(i);
                if (c == '"' && code.charAt(i - 1) != '\\') {
                    inString = !inString;
                }
                else if (!inString && (c == '(' || c == '{' || c == '[')) {
                    depth++;
                }
                else if (!inString && (c == ')' || c == '}' || c == ']')) {
                    if (depth == 0) {
                        args.add(arg.toString().strip());
                        return args;
                    }
                    depth--;
                }
                else if (!inString && c == ',' && depth == 0) {
                    args.add(arg.toString().strip());
                    arg.setLength(0);
                    continue;
                }
                arg.append(c);
            }
            return args;
        }

    }

}
