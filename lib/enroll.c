#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "access.h"
#include "audit.h"
#include "clock.h"
#include "completion.h"
#include "db.h"
#include "enroll.h"
#include "registration.h"
#include "str.h"

static const char *const method_names[] = {
	"admin", "self", "auto", "voucher", "purchase_order", "import"
};

int
enroll_in_txn(struct db *db, long long user_id, long long family_id,
    enum enroll_method method, long long actor_id, long long impersonator_id,
    int *created)
{
	struct db_res	*res;
	char		 now[27], today[11], due[11], actor[24];
	char		 name[200 * 4 + 1], details[200 * 4 + 64];
	long long	 cert_id = 0, days = 0;
	usec_t		 t = clock_now();
	day_t		 day = clock_site_day(t);
	int		 rc, has_days = 0;

	*created = 0;
	rc = db_query(db, &res, "SELECT c.id, c.days_to_complete IS NOT NULL, "
	    "COALESCE(c.days_to_complete, 0), c.name FROM certifications c "
	    "WHERE c.family_id = ? ORDER BY c.version DESC LIMIT 1", "l",
	    family_id);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_next(res)) == 1) {
		cert_id = db_int(res, 0);
		has_days = (int)db_int(res, 1);
		days = db_int(res, 2);
		str_copy(name, db_str(res, 3), sizeof(name));
	}
	db_res_free(res);
	if (rc != 1)
		return rc < 0 ? rc : 1;

	clock_format_sql(t, now);
	date_format(day, today);
	/* Days to complete N gives complete-by = enrolled-on + N days. */
	date_format(day + (day_t)days, due);
	snprintf(actor, sizeof(actor), "%lld", actor_id);

	/*
	 * ON DUPLICATE KEY leaves a live enrolment as it is (0 rows
	 * affected) and starts a cancelled one afresh on the newest version
	 * (2 rows affected).  status is assigned last because MariaDB
	 * evaluates the assignments left to right.
	 */
	rc = db_exec(db, "INSERT INTO enrollments (user_id, family_id, "
	    "certification_id, method, enrolled_by, enrolled_at, enrolled_on, "
	    "complete_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
	    "ON DUPLICATE KEY UPDATE "
	    "certification_id = IF(status = 'cancelled', "
	    "VALUES(certification_id), certification_id), "
	    "method = IF(status = 'cancelled', VALUES(method), method), "
	    "enrolled_by = IF(status = 'cancelled', VALUES(enrolled_by), "
	    "enrolled_by), "
	    "enrolled_at = IF(status = 'cancelled', VALUES(enrolled_at), "
	    "enrolled_at), "
	    "enrolled_on = IF(status = 'cancelled', VALUES(enrolled_on), "
	    "enrolled_on), "
	    "complete_by = IF(status = 'cancelled', VALUES(complete_by), "
	    "complete_by), "
	    "cancelled_on = IF(status = 'cancelled', NULL, cancelled_on), "
	    "status = IF(status = 'cancelled', 'in_progress', status)",
	    "lllsssss", user_id, family_id, cert_id, method_names[method],
	    actor_id ? actor : NULL, now, today, has_days ? due : NULL);
	if (rc != DB_OK)
		return rc;
	if (db_affected(db) == 0)
		return DB_OK;
	*created = 1;

	rc = db_exec(db, "INSERT INTO course_registrations (user_id, "
	    "course_id, method, registered_at) SELECT ?, cc.course_id, "
	    "'enrollment', ? FROM certification_courses cc "
	    "WHERE cc.certification_id = ? "
	    "ON DUPLICATE KEY UPDATE course_registrations.id = "
	    "course_registrations.id", "lsl", user_id, now, cert_id);
	if (rc != DB_OK)
		return rc;
	snprintf(details, sizeof(details), "%s (certification family %lld), "
	    "%s", name, family_id, method_names[method]);
	return audit_record(db, actor_id ? actor_id : user_id,
	    impersonator_id, "enroll", "user", user_id, details);
}

struct many {
	const struct config	*cfg;
	long long		 user_id;
	const long long		*families;
	size_t			 n;
	enum enroll_method	 method;
	long long		 actor_id, impersonator_id;
	int			 enrolled, refused;
};

