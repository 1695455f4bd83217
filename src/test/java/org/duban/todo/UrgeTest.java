package org.duban.todo;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.duban.ledger.NewProblem;
import org.duban.ledger.ProblemCategory;
import org.duban.ledger.ProblemLedger;
import org.duban.ledger.ProblemSource;
import org.duban.ledger.Problems;
import org.duban.organization.OrgUnits;
import org.duban.security.DubanUser;
import org.duban.support.DubanTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 催办: recorded on the item, notified to the unit at once, shown in its to-do, and printed
 * on the 督办单.
 */
@DubanTest
class UrgeTest {

    @Autowired
    Problems problems;

    @Autowired
    ProblemLedger ledger;

    @Autowired
    OrgUnits units;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    MockMvc mvc;

    @Autowired
    TodoList todo;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    DubanUser login(String login) {
        return (DubanUser) users.loadUserByUsername(login);
    }

    UUID assignedProblem(boolean confidential) {
        DubanUser wt = login("workteam");
        SecurityContextHolder.getContext()
            .setAuthentication(new UsernamePasswordAuthenticationToken(wt, null, wt.getAuthorities()));
        UUID squad = jdbc.sql("select id from org_unit where code = 'OTOGQ-SQUAD-1'").query(UUID.class).single();
        UUID id = problems.register(new NewProblem(null, ProblemSource.COMPLAINT, null, ProblemCategory.RIGID, null,
                squad, null, "urge test", LocalDate.of(2023, 6, 1), confidential));
        ledger.assign(id, 0, squad, 5, units.scopeOf(wt));
        SecurityContextHolder.clearContext();
        return id;
    }

    int urgeNotices(String login, UUID problem) {
        return jdbc.sql("""
                select count(*) from notification n join staff s on s.id = n.recipient_id
                where s.login = :l and n.link = :link and n.dedup_key like 'urge:%'
                """).param("l", login).param("link", "/problems/" + problem).query(Integer.class).single();
    }

    @Test
    void theLeaderUrgesAnAssignedProblemAndTheSquadSeesItAtOnce() throws Exception {
        UUID id = assignedProblem(false);
        mvc.perform(post("/todo/problem/" + id + "/urge").with(csrf())
            .with(user(login("leader")))
            .param("text", "请于本周内报送核查情况"))
            .andExpect(status().is3xxRedirection())
            .andExpect(flash().attribute("flash", "todo.urge.sent"));

        assertThat(urgeNotices("unit", id)).isEqualTo(1);
        assertThat(urgeNotices("leader", id)).isZero();
        DubanUser unit = login("unit");
        assertThat(todo.pending(unit, units.scopeOf(unit))).filteredOn(i -> i.id().equals(id))
            .singleElement()
            .satisfies(i -> assertThat(i.urges()).isEqualTo(1))
            .satisfies(i -> assertThat(i.lastUrge()).isEqualTo("请于本周内报送核查情况"));
        mvc.perform(get("/todo/problem/" + id).with(user(unit)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("请于本周内报送核查情况")));

        byte[] slip = mvc.perform(get("/todo/problem/" + id + "/slip.docx").with(user(login("leader"))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(slip));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            String reference = jdbc.sql("select reference from problem where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
            assertThat(text.getText()).contains("督办通知单", reference, "执法大队一中队", "请于本周内报送核查情况");
        }
    }

    @Test
    void anEmptyUrgeIsRefusedWithAMessageAndTheSquadMayNotUrge() throws Exception {
        UUID id = assignedProblem(false);
        mvc.perform(
                post("/todo/problem/" + id + "/urge").with(csrf()).with(user(login("workteam"))).param("text", "  "))
            .andExpect(flash().attribute("refusal", "todo.urge.textRequired"));
        mvc.perform(post("/todo/problem/" + id + "/urge").with(csrf()).with(user(login("unit"))).param("text", "x"))
            .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from todo_urge where item_id = :id")
            .param("id", id)
            .query(Integer.class)
            .single()).isZero();
    }

    @Test
    void aConfidentialClueCannotBeUrgedOrSeenByThoseWhoMayNotReadIt() throws Exception {
        UUID id = assignedProblem(true);
        mvc.perform(post("/todo/problem/" + id + "/urge").with(csrf()).with(user(login("city"))).param("text", "x"))
            .andExpect(status().isNotFound());
        mvc.perform(
                post("/todo/problem/" + id + "/urge").with(csrf()).with(user(login("workteam"))).param("text", "抓紧核查"))
            .andExpect(status().is3xxRedirection());
        assertThat(urgeNotices("unit", id)).as("the squad may not read clues").isZero();
    }

}
