#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "clock.h"
#include "db.h"
#include "group.h"
#include "listing.h"
#include "str.h"

#define SELECT_GROUPS \
	"SELECT g.id, g.name, g.description, g.updated_at, " \
	"(SELECT COUNT(*) FROM user_group_members m " \
	"WHERE m.group_id = g.id) AS members, " \
	"(SELECT COUNT(*) FROM user_group_certifications s " \
	"WHERE s.group_id = g.id) " \
	"FROM user_groups g WHERE (? = '' OR g.name LIKE ?) " \
	"AND (? = '' OR g.name LIKE ?) "
#define SELECT_USERS \
	"SELECT u.id, u.login, u.email, u.first_name, u.last_name, u.active "
#define USER_ORDER	"ORDER BY u.last_name, u.first_name, u.login, u.id "
/* The newest version of family f: the one with the highest version. */
#define NEWEST(f) \
	"c.version = (SELECT MAX(v.version) FROM certifications v " \
	"WHERE v.family_id = " f ") "
#define PAGE	"LIMIT ? OFFSET ?"

typedef void	(*fill_fn)(void *row, struct db_res *);

static void
fill_group(void *row, struct db_res *res)
{
	struct group	*g = row;

	g->id = db_int(res, 0);
	str_copy(g->name, db_str(res, 1), sizeof(g->name));
	str_copy(g->description, db_str(res, 2), sizeof(g->description));
	str_copy(g->updated_at, db_str(res, 3), sizeof(g->updated_at));
	g->members = db_int(res, 4);
	g->subscriptions = db_int(res, 5);
}

static void
fill_user(void *row, struct db_res *res)
{
	struct group_user	*u = row;

	u->id = db_int(res, 0);
	str_copy(u->login, db_str(res, 1), sizeof(u->login));
	str_copy(u->email, db_str(res, 2), sizeof(u->email));
	str_copy(u->first_name, db_str(res, 3), sizeof(u->first_name));
	str_copy(u->last_name, db_str(res, 4), sizeof(u->last_name));
	u->active = (int)db_int(res, 5);
}

static void
fill_certification(void *row, struct db_res *res)
{
	struct group_certification	*c = row;

	c->family_id = db_int(res, 0);
	c->certification_id = db_int(res, 1);
	str_copy(c->name, db_str(res, 2), sizeof(c->name));
	c->version = db_int(res, 3);
	c->active = (int)db_int(res, 4);
	c->auto_enroll = (int)db_int(res, 5);
}

/* Reads every row of res into a new zeroed array of elements of size
 * bytes, and frees res. */
static int
collect(struct db_res *res, size_t size, fill_fn fill, void **out,
    size_t *n)
{
	char	*rows;
	size_t	 i = 0;
	int	 rc;

	*out = NULL;
	*n = 0;
	rows = calloc(db_rows(res) ? db_rows(res) : 1, size);
	if (rows == NULL) {
		db_res_free(res);
		return DB_ERROR;
	}
	while ((rc = db_next(res)) == 1)
		fill(rows + size * i++, res);
	db_res_free(res);
	if (rc < 0) {
		free(rows);
		return rc;
	}
	*out = rows;
	*n = i;
	return DB_OK;
}

/* Appends "label: 1, 2, 3; " to b, or nothing when n is 0. */
static void
append_ids(struct buf *b, const char *label, const long long *ids, size_t n)
{
	size_t	 i;

	if (n == 0)
		return;
	buf_printf(b, "%s: ", label);
	for (i = 0; i < n; i++)
		buf_printf(b, "%s%lld", i ? ", " : "", ids[i]);
	buf_puts(b, "; ");
}

int
group_list(struct db *db, const struct listing *l, struct group **out,
    size_t *n)
{
	struct db_res	*res;
	int		 rc;

	/* ORDER BY cannot take a placeholder, so each order is a statement. */
	switch (l->sort * 2 + l->desc) {
	case 1:
		rc = db_query(db, &res, SELECT_GROUPS
		    "ORDER BY g.name DESC " PAGE, "ssssll", l->q_pattern,
		    l->q_pattern, l->letter_pattern, l->letter_pattern,
		    l->limit, l->offset);
		break;
	case 2:
		rc = db_query(db, &res, SELECT_GROUPS
		    "ORDER BY members, g.name " PAGE, "ssssll", l->q_pattern,
		    l->q_pattern, l->letter_pattern, l->letter_pattern,
		    l->limit, l->offset);
		break;
	case 3:
		rc = db_query(db, &res, SELECT_GROUPS
		    "ORDER BY members DESC, g.name " PAGE, "ssssll",
		    l->q_pattern, l->q_pattern, l->letter_pattern,
		    l->letter_pattern, l->limit, l->offset);
		break;
	default:
		rc = db_query(db, &res, SELECT_GROUPS
		    "ORDER BY g.name " PAGE, "ssssll", l->q_pattern,
		    l->q_pattern, l->letter_pattern, l->letter_pattern,
		    l->limit, l->offset);
		break;
	}
	if (rc != DB_OK)
		return rc;
	return collect(res, sizeof(**out), fill_group, (void **)out, n);
}

