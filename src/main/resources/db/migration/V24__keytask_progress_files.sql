-- Attachments on key-task progress updates (meeting minutes, photos, the deliverable itself). The key-task plan's
-- tables live in the ledger range (V13), so this one does too; the campaign module owns it.
create table key_task_file (
    id           uuid         primary key,
    task_id      uuid         not null references key_task (id) on delete cascade,
    progress_id  uuid         not null references key_task_progress (id) on delete cascade,
    file_name    varchar(200) not null,
    content_type varchar(100) not null,
    size         bigint       not null,
    sha256       varchar(64)  not null,
    content      bytea        not null,
    uploaded_by  varchar(50)  not null,
    uploaded_at  timestamp with time zone not null
);
create index key_task_file_task_idx on key_task_file (task_id, progress_id);
