package org.duban.demo;

import java.time.LocalDate;
import java.util.List;

/** The shape of {@code demo/platform.json}. */
record DemoData(List<Unit> units, List<Person> staff, CampaignData campaign, List<CampaignData> campaigns,
        List<NoticeData> notices, String password) {

    record Unit(String code, String name, String kind, String parent, int sort) {
    }

    record Person(String key, String name, String title, String unit, String login, List<String> roles) {
    }

    record CampaignData(String owner, String title, String documentNumber, String issuingAgency, String signer,
            LocalDate issuedOn, LocalDate startsOn, LocalDate endsOn, String noticeFile, List<PhaseData> phases,
            List<GroupData> groups) {
    }

    /**
     * A bureau's public notice (通告) with its channels and the unit that receives its
     * complaints.
     */
    record NoticeData(String bureau, String intake, String title, String documentNumber, LocalDate publishedOn,
            String body, String hotlines, String mailbox, String address, String officeHours) {
    }

    record PhaseData(String phase, LocalDate startsOn, LocalDate endsOn) {
    }

    record GroupData(String kind, String name, String duties, List<MemberData> members) {
    }

    record MemberData(String staff, String position, String post, String duties) {
    }
}
