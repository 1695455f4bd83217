package org.duban.screening;

import org.duban.shared.Command;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code java -jar duban.jar screen --benchmark benchmark.csv --cases cases.csv --out findings.csv [--all]}
 * (docs/screening-contract.md): imports both files into the configured database, runs
 * every enabled rule over the cases of the file given (with {@code --all}: over every
 * case in the database, e.g. a nightly batch), writes those findings. Bad rows go to
 * standard error and do not stop the run; unusable arguments or unreadable files exit
 * with 2.
 */
@Component
class ScreenCommand implements Command {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final Imports imports;

    private final Screening screening;

    private final Findings findings;

    private final MessageSource messages;

    PrintStream out = System.out;

    PrintStream err = System.err;

    ScreenCommand(Imports imports, Screening screening, Findings findings, MessageSource messages) {
        this.imports = imports;
        this.screening = screening;
        this.findings = findings;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "screen";
    }

    @Override
    public int run(List<String> args) throws Exception {
        Map<String, String> options = new HashMap<>();
        boolean all = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--all")) {
                all = true;
                continue;
            }
            if (!List.of("--benchmark", "--cases", "--out").contains(a) || i + 1 >= args.size()) {
                return usage("unknown or incomplete argument: " + a);
            }
            options.put(a.substring(2), args.get(++i));
        }
        if (!options.keySet().containsAll(List.of("benchmark", "cases", "out"))) {
            return usage("--benchmark, --cases and --out are required");
        }
        Path benchmark = Path.of(options.get("benchmark"));
        Path cases = Path.of(options.get("cases"));
        Path target = Path.of(options.get("out")).toAbsolutePath();
        for (Path p : List.of(benchmark, cases)) {
            if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
                return usage("cannot read " + p);
            }
        }
        if (target.getParent() != null && !Files.isDirectory(target.getParent())) {
            return usage("no such directory for " + target);
        }
        String actor = "cli:" + System.getProperty("user.name", "unknown");
        SecurityContextHolder.getContext()
            .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(actor, null, List.of()));
        try {
            // Time from the JVM's start to here: starting the context and its database
            // (figures for bench/).
            long startedUp = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
            long start = System.nanoTime();
            ImportResult b;
            out.println("benchmark: importing " + benchmark);
            try (InputStream in = new BufferedInputStream(Files.newInputStream(benchmark), 1 << 16)) {
                UUID id = imports.start("BENCHMARK", benchmark.getFileName().toString(), Files.size(benchmark), actor);
                b = imports.importBenchmark(id, in, isXlsx(benchmark));
            }
            report(benchmark, b);
            out.println("cases: importing " + cases + " (" + Files.size(cases) / 1024 + " KiB)");
            ImportResult c;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(cases), 1 << 16)) {
                UUID id = imports.start("CASES", cases.getFileName().toString(), Files.size(cases), actor);
                c = imports.importCases(id, in, isXlsx(cases), rows -> {
                    if (rows % 100_000 == 0) {
                        out.println("cases: " + rows + " rows read");
                    }
                });
            }
            report(cases, c);
            long imported = System.nanoTime();
            out.println("screening: running rules over " + (all || c.fileCases() == null ? "every case in the database"
                    : c.fileCases().length + " cases of " + cases.getFileName()));
            Screening.RunResult run = screening.run(Screening.Trigger.COMMAND, actor, line -> out.println("  " + line),
                    all ? null : c.fileCases());
            long screened = System.nanoTime();
            long written;
            try (Writer w = new BufferedWriter(
                    new OutputStreamWriter(Files.newOutputStream(target), StandardCharsets.UTF_8))) {
                written = findings.writeCsv(run.id(), w, CHINESE);
            }
            out.printf(Locale.ROOT,
                    "screen: %d cases read, %d new, %d updated, %d rejected; %d rules, %d findings "
                            + "(start-up %.1f s, import %.1f s, rules %.1f s, written %.1f s) -> %s%n",
                    c.rowsRead(), c.inserted(), c.updated(), c.rejectedCount(), run.counts().size(), written,
                    startedUp / 1e3, (imported - start) / 1e9, (screened - imported) / 1e9,
                    (System.nanoTime() - screened) / 1e9, target);
            return 0;
        }
        catch (ImportRefused refused) {
            err.println("screen: "
                    + messages.getMessage(refused.messageKey(), refused.args(), refused.messageKey(), CHINESE));
            return 2;
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void report(Path file, ImportResult r) {
        for (ImportResult.Warning w : r.warnings()) {
            err.println(file.getFileName() + ": "
                    + messages.getMessage(w.key(), new Object[] { w.arg() }, w.key(), CHINESE));
        }
        for (ImportResult.Rejection rej : r.rejections()) {
            err.println(file.getFileName() + ":" + rej.line() + ": " + rej.column() + ": "
                    + messages.getMessage(rej.reasonKey(), new Object[] { rej.value() }, rej.reasonKey(), CHINESE));
        }
        if (r.rejectedCount() > r.rejections().size()) {
            err.println(
                    file.getFileName() + ": " + (r.rejectedCount() - r.rejections().size()) + " more rejected rows");
        }
        out.println(file.getFileName() + ": " + r.rowsRead() + " rows, " + r.inserted() + " new, " + r.updated()
                + " updated, " + r.unchanged() + " unchanged, " + r.rejectedCount() + " rejected");
    }

    private int usage(String problem) {
        err.println("screen: " + problem);
        err.println("usage: java -jar duban.jar screen --benchmark benchmark.csv --cases cases.csv --out findings.csv"
                + " [--all]");
        return 2;
    }

    static boolean isXlsx(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        }
    }

}
