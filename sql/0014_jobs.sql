-- Background jobs for laurel-worker, the certificates it prints, and the
-- schedule of its periodic tasks.

-- A job is claimed by a worker for a lease: lease_owner names the worker
-- process and lease_until is when another worker may take the job over.
-- payload contains the job's parameters as an application/x-www-form-urlencoded
-- string.  dedupe_key, when set, keeps a job from being queued twice.
-- result_file is the name of the file the job wrote under Storage.Dir and
-- result_name the name a download gets.
CREATE TABLE jobs (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	kind		VARCHAR(40) CHARACTER SET ascii NOT NULL,
	payload		VARCHAR(2000) NOT NULL DEFAULT '',
	dedupe_key	VARCHAR(100) CHARACTER SET ascii NULL,
	state		ENUM('queued', 'running', 'done', 'failed') NOT NULL
			DEFAULT 'queued',
	attempts	INT UNSIGNED NOT NULL DEFAULT 0,
	max_attempts	INT UNSIGNED NOT NULL DEFAULT 5,
	run_after	DATETIME(6) NOT NULL,
	lease_owner	VARCHAR(100) NOT NULL DEFAULT '',
	lease_until	DATETIME(6) NULL,
	progress	TINYINT UNSIGNED NOT NULL DEFAULT 0,
	result_file	VARCHAR(100) CHARACTER SET ascii NOT NULL DEFAULT '',
	result_name	VARCHAR(255) NOT NULL DEFAULT '',
	last_error	VARCHAR(1000) NOT NULL DEFAULT '',
	created_by	BIGINT UNSIGNED NULL,
	created_at	DATETIME(6) NOT NULL,
	finished_at	DATETIME(6) NULL,
	PRIMARY KEY (id),
	UNIQUE KEY jobs_dedupe (dedupe_key),
	KEY jobs_queue (state, run_after),
	KEY jobs_lease (state, lease_until),
	KEY jobs_finished (finished_at),
	CONSTRAINT jobs_progress CHECK (progress <= 100),
	CONSTRAINT jobs_created_by FOREIGN KEY (created_by) REFERENCES users (id)
	    ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A certificate is issued when a completed certification is first
-- printed, one per enrolment and completion date: a reprint finds the row
-- and shows the same number and date.  The number comes from the family's
-- next_number in the same transaction; the unique keys keep numbers and
-- verification codes distinct on every node of a cluster.
CREATE TABLE certificates (
	id			BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	enrollment_id		BIGINT UNSIGNED NOT NULL,
	completed_on		DATE NOT NULL,
	expires_on		DATE NULL,
	user_id			BIGINT UNSIGNED NOT NULL,
	family_id		BIGINT UNSIGNED NOT NULL,
	certification_id	BIGINT UNSIGNED NOT NULL,
	number			BIGINT UNSIGNED NOT NULL,
	number_text		VARCHAR(100) NOT NULL,
	verification_code	CHAR(16) CHARACTER SET ascii NOT NULL,
	issued_at		DATETIME(6) NOT NULL,
	issued_on		DATE NOT NULL,
	file_name		VARCHAR(100) CHARACTER SET ascii NOT NULL DEFAULT '',
	PRIMARY KEY (id),
	UNIQUE KEY certificates_completion (enrollment_id, completed_on),
	UNIQUE KEY certificates_number (family_id, number),
	UNIQUE KEY certificates_code (verification_code),
	KEY certificates_user (user_id),
	CONSTRAINT certificates_enrollment FOREIGN KEY (enrollment_id)
	    REFERENCES enrollments (id) ON DELETE CASCADE,
	CONSTRAINT certificates_user FOREIGN KEY (user_id) REFERENCES users (id),
	CONSTRAINT certificates_family FOREIGN KEY (family_id)
	    REFERENCES certification_families (id),
	CONSTRAINT certificates_certification FOREIGN KEY (certification_id)
	    REFERENCES certifications (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- When each periodic task of laurel-worker runs next.  A worker runs a
-- task only after its UPDATE moved next_run_at forward, so one worker in
-- the cluster runs it each time.
CREATE TABLE worker_tasks (
	name		VARCHAR(40) CHARACTER SET ascii NOT NULL,
	next_run_at	DATETIME(6) NOT NULL,
	last_run_at	DATETIME(6) NULL,
	last_result	VARCHAR(1000) NOT NULL DEFAULT '',
	PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO worker_tasks (name, next_run_at) VALUES
	('expire_certifications', '2000-01-01'),
	('purge_sessions', '2000-01-01'),
	('purge_exports', '2000-01-01'),
	('fail_abandoned_jobs', '2000-01-01');
