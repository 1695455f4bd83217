package org.duban.notification;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.duban.campaign.KeyTaskReminders;
import org.duban.ledger.LedgerReminders;
import org.duban.ledger.NewProblem;
import org.duban.ledger.ProblemCategory;
import org.duban.ledger.ProblemLedger;
import org.duban.ledger.ProblemSource;
import org.duban.ledger.Problems;
import org.duban.organization.OrgUnits;
import org.duban.organization.StaffDirectory;
import org.duban.security.DubanUser;
import org.duban.support.DubanTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Reminders by email through an in-process SMTP server (GreenMail): the ledger's and the
 * key-task plan's reminders reach the recipient's address once; nothing is mailed when
 * mail is off; a dead SMTP server leaves the in-app message in place.
 */
@DubanTest
@TestPropertySource(properties = { "duban.mail.enabled=true", "spring.mail.host=127.0.0.1",
        "duban.mail.base-url=https://duban.example.org/" })
class EmailRemindersTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
        .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtpPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Problems problems;

    @Autowired
    ProblemLedger ledger;

    @Autowired
    LedgerReminders ledgerReminders;

    @Autowired
    KeyTaskReminders keyTaskReminders;

    @Autowired
    UserDetailsService users;

    @Autowired
    OrgUnits units;

    @Autowired
    StaffDirectory staff;

    @Autowired
    MessageSource messages;

    @Autowired
    Clock clock;

    @Autowired
    MailDelivery mail;

    @BeforeEach
    void addresses() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        jdbc.sql("update staff set email = login || '@example.org' where login in ('unit', 'workteam')").update();
    }

    UUID unit(String code) {
        return jdbc.sql("select id from org_unit where code = :c").param("c", code).query(UUID.class).single();
    }

    List<MimeMessage> mailTo(String address) throws Exception {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equals(address));
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    List<MimeMessage> mailAbout(String address, String text) throws Exception {
        return mailTo(address).stream().filter(m -> {
            try {
                return m.getSubject().contains(text);
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void anOverdueProblemIsMailedToTheUnitAndTheAssignerOnceAlongsideTheInAppMessage() throws Exception {
        DubanUser wt = (DubanUser) users.loadUserByUsername("workteam");
        SecurityContextHolder.getContext()
            .setAuthentication(new UsernamePasswordAuthenticationToken(wt, null, wt.getAuthorities()));
        UUID id;
        try {
            id = problems.register(new NewProblem(null, ProblemSource.COMPLAINT, null, ProblemCategory.RIGID, null,
                    unit("OTOGQ-SQUAD-1"), null, "mail test", LocalDate.of(2023, 5, 5), false));
            ledger.assign(id, 0, unit("OTOGQ-SQUAD-1"), 3, units.scopeOf(wt));
        }
        finally {
            SecurityContextHolder.clearContext();
        }
        Map<String, Object> p = jdbc.sql("select reference, due_on from problem where id = :id")
            .param("id", id)
            .query()
            .singleRow();
        String reference = (String) p.get("reference");
        LocalDate due = ((java.sql.Date) p.get("due_on")).toLocalDate();

        // The hand-over notice of the assignment is mailed too (todo module); these are
        // the reminders.
        assertThat(mailAbout("unit@example.org", reference + "已超过")).isEmpty();
        ledgerReminders.remind(due.plusDays(1));
        ledgerReminders.remind(due.plusDays(1));

        List<MimeMessage> toUnit = mailAbout("unit@example.org", reference + "已超过");
        assertThat(toUnit).hasSize(1);
        assertThat((String) toUnit.get(0).getContent()).contains("https://duban.example.org/problems/" + id);
        assertThat(mailAbout("workteam@example.org", reference + "已逾期")).hasSize(1);
        assertThat(jdbc.sql("""
                select count(*) from notification n join staff s on s.id = n.recipient_id
                where s.login = 'unit' and n.link = :l and n.dedup_key not like 'event:%'""")
            .param("l", "/problems/" + id)
            .query(Integer.class)
            .single()).isEqualTo(1);
    }

    @Test
    void aKeyTaskDueSoonIsMailedToTheOwnerUnit() throws Exception {
        UUID task = UUID.randomUUID();
        String title = "mail task " + task;
        jdbc.sql("""
                insert into key_task (id, campaign_id, title, owner_unit_id, deadline, created_by, created_at)
                select :id, c.id, :title, s.unit_id, date '2031-03-12', 'test', now()
                from campaign c, staff s where s.login = 'unit' order by c.id limit 1
                """).param("id", task).param("title", title).update();

        keyTaskReminders.remind(LocalDate.of(2031, 3, 10));

        assertThat(mailAbout("unit@example.org", title)).hasSize(1);
    }

    @Test
    void nothingIsMailedWhenMailIsOff() throws Exception {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(
                Map.of("sender", (Object) sender(smtp.getSmtp().getPort())));
        MailDelivery off = new MailDelivery(beans.getBeanProvider(JavaMailSender.class), staff, messages, false,
                "duban@localhost", "");
        UUID unitStaff = jdbc.sql("select id from staff where login = 'unit'").query(UUID.class).single();

        assertThat(off.active()).isFalse();
        off.copy(unitStaff, "not to be mailed", null, "/notifications");
        new Notifications(jdbc, clock, off).sendWithEmail(unitStaff, "not to be mailed either", null, "/notifications",
                "off:" + UUID.randomUUID());
        assertThat(smtp.getReceivedMessages()).isEmpty();

        assertThat(mail.active()).isTrue();
        mail.copy(unitStaff, "mailed when on", null, "/notifications");
        assertThat(mailAbout("unit@example.org", "mailed when on")).hasSize(1);
    }

    @Test
    void aDeadSmtpServerLeavesTheInAppMessageAndBreaksNothing() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("sender", (Object) sender(closedPort)));
        MailDelivery broken = new MailDelivery(beans.getBeanProvider(JavaMailSender.class), staff, messages, true,
                "duban@localhost", "");
        UUID unitStaff = jdbc.sql("select id from staff where login = 'unit'").query(UUID.class).single();
        String key = "dead-smtp:" + UUID.randomUUID();

        assertThatCode(() -> new Notifications(jdbc, clock, broken).sendWithEmail(unitStaff, "smtp is down", null,
                "/notifications", key))
            .doesNotThrowAnyException();

        assertThat(jdbc.sql("select count(*) from notification where dedup_key = :k")
            .param("k", key)
            .query(Integer.class)
            .single()).isEqualTo(1);
    }

    private static JavaMailSenderImpl sender(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        return sender;
    }

}
