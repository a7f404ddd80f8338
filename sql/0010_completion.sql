-- Messages waiting to be sent, such as the certification completion
-- e-mail.  Rows are written in the transaction that completes the
-- certification, so a message exists exactly when its event does.
CREATE TABLE mail_outbox (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	user_id		BIGINT UNSIGNED NULL,
	recipient	VARCHAR(254) NOT NULL,
	subject		VARCHAR(500) NOT NULL,
	body		TEXT NOT NULL,
	kind		VARCHAR(40) CHARACTER SET ascii NOT NULL,
	dedupe_key	VARCHAR(100) CHARACTER SET ascii NOT NULL,
	status		ENUM('queued', 'sent', 'failed') NOT NULL DEFAULT 'queued',
	attempts	INT UNSIGNED NOT NULL DEFAULT 0,
	last_error	VARCHAR(1000) NOT NULL DEFAULT '',
	created_at	DATETIME(6) NOT NULL,
	sent_at		DATETIME(6) NULL,
	PRIMARY KEY (id),
	UNIQUE KEY mail_outbox_dedupe (dedupe_key),
	KEY mail_outbox_status (status, created_at),
	CONSTRAINT mail_outbox_user FOREIGN KEY (user_id) REFERENCES users (id)
	    ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
