package org.duban.ledger;

import org.duban.shared.BureauClock;
import org.duban.audit.AuditEvent;
import org.duban.security.CurrentUser;
import org.duban.shared.BusinessRuleViolation;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The ledger's API for other modules: register a problem found elsewhere ("turn into a
 * problem" from a complaint, an inspection finding or a screening finding) and look up
 * what became of it.
 *
 * <p>
 * The caller authorises the user for its own action; registering is then always allowed,
 * because a problem found must never be lost. The unit concerned must exist; an item
 * code, when given, must be one of the category's items
 * ({@code ledger/problem-items.csv}, e.g. {@code IRREGULAR.UNEQUAL}). When the caller
 * knows no campaign, the most recent active campaign issued by the unit concerned or one
 * of its ancestors is used.
 */
@Service
public class Problems {

    private final JdbcClient jdbc;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    private final BureauClock bureau;

    Problems(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, BureauClock bureau) {
        this.bureau = bureau;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Registers a problem in status REGISTERED and returns its id. Officers named make
     * the entry confidential.
     * @throws BusinessRuleViolation when a required field is missing or the unit does not
     * exist
     */
    @Transactional
    public UUID register(NewProblem problem) {
        if (problem == null || problem.source() == null || problem.category() == null || problem.unitId() == null
                || problem.description() == null || problem.description().isBlank()) {
            throw new BusinessRuleViolation("problem.incomplete");
        }
        String unitPath = jdbc.sql("select path from org_unit where id = :id")
            .param("id", problem.unitId())
            .query(String.class)
            .optional()
            .orElseThrow(() -> new BusinessRuleViolation("problem.unknownUnit"));
        if (problem.campaignId() != null && !campaignCovers(problem.campaignId(), unitPath)) {
            // Another county's campaign (or an unknown id): refused like an unknown unit,
            // never stored.
            throw new BusinessRuleViolation("problem.campaign.outOfScope");
        }
        UUID campaignId = problem.campaignId() != null ? problem.campaignId() : activeCampaignFor(unitPath);
        LocalDate foundOn = problem.foundOn() != null ? problem.foundOn() : bureau.today();
        String officers = blankToNull(problem.officers());
        boolean confidential = problem.confidential() || officers != null;
        String itemCode = blankToNull(problem.itemCode());
        if (itemCode != null) {
            boolean active = jdbc.sql("select active from problem_item where code = :c and category = :cat")
                .param("c", itemCode)
                .param("cat", problem.category().name())
                .query(Boolean.class)
                .optional()
                .orElseThrow(() -> new BusinessRuleViolation("problem.unknownItem", itemCode));
            if (!active) {
                throw new BusinessRuleViolation("problem.inactiveItem", itemCode);
            }
        }

        UUID id = UUID.randomUUID();
        long number = jdbc.sql("select nextval('problem_number_seq')").query(Long.class).single();
        // The number carries the ledger year the problem belongs to: the year it was
        // found
        // (a clue found in December and registered in January stays in its year's
        // ledger).
        String reference = "DB-%d-%05d".formatted(foundOn.getYear(), number);
        String actor = CurrentUser.actor();
        jdbc.sql("""
                insert into problem (id, reference, campaign_id, source, source_ref, category, item_code, unit_id,
                                     officers, description, found_on, confidential, status, version,
                                     created_by, created_at, updated_by, updated_at, location)
                values (:id, :reference, :campaign, :source, :sourceRef, :category, :item, :unit,
                        :officers, :description, :foundOn, :confidential, 'REGISTERED', 0, :by, :at, :by, :at,
                        :location)
                """)
            .param("id", id)
            .param("reference", reference)
            .param("campaign", campaignId)
            .param("source", problem.source().name())
            .param("sourceRef", blankToNull(problem.sourceRef()))
            .param("category", problem.category().name())
            .param("item", itemCode)
            .param("unit", problem.unitId())
            .param("officers", officers)
            .param("description", problem.description().trim())
            .param("foundOn", Date.valueOf(foundOn))
            .param("confidential", confidential)
            .param("location", blankToNull(problem.location()))
            .param("by", actor)
            .param("at", Timestamp.from(clock.instant()))
            .update();

        Map<String, Object> values = new LinkedHashMap<>();
        values.put("reference", reference);
        values.put("campaignId", String.valueOf(campaignId));
        values.put("source", problem.source().name());
        values.put("sourceRef", problem.sourceRef());
        values.put("category", problem.category().name());
        values.put("itemCode", itemCode);
        values.put("unitId", problem.unitId().toString());
        values.put("foundOn", foundOn.toString());
        values.put("confidential", confidential);
        values.put("location", blankToNull(problem.location()));
        // Officers' names stay out of the audit trail's values: the trail is readable by
        // auditors at large.
        values.put("officersNamed", officers != null);
        values.put("status", ProblemStatus.REGISTERED.name());
        jdbc.sql("""
                insert into problem_change (problem_id, at, actor, action, field, old_value, new_value)
                values (:id, :at, :by, 'register', 'status', null, 'REGISTERED')
                """).param("id", id).param("at", Timestamp.from(clock.instant())).param("by", actor).update();
        events.publishEvent(AuditEvent.change("problem.registered", "problem", id, Map.of(), values));
        return id;
    }

    /**
     * The problem's id, reference number and status, or empty when there is none with
     * this id.
     */
    @Transactional(readOnly = true)
    public Optional<ProblemRef> find(UUID id) {
        return jdbc.sql("select * from problem where id = :id").param("id", id).query(Problems::mapRef).optional();
    }

    /**
     * The personal content of the problem with this reference, if its unit (or assigned
     * unit) is among {@code units}: names of officers (split on the ledger's separators)
     * and of accountability cases, and the description.
     */
    @Transactional(readOnly = true)
    public Optional<PersonalFields> personalFields(String reference, UUID[] units) {
        return jdbc.sql("""
                select p.id, p.reference, p.unit_id, p.officers, p.description,
                       array(select a.person from accountability_record a
                             where a.problem_id = p.id and a.person is not null) as persons
                from problem p where p.reference = :ref
                and (p.unit_id = any(:units) or p.assigned_unit_id = any(:units))
                """).param("ref", reference == null ? "" : reference.strip()).param("units", units).query((rs, n) -> {
            List<String> names = new java.util.ArrayList<>();
            String officers = rs.getString("officers");
            if (officers != null) {
                // "王某、李某（一中队执法辅助人员）": the names, without the roles in brackets
                for (String name : officers.replaceAll("[（(][^）)]*[）)]", "").split("[,，、;；\\s]+")) {
                    if (!name.isBlank()) {
                        names.add(name.strip());
                    }
                }
            }
            names.addAll(List.of((String[]) rs.getArray("persons").getArray()));
            return new PersonalFields(rs.getObject("id", UUID.class), rs.getString("reference"),
                    rs.getObject("unit_id", UUID.class), List.copyOf(names), rs.getString("description"));
        }).optional();
    }

    /**
     * The problem with the number users see (DB-2026-00029), typed in any case and with
     * stray spaces, if its unit or assigned unit is among {@code units}.
     */
    @Transactional(readOnly = true)
    public Optional<ProblemRef> findByReference(String reference, UUID[] units) {
        return jdbc.sql("""
                select * from problem
                where upper(reference) = upper(:ref)
                  and (cast(:units as uuid[]) is null or unit_id = any(:units) or assigned_unit_id = any(:units))
                """)
            .param("ref", reference == null ? "" : reference.strip())
            .param("units", units)
            .query(Problems::mapRef)
            .optional();
    }

    /**
     * Up to {@code limit} problems in {@code units} whose number or description contains
     * {@code text}, newest first.
     */
    @Transactional(readOnly = true)
    public List<ProblemLookup> lookup(String text, UUID[] units, int limit) {
        String word = text == null ? "" : text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        if (word.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select reference, left(description, 60) as summary from problem
                where unit_id = any(:units) and (reference ilike '%' || :w || '%' or description ilike '%' || :w || '%')
                order by reference desc limit :limit
                """)
            .param("units", units)
            .param("w", word)
            .param("limit", limit)
            .query((rs, n) -> new ProblemLookup(rs.getString("reference"), rs.getString("summary")))
            .list();
    }

    /**
     * A problem offered while typing its number: the number and the start of its
     * description.
     */
    public record ProblemLookup(String reference, String summary) {
    }

    /**
     * The problems registered from one source record, e.g. all problems a complaint was
     * turned into.
     */
    @Transactional(readOnly = true)
    public List<ProblemRef> findBySource(ProblemSource source, String sourceRef) {
        return jdbc.sql("select * from problem where source = :source and source_ref = :ref order by reference")
            .param("source", source.name())
            .param("ref", sourceRef)
            .query(Problems::mapRef)
            .list();
    }

    /** A campaign applies to the units of its issuing unit's subtree. */
    private boolean campaignCovers(UUID campaignId, String unitPath) {
        return jdbc.sql("""
                select count(*) from campaign c join org_unit o on o.id = c.owner_unit_id
                where c.id = :id and :path like o.path || '%'
                """).param("id", campaignId).param("path", unitPath).query(Integer.class).single() > 0;
    }

    private UUID activeCampaignFor(String unitPath) {
        return jdbc.sql("""
                select c.id from campaign c join org_unit o on o.id = c.owner_unit_id
                where c.status = 'ACTIVE' and :path like o.path || '%'
                order by c.starts_on desc limit 1
                """).param("path", unitPath).query(UUID.class).optional().orElse(null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static ProblemRef mapRef(ResultSet rs, int row) throws SQLException {
        return new ProblemRef(rs.getObject("id", UUID.class), rs.getString("reference"),
                ProblemStatus.valueOf(rs.getString("status")), rs.getObject("campaign_id", UUID.class),
                rs.getObject("unit_id", UUID.class), ProblemSource.valueOf(rs.getString("source")),
                rs.getString("source_ref"));
    }

}
