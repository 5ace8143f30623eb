-- Every email changes its outbox row three times (claim, SENDING, SENT), and PostgreSQL writes a new entry into
-- every index for each change unless it can make it a heap-only (HOT) update: same page, no indexed column
-- changed. Measured on the send benchmark: 6,294 of 660,150 updates were HOT.
--
-- The due index holds PENDING rows only, so rows leaving the queue add nothing to it.
drop index outbox_due;
create index outbox_due on outbox (next_attempt_at) where state = 'PENDING';
-- Room on each page for a row's next version, so a claim (which changes no indexed column) is a HOT update.
alter table outbox set (fillfactor = 50);
