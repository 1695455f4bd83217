package org.duban.security;

import org.duban.account.DemoSecondFactor;
import org.duban.support.RawHttp;
import org.duban.support.RawHttp.Answer;
import org.duban.support.RealServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated bad input against a real server on a random port (Tomcat's own parsing
 * included, which MockMvc skips), sent over a raw socket so that malformed paths, broken
 * percent-encoding and wrong media types reach the server unchanged. Every route the
 * handler mapping knows is fuzzed with the field names its handler reads: the public
 * routes anonymously, the staff routes as each demonstration role (only the routes its
 * permissions open). Any 5xx or any stack-trace text in a response fails the test.
 */
@RealServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoServerErrorFuzzTest {

    static final int PER_AUDIENCE = 1_000;
    static final String PASSWORD = "duban-demo";
    static final List<String> ROLES = List.of("admin", "leader", "workteam", "unit", "auditor", "city");

    /** Routes the fuzzer leaves alone: signing out would end the session it works in. */
    static final Set<String> SKIPPED = Set.of("/logout", "/webjars/**", "/css/**", "/js/**", "/img/**");

    /** Percent-encoded values, sent as they are: Tomcat decodes them. */
    static final List<String> BAD_VALUES = List.of("a%00b", "%00", "x".repeat(5_000), "%ff%fe%fd", "%ED%A0%80",
            "%C0%AF", "%", "%zz", "%25%", "'%20OR%201%3D1;--", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "-99999999999999999999", "NaN", "9999-99-99", "2023-02-30", "not-a-uuid",
            "00000000-0000-0000-0000-000000000000", "..%2F..%2Fetc%2Fpasswd", "%1b%5b31m", "%E2%80%AE%E2%80%8B", "",
            "%20%20", "1e400", "true%00", "%0d%0aX-Injected:%201");
    static final List<String> BAD_SEGMENTS = List.of("not-a-uuid", "%00", "a%00b", "%", "%zz", "%ff", "..%2f..",
            "%2e%2e", ";x=1", "x".repeat(3_000), "00000000-0000-0000-0000-000000000000", "-1", "%5c", "%252e%252e");
    static final List<String> BAD_CONTENT_TYPES = List.of("multipart/form-data", "multipart/form-data; boundary=x",
            "application/json", "text/xml", "application/x-www-form-urlencoded; charset=nonsense", "image/png", "*/*",
            "x");

    static final Pattern STACK_TRACE = Pattern.compile(
            "\\bat (java|javax|jakarta|org|com|jdk|sun)\\.[\\w.$]+\\(|\\b[a-z]+\\.[a-z]+(\\.[\\w$]+)*(Exception|Error)\\b"
                    + "|PSQLException|SQLState|org\\.springframework\\.");
    static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    static final Pattern SESSION_COOKIE = Pattern.compile("(?i)set-cookie: SESSION=([^;\\r\\n]+)");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @Autowired
    List<RouteRules> declarations;

    @Autowired
    JdbcClient jdbc;

    List<Route> routes;

    final java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();

    record Route(String method, String pattern, Access access, Set<String> fields, Set<String> files, boolean json) {
    }

    record Request(String method, String target, String contentType, byte[] body, String label) {
    }

    @BeforeAll
    void collectRoutes() {
        List<RouteRule> rules = declarations.stream().flatMap(d -> d.rules().stream()).toList();
        AntPathMatcher matcher = new AntPathMatcher();
        routes = new ArrayList<>();
        handlers.getHandlerMethods().forEach((info, handler) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST)
                        : methods) {
                    if (SKIPPED.contains(pattern)) {
                        continue;
                    }
                    rules.stream()
                        .filter(r -> r.method().equals(HttpMethod.valueOf(method.name()))
                                && (r.pattern().equals(pattern) || matcher.match(r.pattern(), pattern)))
                        .findFirst()
                        .ifPresent(rule -> routes.add(describe(method.name(), pattern, rule.access(), handler, info)));
                }
            }
        });
        routes.sort((a, b) -> (a.method() + a.pattern()).compareTo(b.method() + b.pattern()));
    }

    @Test
    void publicRoutesAnswerBadInputWithoutServerErrors() throws Exception {
        List<Route> open = routes.stream().filter(r -> r.access() instanceof Access.Public).toList();
        assertThat(open).isNotEmpty();
        List<String> failures = fuzz(open, null, new Random(17));
        assertThat(failures).as("5xx or stack traces on public routes").isEmpty();
    }

    @Test
    void staffRoutesAnswerBadInputWithoutServerErrorsForEveryRole() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String login : ROLES) {
            Set<String> permissions = new TreeSet<>(jdbc.sql("""
                    select rp.permission from staff s join staff_role sr on sr.staff_id = s.id
                    join role_permission rp on rp.role_code = sr.role_code where s.login = :login
                    """).param("login", login).query(String.class).list());
            List<Route> reachable = routes.stream()
                .filter(r -> r.access() instanceof Access.SignedIn
                        || (r.access() instanceof Access.Permission p && permissions.contains(p.code())))
                .toList();
            assertThat(reachable).as(login).isNotEmpty();
            failures.addAll(fuzz(reachable, login, new Random(login.hashCode())));
        }
        assertThat(failures).as("5xx or stack traces on staff routes").isEmpty();
    }

    /**
     * {@link #PER_AUDIENCE} requests or a few more: taken in turn from each route's own
     * generated list (route × field × value, bad path segments, bad media types), so
     * every route gets its share; then random combinations if the lists run out first.
     */
    private List<String> fuzz(List<Route> targets, String login, Random random) throws Exception {
        Session session = login == null ? anonymous() : signIn(login);
        List<java.util.Deque<Request>> perRoute = new ArrayList<>();
        for (Route route : targets) {
            List<Request> generated = new ArrayList<>(generate(route, session.csrf(), random));
            java.util.Collections.shuffle(generated, random);
            perRoute.add(new java.util.ArrayDeque<>(generated));
        }
        List<Request> requests = new ArrayList<>();
        boolean any = true;
        while (requests.size() < PER_AUDIENCE && any) {
            any = false;
            for (java.util.Deque<Request> queue : perRoute) {
                if (!queue.isEmpty()) {
                    requests.add(queue.poll());
                    any = true;
                }
            }
        }
        while (requests.size() < PER_AUDIENCE) {
            Route route = targets.get(random.nextInt(targets.size()));
            requests.add(combined(route, session.csrf(), random));
        }
        List<String> failures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (Request request : requests) {
                results.add(pool.submit(() -> check(request, session.cookie())));
            }
            for (Future<String> result : results) {
                String failure = result.get();
                if (failure != null) {
                    failures.add((login == null ? "anonymous" : login) + " " + failure);
                }
            }
        }
        finally {
            pool.shutdown();
        }
        assertThat(requests.size()).isGreaterThanOrEqualTo(PER_AUDIENCE);
        sent.addAndGet(requests.size());
        System.out.printf("fuzz: %d requests to %d routes as %s%n", requests.size(), targets.size(),
                login == null ? "anonymous" : login);
        return failures;
    }

    private String check(Request request, String cookie) throws IOException {
        Answer answer = send(request, cookie);
        if (answer.status() >= 500 || answer.status() < 100) {
            return answer.status() + " " + request.label();
        }
        Matcher trace = STACK_TRACE.matcher(answer.text());
        if (trace.find()) {
            return "stack trace '" + trace.group() + "' " + request.label();
        }
        return null;
    }

    private List<Request> generate(Route route, String csrf, Random random) {
        List<Request> requests = new ArrayList<>();
        String path = concrete(route.pattern(), random);
        for (String field : route.fields()) {
            for (String value : BAD_VALUES) {
                requests.add(form(route, path, Map.of(field, value), csrf, field + "=" + abbreviate(value)));
            }
        }
        if (route.pattern().contains("{")) {
            for (String segment : BAD_SEGMENTS) {
                String bad = route.pattern().replaceAll("\\{[^}]+}", segment);
                requests.add(form(route, bad, Map.of(), csrf, "path " + abbreviate(segment)));
            }
        }
        if (route.method().equals("POST")) {
            for (String type : BAD_CONTENT_TYPES) {
                requests.add(new Request("POST", path + "?_csrf=" + csrf, type,
                        "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\u0000{<"
                            .getBytes(StandardCharsets.UTF_8),
                        route.method() + " " + path + " as " + type));
            }
            requests.add(new Request("POST", path + "?_csrf=" + csrf, "multipart/form-data; boundary=x",
                    ("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a%00.xlsx\"\r\n"
                            + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n"
                            + "PK\u0003\u0004garbage\r\n--x--\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1),
                    route.method() + " " + path + " with a broken spreadsheet"));
        }
        return requests;
    }

    private Request combined(Route route, String csrf, Random random) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : route.fields()) {
            if (random.nextBoolean()) {
                values.put(field, BAD_VALUES.get(random.nextInt(BAD_VALUES.size())));
            }
        }
        values.put(List.of("q", "page", "size", "sort", "id", "unitId", "campaignId", "status").get(random.nextInt(8)),
                BAD_VALUES.get(random.nextInt(BAD_VALUES.size())));
        String path = concrete(route.pattern(), random);
        return form(route, path, values, csrf, "mixed " + abbreviate(values.toString()));
    }

    private Request form(Route route, String path, Map<String, String> values, String csrf, String label) {
        StringBuilder query = new StringBuilder();
        values
            .forEach((name, value) -> query.append(query.isEmpty() ? "" : "&").append(name).append('=').append(value));
        String description = route.method() + " " + path + " " + label;
        if (route.method().equals("GET")) {
            return new Request("GET", path + (query.isEmpty() ? "" : "?" + query), null, null, description);
        }
        if (route.json()) {
            StringBuilder json = new StringBuilder("{");
            values.forEach((name, value) -> json.append(json.length() > 1 ? "," : "")
                .append('"')
                .append(name)
                .append("\":\"")
                .append(value.replace("%00", "\\u0000").replace("\"", ""))
                .append('"'));
            return new Request("POST", path, "application/json",
                    json.append('}').toString().getBytes(StandardCharsets.UTF_8), description + " (json)");
        }
        query.append(query.isEmpty() ? "" : "&").append("_csrf=").append(csrf);
        return new Request("POST", path, "application/x-www-form-urlencoded",
                query.toString().getBytes(StandardCharsets.ISO_8859_1), description);
    }

    /**
     * A path with plausible-looking but unknown ids, so the handler runs and answers 404
     * or a form error.
     */
    private static String concrete(String pattern, Random random) {
        return pattern
            .replaceAll("\\{[^}]*(id|Id)}", new java.util.UUID(random.nextLong(), random.nextLong()).toString())
            .replaceAll("\\{[^}]+}", "X" + random.nextInt(1000))
            .replace("/**", "/x");
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…(" + value.length() + ")" : value;
    }

    private Route describe(String method, String pattern, Access access, HandlerMethod handler,
            RequestMappingInfo info) {
        Set<String> fields = new LinkedHashSet<>();
        Set<String> files = new LinkedHashSet<>();
        boolean json = false;
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
            Class<?> type = parameter.getParameterType();
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
            if (parameter.hasParameterAnnotation(PathVariable.class)) {
                continue;
            }
            if (MultipartFile.class.isAssignableFrom(type) || part != null) {
                files.add(name(parameter, part == null ? "" : part.name()));
            }
            else if (param != null) {
                fields.add(name(parameter, param.name()));
            }
            else if (type.isRecord()) {
                json |= parameter.hasParameterAnnotation(RequestBody.class);
                for (var component : type.getRecordComponents()) {
                    fields.add(component.getName());
                }
            }
        }
        if (!info.getConsumesCondition().isEmpty() && info.getConsumesCondition()
            .getConsumableMediaTypes()
            .stream()
            .anyMatch(t -> t.getSubtype().contains("json"))) {
            json = true;
        }
        return new Route(method, pattern, access, fields, files, json);
    }

    private static String name(MethodParameter parameter, String declared) {
        String name = declared == null || declared.isEmpty() ? parameter.getParameterName() : declared;
        return name == null ? "value" : name;
    }

    record Session(String cookie, String csrf) {
    }

    private Session anonymous() throws IOException {
        Answer page = send(new Request("GET", "/login", null, null, "login page"), null);
        return new Session(cookie(page, null), csrf(page));
    }

    private Session signIn(String login) throws IOException {
        Session anonymous = anonymous();
        Answer signedIn = send(new Request("POST", "/login", "application/x-www-form-urlencoded",
                ("username=" + login + "&password=" + PASSWORD + "&_csrf=" + anonymous.csrf())
                    .getBytes(StandardCharsets.UTF_8),
                "login"), anonymous.cookie());
        assertThat(signedIn.head()).as("signing in as " + login).doesNotContain("error");
        String cookie = cookie(signedIn, anonymous.cookie());
        if (String.valueOf(signedIn.header("Location")).contains("/login/second-factor")) {
            // The demonstration administrator's second factor (docs/adr/0111).
            Answer step = send(new Request("GET", "/login/second-factor", null, null, "second step"), cookie);
            Answer done = send(new Request("POST", "/login/second-factor", "application/x-www-form-urlencoded",
                    ("code=" + DemoSecondFactor.adminCode() + "&_csrf=" + csrf(step)).getBytes(StandardCharsets.UTF_8),
                    "second step"), cookie);
            assertThat(done.header("Location")).as("second step of " + login).doesNotContain("/login");
            cookie = cookie(done, cookie);
        }
        Answer home = send(new Request("GET", "/", null, null, "home"), cookie);
        return new Session(cookie, csrf(home));
    }

    private static String cookie(Answer answer, String fallback) {
        Matcher matcher = SESSION_COOKIE.matcher(answer.head());
        return matcher.find() ? "SESSION=" + matcher.group(1) : fallback;
    }

    private static String csrf(Answer answer) {
        Matcher input = CSRF_INPUT.matcher(answer.text());
        if (input.find()) {
            return input.group(1);
        }
        Matcher meta = CSRF_META.matcher(answer.text());
        assertThat(meta.find()).as("a CSRF token on the page").isTrue();
        return meta.group(1);
    }

    private Answer send(Request request, String cookie) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "text/html,application/json");
        if (cookie != null) {
            headers.put("Cookie", cookie);
        }
        if (request.body() != null) {
            headers.put("Content-Type", request.contentType());
        }
        return RawHttp.send(port, request.method(), request.target(), headers, request.body());
    }

}
