-- Delivery of the mail outbox by laurel-worker.
--
-- next_attempt_at is when a queued message is due: NULL for a message
-- never tried, which is due at once, so the statements that queue mail
-- need not know about delivery.  A worker that claims a message moves
-- next_attempt_at to the end of its lease, so the due index skips
-- messages being sent, and a message whose worker stopped is due again
-- when the lease ends.  lease_owner (host:pid) and lease_until let only
-- the claiming worker record the outcome.
ALTER TABLE mail_outbox
	ADD COLUMN next_attempt_at DATETIME(6) NULL AFTER attempts,
	ADD COLUMN lease_owner VARCHAR(100) NOT NULL DEFAULT ''
	    AFTER next_attempt_at,
	ADD COLUMN lease_until DATETIME(6) NULL AFTER lease_owner,
	ADD KEY mail_outbox_due (status, next_attempt_at);
