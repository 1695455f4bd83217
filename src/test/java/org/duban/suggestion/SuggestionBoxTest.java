package org.duban.suggestion;

import org.duban.shared.BusinessRuleViolation;
import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The suggestion box: anonymous means no author anywhere, the work team answers once,
 * scope and ownership.
 */
@DubanTest
class SuggestionBoxTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    RequestPostProcessor as(String login) {
        return user(users.loadUserByUsername(login));
    }

    UUID last(String text) {
        return jdbc.sql("select id from suggestion where text = :t").param("t", text).query(UUID.class).single();
    }

    @Test
    void anAnonymousSuggestionKeepsOnlyTheUnitAndIsAnsweredOnceByTheWorkTeam() throws Exception {
        mvc.perform(post("/suggestions").with(csrf())
            .with(as("unit"))
            .param("topic", "WORKLOAD")
            .param("text", "anonymous test text")
            .param("anonymous", "true")).andExpect(status().is3xxRedirection());
        UUID id = last("anonymous test text");
        assertThat(jdbc.sql(
                "select author_id is null and unit_id = (select unit_id from staff where login = 'unit') from suggestion where id = :id")
            .param("id", id)
            .query(Boolean.class)
            .single()).isTrue();
        assertThat(jdbc.sql("select actor from audit_log where object_id = :id")
            .param("id", id.toString())
            .query(String.class)
            .single()).isEqualTo("anonymous");
        // not even the author finds it again; the work team does, without a name
        assertThat(mvc.perform(get("/suggestions").with(as("unit"))).andReturn().getResponse().getContentAsString())
            .doesNotContain("anonymous test text");
        mvc.perform(get("/suggestions/" + id).with(as("unit"))).andExpect(status().isNotFound());
        String page = mvc.perform(get("/suggestions/" + id).with(as("workteam")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(page).contains("anonymous test text", "匿名");

        mvc.perform(post("/suggestions/" + id + "/answer").with(csrf())
            .with(as("unit"))
            .param("version", "0")
            .param("answer", "x")).andExpect(status().isForbidden());
        mvc.perform(post("/suggestions/" + id + "/answer").with(csrf())
            .with(as("workteam"))
            .param("version", "0")
            .param("answer", " ")).andExpect(flash().attribute("refusal", "suggestion.answer.required"));
        mvc.perform(post("/suggestions/" + id + "/answer").with(csrf())
            .with(as("workteam"))
            .param("version", "0")
            .param("answer", "rest days planned")).andExpect(flash().attribute("flash", "suggestion.answered"));
        mvc.perform(post("/suggestions/" + id + "/answer").with(csrf())
            .with(as("workteam"))
            .param("version", "1")
            .param("answer", "again")).andExpect(flash().attribute("refusal", "suggestion.transition.answered"));
    }

    @Test
    void aNamedSuggestionIsTheAuthorsToReadAndCountedInTheFigures() throws Exception {
        mvc.perform(post("/suggestions").with(csrf())
            .with(as("unit"))
            .param("topic", "EQUIPMENT")
            .param("text", "named test text")).andExpect(status().is3xxRedirection());
        UUID id = last("named test text");
        mvc.perform(get("/suggestions/" + id).with(as("unit"))).andExpect(status().isOk());
        assertThat(mvc.perform(get("/suggestions").param("q", "named test text").with(as("unit")))
            .andReturn()
            .getResponse()
            .getContentAsString()).contains("named test text");
        mvc.perform(post("/suggestions").with(csrf()).with(as("auditor")).param("topic", "OTHER").param("text", "x"))
            .andExpect(status().isForbidden());
        mvc.perform(post("/suggestions").with(csrf()).with(as("unit")).param("topic", "OTHER").param("text", ""))
            .andExpect(status().isOk());
        assertThat(jdbc.sql(
                "select count(*) from reporting_suggestion where submitted_on between date '2023-01-01' and date '2023-12-31'")
            .query(Integer.class)
            .single()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theAnswerIsGivenOnce() {
        Suggestion open = new Suggestion(UUID.randomUUID(), UUID.randomUUID(), null, null, SuggestionTopic.OTHER, "t",
                SuggestionStatus.SUBMITTED, null, null, null, 0, null);
        assertThat(open.answer("ok")).isEqualTo(SuggestionStatus.ANSWERED);
        assertThat(catchThrowableOfType(BusinessRuleViolation.class, () -> open.answer(null)).messageKey())
            .isEqualTo("suggestion.answer.required");
        Suggestion answered = new Suggestion(UUID.randomUUID(), UUID.randomUUID(), null, null, SuggestionTopic.OTHER,
                "t", SuggestionStatus.ANSWERED, "a", "w", null, 1, null);
        assertThat(catchThrowableOfType(BusinessRuleViolation.class, () -> answered.answer("ok")).messageKey())
            .isEqualTo("suggestion.transition.answered");
    }

}
