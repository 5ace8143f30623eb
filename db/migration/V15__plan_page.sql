-- The queue that shares a planning run among instances. A run's subscribers are cut into fixed-width id ranges,
-- one row each; every instance that plans claims the next free range (FOR UPDATE SKIP LOCKED), so scoring scales
-- with instances. A claim is a lease: a range whose instance died is claimed again once claimed_until has passed.
-- The run key says what the run plans (a day, or the digests due at an instant), so any instance can join it.
create table plan_page (
    run_key       varchar(64)  not null,
    first_id      bigint       not null,
    end_id        bigint,
    claimed_by    varchar(128),
    claimed_until timestamp with time zone,
    done_at       timestamp with time zone,
    scored        integer      not null default 0,
    queued        integer      not null default 0,
    primary key (run_key, first_id)
);
create index plan_page_open on plan_page (done_at);
