-- Change counters for the page cache of laurel-fcgi (fcgi/pagecache.c).
--
-- Every change to content inserts a row here from a trigger.  A row with
-- user_id NULL belongs to the catalog scope (what every user may see:
-- certifications, courses, groups and their subscriptions); a row with a
-- user_id belongs to that user's scope (the rows of one learner:
-- enrolments, registrations, results, memberships).  The newest id of a
-- scope is its version, and a cached page is valid only while the
-- versions it was rendered with are still the newest.
--
-- Rows are only ever inserted, never updated, so concurrent changes never
-- write the same row and never conflict on a Galera cluster the way a
-- shared counter row would.  laurel-worker's prune_change_log task
-- deletes rows older than an hour but keeps the newest row of each
-- scope, so a version never goes back to an earlier value.
--
-- Triggers do not fire for changes made by foreign key actions (ON DELETE
-- CASCADE, SET NULL).  Every such action here starts from a change to a
-- parent row that has triggers of its own, and that change bumps the
-- catalog scope or the same user's scope.
--
-- Creating triggers needs the TRIGGER privilege, and with binary logging
-- on also log_bin_trust_function_creators = 1 (or the SUPER privilege).
-- Each trigger body is one statement, because the migrator ends a
-- statement at a line that ends with ';'.
--
-- Tables without triggers, because no page shows what they hold as
-- content: sessions, login_attempts, audit_log, jobs, mail_outbox,
-- worker_tasks, schema_migrations, change_log itself, and
-- certification_prerequisite_saves (a lock row that
-- certification_prerequisites' own triggers accompany).
-- tests/http/pagecache.sh fails when another table lacks its triggers.

CREATE TABLE change_log (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	user_id		BIGINT UNSIGNED NULL,
	created_at	DATETIME(6) NOT NULL DEFAULT UTC_TIMESTAMP(6),
	PRIMARY KEY (id),
	KEY change_log_scope (user_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Users: a new or deleted user changes lists of users (catalog scope) and
-- the user's own pages.  An update always bumps the user's own scope, and
-- bumps the catalog scope too unless only password_hash, updated_at or
-- last_sign_in_at changed, so signing in does not invalidate every
-- cached page.  A column added to users must be added to the list below
-- (tests/http/pagecache.sh checks that every column is either listed or
-- one of those three).
CREATE TRIGGER users_log_ins AFTER INSERT ON users FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL), (NEW.id);
CREATE TRIGGER users_log_upd AFTER UPDATE ON users FOR EACH ROW
	INSERT INTO change_log (user_id) SELECT NEW.id
	UNION ALL SELECT NULL FROM DUAL WHERE NOT (OLD.id <=> NEW.id
	AND OLD.login <=> NEW.login AND OLD.email <=> NEW.email
	AND OLD.first_name <=> NEW.first_name
	AND OLD.last_name <=> NEW.last_name AND OLD.role <=> NEW.role
	AND OLD.user_type_id <=> NEW.user_type_id
	AND OLD.language_code <=> NEW.language_code
	AND OLD.time_zone <=> NEW.time_zone AND OLD.active <=> NEW.active
	AND OLD.created_at <=> NEW.created_at);
CREATE TRIGGER users_log_del AFTER DELETE ON users FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL), (OLD.id);

-- Catalog tables: every change bumps the catalog scope.
CREATE TRIGGER languages_log_ins AFTER INSERT ON languages FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER languages_log_upd AFTER UPDATE ON languages FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER languages_log_del AFTER DELETE ON languages FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);

CREATE TRIGGER user_types_log_ins AFTER INSERT ON user_types FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER user_types_log_upd AFTER UPDATE ON user_types FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER user_types_log_del AFTER DELETE ON user_types FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);

CREATE TRIGGER user_groups_log_ins AFTER INSERT ON user_groups FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER user_groups_log_upd AFTER UPDATE ON user_groups FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER user_groups_log_del AFTER DELETE ON user_groups FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);

CREATE TRIGGER catalogs_log_ins AFTER INSERT ON catalogs FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER catalogs_log_upd AFTER UPDATE ON catalogs FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER catalogs_log_del AFTER DELETE ON catalogs FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);

CREATE TRIGGER courses_log_ins AFTER INSERT ON courses FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER courses_log_upd AFTER UPDATE ON courses FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER courses_log_del AFTER DELETE ON courses FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);

CREATE TRIGGER course_classes_log_ins AFTER INSERT ON course_classes FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER course_classes_log_upd AFTER UPDATE ON course_classes FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER course_classes_log_del AFTER DELETE ON course_classes FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);

CREATE TRIGGER checklist_items_log_ins AFTER INSERT ON checklist_items FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER checklist_items_log_upd AFTER UPDATE ON checklist_items FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER checklist_items_log_del AFTER DELETE ON checklist_items FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);

CREATE TRIGGER course_followups_log_ins AFTER INSERT ON course_followups FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER course_followups_log_upd AFTER UPDATE ON course_followups FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER course_followups_log_del AFTER DELETE ON course_followups FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);

