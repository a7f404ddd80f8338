/*
 * The transcript is read in six statements whatever its size: the
 * enrolments, the reasons of revoked ones, the courses of the live ones,
 * the registrations, the courses with a checklist, and the external
 * courses.  The rest (which
 * registrations are independent, what was cancelled, the credit hours,
 * the order of the rows) is worked out here, because per-row subqueries
 * and sorts in temporary tables cost MariaDB more than the page's whole
 * C work (measured with bench/transcript.sh).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "db.h"
#include "str.h"
#include "transcript.h"

/*
 * The columns of an enrolment.  Both placeholders are today's date: a
 * certification reads as expired from its expires-on date unless it was
 * revoked (a decision recorded with its reason), and an in-progress one
 * is overdue after its complete-by date.
 */
#define SELECT_ENROLMENT \
	"SELECT e.id, e.family_id, c.name, c.version, " \
	"IF(e.status NOT IN ('revoked', 'cancelled') " \
	"AND e.expires_on IS NOT NULL AND e.expires_on <= ?, 'expired', " \
	"e.status), c.provisional, COALESCE(e.completed_on, ''), " \
	"COALESCE(e.complete_by, ''), COALESCE(e.expires_on, ''), " \
	"e.status = 'in_progress' AND e.complete_by < ?, " \
	"COALESCE(e.cancelled_on, ''), COALESCE(ct.number_text, '') " \
	"FROM enrollments e JOIN certifications c " \
	"ON c.id = e.certification_id LEFT JOIN certificates ct " \
	"ON ct.enrollment_id = e.id AND ct.completed_on = e.completed_on "

/* Statement results needed only while the transcript is put together. */
struct extra {
	long long	 *positions;	/* of t->courses, in step */
	long long	 *checklists;	/* course ids, ascending */
	size_t		  nchecklists;
};

static void
read_enrolment(struct db_res *res, struct transcript_cert *c)
{
	c->enrollment_id = db_int(res, 0);
	c->family_id = db_int(res, 1);
	str_copy(c->name, db_str(res, 2), sizeof(c->name));
	c->version = (int)db_int(res, 3);
	str_copy(c->status, db_str(res, 4), sizeof(c->status));
	c->provisional = (int)db_int(res, 5);
	str_copy(c->completed_on, db_str(res, 6), sizeof(c->completed_on));
	str_copy(c->complete_by, db_str(res, 7), sizeof(c->complete_by));
	str_copy(c->expires_on, db_str(res, 8), sizeof(c->expires_on));
	c->overdue = (int)db_int(res, 9);
	str_copy(c->certificate_number, db_str(res, 11),
	    sizeof(c->certificate_number));
}

/* Allocates one element more than the result's rows, so that an empty
 * result still gives a pointer the caller can free. */
static void *
alloc_rows(struct db_res *res, size_t size)
{
	return calloc(db_rows(res) + 1, size);
}

static void
add_cancelled_enrolment(struct transcript *t, const struct transcript_cert *e,
    const char *cancelled_on)
{
	struct transcript_cancelled	*c = &t->cancelled[t->ncancelled++];

	c->is_certification = 1;
	c->id = e->enrollment_id;
	str_copy(c->name, e->name, sizeof(c->name));
	str_copy(c->cancelled_on, cancelled_on, sizeof(c->cancelled_on));
}

/* Reads every enrolment of the user by certification name: the live ones
 * into t->certs, the cancelled ones into t->cancelled. */
static int
load_enrolments(struct db *db, long long user_id, struct transcript *t)
{
	struct transcript_cert	*c;
	struct db_res		*res;
	char			 today[11];
	int			 rc;

	date_format(clock_site_day(clock_now()), today);
	rc = db_query(db, &res, SELECT_ENROLMENT "WHERE e.user_id = ? "
	    "ORDER BY c.name, e.id", "ssl", today, today, user_id);
	if (rc != DB_OK)
		return rc;
	t->certs = alloc_rows(res, sizeof(*t->certs));
	t->cancelled = alloc_rows(res, sizeof(*t->cancelled));
	if (t->certs == NULL || t->cancelled == NULL) {
		db_res_free(res);
		return DB_ERROR;
	}
	while ((rc = db_next(res)) == 1) {
		c = &t->certs[t->ncerts];
		read_enrolment(res, c);
		if (strcmp(c->status, "cancelled") == 0) {
			add_cancelled_enrolment(t, c, db_str(res, 10));
			memset(c, 0, sizeof(*c));
			continue;
		}
		t->ncerts++;
	}
	db_res_free(res);
	return rc < 0 ? rc : DB_OK;
}

