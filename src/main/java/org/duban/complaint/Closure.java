package org.duban.complaint;

/**
 * Why a complaint was closed; only RESOLVED counts as resolved in the figures. Labels:
 * {@code complaint.closure.*}.
 */
public enum Closure {

    RESOLVED, DECLINED, DUPLICATE, WITHDRAWN, OTHER

}
