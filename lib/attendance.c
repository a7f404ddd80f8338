#include "config.h"

#include <stdio.h>
#include <string.h>

#include "attendance.h"
#include "audit.h"
#include "clock.h"
#include "completion.h"
#include "db.h"
#include "listing.h"
#include "records_db.h"
#include "str.h"

static const char *const status_names[] = ATTENDANCE_STATUS_NAMES;

/* ------------------------------------------------------------ reading */

static void
fill_class(void *row, struct db_res *res)
{
	struct attendance_class	*k = row;

	memset(k, 0, sizeof(*k));
	k->id = db_int(res, 0);
	k->course_id = db_int(res, 1);
	clock_parse_sql(db_str(res, 2), &k->starts_at);
	clock_parse_sql(db_str(res, 3), &k->ends_at);
	str_copy(k->location, db_str(res, 4), sizeof(k->location));
	str_copy(k->instructor, db_str(res, 5), sizeof(k->instructor));
	k->capacity = db_isnull(res, 6) ? 0 : db_int(res, 6);
	str_copy(k->course_code, db_str(res, 7), sizeof(k->course_code));
	str_copy(k->course_name, db_str(res, 8), sizeof(k->course_name));
	k->learners = db_int(res, 9);
}

int
attendance_class_get(struct db *db, long long class_id,
    struct attendance_class *k)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, "SELECT k.id, k.course_id, k.starts_at, "
	    "k.ends_at, k.location, k.instructor, k.capacity, c.code, c.name, "
	    "(SELECT COUNT(*) FROM course_registrations r "
	    "WHERE r.class_id = k.id AND r.status <> 'cancelled') "
	    "FROM course_classes k JOIN courses c ON c.id = k.course_id "
	    "WHERE k.id = ?", "l", class_id);
	if (rc != DB_OK)
		return rc;
	return records_first_row(res, k, fill_class);
}

static void
fill_row(void *row, struct db_res *res)
{
	struct attendance_row	*a = row;

	memset(a, 0, sizeof(*a));
	a->user_id = db_int(res, 0);
	str_copy(a->login, db_str(res, 1), sizeof(a->login));
	str_copy(a->first_name, db_str(res, 2), sizeof(a->first_name));
	str_copy(a->last_name, db_str(res, 3), sizeof(a->last_name));
	str_copy(a->registration_status, db_str(res, 4),
	    sizeof(a->registration_status));
	str_copy(a->status, db_str(res, 5), sizeof(a->status));
	str_copy(a->status_on, db_str(res, 6), sizeof(a->status_on));
	str_copy(a->recorded_by, db_str(res, 7), sizeof(a->recorded_by));
	str_copy(a->recorded_at, db_str(res, 8), sizeof(a->recorded_at));
}

int
attendance_list(struct db *db, long long class_id,
    struct attendance_row **out, size_t *n)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, "SELECT r.user_id, u.login, u.first_name, "
	    "u.last_name, r.status, COALESCE(a.status, ''), "
	    "COALESCE(a.status_on, ''), COALESCE(b.login, ''), "
	    "COALESCE(a.recorded_at, '') FROM course_registrations r "
	    "JOIN users u ON u.id = r.user_id "
	    "LEFT JOIN class_attendance a ON a.class_id = r.class_id "
	    "AND a.user_id = r.user_id "
	    "LEFT JOIN users b ON b.id = a.recorded_by "
	    "WHERE r.class_id = ? "
	    "ORDER BY u.last_name, u.first_name, u.login", "l", class_id);
	if (rc != DB_OK)
		return rc;
	return records_collect(res, sizeof(**out), fill_row, (void **)out, n);
}

