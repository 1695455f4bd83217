package org.duban.ledger;

import jakarta.servlet.http.Cookie;
import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The 回头看 forms answer a refusal on their own page: the Chinese message under the field
 * it is about, the field marked, the other typed values kept and nothing written; a good
 * submission still goes through.
 */
@DubanTest
class ReviewFormErrorsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    final String suffix = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void thePlanFormShowsEachRefusalUnderItsField() throws Exception {
        int rounds = count("select count(*) from review_round");

        String empty = refused(as(post("/reviews")), "ledger/review-list");
        assertThat(message(empty, "title")).isEqualTo("请填写回头看的名称");
        assertThat(message(empty, "plannedOn")).isEqualTo("请填写回头看的计划日期");
        assertThat(message(empty, "unitId")).isEqualTo("请选择组织单位");
        String english = refused(as(post("/reviews")).cookie(new Cookie("duban-lang", "en")), "ledger/review-list");
        assertThat(message(english, "title")).isEqualTo("Enter the title of the review");

        String title = "回头看表单 " + suffix;
        String outside = refused(as(post("/reviews")).param("title", title)
            .param("plannedOn", "2023-10-15")
            .param("unitId", unit("OTOG-OFFICE").toString()), "ledger/review-list");
        assertThat(message(outside, "unitId")).isEqualTo("所选组织单位不在您的管理范围内");
        assertThat(marked(outside, "title")).isFalse();
        assertThat(value(outside, "title")).isEqualTo(title);
        assertThat(value(outside, "plannedOn")).isEqualTo("2023-10-15");

        String badDate = refused(as(post("/reviews")).param("title", title)
            .param("plannedOn", "2023-02-30")
            .param("unitId", unit("OTOGQ").toString()), "ledger/review-list");
        assertThat(message(badDate, "plannedOn")).startsWith("请按“年-月-日”填写日期");
        assertThat(value(badDate, "plannedOn")).isEqualTo("2023-02-30");
        assertThat(value(badDate, "title")).isEqualTo(title);
        assertThat(badDate).containsPattern("<option value=\"" + unit("OTOGQ") + "\" selected=\"selected\"");

        String tooLong = refused(as(post("/reviews")).param("title", "长".repeat(201))
            .param("plannedOn", "2023-10-15")
            .param("unitId", unit("OTOGQ").toString()), "ledger/review-list");
        assertThat(message(tooLong, "title")).isEqualTo("不能超过 200 个字符。");
        assertThat(count("select count(*) from review_round")).as("nothing planned").isEqualTo(rounds);

