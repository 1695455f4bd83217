package org.duban.campaign;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.organization.DataScope;
import org.duban.organization.OrgUnits;
import org.duban.support.DubanTest;
import org.duban.support.WithSuperiorBureau;
import org.duban.support.WithUnitStaff;
import org.duban.support.WithWorkTeamMember;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@DubanTest
class CampaignPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Campaigns campaigns;

    @Autowired
    OrgUnits units;

    UUID noticeCampaign() {
        return jdbc.sql("select id from campaign where document_number = '鄂前交发〔2023〕29号'").query(UUID.class).single();
    }

    @Test
    @WithUnitStaff
    void aSquadMemberFindsTheCampaignWithItsPhasesAndLeadingGroup() throws Exception {
        mvc.perform(get("/campaigns/" + noticeCampaign()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("鄂前交发〔2023〕29号")))
            .andExpect(content().string(containsString("动员部署")))
            .andExpect(content().string(containsString("总结提升")))
            .andExpect(content().string(containsString("热希")))
            .andExpect(content().string(containsString("阿荣娜")))
            .andExpect(content().string(containsString("领导小组")));
    }

    @Test
    @WithUnitStaff
    void anotherCountysCampaignIsInvisibleToASquadMember() throws Exception {
        // The demonstration's second county (鄂托克旗) runs its own campaign.
        var otog = jdbc.sql("""
                select c.id, c.title from campaign c join org_unit o on o.id = c.owner_unit_id
                where o.code = 'OTOG' order by c.starts_on limit 1
                """).query().singleRow();
        mvc.perform(get("/campaigns/" + otog.get("id"))).andExpect(status().isNotFound());
        mvc.perform(get("/campaigns"))
            .andExpect(content().string(org.hamcrest.Matchers.not(containsString((String) otog.get("title")))));
    }

    @Test
    @WithSuperiorBureau
    void theCityBureauSeesEveryCountysCampaigns() throws Exception {
        mvc.perform(get("/campaigns"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("鄂托克前旗交通运输执法领域突出问题专项整治行动")));
    }

    @Test
    @WithWorkTeamMember
    void aBadDocumentNumberIsShownAtTheField() throws Exception {
        Campaign c = campaigns.get(noticeCampaign(), allUnits());
        mvc.perform(post("/campaigns/" + c.id()).with(csrf())
            .param("ownerUnitId", c.ownerUnitId().toString())
            .param("title", c.title())
            .param("documentNumber", "鄂前交发[2023]029号")
            .param("issuingAgency", c.issuingAgency())
            .param("startsOn", c.startsOn().toString())
            .param("status", "ACTIVE")
            .param("version", String.valueOf(c.version())))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("六角括号")))
            .andExpect(content().string(containsString("is-invalid")));
    }

    @Test
    @WithWorkTeamMember
    void aStaleEditIsRefusedWithWhoChangedIt() throws Exception {
        Campaign c = campaigns.get(noticeCampaign(), allUnits());
        long stale = c.version() - 1;
        mvc.perform(post("/campaigns/" + c.id()).with(csrf())
            .param("ownerUnitId", c.ownerUnitId().toString())
            .param("title", c.title())
            .param("documentNumber", c.documentNumber())
            .param("issuingAgency", c.issuingAgency())
            .param("startsOn", c.startsOn().toString())
            .param("status", "ACTIVE")
            .param("noticeText", c.noticeText())
            .param("version", String.valueOf(stale)))
            .andExpect(status().isConflict())
            .andExpect(content().string(containsString("最后修改人")));
        assertThat(campaigns.get(c.id(), allUnits()).version()).isEqualTo(c.version());
    }

    @Test
    @WithWorkTeamMember
    void overlappingPhasesAreRefusedOnTheForm() throws Exception {
        Campaign c = campaigns.get(noticeCampaign(), allUnits());
        mvc.perform(post("/campaigns/" + c.id() + "/phases").with(csrf())
            .param("startsOn[0]", "2023-03-21")
            .param("endsOn[0]", "2023-03-30")
            .param("startsOn[1]", "2023-03-25")
            .param("endsOn[1]", "2023-06-30")
            .param("startsOn[2]", "2023-07-01")
            .param("endsOn[2]", "2023-10-31")
            .param("startsOn[3]", "2023-11-01")
            .param("endsOn[3]", "")
            .param("version", String.valueOf(c.version())))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("重叠")));
    }

    @Test
    @WithUnitStaff
    void theRosterExportsAsASpreadsheetWithTheLeadingGroup() throws Exception {
        byte[] xlsx = mvc.perform(get("/campaigns/" + noticeCampaign() + "/roster.xlsx"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("工作专班组成人员名单");
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("姓名");
            assertThat(sheet.getRow(2).getCell(3).getStringCellValue()).isEqualTo("热希");
            assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("组长");
            assertThat(sheet.getLastRowNum()).isGreaterThanOrEqualTo(2 + 15);
        }
    }

    private DataScope allUnits() {
        return new DataScope(new HashSet<>(units.all().stream().map(u -> u.id()).toList()), "/");
    }

}
