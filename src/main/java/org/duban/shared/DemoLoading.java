package org.duban.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Runs the modules' {@link DemoLoader}s in their order once the application is ready.
 * Launched from {@code main} ({@code duban.demo-data-in-background=true}) they run on a
 * thread of their own: the application answers (health UP) at once and the home page
 * shows a banner until the data is there (issue 16: loading took seconds of every fresh
 * start). Tests load synchronously, before their first test method. Nothing runs unless
 * {@link DemoMode#wanted()}, so never for a command.
 */
@Component
public class DemoLoading {

    private static final Logger log = LoggerFactory.getLogger(DemoLoading.class);

    private final ObjectProvider<DemoLoader> loaders;

    private final DemoMode demoMode;

    private final boolean background;

    private volatile boolean inProgress;

    DemoLoading(ObjectProvider<DemoLoader> loaders, DemoMode demoMode,
            @Value("${duban.demo-data-in-background:false}") boolean background) {
        this.loaders = loaders;
        this.demoMode = demoMode;
        this.background = background;
    }

    /** Whether demonstration data is still being loaded (the home page's banner). */
    public boolean inProgress() {
        return inProgress;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady(ApplicationReadyEvent event) throws Exception {
        if (!demoMode.wanted()) {
            return;
        }
        List<DemoLoader> ordered = loaders.orderedStream().toList();
        DefaultApplicationArguments args = new DefaultApplicationArguments(event.getArgs());
        if (!background) {
            load(ordered, args);
            return;
        }
        inProgress = true;
        Thread thread = new Thread(() -> {
            try {
                load(ordered, args);
            }
            catch (Exception e) {
                log.error("Demonstration data could not be loaded", e);
            }
            finally {
                inProgress = false;
            }
        }, "demo-data");
        thread.setDaemon(true);
        thread.start();
    }

    private static void load(List<DemoLoader> loaders, DefaultApplicationArguments args) throws Exception {
        long start = System.nanoTime();
        for (DemoLoader loader : loaders) {
            loader.run(args);
        }
        log.info("Demonstration data checked and loaded where missing in {} ms",
                (System.nanoTime() - start) / 1_000_000);
    }

}
