/**
 * Small shared kernel: the embedded database, value types, paging and spreadsheet helpers
 * used by every module.
 */
package org.duban.shared;
