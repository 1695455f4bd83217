package org.duban.complaint;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Generated bad inputs on every public route (portal pages and the API): every field of
 * every route gets each bad value in turn. Never a 5xx; values that cannot be valid
 * (overlong, wrong type, broken Unicode, control characters, unknown codes) get a 4xx
 * carrying a message; payloads that are valid text (SQL, script) may be accepted but are
 * never echoed unescaped.
 */
@DubanTest
class PublicBadInputTest {

    static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    static final String SCRIPT = "<script>alert(1)</script>";

    /** Values no field accepts. */
    static final Map<String, String> INVALID = new LinkedHashMap<>();

    /** Values that are legal text but hostile. */
    static final Map<String, String> HOSTILE = new LinkedHashMap<>();

    static {
        INVALID.put("overlong", "x".repeat(10_001));
        INVALID.put("brokenUnicode", "abc\uD800def");
        INVALID.put("loneLowSurrogate", "\uDC00");
        INVALID.put("nul", "a\u0000b");
        INVALID.put("escape", "\u001b[31m");
        HOSTILE.put("sql", "' OR 1=1; DROP TABLE complaint; --");
        HOSTILE.put("script", SCRIPT);
        HOSTILE.put("number", "-99999999999999999999");
        HOSTILE.put("date", "9999-99-99");
        HOSTILE.put("empty", "");
        HOSTILE.put("blank", "   ");
        HOSTILE.put("unicode", "\uD83D\uDE00\u202E\u200B");
    }

    static final Map<String, String> FORM = new LinkedHashMap<>();

    static {
        FORM.put("type", "ROUGH");
        FORM.put("content", "执法人员态度粗暴。");
        FORM.put("occurredOn", "2023-05-01");
        FORM.put("location", "敖勒召其镇");
        FORM.put("unitConcerned", "一中队");
        FORM.put("name", "张三");
        FORM.put("phone", "13800000000");
        FORM.put("consent", "true");
        FORM.put("idempotencyKey", "k");
        FORM.put("bureau", "OTOGQ");
    }

    @Autowired
    MockMvc mvc;

