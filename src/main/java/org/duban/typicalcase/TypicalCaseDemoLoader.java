package org.duban.typicalcase;

import org.duban.organization.DataScope;
import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.shared.DemoLoader;
import org.duban.shared.DemoMode;
import org.springframework.boot.ApplicationArguments;
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
import java.util.UUID;

/**
 * Typical cases of the demonstration ({@code demo/typical-cases.json}), drawn from the
 * demonstration ledger's problems (found by unit and date): registered, approved, and the
 * first ones published in 2023.
 */
@Component
@Order(160)
class TypicalCaseDemoLoader implements DemoLoader {

    record Item(String unit, LocalDate found, TypicalCaseKind kind, TypicalCaseSource source, String title,
            String summary, String lessons, String publicTitle, String publicText, boolean approve,
            LocalDate published) {
    }

    private final DemoMode demoMode;

    private final JdbcClient jdbc;

    private final OrgUnits units;

    private final TypicalCases cases;

    private final TransactionTemplate tx;

    TypicalCaseDemoLoader(DemoMode demoMode, JdbcClient jdbc, OrgUnits units, TypicalCases cases,
            TransactionTemplate tx) {
        this.demoMode = demoMode;
        this.jdbc = jdbc;
        this.units = units;
        this.cases = cases;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!demoMode.wanted() || jdbc.sql("select count(*) from typical_case").query(Long.class).single() > 0) {
            return;
        }
        List<Item> items;
        try (InputStream in = new ClassPathResource("demo/typical-cases.json").getInputStream()) {
            items = List.of(JsonMapper.builder().build().readValue(in, Item[].class));
        }
        DataScope all = new DataScope(new HashSet<>(units.all().stream().map(OrgUnit::id).toList()), "/");
        tx.executeWithoutResult(status -> items.forEach(item -> load(item, all)));
    }

    private void load(Item item, DataScope all) {
        String reference = jdbc.sql("""
                select p.reference from problem p join org_unit o on o.id = p.unit_id
                where o.code = :unit and p.found_on = :found order by p.reference limit 1
                """)
            .param("unit", item.unit())
            .param("found", java.sql.Date.valueOf(item.found()))
            .query(String.class)
            .optional()
            .orElse(null);
        if (reference == null) {
            return; // the ledger's demonstration data changed; skip rather than invent a
                    // problem
        }
        demoMode.runAs("workteam", () -> {
            UUID id = cases.create(new TypicalCaseForm(reference, item.kind(), item.source(), item.title(),
                    item.summary(), item.lessons(), item.publicTitle(), item.publicText(), null), all);
            if (item.approve()) {
                demoMode.actAs("leader");
                cases.approve(id, 0, all);
            }
            if (item.published() != null) {
                demoMode.actAs("workteam");
                cases.publish(id, 1, all);
                jdbc.sql("update typical_case set published_on = :on where id = :id")
                    .param("on", java.sql.Date.valueOf(item.published()))
                    .param("id", id)
                    .update();
            }
            jdbc.sql("update typical_case set created_at = :at, updated_at = :at where id = :id")
                .param("at", java.sql.Timestamp.valueOf(item.found().plusDays(20).atTime(10, 0)))
                .param("id", id)
                .update();
        });
    }

}
