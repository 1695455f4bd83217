package org.duban.organization;

/** The kinds of org unit a transport bureau is made of. */
public enum UnitKind {

    PROVINCE_BUREAU, CITY_BUREAU, COUNTY_BUREAU, OFFICE, BRIGADE, SQUAD, CENTRE;

    /**
     * A bureau of some level (province, city, county): it runs a campaign and its own
     * desks.
     */
    public boolean bureau() {
        return this == PROVINCE_BUREAU || this == CITY_BUREAU || this == COUNTY_BUREAU;
    }

}
