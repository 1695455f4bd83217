package org.duban.organization;

/** The kinds of org unit a transport bureau is made of. */
public enum UnitKind {

    CITY_BUREAU, COUNTY_BUREAU, OFFICE, BRIGADE, SQUAD, CENTRE

}