        plan(title);
        assertThat(count("select count(*) from review_round where title = '" + title + "'")).isOne();
    }

    @Test
    void theAddFormShowsUnknownOutOfScopeAndOpenProblemsUnderTheNumber() throws Exception {
        UUID round = plan("回头看加入 " + suffix);
        problem("RF-OPEN-" + suffix, "RECTIFYING", "OTOGQ-SQUAD-2");
        problem("RF-AWAY-" + suffix, "SIGNED_OFF", "OTOG-OFFICE");
        problem("RF-DONE-" + suffix, "SIGNED_OFF", "OTOGQ-SQUAD-2");
        long version = version(round);

        String empty = refused(add(round, null), "ledger/review-show");
        assertThat(message(empty, "reference")).isEqualTo("请填写要加入的问题编号");
        String unknown = refused(add(round, "RF-NONE-" + suffix), "ledger/review-show");
        assertThat(message(unknown, "reference")).isEqualTo("找不到编号为“RF-NONE-" + suffix + "”的问题，或不在您的管理范围内");
        assertThat(value(unknown, "reference")).isEqualTo("RF-NONE-" + suffix);
        String away = refused(add(round, "RF-AWAY-" + suffix), "ledger/review-show");
        assertThat(message(away, "reference")).contains("不在您的管理范围内");
        assertThat(value(away, "reference")).isEqualTo("RF-AWAY-" + suffix);
        String open = refused(add(round, "RF-OPEN-" + suffix), "ledger/review-show");
        assertThat(message(open, "reference")).isEqualTo("只有已销号或查无实据的问题才能回头看");
        assertThat(marked(open, "completedOn")).as("the other form is not marked").isFalse();
        assertThat(items(round)).isZero();
        assertThat(version(round)).isEqualTo(version);

        mvc.perform(add(round, "RF-DONE-" + suffix)).andExpect(flash().attribute("flash", "flash.saved"));
        assertThat(items(round)).isOne();
        String twice = refused(add(round, "RF-DONE-" + suffix), "ledger/review-show");
        assertThat(message(twice, "reference")).isEqualTo("该问题已在本轮回头看中");
    }

    @Test
    void theResultAndCompletionFormsShowTheirRefusalsInTheRowAndUnderTheDate() throws Exception {
        UUID round = plan("回头看结果 " + suffix);
        UUID first = problem("RF-ONE-" + suffix, "SIGNED_OFF", "OTOGQ-SQUAD-2");
        UUID second = problem("RF-TWO-" + suffix, "UNFOUNDED", "OTOGQ-SQUAD-2");
        mvc.perform(add(round, "RF-ONE-" + suffix)).andExpect(status().is3xxRedirection());
        mvc.perform(add(round, "RF-TWO-" + suffix)).andExpect(status().is3xxRedirection());
        long version = version(round);

        String noResult = refused(record(round, first).param("note", "现场复查"), "ledger/review-show");
        assertThat(message(noResult, "result")).isEqualTo("请选择回头看结果");
        assertThat(value(noResult, "note")).isEqualTo("现场复查");
        assertThat(noResult).as("the other row's form is unbound").contains("id=\"result-" + second + "\"");
        String noNote = refused(record(round, first).param("result", "RELAPSED"), "ledger/review-show");
        assertThat(message(noNote, "note")).isEqualTo("问题反弹须说明情况");
        assertThat(marked(noNote, "result")).isFalse();
        assertThat(noNote).contains("<option value=\"RELAPSED\" selected=\"selected\"");
        assertThat(noNote).as("the confirmation stays").contains("data-confirm=\"结果记录后不能修改");

        String noDate = refused(complete(round, null), "ledger/review-show");
        assertThat(message(noDate, "completedOn")).isEqualTo("请填写完成日期");
        String open = refused(complete(round, "2023-10-20"), "ledger/review-show");
        assertThat(message(open, "completedOn")).isEqualTo("还有2个问题没有回头看结果");
        assertThat(value(open, "completedOn")).isEqualTo("2023-10-20");
        assertThat(version(round)).as("nothing written").isEqualTo(version);
        assertThat(count("select count(*) from review_item where round_id = '" + round + "' and result is not null"))
            .isZero();
        assertThat(count("select count(*) from problem where id = '" + first + "' and status = 'SIGNED_OFF'")).isOne();

        mvc.perform(record(round, first).param("result", "HELD").param("note", "整改措施仍在执行"))
            .andExpect(flash().attribute("flash", "flash.saved"));
        mvc.perform(record(round, second).param("result", "HELD")).andExpect(flash().attribute("flash", "flash.saved"));
        String future = refused(complete(round, "2999-01-01"), "ledger/review-show");
        assertThat(message(future, "completedOn")).isEqualTo("完成日期无效或晚于今天");
        mvc.perform(complete(round, "2023-10-20")).andExpect(flash().attribute("flash", "flash.saved"));
        assertThat(count("select count(*) from review_round where id = '" + round + "' and status = 'COMPLETED'"))
            .isOne();

        // A form of a round completed meanwhile: its fields are gone, the refusal stands
        // at
        // the top of the page.
        String late = mvc.perform(add(round, "RF-ONE-" + suffix))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(late).containsPattern("id=\"refusal\"[^>]*>\\s*本轮回头看已完成");
        assertThat(late).doesNotContain("id=\"review-add\"");
    }

    /**
     * Sends the form and returns the page it comes back on, which must be the form's own.
     */
    private String refused(MockHttpServletRequestBuilder request, String view) throws Exception {
        var result = mvc.perform(request).andExpect(status().isOk()).andReturn();
        assertThat(result.getModelAndView().getViewName()).isEqualTo(view);
        String page = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).doesNotContain("id=\"refusal\"");
        return page;
    }

    /** The message under the control with this id, which must be marked invalid. */
    private static String message(String page, String id) {
        assertThat(marked(page, id)).as(id + " marked").isTrue();
        Matcher m = Pattern
            .compile("(?s)<(?:input|select|textarea)[^>]*\\bid=\"" + id
                    + "\"[^>]*>.*?<div class=\"invalid-feedback\">([^<]*)</div>")
            .matcher(page);
        assertThat(m.find()).as("message under " + id).isTrue();
        return m.group(1);
    }

    private static boolean marked(String page, String id) {
        Matcher m = Pattern.compile("<(?:input|select|textarea)[^>]*\\bid=\"" + id + "\"[^>]*>").matcher(page);
        assertThat(m.find()).as("control " + id).isTrue();
        return m.group().contains("is-invalid");
    }

    private static String value(String page, String id) {
        Matcher m = Pattern.compile("<input[^>]*\\bid=\"" + id + "\"[^>]*\\bvalue=\"([^\"]*)\"").matcher(page);
        assertThat(m.find()).as("value of " + id).isTrue();
        return m.group(1);
    }

    private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
        return request.with(csrf()).with(user(users.loadUserByUsername("workteam")));
    }

    private MockHttpServletRequestBuilder add(UUID round, String reference) {
        MockHttpServletRequestBuilder request = as(post("/reviews/" + round + "/problems")).param("version",
                String.valueOf(version(round)));
        return reference == null ? request : request.param("reference", reference);
    }

    private MockHttpServletRequestBuilder record(UUID round, UUID problem) {
        return as(post("/reviews/" + round + "/problems/" + problem)).param("version", String.valueOf(version(round)));
    }

    private MockHttpServletRequestBuilder complete(UUID round, String on) {
        MockHttpServletRequestBuilder request = as(post("/reviews/" + round + "/complete")).param("version",
                String.valueOf(version(round)));
        return on == null ? request : request.param("completedOn", on);
    }

    private UUID plan(String title) throws Exception {
        mvc.perform(as(post("/reviews")).param("title", title)
            .param("plannedOn", "2023-10-15")
            .param("unitId", unit("OTOGQ").toString())).andExpect(flash().attribute("flash", "flash.saved"));
        return jdbc.sql("select id from review_round where title = :t").param("t", title).query(UUID.class).single();
    }

    private UUID problem(String reference, String status, String unit) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into problem (id, reference, source, category, unit_id, description, found_on, status,
                                     created_by, created_at)
                select :id, :ref, 'SELF_INSPECTION', 'IRREGULAR', id, 'review form test', date '2023-05-02', :status,
                       'test', now()
                from org_unit where code = :unit
                """).param("id", id).param("ref", reference).param("status", status).param("unit", unit).update();
        return id;
    }

    private UUID unit(String code) {
        return jdbc.sql("select id from org_unit where code = :code").param("code", code).query(UUID.class).single();
    }

    private long version(UUID round) {
        return jdbc.sql("select version from review_round where id = :id")
            .param("id", round)
            .query(Long.class)
            .single();
    }

    private int items(UUID round) {
        return count("select count(*) from review_item where round_id = '" + round + "'");
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

}
