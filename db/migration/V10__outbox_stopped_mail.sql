-- The outbox no longer reads subscribers when it hands an email over: unsubscribing or suppression now stops the
-- subscriber's pending rows in the same transaction. Rows queued before that rule get the same treatment here.
update outbox set state = 'FAILED', last_error = 'not sent: the recipient is no longer subscribed',
    claimed_by = null, claimed_at = null, claim_token = null
where state = 'PENDING'
  and subscriber_id in (select id from subscriber where status = 'SUPPRESSED'
                        or (status = 'UNSUBSCRIBED' and outbox.digest_key not like 'acct-%'));
