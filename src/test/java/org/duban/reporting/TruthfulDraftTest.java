package org.duban.reporting;

import org.duban.campaign.Campaign;
import org.duban.campaign.Phase;
import org.duban.campaign.PhaseWindow;
import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The drafts say what the data says: a summary of a campaign with unfinished key tasks
 * says how many and which (never "全面完成"); a monthly report names the phases of its month
 * and is numbered in its month's year.
 */
@DubanTest
class TruthfulDraftTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    String campaign() {
        return jdbc.sql("select id::text from campaign where document_number = '鄂前交发〔2023〕29号'")
            .query(String.class)
            .single();
    }

    UUID draft(String kind, String month) throws Exception {
        mvc.perform(post("/reports").with(csrf())
            .with(user(users.loadUserByUsername("workteam")))
            .param("campaignId", campaign())
            .param("kind", kind)
            .param("month", month)).andExpect(status().is3xxRedirection());
        return jdbc.sql("select id from report where kind = :k order by created_at desc limit 1")
            .param("k", kind)
            .query(UUID.class)
            .single();
    }

    @Test
    void theSummaryOfACampaignWithUnfinishedTasksSaysHowManyAndWhich() throws Exception {
        // one task accepted, the rest as they are: the draft must count and name exactly
        // the others
        jdbc.sql("update key_task set status = 'DONE', percent = 100 where title = '通过突击检查、实地暗访、随机抽查等方式提高整改实效'")
            .update();
        List<String> open = jdbc
            .sql("""
                    select title from key_task where campaign_id = cast(:c as uuid) and status <> 'DONE' order by deadline, title
                    """)
            .param("c", campaign())
            .query(String.class)
            .list();
        int total = jdbc.sql("select count(*) from key_task where campaign_id = cast(:c as uuid)")
            .param("c", campaign())
            .query(Integer.class)
            .single();
        assertThat(open).isNotEmpty();

        UUID id = draft("SUMMARY", "2023-09");
        String progress = jdbc.sql("select progress from report where id = :id")
            .param("id", id)
            .query(String.class)
            .single();
        assertThat(progress).contains("重点工作推进计划表共列重点工作" + total + "项，经验收完成" + (total - open.size()) + "项")
            .contains("尚有" + open.size() + "项未完成")
            .doesNotContain("全面完成", "通过突击检查、实地暗访、随机抽查等方式提高整改实效（");
        for (String title : open) {
            assertThat(progress).contains(title + "（");
        }
        assertThat(progress).contains("完成进度", "时限2023年");
    }

    @Test
    void aMonthlyReportStatesThePhaseOfItsMonthAndIsNumberedInItsYear() throws Exception {
        UUID id = draft("MONTHLY", "2023-11");
        String progress = jdbc.sql("select progress from report where id = :id")
            .param("id", id)
            .query(String.class)
            .single();
        assertThat(progress).startsWith("2023年11月").contains("本月处于总结提升阶段").contains("截至2023年11月30日，应完成的重点工作");
        assertThat(jdbc.sql("select doc_year from report where id = :id").param("id", id).query(Integer.class).single())
            .isEqualTo(2023);
    }

    @Test
    void aMonthSpanningTwoPhasesNamesBoth() {
        Campaign c = new Campaign(UUID.randomUUID(), null, "t", null, null, null, null, null, null, null, null,
                List.of(new PhaseWindow(Phase.MOBILISATION, LocalDate.of(2023, 3, 21), LocalDate.of(2023, 3, 24)),
                        new PhaseWindow(Phase.SELF_INSPECTION, LocalDate.of(2023, 3, 25), LocalDate.of(2023, 6, 30)),
                        new PhaseWindow(Phase.CONSOLIDATION, LocalDate.of(2023, 11, 1), null)),
                0, null, null);
        assertThat(c.phasesBetween(LocalDate.of(2023, 3, 1), LocalDate.of(2023, 3, 31)))
            .containsExactly(Phase.MOBILISATION, Phase.SELF_INSPECTION);
        assertThat(c.phasesBetween(LocalDate.of(2023, 2, 1), LocalDate.of(2023, 2, 28))).isEmpty();
        assertThat(c.phasesBetween(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)))
            .containsExactly(Phase.CONSOLIDATION);
    }

}
