/**
 * 上级交办: work down the levels. A bureau (a city, or a province above its cities) hands key
 * tasks and problems or clues to the bureaus one level below it, each with a time limit,
 * an acceptance standard and the feedback it requires; the receiving bureau reports back
 * (办理反馈) with evidence; the issuing bureau accepts the report or returns it with its
 * reasons. Who acts is decided by the item's two bureaus, so the same model serves
 * province → city and city → county, and bureaus of one level never see each other's
 * items. The to-do list reads the open items; the issuing bureau's overview counts them
 * per bureau below.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Hand-down")
package org.duban.handdown;
