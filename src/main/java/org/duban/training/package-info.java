/**
 * 学习教育: training sessions of the campaign (topic, date, place, materials, the units
 * expected to attend), the attendance of each expected staff member — ticked on the page
 * or read from a sign-in sheet (.xlsx) — and the attendance rate per unit.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Training")
package org.duban.training;