int
group_get(struct db *db, long long id, struct group *g)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, SELECT_GROUPS "AND g.id = ?", "ssssl", "", "",
	    "", "", id);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_next(res)) == 1) {
		memset(g, 0, sizeof(*g));
		fill_group(g, res);
	}
	db_res_free(res);
	if (rc == 1)
		return DB_OK;
	if (rc == 0)
		return 1;
	return rc;
}

struct save {
	struct group	*g;
	long long	 actor, impersonator;
	int		 is_new;	/* fixed before the first run */
};

static int
save_txn(struct db *db, void *arg)
{
	struct save	*s = arg;
	struct group	*g = s->g, old;
	struct buf	 changes = { 0 };
	char		 now[27];
	int		 rc;

	clock_format_sql(clock_now(), now);
	if (s->is_new) {
		rc = db_exec(db, "INSERT INTO user_groups (name, description, "
		    "created_at, updated_at) VALUES (?, ?, ?, ?)", "ssss",
		    g->name, g->description, now, now);
		if (rc != DB_OK)
			return rc;
		g->id = (long long)db_insert_id(db);
		return audit_record(db, s->actor, s->impersonator,
		    "group_create", "user_group", g->id, g->name);
	}

	if ((rc = group_get(db, g->id, &old)) != DB_OK)
		return rc;
	audit_change(&changes, "name", old.name, g->name);
	audit_change(&changes, "description", old.description,
	    g->description);
	rc = db_exec(db, "UPDATE user_groups SET name = ?, description = ?, "
	    "updated_at = ? WHERE id = ?", "sssl", g->name, g->description,
	    now, g->id);
	if (rc == DB_OK)
		rc = audit_record(db, s->actor, s->impersonator,
		    "group_update", "user_group", g->id,
		    changes.data ? changes.data : "no change");
	buf_free(&changes);
	return rc;
}

int
group_save(struct db *db, struct group *g, long long actor_id,
    long long impersonator_id)
{
	struct save	 s = { g, actor_id, impersonator_id, g->id == 0 };
	long long	 id = g->id;
	int		 rc;

	rc = db_txn(db, save_txn, &s);
	if (rc != DB_OK)
		g->id = id;
	return rc;
}

int
group_members(struct db *db, long long group_id, const struct listing *l,
    struct group_user **out, size_t *n)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, SELECT_USERS "FROM user_group_members m "
	    "JOIN users u ON u.id = m.user_id WHERE m.group_id = ? "
	    USER_ORDER PAGE, "lll", group_id, l->limit, l->offset);
	if (rc != DB_OK)
		return rc;
	return collect(res, sizeof(**out), fill_user, (void **)out, n);
}

int
group_candidates(struct db *db, long long group_id, const struct listing *l,
    struct group_user **out, size_t *n)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, SELECT_USERS "FROM users u "
	    "WHERE (u.login LIKE ? OR u.email LIKE ? OR u.first_name LIKE ? "
	    "OR u.last_name LIKE ?) AND NOT EXISTS (SELECT 1 FROM "
	    "user_group_members m WHERE m.group_id = ? AND m.user_id = u.id) "
	    USER_ORDER PAGE, "sssslll", l->q_pattern, l->q_pattern,
	    l->q_pattern, l->q_pattern, group_id, l->limit, l->offset);
	if (rc != DB_OK)
		return rc;
	return collect(res, sizeof(**out), fill_user, (void **)out, n);
}

/*
 * A change to many rows of one group.  done receives the ids that the
 * run changed.  Each run empties it first, because db_txn rolled back the
 * earlier run.
 */
struct batch {
	long long	 group_id;
	const long long	*ids;
	size_t		 n;
	long long	 actor, impersonator;
	long long	*done;		/* n entries */
	size_t		 n_done;
};

