/*
 * Classes of courses, and the conversion of class times between the site
 * time zone and UTC.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audit.h"
#include "clock.h"
#include "course.h"
#include "course_db.h"
#include "db.h"
#include "str.h"


#define SELECT_CLASS \
	"SELECT id, course_id, starts_at, ends_at, location, instructor, " \
	"capacity FROM course_classes "

static void
fill_class(void *row, struct db_res *res)
{
	struct course_class	*k = row;

	memset(k, 0, sizeof(*k));
	k->id = db_int(res, 0);
	k->course_id = db_int(res, 1);
	clock_parse_sql(db_str(res, 2), &k->starts_at);
	clock_parse_sql(db_str(res, 3), &k->ends_at);
	str_copy(k->location, db_str(res, 4), sizeof(k->location));
	str_copy(k->instructor, db_str(res, 5), sizeof(k->instructor));
	k->capacity = db_isnull(res, 6) ? 0 : db_int(res, 6);
}

int
course_class_list(struct db *db, long long course_id,
    struct course_class **out, size_t *n)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, SELECT_CLASS "WHERE course_id = ? "
	    "ORDER BY starts_at, id", "l", course_id);
	if (rc != DB_OK)
		return rc;
	return course_collect(res, sizeof(**out), fill_class, (void **)out, n);
}

int
course_class_get(struct db *db, long long id, struct course_class *k)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, SELECT_CLASS "WHERE id = ?", "l", id);
	if (rc != DB_OK)
		return rc;
	return course_first_row(res, k, fill_class);
}

/* Formats a capacity for the audit log, 0 as "unlimited". */
static void
class_capacity(long long capacity, char out[24])
{
	if (capacity == 0)
		snprintf(out, 24, "unlimited");
	else
		snprintf(out, 24, "%lld", capacity);
}

struct class_save {
	struct course_class	*k;
	long long		 actor, impersonator;
	int			 is_new;	/* fixed before the first run */
};

static int
class_insert_txn(struct db *db, struct class_save *s, const char *now)
{
	struct course_class	*k = s->k;
	struct buf		 details = { 0 };
	char			 starts[27], ends[27], capacity[24];
	char			 location[COURSE_EXCERPT_MAX + 4];
	char			 instructor[COURSE_EXCERPT_MAX + 4];
	int			 rc;

	clock_format_sql(k->starts_at, starts);
	clock_format_sql(k->ends_at, ends);
	class_capacity(k->capacity, capacity);
	rc = db_exec(db, "INSERT INTO course_classes (course_id, starts_at, "
	    "ends_at, location, instructor, capacity, created_at) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?)", "lssssss", k->course_id, starts,
	    ends, k->location, k->instructor, k->capacity ? capacity : NULL,
	    now);
	if (rc != DB_OK)
		return rc;
	k->id = (long long)db_insert_id(db);
	buf_printf(&details, "class %lld; starts: %.16s UTC; ends: %.16s UTC; "
	    "location: %s; instructor: %s; capacity: %s", k->id, starts, ends,
	    course_excerpt(k->location, location),
	    course_excerpt(k->instructor, instructor), capacity);
	rc = details.data != NULL ? audit_record(db, s->actor,
	    s->impersonator, "class_create", "course", k->course_id,
	    details.data) : DB_ERROR;
	buf_free(&details);
	return rc;
}

static int
class_update_txn(struct db *db, struct class_save *s)
{
	struct course_class	*k = s->k, old;
	struct buf		 changes = { 0 };
	char			 starts[27], ends[27], capacity[24];
	char			 old_starts[27], old_ends[27], old_capacity[24];
	int			 rc;

	if ((rc = course_class_get(db, k->id, &old)) != DB_OK)
		return rc;
	k->course_id = old.course_id;
	clock_format_sql(k->starts_at, starts);
	clock_format_sql(k->ends_at, ends);
	class_capacity(k->capacity, capacity);
	clock_format_sql(old.starts_at, old_starts);
	clock_format_sql(old.ends_at, old_ends);
	class_capacity(old.capacity, old_capacity);
	buf_printf(&changes, "class %lld; ", k->id);
	audit_change(&changes, "starts (UTC)", old_starts, starts);
	audit_change(&changes, "ends (UTC)", old_ends, ends);
	course_change_text(&changes, "location", old.location, k->location);
	course_change_text(&changes, "instructor", old.instructor,
	    k->instructor);
	audit_change(&changes, "capacity", old_capacity, capacity);

	rc = db_exec(db, "UPDATE course_classes SET starts_at = ?, "
	    "ends_at = ?, location = ?, instructor = ?, capacity = ? "
	    "WHERE id = ?", "sssssl", starts, ends, k->location,
	    k->instructor, k->capacity ? capacity : NULL, k->id);
	if (rc == DB_OK)
		rc = changes.data != NULL ? audit_record(db, s->actor,
		    s->impersonator, "class_update", "course", k->course_id,
		    changes.data) : DB_ERROR;
	buf_free(&changes);
	return rc;
}

