#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "db.h"
#include "str.h"
#include "training.h"

int
training_enrolments(struct db *db, long long user_id,
    struct enrolment_view **out, size_t *n)
{
	struct enrolment_view	*rows;
	struct db_res		*res;
	char			 today[11];
	long long		 req_total, req_done, electives, el_done, need;
	size_t			 i = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	date_format(clock_site_day(clock_now()), today);
	rc = db_query(db, &res, "SELECT e.id, e.family_id, c.id, c.version, "
	    "c.name, c.availability = 'course_group', c.show_progress_bar, "
	    "IF(e.status = 'completed' AND e.expires_on IS NOT NULL "
	    "AND e.expires_on <= ?, 'expired', e.status), e.enrolled_on, "
	    "COALESCE(e.complete_by, ''), COALESCE(e.completed_on, ''), "
	    "COALESCE(e.expires_on, ''), "
	    "e.status = 'in_progress' AND e.complete_by < ?, "
	    "(SELECT COUNT(*) FROM certification_courses cc "
	    "WHERE cc.certification_id = c.id AND cc.requirement = 'required'), "
	    "(SELECT COUNT(*) FROM certification_courses cc "
	    "JOIN course_registrations r ON r.course_id = cc.course_id "
	    "AND r.user_id = e.user_id AND r.status = 'completed' "
	    "WHERE cc.certification_id = c.id AND cc.requirement = 'required'), "
	    "c.required_electives, "
	    "(SELECT COUNT(*) FROM certification_courses cc "
	    "JOIN course_registrations r ON r.course_id = cc.course_id "
	    "AND r.user_id = e.user_id AND r.status = 'completed' "
	    "WHERE cc.certification_id = c.id AND cc.requirement = 'elective') "
	    "FROM enrollments e JOIN certifications c "
	    "ON c.id = e.certification_id "
	    "WHERE e.user_id = ? AND e.status <> 'cancelled' ORDER BY c.name",
	    "ssl", today, today, user_id);
	if (rc != DB_OK)
		return rc;
	if ((rows = calloc(db_rows(res) + 1, sizeof(*rows))) == NULL) {
		db_res_free(res);
		return DB_ERROR;
	}
	while ((rc = db_next(res)) == 1) {
		struct enrolment_view *r = &rows[i++];

		r->id = db_int(res, 0);
		r->family_id = db_int(res, 1);
		r->certification_id = db_int(res, 2);
		r->version = (int)db_int(res, 3);
		str_copy(r->name, db_str(res, 4), sizeof(r->name));
		r->course_group = (int)db_int(res, 5);
		r->show_progress = (int)db_int(res, 6);
		str_copy(r->status, db_str(res, 7), sizeof(r->status));
		str_copy(r->enrolled_on, db_str(res, 8), sizeof(r->enrolled_on));
		str_copy(r->complete_by, db_str(res, 9), sizeof(r->complete_by));
		str_copy(r->completed_on, db_str(res, 10),
		    sizeof(r->completed_on));
		str_copy(r->expires_on, db_str(res, 11), sizeof(r->expires_on));
		r->overdue = (int)db_int(res, 12);
		req_total = db_int(res, 13);
		req_done = db_int(res, 14);
		electives = db_int(res, 15);
		el_done = db_int(res, 16);
		if (el_done > electives)
			el_done = electives;
		need = req_total + electives;
		r->progress = need > 0 ? (int)((req_done + el_done) * 100 /
		    need) : (strcmp(r->status, "in_progress") == 0 ? 0 : 100);
	}
	db_res_free(res);
	if (rc < 0) {
		free(rows);
		return rc;
	}
	*out = rows;
	*n = i;
	return DB_OK;
}

