package org.duban.handdown;

/**
 * The steps after issuing: the bureau below reports back; the issuing bureau accepts or
 * returns.
 */
public enum HandDownAction {

    REPORT, ACCEPT, RETURN

}
