/**
 * Inspections (突击检查、实地暗访、随机抽查) and verifiable random draws (双随机).
 * <p>
 * Choices where the issue is silent: a draw freezes targets <em>and</em> the inspector
 * pool with their declared conflicts into one snapshot, so that exclusions can be
 * re-checked by anyone; "own unit" means the inspector's unit equals the target's unit (a
 * UNIT target's unit is itself); an inspector may be assigned to several targets of one
 * draw, never twice to the same one; a shortfall of eligible inspectors is shown, not
 * filled silently. The secret seed sits in the database until the draw is made (whoever
 * can read the database could learn it early), so a draw may instead name a public future
 * value as its seed. Unannounced visits are visible only with
 * {@code inspection:unannounced:read} (the work team) until closed. Evidence is text
 * (what was seen, photo and recording reference numbers) plus files on a finding:
 * JPEG/PNG photos and PDF documents up to 10 MB, the type decided by the first bytes (a
 * renamed file is refused), stored in {@code inspection_evidence_file} behind
 * {@link org.duban.inspection.FindingEvidenceStore} (the ledger's EvidenceStore is keyed
 * to ledger problems, so it does not fit). Files can be added while the inspection is
 * open, never changed or removed, and are exactly as visible as their inspection (404
 * otherwise); downloads are attachments with {@code nosniff}. Draws of case files read
 * the screening module's {@code screening_case} table with read-only SQL (see
 * docs/random-draws.md). See docs/random-draws.md for the algorithm.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inspection")
package org.duban.inspection;