static int
class_save_txn(struct db *db, void *arg)
{
	struct class_save	*s = arg;
	char			 now[27];

	clock_format_sql(clock_now(), now);
	if (s->is_new)
		return class_insert_txn(db, s, now);
	return class_update_txn(db, s);
}

int
course_class_save(struct db *db, struct course_class *k, long long actor_id,
    long long impersonator_id)
{
	struct class_save	 s = { k, actor_id, impersonator_id,
				    k->id == 0 };
	long long		 id = k->id;
	int			 rc;

	rc = db_txn(db, class_save_txn, &s);
	if (rc != DB_OK)
		k->id = id;
	return rc;
}

int
course_class_registrations(struct db *db, long long id, long long *n)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, "SELECT COUNT(*) FROM course_registrations "
	    "WHERE class_id = ? AND status <> 'cancelled'", "l", id);
	if (rc != DB_OK)
		return rc;
	*n = 0;
	if ((rc = db_next(res)) == 1)
		*n = db_int(res, 0);
	db_res_free(res);
	return rc < 0 ? rc : DB_OK;
}

struct class_delete {
	long long	 id, actor, impersonator;
};

static int
class_delete_txn(struct db *db, void *arg)
{
	struct class_delete	*d = arg;
	struct course_class	 old;
	struct buf		 details = { 0 };
	char			 starts[27], location[COURSE_EXCERPT_MAX + 4];
	long long		 registered;
	int			 rc;

	if ((rc = course_class_get(db, d->id, &old)) != DB_OK)
		return rc;
	if ((rc = course_class_registrations(db, d->id, &registered)) !=
	    DB_OK)
		return rc;
	/* course_registrations.class_id is set to NULL by its foreign key. */
	rc = db_exec(db, "DELETE FROM course_classes WHERE id = ?", "l",
	    d->id);
	if (rc != DB_OK)
		return rc;
	/* Another request deleted it since it was read. */
	if (db_affected(db) == 0)
		return 1;
	clock_format_sql(old.starts_at, starts);
	buf_printf(&details, "class %lld; starts: %.16s UTC; location: %s; "
	    "registrations left without a class: %lld", d->id, starts,
	    course_excerpt(old.location, location), registered);
	rc = details.data != NULL ? audit_record(db, d->actor,
	    d->impersonator, "class_delete", "course", old.course_id,
	    details.data) : DB_ERROR;
	buf_free(&details);
	return rc;
}

int
course_class_delete(struct db *db, long long id, long long actor_id,
    long long impersonator_id)
{
	struct class_delete	 d = { id, actor_id, impersonator_id };

	return db_txn(db, class_delete_txn, &d);
}

/* Reads exactly two decimal digits. */
static int
two_digits(const char *s, int *out)
{
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return -1;
	*out = (s[0] - '0') * 10 + (s[1] - '0');
	return 0;
}

int
course_class_local_time(const char *date, const char *time, usec_t *out)
{
	static const int	 dst_flags[] = { -1, 0, 1 };
	struct tm		 tm;
	time_t			 t, best = 0;
	day_t			 day;
	size_t			 i;
	int			 y, m, d, hh, mm, found = 0;

	if (date_parse(date, &day) == -1 || strlen(time) != 5 ||
	    two_digits(time, &hh) == -1 || time[2] != ':' ||
	    two_digits(time + 3, &mm) == -1 || hh > 23 || mm > 59)
		return COURSE_TIME_INVALID;
	date_to_ymd(day, &y, &m, &d);

	/*
	 * mktime() moves a time that the zone skips (02:30 when clocks go
	 * from 02:00 to 03:00) to one that exists, so a result whose fields
	 * differ from the input means the input does not exist.  A time that
	 * occurs twice matches with both tm_isdst values; the earlier wins.
	 */
	for (i = 0; i < sizeof(dst_flags) / sizeof(dst_flags[0]); i++) {
		memset(&tm, 0, sizeof(tm));
		tm.tm_year = y - 1900;
		tm.tm_mon = m - 1;
		tm.tm_mday = d;
		tm.tm_hour = hh;
		tm.tm_min = mm;
		tm.tm_isdst = dst_flags[i];
		t = mktime(&tm);
		if (t == (time_t)-1 || tm.tm_year != y - 1900 ||
		    tm.tm_mon != m - 1 || tm.tm_mday != d ||
		    tm.tm_hour != hh || tm.tm_min != mm || tm.tm_sec != 0)
			continue;
		if (!found || t < best)
			best = t;
		found = 1;
	}
	if (!found)
		return COURSE_TIME_SKIPPED;
	*out = (usec_t)best * USEC_PER_SEC;
	return COURSE_TIME_OK;
}

void
course_class_format_local(usec_t t, char date[11], char time[6])
{
	time_t		 secs = (time_t)(t / USEC_PER_SEC);
	struct tm	 tm;

	if (t % USEC_PER_SEC < 0)
		secs--;
	memset(&tm, 0, sizeof(tm));
	localtime_r(&secs, &tm);
	if (strftime(date, 11, "%Y-%m-%d", &tm) == 0)
		date[0] = '\0';
	if (strftime(time, 6, "%H:%M", &tm) == 0)
		time[0] = '\0';
}
