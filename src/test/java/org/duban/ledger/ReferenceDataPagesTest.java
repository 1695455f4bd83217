package org.duban.ledger;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The administration pages for problem items and the holiday calendar. */
@DubanTest
class ReferenceDataPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    WorkingDays workingDays;

    RequestPostProcessor as(String login) {
        return user(users.loadUserByUsername(login));
    }

    long itemVersion(String code) {
        return jdbc.sql("select version from problem_item where code = :c").param("c", code).query(Long.class).single();
    }

    MockHttpServletRequestBuilder register(String itemCode, String description) {
        return post("/problems").with(csrf())
            .with(as("workteam"))
            .param("source", "SELF_INSPECTION")
            .param("category", "ROUGH")
            .param("itemCode", itemCode)
            .param("unitId",
                    jdbc.sql("select id from org_unit where code = 'OTOGQ-SQUAD-1'").query(String.class).single())
            .param("description", description)
            .param("foundOn", "2023-05-05");
    }

    int audited(String action, String id) {
        return jdbc.sql("select count(*) from audit_log where action = :a and object_id = :id")
            .param("a", action)
            .param("id", id)
            .query(Integer.class)
            .single();
    }

    @Test
    void anAddedItemIsOfferedUntilDeactivatedAndIsDeletedOnlyWhileUnused() throws Exception {
        String suffix = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace('-', '_');
        String code = "ROUGH." + suffix;
        String name = "test item " + suffix;
        mvc.perform(post("/admin/problem-items").with(csrf())
            .with(as("workteam"))
            .param("category", "ROUGH")
            .param("suffix", suffix)
            .param("name", name)
            .param("sort", "50")
            .param("active", "true")).andExpect(status().is3xxRedirection());
        assertThat(audited("ledger.item.added", code)).isEqualTo(1);
        mvc.perform(get("/problems/new").with(as("workteam"))).andExpect(content().string(containsString(name)));
        mvc.perform(register(code, "uses an active item")).andExpect(status().is3xxRedirection());

        // the same code again, and a bad suffix: errors on the form
        mvc.perform(post("/admin/problem-items").with(csrf())
            .with(as("admin"))
            .param("category", "ROUGH")
            .param("suffix", suffix)
            .param("name", "other")
            .param("sort", "1"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString(code)))
            .andExpect(content().string(containsString("alert-danger")));
        mvc.perform(post("/admin/problem-items").with(csrf())
            .with(as("admin"))
            .param("category", "ROUGH")
            .param("suffix", "bad code")
            .param("name", "x")
            .param("sort", "1")).andExpect(status().isOk()).andExpect(content().string(containsString("is-invalid")));

        // deactivate: no longer offered; a stale form is a conflict
        long version = itemVersion(code);
        mvc.perform(post("/admin/problem-items/" + code).with(csrf())
            .with(as("admin"))
            .param("version", String.valueOf(version))
            .param("category", "ROUGH")
            .param("suffix", suffix)
            .param("name", name)
            .param("sort", "50")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/problems/new").with(as("workteam"))).andExpect(content().string(not(containsString(name))));
        mvc.perform(post("/admin/problem-items/" + code).with(csrf())
            .with(as("workteam"))
            .param("version", String.valueOf(version))
            .param("name", "stale")
            .param("sort", "1")).andExpect(status().isConflict()).andExpect(content().string(containsString("admin")));
        mvc.perform(register(code, "uses a deactivated item"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString(code)));

        // used items are not deleted; an unused added item is
        mvc.perform(post("/admin/problem-items/" + code + "/delete").with(csrf())
            .with(as("admin"))
            .param("version", String.valueOf(itemVersion(code))))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("alert-danger")));
        String unused = code + "_2";
        mvc.perform(post("/admin/problem-items").with(csrf())
            .with(as("workteam"))
            .param("category", "ROUGH")
            .param("suffix", suffix + "_2")
            .param("name", name + " 2")
            .param("sort", "51")
            .param("active", "true")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/problem-items/" + unused + "/delete").with(csrf())
            .with(as("admin"))
            .param("version", String.valueOf(itemVersion(unused)))).andExpect(redirectedUrl("/admin/problem-items"));
        assertThat(jdbc.sql("select count(*) from problem_item where code = :c")
            .param("c", unused)
            .query(Integer.class)
            .single()).isZero();
        assertThat(audited("ledger.item.deleted", unused)).isEqualTo(1);
    }

    @Test
    void itemsOfTheNoticeAreNeverDeleted() throws Exception {
        mvc.perform(post("/admin/problem-items/IRREGULAR.UNEQUAL/delete").with(csrf())
            .with(as("admin"))
            .param("version", String.valueOf(itemVersion("IRREGULAR.UNEQUAL"))))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("alert-danger")));
        assertThat(itemVersion("IRREGULAR.UNEQUAL")).isNotNegative();
        mvc.perform(get("/admin/problem-items").with(as("admin")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("IRREGULAR.UNEQUAL")));
    }

    @Test
    void anEditedCalendarAppliesToWorkingDaysAtOnce() throws Exception {
        LocalDate friday = LocalDate.of(2031, 5, 30);
        LocalDate monday = friday.plusDays(3);
        assertThat(workingDays.add(friday, 1)).isEqualTo(monday);

        mvc.perform(post("/admin/holidays").with(csrf())
            .with(as("workteam"))
            .param("day", monday.toString())
            .param("working", "false")
            .param("name", "test holiday")).andExpect(redirectedUrl("/admin/holidays?year=2031"));
        assertThat(workingDays.add(friday, 1)).isEqualTo(monday.plusDays(1));
        mvc.perform(get("/admin/holidays").param("year", "2031").with(as("workteam")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("test holiday")));
        assertThat(audited("ledger.holiday.added", monday.toString())).isEqualTo(1);

        // the same day again: an error on the form
        mvc.perform(post("/admin/holidays").with(csrf())
            .with(as("workteam"))
            .param("day", monday.toString())
            .param("working", "true"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("alert-danger")));
        mvc.perform(post("/admin/holidays").with(csrf()).with(as("workteam")).param("working", "true"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("is-invalid")));

        // Saturday 31 May worked instead (调休)
        mvc.perform(post("/admin/holidays").with(csrf())
            .with(as("admin"))
            .param("day", friday.plusDays(1).toString())
            .param("working", "true")
            .param("name", "swap")).andExpect(status().is3xxRedirection());
        assertThat(workingDays.add(friday, 1)).isEqualTo(friday.plusDays(1));

        // edit the Monday to an ordinary working day, then a stale edit is a conflict
        mvc.perform(get("/admin/holidays/" + monday + "/edit").with(as("admin"))).andExpect(status().isOk());
        mvc.perform(post("/admin/holidays/" + monday).with(csrf())
            .with(as("admin"))
            .param("day", monday.toString())
            .param("version", "0")
            .param("working", "true")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/holidays/" + monday).with(csrf())
            .with(as("workteam"))
            .param("day", monday.toString())
            .param("version", "0")
            .param("working", "false")).andExpect(status().isConflict());
        mvc.perform(post("/admin/holidays/" + friday.plusDays(1) + "/delete").with(csrf())
            .with(as("admin"))
            .param("version", "0")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/holidays/" + monday + "/delete").with(csrf()).with(as("admin")).param("version", "1"))
            .andExpect(status().is3xxRedirection());
        assertThat(workingDays.add(friday, 1)).isEqualTo(monday);
        assertThat(audited("ledger.holiday.deleted", monday.toString())).isEqualTo(1);
    }

    @Test
    void aYearIsImportedFromACsvFileWholeOrNotAtAll() throws Exception {
        String bad = "date,kind,name\n2032-10-01,放假,National Day\n2032-10-02,maybe,National Day\n"
                + "2032-10-01,false,again\n";
        mvc.perform(multipart("/admin/holidays/import")
            .file(new MockMultipartFile("file", "2032.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
            .with(csrf())
            .with(as("workteam")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("import-errors")))
            .andExpect(content().string(containsString("maybe")))
            .andExpect(content().string(containsString("第4行")));
        assertThat(jdbc.sql("select count(*) from holiday_calendar where extract(year from day) = 2032")
            .query(Integer.class)
            .single()).isZero();

        String good = "\uFEFF2032-10-01,放假,National Day\r\n2032-10-04;Holiday;National Day\r\n"
                + "2032-10-09,调休上班,National Day\r\n";
        mvc.perform(multipart("/admin/holidays/import")
            .file(new MockMultipartFile("file", "2032.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8)))
            .with(csrf())
            .with(as("admin"))).andExpect(redirectedUrl("/admin/holidays"));
        // Thu 30 Sep 2032 + 1 working day: Fri 1 Oct is a holiday, the weekend follows,
        // Mon 4 Oct too: Tue 5 Oct
        assertThat(workingDays.add(LocalDate.of(2032, 9, 30), 1)).isEqualTo(LocalDate.of(2032, 10, 5));
        // Fri 8 Oct + 1: Saturday 9 Oct is worked
        assertThat(workingDays.add(LocalDate.of(2032, 10, 8), 1)).isEqualTo(LocalDate.of(2032, 10, 9));
        assertThat(audited("ledger.holiday.added", "2032-10-09")).isEqualTo(1);
    }

}
