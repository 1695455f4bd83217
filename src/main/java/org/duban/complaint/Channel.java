package org.duban.complaint;

/** How a complaint reached the bureau. Labels: {@code complaint.channel.*}. */
public enum Channel {

    WEB, API, PHONE, LETTER, VISIT, SUPERIOR_REFERRAL;

    /** The channels staff register by hand. */
    public static final java.util.List<Channel> REGISTERED_BY_STAFF = java.util.List.of(PHONE, LETTER, VISIT,
            SUPERIOR_REFERRAL);

}