CREATE TRIGGER files_log_ins AFTER INSERT ON files FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER files_log_upd AFTER UPDATE ON files FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER files_log_del AFTER DELETE ON files FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);

CREATE TRIGGER certificate_templates_log_ins AFTER INSERT ON certificate_templates FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER certificate_templates_log_upd AFTER UPDATE ON certificate_templates FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER certificate_templates_log_del AFTER DELETE ON certificate_templates FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);

CREATE TRIGGER certificate_template_fields_log_ins AFTER INSERT ON certificate_template_fields FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER certificate_template_fields_log_upd AFTER UPDATE ON certificate_template_fields FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER certificate_template_fields_log_del AFTER DELETE ON certificate_template_fields FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);

CREATE TRIGGER certification_families_log_ins AFTER INSERT ON certification_families FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER certification_families_log_upd AFTER UPDATE ON certification_families FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER certification_families_log_del AFTER DELETE ON certification_families FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);

CREATE TRIGGER certifications_log_ins AFTER INSERT ON certifications FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER certifications_log_upd AFTER UPDATE ON certifications FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER certifications_log_del AFTER DELETE ON certifications FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);

CREATE TRIGGER certification_user_types_log_ins AFTER INSERT ON certification_user_types FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER certification_user_types_log_upd AFTER UPDATE ON certification_user_types FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER certification_user_types_log_del AFTER DELETE ON certification_user_types FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);

CREATE TRIGGER certification_prerequisites_log_ins AFTER INSERT ON certification_prerequisites FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER certification_prerequisites_log_upd AFTER UPDATE ON certification_prerequisites FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER certification_prerequisites_log_del AFTER DELETE ON certification_prerequisites FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);

CREATE TRIGGER certification_courses_log_ins AFTER INSERT ON certification_courses FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER certification_courses_log_upd AFTER UPDATE ON certification_courses FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER certification_courses_log_del AFTER DELETE ON certification_courses FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);

CREATE TRIGGER certification_prices_log_ins AFTER INSERT ON certification_prices FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER certification_prices_log_upd AFTER UPDATE ON certification_prices FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER certification_prices_log_del AFTER DELETE ON certification_prices FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);

CREATE TRIGGER user_group_certifications_log_ins AFTER INSERT ON user_group_certifications FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER user_group_certifications_log_upd AFTER UPDATE ON user_group_certifications FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER user_group_certifications_log_del AFTER DELETE ON user_group_certifications FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);

CREATE TRIGGER vouchers_log_ins AFTER INSERT ON vouchers FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER vouchers_log_upd AFTER UPDATE ON vouchers FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER vouchers_log_del AFTER DELETE ON vouchers FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);

CREATE TRIGGER course_contents_log_ins AFTER INSERT ON course_contents FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER course_contents_log_upd AFTER UPDATE ON course_contents FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER course_contents_log_del AFTER DELETE ON course_contents FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);

CREATE TRIGGER assessments_log_ins AFTER INSERT ON assessments FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER assessments_log_upd AFTER UPDATE ON assessments FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER assessments_log_del AFTER DELETE ON assessments FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);

CREATE TRIGGER assessment_questions_log_ins AFTER INSERT ON assessment_questions FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER assessment_questions_log_upd AFTER UPDATE ON assessment_questions FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER assessment_questions_log_del AFTER DELETE ON assessment_questions FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);

CREATE TRIGGER assessment_options_log_ins AFTER INSERT ON assessment_options FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER assessment_options_log_upd AFTER UPDATE ON assessment_options FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);
CREATE TRIGGER assessment_options_log_del AFTER DELETE ON assessment_options FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NULL);

-- Learner tables: every change bumps the scope of the row's user, and
-- an update that moves a row to another user bumps both users.
CREATE TRIGGER user_group_members_log_ins AFTER INSERT ON user_group_members FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NEW.user_id);
CREATE TRIGGER user_group_members_log_upd AFTER UPDATE ON user_group_members FOR EACH ROW
	INSERT INTO change_log (user_id)
	SELECT OLD.user_id UNION SELECT NEW.user_id;
CREATE TRIGGER user_group_members_log_del AFTER DELETE ON user_group_members FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (OLD.user_id);

CREATE TRIGGER enrollments_log_ins AFTER INSERT ON enrollments FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NEW.user_id);
CREATE TRIGGER enrollments_log_upd AFTER UPDATE ON enrollments FOR EACH ROW
	INSERT INTO change_log (user_id)
	SELECT OLD.user_id UNION SELECT NEW.user_id;
CREATE TRIGGER enrollments_log_del AFTER DELETE ON enrollments FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (OLD.user_id);

CREATE TRIGGER course_registrations_log_ins AFTER INSERT ON course_registrations FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NEW.user_id);
CREATE TRIGGER course_registrations_log_upd AFTER UPDATE ON course_registrations FOR EACH ROW
	INSERT INTO change_log (user_id)
	SELECT OLD.user_id UNION SELECT NEW.user_id;
