/**
 * Demonstration data for a first look at Duban: the Ordos city bureau, the Otog Front
 * Banner transport bureau with the units of its founding notice, the notice's campaign
 * with its phases and groups, and one account per role. Loaded once, on the first start
 * of the embedded database, never under the production profile.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demonstration data")
package org.duban.demo;
