package org.duban.complaint;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@DubanTest
class ComplaintApiTest {

    static final String BODY = """
            {"type": "ROUGH", "content": "执法人员态度粗暴，不听解释。", "occurred_on": "2023-05-10",
             "location": "G338国道治超站", "unit": "执法大队一中队", "anonymous": false, "name": "王五", "phone": "13800000000",
             "bureau": "OTOGQ"}
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    MockHttpServletResponse submit(String body, String key, String address) throws Exception {
        var request = post("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON)
            .content(body)
            .with(Addresses.from(address));
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    @Test
    void aHotlineSubmitsAComplaintAndLooksItUpWithoutCookiesOrSession() throws Exception {
        MvcResult created = mvc
            .perform(post("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON)
                .content(BODY)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .with(Addresses.fromFresh()))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.receipt").value(matchesPattern("\\d{4}(-\\d{4}){4}")))
            .andExpect(jsonPath("$.submitted_at").exists())
            .andExpect(jsonPath("$.due_on").value(matchesPattern("\\d{4}-\\d{2}-\\d{2}")))
            .andExpect(header().doesNotExist("Set-Cookie"))
            .andReturn();
        assertThat(created.getRequest().getSession(false)).isNull();
        String receipt = com.jayway.jsonpath.JsonPath.read(created.getResponse().getContentAsString(), "$.receipt");

        // The receipt is stored only as a hash.
        assertThat(jdbc.sql("select count(*) from complaint where receipt_hash = :h")
            .param("h", Secrets.sha256(receipt.replace("-", "")))
            .query(Long.class)
            .single()).isEqualTo(1);

        MvcResult looked = mvc
            .perform(post("/api/v1/complaints/lookup").contentType(MediaType.APPLICATION_JSON)
                .content("{\"receipt\": \"" + receipt.replace("-", " ") + "\"}")
                .with(Addresses.fromFresh()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("SUBMITTED"))
            .andExpect(jsonPath("$.status_label").value("待受理"))
            .andExpect(jsonPath("$.handling_unit").value("鄂托克前旗交通运输局"))
            .andExpect(jsonPath("$.due_on").exists())
            .andExpect(header().doesNotExist("Set-Cookie"))
            .andReturn();
        assertThat(looked.getRequest().getSession(false)).isNull();
    }

    @Test
    void anUnknownReceiptIs404AndAMalformedOne400() throws Exception {
        mvc.perform(post("/api/v1/complaints/lookup").contentType(MediaType.APPLICATION_JSON)
            .content("{\"receipt\": \"0000-0000-0000-0000-0000\"}")
            .with(Addresses.fromFresh()))
            .andExpect(status().isNotFound())
            .andExpect(jsonPath("$.message").value(containsString("未找到")));
        mvc.perform(post("/api/v1/complaints/lookup").contentType(MediaType.APPLICATION_JSON)
            .content("{\"receipt\": \"12ab\"}")
            .with(Addresses.fromFresh()))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("receipt"));
    }

    @Test
    void invalidBodiesGet400WithAListOfFieldErrors() throws Exception {
        mvc.perform(post("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON)
            .content(
                    "{\"type\": \"BRIBES\", \"content\": \"\", \"occurred_on\": \"2023-02-30\", \"anonymous\": \"yes\"}")
            .with(Addresses.fromFresh()))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[*].field").value(hasItem("type")))
            .andExpect(jsonPath("$.errors[*].field").value(hasItem("content")))
            .andExpect(jsonPath("$.errors[*].field").value(hasItem("occurred_on")))
            .andExpect(jsonPath("$.errors[*].field").value(hasItem("anonymous")));
        mvc.perform(post("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON)
            .content("{not json")
            .with(Addresses.fromFresh()))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.message").value(containsString("JSON")));
    }

    @Test
    void anonymousSubmissionsDropNameAndPhone() throws Exception {
        String body = BODY.replace("\"anonymous\": false", "\"anonymous\": true");
        MockHttpServletResponse response = submit(body, null, Addresses.fresh());
        assertThat(response.getStatus()).isEqualTo(201);
        String receipt = com.jayway.jsonpath.JsonPath.read(response.getContentAsString(), "$.receipt");
        assertThat(jdbc.sql("""
                select count(*) from complaint where receipt_hash = :h and anonymous
                and reporter_name_enc is null and reporter_phone_enc is null
                """).param("h", Secrets.sha256(receipt.replace("-", ""))).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theSameKeyTenTimesInParallelCreatesOneComplaintAndGivesOneReceipt() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = BODY.replace("态度粗暴", "态度粗暴（并发" + key + "）");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<MockHttpServletResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String address = Addresses.fresh();
                Callable<MockHttpServletResponse> call = () -> {
                    start.await();
                    return submit(body, key, address);
                };
                calls.add(pool.submit(call));
            }
            start.countDown();
            Set<String> answers = new HashSet<>();
            for (Future<MockHttpServletResponse> call : calls) {
                MockHttpServletResponse response = call.get();
                assertThat(response.getStatus()).isEqualTo(201);
                answers.add(response.getContentAsString());
            }
            assertThat(answers).as("ten identical answers").hasSize(1);
        }
        finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("select count(*) from complaint where content like :c")
            .param("c", "%" + key + "%")
            .query(Long.class)
            .single()).isEqualTo(1);
    }

    @Test
    void aKeyReusedWithAnotherBodyIsRefusedAndCreatesNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        assertThat(submit(BODY, key, Addresses.fresh()).getStatus()).isEqualTo(201);
        MockHttpServletResponse other = submit(BODY.replace("王五", "赵六"), key, Addresses.fresh());
        assertThat(other.getStatus()).isEqualTo(409);
        assertThat(other.getContentAsString()).contains("提交标识");
    }

    @Test
    void theOpenApiDocumentIsPublic() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/openapi.yaml"))
            .andExpect(status().isOk())
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(containsString("/api/v1/complaints/lookup")));
    }

    @Test
    void otherApiPathsAreDenied() throws Exception {
        mvc.perform(post("/api/v1/anything").with(Addresses.fromFresh())).andExpect(status().isForbidden());
    }

}
