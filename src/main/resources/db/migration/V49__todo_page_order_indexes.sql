-- The to-do list's page reads its largest desks in the page's order (time limit, start, id), so that a page of 50 stops
-- after its rows instead of sorting every waiting item (docs/adr/0311-todo-desks-in-one-query.md): problems waiting
-- on supervision, complaints to accept, and complaints to dispatch, review or answer. Partial on the desks' statuses and
-- covering what the desks read, like the indexes of V47.
create index problem_supervision_order_idx on problem (due_on, created_at, id)
    include (status, unit_id, assigned_unit_id, confidential, reference)
    where status in ('REGISTERED', 'ASSIGNED', 'VERIFYING', 'CONFIRMED', 'RECTIFIED', 'VERIFIED');

create index complaint_accept_order_idx on complaint (acknowledge_due_on, submitted_at, id)
    include (owner_unit_id, type)
    where status = 'SUBMITTED';

create index complaint_handling_order_idx on complaint (due_on, submitted_at, id)
    include (status, owner_unit_id, handling_unit_id, type)
    where status in ('ACCEPTED', 'REOPENED', 'FEEDBACK_REVIEW', 'IN_HANDLING');
