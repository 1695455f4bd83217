package org.duban.regulation;

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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/**
 * The demonstration's rules ({@code demo/regulations.json}): drafted from problems of the
 * demonstration ledger (found by unit and date) and benchmark entries of the
 * demonstration screening data, some issued in 2023.
 */
@Component
@Order(170)
class RegulationDemoLoader implements DemoLoader {

    record Problem(String unit, LocalDate found) {
    }

    record Item(String title, RegulationKind kind, String predecessor, String summary, String unit,
            List<Problem> problems, List<String> benchmark, String number, LocalDate issued) {
    }

    private final DemoMode demoMode;

    private final JdbcClient jdbc;

    private final OrgUnits units;

    private final Regulations regulations;

    private final TransactionTemplate tx;

    RegulationDemoLoader(DemoMode demoMode, JdbcClient jdbc, OrgUnits units, Regulations regulations,
            TransactionTemplate tx) {
        this.demoMode = demoMode;
        this.jdbc = jdbc;
        this.units = units;
        this.regulations = regulations;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!demoMode.wanted() || jdbc.sql("select count(*) from regulation").query(Long.class).single() > 0
                || jdbc.sql("select count(*) from screening_benchmark").query(Long.class).single() == 0) {
            return;
        }
        Item[] items;
        try (InputStream in = new ClassPathResource("demo/regulations.json").getInputStream()) {
            items = JsonMapper.builder().build().readValue(in, Item[].class);
        }
        DataScope all = new DataScope(new HashSet<>(units.all().stream().map(OrgUnit::id).toList()), "/");
        tx.executeWithoutResult(status -> {
            for (Item item : items) {
                load(item, all);
            }
        });
    }

    private void load(Item item, DataScope all) {
        List<String> references = new ArrayList<>();
        for (Problem p : item.problems()) {
            jdbc.sql("""
                    select p.reference from problem p join org_unit o on o.id = p.unit_id
                    where o.code = :unit and p.found_on = :found order by p.reference limit 1
                    """)
                .param("unit", p.unit())
                .param("found", java.sql.Date.valueOf(p.found()))
                .query(String.class)
                .optional()
                .ifPresent(references::add);
        }
        UUID unit = units.findByCode(item.unit()).map(OrgUnit::id).orElseThrow();
        demoMode.runAs("workteam", () -> {
            UUID id = regulations.create(new RegulationForm(item.title(), item.kind(), item.predecessor(),
                    item.summary(), unit, String.join(",", references), item.benchmark(), null), all);
            if (item.issued() != null) {
                demoMode.actAs("leader");
                regulations.issue(id, 0, item.number(), item.issued(), all);
            }
        });
    }

}
