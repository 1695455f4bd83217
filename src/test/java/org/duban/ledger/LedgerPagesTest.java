package org.duban.ledger;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The problem ledger through its pages: the whole life cycle, refusals, scope and
 * confidentiality, conflicts.
 */
@DubanTest
class LedgerPagesTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    Problems problems;

    RequestPostProcessor as(String login) {
        return user(users.loadUserByUsername(login));
    }

    UUID unit(String code) {
        return jdbc.sql("select id from org_unit where code = :c").param("c", code).query(UUID.class).single();
    }

    long version(UUID id) {
        return jdbc.sql("select version from problem where id = :id").param("id", id).query(Long.class).single();
    }

    String statusOf(UUID id) {
        return jdbc.sql("select status from problem where id = :id").param("id", id).query(String.class).single();
    }

    UUID register(String code, String officers, boolean confidential) {
        UserDetails wt = users.loadUserByUsername("workteam");
        TestSecurityContextHolder
            .setAuthentication(new UsernamePasswordAuthenticationToken(wt, null, wt.getAuthorities()));
        try {
            return problems.register(new NewProblem(null, ProblemSource.SELF_INSPECTION, null, ProblemCategory.ROUGH,
                    "ROUGH.HOSTILE", unit(code), officers, "cold treatment at the weigh station " + UUID.randomUUID(),
                    LocalDate.of(2023, 5, 4), confidential));
        }
        finally {
            TestSecurityContextHolder.clearContext();
        }
    }

    void step(UUID id, String action, String... params) throws Exception {
        var request = post("/problems/" + id + "/" + action).with(csrf())
            .with(as("workteam"))
            .param("version", String.valueOf(version(id)));
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        mvc.perform(request).andExpect(status().is3xxRedirection());
    }

    @Test
    void theWholeLifeCycleThroughThePages() throws Exception {
        mvc.perform(post("/problems").with(csrf())
            .with(as("unit"))
            .param("source", "SELF_INSPECTION")
            .param("category", "IRREGULAR")
            .param("itemCode", "IRREGULAR.UNEQUAL")
            .param("unitId", unit("OTOGQ-SQUAD-1").toString())
            .param("description", "two different fines for the same overload")
            .param("foundOn", "2023-04-03")).andExpect(status().is3xxRedirection());
        UUID id = jdbc.sql("select id from problem where description = 'two different fines for the same overload'")
            .query(UUID.class)
            .single();

        step(id, "assign", "unitId", unit("OTOGQ-SQUAD-1").toString(), "limitDays", "10");
        assertThat(statusOf(id)).isEqualTo("ASSIGNED");
        assertThat(
                jdbc.sql("select due_on from problem where id = :id").param("id", id).query(LocalDate.class).single())
            .isAfter(LocalDate.now().plusDays(11));
        step(id, "verify");
        step(id, "decide", "confirmed", "true", "reasons", "case files 12 and 13 compared");
        assertThat(statusOf(id)).isEqualTo("CONFIRMED");
        step(id, "rectify", "unitId", unit("OTOGQ-SQUAD-1").toString(), "person", "Li Ming", "deadline",
                LocalDate.now().plusDays(30).toString());
        assertThat(statusOf(id)).isEqualTo("RECTIFYING");
        step(id, "measures", "text", "apply the benchmark table", "owner", "Li Ming", "deadline",
                LocalDate.now().plusDays(20).toString());

        // Without evidence the unit cannot report the rectification done.
        step(id, "rectified", "note", "done");
        assertThat(statusOf(id)).isEqualTo("RECTIFYING");
        // A file whose content is not an accepted type is refused, whatever its name.
        mvc.perform(multipart("/problems/" + id + "/evidence")
            .file(new MockMultipartFile("file", "evil.pdf", "application/pdf", "<script>".getBytes()))
            .param("version", String.valueOf(version(id)))
            .with(csrf())
            .with(as("unit"))).andExpect(flash().attribute("refusal", "evidence.typeRefused"));
        mvc.perform(multipart("/problems/" + id + "/evidence")
            .file(new MockMultipartFile("file", "receipt.pdf", "application/pdf", PDF))
            .param("version", String.valueOf(version(id)))
            .with(csrf())
            .with(as("unit"))).andExpect(flash().attribute("flash", "flash.saved"));
        step(id, "rectified", "note", "benchmark applied, fines refunded");
        assertThat(statusOf(id)).isEqualTo("RECTIFIED");

        // Sign-off before the work team's verification is refused.
        mvc.perform(post("/problems/" + id + "/signoff").with(csrf())
            .with(as("leader"))
            .param("version", String.valueOf(version(id))))
            .andExpect(flash().attribute("refusal", "problem.signOff.notVerified"));
        step(id, "check", "passed", "true", "opinion", "receipts seen");
        assertThat(statusOf(id)).isEqualTo("VERIFIED");
        mvc.perform(post("/problems/" + id + "/signoff").with(csrf())
            .with(as("leader"))
            .param("version", String.valueOf(version(id)))).andExpect(flash().attribute("flash", "flash.saved"));
        assertThat(statusOf(id)).isEqualTo("SIGNED_OFF");

        mvc.perform(get("/problems/" + id).with(as("workteam")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("case files 12 and 13 compared")))
            .andExpect(content().string(containsString("receipt.pdf")))
            .andExpect(content().string(containsString("已整改</span> → <span>已核验")));
        // The ledger is paged and other tests add rows: found by its number, as a user
        // would.
        String reference = jdbc.sql("select reference from problem where id = :id")
            .param("id", id)
            .query(String.class)
            .single();
        mvc.perform(get("/rectifications").param("q", reference).with(as("workteam")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString(reference)));
    }

    @Test
    void aStaleVersionIsAConflictNamingWhoChangedTheProblem() throws Exception {
        UUID id = register("OTOGQ-SQUAD-1", null, false);
        long seen = version(id);
        step(id, "assign", "unitId", unit("OTOGQ-SQUAD-1").toString(), "limitDays", "5");
        mvc.perform(post("/problems/" + id + "/verify").with(csrf())
            .with(as("workteam"))
            .param("version", String.valueOf(seen)))
            .andExpect(status().isConflict())
            .andExpect(content().string(containsString("workteam")));
    }

    @Test
    void unitStaffSeeNeitherOtherUnitsProblemsNorAnyConfidentialClue() throws Exception {
        UUID own = register("OTOGQ-SQUAD-1", null, false);
        UUID other = register("OTOGQ-SQUAD-2", null, false);
        UUID confidentialOwn = register("OTOGQ-SQUAD-1", "officer 150201", false);
        UUID flagged = register("OTOGQ-SQUAD-1", null, true);
        String ref = jdbc.sql("select reference from problem where id = :id")
            .param("id", own)
            .query(String.class)
            .single();
        String otherRef = jdbc.sql("select reference from problem where id = :id")
            .param("id", other)
            .query(String.class)
            .single();
        String confRef = jdbc.sql("select reference from problem where id = :id")
            .param("id", confidentialOwn)
            .query(String.class)
            .single();

        mvc.perform(get("/problems/" + own).with(as("unit"))).andExpect(status().isOk());
        mvc.perform(get("/problems/" + other).with(as("unit"))).andExpect(status().isNotFound());
        mvc.perform(get("/problems/" + confidentialOwn).with(as("unit"))).andExpect(status().isNotFound());
        mvc.perform(get("/problems/" + flagged).with(as("unit"))).andExpect(status().isNotFound());
        mvc.perform(get("/problems").param("size", "200").with(as("unit")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString(ref)))
            .andExpect(content().string(not(containsString(otherRef))))
            .andExpect(content().string(not(containsString(confidentialOwn.toString()))))
            .andExpect(content().string(not(containsString(flagged.toString()))));
        mvc.perform(get("/problems").param("q", confRef).with(as("unit")))
            .andExpect(content().string(not(containsString(confidentialOwn.toString()))));
        mvc.perform(get("/problems/export").with(as("unit"))).andExpect(status().isOk());

        // Need-to-know roles see the confidential clue; the administrator and the
        // superior bureau do not.
        mvc.perform(get("/problems/" + confidentialOwn).with(as("workteam")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("officer 150201")));
        mvc.perform(get("/problems/" + confidentialOwn).with(as("auditor"))).andExpect(status().isOk());
        mvc.perform(get("/problems/" + confidentialOwn).with(as("admin"))).andExpect(status().isNotFound());
        mvc.perform(get("/problems/" + confidentialOwn).with(as("city"))).andExpect(status().isNotFound());
    }

    @Test
    void listsFilterSortAndPage() throws Exception {
        register("OTOGQ-SQUAD-2", null, false);
        mvc.perform(get("/problems").with(as("workteam"))
            .param("category", "ROUGH")
            .param("sort", "reference")
            .param("dir", "asc")
            .param("size", "1")).andExpect(status().isOk()).andExpect(content().string(containsString("1 / ")));
        mvc.perform(get("/problems").with(as("workteam"))
            .param("overdue", "true")
            .param("status", "ASSIGNED")
            .param("from", "2023-01-01")
            .param("to", "2023-12-31")
            .param("item", "ROUGH.HOSTILE")
            .param("source", "SELF_INSPECTION")
            .param("unit", unit("OTOGQ-SQUAD-2").toString())
            .param("q", "weigh")).andExpect(status().isOk());
    }

}
