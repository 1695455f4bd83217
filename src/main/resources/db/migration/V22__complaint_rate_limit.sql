-- Rate-limit counters of the public complaint routes, shared by all application instances: one row per kind and
-- address pseudonym (an HMAC of the address; the address itself is stored nowhere), a fixed window and its count.
-- Unlogged: the counters are written on every public request and are worth no WAL flush; after a crash of the
-- database server they start again from zero, which gives a guesser at most one extra window.
create unlogged table complaint_rate_limit (
    bucket       varchar(60) primary key,
    window_start timestamp with time zone not null,
    hits         integer     not null
);
create index complaint_rate_limit_window_idx on complaint_rate_limit (window_start);