/* Reads the reasons of the revoked enrolments.  A statement of its own:
 * in the sorted enrolment query the 1000-character column tripled the
 * cost of MariaDB's temporary table. */
static int
load_reasons(struct db *db, long long user_id, struct transcript *t)
{
	struct db_res	*res;
	size_t		 i;
	int		 rc;

	rc = db_query(db, &res, "SELECT id, status_reason FROM enrollments "
	    "WHERE user_id = ? AND status = 'revoked'", "l", user_id);
	if (rc != DB_OK)
		return rc;
	while ((rc = db_next(res)) == 1) {
		for (i = 0; i < t->ncerts; i++) {
			if (t->certs[i].enrollment_id != db_int(res, 0) ||
			    t->certs[i].reason != NULL)
				continue;
			if ((t->certs[i].reason = db_dup(res, 1)) == NULL)
				rc = DB_ERROR;
			break;
		}
		if (rc < 0)
			break;
	}
	db_res_free(res);
	return rc < 0 ? rc : DB_OK;
}

/* Reads the courses of the live enrolments, unordered: MariaDB would sort
 * them in a temporary table, which costs more than qsort here. */
static int
load_cert_courses(struct db *db, long long user_id, struct transcript *t,
    struct extra *x)
{
	struct transcript_course	*c;
	struct db_res			*res;
	int				 rc;

	rc = db_query(db, &res, "SELECT e.id, cc.position, co.id, co.code, "
	    "co.name, co.credit_hours FROM enrollments e "
	    "JOIN certification_courses cc "
	    "ON cc.certification_id = e.certification_id "
	    "JOIN courses co ON co.id = cc.course_id "
	    "WHERE e.user_id = ? AND e.status <> 'cancelled'", "l", user_id);
	if (rc != DB_OK)
		return rc;
	t->courses = alloc_rows(res, sizeof(*t->courses));
	x->positions = alloc_rows(res, sizeof(*x->positions));
	if (t->courses == NULL || x->positions == NULL) {
		db_res_free(res);
		return DB_ERROR;
	}
	while ((rc = db_next(res)) == 1) {
		c = &t->courses[t->ncourses];
		c->enrollment_id = db_int(res, 0);
		x->positions[t->ncourses] = db_int(res, 1);
		c->course_id = db_int(res, 2);
		str_copy(c->code, db_str(res, 3), sizeof(c->code));
		str_copy(c->name, db_str(res, 4), sizeof(c->name));
		str_copy(c->credit_hours, db_str(res, 5),
		    sizeof(c->credit_hours));
		t->ncourses++;
	}
	db_res_free(res);
	return rc < 0 ? rc : DB_OK;
}

/* Reads the class columns of a registration row; returns -1 when memory
 * runs out. */
static int
read_class(struct db_res *res, struct transcript_registration *r)
{
	usec_t	 starts;

	if ((r->class = calloc(1, sizeof(*r->class))) == NULL)
		return -1;
	/* Classes start at a UTC instant; the transcript shows the day it
	 * falls on in the site's time zone. */
	if (clock_parse_sql(db_str(res, 11), &starts) == 0)
		date_format(clock_site_day(starts), r->class->starts_on);
	str_copy(r->class->instructor, db_str(res, 12),
	    sizeof(r->class->instructor));
	str_copy(r->class->location, db_str(res, 13),
	    sizeof(r->class->location));
	return 0;
}

