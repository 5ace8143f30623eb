-- Subscribers a digest run could not plan (their profile failed to score or explain), with the reason, so one
-- subscriber never stops the run for the others and the operator can see who was left out and why. A re-run
-- tries them again and removes the record once they are planned.
create table digest_skip (
    digest_key    varchar(32)  not null,
    subscriber_id bigint       not null references subscriber (id) on delete cascade,
    reason        varchar(500) not null,
    skipped_at    timestamp with time zone not null,
    primary key (digest_key, subscriber_id)
);
