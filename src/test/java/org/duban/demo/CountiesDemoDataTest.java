package org.duban.demo;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demonstration is one installation for the city of Ordos: its own campaign and three
 * counties running theirs, each with units, accounts, a public notice, complaints,
 * problems, inspections and published draws, all in 2023.
 */
@DubanTest
class CountiesDemoDataTest {

    static final List<String> COUNTIES = List.of("OTOGQ", "OTOG", "HANGJIN");

    /** Rows whose unit lies in the county with code :county. */
    static final String IN_COUNTY = " in (select u.id from org_unit u join org_unit c on u.path like c.path || '%'"
            + " where c.code = :county)";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.duban.organization.StaffNames staffNames;

    long count(String sql, String county) {
        return jdbc.sql(sql).param("county", county).query(Long.class).single();
    }

    @Test
    void theCityAndEachCountyRunACampaignWithAPublicNoticeAndTheirOwnAccounts() {
        for (String bureau : List.of("ORDOS", "OTOGQ", "OTOG", "HANGJIN")) {
            assertThat(count("""
                    select count(*) from campaign c join org_unit o on o.id = c.owner_unit_id
                    where o.code = :county and c.status = 'ACTIVE' and extract(year from c.starts_on) = 2023
                    """, bureau)).as(bureau).isEqualTo(1);
            assertThat(count("""
                    select count(*) from public_notice n join org_unit o on o.id = n.bureau_unit_id
                    where o.code = :county and n.hotlines is not null
                    """, bureau)).as(bureau).isEqualTo(1);
        }
        for (String county : COUNTIES) {
            assertThat(count("select count(*) from org_unit where id" + IN_COUNTY, county)).as(county)
                .isGreaterThanOrEqualTo(5);
            assertThat(count("select count(*) from staff where login is not null and unit_id" + IN_COUNTY, county))
                .as(county)
                .isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void eachCountyHasComplaintsProblemsInspectionsAndDrawsAllDatedIn2023() {
        for (String county : COUNTIES) {
            assertThat(count("select count(*) from key_task where owner_unit_id" + IN_COUNTY, county)).as(county)
                .isGreaterThanOrEqualTo(3);
            assertThat(count("select count(*) from complaint where owner_unit_id" + IN_COUNTY
                    + " and extract(year from submitted_at at time zone 'Asia/Shanghai') = 2023", county))
                .as(county)
                .isGreaterThanOrEqualTo(3);
            assertThat(count("select count(*) from problem where unit_id" + IN_COUNTY
                    + " and extract(year from found_on) = 2023", county))
                .as(county)
                .isGreaterThanOrEqualTo(4);
            assertThat(count("select count(*) from inspection where owner_unit_id" + IN_COUNTY
                    + " and extract(year from planned_on) = 2023", county))
                .as(county)
                .isGreaterThanOrEqualTo(1);
            assertThat(count("select count(*) from random_draw where published and owner_unit_id" + IN_COUNTY
                    + " and extract(year from committed_at at time zone 'Asia/Shanghai') = 2023", county))
                .as(county)
                .isGreaterThanOrEqualTo(1);
        }
        // Every demonstration complaint lies in 2023 (those the other tests create are
        // dated today).
        assertThat(jdbc.sql("""
                select count(*) from complaint
                where cast(submitted_at at time zone 'Asia/Shanghai' as date) < current_date - 1
                  and extract(year from submitted_at at time zone 'Asia/Shanghai') <> 2023
                """).query(Long.class).single()).isZero();
    }

    @Test
    void theStateCouncilsHolidaySchedulesFor2023To2026AreShipped() {
        for (int year = 2023; year <= 2026; year++) {
            assertThat(
                    jdbc.sql("select count(*) from holiday_calendar where extract(year from day) = :y and not working")
                        .param("y", year)
                        .query(Long.class)
                        .single())
                .as("holidays " + year)
                .isGreaterThanOrEqualTo(10);
            assertThat(jdbc.sql("select count(*) from holiday_calendar where extract(year from day) = :y and working")
                .param("y", year)
                .query(Long.class)
                .single()).as("make-up days " + year).isGreaterThanOrEqualTo(2);
        }
        // Spot checks against the published schedules: 2024's Spring Festival make-up
        // Sunday, 2026's nine-day festival.
        assertThat(jdbc.sql("select working from holiday_calendar where day = date '2024-02-04'")
            .query(Boolean.class)
            .single()).isTrue();
        assertThat(jdbc.sql("select working from holiday_calendar where day = date '2026-02-23'")
            .query(Boolean.class)
            .single()).isFalse();
    }

    @Test
    void numbersAndTimesOfTheDemonstrationAreOfItsYearNotOfTheDayItWasLoaded() {
        // Problem numbers carry the year the problem was found; complaint numbers the
        // year
        // of submission in the bureau's zone. The demonstration's rows are those dated in
        // 2023 and numbered by the ledger (other tests of the shared context add rows by
        // SQL of their own).
        assertThat(jdbc.sql("""
                select count(*) from problem
                where extract(year from created_at at time zone 'Asia/Shanghai') = 2023 and reference like 'DB-%'
                  and reference not like 'DB-' || extract(year from found_on) || '-%'
                """).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                select count(*) from complaint
                where extract(year from submitted_at at time zone 'Asia/Shanghai') = 2023
                  and number not like 'TS-2023-%'
                """).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from complaint where number like 'TS-2023-%'").query(Long.class).single())
            .isPositive();
        // The demonstration's key-task plan was drawn up in 2023: that is "since" on the
        // to-do.
        assertThat(jdbc.sql("""
                select count(*) from key_task where created_by = 'system'
                and extract(year from created_at at time zone 'Asia/Shanghai') <> 2023
                """).query(Long.class).single()).isZero();
        // So were its screening imports and run, named by who did them: the system (other
        // tests may have emptied the screening tables before this one).
        for (String table : List.of("screening_import", "screening_run")) {
            assertThat(jdbc
                .sql("select extract(year from started_at at time zone 'Asia/Shanghai')::int from " + table
                        + " where started_by = 'system'")
                .query(Integer.class)
                .list()).as(table).allMatch(year -> year == 2023);
        }
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        try {
            assertThat(staffNames.of("system")).isEqualTo("系统");
        }
        finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
    }

}
