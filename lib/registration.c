#include "config.h"

#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "clock.h"
#include "db.h"
#include "records_db.h"
#include "registration.h"
#include "str.h"

#define SELECT_REGISTRATIONS \
	"SELECT r.id, r.user_id, r.course_id, COALESCE(r.class_id, 0), " \
	"c.code, c.name, c.passing_score, r.status, COALESCE(r.score, ''), " \
	"r.registered_at, COALESCE(r.completed_on, ''), " \
	"COALESCE(r.cancelled_on, '') FROM course_registrations r " \
	"JOIN courses c ON c.id = r.course_id WHERE r.user_id = ? "

static void
fill(void *row, struct db_res *res)
{
	struct registration	*r = row;
	usec_t			 at;

	memset(r, 0, sizeof(*r));
	r->id = db_int(res, 0);
	r->user_id = db_int(res, 1);
	r->course_id = db_int(res, 2);
	r->class_id = db_int(res, 3);
	str_copy(r->code, db_str(res, 4), sizeof(r->code));
	str_copy(r->name, db_str(res, 5), sizeof(r->name));
	r->passing_score = (int)db_int(res, 6);
	str_copy(r->status, db_str(res, 7), sizeof(r->status));
	str_copy(r->score, db_str(res, 8), sizeof(r->score));
	if (clock_parse_sql(db_str(res, 9), &at) == 0)
		date_format(clock_site_day(at), r->registered_on);
	str_copy(r->completed_on, db_str(res, 10), sizeof(r->completed_on));
	str_copy(r->cancelled_on, db_str(res, 11), sizeof(r->cancelled_on));
}

int
registration_list(struct db *db, long long user_id,
    struct registration **out, size_t *n)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, SELECT_REGISTRATIONS "ORDER BY c.name, c.code",
	    "l", user_id);
	if (rc != DB_OK)
		return rc;
	return records_collect(res, sizeof(**out), fill, (void **)out, n);
}

int
registration_get(struct db *db, long long user_id, long long course_id,
    struct registration *r)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, SELECT_REGISTRATIONS "AND r.course_id = ?",
	    "ll", user_id, course_id);
	if (rc != DB_OK)
		return rc;
	return records_first_row(res, r, fill);
}

int
registration_cancellable(const char *status)
{
	return strcmp(status, "registered") == 0 ||
	    strcmp(status, "in_progress") == 0 ||
	    strcmp(status, "failed") == 0;
}

struct cancel {
	long long	 user_id, course_id;
	day_t		 day;
	long long	 actor, impersonator;
};

static int
cancel_txn(struct db *db, void *arg)
{
	struct cancel		*c = arg;
	struct registration	 old;
	struct buf		 details = { 0 };
	char			 day[11];
	int			 rc;

	if ((rc = registration_get(db, c->user_id, c->course_id, &old)) !=
	    DB_OK)
		return rc;
	if (!registration_cancellable(old.status))
		return REGISTRATION_NOT_CANCELLABLE;
	date_format(c->day, day);
	/* The status condition repeats the check above, so that a result
	 * recorded since the read is never overwritten. */
	rc = db_exec(db, "UPDATE course_registrations SET status = "
	    "'cancelled', cancelled_on = ? WHERE id = ? "
	    "AND status IN ('registered', 'in_progress', 'failed')", "sl",
	    day, old.id);
	if (rc != DB_OK)
		return rc;
	if (db_affected(db) == 0)
		return REGISTRATION_NOT_CANCELLABLE;
	buf_printf(&details, "course %lld (%s): %s -> cancelled on %s",
	    old.course_id, old.code, old.status, day);
	rc = details.data != NULL ? audit_record(db, c->actor,
	    c->impersonator, "course_registration_cancel", "user", c->user_id,
	    details.data) : DB_ERROR;
	buf_free(&details);
	return rc;
}

int
registration_cancel(struct db *db, long long user_id, long long course_id,
    day_t day, long long actor_id, long long impersonator_id)
{
	struct cancel	 c = { user_id, course_id, day, actor_id,
			    impersonator_id };

	return db_txn(db, cancel_txn, &c);
}

int
registration_keep_attempt(struct db *db, long long user_id,
    long long course_id, int failed_too)
{
	/* NOTE: the history's key (user_id, class_id) keeps one attempt per
	 * class, so a second attempt replaced in the same class is not
	 * kept. */
	return db_exec(db, "INSERT INTO course_registration_history "
	    "(user_id, course_id, class_id, method, registered_at, status, "
	    "score, completed_on, cancelled_on) SELECT user_id, course_id, "
	    "class_id, method, registered_at, status, score, completed_on, "
	    "cancelled_on FROM course_registrations WHERE user_id = ? "
	    "AND course_id = ? AND (status = 'cancelled' OR "
	    "(? = 1 AND status = 'failed')) "
	    "ON DUPLICATE KEY UPDATE course_registration_history.id = "
	    "course_registration_history.id", "lli", user_id, course_id,
	    failed_too);
}
