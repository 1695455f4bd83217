/**
 * The org-unit tree (city bureau, county bureau, its offices, brigade, squads and
 * centres), staff accounts, roles with their permission codes, and each user's data
 * scope: which units' records they may see.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organization")
package org.duban.organization;
