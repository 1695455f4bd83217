package org.duban.complaint;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A reporter's identity: invisible to the unit handling the complaint, revealed to the
 * work team only with a recorded reason, and absent from the database in readable form.
 * The database check scans every text, varchar, char, json and bytea column of every
 * table in the schema for the marker, and a pg_dump of the whole database where Debian's
 * client is installed (CI installs it); the log check captures the application's output
 * during the whole flow.
 */
@DubanTest
@ExtendWith(OutputCaptureExtension.class)
class IdentityProtectionTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void theIdentityIsEncryptedHiddenFromUnitStaffAndEachRevealIsRecorded(CapturedOutput output) throws Exception {
        String marker = "MKR" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String phoneMarker = "139" + (10_000_000 + (int) (Math.random() * 89_999_999));
        String address = "10.231.17.99";
        String key = UUID.randomUUID().toString();
        mvc.perform(post("/public/complaints").with(csrf())
            .with(Addresses.from(address))
            .param("type", "RENT_SEEKING")
            .param("content", "执法人员收钱放车。" + key)
            .param("name", marker)
            .param("phone", phoneMarker)
            .param("consent", "true")
            .param("idempotencyKey", key)
            .param("bureau", "OTOGQ")).andExpect(status().is3xxRedirection());
        UUID id = jdbc.sql("select id from complaint where content like :c")
            .param("c", "%" + key)
            .query(UUID.class)
            .single();

        var workteam = user(users.loadUserByUsername("workteam"));
        var unit = user(users.loadUserByUsername("unit"));
        UUID squad = jdbc.sql("select id from org_unit where code = 'OTOGQ-SQUAD-1'").query(UUID.class).single();
        mvc.perform(post("/complaints/" + id + "/accept").with(csrf()).with(workteam).param("version", "0"))
            .andExpect(status().is3xxRedirection());
        mvc.perform(post("/complaints/" + id + "/assign").with(csrf())
            .with(workteam)
            .param("version", "1")
            .param("unitId", squad.toString())).andExpect(status().is3xxRedirection());

        // The squad handling it sees the complaint but not who made it, and may not
        // reveal it.
        mvc.perform(get("/complaints/" + id).with(unit))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("收钱放车")))
            .andExpect(content().string(not(containsString(marker))))
            .andExpect(content().string(not(containsString(phoneMarker))));
        mvc.perform(post("/complaints/" + id + "/reveal").with(csrf()).with(unit).param("reason", "想知道"))
            .andExpect(status().isForbidden());

        // The work team sees it after giving a reason; the reveal is recorded with it.
        mvc.perform(get("/complaints/" + id).with(workteam))
            .andExpect(status().isOk())
            .andExpect(content().string(not(containsString(marker))));
        mvc.perform(post("/complaints/" + id + "/reveal").with(csrf()).with(workteam).param("reason", "回访核实情况"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString(marker)))
            .andExpect(content().string(containsString(phoneMarker)));
        assertThat(jdbc.sql("select reason from complaint_identity_reveal where complaint_id = :id")
            .param("id", id)
            .query(String.class)
            .list()).containsExactly("回访核实情况");
        assertThat(jdbc.sql("""
                select count(*) from audit_log where object_id = :id and action = 'complaint.identity.revealed'
                and new_values like '%回访核实情况%'
                """).param("id", id.toString()).query(Long.class).single()).isEqualTo(1);

        assertThat(tablesAndColumnsHolding(key)).as("the scan finds plain text").contains("complaint.content");
        assertThat(tablesAndColumnsHolding(marker)).as("marker in the database").isEmpty();
        assertThat(tablesAndColumnsHolding(phoneMarker)).as("phone in the database").isEmpty();
        assertThat(output.getAll()).doesNotContain(marker).doesNotContain(phoneMarker).doesNotContain(address);
        if (org.duban.support.PgDump.available()) {
            String dump = org.duban.support.PgDump.plainText(dataSource);
            assertThat(dump).as("the dump holds the complaint's plain text").contains(key);
            assertThat(dump).as("the dump holds no identity").doesNotContain(marker).doesNotContain(phoneMarker);
        }
    }

    /**
     * Every column of a text-like or binary type in the public schema that contains the
     * needle.
     */
    List<String> tablesAndColumnsHolding(String needle) {
        List<Map<String, Object>> columns = jdbc.sql("""
                select table_name, column_name, data_type from information_schema.columns
                where table_schema = 'public'
                  and data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea')
                """).query().listOfRows();
        assertThat(columns).hasSizeGreaterThan(20);
        List<String> hits = new ArrayList<>();
        for (Map<String, Object> c : columns) {
            String table = (String) c.get("table_name");
            String column = (String) c.get("column_name");
            String condition = "bytea".equals(c.get("data_type"))
                    ? "position(convert_to(:n, 'UTF8') in \"" + column + "\") > 0"
                    : "\"" + column + "\"::text like '%' || :n || '%'";
            long count = jdbc.sql("select count(*) from \"" + table + "\" where " + condition)
                .param("n", needle)
                .query(Long.class)
                .single();
            if (count > 0) {
                hits.add(table + "." + column);
            }
        }
        return hits;
    }

}
