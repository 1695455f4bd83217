package org.duban.campaign;

import org.duban.audit.AuditEvent;
import org.duban.organization.DataScope;
import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.security.CurrentUser;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.StaleEditException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The bureaus the public can address and their public notices. A bureau is public while
 * it runs an active campaign; the portal and the hotline API both ask here, so they
 * always agree on which bureaus exist.
 */
@Service
public class PublicNotices {

    private static final String BUREAUS = """
            select o.id, o.code, o.name, coalesce(n.intake_unit_id, o.id) as intake
            from org_unit o left join public_notice n on n.bureau_unit_id = o.id
            where o.kind in ('CITY_BUREAU', 'COUNTY_BUREAU')
              and exists (select 1 from campaign c where c.owner_unit_id = o.id and c.status = 'ACTIVE')
            """;

    private final JdbcClient jdbc;

    private final OrgUnits units;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    PublicNotices(JdbcClient jdbc, OrgUnits units, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Bureaus running an active campaign, the city before its counties, then in the
     * tree's order.
     */
    @Transactional(readOnly = true)
    public List<PublicBureau> bureaus() {
        return jdbc.sql(BUREAUS + " order by length(o.path), o.sort, o.name")
            .query((rs, n) -> new PublicBureau(rs.getObject("id", UUID.class), rs.getString("code"),
                    rs.getString("name"), rs.getObject("intake", UUID.class)))
            .list();
    }

    /**
     * A public bureau by its code, in any letter case; empty for an unknown code or a
     * bureau without a campaign.
     */
    @Transactional(readOnly = true)
    public Optional<PublicBureau> bureau(String code) {
        // Codes are letters, digits and hyphens; anything else is unknown without asking
        // the database.
        if (code == null || code.isBlank() || code.length() > 50 || !code.strip().matches("[A-Za-z0-9_-]+")) {
            return Optional.empty();
        }
        return jdbc.sql(BUREAUS + " and upper(o.code) = upper(:code)")
            .param("code", code.strip())
            .query((rs, n) -> new PublicBureau(rs.getObject("id", UUID.class), rs.getString("code"),
                    rs.getString("name"), rs.getObject("intake", UUID.class)))
            .optional();
    }

    /**
     * The bureau's longest-running active campaign (deterministic when it runs several).
     */
    @Transactional(readOnly = true)
    public Optional<Campaign> activeCampaign(UUID bureauId) {
        return jdbc.sql("""
                select * from campaign where owner_unit_id = :bureau and status = 'ACTIVE'
                order by starts_on, id limit 1
                """).param("bureau", bureauId).query(Campaigns::map).optional();
    }

    @Transactional(readOnly = true)
    public Optional<PublicNotice> notice(UUID bureauId) {
        return jdbc.sql("select * from public_notice where bureau_unit_id = :bureau")
            .param("bureau", bureauId)
            .query((rs, n) -> new PublicNotice(rs.getObject("bureau_unit_id", UUID.class),
                    rs.getObject("intake_unit_id", UUID.class), rs.getString("title"), rs.getString("document_number"),
                    rs.getDate("published_on") == null ? null : rs.getDate("published_on").toLocalDate(),
                    rs.getString("body"), rs.getString("hotlines"), rs.getString("mailbox"), rs.getString("address"),
                    rs.getString("office_hours"), rs.getLong("version")))
            .optional();
    }

    /**
     * The bureau whose notice a signed-in user may edit: the city or county bureau of
     * their own unit.
     */
    @Transactional(readOnly = true)
    public OrgUnit bureauOfCurrentUser() {
        return units.bureauOf(units.find(CurrentUser.require().unitId()).orElseThrow());
    }

    /**
     * Writes the bureau's notice. The bureau and the intake unit must both be in the
     * writer's scope, and the intake unit must belong to the bureau itself, not to a
     * county below it (complaints to one bureau never land in another's inbox).
     */
    @Transactional
    public void save(UUID bureauId, PublicNoticeForm form, DataScope scope) {
        OrgUnit bureau = units.find(bureauId)
            .filter(b -> scope.includes(b.id()))
            .orElseThrow(() -> new BusinessRuleViolation("publicNotice.bureauOutOfScope"));
        OrgUnit intake = units.find(form.intakeUnitId())
            .filter(u -> scope.includes(u.id()) && bureau.contains(u) && units.bureauOf(u).id().equals(bureau.id()))
            .orElseThrow(() -> new BusinessRuleViolation("publicNotice.intakeOutOfScope"));
        Optional<PublicNotice> before = notice(bureauId);
        Timestamp now = Timestamp.from(clock.instant());
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("bureau", bureau.id());
        values.put("intake", intake.id());
        values.put("title", form.title().strip());
        values.put("doc", blankToNull(form.documentNumber()));
        values.put("published", form.publishedOn() == null ? null : Date.valueOf(form.publishedOn()));
        values.put("body", form.body().strip());
        values.put("hotlines", blankToNull(form.hotlines()));
        values.put("mailbox", blankToNull(form.mailbox()));
        values.put("address", blankToNull(form.address()));
        values.put("hours", blankToNull(form.officeHours()));
        if (before.isEmpty()) {
            jdbc.sql("""
                    insert into public_notice (bureau_unit_id, intake_unit_id, title, document_number, published_on,
                                               body, hotlines, mailbox, address, office_hours, updated_by, updated_at)
                    values (:bureau, :intake, :title, :doc, :published, :body, :hotlines, :mailbox, :address, :hours,
                            :by, :at)
                    """).params(values).param("by", CurrentUser.actor()).param("at", now).update();
        }
        else {
            int updated = jdbc.sql("""
                    update public_notice set intake_unit_id = :intake, title = :title, document_number = :doc,
                           published_on = :published, body = :body, hotlines = :hotlines, mailbox = :mailbox,
                           address = :address, office_hours = :hours, version = version + 1, updated_by = :by,
                           updated_at = :at
                    where bureau_unit_id = :bureau and version = :version
                    """)
                .params(values)
                .param("by", CurrentUser.actor())
                .param("at", now)
                .param("version", form.version() == null ? -1 : form.version())
                .update();
            if (updated == 0) {
                Map<String, Object> who = jdbc
                    .sql("select updated_by, updated_at from public_notice where bureau_unit_id = :b")
                    .param("b", bureauId)
                    .query()
                    .singleRow();
                throw new StaleEditException("public_notice", (String) who.get("updated_by"),
                        who.get("updated_at") == null ? null : ((Timestamp) who.get("updated_at")).toInstant());
            }
        }
        Map<String, Object> old = new LinkedHashMap<>();
        before.ifPresent(n -> {
            old.put("title", n.title());
            old.put("intake", n.intakeUnitId());
            old.put("hotlines", n.hotlines());
        });
        events.publishEvent(AuditEvent.change("campaign.publicNotice.saved", "public_notice", bureauId, old,
                Map.of("title", form.title().strip(), "intake", intake.id(), "hotlines",
                        String.valueOf(blankToNull(form.hotlines())))));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