static int
read_registration(struct db_res *res, struct transcript_registration *r)
{
	r->id = db_int(res, 0);
	r->course_id = db_int(res, 1);
	str_copy(r->code, db_str(res, 2), sizeof(r->code));
	str_copy(r->name, db_str(res, 3), sizeof(r->name));
	str_copy(r->credit_hours, db_str(res, 4), sizeof(r->credit_hours));
	str_copy(r->status, db_str(res, 5), sizeof(r->status));
	str_copy(r->completed_on, db_str(res, 6), sizeof(r->completed_on));
	str_copy(r->score, db_str(res, 7), sizeof(r->score));
	str_copy(r->cancelled_on, db_str(res, 8), sizeof(r->cancelled_on));
	str_copy(r->registered_at, db_str(res, 9), sizeof(r->registered_at));
	if (db_int(res, 10) == 0)
		return 0;
	return read_class(res, r);
}

/* The columns of a registration row for read_registration, from r (a
 * row of course_registrations or course_registration_history), co and
 * cl, then 0 for a current registration or 1 for another attempt. */
#define REGISTRATION_COLUMNS \
	"r.id, r.course_id, co.code, co.name, co.credit_hours, r.status, " \
	"COALESCE(r.completed_on, ''), COALESCE(r.score, ''), " \
	"COALESCE(r.cancelled_on, ''), r.registered_at, cl.id IS NOT NULL, " \
	"COALESCE(cl.starts_at, ''), COALESCE(cl.instructor, ''), " \
	"COALESCE(cl.location, '')"
#define REGISTRATION_JOINS \
	"JOIN courses co ON co.id = r.course_id " \
	"LEFT JOIN course_classes cl ON cl.id = r.class_id "

/* Reads every registration of the user, cancelled ones included, and
 * the other attempts kept in course_registration_history, unordered. */
static int
load_registrations(struct db *db, long long user_id, struct transcript *t)
{
	struct transcript_registration	*r;
	struct db_res			*res;
	int				 rc;

	rc = db_query(db, &res, "SELECT " REGISTRATION_COLUMNS ", 0 "
	    "FROM course_registrations r " REGISTRATION_JOINS
	    "WHERE r.user_id = ? UNION ALL "
	    "SELECT " REGISTRATION_COLUMNS ", 1 "
	    "FROM course_registration_history r " REGISTRATION_JOINS
	    "WHERE r.user_id = ?", "ll", user_id, user_id);
	if (rc != DB_OK)
		return rc;
	t->registrations = alloc_rows(res, sizeof(*t->registrations));
	t->independent = alloc_rows(res, sizeof(*t->independent));
	t->attempts = alloc_rows(res, sizeof(*t->attempts));
	if (t->registrations == NULL || t->independent == NULL ||
	    t->attempts == NULL) {
		db_res_free(res);
		return DB_ERROR;
	}
	while ((rc = db_next(res)) == 1) {
		/* Counted first, so that transcript_free frees a class
		 * allocated before a failure. */
		r = db_int(res, 14) == 0 ?
		    &t->registrations[t->nregistrations++] :
		    &t->attempts[t->nattempts++];
		if (read_registration(res, r) == -1) {
			rc = DB_ERROR;
			break;
		}
	}
	db_res_free(res);
	return rc < 0 ? rc : DB_OK;
}

/* Reads the ids of the courses the user is registered in whose checklist
 * has items, ascending. */
static int
load_checklists(struct db *db, long long user_id, struct extra *x)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, "SELECT DISTINCT ci.course_id "
	    "FROM course_registrations r JOIN checklist_items ci "
	    "ON ci.course_id = r.course_id WHERE r.user_id = ? "
	    "ORDER BY ci.course_id", "l", user_id);
	if (rc != DB_OK)
		return rc;
	if ((x->checklists = alloc_rows(res, sizeof(long long))) == NULL) {
		db_res_free(res);
		return DB_ERROR;
	}
	while ((rc = db_next(res)) == 1)
		x->checklists[x->nchecklists++] = db_int(res, 0);
	db_res_free(res);
	return rc < 0 ? rc : DB_OK;
}

