package org.duban.complaint;

import org.duban.shared.BureauClock;
import org.duban.notification.AddressBook;
import org.duban.notification.Outbox;
import org.duban.notification.TestOutboxes;
import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The complainant's SMS: the receipt on receipt, a notice on answer and reopening, never
 * the content, nothing for an anonymous complaint; and the outbox never holds the number
 * or the receipt in clear.
 */
@DubanTest
class ComplainantSmsTest {

    @Autowired
    Complaints complaints;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Secrets secrets;

    @Autowired
    BureauClock clock;

    record Fixture(ComplainantSms sms, Outbox outbox) {
    }

    Fixture fixture(String url) {
        AtomicReference<ComplainantSms> ref = new AtomicReference<>();
        AddressBook book = new AddressBook() {
            public String scheme() {
                return ComplainantSms.SCHEME;
            }

            public Optional<Resolved> resolve(String id, Map<String, Object> params) {
                return ref.get().resolve(id, params);
            }
        };
        Outbox outbox = TestOutboxes.withSmsGateway(jdbc, clock, url, List.of(book));
        ref.set(new ComplainantSms(jdbc, secrets, outbox));
        return new Fixture(ref.get(), outbox);
    }

    @Test
    void theComplainantGetsTheReceiptThenTheAnswerNoticeWithoutTheContent() throws Exception {
        NewComplaint input = new NewComplaint(ComplaintType.ROUGH, "secret content of the complaint", null, null, null,
                false, "王五", "139 0477 1234");
        Submitted submitted = complaints.submit(input, Channel.WEB, null, List.of(), complaints.intakeUnitFor("OTOGQ"));
        try (TestOutboxes.Gateway gateway = TestOutboxes.gateway(200)) {
            Fixture f = fixture(gateway.url());
            assertThat(f.sms().receiptGoesTo(input.normalised())).as("the receipt page names the number, masked")
                .contains("139****1234");
            f.sms().received(submitted.complaintId(), input.normalised(), submitted.receipt());
            String stored = jdbc.sql("select address || ' ' || payload from notification_outbox where dedup_key = :k")
                .param("k", "complaint:" + submitted.complaintId() + ":received")
                .query(String.class)
                .single();
            assertThat(stored).doesNotContain("13904771234").doesNotContain(submitted.receipt());

            f.sms()
                .on(new ComplaintTransitioned(UUID.randomUUID(), submitted.complaintId(), "feedback.published",
                        ComplaintStatus.FEEDBACK_REVIEW, ComplaintStatus.ANSWERED, null, null, Channel.WEB, "workteam",
                        Instant.now()));
            f.sms()
                .on(new ComplaintTransitioned(UUID.randomUUID(), submitted.complaintId(), "assigned",
                        ComplaintStatus.ACCEPTED, ComplaintStatus.IN_HANDLING, null, null, Channel.WEB, "workteam",
                        Instant.now()));
            jdbc.sql("update notification_outbox set next_attempt_at = now() where address = :a")
                .param("a", "complainant:" + submitted.complaintId())
                .update();
            assertThat(f.outbox().deliverDue(50)).isGreaterThanOrEqualTo(2);

            List<String> mine = gateway.bodies();
            assertThat(mine).hasSize(2);
            assertThat(mine).filteredOn(b -> b.contains("COMPLAINT_RECEIVED"))
                .singleElement()
                .satisfies(b -> assertThat(b).contains("\"phone\":\"13904771234\"",
                        "\"receipt\":\"" + submitted.receipt() + "\""));
            assertThat(mine).filteredOn(b -> b.contains("COMPLAINT_ANSWERED"))
                .singleElement()
                .satisfies(b -> assertThat(b).contains("\"phone\":\"13904771234\"").doesNotContain("receipt"));
            assertThat(String.join(" ", mine)).doesNotContain("secret content");
        }
    }

    @Test
    void anAnonymousComplaintGetsNoSms() throws Exception {
        NewComplaint input = new NewComplaint(ComplaintType.ROUGH, "anonymous one", null, null, null, true, null,
                "13904771235");
        Submitted submitted = complaints.submit(input, Channel.WEB, null, List.of(), complaints.intakeUnitFor("OTOGQ"));
        try (TestOutboxes.Gateway gateway = TestOutboxes.gateway(200)) {
            Fixture f = fixture(gateway.url());
            assertThat(f.sms().receiptGoesTo(input.normalised())).as("the receipt page promises no SMS").isEmpty();
            f.sms().received(submitted.complaintId(), input.normalised(), submitted.receipt());
            f.sms()
                .on(new ComplaintTransitioned(UUID.randomUUID(), submitted.complaintId(), "reopened",
                        ComplaintStatus.ANSWERED, ComplaintStatus.REOPENED, null, null, Channel.WEB, "public",
                        Instant.now()));
            assertThat(jdbc.sql("select count(*) from notification_outbox where address = :a")
                .param("a", "complainant:" + submitted.complaintId())
                .query(Integer.class)
                .single()).isZero();
        }
    }

}