static void
fill_candidate(void *row, struct db_res *res)
{
	struct attendance_candidate	*c = row;

	memset(c, 0, sizeof(*c));
	c->user_id = db_int(res, 0);
	str_copy(c->login, db_str(res, 1), sizeof(c->login));
	str_copy(c->first_name, db_str(res, 2), sizeof(c->first_name));
	str_copy(c->last_name, db_str(res, 3), sizeof(c->last_name));
	str_copy(c->registration_status, db_str(res, 4),
	    sizeof(c->registration_status));
	if (!db_isnull(res, 5))
		clock_parse_sql(db_str(res, 5), &c->other_class_starts);
}

#define SELECT_CANDIDATES \
	"SELECT r.user_id, u.login, u.first_name, u.last_name, r.status, " \
	"k.starts_at FROM course_registrations r " \
	"JOIN users u ON u.id = r.user_id " \
	"LEFT JOIN course_classes k ON k.id = r.class_id " \
	"WHERE r.course_id = ? AND r.status <> 'cancelled' AND u.active = 1 " \
	"AND (r.class_id IS NULL OR r.class_id <> ?) " \
	"AND (? = '' OR u.last_name LIKE ? OR u.first_name LIKE ? " \
	"OR u.login LIKE ?) AND (? = '' OR u.last_name LIKE ?) "
#define PAGE	" LIMIT ? OFFSET ?"
#define CANDIDATE_TYPES	"llssssssll"

int
attendance_candidates(struct db *db, const struct attendance_class *k,
    const struct listing *l, struct attendance_candidate **out, size_t *n)
{
	struct db_res	*res;
	int		 rc;

	/* ORDER BY cannot take a placeholder, so each order is a statement. */
	switch (l->sort * 2 + l->desc) {
	case 1:
		rc = db_query(db, &res, SELECT_CANDIDATES "ORDER BY "
		    "u.last_name DESC, u.first_name DESC, u.login DESC" PAGE,
		    CANDIDATE_TYPES, k->course_id, k->id, l->q_pattern,
		    l->q_pattern, l->q_pattern, l->q_pattern,
		    l->letter_pattern, l->letter_pattern, l->limit, l->offset);
		break;
	case 2:
		rc = db_query(db, &res, SELECT_CANDIDATES "ORDER BY u.login"
		    PAGE, CANDIDATE_TYPES, k->course_id, k->id, l->q_pattern,
		    l->q_pattern, l->q_pattern, l->q_pattern,
		    l->letter_pattern, l->letter_pattern, l->limit, l->offset);
		break;
	case 3:
		rc = db_query(db, &res, SELECT_CANDIDATES "ORDER BY "
		    "u.login DESC" PAGE, CANDIDATE_TYPES, k->course_id, k->id,
		    l->q_pattern, l->q_pattern, l->q_pattern, l->q_pattern,
		    l->letter_pattern, l->letter_pattern, l->limit, l->offset);
		break;
	default:
		rc = db_query(db, &res, SELECT_CANDIDATES "ORDER BY "
		    "u.last_name, u.first_name, u.login" PAGE, CANDIDATE_TYPES,
		    k->course_id, k->id, l->q_pattern, l->q_pattern,
		    l->q_pattern, l->q_pattern, l->letter_pattern,
		    l->letter_pattern, l->limit, l->offset);
		break;
	}
	if (rc != DB_OK)
		return rc;
	return records_collect(res, sizeof(**out), fill_candidate,
	    (void **)out, n);
}

/* ------------------------------------------------------------- adding */

struct add {
	long long		 class_id;
	const long long		*user_ids;
	size_t			 n;
	long long		 actor, impersonator;
	int			 added;
	long long		 seats_left;
};

/* Puts one user in the class when they are a candidate, and sets *added
 * to 1 when it did. */
