package org.duban.training;

import org.duban.organization.DataScope;
import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.shared.DemoLoader;
import org.duban.shared.DemoMode;
import org.springframework.boot.ApplicationArguments;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/**
 * The demonstration's training sessions of 2023: two held (everyone but one person
 * present at each, so the rates differ by unit) and one planned.
 */
@Component
@Order(180)
class TrainingDemoLoader implements DemoLoader {

    record Session(String topic, LocalDate on, String place, String materials, String unit, List<String> targets,
            boolean held) {
    }

    static final List<Session> SESSIONS = List.of(
            new Session("training.demo.1.topic", LocalDate.of(2023, 3, 28), "training.demo.1.place",
                    "training.demo.1.materials", "OTOGQ-BRIGADE", List.of("OTOGQ-SQUAD-1", "OTOGQ-SQUAD-2"), true),
            new Session("training.demo.2.topic", LocalDate.of(2023, 6, 15), "training.demo.2.place",
                    "training.demo.2.materials", "OTOGQ-BRIGADE", List.of("OTOGQ-SQUAD-1", "OTOGQ-BRIGADE-OFFICE"),
                    true),
            new Session("training.demo.3.topic", LocalDate.of(2023, 10, 20), "training.demo.3.place", null,
                    "OTOGQ-BRIGADE", List.of("OTOGQ-SQUAD-2"), false));

    private final DemoMode demoMode;

    private final JdbcClient jdbc;

    private final OrgUnits units;

    private final Trainings trainings;

    private final TransactionTemplate tx;

    private final org.springframework.context.MessageSource messages;

    TrainingDemoLoader(DemoMode demoMode, JdbcClient jdbc, OrgUnits units, Trainings trainings, TransactionTemplate tx,
            org.springframework.context.MessageSource messages) {
        this.demoMode = demoMode;
        this.jdbc = jdbc;
        this.units = units;
        this.trainings = trainings;
        this.tx = tx;
        this.messages = messages;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode.wanted() || jdbc.sql("select count(*) from training_session").query(Long.class).single() > 0) {
            return;
        }
        DataScope all = new DataScope(new HashSet<>(units.all().stream().map(OrgUnit::id).toList()), "/");
        tx.executeWithoutResult(status -> demoMode.runAs("workteam", () -> {
            for (Session s : SESSIONS) {
                UUID unit = units.findByCode(s.unit()).map(OrgUnit::id).orElseThrow();
                List<UUID> targets = s.targets()
                    .stream()
                    .map(code -> units.findByCode(code).map(OrgUnit::id).orElseThrow())
                    .toList();
                UUID id = trainings.create(new TrainingForm(m(s.topic()), s.on(), m(s.place()),
                        s.materials() == null ? null : m(s.materials()), unit, targets, null), all);
                if (s.held()) {
                    TrainingSession session = trainings.get(id, all);
                    List<UUID> expected = trainings.attendees(session, all)
                        .stream()
                        .map(Trainings.Attendee::staffId)
                        .toList();
                    trainings.recordAttendance(id, 0, expected.subList(0, Math.max(0, expected.size() - 1)), "PAGE",
                            all);
                }
            }
        }));
    }

    private String m(String key) {
        return messages.getMessage(key, null, java.util.Locale.SIMPLIFIED_CHINESE);
    }

}
