package org.duban.complaint;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One installation for a city and its counties: the public reaches each bureau, and each
 * gets its own complaints.
 */
@DubanTest
class PublicIntakePerBureauTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Secrets secrets;

    String intakeOf(UUID complaint) {
        return jdbc.sql("select o.code from complaint c join org_unit o on o.id = c.owner_unit_id where c.id = :id")
            .param("id", complaint)
            .query(String.class)
            .single();
    }

    UUID complaintWith(String marker) {
        return jdbc.sql("select id from complaint where content like :c")
            .param("c", "%" + marker + "%")
            .query(UUID.class)
            .single();
    }

    @Test
    void thePortalListsTheBureausRunningACampaignAndLinksTheDraws() throws Exception {
        mvc.perform(get("/public/").with(Addresses.fromFresh()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("鄂尔多斯市交通运输局")))
            .andExpect(content().string(containsString("鄂托克前旗交通运输局")))
            .andExpect(content().string(containsString("鄂托克旗交通运输局")))
            .andExpect(content().string(containsString("杭锦旗交通运输局")))
            .andExpect(content().string(containsString("/public/b/HANGJIN/")))
            .andExpect(content().string(containsString("/public/draws")));
    }

    @Test
    void eachBureauHasItsOwnPublicNoticeWithItsChannels() throws Exception {
        mvc.perform(get("/public/b/OTOG/").with(Addresses.fromFresh()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("鄂托克旗交通运输局关于开展交通运输执法领域突出问题专项整治行动的通告")))
            .andExpect(content().string(containsString("0477-6221234")))
            .andExpect(content().string(containsString("鄂托克旗乌兰镇")))
            .andExpect(content().string(not(containsString("0477-6621234"))))
            // The internal implementation plan is not the public notice.
            .andExpect(content().string(not(containsString("鄂前交发〔2023〕29号"))));
        mvc.perform(get("/public/b/hangjin").with(Addresses.fromFresh()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("0477-6621234")));
        mvc.perform(get("/public/b/NOWHERE/").with(Addresses.fromFresh())).andExpect(status().isNotFound());
        // A unit that is not a bureau running a campaign has no public page.
        mvc.perform(get("/public/b/OTOG-SQUAD-1/").with(Addresses.fromFresh())).andExpect(status().isNotFound());
    }

    @Test
    void theReceiptPagePromisesNoSmsThatNoGatewaySends() throws Exception {
        // The tests run without an SMS gateway: a named complaint with a mobile number
        // gets no message, so the page must not promise one.
        String marker = "SMS" + UUID.randomUUID();
        MvcResult posted = mvc
            .perform(post("/public/complaints").with(csrf())
                .with(Addresses.fromFresh())
                .param("type", "ROUGH")
                .param("content", "执法人员态度粗暴。" + marker)
                .param("anonymous", "false")
                .param("name", "王五")
                .param("phone", "139 0477 1234")
                .param("consent", "true")
                .param("idempotencyKey", UUID.randomUUID().toString())
                .param("bureau", "HANGJIN"))
            .andExpect(status().is3xxRedirection())
            .andReturn();
        UUID id = complaintWith(marker);
        assertThat(jdbc.sql("select count(*) from notification_outbox where dedup_key = :k")
            .param("k", "complaint:" + id + ":received")
            .query(Long.class)
            .single()).isZero();
        mvc.perform(
                get("/public/complaints/receipt").cookie(posted.getResponse().getCookies()).with(Addresses.fromFresh()))
            .andExpect(status().isOk())
            .andExpect(content().string(not(containsString("id=\"receipt-sms\""))))
            .andExpect(content().string(containsString("回执码只显示这一次")));
    }

    @Test
    void aComplaintMadeOnABureausPageGoesToThatBureausIntakeUnitAndTheReceiptIsShownOnceAfterARedirect()
            throws Exception {
        String marker = "PRG" + UUID.randomUUID();
        mvc.perform(get("/public/b/HANGJIN/complaints/new").with(Addresses.fromFresh()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("name=\"bureau\" value=\"HANGJIN\"")));
        MvcResult posted = mvc
            .perform(post("/public/complaints").with(csrf())
                .with(Addresses.fromFresh())
                .param("type", "ROUGH")
                .param("content", "执法人员态度粗暴。" + marker)
                .param("anonymous", "true")
                .param("consent", "true")
                .param("idempotencyKey", UUID.randomUUID().toString())
                .param("bureau", "HANGJIN"))
            .andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrl("/public/complaints/receipt"))
            .andReturn();
        UUID id = complaintWith(marker);
        assertThat(intakeOf(id)).isEqualTo("HANGJIN-OFFICE");

        // The flash (kept in the database-backed session) holds the receipt sealed, never
        // in clear.
        ReceiptFlash flash = (ReceiptFlash) posted.getFlashMap().get("receiptFlash");
        String receipt = flash.open(secrets).receipt();
        assertThat(new String(flash.sealedReceipt(), StandardCharsets.ISO_8859_1)).doesNotContain(receipt);
        // The browser follows the redirect with its session cookie: the flash comes back
        // from the stored session.
        jakarta.servlet.http.Cookie[] session = posted.getResponse().getCookies();
        assertThat(session).isNotEmpty();
        mvc.perform(get("/public/complaints/receipt").cookie(session).with(Addresses.fromFresh()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString(receipt)))
            .andExpect(content().string(containsString("id=\"copy-receipt\"")))
            .andExpect(content().string(not(containsString("id=\"receipt-sms\""))))
            .andExpect(content().string(containsString("杭锦旗交通运输局")));
        // Reloading the receipt page neither shows the receipt again nor submits
        // anything.
        mvc.perform(get("/public/complaints/receipt").cookie(session).with(Addresses.fromFresh()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"receipt-gone\"")))
            .andExpect(content().string(not(containsString(receipt))));
        assertThat(jdbc.sql("select count(*) from complaint where content like :c")
            .param("c", "%" + marker + "%")
            .query(Long.class)
            .single()).isEqualTo(1);

        // Look-up works from the one status page whichever bureau took the complaint.
        mvc.perform(
                post("/public/complaints/status").with(csrf()).with(Addresses.fromFresh()).param("receipt", receipt))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"timeline\"")))
            .andExpect(content().string(containsString("已收到")));
    }

    @Test
    void withSeveralBureausTheFormRefusesAComplaintWithoutOrWithAnUnknownBureauNextToTheField() throws Exception {
        for (String bureau : new String[] { "", "NOWHERE" }) {
            String marker = "NOB" + UUID.randomUUID();
            mvc.perform(post("/public/complaints").with(csrf())
                .with(Addresses.fromFresh())
                .param("type", "ROUGH")
                .param("content", "态度粗暴。" + marker)
                .param("anonymous", "true")
                .param("consent", "true")
                .param("idempotencyKey", UUID.randomUUID().toString())
                .param("bureau", bureau))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"bureau\"")))
                .andExpect(content().string(containsString(bureau.isEmpty() ? "请选择受理部门" : "没有代码为“NOWHERE”的受理部门")))
                .andExpect(content().string(containsString("is-invalid")));
            assertThat(jdbc.sql("select count(*) from complaint where content like :c")
                .param("c", "%" + marker + "%")
                .query(Long.class)
                .single()).isZero();
        }
    }

    @Test
    void theApiListsTheBureausAndRoutesByTheBureauField() throws Exception {
        mvc.perform(get("/api/v1/bureaus"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[*].code").value(hasItems("ORDOS", "OTOGQ", "OTOG", "HANGJIN")))
            .andExpect(jsonPath("$[?(@.code == 'OTOG')].name").value(hasItems("鄂托克旗交通运输局")));
        String marker = "API" + UUID.randomUUID();
        mvc.perform(post("/api/v1/complaints").with(Addresses.fromFresh())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"type\": \"IRREGULAR\", \"content\": \"" + marker + "\", \"bureau\": \"OTOG\"}"))
            .andExpect(status().isCreated());
        assertThat(intakeOf(complaintWith(marker))).isEqualTo("OTOG-OFFICE");

        mvc.perform(post("/api/v1/complaints").with(Addresses.fromFresh())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"type\": \"IRREGULAR\", \"content\": \"no bureau\"}"))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].field").value("bureau"))
            .andExpect(jsonPath("$.errors[0].message").value(containsString("GET /api/v1/bureaus")));
        mvc.perform(post("/api/v1/complaints").with(Addresses.fromFresh())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"type\": \"IRREGULAR\", \"content\": \"unknown bureau\", \"bureau\": \"XYZ\"}"))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].message").value(containsString("“XYZ”")));
        assertThat(jdbc.sql("select count(*) from complaint where content in ('no bureau', 'unknown bureau')")
            .query(Long.class)
            .single()).isZero();
    }

    @Test
    void theStatusPageShowsTheHandlingStepsWithoutStaffNames() throws Exception {
        // demo-complaint-15 was made on 鄂托克旗's page; its receipt derives from its
        // idempotency key.
        String receipt = Secrets.format(secrets.receiptFor(Secrets.sha256("WEB\u0000demo-complaint-15")));
        String page = mvc.perform(
                post("/public/complaints/status").with(csrf()).with(Addresses.fromFresh()).param("receipt", receipt))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(page).contains("已收到", "已受理", "已交办理单位办理", "已答复", "已评价", "2023-");
        // Neither the work team's nor the squad's people, nor their logins, nor the
        // internal draft answer.
        assertThat(page).doesNotContain("苏日娜", "巴特尔", "otog-workteam", "otog-unit", "涉及的中间人已报公安机关");
    }

}
