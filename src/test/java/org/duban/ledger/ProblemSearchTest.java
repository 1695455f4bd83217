package org.duban.ledger;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Free-text search of the problem list: Chinese words of any length, references,
 * wildcards taken literally.
 */
@DubanTest
class ProblemSearchTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    UserDetailsService users;

    @Autowired
    Problems problems;

    /**
     * Found today, so first in the list even when older rows (the benchmark's) hold the
     * same words.
     */
    UUID register(String description) {
        UserDetails wt = users.loadUserByUsername("workteam");
        TestSecurityContextHolder
            .setAuthentication(new UsernamePasswordAuthenticationToken(wt, null, wt.getAuthorities()));
        try {
            UUID unit = jdbc.sql("select id from org_unit where code = 'OTOGQ-SQUAD-2'").query(UUID.class).single();
            return problems.register(new NewProblem(null, ProblemSource.COMPLAINT, null, ProblemCategory.PROFIT_DRIVEN,
                    null, unit, null, description, null, false));
        }
        finally {
            TestSecurityContextHolder.clearContext();
        }
    }

    String search(String q) throws Exception {
        return mvc.perform(
                get("/problems").param("q", q).param("size", "200").with(user(users.loadUserByUsername("workteam"))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    }

    @Test
    void findsChineseWordsOfAnyLengthAndReferences() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        UUID id = register("超限检测站对货车司机乱罚款 " + marker + " 100%_done");
        UUID other = register("称重站违规收费 " + marker + " 100 done");
        String reference = jdbc.sql("select reference from problem where id = :id")
            .param("id", id)
            .query(String.class)
            .single();

        // Three or more characters (the trigram index), two and one (read in order and
        // filtered), a reference in
        // either case (ilike), Chinese (like: no letters with case).
        for (String q : List.of("超限检测站", "乱罚款", "罚款", "罚", reference, reference.toLowerCase(), marker.toUpperCase())) {
            assertThat(search(q)).as(q).contains(id.toString());
        }
        assertThat(search("乱罚款 " + marker + "x")).doesNotContain(id.toString());
        // % and _ are literal characters, not wildcards.
        assertThat(search("100%_done")).contains(id.toString());
        assertThat(search("100%_dona")).doesNotContain(id.toString());
        assertThat(search("%")).contains(id.toString()).doesNotContain(other.toString());
        assertThat(search("收费 " + marker)).contains(other.toString()).doesNotContain(id.toString());
    }

    @Test
    void theSearchReadsTheTrigramIndex() {
        // The list's search expression must stay the indexed expression word for word, or
        // searches scan the table.
        String plan = transactions.execute(tx -> {
            jdbcTemplate.execute("set local enable_seqscan = off");
            return String.join("\n", jdbcTemplate.queryForList("explain select p.id from problem p where "
                    + ProblemLedger.SEARCHED_TEXT + " ilike '%weigh station%'", String.class));
        });
        assertThat(plan).contains("problem_text_trgm_idx");
    }

}
