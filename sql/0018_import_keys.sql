-- Natural keys for the rows that an import creates, so that running the
-- import again finds the rows of the earlier run instead of adding new
-- ones.  Also the history of learners who took a course more than once.

-- A class code names a class within its course, such as "AAA-2013J" for
-- the October 2013 presentation of module AAA.  Classes created in the
-- application have none (NULL, which the unique key allows many times).
ALTER TABLE course_classes
	ADD COLUMN code VARCHAR(50) NULL AFTER course_id,
	ADD UNIQUE KEY course_classes_code (course_id, code);

-- The name by which an import finds a certification family, such as
-- "oulad:STEM Foundation".  NULL for families created in the application.
ALTER TABLE certification_families
	ADD COLUMN import_key VARCHAR(100) CHARACTER SET ascii NULL,
	ADD UNIQUE KEY certification_families_import_key (import_key);

-- The other registrations of a learner in a course besides the one in
-- course_registrations, which stays one per learner and course because
-- enrolment, completion and the learner's pages rely on that.  An import
-- puts the registration that decides the learner's standing in
-- course_registrations (the earliest completed one, else the latest) and
-- the learner's other attempts here, such as a failed attempt before a
-- retake.  completed_on is the day the result was given, for a failed
-- attempt too.  The unique key is the import's natural key: one row per
-- learner and class.
CREATE TABLE course_registration_history (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	user_id		BIGINT UNSIGNED NOT NULL,
	course_id	BIGINT UNSIGNED NOT NULL,
	class_id	BIGINT UNSIGNED NULL,
	method		ENUM('admin', 'self', 'enrollment', 'followup',
			     'import') NOT NULL,
	registered_at	DATETIME(6) NOT NULL,
	status		ENUM('registered', 'in_progress', 'completed', 'failed',
			     'cancelled') NOT NULL,
	score		DECIMAL(5,2) NULL,
	completed_on	DATE NULL,
	cancelled_on	DATE NULL,
	PRIMARY KEY (id),
	UNIQUE KEY course_registration_history_user_class (user_id, class_id),
	KEY course_registration_history_user_course (user_id, course_id),
	KEY course_registration_history_course (course_id),
	KEY course_registration_history_class (class_id),
	CONSTRAINT course_registration_history_user FOREIGN KEY (user_id)
	    REFERENCES users (id),
	CONSTRAINT course_registration_history_course FOREIGN KEY (course_id)
	    REFERENCES courses (id),
	CONSTRAINT course_registration_history_class FOREIGN KEY (class_id)
	    REFERENCES course_classes (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