static int
members_add_txn(struct db *db, void *arg)
{
	struct batch	*b = arg;
	struct buf	 details = { 0 };
	char		 now[27];
	size_t		 i;
	int		 rc;

	b->n_done = 0;
	clock_format_sql(clock_now(), now);
	/* The primary key (group_id, user_id) makes adding a member twice
	 * change nothing; the SELECT skips ids of no user. */
	for (i = 0; i < b->n; i++) {
		rc = db_exec(db, "INSERT INTO user_group_members (group_id, "
		    "user_id, added_at) SELECT ?, u.id, ? FROM users u "
		    "WHERE u.id = ? ON DUPLICATE KEY UPDATE "
		    "user_group_members.added_at = "
		    "user_group_members.added_at", "lsl", b->group_id, now,
		    b->ids[i]);
		if (rc != DB_OK)
			return rc;
		if (db_affected(db) == 1)
			b->done[b->n_done++] = b->ids[i];
	}
	if (b->n_done == 0)
		return DB_OK;

	append_ids(&details, "added user ids", b->done, b->n_done);
	rc = audit_record(db, b->actor, b->impersonator, "group_members_add",
	    "user_group", b->group_id, details.data);
	buf_free(&details);
	return rc;
}

static int
members_remove_txn(struct db *db, void *arg)
{
	struct batch	*b = arg;
	struct buf	 details = { 0 };
	size_t		 i;
	int		 rc;

	b->n_done = 0;
	for (i = 0; i < b->n; i++) {
		rc = db_exec(db, "DELETE FROM user_group_members "
		    "WHERE group_id = ? AND user_id = ?", "ll", b->group_id,
		    b->ids[i]);
		if (rc != DB_OK)
			return rc;
		if (db_affected(db) == 1)
			b->done[b->n_done++] = b->ids[i];
	}
	if (b->n_done == 0)
		return DB_OK;

	append_ids(&details, "removed user ids", b->done, b->n_done);
	rc = audit_record(db, b->actor, b->impersonator,
	    "group_members_remove", "user_group", b->group_id, details.data);
	buf_free(&details);
	return rc;
}

static int
subscribe_txn(struct db *db, void *arg)
{
	struct batch	*b = arg;
	struct buf	 details = { 0 };
	char		 now[27];
	size_t		 i;
	int		 rc;

	b->n_done = 0;
	clock_format_sql(clock_now(), now);
	/* As for members, the primary key (group_id, family_id) makes a
	 * second subscription change nothing, including its auto_enroll. */
	for (i = 0; i < b->n; i++) {
		rc = db_exec(db, "INSERT INTO user_group_certifications "
		    "(group_id, family_id, auto_enroll, created_at) "
		    "SELECT ?, f.id, 0, ? FROM certification_families f "
		    "WHERE f.id = ? ON DUPLICATE KEY UPDATE "
		    "user_group_certifications.auto_enroll = "
		    "user_group_certifications.auto_enroll", "lsl",
		    b->group_id, now, b->ids[i]);
		if (rc != DB_OK)
			return rc;
		if (db_affected(db) == 1)
			b->done[b->n_done++] = b->ids[i];
	}
	if (b->n_done == 0)
		return DB_OK;

	append_ids(&details, "subscribed family ids", b->done, b->n_done);
	rc = audit_record(db, b->actor, b->impersonator, "group_subscribe",
	    "user_group", b->group_id, details.data);
	buf_free(&details);
	return rc;
}

/* Runs fn over ids in one transaction; *done_count receives how many of
 * them it changed. */
static int
run_batch(struct db *db, db_txn_fn fn, long long group_id,
    const long long *ids, size_t n, long long actor_id,
    long long impersonator_id, size_t *done_count)
{
	struct batch	 b = { group_id, ids, n, actor_id, impersonator_id,
			    NULL, 0 };
	int		 rc;

	*done_count = 0;
	if (n == 0)
		return DB_OK;
	if ((b.done = calloc(n, sizeof(*b.done))) == NULL)
		return DB_ERROR;
	rc = db_txn(db, fn, &b);
	if (rc == DB_OK)
		*done_count = b.n_done;
	free(b.done);
	return rc;
}

int
group_members_add(struct db *db, long long group_id,
    const long long *user_ids, size_t n, long long actor_id,
    long long impersonator_id, size_t *added)
{
	return run_batch(db, members_add_txn, group_id, user_ids, n,
	    actor_id, impersonator_id, added);
}

int
group_members_remove(struct db *db, long long group_id,
    const long long *user_ids, size_t n, long long actor_id,
    long long impersonator_id, size_t *removed)
{
	return run_batch(db, members_remove_txn, group_id, user_ids, n,
	    actor_id, impersonator_id, removed);
}

int
group_subscribe(struct db *db, long long group_id,
    const long long *family_ids, size_t n, long long actor_id,
    long long impersonator_id, size_t *added)
{
	return run_batch(db, subscribe_txn, group_id, family_ids, n,
	    actor_id, impersonator_id, added);
}

int
group_subscriptions(struct db *db, long long group_id,
    struct group_certification **out, size_t *n)
{
	struct db_res	*res;
	int		 rc;

