package org.duban.web;

import org.duban.support.DubanTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every staff form, sent empty and sent with over-long texts and wrong-typed values in
 * every field, comes back as the form with Chinese messages under the marked fields —
 * never a framework default text, "null" or a missing key. An import page sent without a
 * file says so under its file field.
 */
@DubanTest
class FormMessagesTest {

    /**
     * Texts that must never reach a user: bean-validation and conversion defaults, nulls,
     * unresolved keys.
     */
    private static final List<String> FORBIDDEN = List.of("null", "不能为null", "不能为空", "个数必须在", "必须是", "must not",
            "size must", "must be", "Failed to convert", "typeMismatch", "??", "NumberFormatException", "Exception");

    private static final Pattern TAGS = Pattern.compile("(?s)<script.*?</script>|<[^>]*>");

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    static Stream<Arguments> forms() {
        return Stream.of(Arguments.of("workteam", "/problems", "org.duban.ledger.ProblemForm"),
                Arguments.of("workteam", "/tasks", "org.duban.campaign.KeyTaskForm"),
                Arguments.of("workteam", "/accountability", "org.duban.ledger.AccountabilityForm"),
                Arguments.of("workteam", "/reviews", "org.duban.ledger.ReviewPlanForm"),
                Arguments.of("workteam", "/complaints", "org.duban.complaint.ComplaintForm"),
                Arguments.of("admin", "/campaigns", "org.duban.campaign.CampaignForm"),
                Arguments.of("admin", "/draws", "org.duban.inspection.DrawForm"),
                Arguments.of("admin", "/inspections", "org.duban.inspection.InspectionForm"),
                Arguments.of("admin", "/admin/problem-items", "org.duban.ledger.ProblemItemForm"),
                Arguments.of("admin", "/admin/holidays", "org.duban.ledger.HolidayForm"),
                Arguments.of("admin", "/admin/units", "org.duban.organization.UnitForm"),
                Arguments.of("admin", "/admin/staff", "org.duban.organization.StaffForm"));
    }

    @ParameterizedTest(name = "{1} sent empty")
    @MethodSource("forms")
    void anEmptyFormIsAnsweredUnderItsFieldsInChinese(String login, String path, String form) throws Exception {
        MockHttpServletRequestBuilder request = post(path);
        for (RecordComponent field : Class.forName(form).getRecordComponents()) {
            unticked(request, field);
        }
        String page = send(request, login);
        assertAnsweredAtTheFields(page);
    }

    @ParameterizedTest(name = "{1} sent with over-long and wrong-typed values")
    @MethodSource("forms")
    void badValuesAreAnsweredUnderTheirFieldsInChinese(String login, String path, String form) throws Exception {
        MockHttpServletRequestBuilder request = post(path);
        for (RecordComponent field : Class.forName(form).getRecordComponents()) {
            if (field.getName().equals("version") || field.getName().equals("idempotencyKey")
                    || unticked(request, field)) {
                continue;
            }
            // Text fields get 5,000 characters; dates, numbers, ids and choices get a
            // word.
            request.param(field.getName(), field.getType() == String.class ? "长".repeat(5000) : "abc");
        }
        String page = send(request, login);
        assertAnsweredAtTheFields(page);
        assertThat(page).as("the typed text is kept").contains("长".repeat(200));
    }

    static Stream<Arguments> imports() {
        return Stream.of(Arguments.of("workteam", "/problems/import"), Arguments.of("workteam", "/tasks/import"),
                Arguments.of("workteam", "/screening/imports"), Arguments.of("admin", "/admin/holidays/import"),
                Arguments.of("admin", "/admin/staff/import"));
    }

    @ParameterizedTest(name = "{1} sent without a file")
    @MethodSource("imports")
    void anImportWithoutAFileIsAnsweredAtTheFileFieldInChinese(String login, String path) throws Exception {
        String page = send(multipart(path), login);
        assertAnsweredAtTheFields(page);
        assertThat(page).contains("id=\"file-error\">请选择");
    }

    /** A check box sends th:field's marker "_name" when unticked, as a browser would. */
    private static boolean unticked(MockHttpServletRequestBuilder request, RecordComponent field) {
        if (field.getType() == boolean.class || field.getType() == Boolean.class) {
            request.param("_" + field.getName(), "on");
            return true;
        }
        return false;
    }

    private String send(AbstractMockHttpServletRequestBuilder<?> request, String login) throws Exception {
        MvcResult result = mvc
            .perform(
                    request.with(csrf()).with(user(users.loadUserByUsername(login))).header("Accept-Language", "zh-CN"))
            .andReturn();
        // The complaint register answers 400 with the form, the others 200 with the form.
        assertThat(result.getResponse().getStatus()).as("the form is shown again").isIn(200, 400);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static void assertAnsweredAtTheFields(String page) {
        assertThat(page).contains("is-invalid").contains("class=\"invalid-feedback\"");
        String text = TAGS.matcher(page).replaceAll(" ");
        for (String forbidden : FORBIDDEN) {
            assertThat(text).as("visible text").doesNotContain(forbidden);
        }
        assertThat(text).containsPattern("请填写|请选择|不能超过|格式|请按");
    }

}
