-- The change_log triggers of course_registration_history, a table that
-- contains one user's rows: a change there changes only that user's pages.
CREATE TRIGGER course_registration_history_log_ins AFTER INSERT ON course_registration_history FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (NEW.user_id);
CREATE TRIGGER course_registration_history_log_upd AFTER UPDATE ON course_registration_history FOR EACH ROW
	INSERT INTO change_log (user_id)
	SELECT OLD.user_id UNION SELECT NEW.user_id;
CREATE TRIGGER course_registration_history_log_del AFTER DELETE ON course_registration_history FOR EACH ROW
	INSERT INTO change_log (user_id) VALUES (OLD.user_id);