static int
add_one(struct db *db, struct add *a, const struct attendance_class *k,
    long long user_id, int *added)
{
	struct db_res	*res;
	struct buf	 details = { 0 };
	long long	 registration_id = 0, old_class = 0;
	int		 rc;

	*added = 0;
	rc = db_query(db, &res, "SELECT r.id, COALESCE(r.class_id, 0) "
	    "FROM course_registrations r JOIN users u ON u.id = r.user_id "
	    "WHERE r.user_id = ? AND r.course_id = ? "
	    "AND r.status <> 'cancelled' AND u.active = 1 "
	    "AND (r.class_id IS NULL OR r.class_id <> ?)", "lll", user_id,
	    k->course_id, k->id);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_next(res)) == 1) {
		registration_id = db_int(res, 0);
		old_class = db_int(res, 1);
	}
	db_res_free(res);
	if (rc != 1)
		return rc < 0 ? rc : DB_OK;

	rc = db_exec(db, "UPDATE course_registrations SET class_id = ? "
	    "WHERE id = ?", "ll", k->id, registration_id);
	if (rc != DB_OK)
		return rc;
	*added = 1;
	buf_printf(&details, "class %lld of course %lld (%s)", k->id,
	    k->course_id, k->course_code);
	if (old_class != 0)
		buf_printf(&details, ", moved from class %lld", old_class);
	rc = details.data != NULL ? audit_record(db, a->actor,
	    a->impersonator, "class_learner_add", "user", user_id,
	    details.data) : DB_ERROR;
	buf_free(&details);
	return rc;
}

static int
add_txn(struct db *db, void *arg)
{
	struct add		*a = arg;
	struct attendance_class	 k;
	char			 now[27];
	size_t			 i;
	int			 rc, one;

	a->added = 0;
	a->seats_left = 0;
	clock_format_sql(clock_now(), now);
	/* The write comes first, so that a concurrent addition to the class
	 * waits for this one on one server, or conflicts with it on a
	 * cluster, before it counts the learners. */
	rc = db_exec(db, "UPDATE course_classes SET learners_changed_at = ? "
	    "WHERE id = ?", "sl", now, a->class_id);
	if (rc != DB_OK)
		return rc;
	if ((rc = attendance_class_get(db, a->class_id, &k)) != DB_OK)
		return rc;
	for (i = 0; i < a->n; i++) {
		if ((rc = add_one(db, a, &k, a->user_ids[i], &one)) != DB_OK)
			return rc;
		a->added += one;
	}
	if (k.capacity > 0 && k.learners + a->added > k.capacity) {
		a->seats_left = k.capacity > k.learners ?
		    k.capacity - k.learners : 0;
		return ATTENDANCE_FULL;
	}
	return DB_OK;
}

int
attendance_add(struct db *db, long long class_id, const long long *user_ids,
    size_t n, long long actor_id, long long impersonator_id, int *added,
    long long *seats_left)
{
	struct add	 a = { class_id, user_ids, n, actor_id, impersonator_id,
			    0, 0 };
	int		 rc;

	rc = db_txn(db, add_txn, &a);
	*added = rc == DB_OK ? a.added : 0;
	*seats_left = a.seats_left;
	return rc;
}

/* ---------------------------------------------------------- recording */

struct record {
	const struct config		*cfg;
	const struct attendance_entry	*e;
	int				 recorded;
	int				 completed;
};

/* Applies the status to the course registration and appends what
 * changed to the audit details. */
static int
apply_status(struct db *db, struct record *r, const struct attendance_class *k,
    long long user_id, long long registration_id, const char *day,
    struct buf *details)
{
	const struct attendance_entry	*e = r->e;
	struct result			 result;
	int				 rc, completed = 0;