static int
load_external(struct db *db, long long user_id, struct transcript *t)
{
	struct transcript_external	*e;
	struct db_res			*res;
	int				 rc;

	rc = db_query(db, &res, "SELECT id, title, provider, starts_on, "
	    "COALESCE(ends_on, ''), status, attended "
	    "FROM external_courses WHERE user_id = ? "
	    "ORDER BY starts_on DESC, id DESC", "l", user_id);
	if (rc != DB_OK)
		return rc;
	if ((t->external = alloc_rows(res, sizeof(*t->external))) == NULL) {
		db_res_free(res);
		return DB_ERROR;
	}
	while ((rc = db_next(res)) == 1) {
		e = &t->external[t->nexternal++];
		e->id = db_int(res, 0);
		str_copy(e->title, db_str(res, 1), sizeof(e->title));
		str_copy(e->provider, db_str(res, 2), sizeof(e->provider));
		str_copy(e->starts_on, db_str(res, 3), sizeof(e->starts_on));
		str_copy(e->ends_on, db_str(res, 4), sizeof(e->ends_on));
		str_copy(e->status, db_str(res, 5), sizeof(e->status));
		e->attended = (int)db_int(res, 6);
	}
	db_res_free(res);
	return rc < 0 ? rc : DB_OK;
}

static int
by_id(const void *a, const void *b)
{
	long long	 x = *(const long long *)a, y = *(const long long *)b;

	return (x > y) - (x < y);
}

static int
contains(const long long *sorted, size_t n, long long id)
{
	return bsearch(&id, sorted, n, sizeof(*sorted), by_id) != NULL;
}

/* Oldest registration first; DATETIME(6) text sorts in time order. */
static int
by_registration(const void *a, const void *b)
{
	const struct transcript_registration	*x = a, *y = b;
	int					 c;

	if ((c = strcmp(x->registered_at, y->registered_at)) != 0)
		return c;
	return (x->id > y->id) - (x->id < y->id);
}

/* Returns the user's registration in the course, or NULL.  The user has
 * at most one per course (a unique key). */
