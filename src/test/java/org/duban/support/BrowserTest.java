package org.duban.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.duban.account.DemoSecondFactor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Base of browser tests: the whole application on a random port (embedded PostgreSQL with
 * demonstration data) and Debian's Chromium driven by Playwright. Playwright never
 * downloads a browser here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("browser")
@TestPropertySource(properties = { "duban.database.data-dir=", "duban.demo-data=true",
        "duban.demo-data-on-external=true", "logging.structured.format.console=",
        // As in DubanTest: the browser tests all sign in from 127.0.0.1, and a wrong code
        // or
        // password of one test must not lock the address for the tests after it.
        "duban.security.login.max-failures-per-address=1000",
        // Graceful shutdown would wait for the browser's keep-alive connections.
        "server.shutdown=immediate" })
public abstract class BrowserTest {

    static final Path CHROMIUM = Paths.get(System.getenv().getOrDefault("DUBAN_CHROMIUM", "/usr/bin/chromium"));

    protected static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    protected int port;

    protected BrowserContext context;

    protected Page page;

    /**
     * Accepts every confirmation; a test that checks a question removes it with
     * {@code page.offDialog}.
     */
    protected final java.util.function.Consumer<com.microsoft.playwright.Dialog> acceptDialogs = dialog -> dialog
        .accept();

    @BeforeAll
    static void launch() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        playwright = Playwright
            .create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium()
            .launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openContext() {
        context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1280, 900));
        // Generous: on a loaded 2-core machine a first page render can take many seconds.
        context.setDefaultTimeout(60_000);
        page = context.newPage();
        // Irreversible steps ask first (data-confirm); tests that click them mean it.
        page.onDialog(acceptDialogs);
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected void signIn(String login) {
        typePassword(login, "duban-demo");
        page.waitForURL(u -> !u.contains("/login") || u.contains("/login/second-factor"));
        if (page.url().contains("/login/second-factor")) {
            // Only the demonstration administrator has a second factor (docs/adr/0111).
            page.fill("#code", DemoSecondFactor.adminCode());
            page.click("button[type=submit]");
            page.waitForURL(u -> !u.contains("/login"));
        }
    }

    /** The password step of signing in, and no more. */
    protected void typePassword(String login, String password) {
        page.navigate(url("/login"));
        page.fill("#username", login);
        page.fill("#password", password);
        page.click("button[type=submit]");
    }

    /**
     * Collects the page's script errors (a CSP violation included) and failed requests,
     * except the browser's own favicon probe, into the returned list; a test asserts it
     * is empty at the end.
     */
    protected List<String> watchForErrors() {
        List<String> errors = new java.util.ArrayList<>();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type()) && !m.text().startsWith("Failed to load resource")) {
                errors.add(m.text());
            }
        });
        page.onResponse(r -> {
            if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) {
                errors.add(r.status() + " " + r.url());
            }
        });
        return errors;
    }

    /**
     * Opens the page of the to-do list that lists the item {@code itemId}: the list is
     * paged (50 rows a page, the most urgent first) and other tests add items to the
     * shared database. Stays on the first page if no page lists it.
     */
    protected void openToDoWith(String itemId) {
        String row = "tr[data-item='" + itemId + "']";
        page.navigate(url("/todo"));
        String total = page.locator("#total").count() == 0 ? "" : page.textContent("#total").replaceAll("[^0-9]", "");
        int pages = total.isEmpty() ? 1 : (Integer.parseInt(total) + 49) / 50;
        for (int number = 2; number <= pages && page.locator(row).count() == 0; number++) {
            page.navigate(url("/todo?page=" + number));
        }
        if (page.locator(row).count() == 0) {
            page.navigate(url("/todo"));
        }
    }

    protected void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** Where the README's screenshots live. */
    protected static final Path DOC_IMAGES = Paths.get("docs", "images");

    /**
     * A screenshot the README shows: taken like any other, and copied into
     * {@code docs/images/} when the run has {@code -Dduban.docs.update=true}.
     */
    protected void documentationShot(String name) {
        screenshot(name);
        if (Boolean.getBoolean("duban.docs.update")) {
            try {
                Files.copy(SCREENSHOTS.resolve(name + ".png"), DOC_IMAGES.resolve(name + ".png"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            catch (java.io.IOException ex) {
                throw new IllegalStateException(ex);
            }
        }
    }

}
