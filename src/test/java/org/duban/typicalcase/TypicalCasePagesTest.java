package org.duban.typicalcase;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A typical case from registration to the public portal: approval by the leading group,
 * refusal while the public text names the source's persons, the 通报 read back from its
 * .docx, and a scan of the public page for every personal field of the source record.
 */
@DubanTest
class TypicalCasePagesTest {

    static final String NAME = "赵六六";
    static final String PHONE = "13912345678";
    static final String ID_NUMBER = "152728199001011234";
    static final String PLATE = "蒙K12345";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    RequestPostProcessor as(String login) {
        return user(users.loadUserByUsername(login));
    }

    String version(UUID id) {
        return jdbc.sql("select version::text from typical_case where id = :id")
            .param("id", id)
            .query(String.class)
            .single();
    }

    String list(String param, String value) throws Exception {
        return mvc.perform(get("/typical-cases").param(param, value).with(as("workteam")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theListIsSearchedByKeywordAndFilteredByKindWithATotal() throws Exception {
        String negative = list("kind", "NEGATIVE");
        assertThat(negative).contains("<label class=\"form-label small mb-0\" for=\"kind\">")
            .contains(">重置</a>")
            .containsPattern("共 [1-9]\\d* 条")
            .contains("查扣车辆时与驾驶员推搡问题")
            .doesNotContain("推行轻微违法首违不罚清单");
        String found = list("q", "推搡");
        assertThat(found).contains("查扣车辆时与驾驶员推搡问题").doesNotContain("对熟人车辆超限违法行为不立案问题");
    }

    @Test
    void fromRegistrationToAnAnonymisedPublicPage() throws Exception {
        String reference = "TC-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                insert into problem (id, reference, source, category, unit_id, officers, description, found_on, status,
                                     confidential, created_by, created_at)
                select gen_random_uuid(), :ref, 'COMPLAINT', 'RENT_SEEKING', id, :officers, :description,
                       date '2023-07-03', 'SIGNED_OFF', true, 'test', now()
                from org_unit where code = 'OTOGQ-SQUAD-1'
                """)
            .param("ref", reference)
            .param("officers", NAME + "（一中队执法队员）")
            .param("description", "当事人电话" + PHONE + "，身份证号" + ID_NUMBER + "，车辆" + PLATE + "被放行")
            .update();
        var form = post("/typical-cases").with(csrf())
            .with(as("workteam"))
            .param("problemReference", reference)
            .param("kind", "NEGATIVE")
            .param("source", "PROBLEM")
            .param("title", NAME + "私放超限车辆")
            .param("summary", "执法队员" + NAME + "收受好处后私放" + PLATE)
            .param("publicTitle", "执法队员私放超限车辆受到处理")
            .param("publicText", "一中队执法队员" + NAME + "私放超限车辆");
        mvc.perform(form).andExpect(status().is3xxRedirection());
        UUID id = jdbc
            .sql("select t.id from typical_case t join problem p on p.id = t.problem_id where p.reference = :r")
            .param("r", reference)
            .query(UUID.class)
            .single();

        // the work team does not approve; the leader refuses to approve a public text
        // with the officer's name
        mvc.perform(post("/typical-cases/" + id + "/approve").with(csrf())
            .with(as("workteam"))
            .param("version", version(id))).andExpect(status().isForbidden());
        mvc.perform(
                post("/typical-cases/" + id + "/approve").with(csrf()).with(as("leader")).param("version", version(id)))
            .andExpect(flash().attribute("refusal", "typicalcase.personal.name"));
        mvc.perform(post("/typical-cases/" + id).with(csrf())
            .with(as("workteam"))
            .param("problemReference", reference)
            .param("kind", "NEGATIVE")
            .param("source", "PROBLEM")
            .param("title", NAME + "私放超限车辆")
            .param("summary", "执法队员" + NAME + "收受好处后私放" + PLATE)
            .param("publicTitle", "执法队员私放超限车辆受到处理")
            .param("publicText", "某中队一名执法队员收受好处后私放超限车辆，已受到严肃处理。")
            .param("version", version(id))).andExpect(status().is3xxRedirection());
        mvc.perform(
                post("/typical-cases/" + id + "/approve").with(csrf()).with(as("leader")).param("version", version(id)))
            .andExpect(flash().attribute("flash", "typicalcase.approved"));
        mvc.perform(post("/typical-cases/" + id + "/publish").with(csrf())
            .with(as("workteam"))
            .param("version", version(id))).andExpect(flash().attribute("flash", "typicalcase.published"));
        assertThat(
                jdbc.sql("select status from typical_case where id = :id").param("id", id).query(String.class).single())
            .isEqualTo("PUBLISHED");

        // the public page, anonymous: the case is there, no personal field of the source
        // record is
        String page = mvc.perform(get("/public/typical-cases"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(page).contains("执法队员私放超限车辆受到处理", "某中队一名执法队员收受好处后私放超限车辆");
        List<String> personal = jdbc.sql("""
                select unnest(array[officers, description]) from problem where reference = :r
                """).param("r", reference).query(String.class).list();
        assertThat(personal).isNotEmpty();
        assertThat(page).doesNotContain(NAME, PHONE, ID_NUMBER, PLATE, reference, "收受好处后私放蒙");
        // nor any name, phone, ID number or plate recorded on any published case's source
        // problem
        for (String names : jdbc.sql("""
                select p.officers from typical_case t join problem p on p.id = t.problem_id
                where t.status = 'PUBLISHED' and p.officers is not null
                """).query(String.class).list()) {
            for (String name : names.replaceAll("[\\uff08(][^\\uff09)]*[\\uff09)]", "").split("[\\u3001,\\s]+")) {
                assertThat(page).doesNotContain(name);
            }
        }
        assertThat(PersonalData.PHONE.matcher(page).find()).isFalse();
        assertThat(PersonalData.ID_NUMBER.matcher(page).find()).isFalse();
        assertThat(PersonalData.PLATE.matcher(page).find()).isFalse();

        // 通报: the internal account, read back from the .docx
        byte[] docx = mvc.perform(get("/typical-cases/" + id + "/circular.docx").with(as("leader")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String text = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertThat(text).contains("关于" + NAME + "私放超限车辆的通报", "一、基本情况", "二、存在问题及教训", "三、有关要求", "引以为戒");
        }
        // published cases are not edited; withdrawn, they leave the public page
        mvc.perform(post("/typical-cases/" + id + "/withdraw").with(csrf())
            .with(as("workteam"))
            .param("version", version(id))).andExpect(flash().attribute("flash", "typicalcase.withdrawn"));
        assertThat(mvc.perform(get("/public/typical-cases")).andReturn().getResponse().getContentAsString())
            .doesNotContain("执法队员私放超限车辆受到处理");
    }

    @Test
    void unitStaffHaveNoAccessAndTheDemonstrationHasPublishedCases() throws Exception {
        mvc.perform(get("/typical-cases").with(as("unit"))).andExpect(status().isForbidden());
        assertThat(jdbc.sql(
                "select count(*) from typical_case where status = 'PUBLISHED' and extract(year from published_on) = 2023")
            .query(Integer.class)
            .single()).isGreaterThanOrEqualTo(2);
        String page = mvc.perform(get("/public/typical-cases"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(page).contains("推行首违不罚清单").doesNotContain("张某");
    }

}