static const struct transcript_registration *
find_registration(const struct transcript_registration **by_course, size_t n,
    long long course_id)
{
	size_t	 lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (by_course[mid]->course_id < course_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && by_course[lo]->course_id == course_id ?
	    by_course[lo] : NULL;
}

static int
by_course(const void *a, const void *b)
{
	const struct transcript_registration *const	*x = a, *const *y = b;

	return ((*x)->course_id > (*y)->course_id) -
	    ((*x)->course_id < (*y)->course_id);
}

/* The sort key of a course row: enrolment, then position in the version
 * enrolled in.  Positions are unique within a version, so the course id
 * only breaks ties in data made by hand. */
struct course_key {
	long long	 enrollment_id;
	long long	 position;
	long long	 course_id;
	size_t		 index;		/* in t->courses as read */
};

static int
by_course_key(const void *a, const void *b)
{
	const struct course_key	*x = a, *y = b;

	if (x->enrollment_id != y->enrollment_id)
		return x->enrollment_id < y->enrollment_id ? -1 : 1;
	if (x->position != y->position)
		return x->position < y->position ? -1 : 1;
	return (x->course_id > y->course_id) - (x->course_id < y->course_id);
}

/* Sorts the certifications' courses and links each to the learner's
 * registration in it. */
static int
arrange_cert_courses(struct transcript *t, const struct extra *x)
{
	const struct transcript_registration	**by;
	struct transcript_course		 *sorted;
	struct course_key			 *keys;
	size_t					  i;

	keys = calloc(t->ncourses + 1, sizeof(*keys));
	sorted = calloc(t->ncourses + 1, sizeof(*sorted));
	by = calloc(t->nregistrations + 1, sizeof(*by));
	if (keys == NULL || sorted == NULL || by == NULL) {
		free(keys);
		free(sorted);
		free(by);
		return DB_ERROR;
	}
	for (i = 0; i < t->nregistrations; i++)
		by[i] = &t->registrations[i];
	qsort(by, t->nregistrations, sizeof(*by), by_course);
	for (i = 0; i < t->ncourses; i++) {
		keys[i].enrollment_id = t->courses[i].enrollment_id;
		keys[i].position = x->positions[i];
		keys[i].course_id = t->courses[i].course_id;
		keys[i].index = i;
	}
	qsort(keys, t->ncourses, sizeof(*keys), by_course_key);
	for (i = 0; i < t->ncourses; i++) {
		sorted[i] = t->courses[keys[i].index];
		sorted[i].reg = find_registration(by, t->nregistrations,
		    sorted[i].course_id);
	}
	free(keys);
	free(by);
	free(t->courses);
	t->courses = sorted;
	return DB_OK;
}

/* Points each certification at its run of courses; the courses are
 * sorted by enrolment id, the certifications by name. */
static void
attach_courses(struct transcript *t)
{
	size_t	 i, lo, hi, mid;

	for (i = 0; i < t->ncerts; i++) {
		struct transcript_cert *c = &t->certs[i];

		lo = 0;
		hi = t->ncourses;
		while (lo < hi) {
			mid = lo + (hi - lo) / 2;
			if (t->courses[mid].enrollment_id < c->enrollment_id)
				lo = mid + 1;
			else
				hi = mid;
		}
		c->first_course = lo;
		while (lo < t->ncourses &&
		    t->courses[lo].enrollment_id == c->enrollment_id)
			lo++;
		c->ncourses = lo - c->first_course;
	}
}

/* Returns a DECIMAL(6,2) text such as "12.5" or "3.25" in hundredths;
 * digits after the second decimal are ignored. */
static long long
hundredths(const char *s)
{
	long long	 whole = 0, frac = 0;
	int		 digits = 0;

	for (; *s >= '0' && *s <= '9'; s++)
		whole = whole * 10 + (*s - '0');
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9' && digits < 2; s++, digits++)
			frac = frac * 10 + (*s - '0');
	for (; digits < 2; digits++)
		frac *= 10;
	return whole * 100 + frac;
}

static void
add_cancelled_registration(struct transcript *t,
    const struct transcript_registration *r)
{
	struct transcript_cancelled	*c = &t->cancelled[t->ncancelled++];

	memset(c, 0, sizeof(*c));
	c->id = r->id;
	str_copy(c->name, r->name, sizeof(c->name));
	str_copy(c->cancelled_on, r->cancelled_on, sizeof(c->cancelled_on));
	if (r->class != NULL)
		str_copy(c->class_on, r->class->starts_on, sizeof(c->class_on));
}

/*
 * Sorts the registrations and the other attempts, and files the
 * cancelled ones of both as cancelled.  Marks the registrations with a
 * checklist and files the live ones that no live enrolment contains as
 * independent.  Adds up the credit hours of the completed registrations.
 * The user has one registration per course, so each course counts once
 * however many certifications contain it.
 */
static int
arrange_registrations(struct transcript *t, const struct extra *x)
{
	struct transcript_registration	*r;
	struct transcript_cancelled	*grown;
	long long			*ids, credit = 0;
	size_t				 i;

	grown = reallocarray(t->cancelled, t->ncancelled + t->nregistrations +
	    t->nattempts + 1, sizeof(*t->cancelled));
	if (grown == NULL)
		return DB_ERROR;
	t->cancelled = grown;
	if ((ids = calloc(t->ncourses + 1, sizeof(*ids))) == NULL)
		return DB_ERROR;
	for (i = 0; i < t->ncourses; i++)
		ids[i] = t->courses[i].course_id;
	qsort(ids, t->ncourses, sizeof(*ids), by_id);
	qsort(t->registrations, t->nregistrations, sizeof(*t->registrations),
	    by_registration);
	qsort(t->attempts, t->nattempts, sizeof(*t->attempts), by_registration);
	/* A withdrawal from another attempt is a cancellation too. */
	for (i = 0; i < t->nattempts; i++)
		if (strcmp(t->attempts[i].status, "cancelled") == 0)
			add_cancelled_registration(t, &t->attempts[i]);
	for (i = 0; i < t->nregistrations; i++) {
		r = &t->registrations[i];
		r->has_checklist = contains(x->checklists, x->nchecklists,
		    r->course_id);
		if (strcmp(r->status, "completed") == 0)
			credit += hundredths(r->credit_hours);
		if (strcmp(r->status, "cancelled") == 0)
			add_cancelled_registration(t, r);
		else if (!contains(ids, t->ncourses, r->course_id))
			t->independent[t->nindependent++] = r;
	}
	free(ids);
	snprintf(t->credit_hours, sizeof(t->credit_hours), "%lld.%02lld",
	    credit / 100, credit % 100);
	return DB_OK;
}

/* Newest cancellation first; an unrecorded date ("") sorts last.  Equal
 * dates keep certifications (by name) before courses (by registration),
 * because the insertion sort is stable. */
static void
sort_cancelled(struct transcript *t)
{
	struct transcript_cancelled	 tmp;
	size_t				 i, k;

	for (i = 1; i < t->ncancelled; i++) {
		for (k = i; k > 0 && strcmp(t->cancelled[k - 1].cancelled_on,
		    t->cancelled[k].cancelled_on) < 0; k--) {
			tmp = t->cancelled[k];
			t->cancelled[k] = t->cancelled[k - 1];
			t->cancelled[k - 1] = tmp;
		}
	}
}

int
transcript_load(struct db *db, long long user_id, struct transcript *t)
{
	struct extra	 x = { 0 };
	int		 rc;

	memset(t, 0, sizeof(*t));
	if ((rc = load_enrolments(db, user_id, t)) != DB_OK ||
	    (rc = load_reasons(db, user_id, t)) != DB_OK ||
	    (rc = load_cert_courses(db, user_id, t, &x)) != DB_OK ||
	    (rc = load_registrations(db, user_id, t)) != DB_OK ||
	    (rc = load_checklists(db, user_id, &x)) != DB_OK ||
	    (rc = load_external(db, user_id, t)) != DB_OK)
		goto out;
	/* The registrations are sorted first: the courses point into
	 * them. */
	if ((rc = arrange_registrations(t, &x)) != DB_OK ||
	    (rc = arrange_cert_courses(t, &x)) != DB_OK)
		goto out;
	attach_courses(t);
	sort_cancelled(t);
out:
	free(x.positions);
	free(x.checklists);
	if (rc != DB_OK)
		transcript_free(t);
	return rc;
}

void
transcript_free(struct transcript *t)
{
	size_t	 i;

	for (i = 0; t->certs != NULL && i < t->ncerts; i++)
		free(t->certs[i].reason);
	for (i = 0; t->registrations != NULL && i < t->nregistrations; i++)
		free(t->registrations[i].class);
	for (i = 0; t->attempts != NULL && i < t->nattempts; i++)
		free(t->attempts[i].class);
	free(t->certs);
	free(t->courses);
	free(t->registrations);
	free(t->independent);
	free(t->attempts);
	free(t->cancelled);
	free(t->external);
	memset(t, 0, sizeof(*t));
}

int
transcript_cert(struct db *db, long long user_id, long long enrollment_id,
    struct transcript_cert *out)
{
	struct db_res	*res;
	char		 today[11];
	int		 rc;

	memset(out, 0, sizeof(*out));
	date_format(clock_site_day(clock_now()), today);
	rc = db_query(db, &res, SELECT_ENROLMENT
	    "WHERE e.id = ? AND e.user_id = ? AND e.status <> 'cancelled'",
	    "ssll", today, today, enrollment_id, user_id);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_next(res)) == 1)
		read_enrolment(res, out);
	db_res_free(res);
	if (rc < 0)
		return rc;
	return rc == 1 ? DB_OK : 1;
}

int
transcript_revocable(const struct transcript_cert *c)
{
	return c->provisional && strcmp(c->status, "completed") == 0;
}

int
transcript_printable(const struct transcript_cert *c)
{
	return (strcmp(c->status, "completed") == 0 ||
	    strcmp(c->status, "expired") == 0) && c->completed_on[0] != '\0';
}