CREATE TRIGGER course_registrations_log_del AFTER DELETE ON course_registrations FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (OLD.user_id);

CREATE TRIGGER voucher_redemptions_log_ins AFTER INSERT ON voucher_redemptions FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NEW.user_id);
CREATE TRIGGER voucher_redemptions_log_upd AFTER UPDATE ON voucher_redemptions FOR EACH ROW
	INSERT INTO change_log (user_id)
	SELECT OLD.user_id UNION SELECT NEW.user_id;
CREATE TRIGGER voucher_redemptions_log_del AFTER DELETE ON voucher_redemptions FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (OLD.user_id);

CREATE TRIGGER purchase_orders_log_ins AFTER INSERT ON purchase_orders FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NEW.user_id);
CREATE TRIGGER purchase_orders_log_upd AFTER UPDATE ON purchase_orders FOR EACH ROW
	INSERT INTO change_log (user_id)
	SELECT OLD.user_id UNION SELECT NEW.user_id;
CREATE TRIGGER purchase_orders_log_del AFTER DELETE ON purchase_orders FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (OLD.user_id);

CREATE TRIGGER course_content_opens_log_ins AFTER INSERT ON course_content_opens FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NEW.user_id);
CREATE TRIGGER course_content_opens_log_upd AFTER UPDATE ON course_content_opens FOR EACH ROW
	INSERT INTO change_log (user_id)
	SELECT OLD.user_id UNION SELECT NEW.user_id;
CREATE TRIGGER course_content_opens_log_del AFTER DELETE ON course_content_opens FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (OLD.user_id);

CREATE TRIGGER assessment_attempts_log_ins AFTER INSERT ON assessment_attempts FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NEW.user_id);
CREATE TRIGGER assessment_attempts_log_upd AFTER UPDATE ON assessment_attempts FOR EACH ROW
	INSERT INTO change_log (user_id)
	SELECT OLD.user_id UNION SELECT NEW.user_id;
CREATE TRIGGER assessment_attempts_log_del AFTER DELETE ON assessment_attempts FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (OLD.user_id);

CREATE TRIGGER class_attendance_log_ins AFTER INSERT ON class_attendance FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NEW.user_id);
CREATE TRIGGER class_attendance_log_upd AFTER UPDATE ON class_attendance FOR EACH ROW
	INSERT INTO change_log (user_id)
	SELECT OLD.user_id UNION SELECT NEW.user_id;
CREATE TRIGGER class_attendance_log_del AFTER DELETE ON class_attendance FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (OLD.user_id);

CREATE TRIGGER external_courses_log_ins AFTER INSERT ON external_courses FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NEW.user_id);
CREATE TRIGGER external_courses_log_upd AFTER UPDATE ON external_courses FOR EACH ROW
	INSERT INTO change_log (user_id)
	SELECT OLD.user_id UNION SELECT NEW.user_id;
CREATE TRIGGER external_courses_log_del AFTER DELETE ON external_courses FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (OLD.user_id);

CREATE TRIGGER checklist_progress_log_ins AFTER INSERT ON checklist_progress FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NEW.user_id);
CREATE TRIGGER checklist_progress_log_upd AFTER UPDATE ON checklist_progress FOR EACH ROW
	INSERT INTO change_log (user_id)
	SELECT OLD.user_id UNION SELECT NEW.user_id;
CREATE TRIGGER checklist_progress_log_del AFTER DELETE ON checklist_progress FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (OLD.user_id);

CREATE TRIGGER certificates_log_ins AFTER INSERT ON certificates FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NEW.user_id);
CREATE TRIGGER certificates_log_upd AFTER UPDATE ON certificates FOR EACH ROW
	INSERT INTO change_log (user_id)
	SELECT OLD.user_id UNION SELECT NEW.user_id;
CREATE TRIGGER certificates_log_del AFTER DELETE ON certificates FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (OLD.user_id);

-- The answers of an attempt belong to the attempt's user.
CREATE TRIGGER assessment_answers_log_ins AFTER INSERT ON assessment_answers
	FOR EACH ROW INSERT INTO change_log (user_id)
	SELECT user_id FROM assessment_attempts WHERE id = NEW.attempt_id;
CREATE TRIGGER assessment_answers_log_upd AFTER UPDATE ON assessment_answers
	FOR EACH ROW INSERT INTO change_log (user_id)
	SELECT user_id FROM assessment_attempts
	WHERE id IN (OLD.attempt_id, NEW.attempt_id);
CREATE TRIGGER assessment_answers_log_del AFTER DELETE ON assessment_answers
	FOR EACH ROW INSERT INTO change_log (user_id)
	SELECT user_id FROM assessment_attempts WHERE id = OLD.attempt_id;

INSERT INTO worker_tasks (name, next_run_at) VALUES
	('prune_change_log', '2000-01-01');
