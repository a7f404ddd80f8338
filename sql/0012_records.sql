-- Records that administrators keep of learners' training besides course
-- results: attendance in classes, courses taken elsewhere, and the
-- checklist items a learner has ticked.  Calendar dates are in the site's
-- time zone; instants are UTC.

-- Written each time learners are added to a class.  Two additions to one
-- class at the same moment then write the same row, so on a Galera
-- cluster one of them fails certification and runs again, and its check
-- of the class's capacity counts the other's learners.
ALTER TABLE course_classes
	ADD COLUMN learners_changed_at DATETIME(6) NULL;

-- One row per class and learner, replaced each time the attendance is
-- recorded again.  status_on is the calendar day the status applies to.
CREATE TABLE class_attendance (
	class_id	BIGINT UNSIGNED NOT NULL,
	user_id		BIGINT UNSIGNED NOT NULL,
	status		ENUM('attended', 'completed', 'no_show', 'cancelled')
			NOT NULL,
	status_on	DATE NOT NULL,
	recorded_by	BIGINT UNSIGNED NULL,
	recorded_at	DATETIME(6) NOT NULL,
	PRIMARY KEY (class_id, user_id),
	KEY class_attendance_user (user_id),
	CONSTRAINT class_attendance_class FOREIGN KEY (class_id)
	    REFERENCES course_classes (id) ON DELETE CASCADE,
	CONSTRAINT class_attendance_user FOREIGN KEY (user_id)
	    REFERENCES users (id),
	CONSTRAINT class_attendance_recorded_by FOREIGN KEY (recorded_by)
	    REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Courses a learner took with another provider, recorded by an
-- administrator.  They are part of the learner's record only: no
-- certification counts them.
CREATE TABLE external_courses (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	user_id		BIGINT UNSIGNED NOT NULL,
	title		VARCHAR(200) NOT NULL,
	provider	VARCHAR(200) NOT NULL DEFAULT '',
	starts_on	DATE NOT NULL,
	ends_on		DATE NULL,
	status		ENUM('completed', 'in_progress', 'failed') NOT NULL,
	attended	TINYINT(1) NOT NULL DEFAULT 0,
	created_by	BIGINT UNSIGNED NULL,
	created_at	DATETIME(6) NOT NULL,
	updated_at	DATETIME(6) NOT NULL,
	PRIMARY KEY (id),
	KEY external_courses_user (user_id, starts_on),
	CONSTRAINT external_courses_user FOREIGN KEY (user_id)
	    REFERENCES users (id),
	CONSTRAINT external_courses_created_by FOREIGN KEY (created_by)
	    REFERENCES users (id) ON DELETE SET NULL,
	CONSTRAINT external_courses_dates CHECK
	    (ends_on IS NULL OR ends_on >= starts_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A ticked checklist item; unticking deletes the row.  ticked_by is the
-- learner or the administrator who ticked it.
CREATE TABLE checklist_progress (
	user_id		BIGINT UNSIGNED NOT NULL,
	item_id		BIGINT UNSIGNED NOT NULL,
	ticked_at	DATETIME(6) NOT NULL,
	ticked_by	BIGINT UNSIGNED NULL,
	PRIMARY KEY (user_id, item_id),
	KEY checklist_progress_item (item_id),
	CONSTRAINT checklist_progress_user FOREIGN KEY (user_id)
	    REFERENCES users (id),
	CONSTRAINT checklist_progress_item FOREIGN KEY (item_id)
	    REFERENCES checklist_items (id) ON DELETE CASCADE,
	CONSTRAINT checklist_progress_ticked_by FOREIGN KEY (ticked_by)
	    REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
