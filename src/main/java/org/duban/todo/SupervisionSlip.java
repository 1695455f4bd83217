package org.duban.todo;

import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.reporting.OfficialDocx;
import org.duban.security.CurrentUser;
import org.duban.shared.BureauClock;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 督办单: the item, the unit, its time limit, the urges so far and the feedback required, as
 * a GB/T 9704 document from the signed-in user's bureau, written by reporting's document
 * writer.
 */
@Component
class SupervisionSlip {

    private final OfficialDocx docx;

    private final OrgUnits units;

    private final MessageSource messages;

    private final BureauClock clock;

    SupervisionSlip(OfficialDocx docx, OrgUnits units, MessageSource messages, BureauClock clock) {
        this.clock = clock;
        this.docx = docx;
        this.units = units;
        this.messages = messages;
    }

    byte[] docx(Urges.Item item, List<Urges.Urge> urges, LocalDate today) {
        OrgUnit bureau = units.find(CurrentUser.require().unitId()).map(units::bureauOf).orElseThrow();
        String label = label(item);
        String unit = item.deskUnitName() == null ? m("todo.slip.noUnit") : item.deskUnitName();
        List<String> paragraphs = List.of(m("todo.slip.item", m("todo.kind." + item.kind()), label),
                m("todo.slip.unit", unit),
                m("todo.slip.limit", item.dueOn() == null ? m("todo.slip.noLimit") : date(item.dueOn())),
                m("todo.slip.urgeCount", urges.size()));
        List<List<String>> rows = new ArrayList<>();
        for (Urges.Urge u : urges) {
            rows.add(List.of(date(clock.local(u.at()).toLocalDate()), u.by(), u.text()));
        }
        String today2 = date(today);
        return docx.write(m("todo.slip.agencyMark", bureau.name()), m("todo.slip.number", today.getYear()),
                m("todo.slip.title"), unit + m("todo.slip.colon"), paragraphs,
                urges.isEmpty() ? List.of()
                        : List.of(m("todo.slip.col.date"), m("todo.slip.col.by"), m("todo.slip.col.text")),
                rows, List.of(m("todo.slip.feedback")), bureau.name(), today2, bureau.name(),
                m("todo.slip.printed", today2));
    }

    String fileName(Urges.Item item) {
        return m("todo.slip.fileName", label(item)) + ".docx";
    }

    private String label(Urges.Item item) {
        return item.kind() == TodoItem.Kind.COMPLAINT ? m("complaint.type." + item.label()) : item.label();
    }

    private String date(LocalDate d) {
        return m("todo.slip.date", String.valueOf(d.getYear()), String.valueOf(d.getMonthValue()),
                String.valueOf(d.getDayOfMonth()));
    }

    private String m(String key, Object... args) {
        return messages.getMessage(key, args, Locale.CHINA);
    }

}
