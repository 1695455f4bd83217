-- An email address per staff member, used for reminders by email when SMTP is configured (duban.mail.enabled).
alter table staff add column email varchar(200);
