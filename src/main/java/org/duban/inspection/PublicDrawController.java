package org.duban.inspection;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The public portal's draws (公示): no login, addressed by the random public id, with
 * everything to re-run them.
 */
@Controller
class PublicDrawController {

    static final int MAX_SNAPSHOT_CHARS = 2_000_000;
    static final long MAX_SCORES = 1_000_000;

    private final RandomDraws draws;

    PublicDrawController(RandomDraws draws) {
        this.draws = draws;
    }

    @GetMapping("/public/draws")
    String list(Model model) {
        model.addAttribute("draws", draws.published());
        return "inspection/public-draws";
    }

    @GetMapping("/public/draws/{id}")
    String show(@PathVariable UUID id, Model model) {
        RandomDraw draw = draws.getPublished(id);
        model.addAttribute("draw", draw);
        model.addAttribute("snapshot", draws.snapshot(draw.id()));
        return "inspection/public-draw";
    }

    @GetMapping("/public/draws/{id}/snapshot.csv")
    void snapshot(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        RandomDraw draw = draws.getPublished(id);
        writeSnapshot(draws.snapshot(draw.id()), draw, response);
    }

    /**
     * Recomputes the published draw on the server from the stored snapshot and shows
     * every check.
     */
    @GetMapping("/public/draws/{id}/verify")
    String recompute(@PathVariable UUID id, Model model) {
        RandomDraw draw = draws.getPublished(id);
        model.addAttribute("draw", draw);
        model.addAttribute("snapshot", draws.snapshot(draw.id()));
        model.addAttribute("verification", draws.verify(draw));
        return "inspection/public-draw";
    }

    @GetMapping("/public/draws/verify")
    String verifyForm(Model model) {
        model.addAttribute("counts", new int[] { 1, 0 });
        return "inspection/public-verify";
    }

    /**
     * Anyone may paste a snapshot and a seed and get the selection and the hash checks
     * back.
     */
    @PostMapping("/public/draws/verify")
    String verify(@RequestParam String snapshot, @RequestParam String seed,
            @RequestParam(required = false) String commitment, @RequestParam(required = false) String snapshotHash,
            @RequestParam(defaultValue = "1") int targetCount,
            @RequestParam(defaultValue = "0") int inspectorsPerTarget, Model model) {
        model.addAttribute("snapshotText", snapshot);
        model.addAttribute("seed", seed);
        model.addAttribute("commitment", commitment);
        model.addAttribute("snapshotHash", snapshotHash);
        model.addAttribute("counts", new int[] { targetCount, inspectorsPerTarget });
        try {
            if (snapshot.length() > MAX_SNAPSHOT_CHARS || targetCount < 1 || targetCount > 10_000
                    || inspectorsPerTarget < 0 || inspectorsPerTarget > 100) {
                throw new IllegalArgumentException("too large");
            }
            DrawSnapshot parsed = DrawSnapshot.parse(snapshot);
            // The page is public: bound the work (one HMAC per selected target and
            // inspector of the pool).
            if ((long) Math.min(targetCount, parsed.targets().size())
                    * Math.max(1, parsed.inspectors().size()) > MAX_SCORES) {
                throw new IllegalArgumentException("too large");
            }
            byte[] seedBytes = Canonical.hex32(seed);
            String hash = parsed.sha256();
            model.addAttribute("recomputedHash", hash);
            if (snapshotHash != null && !snapshotHash.isBlank()) {
                model.addAttribute("hashMatches", hash.equals(snapshotHash.strip().toLowerCase()));
            }
            if (commitment != null && !commitment.isBlank()) {
                model.addAttribute("commitmentMatches",
                        DrawAlgorithm.commitment(seedBytes).equals(commitment.strip().toLowerCase()));
            }
            model.addAttribute("selection", DrawAlgorithm.select(parsed, seedBytes, targetCount, inspectorsPerTarget));
        }
        catch (IllegalArgumentException e) {
            model.addAttribute("verifyError", e.getMessage());
        }
        return "inspection/public-verify";
    }

    static void writeSnapshot(DrawSnapshot snapshot, RandomDraw draw, HttpServletResponse response) throws IOException {
        byte[] bytes = snapshot.bytes();
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition",
                ContentDisposition.attachment()
                    .filename("draw-" + draw.publicId() + "-snapshot.csv", StandardCharsets.UTF_8)
                    .build()
                    .toString());
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

}
