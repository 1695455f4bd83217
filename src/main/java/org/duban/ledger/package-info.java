/**
 * The problem (clue) ledger, the rectification ledger and accountability records: every
 * problem found in the campaign, from whatever source, followed from registration to
 * sign-off (销号).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ledger")
package org.duban.ledger;
