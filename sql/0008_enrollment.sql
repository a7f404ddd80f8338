-- Enrolments in certifications, registrations in courses, and the ways a
-- learner pays for a priced certification (vouchers, purchase orders).

-- One enrolment per user and certification family (the unique key is what
-- makes enrolling twice, or fifty times at once, leave one row).
-- certification_id is the version the learner enrolled in; calendar
-- dates are in the site's time zone.
CREATE TABLE enrollments (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	user_id		BIGINT UNSIGNED NOT NULL,
	family_id	BIGINT UNSIGNED NOT NULL,
	certification_id BIGINT UNSIGNED NOT NULL,
	method		ENUM('admin', 'self', 'auto', 'voucher',
			     'purchase_order', 'import') NOT NULL,
	enrolled_by	BIGINT UNSIGNED NULL,
	enrolled_at	DATETIME(6) NOT NULL,
	enrolled_on	DATE NOT NULL,
	complete_by	DATE NULL,
	status		ENUM('in_progress', 'completed', 'expired', 'revoked',
			     'cancelled') NOT NULL DEFAULT 'in_progress',
	completed_on	DATE NULL,
	expires_on	DATE NULL,
	cancelled_on	DATE NULL,
	status_reason	VARCHAR(1000) NOT NULL DEFAULT '',
	PRIMARY KEY (id),
	UNIQUE KEY enrollments_user_family (user_id, family_id),
	KEY enrollments_family (family_id, status),
	KEY enrollments_certification (certification_id),
	KEY enrollments_expires (expires_on),
	CONSTRAINT enrollments_user FOREIGN KEY (user_id) REFERENCES users (id),
	CONSTRAINT enrollments_family FOREIGN KEY (family_id)
	    REFERENCES certification_families (id),
	CONSTRAINT enrollments_certification FOREIGN KEY (certification_id)
	    REFERENCES certifications (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A learner's registration in a course: one per user and course, shared
-- by every certification that contains the course.
CREATE TABLE course_registrations (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	user_id		BIGINT UNSIGNED NOT NULL,
	course_id	BIGINT UNSIGNED NOT NULL,
	class_id	BIGINT UNSIGNED NULL,
	method		ENUM('admin', 'self', 'enrollment', 'followup',
			     'import') NOT NULL,
	registered_at	DATETIME(6) NOT NULL,
	status		ENUM('registered', 'in_progress', 'completed', 'failed',
			     'cancelled') NOT NULL DEFAULT 'registered',
	score		DECIMAL(5,2) NULL,
	completed_on	DATE NULL,
	cancelled_on	DATE NULL,
	PRIMARY KEY (id),
	UNIQUE KEY course_registrations_user_course (user_id, course_id),
	KEY course_registrations_course (course_id, status),
	CONSTRAINT course_registrations_user FOREIGN KEY (user_id)
	    REFERENCES users (id),
	CONSTRAINT course_registrations_course FOREIGN KEY (course_id)
	    REFERENCES courses (id),
	CONSTRAINT course_registrations_class FOREIGN KEY (class_id)
	    REFERENCES course_classes (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE vouchers (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	code		VARCHAR(40) CHARACTER SET ascii NOT NULL,
	family_id	BIGINT UNSIGNED NOT NULL,
	uses_allowed	INT UNSIGNED NOT NULL,
	uses_count	INT UNSIGNED NOT NULL DEFAULT 0,
	expires_on	DATE NOT NULL,
	created_by	BIGINT UNSIGNED NULL,
	created_at	DATETIME(6) NOT NULL,
	PRIMARY KEY (id),
	UNIQUE KEY vouchers_code (code),
	KEY vouchers_family (family_id),
	CONSTRAINT vouchers_family FOREIGN KEY (family_id)
	    REFERENCES certification_families (id),
	CONSTRAINT vouchers_uses CHECK (uses_count <= uses_allowed)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per learner who redeemed a voucher: the primary key keeps a use
-- from being counted twice.
CREATE TABLE voucher_redemptions (
	voucher_id	BIGINT UNSIGNED NOT NULL,
	user_id		BIGINT UNSIGNED NOT NULL,
	redeemed_at	DATETIME(6) NOT NULL,
	PRIMARY KEY (voucher_id, user_id),
	CONSTRAINT voucher_redemptions_voucher FOREIGN KEY (voucher_id)
	    REFERENCES vouchers (id),
	CONSTRAINT voucher_redemptions_user FOREIGN KEY (user_id)
	    REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE purchase_orders (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	user_id		BIGINT UNSIGNED NOT NULL,
	family_id	BIGINT UNSIGNED NOT NULL,
	po_number	VARCHAR(60) NOT NULL,
	status		ENUM('pending', 'approved', 'rejected') NOT NULL
			DEFAULT 'pending',
	reason		VARCHAR(1000) NOT NULL DEFAULT '',
	submitted_at	DATETIME(6) NOT NULL,
	decided_by	BIGINT UNSIGNED NULL,
	decided_at	DATETIME(6) NULL,
	PRIMARY KEY (id),
	UNIQUE KEY purchase_orders_request (user_id, family_id, po_number),
	KEY purchase_orders_status (status, submitted_at),
	CONSTRAINT purchase_orders_user FOREIGN KEY (user_id)
	    REFERENCES users (id),
	CONSTRAINT purchase_orders_family FOREIGN KEY (family_id)
	    REFERENCES certification_families (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