int
training_courses(struct db *db, long long user_id, long long certification_id,
    struct course_view **out, size_t *n)
{
	struct course_view	*rows;
	struct db_res		*res;
	size_t			 i = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	rc = db_query(db, &res, "SELECT co.id, co.code, co.name, "
	    "cc.requirement, COALESCE(r.status, ''), "
	    "COALESCE(r.completed_on, ''), co.credit_hours "
	    "FROM certification_courses cc JOIN courses co "
	    "ON co.id = cc.course_id LEFT JOIN course_registrations r "
	    "ON r.course_id = co.id AND r.user_id = ? "
	    "WHERE cc.certification_id = ? ORDER BY cc.position, co.name",
	    "ll", user_id, certification_id);
	if (rc != DB_OK)
		return rc;
	if ((rows = calloc(db_rows(res) + 1, sizeof(*rows))) == NULL) {
		db_res_free(res);
		return DB_ERROR;
	}
	while ((rc = db_next(res)) == 1) {
		struct course_view *c = &rows[i++];

		c->course_id = db_int(res, 0);
		str_copy(c->code, db_str(res, 1), sizeof(c->code));
		str_copy(c->name, db_str(res, 2), sizeof(c->name));
		str_copy(c->requirement, db_str(res, 3), sizeof(c->requirement));
		str_copy(c->status, db_str(res, 4), sizeof(c->status));
		str_copy(c->completed_on, db_str(res, 5),
		    sizeof(c->completed_on));
		str_copy(c->credit_hours, db_str(res, 6),
		    sizeof(c->credit_hours));
	}
	db_res_free(res);
	if (rc < 0) {
		free(rows);
		return rc;
	}
	*out = rows;
	*n = i;
	return DB_OK;
}

int
training_user_language(struct db *db, long long user_id, char *out)
{
	struct db_res	*res;
	int		 rc;

	str_copy(out, "en", 17);
	rc = db_query(db, &res, "SELECT language_code FROM users WHERE id = ?",
	    "l", user_id);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_next(res)) == 1)
		str_copy(out, db_str(res, 0), 17);
	db_res_free(res);
	return rc < 0 ? rc : DB_OK;
}

int
training_independent(struct db *db, long long user_id,
    struct registration_view **out, size_t *n)
{
	struct registration_view	*rows;
	struct db_res			*res;
	size_t				 i = 0;
	int				 rc;

	*out = NULL;
	*n = 0;
	rc = db_query(db, &res, "SELECT r.id, c.id, c.code, c.name, r.status, "
	    "DATE(r.registered_at), COALESCE(r.completed_on, '') "
	    "FROM course_registrations r JOIN courses c ON c.id = r.course_id "
	    "WHERE r.user_id = ? AND r.status <> 'cancelled' "
	    "AND NOT EXISTS (SELECT 1 FROM enrollments e "
	    "JOIN certification_courses cc "
	    "ON cc.certification_id = e.certification_id "
	    "WHERE e.user_id = r.user_id AND e.status <> 'cancelled' "
	    "AND cc.course_id = r.course_id) ORDER BY c.name", "l", user_id);
	if (rc != DB_OK)
		return rc;
	if ((rows = calloc(db_rows(res) + 1, sizeof(*rows))) == NULL) {
		db_res_free(res);
		return DB_ERROR;
	}
	while ((rc = db_next(res)) == 1) {
		struct registration_view *r = &rows[i++];

		r->id = db_int(res, 0);
		r->course_id = db_int(res, 1);
		str_copy(r->code, db_str(res, 2), sizeof(r->code));
		str_copy(r->name, db_str(res, 3), sizeof(r->name));
		str_copy(r->status, db_str(res, 4), sizeof(r->status));
		str_copy(r->registered_on, db_str(res, 5),
		    sizeof(r->registered_on));
		str_copy(r->completed_on, db_str(res, 6),
		    sizeof(r->completed_on));
	}
	db_res_free(res);
	if (rc < 0) {
		free(rows);
		return rc;
	}
	*out = rows;
	*n = i;
	return DB_OK;
}