/*
 * Completes, in the same transaction, new enrolments whose rules already
 * hold, such as a certification whose courses the learner passed before
 * enrolling.
 */
static int
evaluate_new(struct db *db, const struct config *cfg, long long user_id,
    int enrolled)
{
	int	 completed;

	if (enrolled == 0)
		return DB_OK;
	return completion_evaluate_in_txn(db, cfg, user_id, &completed);
}

static int
many_txn(struct db *db, void *arg)
{
	struct many		*m = arg;
	struct access_item	*items;
	size_t			 nitems, i, k;
	int			 rc, created, allowed;

	m->enrolled = m->refused = 0;
	if ((rc = access_list(db, m->user_id, &items, &nitems)) != DB_OK)
		return rc;
	for (i = 0; i < m->n; i++) {
		allowed = 0;
		for (k = 0; k < nitems; k++)
			if (items[k].family_id == m->families[i] &&
			    items[k].denied == 0)
				allowed = 1;
		if (!allowed) {
			m->refused++;
			continue;
		}
		rc = enroll_in_txn(db, m->user_id, m->families[i], m->method,
		    m->actor_id, m->impersonator_id, &created);
		if (rc != DB_OK)
			break;
		m->enrolled += created;
	}
	free(items);
	return rc == DB_OK ? evaluate_new(db, m->cfg, m->user_id, m->enrolled) :
	    rc;
}

int
enroll_many(struct db *db, const struct config *cfg, long long user_id,
    const long long *families, size_t n, enum enroll_method method,
    long long actor_id, long long impersonator_id, int *enrolled,
    int *refused)
{
	struct many	 m = { cfg, user_id, families, n, method, actor_id,
			    impersonator_id, 0, 0 };
	int		 rc;

	rc = db_txn(db, many_txn, &m);
	*enrolled = m.enrolled;
	*refused = m.refused;
	return rc;
}

int
enroll_auto_in_txn(struct db *db, const struct config *cfg, long long user_id,
    int *enrolled)
{
	struct access_item	*items;
	struct db_res		*res;
	long long		*had = NULL;
	size_t			 n, i, k, nhad = 0;
	int			 rc = DB_OK, created, skip;

	*enrolled = 0;
	/* Families with any enrolment row, cancelled ones included: Auto
	 * Enroll makes new enrolments and never undoes a cancellation. */
	rc = db_query(db, &res, "SELECT family_id FROM enrollments "
	    "WHERE user_id = ?", "l", user_id);
	if (rc != DB_OK)
		return rc;
	if ((had = calloc(db_rows(res) + 1, sizeof(*had))) == NULL) {
		db_res_free(res);
		return DB_ERROR;
	}
	while ((rc = db_next(res)) == 1)
		had[nhad++] = db_int(res, 0);
	db_res_free(res);
	if (rc < 0 || (rc = access_list(db, user_id, &items, &n)) != DB_OK) {
		free(had);
		return rc;
	}
	for (i = 0; i < n && rc == DB_OK; i++) {
		if (!items[i].auto_enroll || items[i].denied != 0)
			continue;
		for (skip = 0, k = 0; k < nhad; k++)
			if (had[k] == items[i].family_id)
				skip = 1;
		if (skip)
			continue;
		rc = enroll_in_txn(db, user_id, items[i].family_id, ENROLL_AUTO,
		    0, 0, &created);
		*enrolled += created;
	}
	free(items);
	free(had);
	return rc == DB_OK ? evaluate_new(db, cfg, user_id, *enrolled) : rc;
}

struct cancel {
	long long	 user_id, enrollment_id, actor_id, impersonator_id;
};

static int
cancel_txn(struct db *db, void *arg)
{
	struct cancel	*c = arg;
	char		 today[11], details[64];
	int		 rc;

	date_format(clock_site_day(clock_now()), today);
	rc = db_exec(db, "UPDATE enrollments SET status = 'cancelled', "
	    "cancelled_on = ? WHERE id = ? AND user_id = ? "
	    "AND status <> 'cancelled'", "sll", today, c->enrollment_id,
	    c->user_id);
	if (rc != DB_OK)
		return rc;
	if (db_affected(db) == 0)
		return 1;
	snprintf(details, sizeof(details), "enrollment %lld", c->enrollment_id);
	return audit_record(db, c->actor_id, c->impersonator_id,
	    "enrollment_cancel", "user", c->user_id, details);
}

