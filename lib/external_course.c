#include "config.h"

#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "clock.h"
#include "db.h"
#include "external_course.h"
#include "records_db.h"
#include "str.h"

static const char *const status_names[] = EXTERNAL_STATUS_NAMES;

#define SELECT_EXTERNAL \
	"SELECT id, user_id, title, provider, starts_on, " \
	"COALESCE(ends_on, ''), status, attended, updated_at " \
	"FROM external_courses "

const char *
external_status_name(enum external_status s)
{
	return status_names[s];
}

static enum external_status
status_parse(const char *s)
{
	if (strcmp(s, "in_progress") == 0)
		return EXTERNAL_IN_PROGRESS;
	if (strcmp(s, "failed") == 0)
		return EXTERNAL_FAILED;
	return EXTERNAL_COMPLETED;
}

static void
fill(void *row, struct db_res *res)
{
	struct external_course	*e = row;

	memset(e, 0, sizeof(*e));
	e->id = db_int(res, 0);
	e->user_id = db_int(res, 1);
	str_copy(e->title, db_str(res, 2), sizeof(e->title));
	str_copy(e->provider, db_str(res, 3), sizeof(e->provider));
	str_copy(e->starts_on, db_str(res, 4), sizeof(e->starts_on));
	str_copy(e->ends_on, db_str(res, 5), sizeof(e->ends_on));
	e->status = status_parse(db_str(res, 6));
	e->attended = (int)db_int(res, 7);
	str_copy(e->updated_at, db_str(res, 8), sizeof(e->updated_at));
}

int
external_course_list(struct db *db, long long user_id,
    struct external_course **out, size_t *n)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, SELECT_EXTERNAL "WHERE user_id = ? "
	    "ORDER BY starts_on DESC, id DESC", "l", user_id);
	if (rc != DB_OK)
		return rc;
	return records_collect(res, sizeof(**out), fill, (void **)out, n);
}

int
external_course_get(struct db *db, long long id, struct external_course *e)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, SELECT_EXTERNAL "WHERE id = ?", "l", id);
	if (rc != DB_OK)
		return rc;
	return records_first_row(res, e, fill);
}

/* Appends a change of a text field, shortened, to the audit details. */
static void
change_text(struct buf *changes, const char *label, const char *old_value,
    const char *new_value)
{
	char	 a[RECORDS_EXCERPT_MAX + 4], b[RECORDS_EXCERPT_MAX + 4];

	if (strcmp(old_value, new_value) == 0)
		return;
	audit_change(changes, label, records_excerpt(old_value, a),
	    records_excerpt(new_value, b));
}

struct save {
	struct external_course	*e;
	long long		 actor, impersonator;
	int			 is_new;	/* fixed before the first run */
};

static int
insert_txn(struct db *db, struct save *s, const char *now)
{
	struct external_course	*e = s->e;
	struct buf		 details = { 0 };
	char			 title[RECORDS_EXCERPT_MAX + 4];
	char			 provider[RECORDS_EXCERPT_MAX + 4];
	char			 actor[24];
	int			 rc;

	snprintf(actor, sizeof(actor), "%lld", s->actor);
	rc = db_exec(db, "INSERT INTO external_courses (user_id, title, "
	    "provider, starts_on, ends_on, status, attended, created_by, "
	    "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	    "lsssssisss", e->user_id, e->title, e->provider, e->starts_on,
	    e->ends_on[0] ? e->ends_on : NULL, status_names[e->status],
	    e->attended, s->actor ? actor : NULL, now, now);
	if (rc != DB_OK)
		return rc;
	e->id = (long long)db_insert_id(db);
	buf_printf(&details, "external course %lld; title: %s; provider: %s; "
	    "from: %s; to: %s; status: %s; attended: %s", e->id,
	    records_excerpt(e->title, title),
	    records_excerpt(e->provider, provider), e->starts_on,
	    e->ends_on[0] ? e->ends_on : "not set", status_names[e->status],
	    e->attended ? "yes" : "no");
	rc = details.data != NULL ? audit_record(db, s->actor,
	    s->impersonator, "external_course_create", "user", e->user_id,
	    details.data) : DB_ERROR;
	buf_free(&details);
	return rc;
}

static int
update_txn(struct db *db, struct save *s, const char *now)
{
	struct external_course	*e = s->e, old;
	struct buf		 changes = { 0 };
	int			 rc;

	if ((rc = external_course_get(db, e->id, &old)) != DB_OK)
		return rc;
	if (old.user_id != e->user_id)
		return 1;
	buf_printf(&changes, "external course %lld; ", e->id);
	change_text(&changes, "title", old.title, e->title);
	change_text(&changes, "provider", old.provider, e->provider);
	audit_change(&changes, "from", old.starts_on, e->starts_on);
	audit_change(&changes, "to", old.ends_on, e->ends_on);
	audit_change(&changes, "status", status_names[old.status],
	    status_names[e->status]);
	audit_change(&changes, "attended", old.attended ? "yes" : "no",
	    e->attended ? "yes" : "no");
	rc = db_exec(db, "UPDATE external_courses SET title = ?, "
	    "provider = ?, starts_on = ?, ends_on = ?, status = ?, "
	    "attended = ?, updated_at = ? WHERE id = ?", "sssssisl", e->title,
	    e->provider, e->starts_on, e->ends_on[0] ? e->ends_on : NULL,
	    status_names[e->status], e->attended, now, e->id);
	if (rc == DB_OK)
		rc = changes.data != NULL ? audit_record(db, s->actor,
		    s->impersonator, "external_course_update", "user",
		    e->user_id, changes.data) : DB_ERROR;
	buf_free(&changes);
	return rc;
}

static int
save_txn(struct db *db, void *arg)
{
	struct save	*s = arg;
	char		 now[27];

	clock_format_sql(clock_now(), now);
	if (s->is_new)
		return insert_txn(db, s, now);
	return update_txn(db, s, now);
}

int
external_course_save(struct db *db, struct external_course *e,
    long long actor_id, long long impersonator_id)
{
	struct save	 s = { e, actor_id, impersonator_id, e->id == 0 };
	long long	 id = e->id;
	int		 rc;

	rc = db_txn(db, save_txn, &s);
	if (rc != DB_OK)
		e->id = id;
	return rc;
}

struct delete {
	long long	 user_id, id, actor, impersonator;
};

static int
delete_txn(struct db *db, void *arg)
{
	struct delete		*d = arg;
	struct external_course	 old;
	struct buf		 details = { 0 };
	char			 title[RECORDS_EXCERPT_MAX + 4];
	int			 rc;

	if ((rc = external_course_get(db, d->id, &old)) != DB_OK)
		return rc;
	if (old.user_id != d->user_id)
		return 1;
	rc = db_exec(db, "DELETE FROM external_courses WHERE id = ?", "l",
	    d->id);
	if (rc != DB_OK)
		return rc;
	/* Another request deleted it since it was read. */
	if (db_affected(db) == 0)
		return 1;
	buf_printf(&details, "external course %lld; title: %s; from: %s; "
	    "status: %s", d->id, records_excerpt(old.title, title),
	    old.starts_on, status_names[old.status]);
	rc = details.data != NULL ? audit_record(db, d->actor,
	    d->impersonator, "external_course_delete", "user", d->user_id,
	    details.data) : DB_ERROR;
	buf_free(&details);
	return rc;
}

int
external_course_delete(struct db *db, long long user_id, long long id,
    long long actor_id, long long impersonator_id)
{
	struct delete	 d = { user_id, id, actor_id, impersonator_id };

	return db_txn(db, delete_txn, &d);
}
