#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "catalog.h"
#include "clock.h"
#include "db.h"
#include "listing.h"
#include "str.h"

#define SELECT_CATALOGS \
	"SELECT c.id, c.name, c.description, c.active, c.updated_at, " \
	"(SELECT COUNT(*) FROM certifications x WHERE x.catalog_id = c.id) " \
	"FROM catalogs c WHERE (? = '' OR c.name LIKE ?) " \
	"AND (? = '' OR c.name LIKE ?) "
#define PAGE	" LIMIT ? OFFSET ?"

static void
fill(struct catalog *c, struct db_res *res)
{
	memset(c, 0, sizeof(*c));
	c->id = db_int(res, 0);
	str_copy(c->name, db_str(res, 1), sizeof(c->name));
	str_copy(c->description, db_str(res, 2), sizeof(c->description));
	c->active = (int)db_int(res, 3);
	str_copy(c->updated_at, db_str(res, 4), sizeof(c->updated_at));
	c->certifications = db_int(res, 5);
}

/* Reads every row of res into a new array. */
static int
collect(struct db_res *res, struct catalog **out, size_t *n)
{
	struct catalog	*rows;
	size_t		 i = 0;
	int		 rc;

	*out = NULL;
	*n = 0;
	rows = calloc(db_rows(res) ? db_rows(res) : 1, sizeof(*rows));
	if (rows == NULL) {
		db_res_free(res);
		return DB_ERROR;
	}
	while ((rc = db_next(res)) == 1)
		fill(&rows[i++], res);
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
catalog_list(struct db *db, const struct listing *l, struct catalog **out,
    size_t *n)
{
	struct db_res	*res;
	int		 rc;

	/* ORDER BY cannot take a placeholder, so each order is a statement. */
	switch (l->sort * 2 + l->desc) {
	case 1:
		rc = db_query(db, &res, SELECT_CATALOGS
		    "ORDER BY c.name DESC" PAGE, "ssssll", l->q_pattern,
		    l->q_pattern, l->letter_pattern, l->letter_pattern,
		    l->limit, l->offset);
		break;
	case 2:
		rc = db_query(db, &res, SELECT_CATALOGS
		    "ORDER BY c.updated_at, c.id" PAGE, "ssssll", l->q_pattern,
		    l->q_pattern, l->letter_pattern, l->letter_pattern,
		    l->limit, l->offset);
		break;
	case 3:
		rc = db_query(db, &res, SELECT_CATALOGS
		    "ORDER BY c.updated_at DESC, c.id DESC" PAGE, "ssssll",
		    l->q_pattern, l->q_pattern, l->letter_pattern,
		    l->letter_pattern, l->limit, l->offset);
		break;
	default:
		rc = db_query(db, &res, SELECT_CATALOGS
		    "ORDER BY c.name" PAGE, "ssssll", l->q_pattern,
		    l->q_pattern, l->letter_pattern, l->letter_pattern,
		    l->limit, l->offset);
		break;
	}
	if (rc != DB_OK)
		return rc;
	return collect(res, out, n);
}

int
catalog_all(struct db *db, struct catalog **out, size_t *n)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, SELECT_CATALOGS "AND c.active = 1 "
	    "ORDER BY c.name", "ssss", "", "", "", "");
	if (rc != DB_OK)
		return rc;
	return collect(res, out, n);
}

int
catalog_get(struct db *db, long long id, struct catalog *c)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, SELECT_CATALOGS "AND c.id = ?", "ssssl", "",
	    "", "", "", id);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_next(res)) == 1)
		fill(c, res);
	db_res_free(res);
	return db_found(rc);
}

struct save {
	struct catalog	*c;
	long long	 actor, impersonator;
	int		 is_new;	/* fixed before the first run */
};

static int
save_txn(struct db *db, void *arg)
{
	struct save	*s = arg;
	struct catalog	*c = s->c, old;
	struct buf	 changes = { 0 };
	char		 now[27];
	int		 rc;

	clock_format_sql(clock_now(), now);
	if (s->is_new) {
		rc = db_exec(db, "INSERT INTO catalogs (name, description, "
		    "active, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
		    "ssiss", c->name, c->description, c->active, now, now);
		if (rc != DB_OK)
			return rc;
		c->id = (long long)db_insert_id(db);
		return audit_record(db, s->actor, s->impersonator,
		    "catalog_create", "catalog", c->id, c->name);
	}

	if ((rc = catalog_get(db, c->id, &old)) != DB_OK)
		return rc;
	audit_change(&changes, "name", old.name, c->name);
	audit_change(&changes, "description", old.description,
	    c->description);
	audit_change_int(&changes, "active", old.active, c->active);
	rc = db_exec(db, "UPDATE catalogs SET name = ?, description = ?, "
	    "active = ?, updated_at = ? WHERE id = ?", "ssisl", c->name,
	    c->description, c->active, now, c->id);
	if (rc == DB_OK)
		rc = audit_record(db, s->actor, s->impersonator,
		    "catalog_update", "catalog", c->id,
		    changes.data ? changes.data : "no change");
	buf_free(&changes);
	return rc;
}

int
catalog_save(struct db *db, struct catalog *c, long long actor_id,
    long long impersonator_id)
{
	struct save	 s = { c, actor_id, impersonator_id, c->id == 0 };
	long long	 id = c->id;
	int		 rc;

	rc = db_txn(db, save_txn, &s);
	if (rc != DB_OK)
		c->id = id;
	return rc;
}
