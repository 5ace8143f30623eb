-- What each subscriber chose about their digests (docs/architecture.md, "Scheduling"). Null hour and zone mean
-- the configured defaults; null papers per email means the configured default.
alter table subscriber add column frequency varchar(8) not null default 'DAILY';
alter table subscriber add column weekday varchar(9) not null default 'MONDAY';
alter table subscriber add column delivery_hour int;
alter table subscriber add column time_zone varchar(64);
alter table subscriber add column max_papers int;

-- When the scheduler next looks at the subscriber (null: not yet scheduled), and the last paper day their
-- digests covered: the next digest starts the day after it, so catching up after downtime sends nothing twice.
alter table subscriber add column next_digest_at timestamp with time zone;
alter table subscriber add column last_digest_end date;
create index subscriber_next_digest on subscriber (status, next_digest_at);

-- Feed links signed before this instant (epoch milliseconds) no longer work: "reset feed link" moves it.
alter table subscriber add column feed_links_valid_from bigint not null default 0;

-- The paper days an email covers, carried on the row so composing never parses its key.
alter table outbox add column period_start date;
alter table outbox add column period_end date;
update outbox set period_start = cast(digest_key as date), period_end = cast(digest_key as date)
where digest_key not like 'acct-%' and digest_key like '____-__-__';
