package org.duban.inspection;

import org.duban.organization.DataScope;
import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.shared.DemoMode;
import org.springframework.boot.ApplicationArguments;
import org.duban.shared.DemoLoader;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/** Demonstration stations and declared conflicts ({@code demo/inspection.json}), only into empty tables. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class InspectionDemoLoader implements DemoLoader {

    record Data(List<Station> stations, List<Conflict> conflicts) {
    }

    record Station(String code, String name, String unit) {
    }

    record Conflict(String staff, String subjectType, String subjectUnit, String subjectStaff, String reason) {
    }

    private final DemoMode demoMode;
    private final JdbcClient jdbc;
    private final OrgUnits units;
    private final Conflicts conflicts;
    private final TransactionTemplate tx;

    InspectionDemoLoader(DemoMode demoMode, JdbcClient jdbc, OrgUnits units, Conflicts conflicts,
                         TransactionTemplate tx) {
        this.demoMode = demoMode;
        this.jdbc = jdbc;
        this.units = units;
        this.conflicts = conflicts;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!demoMode.wanted() || units.all().isEmpty()
                || jdbc.sql("select count(*) from inspection_station").query(Integer.class).single() > 0) {
            return;
        }
        Data data;
        try (InputStream in = new ClassPathResource("demo/inspection.json").getInputStream()) {
            data = JsonMapper.builder().build().readValue(in, Data.class);
        }
        demoMode.runAs("system", () -> tx.executeWithoutResult(status -> load(data)));
    }

    private void load(Data data) {
        for (Station s : data.stations()) {
            OrgUnit unit = units.findByCode(s.unit()).orElseThrow();
            jdbc.sql("insert into inspection_station (id, unit_id, code, name) values (:id, :unit, :code, :name)")
                    .param("id", UUID.randomUUID()).param("unit", unit.id()).param("code", s.code())
                    .param("name", s.name()).update();
        }
        DataScope all = new DataScope(new HashSet<>(units.all().stream().map(OrgUnit::id).toList()), "/");
        for (Conflict c : data.conflicts()) {
            String subject = c.subjectUnit() != null
                    ? units.findByCode(c.subjectUnit()).orElseThrow().id().toString()
                    : staffByName(c.subjectStaff()).toString();
            conflicts.declare(staffByName(c.staff()), c.subjectType(), subject, c.reason(), all);
        }
    }

    private UUID staffByName(String name) {
        return jdbc.sql("select id from staff where name = :name order by id limit 1").param("name", name)
                .query(UUID.class).single();
    }
}
