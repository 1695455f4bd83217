package org.duban.campaign;

import org.duban.audit.AuditEvent;
import org.duban.organization.DataScope;
import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.security.DubanUser;
import org.duban.shared.BureauClock;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A bureau issues its campaign to the bureaus one level below (a city to its counties, a
 * province to its cities). Each receiving bureau gets a child campaign that inherits the
 * parent's phases and key tasks (each copy linked to its parent task, owned by the bureau
 * below) and adds its own. A bureau below that already runs a campaign of its own (not
 * yet issued from above, not closed) has it adopted as the child rather than a second one
 * created; issuing again copies only the parent's tasks the child does not have yet.
 */
@Service
public class CampaignIssuing {

    private final JdbcClient jdbc;

    private final Campaigns campaigns;

    private final OrgUnits units;

    private final ApplicationEventPublisher events;

    private final BureauClock clock;

    CampaignIssuing(JdbcClient jdbc, Campaigns campaigns, OrgUnits units, ApplicationEventPublisher events,
            BureauClock clock) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.units = units;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A child campaign with its bureau and how many of its tasks came from the parent.
     */
    public record Child(UUID campaignId, UUID unitId, String unitName, String title, int inheritedTasks, int ownTasks) {
    }

    /** The campaign a user may issue, or 404: it must belong to the user's own bureau. */
    public Campaign issuable(UUID id, DubanUser me, DataScope scope) {
        Campaign campaign = campaigns.get(id, scope);
        if (!campaign.ownerUnitId().equals(bureauOf(me).id())) {
            throw new NotFoundException("campaign " + id);
        }
        return campaign;
    }

    /** The bureaus one level below the user's, in scope: who can receive the campaign. */
    public List<OrgUnit> receivers(DubanUser me, DataScope scope) {
        return units.bureausBelow(bureauOf(me)).stream().filter(u -> scope.includes(u.id())).toList();
    }

    @Transactional(readOnly = true)
    public List<Child> children(UUID parentId) {
        return jdbc.sql("""
                select c.id, c.owner_unit_id, u.name, c.title,
                       (select count(*) from key_task t where t.campaign_id = c.id and t.parent_task_id is not null),
                       (select count(*) from key_task t where t.campaign_id = c.id and t.parent_task_id is null)
                from campaign c join org_unit u on u.id = c.owner_unit_id
                where c.parent_id = :parent order by u.path
                """)
            .param("parent", parentId)
            .query((rs, n) -> new Child(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                    rs.getString(4), rs.getInt(5), rs.getInt(6)))
            .list();
    }

    /**
     * Issues the campaign to the chosen bureaus below; returns the child campaigns. A
     * bureau that is not one level below the user's is refused before anything is
     * written.
     */
    @Transactional
    public List<UUID> issue(UUID parentId, List<UUID> unitIds, DubanUser me, DataScope scope) {
        Campaign parent = issuable(parentId, me, scope);
        if (unitIds == null || unitIds.isEmpty()) {
            throw new BusinessRuleViolation("campaign.issue.noneChosen");
        }
        List<UUID> below = receivers(me, scope).stream().map(OrgUnit::id).toList();
        if (!below.containsAll(unitIds)) {
            throw new BusinessRuleViolation("campaign.issue.notBelow");
        }
        List<UUID> children = new ArrayList<>();
        for (UUID unit : unitIds) {
            children.add(issueTo(parent, unit, me.getUsername()));
        }
        return children;
    }

    /**
     * The child of {@code parent} at {@code unit}: the existing one, an adopted one or a
     * new one; then the phases and key tasks it lacks. Also used by the demonstration
     * loader.
     */
    UUID issueTo(Campaign parent, UUID unit, String actor) {
        OrgUnit bureau = units.find(unit).orElseThrow(() -> new NotFoundException("unit " + unit));
        Optional<UUID> existing = jdbc
            .sql("select id from campaign where parent_id = :p and owner_unit_id = :u order by starts_on limit 1")
            .param("p", parent.id())
            .param("u", unit)
            .query(UUID.class)
            .optional();
        Optional<UUID> adoptable = existing.isPresent() ? Optional.empty() : jdbc.sql("""
                select id from campaign where owner_unit_id = :u and parent_id is null and status <> 'CLOSED'
                order by starts_on desc limit 1
                """).param("u", unit).query(UUID.class).optional();
        UUID child = existing.or(() -> adoptable).orElseGet(() -> create(parent, bureau));
        String how = existing.isPresent() ? "again" : adoptable.isPresent() ? "adopted" : "created";
        jdbc.sql("update campaign set parent_id = :p, version = version + 1 where id = :id and parent_id is null")
            .param("p", parent.id())
            .param("id", child)
            .update();
        // The parent's phase windows, where the child has not set its own.
        jdbc.sql("""
                insert into campaign_phase (campaign_id, phase, starts_on, ends_on)
                select :child, phase, starts_on, ends_on from campaign_phase where campaign_id = :parent
                on conflict (campaign_id, phase) do nothing
                """).param("child", child).param("parent", parent.id()).update();
        int copied = jdbc.sql("""
                insert into key_task (id, campaign_id, title, description, phase, owner_unit_id, starts_on, deadline,
                                      acceptance_standard, deliverable, parent_task_id, created_by, created_at)
                select gen_random_uuid(), :child, t.title, t.description, t.phase, :unit, t.starts_on, t.deadline,
                       t.acceptance_standard, t.deliverable, t.id, :by, :at
                from key_task t
                where t.campaign_id = :parent
                  and not exists (select 1 from key_task c where c.campaign_id = :child and c.parent_task_id = t.id)
                """)
            .param("child", child)
            .param("unit", unit)
            .param("parent", parent.id())
            .param("by", actor)
            .param("at", Timestamp.from(clock.now()))
            .update();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("parent", parent.id().toString());
        values.put("unit", bureau.name());
        values.put("how", how);
        values.put("tasksCopied", copied);
        events.publishEvent(AuditEvent.change("campaign.issued", "campaign", child, Map.of(), values));
        return child;
    }

    private UUID create(Campaign parent, OrgUnit bureau) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into campaign (id, owner_unit_id, title, issuing_agency, issued_on, starts_on, ends_on, status)
                values (:id, :unit, :title, :agency, :issued, :starts, :ends, 'ACTIVE')
                """)
            .param("id", id)
            .param("unit", bureau.id())
            .param("title", parent.title())
            .param("agency", bureau.name())
            .param("issued", parent.issuedOn() == null ? null : java.sql.Date.valueOf(parent.issuedOn()))
            .param("starts", java.sql.Date.valueOf(parent.startsOn()))
            .param("ends", parent.endsOn() == null ? null : java.sql.Date.valueOf(parent.endsOn()))
            .update();
        return id;
    }

    private OrgUnit bureauOf(DubanUser me) {
        return units.find(me.unitId()).map(units::bureauOf).orElseThrow(() -> new NotFoundException("unit"));
    }

}
