-- A fencing token per claim: a row whose lease expired and was claimed again can be handed to the relay by
-- one claimant only, the one whose token is still on the row.
alter table outbox add column claim_token varchar(36);