	/* LEFT JOIN keeps a family that has no version yet in the list. */
	rc = db_query(db, &res, "SELECT s.family_id, c.id, c.name, "
	    "c.version, c.active, s.auto_enroll "
	    "FROM user_group_certifications s "
	    "LEFT JOIN certifications c ON c.family_id = s.family_id AND "
	    NEWEST("s.family_id") "WHERE s.group_id = ? "
	    "ORDER BY c.name, s.family_id", "l", group_id);
	if (rc != DB_OK)
		return rc;
	return collect(res, sizeof(**out), fill_certification, (void **)out,
	    n);
}

int
group_available(struct db *db, long long group_id, const struct listing *l,
    struct group_certification **out, size_t *n)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, "SELECT c.family_id, c.id, c.name, "
	    "c.version, c.active, 0 FROM certifications c WHERE "
	    NEWEST("c.family_id") "AND NOT EXISTS (SELECT 1 FROM "
	    "user_group_certifications s WHERE s.group_id = ? AND "
	    "s.family_id = c.family_id) AND (? = '' OR c.name LIKE ?) "
	    "AND (? = '' OR c.name LIKE ?) ORDER BY c.name, c.family_id "
	    PAGE, "lssssll", group_id, l->q_pattern, l->q_pattern,
	    l->letter_pattern, l->letter_pattern, l->limit, l->offset);
	if (rc != DB_OK)
		return rc;
	return collect(res, sizeof(**out), fill_certification, (void **)out,
	    n);
}

static int
contains(const long long *ids, size_t n, long long id)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

struct subscriptions_save {
	long long				 group_id;
	const struct group_subscription_edit	*edit;
	long long				 actor, impersonator;
	/* Family ids changed by the run, each array sized for all shown
	 * and removed families. */
	long long				*on, *off, *removed;
	size_t					 n_on, n_off, n_removed;
};

static int
subscriptions_save_txn(struct db *db, void *arg)
{
	struct subscriptions_save		*s = arg;
	const struct group_subscription_edit	*e = s->edit;
	struct buf				 details = { 0 };
	long long				 family;
	size_t					 i;
	int					 rc, want;

	s->n_on = s->n_off = s->n_removed = 0;
	for (i = 0; i < e->n_remove; i++) {
		rc = db_exec(db, "DELETE FROM user_group_certifications "
		    "WHERE group_id = ? AND family_id = ?", "ll", s->group_id,
		    e->remove[i]);
		if (rc != DB_OK)
			return rc;
		if (db_affected(db) == 1)
			s->removed[s->n_removed++] = e->remove[i];
	}
	for (i = 0; i < e->n_shown; i++) {
		family = e->shown[i];
		if (contains(e->remove, e->n_remove, family))
			continue;
		want = contains(e->auto_enroll, e->n_auto_enroll, family);
		rc = db_exec(db, "UPDATE user_group_certifications SET "
		    "auto_enroll = ? WHERE group_id = ? AND family_id = ? "
		    "AND auto_enroll <> ?", "illi", want, s->group_id, family,
		    want);
		if (rc != DB_OK)
			return rc;
		if (db_affected(db) != 1)
			continue;
		if (want)
			s->on[s->n_on++] = family;
		else
			s->off[s->n_off++] = family;
	}
	if (s->n_on + s->n_off + s->n_removed == 0)
		return DB_OK;

	append_ids(&details, "auto_enroll on for family ids", s->on, s->n_on);
	append_ids(&details, "auto_enroll off for family ids", s->off,
	    s->n_off);
	append_ids(&details, "removed family ids", s->removed, s->n_removed);
	rc = audit_record(db, s->actor, s->impersonator,
	    "group_subscriptions_update", "user_group", s->group_id,
	    details.data);
	buf_free(&details);
	return rc;
}

int
group_subscriptions_save(struct db *db, long long group_id,
    const struct group_subscription_edit *e, long long actor_id,
    long long impersonator_id, size_t *changed, size_t *removed)
{
	struct subscriptions_save	 s = { group_id, e, actor_id,
					    impersonator_id, NULL, NULL, NULL,
					    0, 0, 0 };
	size_t				 size = e->n_shown + e->n_remove + 1;
	int				 rc = DB_ERROR;

	s.on = calloc(size, sizeof(*s.on));
	s.off = calloc(size, sizeof(*s.off));
	s.removed = calloc(size, sizeof(*s.removed));
	if (s.on != NULL && s.off != NULL && s.removed != NULL)
		rc = db_txn(db, subscriptions_save_txn, &s);
	if (rc == DB_OK) {
		if (changed != NULL)
			*changed = s.n_on + s.n_off;
		if (removed != NULL)
			*removed = s.n_removed;
	}
	free(s.on);
	free(s.off);
	free(s.removed);
	return rc;
}
