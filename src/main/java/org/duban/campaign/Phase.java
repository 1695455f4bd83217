package org.duban.campaign;

/** The notice's four phases, in order: 动员部署, 自查自纠, 查纠整改, 总结提升. */
public enum Phase {

    MOBILISATION, SELF_INSPECTION, RECTIFICATION, CONSOLIDATION

}
