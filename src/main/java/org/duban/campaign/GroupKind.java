package org.duban.campaign;

/** 领导小组, 工作专班, 领导小组办公室. */
public enum GroupKind {

    LEADING_GROUP, WORK_TEAM, OFFICE

}
