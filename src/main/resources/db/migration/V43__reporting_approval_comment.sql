-- The leading group may return a draft to the work team instead of approving it (退回修改), saying why; the comment
-- stays on the report until it is approved.
alter table report add column approval_comment text;
