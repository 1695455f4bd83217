package org.duban.demo;

import org.duban.campaign.CampaignForm;
import org.duban.campaign.CampaignStatus;
import org.duban.campaign.Campaigns;
import org.duban.campaign.GroupKind;
import org.duban.campaign.MemberForm;
import org.duban.campaign.MemberPosition;
import org.duban.campaign.PhasesForm;
import org.duban.campaign.PublicNoticeForm;
import org.duban.campaign.PublicNotices;
import org.duban.organization.DataScope;
import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.organization.StaffDirectory;
import org.duban.organization.StaffForm;
import org.duban.organization.UnitKind;
import org.duban.shared.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.duban.shared.DemoLoader;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Loads {@code demo/platform.json} into an empty database through the modules' own
 * services, so demonstration data obeys the same rules (and leaves the same audit trail)
 * as data typed in by users.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DemoDataLoader implements DemoLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final DemoMode demoMode;

    private final OrgUnits units;

    private final StaffDirectory staff;

    private final Campaigns campaigns;

    private final PublicNotices publicNotices;

    private final TransactionTemplate tx;

    DemoDataLoader(DemoMode demoMode, OrgUnits units, StaffDirectory staff, Campaigns campaigns,
            PublicNotices publicNotices, TransactionTemplate tx) {
        this.publicNotices = publicNotices;
        this.demoMode = demoMode;
        this.units = units;
        this.staff = staff;
        this.campaigns = campaigns;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!demoMode.wanted() || !units.all().isEmpty()) {
            return;
        }
        DemoData data;
        try (InputStream in = new ClassPathResource("demo/platform.json").getInputStream()) {
            data = JsonMapper.builder().build().readValue(in, DemoData.class);
        }
        demoMode.runAs("system", () -> tx.executeWithoutResult(status -> load(data)));
        log.info("Demonstration data loaded: {} units, {} staff", data.units().size(), data.staff().size());
    }

    void load(DemoData data) {
        Map<String, OrgUnit> byCode = new HashMap<>();
        for (DemoData.Unit u : data.units()) {
            UUID parent = u.parent() == null ? null : byCode.get(u.parent()).id();
            byCode.put(u.code(), units.create(parent, u.code(), u.name(), UnitKind.valueOf(u.kind()), u.sort()));
        }
        Map<String, UUID> staffByKey = new HashMap<>();
        Map<String, String> nameByKey = new HashMap<>();
        Map<String, String> titleByKey = new HashMap<>();
        for (DemoData.Person p : data.staff()) {
            Set<String> roles = p.roles() == null ? Set.of() : new HashSet<>(p.roles());
            StaffForm form = new StaffForm(byCode.get(p.unit()).id(), p.name(), p.title(), "", "",
                    p.login() == null ? "" : p.login(), p.login() == null ? "" : data.password(), true, roles, null);
            // Accounts that sign in get the published demonstration password, which the
            // blocklist would refuse.
            UUID id = p.login() == null ? staff.create(form) : staff.createDemonstration(form);
            staffByKey.put(p.key(), id);
            nameByKey.put(p.key(), p.name());
            titleByKey.put(p.key(), p.title());
        }
        DataScope all = new DataScope(new HashSet<>(byCode.values().stream().map(OrgUnit::id).toList()), "/");
        loadCampaign(data.campaign(), byCode, staffByKey, nameByKey, titleByKey, all);
        // The city's own plan and the other counties' campaigns under it: one
        // installation for a city (issue 13).
        if (data.campaigns() != null) {
            data.campaigns().forEach(c -> loadCampaign(c, byCode, staffByKey, nameByKey, titleByKey, all));
        }
        if (data.notices() != null) {
            for (DemoData.NoticeData n : data.notices()) {
                publicNotices.save(byCode.get(n.bureau()).id(),
                        new PublicNoticeForm(byCode.get(n.intake()).id(), n.title(), n.documentNumber(),
                                n.publishedOn(), n.body(), n.hotlines(), n.mailbox(), n.address(), n.officeHours(),
                                null),
                        all);
            }
        }
    }

    private void loadCampaign(DemoData.CampaignData c, Map<String, OrgUnit> byCode, Map<String, UUID> staffByKey,
            Map<String, String> nameByKey, Map<String, String> titleByKey, DataScope all) {
        String notice = null;
        if (c.noticeFile() != null) {
            try (InputStream in = new ClassPathResource(c.noticeFile()).getInputStream()) {
                notice = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        UUID campaignId = campaigns
            .create(new CampaignForm(byCode.get(c.owner()).id(), c.title(), c.documentNumber(), c.issuingAgency(),
                    c.signer(), c.issuedOn(), c.startsOn(), c.endsOn(), notice, CampaignStatus.ACTIVE, null), all);
        var phaseStarts = c.phases().stream().map(DemoData.PhaseData::startsOn).toList();
        var phaseEnds = new java.util.ArrayList<java.time.LocalDate>();
        c.phases().forEach(p -> phaseEnds.add(p.endsOn()));
        campaigns.updatePhases(campaignId, new PhasesForm(phaseStarts, phaseEnds, 0L), all);
        int groupSort = 0;
        for (DemoData.GroupData g : c.groups()) {
            UUID groupId = campaigns.createGroup(campaignId, GroupKind.valueOf(g.kind()), g.name(), g.duties(),
                    ++groupSort, all);
            int sort = 0;
            for (DemoData.MemberData m : g.members()) {
                String post = m.post() != null ? m.post() : titleByKey.get(m.staff());
                campaigns.addMember(campaignId, new MemberForm(groupId, staffByKey.get(m.staff()),
                        nameByKey.get(m.staff()), MemberPosition.valueOf(m.position()), post, m.duties(), ++sort), all);
            }
        }
    }

}
