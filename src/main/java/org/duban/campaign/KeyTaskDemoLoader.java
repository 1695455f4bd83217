package org.duban.campaign;

import org.duban.organization.DataScope;
import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.shared.BureauClock;
import org.duban.shared.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.duban.shared.DemoLoader;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Loads the tasks the notice itself sets ({@code demo/keytasks.json}) into an empty
 * key-task plan.
 */
@Component
@Order(100)
class KeyTaskDemoLoader implements DemoLoader {

    private static final Logger log = LoggerFactory.getLogger(KeyTaskDemoLoader.class);

    /**
     * The founding county's plan, and the plans of the city's other counties under their
     * own campaigns.
     */
    record Data(String campaignDocumentNumber, List<Task> tasks, List<Plan> otherCounties) {
    }

    record Plan(String campaignDocumentNumber, List<Task> tasks) {
    }

    record Task(String title, String phase, String owner, String person, String co, LocalDate startsOn,
            LocalDate deadline, String acceptance, String deliverable, KeyTaskReportKind report,
            java.time.YearMonth reportMonth) {
    }

    private final DemoMode demoMode;

    private final JdbcClient jdbc;

    private final OrgUnits units;

    private final KeyTasks tasks;

    private final TransactionTemplate tx;

    private final BureauClock bureau;

    KeyTaskDemoLoader(DemoMode demoMode, JdbcClient jdbc, OrgUnits units, KeyTasks tasks, TransactionTemplate tx,
            BureauClock bureau) {
        this.demoMode = demoMode;
        this.jdbc = jdbc;
        this.units = units;
        this.tasks = tasks;
        this.tx = tx;
        this.bureau = bureau;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!demoMode.wanted() || jdbc.sql("select count(*) from key_task").query(Long.class).single() > 0) {
            return;
        }
        Data data;
        try (InputStream in = new ClassPathResource("demo/keytasks.json").getInputStream()) {
            data = JsonMapper.builder().build().readValue(in, Data.class);
        }
        List<Plan> plans = new java.util.ArrayList<>(List.of(new Plan(data.campaignDocumentNumber(), data.tasks())));
        if (data.otherCounties() != null) {
            plans.addAll(data.otherCounties());
        }
        Map<String, UUID> byCode = units.all().stream().collect(Collectors.toMap(OrgUnit::code, OrgUnit::id));
        DataScope all = new DataScope(new HashSet<>(byCode.values()), "/");
        int loaded = 0;
        for (Plan plan : plans) {
            UUID campaign = jdbc.sql("select id from campaign where document_number = :d")
                .param("d", plan.campaignDocumentNumber())
                .query(UUID.class)
                .optional()
                .orElse(null);
            if (campaign == null) {
                continue;
            }
            demoMode.runAs("system",
                    () -> tx.executeWithoutResult(status -> plan.tasks()
                        .forEach(t -> tasks.create(
                                new KeyTaskForm(campaign, t.title(), null, Phase.valueOf(t.phase()),
                                        byCode.get(t.owner()), t.person(), t.co(), t.startsOn(), t.deadline(),
                                        t.acceptance(), t.deliverable(), null, t.report(), t.reportMonth(), null),
                                all))));
            loaded += plan.tasks().size();
        }
        // The plan was drawn up in 2023, not when the demonstration was loaded: each task
        // is dated at 09:00 on its start day, which is "since" on the to-do list.
        jdbc.sql("""
                update key_task set created_at = (coalesce(starts_on, deadline) + time '09:00') at time zone :zone,
                                    updated_at = (coalesce(starts_on, deadline) + time '09:00') at time zone :zone
                where created_by = 'system' and created_at = updated_at
                """).param("zone", bureau.zone().getId()).update();
        log.info("Demonstration key tasks loaded: {}", loaded);
    }

}
