package org.duban.complaint;

import org.duban.ledger.NewProblem;
import org.duban.ledger.ProblemCategory;
import org.duban.ledger.ProblemLedger;
import org.duban.ledger.ProblemSource;
import org.duban.ledger.Problems;
import org.duban.organization.OrgUnits;
import org.duban.security.DubanUser;
import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A problem registered from a complaint links back to the complaint for users who may
 * read it, and its timeline shows labels, not codes.
 */
@DubanTest
class ProblemSourceLinkTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    Complaints complaints;

    @Autowired
    Problems problems;

    @Autowired
    ProblemLedger ledger;

    @Autowired
    OrgUnits units;

    UUID unit(String code) {
        return jdbc.sql("select id from org_unit where code = :c").param("c", code).query(UUID.class).single();
    }

    @Test
    void theProblemPageLinksToTheComplaintOnlyForReadersOfTheComplaint() throws Exception {
        UUID complaint = complaints
            .submit(new NewComplaint(ComplaintType.ROUGH, "rude officer at the toll station", LocalDate.of(2023, 5, 4),
                    null, null, true, null, null), Channel.PHONE, null, List.of(), unit("OTOGQ"))
            .complaintId();
        DubanUser wt = (DubanUser) users.loadUserByUsername("workteam");
        SecurityContextHolder.getContext()
            .setAuthentication(new UsernamePasswordAuthenticationToken(wt, null, wt.getAuthorities()));
        UUID problem;
        try {
            problem = problems.register(new NewProblem(null, ProblemSource.COMPLAINT, complaint.toString(),
                    ProblemCategory.ROUGH, "ROUGH.HOSTILE", unit("OTOGQ-SQUAD-1"), null, "from a complaint",
                    LocalDate.of(2023, 5, 5), false));
            ledger.assign(problem, 0, unit("OTOGQ-SQUAD-1"), 3, units.scopeOf(wt));
        }
        finally {
            SecurityContextHolder.clearContext();
        }

        mvc.perform(get("/problems/" + problem).with(user(wt)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("href=\"/complaints/" + complaint + "\"")))
            // the timeline: labels for field names, statuses and units, not codes
            .andExpect(content().string(containsString("<span>已登记</span> → <span>已交办</span>")))
            .andExpect(content().string(containsString("<td>承办单位</td>")))
            .andExpect(content().string(containsString("<span>执法大队一中队</span>")))
            .andExpect(content().string(not(containsString("<span>REGISTERED</span>"))))
            .andExpect(content().string(not(containsString("assigned_unit_id"))));
        mvc.perform(get("/complaints/" + complaint).with(user(wt))).andExpect(status().isOk());

        // unit staff see the problem (their squad) but not the bureau's complaint: no
        // link, the reference as text
        mvc.perform(get("/complaints/" + complaint).with(user(users.loadUserByUsername("unit"))))
            .andExpect(status().isNotFound());
        mvc.perform(get("/problems/" + problem).with(user(users.loadUserByUsername("unit"))))
            .andExpect(status().isOk())
            .andExpect(content().string(not(containsString("href=\"/complaints/"))))
            .andExpect(content().string(containsString(complaint.toString())));
        // in English, the labels follow the language
        mvc.perform(get("/problems/" + problem).param("lang", "en").with(user(wt)))
            .andExpect(content().string(containsString("<span>Registered</span>")))
            .andExpect(content().string(containsString("<td>Assigned unit</td>")));
    }

}
