package org.duban.inspection;

import org.duban.shared.Command;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code verify-draw --snapshot snapshot.csv --seed <hex> [--commitment <hex>] [--snapshot-hash <hex>]
 * [--count N] [--inspectors K] [--expect selection.txt] [--draw <public id>]}: re-runs a
 * draw and prints the selection. Exit 0 when every given check matches, 1 on a mismatch,
 * 2 for unusable arguments. With {@code --draw} it also compares with the draw stored in
 * the database (hash, commitment, counts, selection).
 */
@Component
class VerifyDrawCommand implements Command {

    private final RandomDraws draws;

    PrintStream out = System.out;

    PrintStream err = System.err;

    VerifyDrawCommand(RandomDraws draws) {
        this.draws = draws;
    }

    @Override
    public String name() {
        return "verify-draw";
    }

    @Override
    public int run(List<String> args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--") || i + 1 >= args.size()) {
                return usage("unexpected argument " + a);
            }
            options.put(a.substring(2), args.get(++i));
        }
        if (!options.containsKey("snapshot") || !options.containsKey("seed")) {
            return usage("--snapshot and --seed are required");
        }
        DrawSnapshot snapshot;
        byte[] seed;
        try {
            snapshot = DrawSnapshot.parse(Files.readString(Path.of(options.get("snapshot")), StandardCharsets.UTF_8));
            seed = Canonical.hex32(options.get("seed"));
        }
        catch (IllegalArgumentException | java.io.IOException e) {
            return usage(e.getMessage());
        }
        Optional<RandomDraw> stored = Optional.empty();
        if (options.containsKey("draw")) {
            try {
                stored = draws.findByPublicId(UUID.fromString(options.get("draw")));
            }
            catch (IllegalArgumentException e) {
                return usage("--draw takes a public draw id");
            }
            if (stored.isEmpty()) {
                err.println("no draw " + options.get("draw"));
                return 1;
            }
        }
        int count;
        int perTarget;
        try {
            count = Integer
                .parseInt(options.getOrDefault("count", stored.map(d -> String.valueOf(d.targetCount())).orElse("1")));
            perTarget = Integer.parseInt(options.getOrDefault("inspectors",
                    stored.map(d -> String.valueOf(d.inspectorsPerTarget())).orElse("0")));
        }
        catch (NumberFormatException e) {
            return usage("--count and --inspectors take numbers");
        }
        boolean ok = true;
        String hash = snapshot.sha256();
        out.println("snapshot-sha256 " + hash);
        String expectedHash = options.getOrDefault("snapshot-hash", stored.map(RandomDraw::snapshotHash).orElse(null));
        if (expectedHash != null) {
            boolean match = hash.equalsIgnoreCase(expectedHash.strip());
            out.println("snapshot-hash " + (match ? "MATCH" : "MISMATCH expected " + expectedHash.strip()));
            ok &= match;
        }
        String commitment = options.getOrDefault("commitment", stored.map(RandomDraw::seedCommitment).orElse(null));
        if (commitment != null) {
            boolean match = DrawAlgorithm.commitment(seed).equalsIgnoreCase(commitment.strip());
            out.println("commitment " + (match ? "MATCH" : "MISMATCH expected " + commitment.strip()));
            ok &= match;
        }
        Selection selection;
        try {
            selection = DrawAlgorithm.select(snapshot, seed, count, perTarget);
        }
        catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        out.println("selection count=" + count + " inspectors=" + perTarget + " algorithm=" + DrawAlgorithm.NAME);
        out.print(selection.text());
        String expected = options.containsKey("expect")
                ? Files.readString(Path.of(options.get("expect")), StandardCharsets.UTF_8)
                : stored.map(RandomDraw::selectionText).orElse(null);
        if (expected != null) {
            boolean match = expected.replace("\r\n", "\n").strip().equals(selection.text().strip());
            out.println("selection " + (match ? "MATCH" : "MISMATCH"));
            ok &= match;
        }
        out.println(ok ? "VERIFIED" : "FAILED");
        return ok ? 0 : 1;
    }

    private int usage(String problem) {
        err.println("verify-draw: " + problem);
        err.println("usage: verify-draw --snapshot snapshot.csv --seed <64 hex> [--commitment <64 hex>] "
                + "[--snapshot-hash <64 hex>] [--count N] [--inspectors K] [--expect selection.txt] [--draw <public id>]");
        return 2;
    }

}
