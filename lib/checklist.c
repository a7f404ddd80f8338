#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "checklist.h"
#include "clock.h"
#include "db.h"
#include "records_db.h"
#include "str.h"

static void
fill_entry(void *row, struct db_res *res)
{
	struct checklist_entry	*e = row;

	memset(e, 0, sizeof(*e));
	e->item_id = db_int(res, 0);
	str_copy(e->text, db_str(res, 1), sizeof(e->text));
	e->ticked = (int)db_int(res, 2);
	str_copy(e->ticked_at, db_str(res, 3), sizeof(e->ticked_at));
	e->ticked_by_id = db_int(res, 4);
	str_copy(e->ticked_by, db_str(res, 5), sizeof(e->ticked_by));
}

int
checklist_progress(struct db *db, long long user_id, long long course_id,
    struct checklist_entry **out, size_t *n)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, "SELECT i.id, i.text, p.item_id IS NOT NULL, "
	    "COALESCE(p.ticked_at, ''), COALESCE(p.ticked_by, 0), "
	    "COALESCE(u.login, '') "
	    "FROM checklist_items i LEFT JOIN checklist_progress p "
	    "ON p.item_id = i.id AND p.user_id = ? "
	    "LEFT JOIN users u ON u.id = p.ticked_by "
	    "WHERE i.course_id = ? ORDER BY i.position, i.id", "ll", user_id,
	    course_id);
	if (rc != DB_OK)
		return rc;
	return records_collect(res, sizeof(**out), fill_entry, (void **)out,
	    n);
}

static void
fill_course(void *row, struct db_res *res)
{
	struct checklist_course	*c = row;

	memset(c, 0, sizeof(*c));
	c->course_id = db_int(res, 0);
	str_copy(c->code, db_str(res, 1), sizeof(c->code));
	str_copy(c->name, db_str(res, 2), sizeof(c->name));
	str_copy(c->status, db_str(res, 3), sizeof(c->status));
	c->items = db_int(res, 4);
	c->ticked = db_int(res, 5);
}

int
checklist_courses(struct db *db, long long user_id,
    struct checklist_course **out, size_t *n)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, "SELECT c.id, c.code, c.name, r.status, "
	    "COUNT(*), COUNT(p.item_id) FROM course_registrations r "
	    "JOIN courses c ON c.id = r.course_id "
	    "JOIN checklist_items i ON i.course_id = c.id "
	    "LEFT JOIN checklist_progress p ON p.item_id = i.id "
	    "AND p.user_id = r.user_id WHERE r.user_id = ? "
	    "GROUP BY c.id, c.code, c.name, r.status ORDER BY c.name, c.code",
	    "l", user_id);
	if (rc != DB_OK)
		return rc;
	return records_collect(res, sizeof(**out), fill_course, (void **)out,
	    n);
}

struct save {
	long long		 user_id, course_id;
	const long long		*ticked;
	size_t			 n;
	long long		 actor, impersonator;
	int			 changes;
};

static int
wanted(const struct save *s, long long item_id)
{
	size_t	 i;

	for (i = 0; i < s->n; i++)
		if (s->ticked[i] == item_id)
			return 1;
	return 0;
}

/* Ticks or unticks one item and writes its audit entry.  A change made
 * by another request since the read counts as no change. */
static int
apply(struct db *db, struct save *s, const struct checklist_entry *e,
    const char *now)
{
	struct buf	 details = { 0 };
	char		 actor[24], text[RECORDS_EXCERPT_MAX + 4];
	int		 rc;

	if (e->ticked) {
		rc = db_exec(db, "DELETE FROM checklist_progress "
		    "WHERE user_id = ? AND item_id = ?", "ll", s->user_id,
		    e->item_id);
		if (rc != DB_OK || db_affected(db) == 0)
			return rc;
	} else {
		snprintf(actor, sizeof(actor), "%lld", s->actor);
		rc = db_exec(db, "INSERT INTO checklist_progress (user_id, "
		    "item_id, ticked_at, ticked_by) VALUES (?, ?, ?, ?)",
		    "llss", s->user_id, e->item_id, now,
		    s->actor ? actor : NULL);
		if (rc == DB_DUPLICATE)
			return DB_OK;
		if (rc != DB_OK)
			return rc;
	}
	s->changes++;
	buf_printf(&details, "course %lld, item %lld: %s", s->course_id,
	    e->item_id, records_excerpt(e->text, text));
	rc = details.data != NULL ? audit_record(db, s->actor,
	    s->impersonator, e->ticked ? "checklist_untick" : "checklist_tick",
	    "user", s->user_id, details.data) : DB_ERROR;
	buf_free(&details);
	return rc;
}

static int
save_txn(struct db *db, void *arg)
{
	struct save		*s = arg;
	struct checklist_entry	*items;
	size_t			 n, i;
	char			 now[27];
	int			 rc;

	s->changes = 0;
	clock_format_sql(clock_now(), now);
	rc = checklist_progress(db, s->user_id, s->course_id, &items, &n);
	if (rc != DB_OK)
		return rc;
	for (i = 0; i < n && rc == DB_OK; i++)
		if (items[i].ticked != wanted(s, items[i].item_id))
			rc = apply(db, s, &items[i], now);
	free(items);
	return rc;
}

int
checklist_save(struct db *db, long long user_id, long long course_id,
    const long long *ticked, size_t n, long long actor_id,
    long long impersonator_id, int *changes)
{
	struct save	 s = { user_id, course_id, ticked, n, actor_id,
			    impersonator_id, 0 };
	int		 rc;

	rc = db_txn(db, save_txn, &s);
	*changes = rc == DB_OK ? s.changes : 0;
	return rc;
}
