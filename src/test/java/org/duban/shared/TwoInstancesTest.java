package org.duban.shared;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.duban.DubanApplication;
import org.duban.ledger.EvidenceStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A city runs several application instances behind a load balancer on one PostgreSQL (ADR
 * 0007). Two real instances, each with its own web server on a random port, on one
 * database: a session signed in on one is valid on the other, a file stored through one
 * downloads from the other, a scheduled job locked by one is skipped by the other (every
 * scheduled job carries a ShedLock lock), and an event published on one is delivered once
 * (its publication completed once, its notice stored once and read on the other).
 */
class TwoInstancesTest {

    static EmbeddedPostgres pg;
    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;
    static final HttpClient HTTP = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10))
        .build();

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() throws Exception {
        pg = EmbeddedPostgres.builder().setRegisterShutdownHook(false).setPGStartupWait(Duration.ofSeconds(60)).start();
        a = instance(true);
        b = instance(false);
    }

    static ConfigurableApplicationContext instance(boolean demo) {
        // Command-line arguments: they outrank application.yml (server.port 8080 there).
        return new SpringApplicationBuilder(DubanApplication.class).run(
                "--spring.datasource.url=" + pg.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=", "--server.port=0",
                "--duban.demo-data=" + demo, "--duban.demo-data-on-external=true",
                "--logging.structured.format.console=", "--spring.main.banner-mode=off");
    }

    @AfterAll
    static void stop() throws Exception {
        for (ConfigurableApplicationContext c : new ConfigurableApplicationContext[] { b, a }) {
            if (c != null) {
                c.close();
            }
        }
        if (pg != null) {
            pg.close();
        }
    }

    static String base(ConfigurableApplicationContext c) {
        return "http://127.0.0.1:" + c.getEnvironment().getProperty("local.server.port");
    }

    /**
     * Signs in on instance {@code c} through the login form and returns the session
     * cookie.
     */
    static String signIn(ConfigurableApplicationContext c, String login) throws Exception {
        HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(URI.create(base(c) + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = cookie(form).orElseThrow();
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
        String body = "username=" + login + "&password=duban-demo&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> done = HTTP.send(HttpRequest.newBuilder(URI.create(base(c) + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", cookie)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return cookie(done).orElse(cookie);
    }

    static Optional<String> cookie(HttpResponse<?> response) {
        return response.headers()
            .allValues("Set-Cookie")
            .stream()
            .filter(v -> v.startsWith("SESSION="))
            .map(v -> v.substring(0, v.indexOf(';')))
            .findFirst();
    }

    static HttpResponse<byte[]> get(ConfigurableApplicationContext c, String path, String cookie) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base(c) + path)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aSessionSignedInOnOneInstanceIsValidOnTheOther() throws Exception {
        String session = signIn(a, "workteam");
        assertThat(get(b, "/problems", session).statusCode()).isEqualTo(200);
        assertThat(get(b, "/problems", "SESSION=forged").statusCode()).isEqualTo(302);
    }

    @Test
    void aFileStoredThroughOneInstanceDownloadsFromTheOther() throws Exception {
        // A 1 x 1 PNG: evidence is checked by its first bytes.
        byte[] png = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        UUID problem = a.getBean(JdbcClient.class)
            .sql("select id from problem where not confidential order by reference limit 1")
            .query(UUID.class)
            .single();
        UUID file = a.getBean(EvidenceStore.class).store(problem, EvidenceStore.Purpose.CLUE, "photo.png", png);
        HttpResponse<byte[]> download = get(b, "/problems/" + problem + "/files/" + file, signIn(a, "workteam"));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(png);
    }

    @Test
    void aJobLockedByOneInstanceIsSkippedByTheOther() {
        LockConfiguration job = new LockConfiguration(Instant.now(), "two-instances-test-job", Duration.ofMinutes(1),
                Duration.ZERO);
        Optional<SimpleLock> onA = a.getBean(LockProvider.class).lock(job);
        assertThat(onA).isPresent();
        assertThat(b.getBean(LockProvider.class).lock(job)).as("B while A holds the lock").isEmpty();
        onA.get().unlock();
        Optional<SimpleLock> onB = b.getBean(LockProvider.class).lock(job);
        assertThat(onB).as("B once A let go").isPresent();
        onB.get().unlock();
    }

    @Test
    void everyScheduledJobRunsUnderALockSharedByAllInstances() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) -> true);
        List<String> scheduled = new ArrayList<>();
        List<String> unlocked = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("org.duban")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            for (Method m : type.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Scheduled.class)) {
                    scheduled.add(type.getSimpleName() + "." + m.getName());
                    if (!m.isAnnotationPresent(SchedulerLock.class)) {
                        unlocked.add(type.getSimpleName() + "." + m.getName());
                    }
                }
            }
        }
        assertThat(scheduled).isNotEmpty();
        assertThat(unlocked).as("scheduled jobs without @SchedulerLock would run on every instance").isEmpty();
    }

    @Test
    void anEventPublishedOnOneInstanceIsDeliveredOnce() throws Exception {
        String session = signIn(a, "city");
        String form = new String(get(a, "/handdowns/new?kind=CASE", session).body(), StandardCharsets.UTF_8);
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).isTrue();
        JdbcClient db = a.getBean(JdbcClient.class);
        UUID county = db.sql("select id from org_unit where code = 'OTOG'").query(UUID.class).single();
        String title = "two instances " + UUID.randomUUID().toString().substring(0, 8);
        String body = "kind=CASE&toUnitIds=" + county + "&workingDays=5&description=hand-over+event&title="
                + URLEncoder.encode(title, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> issued = HTTP.send(HttpRequest.newBuilder(URI.create(base(a) + "/handdowns"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", session)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(issued.statusCode()).isEqualTo(302);
        UUID item = db.sql("select id from hand_down where title = :t").param("t", title).query(UUID.class).single();
        String publications = """
                select count(*) from event_publication
                where listener_id like '%%HandOverNotices%%' and serialized_event like :item %s
                """;
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (db.sql(publications.formatted("and completion_date is not null"))
            .param("item", "%" + item + "%")
            .query(Integer.class)
            .single() == 0) {
            assertThat(System.nanoTime()).as("the publication completes").isLessThan(end);
            Thread.sleep(100);
        }
        Thread.sleep(1000); // room for a second delivery, were there one
        assertThat(db.sql(publications.formatted("")).param("item", "%" + item + "%").query(Integer.class).single())
            .as("one publication for the listener")
            .isEqualTo(1);
        assertThat(db.sql("""
                select count(*) from notification n join staff s on s.id = n.recipient_id
                where s.login = 'otog-workteam' and n.link = :link
                """).param("link", "/handdowns/" + item).query(Integer.class).single()).isEqualTo(1);
        String inbox = new String(get(b, "/notifications", signIn(b, "otog-workteam")).body(), StandardCharsets.UTF_8);
        assertThat(inbox).contains(title);
    }

}
