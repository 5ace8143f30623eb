-- One instance ingests a given day per source: the first to insert the row runs; the others skip it. A claim
-- that never finished (its instance died) can be taken over once it is older than the lease.
create table ingest_claim (
    source      varchar(32) not null,
    for_day     date        not null,
    claimed_by  varchar(128) not null,
    claimed_at  timestamp with time zone not null,
    done        boolean     not null,
    primary key (source, for_day)
);
