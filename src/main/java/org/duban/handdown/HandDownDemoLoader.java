package org.duban.handdown;

import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.shared.BureauClock;
import org.duban.shared.DemoFiles;
import org.duban.shared.DemoLoader;
import org.duban.shared.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Items the city handed down to its three counties in 2023, and the province (自治区交通运输厅)
 * to the city ({@code demo/levels.json}; an item names its issuer in {@code from}, the
 * city when it does not), at every stage: accepted at once, returned once and then
 * accepted, waiting for acceptance, returned and back at the county, still open. Issued
 * and walked through the same steps and checks as typed in, dated on the days the file
 * gives.
 */
@Component
@Order(310)
class HandDownDemoLoader implements DemoLoader {

    private static final Logger log = LoggerFactory.getLogger(HandDownDemoLoader.class);

    record Data(List<Item> handDowns) {
    }

    /** One item; each step is [action, date, login, text]. */
    record Item(HandDownKind kind, String from, String to, String by, String title, String evidenceName, String task,
            LocalDate issuedOn, LocalDate deadline, Integer workingDays, String description, String standard,
            String feedback, List<List<String>> steps) {
    }

    private final DemoMode demoMode;

    private final JdbcClient jdbc;

    private final OrgUnits units;

    private final HandDowns handDowns;

    private final org.duban.ledger.WorkingDays workingDays;

    private final BureauClock clock;

    private final TransactionTemplate tx;

    HandDownDemoLoader(DemoMode demoMode, JdbcClient jdbc, OrgUnits units, HandDowns handDowns,
            org.duban.ledger.WorkingDays workingDays, BureauClock clock, TransactionTemplate tx) {
        this.demoMode = demoMode;
        this.jdbc = jdbc;
        this.units = units;
        this.handDowns = handDowns;
        this.workingDays = workingDays;
        this.clock = clock;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!demoMode.wanted() || jdbc.sql("select count(*) from hand_down").query(Long.class).single() > 0) {
            return;
        }
        Data data = DemoFiles.json("demo/levels.json", Data.class);
        Map<String, OrgUnit> byCode = units.all().stream().collect(Collectors.toMap(OrgUnit::code, u -> u));
        OrgUnit city = byCode.get("ORDOS");
        if (city == null) {
            return;
        }
        tx.executeWithoutResult(status -> data.handDowns().forEach(item -> load(item, city, byCode)));
        log.info("Demonstration items handed down: {}", data.handDowns().size());
    }

    private void load(Item item, OrgUnit city, Map<String, OrgUnit> byCode) {
        OrgUnit to = byCode.get(item.to());
        OrgUnit issuer = item.from() == null ? city : byCode.get(item.from());
        if (to == null || issuer == null) {
            return;
        }
        UUID campaign = jdbc.sql("select id from campaign where owner_unit_id = :c order by starts_on limit 1")
            .param("c", issuer.id())
            .query(UUID.class)
            .optional()
            .orElse(null);
        UUID task = item.task() == null ? null
                : jdbc.sql("select id from key_task where campaign_id = :c and title = :t")
                    .param("c", campaign)
                    .param("t", item.task())
                    .query(UUID.class)
                    .optional()
                    .orElse(null);
        HandDownForm form = new HandDownForm(item.kind(), List.of(to.id()), campaign, task, item.title(),
                item.description(), item.standard(), item.feedback(), item.deadline(), item.workingDays());
        LocalDate due = item.kind() == HandDownKind.TASK ? item.deadline()
                : workingDays.add(item.issuedOn(), item.workingDays());
        UUID id = handDowns.insert(form, issuer.id(), to.id(), item.issuedOn(), due, item.by(), name(item.by()),
                at(item.issuedOn(), 9));
        for (List<String> step : item.steps()) {
            HandDownAction action = HandDownAction.valueOf(step.get(0));
            LocalDate on = LocalDate.parse(step.get(1));
            HandDown current = handDowns.get(id, new org.duban.organization.DataScope(java.util.Set.of(to.id()), "/"))
                .item();
            Instant at = at(on, 15);
            UUID stepId = handDowns.apply(current, current.version(), action, step.get(3),
                    action == HandDownAction.REPORT ? 1 : 0, step.get(2), name(step.get(2)), at);
            if (action == HandDownAction.REPORT) {
                handDowns.storeEvidence(id, stepId, List.of(new HandDowns.Upload(item.evidenceName(), DemoFiles.PDF)),
                        List.of(org.duban.shared.UploadedFiles.PDF), step.get(2), at);
            }
        }
    }

    private Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(clock.zone()).toInstant();
    }

    private String name(String login) {
        return jdbc.sql("select name from staff where login = :l")
            .param("l", login)
            .query(String.class)
            .optional()
            .orElse(login);
    }

}
