-- Indexes for the to-do desks (src/main/resources/todo/desks.sql), chosen from EXPLAIN (ANALYZE, BUFFERS) of each
-- role's page and count in TodoBenchmark (docs/adr/0311-todo-desks-in-one-query.md). Each covers what its desks
-- read, so that the desks are read from the index (index-only scans) rather than row by row from the table, and
-- is partial on the statuses that wait on someone.

-- A unit's own problems (and, for urging, the overdue ones): the open statuses, by assigned unit.
create index problem_unit_desk_idx on problem (assigned_unit_id, due_on, created_at)
    include (id, status, unit_id, confidential, reference)
    where status in ('ASSIGNED', 'VERIFYING', 'RECTIFYING');

-- Supervision: the statuses that wait on the bureau (assign, verify, plan, check, sign off).
create index problem_supervision_desk_idx on problem (status)
    include (id, unit_id, assigned_unit_id, confidential, reference, due_on, created_at)
    where status in ('REGISTERED', 'ASSIGNED', 'VERIFYING', 'CONFIRMED', 'RECTIFIED', 'VERIFIED');

-- A rectification planned for another unit than the one the problem was assigned to.
create index rectification_responsible_unit_idx on rectification (responsible_unit_id);

-- Complaints to accept, dispatch, review or answer.
create index complaint_desk_idx on complaint (status, owner_unit_id, handling_unit_id)
    include (id, due_on, acknowledge_due_on, submitted_at, type)
    where status in ('SUBMITTED', 'ACCEPTED', 'REOPENED', 'FEEDBACK_REVIEW', 'IN_HANDLING');
