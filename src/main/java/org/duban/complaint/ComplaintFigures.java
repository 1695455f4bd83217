package org.duban.complaint;

import org.duban.organization.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Figures for the dashboard, for the complaints received by a unit in the scope and submitted in a date range.
 * Rates are null when their denominator is zero (no answered, rated or closed complaint yet).
 */
@Service
public class ComplaintFigures {

    private static final ZoneId BUREAU_ZONE = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;

    ComplaintFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param byChannel       counts per channel
     * @param byType          counts per type
     * @param byUnit          counts per handling unit (the receiving bureau while not assigned)
     * @param byStatus        counts per status
     * @param answered        answered at least once (feedback published)
     * @param answeredOnTime  of those, answered on or before the due date
     * @param rated           rated by the complainant
     * @param satisfied       rated satisfied or basically satisfied
     * @param reopened        reopened at least once ("not satisfied")
     * @param closedResolved  closed as resolved
     * @param closedOther     closed for another reason (declined, duplicate, withdrawn, other)
     */
    public record Figures(long total, Map<Channel, Long> byChannel, Map<ComplaintType, Long> byType,
                          Map<UUID, Long> byUnit, Map<ComplaintStatus, Long> byStatus, long answered,
                          long answeredOnTime, long rated, long satisfied, long reopened, long closedResolved,
                          long closedOther) {

        public Double onTimeRate() {
            return rate(answeredOnTime, answered);
        }

        public Double satisfactionRate() {
            return rate(satisfied, rated);
        }

        public Double reopenRate() {
            return rate(reopened, answered);
        }

        private static Double rate(long part, long whole) {
            return whole == 0 ? null : (double) part / whole;
        }
    }

    /** {@code from} and {@code to} (inclusive, bureau dates) may be null for an open range. */
    @Transactional(readOnly = true)
    public Figures figures(DataScope scope, LocalDate from, LocalDate to) {
        String where = " where owner_unit_id = any(:units) and submitted_at >= :from and submitted_at < :to ";
        Timestamp fromTs = Timestamp.from((from == null ? LocalDate.of(2000, 1, 1) : from).atStartOfDay(BUREAU_ZONE).toInstant());
        Timestamp toTs = Timestamp.from((to == null ? LocalDate.of(9999, 1, 1) : to.plusDays(1)).atStartOfDay(BUREAU_ZONE).toInstant());
        Map<Channel, Long> byChannel = new LinkedHashMap<>();
        Map<ComplaintType, Long> byType = new LinkedHashMap<>();
        Map<ComplaintStatus, Long> byStatus = new LinkedHashMap<>();
        Map<UUID, Long> byUnit = new LinkedHashMap<>();
        jdbc.sql("select channel, count(*) from complaint" + where + " group by channel order by channel")
                .param("units", scope.unitArray()).param("from", fromTs).param("to", toTs)
                .query((rs, n) -> byChannel.put(Channel.valueOf(rs.getString(1)), rs.getLong(2))).list();
        jdbc.sql("select type, count(*) from complaint" + where + " group by type order by type")
                .param("units", scope.unitArray()).param("from", fromTs).param("to", toTs)
                .query((rs, n) -> byType.put(ComplaintType.valueOf(rs.getString(1)), rs.getLong(2))).list();
        jdbc.sql("select status, count(*) from complaint" + where + " group by status order by status")
                .param("units", scope.unitArray()).param("from", fromTs).param("to", toTs)
                .query((rs, n) -> byStatus.put(ComplaintStatus.valueOf(rs.getString(1)), rs.getLong(2))).list();
        jdbc.sql("select coalesce(handling_unit_id, owner_unit_id), count(*) from complaint" + where
                        + " group by 1 order by 2 desc")
                .param("units", scope.unitArray()).param("from", fromTs).param("to", toTs)
                .query((rs, n) -> byUnit.put(rs.getObject(1, UUID.class), rs.getLong(2))).list();
        return jdbc.sql("""
                select count(*),
                       count(*) filter (where answered_at is not null),
                       count(*) filter (where answered_at is not null
                                        and (answered_at at time zone 'Asia/Shanghai')::date <= due_on),
                       count(*) filter (where satisfaction is not null),
                       count(*) filter (where satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED')),
                       count(*) filter (where reopen_count > 0),
                       count(*) filter (where status in ('CLOSED', 'DECLINED') and closure = 'RESOLVED'),
                       count(*) filter (where status in ('CLOSED', 'DECLINED') and closure <> 'RESOLVED')
                from complaint""" + where)
                .param("units", scope.unitArray()).param("from", fromTs).param("to", toTs)
                .query((rs, n) -> new Figures(rs.getLong(1), byChannel, byType, byUnit, byStatus, rs.getLong(2),
                        rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)))
                .single();
    }
}
