-- Evidence files on inspection findings (photos as JPEG/PNG, documents as PDF), kept in the database behind the
-- inspection module's FindingEvidenceStore interface. Append-only: a file is never changed, only added.
create table inspection_evidence_file (
    id           uuid         primary key,
    finding_id   uuid         not null references inspection_finding (id) on delete cascade,
    file_name    varchar(200) not null,
    content_type varchar(100) not null check (content_type in ('image/jpeg', 'image/png', 'application/pdf')),
    size         bigint       not null,
    sha256       varchar(64)  not null,
    content      bytea        not null,
    uploaded_by  varchar(50)  not null,
    uploaded_at  timestamp with time zone not null
);
create index inspection_evidence_file_finding_idx on inspection_evidence_file (finding_id);
