-- The one line a subscriber may leave when they unsubscribe; cleared when they subscribe again.
alter table subscriber add column unsubscribe_reason varchar(200);
