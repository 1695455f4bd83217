package org.duban.inspection;

import jakarta.servlet.http.Cookie;
import org.duban.organization.OrgUnits;
import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.util.List;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Evidence files on findings: upload checked by content, download as an attachment,
 * confidential like the visit.
 */
@DubanTest
class FindingEvidenceTest {

    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    OrgUnits units;

    @Autowired
    JdbcClient jdbc;

    RequestPostProcessor as(String login) {
        return user(users.loadUserByUsername(login));
    }

    long version(UUID id) {
        return jdbc.sql("select version from inspection where id = :id").param("id", id).query(Long.class).single();
    }

    UUID unannouncedVisitWithFinding() throws Exception {
        UUID squad1 = units.findByCode("OTOGQ-SQUAD-1").orElseThrow().id();
        UUID campaign = jdbc.sql("select id from campaign order by starts_on limit 1").query(UUID.class).single();
        UUID workteam = jdbc.sql("select id from staff where login = 'workteam'").query(UUID.class).single();
        String location = mvc
            .perform(post("/inspections").with(csrf())
                .with(as("workteam"))
                .param("type", "UNANNOUNCED")
                .param("title", "evidence visit " + UUID.randomUUID().toString().substring(0, 8))
                .param("campaignId", campaign.toString())
                .param("plannedOn", "2026-11-20")
                .param("unitTargets", squad1.toString())
                .param("inspectorIds", workteam.toString()))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(post("/inspections/" + id + "/findings").with(csrf())
            .with(as("workteam"))
            .param("category", "IRREGULAR")
            .param("description", "fee list not posted")
            .param("evidence", "photo 1")
            .param("foundOn", "2026-11-20")
            .param("version", String.valueOf(version(id)))).andExpect(status().is3xxRedirection());
        return id;
    }

    UUID findingOf(UUID inspection) {
        return jdbc.sql("select id from inspection_finding where inspection_id = :id")
            .param("id", inspection)
            .query(UUID.class)
            .single();
    }

    int files(UUID finding) {
        return jdbc.sql("select count(*) from inspection_evidence_file where finding_id = :f")
            .param("f", finding)
            .query(Integer.class)
            .single();
    }

    @Test
    void aPhotoIsAcceptedListedAndDownloadedAsAnAttachmentConfidentialUntilTheVisitIsClosed() throws Exception {
        UUID id = unannouncedVisitWithFinding();
        UUID finding = findingOf(id);
        String upload = "/inspections/" + id + "/findings/" + finding + "/evidence";
        mvc.perform(multipart(upload).file(new MockMultipartFile("file", "station-fee-list.png", "image/png", PNG))
            .with(csrf())
            .with(as("workteam"))).andExpect(status().is3xxRedirection());
        assertThat(files(finding)).isEqualTo(1);
        UUID file = jdbc.sql("select id from inspection_evidence_file where finding_id = :f")
            .param("f", finding)
            .query(UUID.class)
            .single();
        String download = upload + "/" + file;

        mvc.perform(get("/inspections/" + id).with(as("workteam")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("station-fee-list.png")))
            .andExpect(content().string(containsString(download)));
        mvc.perform(get(download).with(as("workteam")))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", "image/png"))
            .andExpect(header().string("X-Content-Type-Options", "nosniff"))
            .andExpect(header().string("Content-Disposition", containsString("attachment")))
            .andExpect(header().string("Content-Disposition", containsString("station-fee-list.png")))
            .andExpect(content().bytes(PNG));
        assertThat(jdbc
            .sql("select count(*) from audit_log where object_id = :id and action = 'inspection.evidence.added'")
            .param("id", file.toString())
            .query(Integer.class)
            .single()).isEqualTo(1);

        // An open unannounced visit: nobody outside the work team sees the file, nor can
        // they add one.
        for (String other : List.of("leader", "admin", "auditor", "city")) {
            mvc.perform(get(download).with(as(other))).andExpect(status().isNotFound());
        }
        mvc.perform(multipart(upload).file(new MockMultipartFile("file", "x.png", "image/png", PNG))
            .with(csrf())
            .with(as("admin"))).andExpect(status().isNotFound());
        assertThat(files(finding)).isEqualTo(1);
        // A file id of another finding is not served under this one.
        mvc.perform(
                get("/inspections/" + id + "/findings/" + UUID.randomUUID() + "/evidence/" + file).with(as("workteam")))
            .andExpect(status().isNotFound());

        mvc.perform(post("/inspections/" + id + "/close").with(csrf())
            .with(as("workteam"))
            .param("version", String.valueOf(version(id)))).andExpect(status().is3xxRedirection());
        mvc.perform(get(download).with(as("leader")))
            .andExpect(status().isOk())
            .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        // Closed: no more files.
        mvc.perform(multipart(upload).file(new MockMultipartFile("file", "late.png", "image/png", PNG))
            .with(csrf())
            .with(as("workteam"))).andExpect(status().isOk());
        assertThat(files(finding)).isEqualTo(1);
    }

    @Test
    void aRenamedNonImageIsRefusedWithAMessageOnTheForm() throws Exception {
        UUID id = unannouncedVisitWithFinding();
        UUID finding = findingOf(id);
        byte[] script = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/inspections/" + id + "/findings/" + finding + "/evidence")
            .file(new MockMultipartFile("file", "photo.jpg", "image/jpeg", script))
            .with(csrf())
            .with(as("workteam"))
            .cookie(new Cookie("duban-lang", "en")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("checked by content, not by name")))
            .andExpect(content().string(containsString("is-invalid")))
            .andExpect(content().string(not(containsString("photo.jpg"))));
        assertThat(files(finding)).isZero();
        mvc.perform(multipart("/inspections/" + id + "/findings/" + finding + "/evidence")
            .file(new MockMultipartFile("file", "big.pdf", "application/pdf",
                    concat("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII),
                            new byte[(int) FindingEvidenceStore.MAX_BYTES])))
            .with(csrf())
            .with(as("workteam"))
            .cookie(new Cookie("duban-lang", "en")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("larger than 10 MB")));
        assertThat(files(finding)).isZero();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

}