    @TestFactory
    List<DynamicTest> everyFieldOfEveryPublicRouteRefusesBadInputWithoutA5xx() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String field : FORM.keySet()) {
            forEachValue(tests, "POST /public/complaints " + field, (value) -> {
                Map<String, String> form = new LinkedHashMap<>(FORM);
                form.put(field, value);
                form.put("idempotencyKey",
                        field.equals("idempotencyKey") ? value : java.util.UUID.randomUUID().toString());
                return formPost("/public/complaints", form);
            });
        }
        forEachValue(tests, "POST /public/complaints/status receipt",
                v -> formPost("/public/complaints/status", Map.of("receipt", v)));
        for (String field : List.of("receipt", "text")) {
            forEachValue(tests, "POST /public/complaints/status/information " + field, v -> {
                Map<String, String> form = new LinkedHashMap<>(
                        Map.of("receipt", "1234-5678-9012-3456-7890", "text", "补充"));
                form.put(field, v);
                return formPost("/public/complaints/status/information", form);
            });
        }
        for (String field : List.of("receipt", "satisfaction", "comment")) {
            forEachValue(tests, "POST /public/complaints/status/rating " + field, v -> {
                Map<String, String> form = new LinkedHashMap<>(
                        Map.of("receipt", "1234-5678-9012-3456-7890", "satisfaction", "SATISFIED", "comment", "好"));
                form.put(field, v);
                return formPost("/public/complaints/status/rating", form);
            });
        }
        for (String field : List.of("type", "content", "occurred_on", "location", "unit", "anonymous", "name", "phone",
                "bureau")) {
            forEachValue(tests, "POST /api/v1/complaints " + field, v -> {
                Map<String, Object> body = new LinkedHashMap<>(Map.of("type", "ROUGH", "content", "态度粗暴", "occurred_on",
                        "2023-05-01", "anonymous", false, "name", "张三", "phone", "138", "bureau", "OTOGQ"));
                body.put(field, v);
                return jsonPost("/api/v1/complaints", json(body));
            });
        }
        forEachValue(tests, "POST /api/v1/complaints/lookup receipt",
                v -> jsonPost("/api/v1/complaints/lookup", json(Map.of("receipt", v))));

        // Wrong JSON types, broken JSON and broken UTF-8 bytes.
        List<String> bodies = List.of("{\"type\": 5, \"content\": \"x\"}",
                "{\"type\": \"ROUGH\", \"content\": {\"a\": 1}}", "{\"type\": \"ROUGH\", \"content\": [1,2]}",
                "{\"type\": \"ROUGH\", \"content\": \"x\", \"anonymous\": \"true\"}",
                "{\"type\": null, \"content\": null}", "[]", "\"text\"", "null", "{",
                "{\"type\": \"ROUGH\", \"content\": \"x\"",
                "{\"type\": \"ROUGH\", \"content\": \"x\", \"occurred_on\": 20230501}");
        for (int i = 0; i < bodies.size(); i++) {
            String body = bodies.get(i);
            tests.add(DynamicTest.dynamicTest("POST /api/v1/complaints body " + i + " " + body,
                    () -> expectRefused(jsonPost("/api/v1/complaints", body))));
            tests.add(DynamicTest.dynamicTest("POST /api/v1/complaints/lookup body " + i + " " + body,
                    () -> expectRefused(jsonPost("/api/v1/complaints/lookup", body))));
        }
        byte[] brokenUtf8 = { '{', '"', 't', 'y', 'p', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' };
        tests
            .add(DynamicTest.dynamicTest("POST /api/v1/complaints broken UTF-8",
                    () -> expectRefused(mvc.perform(post("/api/v1/complaints").with(Addresses.fromFresh())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(brokenUtf8)).andReturn().getResponse())));
        tests
            .add(DynamicTest.dynamicTest("POST /api/v1/complaints as text/plain",
                    () -> expectRefused(mvc.perform(post("/api/v1/complaints").with(Addresses.fromFresh())
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("hello")).andReturn().getResponse())));
        tests.add(DynamicTest.dynamicTest("POST /public/complaints with a text file posing as an image", () -> {
            var request = multipart("/public/complaints")
                .file(new MockMultipartFile("attachments", "photo.jpg", "image/jpeg", "not an image".getBytes()))
                .with(csrf())
                .with(Addresses.fromFresh());
            FORM.forEach(request::param);
            request.param("idempotencyKey", java.util.UUID.randomUUID().toString());
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            expectRefused(response);
            assertThat(response.getContentAsString()).contains("JPEG");
        }));
        for (String path : List.of("/public/", "/public/complaints/new", "/public/complaints/status",
                "/public/b/OTOGQ/", "/public/b/OTOGQ/complaints/new", "/public/complaints/receipt")) {
            tests.add(DynamicTest.dynamicTest("GET " + path + " with junk parameters", () -> {
                MockHttpServletResponse response = mvc
                    .perform(
                            get(path).with(Addresses.fromFresh()).param("lang", SCRIPT).param("receipt", "' OR 1=1 --"))
                    .andReturn()
                    .getResponse();
                assertThat(response.getStatus()).isLessThan(500);
                assertThat(response.getContentAsString()).doesNotContain(SCRIPT);
            }));
        }
        return tests;
    }

    interface Call {

        MockHttpServletResponse with(String value) throws Exception;

    }

    void forEachValue(List<DynamicTest> tests, String name, Call call) {
        INVALID.forEach((label, value) -> tests
            .add(DynamicTest.dynamicTest(name + " <- " + label, () -> expectRefused(call.with(value)))));
        HOSTILE.forEach((label, value) -> tests.add(DynamicTest.dynamicTest(name + " <- " + label, () -> {
            MockHttpServletResponse response = call.with(value);
            assertThat(response.getStatus()).as("status").isLessThan(500);
            if (response.getStatus() >= 400) {
                assertThat(HAN.matcher(response.getContentAsString(StandardCharsets.UTF_8)).find())
                    .as("a message in the answer")
                    .isTrue();
            }
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(SCRIPT);
        })));
    }

    void expectRefused(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as("status").isBetween(400, 499);
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(HAN.matcher(body).find()).as("a message in the answer: " + body).isTrue();
    }

    MockHttpServletResponse formPost(String path, Map<String, String> form) throws Exception {
        MockHttpServletRequestBuilder request = post(path).with(csrf()).with(Addresses.fromFresh());
        form.forEach(request::param);
        return mvc.perform(request).andReturn().getResponse();
    }

    MockHttpServletResponse jsonPost(String path, String body) throws Exception {
        return mvc
            .perform(post(path).with(Addresses.fromFresh())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body.getBytes(StandardCharsets.UTF_8)))
            .andReturn()
            .getResponse();
    }

    /**
     * A small JSON writer that keeps lone surrogates and control characters as escapes.
     */
    static String json(Map<String, ?> body) {
        StringBuilder out = new StringBuilder("{");
        body.forEach((k, v) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(k).append("\":");
            if (v instanceof String s) {
                out.append('"');
                for (char c : s.toCharArray()) {
                    if (c == '"' || c == '\\') {
                        out.append('\\').append(c);
                    }
                    else if (c < 32 || Character.isSurrogate(c) || c > 126) {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        out.append(c);
                    }
                }
                out.append('"');
            }
            else {
                out.append(v);
            }
        });
        return out.append('}').toString();
    }

}