	switch (e->status) {
	case ATTENDANCE_COMPLETED:
		memset(&result, 0, sizeof(result));
		result.user_id = user_id;
		result.course_id = k->course_id;
		result.status = RESULT_COMPLETED;
		result.day = e->day;
		result.actor_id = e->actor_id;
		result.impersonator_id = e->impersonator_id;
		rc = completion_record_in_txn(db, r->cfg, &result, &completed);
		if (rc != DB_OK)
			return rc;
		r->completed += completed;
		buf_puts(details, "; course completed");
		return DB_OK;
	case ATTENDANCE_CANCELLED:
		rc = db_exec(db, "UPDATE course_registrations SET status = "
		    "'cancelled', cancelled_on = ? WHERE id = ? "
		    "AND status IN ('registered', 'in_progress', 'failed')",
		    "sl", day, registration_id);
		if (rc == DB_OK && db_affected(db) > 0)
			buf_puts(details, "; registration cancelled");
		return rc;
	default:
		rc = db_exec(db, "UPDATE course_registrations SET status = "
		    "'registered', cancelled_on = NULL WHERE id = ? "
		    "AND status = 'cancelled'", "l", registration_id);
		if (rc == DB_OK && db_affected(db) > 0)
			buf_puts(details, "; cancelled registration restored");
		return rc;
	}
}

/* Records the status of one learner.  A user who is not in the class is
 * skipped. */
static int
record_one(struct db *db, struct record *r, const struct attendance_class *k,
    long long user_id, const char *day, const char *now)
{
	const struct attendance_entry	*e = r->e;
	struct db_res			*res;
	struct buf			 details = { 0 };
	char				 old[16] = "", actor[24];
	long long			 registration_id = 0;
	int				 rc;

	rc = db_query(db, &res, "SELECT r.id, COALESCE(a.status, '') "
	    "FROM course_registrations r LEFT JOIN class_attendance a "
	    "ON a.class_id = r.class_id AND a.user_id = r.user_id "
	    "WHERE r.user_id = ? AND r.class_id = ?", "ll", user_id, k->id);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_next(res)) == 1) {
		registration_id = db_int(res, 0);
		str_copy(old, db_str(res, 1), sizeof(old));
	}
	db_res_free(res);
	if (rc != 1)
		return rc < 0 ? rc : DB_OK;

	snprintf(actor, sizeof(actor), "%lld", e->actor_id);
	rc = db_exec(db, "INSERT INTO class_attendance (class_id, user_id, "
	    "status, status_on, recorded_by, recorded_at) "
	    "VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
	    "status = VALUES(status), status_on = VALUES(status_on), "
	    "recorded_by = VALUES(recorded_by), "
	    "recorded_at = VALUES(recorded_at)", "llssss", k->id, user_id,
	    status_names[e->status], day, e->actor_id ? actor : NULL, now);
	if (rc != DB_OK)
		return rc;
	r->recorded++;
	buf_printf(&details, "class %lld of course %lld (%s): %s -> %s on %s",
	    k->id, k->course_id, k->course_code, old[0] ? old : "not recorded",
	    status_names[e->status], day);
	rc = apply_status(db, r, k, user_id, registration_id, day, &details);
	if (rc == DB_OK)
		rc = details.data != NULL ? audit_record(db, e->actor_id,
		    e->impersonator_id, "class_attendance", "user", user_id,
		    details.data) : DB_ERROR;
	buf_free(&details);
	return rc;
}

static int
record_txn(struct db *db, void *arg)
{
	struct record		*r = arg;
	struct attendance_class	 k;
	char			 day[11], now[27];
	size_t			 i;
	int			 rc;

	r->recorded = 0;
	r->completed = 0;
	if ((rc = attendance_class_get(db, r->e->class_id, &k)) != DB_OK)
		return rc;
	date_format(r->e->day, day);
	clock_format_sql(clock_now(), now);
	for (i = 0; i < r->e->n; i++)
		if ((rc = record_one(db, r, &k, r->e->user_ids[i], day,
		    now)) != DB_OK)
			return rc;
	return DB_OK;
}

int
attendance_record(struct db *db, const struct config *cfg,
    const struct attendance_entry *e, int *recorded, int *completed)
{
	struct record	 r = { cfg, e, 0, 0 };
	int		 rc;

	rc = db_txn(db, record_txn, &r);
	*recorded = rc == DB_OK ? r.recorded : 0;
	*completed = rc == DB_OK ? r.completed : 0;
	return rc;
}
