-- The admin's Outbox lists every message newest first.  Without an index
-- on created_at that is a sort of the whole table per page (59 ms at
-- 200,000 messages), and the outbox only grows.
ALTER TABLE mail_outbox ADD KEY mail_outbox_created (created_at);
