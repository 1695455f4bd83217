package org.duban.campaign;

import org.duban.organization.DataScope;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The city's campaign of 2023 (鄂交发〔2023〕62号) gets its key tasks and is issued to its
 * three counties, after the counties' own plans are loaded ({@link KeyTaskDemoLoader}):
 * each county's campaign becomes the child and inherits the city's tasks. The inherited
 * tasks due by the end of the rectification phase (October 2023) are done and accepted by
 * the county's leading group, as the demonstration's reports say.
 */
@Component
@Order(110)
class CampaignIssueDemoLoader implements DemoLoader {

    private static final Logger log = LoggerFactory.getLogger(CampaignIssueDemoLoader.class);

    record Data(String parent, List<String> counties, List<KeyTaskDemoLoader.Task> cityTasks,
            String acceptanceOpinion) {
    }

    private final DemoMode demoMode;

    private final JdbcClient jdbc;

    private final OrgUnits units;

    private final KeyTasks tasks;

    private final Campaigns campaigns;

    private final CampaignIssuing issuing;

    private final TransactionTemplate tx;

    private final BureauClock clock;

    CampaignIssueDemoLoader(DemoMode demoMode, JdbcClient jdbc, OrgUnits units, KeyTasks tasks, Campaigns campaigns,
            CampaignIssuing issuing, TransactionTemplate tx, BureauClock clock) {
        this.clock = clock;
        this.demoMode = demoMode;
        this.jdbc = jdbc;
        this.units = units;
        this.tasks = tasks;
        this.campaigns = campaigns;
        this.issuing = issuing;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!demoMode.wanted() || jdbc.sql("select count(*) from campaign where parent_id is not null")
            .query(Long.class)
            .single() > 0) {
            return;
        }
        Data data = DemoFiles.json("demo/levels.json", Data.class);
        UUID parentId = jdbc.sql("select id from campaign where document_number = :d")
            .param("d", data.parent())
            .query(UUID.class)
            .optional()
            .orElse(null);
        if (parentId == null) {
            return;
        }
        Map<String, UUID> byCode = units.all().stream().collect(Collectors.toMap(OrgUnit::code, OrgUnit::id));
        DataScope all = new DataScope(new HashSet<>(byCode.values()), "/");
        demoMode.runAs("city-workteam", () -> tx.executeWithoutResult(status -> {
            for (KeyTaskDemoLoader.Task t : data.cityTasks()) {
                tasks.create(new KeyTaskForm(parentId, t.title(), null, Phase.valueOf(t.phase()), byCode.get(t.owner()),
                        t.person(), t.co(), t.startsOn(), t.deadline(), t.acceptance(), t.deliverable(), null, null,
                        null, null), all);
            }
            Campaign parent = campaigns.get(parentId, all);
            for (String county : data.counties()) {
                if (byCode.containsKey(county)) {
                    issuing.issueTo(parent, byCode.get(county), "city-workteam");
                }
            }
            jdbc.sql("""
                    update key_task t set status = 'DONE', percent = 100,
                           accepted_by = (select s.login from staff s
                                          join staff_role r on r.staff_id = s.id and r.role_code = 'LEADING_GROUP'
                                          join org_unit u on u.id = s.unit_id join org_unit o on o.id = t.owner_unit_id
                                          where u.path like o.path || '%' and s.login is not null
                                          order by s.login limit 1),
                           accepted_at = (t.deadline + time '17:00') at time zone :zone,
                           acceptance_opinion = :opinion, version = version + 1
                    where t.parent_task_id is not null and t.deadline <= date '2023-10-31'
                    """).param("zone", clock.zone().getId()).param("opinion", data.acceptanceOpinion()).update();
        }));
        log.info("Demonstration: the city's campaign issued to {} counties", data.counties().size());
    }

}
