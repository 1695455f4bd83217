package org.duban.complaint;

/**
 * The five kinds of enforcement problem of the notice, or something else. Labels:
 * {@code complaint.type.*}.
 */
public enum ComplaintType {

    PROFIT_DRIVEN, IRREGULAR, RIGID, ROUGH, RENT_SEEKING, OTHER

}
