/**
 * Complaints and reports from the public (投诉举报): the public portal and the hotline API
 * take a complaint and answer with a receipt code; staff accept, decline or transfer it,
 * assign it to a unit with a working-day time limit, handle it with internal notes, and
 * publish feedback reviewed by the work team; the complainant looks the case up with the
 * receipt, adds information and rates the answer ("not satisfied" reopens it).
 *
 * <p>
 * Choices where the issue is silent (see also {@code docs/complaint.md}):
 * <ul>
 * <li>The receipt is 20 decimal digits (66 bits) in five groups of four, stored only as
 * its SHA-256 hash. With an idempotency key the receipt is derived as an HMAC of the key
 * under the application key, so a retry gets the same receipt without the receipt ever
 * being stored; without a key it is drawn from a {@code SecureRandom}.</li>
 * <li>A key reused with a different body is refused (409), so a leaked key does not hand
 * out someone's receipt.</li>
 * <li>Time limits are counted from the day of submission in working days on the ledger's
 * holiday calendar ({@code /admin/holidays}: weekends and listed holidays skipped,
 * make-up working days counted); the answer limit can be set per type.</li>
 * <li>Rate limits are counted in the database (an unlogged table), keyed by an HMAC of
 * the address (the address itself is neither stored nor logged), so the limit per address
 * holds across all instances.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Complaint")
package org.duban.complaint;
