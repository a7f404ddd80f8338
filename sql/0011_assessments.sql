-- Online courses: the content a learner opens, and an assessment that
-- grades the learner's answers into a course result.

-- Course documents are PDF files, stored like the images.  width and
-- height are 0 for them.
ALTER TABLE files MODIFY purpose ENUM('template_background',
    'certification_image', 'certification_icon', 'course_document') NOT NULL;

-- The content of a course: plain text (web addresses in it become links
-- when shown, and nothing in it is read as HTML) and an optional document.
-- The unique key keeps a document file to one course.
CREATE TABLE course_contents (
	course_id	BIGINT UNSIGNED NOT NULL,
	body		MEDIUMTEXT NOT NULL,
	document_file_id BIGINT UNSIGNED NULL,
	updated_at	DATETIME(6) NOT NULL,
	PRIMARY KEY (course_id),
	UNIQUE KEY course_contents_document (document_file_id),
	CONSTRAINT course_contents_course FOREIGN KEY (course_id)
	    REFERENCES courses (id) ON DELETE CASCADE,
	CONSTRAINT course_contents_document FOREIGN KEY (document_file_id)
	    REFERENCES files (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The first time each learner opened a course's content.  "Mark as
-- complete" needs this row.
CREATE TABLE course_content_opens (
	user_id		BIGINT UNSIGNED NOT NULL,
	course_id	BIGINT UNSIGNED NOT NULL,
	opened_at	DATETIME(6) NOT NULL,
	PRIMARY KEY (user_id, course_id),
	KEY course_content_opens_course (course_id),
	CONSTRAINT course_content_opens_user FOREIGN KEY (user_id)
	    REFERENCES users (id),
	CONSTRAINT course_content_opens_course FOREIGN KEY (course_id)
	    REFERENCES courses (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Settings of a course's assessment.  A course has an assessment when it
-- has at least one question; the passing score is courses.passing_score.
-- A NULL attempt limit allows any number of attempts.
CREATE TABLE assessments (
	course_id	BIGINT UNSIGNED NOT NULL,
	attempt_limit	SMALLINT UNSIGNED NULL,
	updated_at	DATETIME(6) NOT NULL,
	PRIMARY KEY (course_id),
	CONSTRAINT assessments_course FOREIGN KEY (course_id)
	    REFERENCES courses (id) ON DELETE CASCADE,
	CONSTRAINT assessments_attempt_limit CHECK (attempt_limit IS NULL OR
	    attempt_limit BETWEEN 1 AND 100)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- multiple = 1 lets the learner choose several options (check boxes
-- instead of radio buttons), and only then may several options be
-- correct.  The unique key on the position makes concurrent additions
-- conflict instead of sharing a place.
CREATE TABLE assessment_questions (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	course_id	BIGINT UNSIGNED NOT NULL,
	position	INT UNSIGNED NOT NULL,
	prompt		TEXT NOT NULL,
	multiple	TINYINT(1) NOT NULL DEFAULT 0,
	created_at	DATETIME(6) NOT NULL,
	updated_at	DATETIME(6) NOT NULL,
	PRIMARY KEY (id),
	UNIQUE KEY assessment_questions_position (course_id, position),
	CONSTRAINT assessment_questions_course FOREIGN KEY (course_id)
	    REFERENCES courses (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE assessment_options (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	question_id	BIGINT UNSIGNED NOT NULL,
	position	SMALLINT UNSIGNED NOT NULL,
	label		VARCHAR(500) NOT NULL,
	correct		TINYINT(1) NOT NULL DEFAULT 0,
	PRIMARY KEY (id),
	KEY assessment_options_question (question_id, position),
	CONSTRAINT assessment_options_question FOREIGN KEY (question_id)
	    REFERENCES assessment_questions (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per attempt, numbered from 1 for each learner and course; the
-- unique key keeps two attempts from taking the same number, which
-- enforces the attempt limit under concurrent requests.  The result
-- columns are set when the attempt is submitted, in the transaction that
-- records the course result.  score_hundredths is hundredths of a percent
-- (7550 is 75.50%).
CREATE TABLE assessment_attempts (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	user_id		BIGINT UNSIGNED NOT NULL,
	course_id	BIGINT UNSIGNED NOT NULL,
	number		INT UNSIGNED NOT NULL,
	started_at	DATETIME(6) NOT NULL,
	finished_at	DATETIME(6) NULL,
	questions	INT UNSIGNED NOT NULL DEFAULT 0,
	correct		INT UNSIGNED NOT NULL DEFAULT 0,
	score_hundredths SMALLINT UNSIGNED NULL,
	passed		TINYINT(1) NULL,
	PRIMARY KEY (id),
	UNIQUE KEY assessment_attempts_number (user_id, course_id, number),
	KEY assessment_attempts_course (course_id),
	CONSTRAINT assessment_attempts_user FOREIGN KEY (user_id)
	    REFERENCES users (id),
	CONSTRAINT assessment_attempts_course FOREIGN KEY (course_id)
	    REFERENCES courses (id) ON DELETE CASCADE,
	CONSTRAINT assessment_attempts_score CHECK (score_hundredths <= 10000)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The options a learner chose in an attempt.  Deleting an option (or its
-- question) removes these rows; the attempt keeps its score.
CREATE TABLE assessment_answers (
	attempt_id	BIGINT UNSIGNED NOT NULL,
	option_id	BIGINT UNSIGNED NOT NULL,
	PRIMARY KEY (attempt_id, option_id),
	KEY assessment_answers_option (option_id),
	CONSTRAINT assessment_answers_attempt FOREIGN KEY (attempt_id)
	    REFERENCES assessment_attempts (id) ON DELETE CASCADE,
	CONSTRAINT assessment_answers_option FOREIGN KEY (option_id)
	    REFERENCES assessment_options (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
