-- The to-do list (my desks): the desks the signed-in user sits at, one row per item. A desk is switched on by the permission it
-- needs (:rectify, :assign, … true or false); a unit's own work is the work at the user's unit (:me), supervision is
-- the work in the user's data scope (:units); clues only for readers of confidential clues (:clues). An item
-- overdue by more than the escalation threshold (its time limit on or before :escalateBefore) at another unit is
-- shown, escalated, to those who may urge it (:urgeProblems, :urgeComplaints, :urgeTasks, :urgeHandDowns). Items
-- handed down between bureaus (上级交办) wait at the bureau of the user's unit (:myBureau).
-- The desks are disjoint, so an item is listed and counted once without a sort of the whole union: where two desks
-- would show the same item, one gives way (noted at the desk). See docs/adr/0301-todo-from-live-state.md and
-- docs/adr/0311-todo-desks-in-one-query.md.

-- Problems at my unit: to verify (the unit's explanation), then to rectify, against the rectification's unit and
-- time limit once it is planned. Gives way to the verification desk where I also verify.
select 'PROBLEM' as kind, p.id, p.reference as label,
       case when p.status = 'RECTIFYING' then 'rectify' else 'awaitVerify' end as action,
       p.created_at as since,
       case when p.status = 'RECTIFYING' then coalesce(r.deadline, p.due_on) else p.due_on end as due_on,
       coalesce(r.responsible_unit_id, p.assigned_unit_id) as unit_id,
       false as escalated
from problem p
left join rectification r on r.problem_id = p.id
where :rectify
  and p.status in ('ASSIGNED', 'VERIFYING', 'RECTIFYING')
  and (p.assigned_unit_id = :me
       or p.id = any (array(select m.problem_id from rectification m where m.responsible_unit_id = :me)))
  and coalesce(r.responsible_unit_id, p.assigned_unit_id) = :me
  and (:clues or not p.confidential)
  and not (:verify and p.status in ('ASSIGNED', 'VERIFYING')
           and (p.unit_id = any (:units) or p.assigned_unit_id = any (:units)))

union all

-- Problems in my scope waiting on supervision: assign a registered one, verify an assigned one, plan a confirmed
-- one, check a rectified one, sign off a verified one. :supervised lists the statuses my permissions act on, as one
-- list so that the desk's index is read for those statuses only.
select 'PROBLEM', p.id, p.reference,
       case p.status when 'REGISTERED' then 'assign'
                     when 'ASSIGNED' then 'startVerify'
                     when 'VERIFYING' then 'decide'
                     when 'CONFIRMED' then 'plan'
                     when 'RECTIFIED' then 'check'
                     when 'VERIFIED' then 'signOff' end,
       p.created_at, p.due_on, coalesce(p.assigned_unit_id, p.unit_id), false
from problem p
where p.status = any (cast(:supervised as text[]))
  and (p.unit_id = any (:units) or p.assigned_unit_id = any (:units))
  and (:clues or not p.confidential)

union all

-- Problems overdue at another unit in my scope, for urging. Gives way to the verification desk.
select 'PROBLEM', p.id, p.reference,
       case when p.status = 'RECTIFYING' then 'rectify' else 'awaitVerify' end,
       p.created_at,
       case when p.status = 'RECTIFYING' then coalesce(r.deadline, p.due_on) else p.due_on end,
       coalesce(r.responsible_unit_id, p.assigned_unit_id), true
from problem p
left join rectification r on r.problem_id = p.id
where :urgeProblems
  and p.status in ('ASSIGNED', 'VERIFYING', 'RECTIFYING')
  and case when p.status = 'RECTIFYING' then coalesce(r.deadline, p.due_on) else p.due_on end <= :escalateBefore
  and coalesce(r.responsible_unit_id, p.assigned_unit_id) <> :me
  and (p.unit_id = any (:units) or p.assigned_unit_id = any (:units))
  and (:clues or not p.confidential)
  and not (:verify and p.status in ('ASSIGNED', 'VERIFYING'))

union all

-- Complaints my unit handles.
select 'COMPLAINT', c.id, c.type, 'answer', c.submitted_at, c.due_on, c.handling_unit_id, false
from complaint c
where :handle and c.status = 'IN_HANDLING' and c.handling_unit_id = :me

union all

-- Complaints in my scope to accept (against the time limit of the acknowledgement)…
select 'COMPLAINT', c.id, c.type, 'accept', c.submitted_at, c.acknowledge_due_on, c.owner_unit_id, false
from complaint c
where :dispatch and c.status = 'SUBMITTED' and c.owner_unit_id = any (:units)

union all

-- … and to dispatch or review (against the complaint's time limit). Two desks rather than one with a computed time
-- limit, so that each can be read in the page's order from its index.
select 'COMPLAINT', c.id, c.type, case c.status when 'FEEDBACK_REVIEW' then 'review' else 'dispatch' end,
       c.submitted_at, c.due_on, c.owner_unit_id, false
from complaint c
where :dispatch
  and c.status in ('ACCEPTED', 'REOPENED', 'FEEDBACK_REVIEW')
  and c.owner_unit_id = any (:units)

union all

-- Complaints overdue at another unit in my scope, for urging.
select 'COMPLAINT', c.id, c.type, 'answer', c.submitted_at, c.due_on, c.handling_unit_id, true
from complaint c
where :urgeComplaints
  and c.status = 'IN_HANDLING'
  and c.due_on <= :escalateBefore
  and c.handling_unit_id <> :me
  and (c.owner_unit_id = any (:units) or c.handling_unit_id = any (:units))

union all

-- Key tasks my unit owns and reports progress on.
select 'KEY_TASK', t.id, t.title, 'progress', t.created_at, t.deadline, t.owner_unit_id, false
from key_task t
where :progress and t.status not in ('DONE', 'AWAITING_ACCEPTANCE') and t.owner_unit_id = :me

union all

-- Acceptance: a task at 100 % with evidence waits on the leading group in its scope, or on the acceptor the task names.
select 'KEY_TASK', t.id, t.title, 'acceptTask', t.updated_at, t.deadline, t.owner_unit_id, false
from key_task t
where :tasks
  and t.status = 'AWAITING_ACCEPTANCE'
  and ((:accept and t.owner_unit_id = any (:units)) or t.acceptor_login = :login)

union all

-- Key tasks overdue at another unit in my scope, for urging. Gives way to the acceptance desk.
select 'KEY_TASK', t.id, t.title, 'progress', t.created_at, t.deadline, t.owner_unit_id, true
from key_task t
where :urgeTasks
  and t.status <> 'DONE'
  and t.deadline <= :escalateBefore
  and t.owner_unit_id <> :me
  and t.owner_unit_id = any (:units)
  -- (coalesce: a task that names no acceptor is still urged by those who may not accept it)
  and not (t.status = 'AWAITING_ACCEPTANCE'
           and ((:accept and t.owner_unit_id = any (:units)) or coalesce(t.acceptor_login = :login, false)))

union all

-- A work-team proposal of accountability or fault tolerance waits on the leading group's decision.
select 'ACCOUNTABILITY', a.id, a.person, 'decideAccountability', coalesce(a.proposed_at, a.created_at), null::date,
       a.unit_id, false
from accountability_record a
where :decide and a.status = 'PROPOSED' and a.unit_id = any (:units)

union all

-- Reports to approve, to submit or redo, and (the level above) to receive.
select 'REPORT', r.id, r.title,
       case r.status when 'DRAFT' then 'approve'
                     when 'APPROVED' then 'submit'
                     when 'RETURNED' then 'redo'
                     when 'SUBMITTED' then 'receive' end,
       coalesce(r.updated_at, r.created_at), null::date, r.unit_id, false
from report r
-- A unit's report to its bureau is no draft for the bureau's leading group to approve, nor for the bureau's work
-- team to redo: it is the unit's own.
where ((:approve and r.status = 'DRAFT' and r.unit_id = any (:units) and r.channel = :bureauChannel)
       or (:write and r.status in ('APPROVED', 'RETURNED') and r.unit_id = any (:units)
           and (r.channel = :bureauChannel or r.unit_id = :ownUnit))
       or (:receive and r.status = 'SUBMITTED'
           and exists (select 1 from report_version v
                       where v.report_id = r.id and v.version_no = r.submitted_version
                         and v.superior_unit_id = :bureau)))

union all

-- 上级交办 handed down to my bureau, to handle and report on (again, once returned).
select 'HAND_DOWN', h.id, h.title,
       case when h.status = :handDownReturned then 'handDownRedo' else 'handDownReport' end,
       coalesce(h.updated_at, h.created_at), h.due_on, h.to_unit_id, false
from hand_down h
where :handDownReport and h.status in (:handDownIssued, :handDownReturned) and h.to_unit_id = :myBureau

union all

-- A report on an item my bureau handed down, to accept or return.
select 'HAND_DOWN', h.id, h.title, 'handDownDecide', coalesce(h.updated_at, h.created_at), null::date,
       h.to_unit_id, false
from hand_down h
where :handDownDecide and h.status = :handDownReported and h.from_unit_id = :myBureau

union all

-- Items handed down to another bureau of my scope and overdue there, for urging.
select 'HAND_DOWN', h.id, h.title, 'handDownReport', coalesce(h.updated_at, h.created_at), h.due_on,
       h.to_unit_id, true
from hand_down h
where :urgeHandDowns
  and h.status in (:handDownIssued, :handDownReturned)
  and h.due_on <= :escalateBefore
  and h.to_unit_id <> :myBureau
  and h.to_unit_id = any (:units)
