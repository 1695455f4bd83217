package org.duban.campaign;

import org.duban.audit.AuditEvent;
import org.duban.organization.DataScope;
import org.duban.security.CurrentUser;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.NotFoundException;
import org.duban.shared.StaleEditException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Campaigns a user may see: those issued by a unit in their scope, and those issued by a
 * unit above their own (a squad member takes part in the county bureau's campaign).
 */
@Service
public class Campaigns {

    private static final String VISIBLE = """
            select c.* from campaign c join org_unit o on o.id = c.owner_unit_id
            where (c.owner_unit_id = any(:units) or :ownPath like o.path || '%')
            """;

    private final JdbcClient jdbc;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    Campaigns(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional(readOnly = true)
    public List<Campaign> list(DataScope scope) {
        List<Campaign> campaigns = jdbc.sql(VISIBLE + " order by c.starts_on desc, c.title")
            .param("units", scope.unitArray())
            .param("ownPath", scope.ownPath())
            .query(Campaigns::map)
            .list();
        Map<UUID, List<PhaseWindow>> phases = phasesOf(campaigns.stream().map(Campaign::id).toList());
        return campaigns.stream().map(c -> withPhases(c, phases.getOrDefault(c.id(), List.of()))).toList();
    }

    @Transactional(readOnly = true)
    public Campaign get(UUID id, DataScope scope) {
        return jdbc.sql(VISIBLE + " and c.id = :id")
            .param("units", scope.unitArray())
            .param("ownPath", scope.ownPath())
            .param("id", id)
            .query(Campaigns::map)
            .optional()
            .map(c -> withPhases(c, phasesOf(List.of(c.id())).getOrDefault(c.id(), List.of())))
            .orElseThrow(() -> new NotFoundException("campaign " + id));
    }

    /**
     * Whether a campaign exists and is visible in the scope (its issuing unit in scope or
     * above the user's unit).
     */
    @Transactional(readOnly = true)
    public boolean isVisible(UUID id, DataScope scope) {
        return id != null && jdbc.sql("select count(*) from (" + VISIBLE + " and c.id = :id) v")
            .param("units", scope.unitArray())
            .param("ownPath", scope.ownPath())
            .param("id", id)
            .query(Integer.class)
            .single() > 0;
    }

    /**
     * Write access needs the issuing unit itself in scope, not just an ancestor relation.
     */
    @Transactional(readOnly = true)
    public Campaign getForEdit(UUID id, DataScope scope) {
        Campaign campaign = get(id, scope);
        if (!scope.includes(campaign.ownerUnitId())) {
            throw new NotFoundException("campaign " + id);
        }
        return campaign;
    }

    @Transactional
    public UUID create(CampaignForm form, DataScope scope) {
        if (!scope.includes(form.ownerUnitId())) {
            throw new BusinessRuleViolation("campaign.ownerOutOfScope");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql(
                """
                        insert into campaign (id, owner_unit_id, title, document_number, issuing_agency, signer, issued_on,
                                              starts_on, ends_on, notice_text, status, updated_by, updated_at)
                        values (:id, :owner, :title, :doc, :agency, :signer, :issued, :starts, :ends, :notice, :status, :by, :at)
                        """)
            .param("id", id)
            .params(columns(form))
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .update();
        events.publishEvent(AuditEvent.change("campaign.created", "campaign", id, Map.of(), describe(form)));
        return id;
    }

    @Transactional
    public void update(UUID id, CampaignForm form, DataScope scope) {
        Campaign before = getForEdit(id, scope);
        if (!scope.includes(form.ownerUnitId())) {
            throw new BusinessRuleViolation("campaign.ownerOutOfScope");
        }
        int updated = jdbc.sql("""
                update campaign set owner_unit_id = :owner, title = :title, document_number = :doc,
                       issuing_agency = :agency, signer = :signer, issued_on = :issued, starts_on = :starts,
                       ends_on = :ends, notice_text = :notice, status = :status, version = version + 1,
                       updated_by = :by, updated_at = :at
                where id = :id and version = :version
                """)
            .params(columns(form))
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .param("id", id)
            .param("version", form.version() == null ? -1 : form.version())
            .update();
        if (updated == 0) {
            throw stale(id);
        }
        events.publishEvent(AuditEvent.change("campaign.updated", "campaign", id, describe(CampaignForm.of(before)),
                describe(form)));
    }

    @Transactional
    public void updatePhases(UUID id, PhasesForm form, DataScope scope) {
        Campaign before = getForEdit(id, scope);
        List<PhaseWindow> windows = form.windows();
        Campaign.checkPhases(windows);
        // The phases belong to the campaign aggregate: bump its version so concurrent
        // edits are detected.
        int updated = jdbc.sql("""
                update campaign set version = version + 1, updated_by = :by, updated_at = :at
                where id = :id and version = :version
                """)
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .param("id", id)
            .param("version", form.version() == null ? -1 : form.version())
            .update();
        if (updated == 0) {
            throw stale(id);
        }
        jdbc.sql("delete from campaign_phase where campaign_id = :id").param("id", id).update();
        for (PhaseWindow w : windows) {
            jdbc.sql("insert into campaign_phase (campaign_id, phase, starts_on, ends_on) values (:id, :phase, :s, :e)")
                .param("id", id)
                .param("phase", w.phase().name())
                .param("s", Date.valueOf(w.startsOn()))
                .param("e", w.endsOn() == null ? null : Date.valueOf(w.endsOn()))
                .update();
        }
        events.publishEvent(AuditEvent.change("campaign.phases.updated", "campaign", id,
                describePhases(before.phases()), describePhases(windows)));
    }

    // ---- groups and members
    // -------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<CampaignGroup> groups(UUID campaignId) {
        List<GroupMember> members = jdbc.sql("""
                select m.* from group_member m join campaign_group g on g.id = m.group_id
                where g.campaign_id = :id order by m.sort, m.name
                """).param("id", campaignId).query(Campaigns::mapMember).list();
        Map<UUID, List<GroupMember>> byGroup = new HashMap<>();
        members.forEach(m -> byGroup.computeIfAbsent(m.groupId(), k -> new ArrayList<>()).add(m));
        return jdbc.sql("select * from campaign_group where campaign_id = :id order by sort, kind")
            .param("id", campaignId)
            .query((rs, n) -> new CampaignGroup(rs.getObject("id", UUID.class), campaignId,
                    GroupKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("duties"),
                    rs.getInt("sort"), byGroup.getOrDefault(rs.getObject("id", UUID.class), List.of())))
            .list();
    }

    @Transactional
    public UUID createGroup(UUID campaignId, GroupKind kind, String name, String duties, int sort, DataScope scope) {
        getForEdit(campaignId, scope);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into campaign_group (id, campaign_id, kind, name, duties, sort)
                values (:id, :campaign, :kind, :name, :duties, :sort)
                """)
            .param("id", id)
            .param("campaign", campaignId)
            .param("kind", kind.name())
            .param("name", name)
            .param("duties", duties)
            .param("sort", sort)
            .update();
        events.publishEvent(AuditEvent.change("campaign.group.created", "campaign_group", id, Map.of(),
                Map.of("campaignId", campaignId.toString(), "kind", kind.name(), "name", name)));
        return id;
    }

    @Transactional
    public UUID addMember(UUID campaignId, MemberForm form, DataScope scope) {
        getForEdit(campaignId, scope);
        requireGroupOf(campaignId, form.groupId());
        if (form.staffId() != null && jdbc.sql("select count(*) from staff where id = :id and unit_id = any(:units)")
            .param("id", form.staffId())
            .param("units", scope.unitArray())
            .query(Integer.class)
            .single() == 0) {
            throw new NotFoundException("staff " + form.staffId());
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into group_member (id, group_id, staff_id, name, position, post, duties, sort)
                values (:id, :group, :staff, :name, :position, :post, :duties, :sort)
                """)
            .param("id", id)
            .param("group", form.groupId())
            .param("staff", form.staffId())
            .param("name", form.name().trim())
            .param("position", form.position().name())
            .param("post", form.post())
            .param("duties", form.duties())
            .param("sort", form.sort())
            .update();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("groupId", form.groupId().toString());
        values.put("name", form.name());
        values.put("position", form.position().name());
        values.put("post", form.post());
        events.publishEvent(AuditEvent.change("campaign.member.added", "group_member", id, Map.of(), values));
        return id;
    }

    @Transactional
    public void removeMember(UUID campaignId, UUID memberId, DataScope scope) {
        getForEdit(campaignId, scope);
        GroupMember member = jdbc.sql("""
                select m.* from group_member m join campaign_group g on g.id = m.group_id
                where m.id = :id and g.campaign_id = :campaign
                """)
            .param("id", memberId)
            .param("campaign", campaignId)
            .query(Campaigns::mapMember)
            .optional()
            .orElseThrow(() -> new NotFoundException("member " + memberId));
        jdbc.sql("delete from group_member where id = :id").param("id", memberId).update();
        events.publishEvent(AuditEvent.change("campaign.member.removed", "group_member", memberId,
                Map.of("name", member.name(), "position", member.position().name()), Map.of()));
    }

    private void requireGroupOf(UUID campaignId, UUID groupId) {
        boolean ok = jdbc.sql("select count(*) from campaign_group where id = :g and campaign_id = :c")
            .param("g", groupId)
            .param("c", campaignId)
            .query(Integer.class)
            .single() > 0;
        if (!ok) {
            throw new NotFoundException("group " + groupId);
        }
    }

    // ---- mapping
    // ----------------------------------------------------------------------------------------

    private StaleEditException stale(UUID id) {
        Map<String, Object> row = jdbc.sql("select updated_by, updated_at from campaign where id = :id")
            .param("id", id)
            .query()
            .singleRow();
        Timestamp at = (Timestamp) row.get("updated_at");
        return new StaleEditException("campaign " + id, (String) row.get("updated_by"),
                at == null ? null : at.toInstant());
    }

    private Map<UUID, List<PhaseWindow>> phasesOf(List<UUID> ids) {
        Map<UUID, List<PhaseWindow>> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        jdbc.sql("select * from campaign_phase where campaign_id = any(:ids)")
            .param("ids", ids.toArray(UUID[]::new))
            .query(rs -> {
                Date end = rs.getDate("ends_on");
                result.computeIfAbsent(rs.getObject("campaign_id", UUID.class), k -> new ArrayList<>())
                    .add(new PhaseWindow(Phase.valueOf(rs.getString("phase")), rs.getDate("starts_on").toLocalDate(),
                            end == null ? null : end.toLocalDate()));
            });
        return result;
    }

    private static Campaign withPhases(Campaign c, List<PhaseWindow> phases) {
        return new Campaign(c.id(), c.ownerUnitId(), c.title(), c.documentNumber(), c.issuingAgency(), c.signer(),
                c.issuedOn(), c.startsOn(), c.endsOn(), c.noticeText(), c.status(), phases, c.version(), c.updatedBy(),
                c.updatedAt());
    }

    private static Map<String, Object> columns(CampaignForm f) {
        Map<String, Object> p = new HashMap<>();
        p.put("owner", f.ownerUnitId());
        p.put("title", f.title().trim());
        p.put("doc", f.documentNumber() == null || f.documentNumber().isBlank() ? null : f.documentNumber().trim());
        p.put("agency", f.issuingAgency().trim());
        p.put("signer", f.signer());
        p.put("issued", f.issuedOn() == null ? null : Date.valueOf(f.issuedOn()));
        p.put("starts", Date.valueOf(f.startsOn()));
        p.put("ends", f.endsOn() == null ? null : Date.valueOf(f.endsOn()));
        p.put("notice", f.noticeText());
        p.put("status", f.status().name());
        return p;
    }

    private static Map<String, Object> describe(CampaignForm f) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("title", f.title());
        values.put("documentNumber", f.documentNumber());
        values.put("issuingAgency", f.issuingAgency());
        values.put("signer", f.signer());
        values.put("issuedOn", String.valueOf(f.issuedOn()));
        values.put("startsOn", String.valueOf(f.startsOn()));
        values.put("endsOn", String.valueOf(f.endsOn()));
        values.put("status", f.status().name());
        values.put("noticeLength", f.noticeText() == null ? 0 : f.noticeText().length());
        return values;
    }

    private static Map<String, Object> describePhases(List<PhaseWindow> windows) {
        Map<String, Object> values = new LinkedHashMap<>();
        windows
            .forEach(w -> values.put(w.phase().name(), w.startsOn() + ".." + (w.endsOn() == null ? "" : w.endsOn())));
        return values;
    }

    static Campaign map(ResultSet rs, int row) throws SQLException {
        Date issued = rs.getDate("issued_on");
        Date ends = rs.getDate("ends_on");
        Timestamp at = rs.getTimestamp("updated_at");
        return new Campaign(rs.getObject("id", UUID.class), rs.getObject("owner_unit_id", UUID.class),
                rs.getString("title"), rs.getString("document_number"), rs.getString("issuing_agency"),
                rs.getString("signer"), issued == null ? null : issued.toLocalDate(),
                rs.getDate("starts_on").toLocalDate(), ends == null ? null : ends.toLocalDate(),
                rs.getString("notice_text"), CampaignStatus.valueOf(rs.getString("status")), List.of(),
                rs.getLong("version"), rs.getString("updated_by"), at == null ? null : at.toInstant());
    }

    static GroupMember mapMember(ResultSet rs, int row) throws SQLException {
        return new GroupMember(rs.getObject("id", UUID.class), rs.getObject("group_id", UUID.class),
                rs.getObject("staff_id", UUID.class), rs.getString("name"),
                MemberPosition.valueOf(rs.getString("position")), rs.getString("post"), rs.getString("duties"),
                rs.getInt("sort"));
    }

}
