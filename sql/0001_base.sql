-- Users, sessions, sign-in throttling and the audit log.
-- Timestamps are UTC DATETIME(6); the connection's time zone is +00:00.

CREATE TABLE languages (
	code		VARCHAR(16) NOT NULL,
	name		VARCHAR(100) NOT NULL,
	PRIMARY KEY (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO languages (code, name) VALUES ('en', 'English');

-- Logins compare case-insensitively (utf8mb4_unicode_ci), so "Admin" and
-- "admin" cannot both exist.
CREATE TABLE users (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	login		VARCHAR(100) NOT NULL,
	email		VARCHAR(254) NOT NULL DEFAULT '',
	first_name	VARCHAR(100) NOT NULL DEFAULT '',
	last_name	VARCHAR(100) NOT NULL DEFAULT '',
	password_hash	VARCHAR(255) NULL,
	role		ENUM('admin', 'learner') NOT NULL,
	language_code	VARCHAR(16) NOT NULL DEFAULT 'en',
	time_zone	VARCHAR(64) NOT NULL DEFAULT '',
	active		TINYINT(1) NOT NULL DEFAULT 1,
	created_at	DATETIME(6) NOT NULL,
	updated_at	DATETIME(6) NOT NULL,
	last_sign_in_at	DATETIME(6) NULL,
	PRIMARY KEY (id),
	UNIQUE KEY users_login (login),
	KEY users_role (role),
	CONSTRAINT users_language FOREIGN KEY (language_code)
	    REFERENCES languages (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A session is found by the SHA-256 of its cookie token; the token itself
-- is never stored.  impersonator_id is the admin viewing as this user.
CREATE TABLE sessions (
	token_hash	BINARY(32) NOT NULL,
	user_id		BIGINT UNSIGNED NOT NULL,
	impersonator_id	BIGINT UNSIGNED NULL,
	csrf_token	CHAR(43) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	created_at	DATETIME(6) NOT NULL,
	last_seen_at	DATETIME(6) NOT NULL,
	expires_at	DATETIME(6) NOT NULL,
	PRIMARY KEY (token_hash),
	KEY sessions_user (user_id),
	KEY sessions_expires (expires_at),
	CONSTRAINT sessions_user FOREIGN KEY (user_id) REFERENCES users (id)
	    ON DELETE CASCADE,
	CONSTRAINT sessions_impersonator FOREIGN KEY (impersonator_id)
	    REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Failed sign-ins per account (the login as typed) and per client address,
-- counted within a window that starts at the first failure.
CREATE TABLE login_attempts (
	kind		ENUM('account', 'address') NOT NULL,
	subject		VARCHAR(100) NOT NULL,
	failures	INT UNSIGNED NOT NULL,
	window_start	DATETIME(6) NOT NULL,
	last_failure	DATETIME(6) NOT NULL,
	PRIMARY KEY (kind, subject),
	KEY login_attempts_last (last_failure)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE audit_log (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	at		DATETIME(6) NOT NULL,
	actor_id	BIGINT UNSIGNED NULL,
	impersonator_id	BIGINT UNSIGNED NULL,
	action		VARCHAR(64) NOT NULL,
	target_type	VARCHAR(32) NOT NULL DEFAULT '',
	target_id	BIGINT UNSIGNED NULL,
	details		TEXT NOT NULL,
	PRIMARY KEY (id),
	KEY audit_log_at (at),
	KEY audit_log_target (target_type, target_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
