package org.duban.campaign;

/** 组长, 副组长, 成员, 办公室主任. */
public enum MemberPosition {

    LEADER, DEPUTY_LEADER, MEMBER, OFFICE_DIRECTOR

}
