package org.duban.reporting;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Not a test (excluded from the default run by its name): writes a sample monthly report
 * of the demonstration county as the application exports it (drafted from the
 * demonstration data, narrative filled in, approved so the signer is printed, 抄送 set) to
 * {@code target/docx-render/monthly-report.docx}, for {@code bench/docx-render.sh}, which
 * converts it with LibreOffice and renders its pages to PNG.
 */
@DubanTest
@Tag("sample")
class ReportDocxSample {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    MockHttpServletRequestBuilder as(String login, MockHttpServletRequestBuilder request) {
        return request.with(user(users.loadUserByUsername(login))).with(csrf());
    }

    long version(UUID id) {
        return jdbc.sql("select version from report where id = :id").param("id", id).query(Long.class).single();
    }

    @Test
    void writeSampleMonthlyReport() throws Exception {
        String campaign = jdbc.sql("select id::text from campaign order by starts_on limit 1")
            .query(String.class)
            .single();
        mvc.perform(as("workteam",
                post("/reports").param("campaignId", campaign).param("kind", "MONTHLY").param("month", "2023-05")))
            .andExpect(status().is3xxRedirection());
        UUID id = jdbc.sql("""
                select id from report where kind = 'MONTHLY' and period = date '2023-05-01'
                  and campaign_id = cast(:c as uuid)
                """).param("c", campaign).query(UUID.class).single();
        String progress = jdbc.sql("select progress from report where id = :id")
            .param("id", id)
            .query(String.class)
            .single();
        mvc.perform(as("workteam", post("/reports/" + id).param("title", "关于2023年5月交通运输执法领域突出问题专项整治工作情况的报告")
            .param("docPrefix", "鄂前交发")
            .param("docYear", "2023")
            .param("docSeq", "31")
            .param("addressee", "鄂尔多斯市交通运输局：")
            .param("copyTo", "旗委办公室，旗政府办公室，旗纪委监委")
            .param("progress",
                    progress + "\n5月，局党组召开专题会议2次，研究部署自查自纠和问题整改工作；执法大队各中队" + "逐案复查2022年以来办结的行政处罚案件，对照“四类问题”清单逐项检视。")
            .param("results", "通过集中整治，执法人员规范执法意识明显增强，群众投诉举报数量较上月下降，" + "一批群众反映强烈的问题得到解决。")
            .param("problems", "一是个别执法人员对自由裁量基准掌握不准；二是部分案卷文书制作不够规范；" + "三是整改销号进度不均衡，少数问题超过整改时限。")
            .param("suggestions", "建议市局组织开展执法案卷评查交叉互评，统一全市自由裁量基准适用口径。")
            .param("version", String.valueOf(version(id))))).andExpect(status().is3xxRedirection());
        mvc.perform(as("leader", post("/reports/" + id + "/approve").param("version", String.valueOf(version(id)))))
            .andExpect(status().is3xxRedirection());
        byte[] docx = mvc.perform(as("workteam", get("/reports/" + id + "/docx")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        Path out = Path.of("target/docx-render/monthly-report.docx");
        Files.createDirectories(out.getParent());
        Files.write(out, docx);
        assertThat(docx).isNotEmpty();
        System.out.println("SAMPLE " + out.toAbsolutePath());
    }

}
