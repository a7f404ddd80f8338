-- The catalog that administrators build: user types, user groups,
-- catalogs, courses with their classes, checklists and follow-ups,
-- certifications with their versions, and uploaded files.

CREATE TABLE user_types (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	name		VARCHAR(100) NOT NULL,
	description	VARCHAR(1000) NOT NULL DEFAULT '',
	created_at	DATETIME(6) NOT NULL,
	updated_at	DATETIME(6) NOT NULL,
	PRIMARY KEY (id),
	UNIQUE KEY user_types_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE users
	ADD COLUMN user_type_id BIGINT UNSIGNED NULL AFTER role,
	ADD KEY users_user_type (user_type_id),
	ADD KEY users_first_name (first_name),
	ADD KEY users_last_name (last_name, first_name),
	ADD KEY users_email (email),
	ADD CONSTRAINT users_user_type FOREIGN KEY (user_type_id)
	    REFERENCES user_types (id);

CREATE TABLE user_groups (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	name		VARCHAR(150) NOT NULL,
	description	VARCHAR(1000) NOT NULL DEFAULT '',
	created_at	DATETIME(6) NOT NULL,
	updated_at	DATETIME(6) NOT NULL,
	PRIMARY KEY (id),
	UNIQUE KEY user_groups_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE user_group_members (
	group_id	BIGINT UNSIGNED NOT NULL,
	user_id		BIGINT UNSIGNED NOT NULL,
	added_at	DATETIME(6) NOT NULL,
	PRIMARY KEY (group_id, user_id),
	KEY user_group_members_user (user_id),
	CONSTRAINT user_group_members_group FOREIGN KEY (group_id)
	    REFERENCES user_groups (id) ON DELETE CASCADE,
	CONSTRAINT user_group_members_user FOREIGN KEY (user_id)
	    REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE catalogs (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	name		VARCHAR(150) NOT NULL,
	description	VARCHAR(1000) NOT NULL DEFAULT '',
	active		TINYINT(1) NOT NULL DEFAULT 1,
	created_at	DATETIME(6) NOT NULL,
	updated_at	DATETIME(6) NOT NULL,
	PRIMARY KEY (id),
	UNIQUE KEY catalogs_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE courses (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	code		VARCHAR(50) NOT NULL,
	name		VARCHAR(200) NOT NULL,
	description	TEXT NOT NULL,
	language_code	VARCHAR(16) NOT NULL DEFAULT 'en',
	credit_hours	DECIMAL(6,2) NOT NULL DEFAULT 0,
	passing_score	TINYINT UNSIGNED NOT NULL DEFAULT 70,
	kind		ENUM('online', 'ilt') NOT NULL DEFAULT 'online',
	active		TINYINT(1) NOT NULL DEFAULT 1,
	created_at	DATETIME(6) NOT NULL,
	updated_at	DATETIME(6) NOT NULL,
	PRIMARY KEY (id),
	UNIQUE KEY courses_code (code),
	KEY courses_name (name),
	CONSTRAINT courses_language FOREIGN KEY (language_code)
	    REFERENCES languages (code),
	CONSTRAINT courses_passing_score CHECK (passing_score <= 100)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Dated sessions of a course, such as the classes of an instructor-led
-- course.  Times are UTC.
CREATE TABLE course_classes (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	course_id	BIGINT UNSIGNED NOT NULL,
	starts_at	DATETIME(6) NOT NULL,
	ends_at		DATETIME(6) NOT NULL,
	location	VARCHAR(200) NOT NULL DEFAULT '',
	instructor	VARCHAR(200) NOT NULL DEFAULT '',
	capacity	INT UNSIGNED NULL,
	created_at	DATETIME(6) NOT NULL,
	PRIMARY KEY (id),
	KEY course_classes_course (course_id, starts_at),
	CONSTRAINT course_classes_course FOREIGN KEY (course_id)
	    REFERENCES courses (id) ON DELETE CASCADE,
	CONSTRAINT course_classes_dates CHECK (ends_at >= starts_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE checklist_items (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	course_id	BIGINT UNSIGNED NOT NULL,
	position	INT UNSIGNED NOT NULL,
	text		VARCHAR(500) NOT NULL,
	PRIMARY KEY (id),
	KEY checklist_items_course (course_id, position),
	CONSTRAINT checklist_items_course FOREIGN KEY (course_id)
	    REFERENCES courses (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Prescriptive learning: a result in course_id of the kind in on_result
-- registers the learner in followup_course_id.
CREATE TABLE course_followups (
	course_id		BIGINT UNSIGNED NOT NULL,
	followup_course_id	BIGINT UNSIGNED NOT NULL,
	on_result		ENUM('pass', 'fail', 'complete') NOT NULL,
	PRIMARY KEY (course_id, followup_course_id, on_result),
	KEY course_followups_followup (followup_course_id),
	CONSTRAINT course_followups_course FOREIGN KEY (course_id)
	    REFERENCES courses (id) ON DELETE CASCADE,
	CONSTRAINT course_followups_followup FOREIGN KEY (followup_course_id)
	    REFERENCES courses (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Uploaded files, stored in Storage.Dir under storage_name (made by the
-- server); content_type was checked against the content.
CREATE TABLE files (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	storage_name	VARCHAR(100) CHARACTER SET ascii NOT NULL,
	purpose		ENUM('template_background', 'certification_image',
			     'certification_icon') NOT NULL,
	content_type	VARCHAR(50) CHARACTER SET ascii NOT NULL,
	size_bytes	BIGINT UNSIGNED NOT NULL,
	width		INT UNSIGNED NOT NULL,
	height		INT UNSIGNED NOT NULL,
	original_name	VARCHAR(255) NOT NULL DEFAULT '',
	uploaded_by	BIGINT UNSIGNED NULL,
	created_at	DATETIME(6) NOT NULL,
	PRIMARY KEY (id),
	UNIQUE KEY files_storage_name (storage_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE certificate_templates (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	name		VARCHAR(150) NOT NULL,
	page_size	ENUM('A4', 'Letter') NOT NULL DEFAULT 'A4',
	orientation	ENUM('portrait', 'landscape') NOT NULL DEFAULT 'landscape',
	background_file_id BIGINT UNSIGNED NULL,
	created_at	DATETIME(6) NOT NULL,
	updated_at	DATETIME(6) NOT NULL,
	PRIMARY KEY (id),
	UNIQUE KEY certificate_templates_name (name),
	CONSTRAINT certificate_templates_background FOREIGN KEY
	    (background_file_id) REFERENCES files (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Where each field prints on a template, in millimetres from the top left
-- corner of the page.
CREATE TABLE certificate_template_fields (
	template_id	BIGINT UNSIGNED NOT NULL,
	field		ENUM('learner_name', 'certificate_name', 'completed_on',
			     'expires_on', 'certificate_number', 'credit_hours',
			     'verification_code') NOT NULL,
	x_mm		DECIMAL(6,1) NOT NULL,
	y_mm		DECIMAL(6,1) NOT NULL,
	width_mm	DECIMAL(6,1) NOT NULL,
	height_mm	DECIMAL(6,1) NOT NULL,
	font_size	DECIMAL(4,1) NOT NULL DEFAULT 14,
	align		ENUM('left', 'center', 'right') NOT NULL DEFAULT 'center',
	PRIMARY KEY (template_id, field),
	CONSTRAINT certificate_template_fields_template FOREIGN KEY
	    (template_id) REFERENCES certificate_templates (id)
	    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A certification family holds what stays across versions: its
-- certificate numbering and the subscriptions of user groups.
-- last_issued_number is the highest number issued so far; next_number can
-- never be set to it or below.
CREATE TABLE certification_families (
	id			BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	number_format		ENUM('plain', 'prefix', 'year', 'external_year_month')
				NOT NULL DEFAULT 'plain',
	number_prefix		VARCHAR(30) NOT NULL DEFAULT '',
	number_width		TINYINT UNSIGNED NOT NULL DEFAULT 6,
	start_number		BIGINT UNSIGNED NOT NULL DEFAULT 1,
	next_number		BIGINT UNSIGNED NOT NULL DEFAULT 1,
	last_issued_number	BIGINT UNSIGNED NOT NULL DEFAULT 0,
	created_at		DATETIME(6) NOT NULL,
	PRIMARY KEY (id),
	CONSTRAINT certification_families_next CHECK
	    (next_number > last_issued_number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per version.  The newest version of a family is the one that
-- user groups' subscriptions lead to; older versions are read-only.
CREATE TABLE certifications (
	id			BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	family_id		BIGINT UNSIGNED NOT NULL,
	version			INT UNSIGNED NOT NULL,
	name			VARCHAR(200) NOT NULL,
	description		TEXT NOT NULL,
	language_code		VARCHAR(16) NOT NULL DEFAULT 'en',
	active			TINYINT(1) NOT NULL DEFAULT 1,
	days_to_complete	SMALLINT UNSIGNED NULL,
	availability		ENUM('certification', 'course_group') NOT NULL
				DEFAULT 'certification',
	certificate_template_id	BIGINT UNSIGNED NULL,
	catalog_id		BIGINT UNSIGNED NULL,
	required_electives	INT UNSIGNED NOT NULL DEFAULT 0,
	name_on_certificate	VARCHAR(200) NOT NULL DEFAULT '',
	display_individually	TINYINT(1) NOT NULL DEFAULT 0,
	show_progress_bar	TINYINT(1) NOT NULL DEFAULT 1,
	expiration_type		ENUM('interval', 'perpetual') NOT NULL
				DEFAULT 'perpetual',
	expire_days		INT UNSIGNED NULL,
	provisional		TINYINT(1) NOT NULL DEFAULT 0,
	external_id		VARCHAR(50) NOT NULL DEFAULT '',
	image_file_id		BIGINT UNSIGNED NULL,
	icon_file_id		BIGINT UNSIGNED NULL,
	disable_completion_email TINYINT(1) NOT NULL DEFAULT 0,
	priced			TINYINT(1) NOT NULL DEFAULT 0,
	pay_credit_card		TINYINT(1) NOT NULL DEFAULT 0,
	pay_purchase_order	TINYINT(1) NOT NULL DEFAULT 0,
	pay_voucher		TINYINT(1) NOT NULL DEFAULT 0,
	prerequisite_rule	ENUM('all', 'any') NOT NULL DEFAULT 'all',
	created_at		DATETIME(6) NOT NULL,
	updated_at		DATETIME(6) NOT NULL,
	PRIMARY KEY (id),
	UNIQUE KEY certifications_version (family_id, version),
	KEY certifications_name (name),
	KEY certifications_catalog (catalog_id),
	CONSTRAINT certifications_family FOREIGN KEY (family_id)
	    REFERENCES certification_families (id),
	CONSTRAINT certifications_language FOREIGN KEY (language_code)
	    REFERENCES languages (code),
	CONSTRAINT certifications_template FOREIGN KEY
	    (certificate_template_id) REFERENCES certificate_templates (id),
	CONSTRAINT certifications_catalog FOREIGN KEY (catalog_id)
	    REFERENCES catalogs (id),
	CONSTRAINT certifications_image FOREIGN KEY (image_file_id)
	    REFERENCES files (id),
	CONSTRAINT certifications_icon FOREIGN KEY (icon_file_id)
	    REFERENCES files (id),
	CONSTRAINT certifications_days CHECK
	    (days_to_complete IS NULL OR days_to_complete BETWEEN 1 AND 365),
	CONSTRAINT certifications_expiry CHECK
	    (expiration_type = 'perpetual' OR expire_days >= 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE certification_user_types (
	certification_id	BIGINT UNSIGNED NOT NULL,
	user_type_id		BIGINT UNSIGNED NOT NULL,
	PRIMARY KEY (certification_id, user_type_id),
	KEY certification_user_types_type (user_type_id),
	CONSTRAINT certification_user_types_certification FOREIGN KEY
	    (certification_id) REFERENCES certifications (id) ON DELETE CASCADE,
	CONSTRAINT certification_user_types_type FOREIGN KEY (user_type_id)
	    REFERENCES user_types (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A certification version requires other certifications, named by family
-- so that any completed version of them counts.
CREATE TABLE certification_prerequisites (
	certification_id	BIGINT UNSIGNED NOT NULL,
	required_family_id	BIGINT UNSIGNED NOT NULL,
	PRIMARY KEY (certification_id, required_family_id),
	KEY certification_prerequisites_required (required_family_id),
	CONSTRAINT certification_prerequisites_certification FOREIGN KEY
	    (certification_id) REFERENCES certifications (id) ON DELETE CASCADE,
	CONSTRAINT certification_prerequisites_required FOREIGN KEY
	    (required_family_id) REFERENCES certification_families (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE certification_courses (
	certification_id	BIGINT UNSIGNED NOT NULL,
	course_id		BIGINT UNSIGNED NOT NULL,
	requirement		ENUM('required', 'elective', 'none') NOT NULL
				DEFAULT 'none',
	position		INT UNSIGNED NOT NULL,
	PRIMARY KEY (certification_id, course_id),
	KEY certification_courses_course (course_id),
	CONSTRAINT certification_courses_certification FOREIGN KEY
	    (certification_id) REFERENCES certifications (id) ON DELETE CASCADE,
	CONSTRAINT certification_courses_course FOREIGN KEY (course_id)
	    REFERENCES courses (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE certification_prices (
	certification_id	BIGINT UNSIGNED NOT NULL,
	currency		CHAR(3) CHARACTER SET ascii NOT NULL,
	amount			DECIMAL(12,2) NOT NULL,
	PRIMARY KEY (certification_id, currency),
	CONSTRAINT certification_prices_certification FOREIGN KEY
	    (certification_id) REFERENCES certifications (id) ON DELETE CASCADE,
	CONSTRAINT certification_prices_amount CHECK (amount >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A user group's subscription to a certification family: its members may
-- enrol in the newest version, and with auto_enroll they are enrolled at
-- sign-in.
CREATE TABLE user_group_certifications (
	group_id	BIGINT UNSIGNED NOT NULL,
	family_id	BIGINT UNSIGNED NOT NULL,
	auto_enroll	TINYINT(1) NOT NULL DEFAULT 0,
	created_at	DATETIME(6) NOT NULL,
	PRIMARY KEY (group_id, family_id),
	KEY user_group_certifications_family (family_id),
	CONSTRAINT user_group_certifications_group FOREIGN KEY (group_id)
	    REFERENCES user_groups (id) ON DELETE CASCADE,
	CONSTRAINT user_group_certifications_family FOREIGN KEY (family_id)
	    REFERENCES certification_families (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
