/**
 * Campaigns (专项整治行动): the founding notice, the four phases with their date windows, the
 * leading group, work team and office with their members, and the roster printed as the
 * notice's attachment 1.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Campaign")
package org.duban.campaign;
