/**
 * 督办: what waits on whom. The to-do list (我的待办, {@code /todo}) and 已办 are read from the
 * live state of the ledgers of the other modules, for every role; the hand-over notices
 * are sent from their events (each listener recorded by Spring Modulith's event
 * publication registry, so a crash between the commit and the notice loses nothing);
 * urges (催办), escalation of overdue items and the supervision slip (督办单) live here too.
 * Nothing depends on this module: it reads the others' tables through SQL views of their
 * state and their public events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "To-do")
package org.duban.todo;