int
enroll_cancel(struct db *db, long long user_id, long long enrollment_id,
    long long actor_id, long long impersonator_id)
{
	struct cancel	 c = { user_id, enrollment_id, actor_id, impersonator_id };

	return db_txn(db, cancel_txn, &c);
}

int
enroll_counts(struct db *db, long long family_id, long long certification_id,
    long long *total, long long *on_version)
{
	struct db_res	*res;
	int		 rc;

	*total = *on_version = 0;
	rc = db_query(db, &res, "SELECT COUNT(*), "
	    "COALESCE(SUM(certification_id = ?), 0) FROM enrollments "
	    "WHERE family_id = ? AND status <> 'cancelled'", "ll",
	    certification_id, family_id);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_next(res)) == 1) {
		*total = db_int(res, 0);
		*on_version = db_int(res, 1);
	}
	db_res_free(res);
	return rc < 0 ? rc : DB_OK;
}

struct course_reg {
	long long	 user_id, family_id, course_id, actor_id, impersonator_id;
	int		 created;
};

static int
course_txn(struct db *db, void *arg)
{
	struct course_reg	*c = arg;
	struct db_res		*res;
	char			 now[27], details[64];
	int			 rc;

	c->created = 0;
	rc = db_query(db, &res, "SELECT 1 FROM certifications x "
	    "JOIN certification_courses cc ON cc.certification_id = x.id "
	    "WHERE x.family_id = ? AND x.display_individually = 1 "
	    "AND x.availability = 'course_group' AND cc.course_id = ? "
	    "AND x.version = (SELECT MAX(v.version) FROM certifications v "
	    "WHERE v.family_id = x.family_id)", "ll", c->family_id,
	    c->course_id);
	if (rc != DB_OK)
		return rc;
	rc = db_next(res);
	db_res_free(res);
	if (rc != 1)
		return rc < 0 ? rc : 1;

	clock_format_sql(clock_now(), now);
	/* A cancelled registration starts again, kept as another attempt;
	 * a live one stays. */
	if ((rc = registration_keep_attempt(db, c->user_id, c->course_id,
	    0)) != DB_OK)
		return rc;
	rc = db_exec(db, "INSERT INTO course_registrations (user_id, "
	    "course_id, method, registered_at) VALUES (?, ?, ?, ?) "
	    "ON DUPLICATE KEY UPDATE "
	    "registered_at = IF(status = 'cancelled', VALUES(registered_at), "
	    "registered_at), "
	    "cancelled_on = IF(status = 'cancelled', NULL, cancelled_on), "
	    "status = IF(status = 'cancelled', 'registered', status)", "llss",
	    c->user_id, c->course_id, c->actor_id ? "admin" : "self", now);
	if (rc != DB_OK)
		return rc;
	if (db_affected(db) == 0)
		return DB_OK;
	c->created = 1;
	snprintf(details, sizeof(details), "course %lld", c->course_id);
	return audit_record(db, c->actor_id ? c->actor_id : c->user_id,
	    c->impersonator_id, "course_register", "user", c->user_id,
	    details);
}

int
enroll_course(struct db *db, long long user_id, long long family_id,
    long long course_id, long long actor_id, long long impersonator_id,
    int *created)
{
	struct course_reg	 c = { user_id, family_id, course_id, actor_id,
				    impersonator_id, 0 };
	int			 rc;

	rc = db_txn(db, course_txn, &c);
	*created = c.created;
	return rc;
}

long long
enroll_expire_due(struct db *db, day_t today)
{
	char	 day[11];

	date_format(today, day);
	if (db_exec(db, "UPDATE enrollments SET status = 'expired' "
	    "WHERE status = 'completed' AND expires_on IS NOT NULL "
	    "AND expires_on <= ?", "s", day) != DB_OK)
		return -1;
	return (long long)db_affected(db);
}
