package org.duban.complaint;

import org.duban.audit.AuditTrail;
import org.duban.support.DubanTest;
import org.duban.support.WithWorkTeamMember;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demonstration complaints: every stage, channel and type, dated like a running
 * campaign, and on record.
 */
@DubanTest
class ComplaintDemoDataTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditTrail trail;

    /**
     * Demonstration complaints are dated before today; those the other tests create are
     * dated today.
     */
    static final String DEMO = " from complaint where cast(submitted_at at time zone 'Asia/Shanghai' as date)"
            + " < cast(now() at time zone 'Asia/Shanghai' as date)";

    List<String> distinct(String column) {
        return jdbc.sql("select distinct " + column + DEMO + " and " + column + " is not null")
            .query(String.class)
            .list();
    }

    @Test
    void everyStageChannelAndTypeIsThere() {
        assertThat(jdbc.sql("select count(*)" + DEMO).query(Long.class).single()).isGreaterThanOrEqualTo(12);
        assertThat(distinct("status")).contains("SUBMITTED", "ACCEPTED", "IN_HANDLING", "FEEDBACK_REVIEW", "ANSWERED",
                "REOPENED", "DECLINED", "CLOSED");
        assertThat(distinct("channel")).contains("WEB", "API", "PHONE", "LETTER", "VISIT", "SUPERIOR_REFERRAL");
        assertThat(distinct("type")).contains("PROFIT_DRIVEN", "IRREGULAR", "RIGID", "ROUGH", "RENT_SEEKING", "OTHER");
        assertThat(distinct("closure")).contains("RESOLVED", "DECLINED", "DUPLICATE");
        assertThat(distinct("satisfaction")).contains("SATISFIED", "BASICALLY_SATISFIED", "NOT_SATISFIED");
        // Dated back: one answer was late, some open ones are overdue, and the history
        // follows the steps in order.
        assertThat(jdbc.sql("""
                select count(*) from complaint
                where answered_at is not null and cast(answered_at at time zone 'Asia/Shanghai' as date) > due_on
                """).query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("""
                select count(*) from complaint_entry e join complaint c on c.id = e.complaint_id
                where e.created_at < c.submitted_at or e.created_at > now()
                """).query(Long.class).single()).isZero();
        assertThat(trail.firstBrokenLink()).isEmpty();
    }

    @Test
    @WithWorkTeamMember
    void theWorkTeamsInboxIsNotEmpty() throws Exception {
        String inbox = mvc.perform(get("/complaints"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(inbox.split("data-item=", -1).length - 1).isGreaterThanOrEqualTo(10);
        // Other tests add complaints to the shared database and the list pages, so the
        // overdue ones of the
        // demonstration are asserted in the data, not on the first page.
        assertThat(jdbc
            .sql("""
                    select count(*) from complaint c join org_unit o on o.id = c.owner_unit_id
                    where o.code like 'OTOGQ%' and c.status not in ('ANSWERED', 'CLOSED', 'DECLINED') and c.due_on < current_date
                    """)
            .query(Long.class)
            .single()).isPositive();
    }

}
