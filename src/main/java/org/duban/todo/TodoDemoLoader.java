package org.duban.todo;

import org.duban.security.DubanUser;
import org.duban.shared.DemoMode;
import org.duban.todo.TodoItem.Kind;
import org.duban.organization.OrgUnits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Demonstration urges (催办) on open items of 一中队, dated in the campaign's 2023, urged
 * through the real service (so the squad's inbox and to-do show them), after the ledgers'
 * and complaints' own demonstration data. The to-do lists and the hand-over notices need
 * nothing here: they follow from the other modules' demo actions.
 */
@Component
@Order(300)
class TodoDemoLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TodoDemoLoader.class);

    record Data(List<DemoUrge> urges) {
    }

    record DemoUrge(String by, String at, String text) {
    }

    private final DemoMode demoMode;

    private final JdbcClient jdbc;

    private final Urges urges;

    private final OrgUnits units;

    private final UserDetailsService users;

    TodoDemoLoader(DemoMode demoMode, JdbcClient jdbc, Urges urges, OrgUnits units, UserDetailsService users) {
        this.demoMode = demoMode;
        this.jdbc = jdbc;
        this.urges = urges;
        this.units = units;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!demoMode.wanted() || jdbc.sql("select count(*) from todo_urge").query(Integer.class).single() > 0) {
            return;
        }
        Data data;
        try (InputStream in = new ClassPathResource("demo/todo.json").getInputStream()) {
            data = JsonMapper.builder().build().readValue(in, Data.class);
        }
        List<UUID[]> targets = new ArrayList<>();
        jdbc.sql("""
                select p.id from problem p join org_unit u on u.id = p.assigned_unit_id
                where u.code = 'OTOGQ-SQUAD-1' and p.status in ('ASSIGNED', 'VERIFYING', 'RECTIFYING')
                  and not p.confidential order by p.reference limit 2
                """).query(UUID.class).list().forEach(id -> targets.add(new UUID[] { id, null }));
        jdbc.sql("""
                select c.id from complaint c join org_unit u on u.id = c.handling_unit_id
                where u.code = 'OTOGQ-SQUAD-1' and c.status = 'IN_HANDLING' order by c.submitted_at limit 1
                """).query(UUID.class).list().forEach(id -> targets.add(new UUID[] { null, id }));
        int n = 0;
        for (int i = 0; i < Math.min(targets.size(), data.urges().size()); i++) {
            DemoUrge u = data.urges().get(i);
            DubanUser by = (DubanUser) users.loadUserByUsername(u.by());
            SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(by, null, by.getAuthorities()));
            try {
                UUID[] target = targets.get(i);
                Kind kind = target[0] != null ? Kind.PROBLEM : Kind.COMPLAINT;
                UUID id = target[0] != null ? target[0] : target[1];
                urges.urge(kind, id, u.text(), by, units.scopeOf(by));
                // Dated as in the campaign: the urge and the messages it sent.
                Timestamp at = Timestamp.from(OffsetDateTime.parse(u.at()).toInstant());
                jdbc.sql("update todo_urge set urged_at = :at where item_id = :id and urged_at > :at")
                    .param("at", at)
                    .param("id", id)
                    .update();
                jdbc.sql("update notification set created_at = :at where dedup_key like 'urge:%' and link like :l")
                    .param("at", at)
                    .param("l", "%" + id)
                    .update();
                n++;
            }
            finally {
                SecurityContextHolder.clearContext();
            }
        }
        log.info("Demonstration urges: {}", n);
    }

}
