/**
 * 典型案例: positive and negative typical cases drawn from problems, accountability decisions
 * or inspections. The work team registers a case, the leading group approves it, the work
 * team circulates it as a 通报 (.docx) and publishes an anonymised version on the public
 * portal ({@code /public/typical-cases}). Publication is refused while the public text
 * carries a name from the source problem, a phone number, an ID number or a plate.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Typical cases")
package org.duban.typicalcase;
