-- The operator's dashboard counts emails sent and sign-ups per day over the last 30 days: these keep each
-- count to the days it shows instead of a scan of every email and subscriber ever.
create index outbox_sent_at on outbox (sent_at);
create index subscriber_created_at on subscriber (created_at);
