#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "listing.h"
#include "search.h"
#include "str.h"

/* Appends the rows of res (id, title, detail) as hits of one kind. */
static int
append(struct db_res *res, enum search_kind kind, struct search_hit *hits,
    size_t *n)
{
	int	 rc;

	while ((rc = db_next(res)) == 1) {
		hits[*n].kind = kind;
		hits[*n].id = db_int(res, 0);
		str_copy(hits[*n].title, db_str(res, 1),
		    sizeof(hits[*n].title));
		str_copy(hits[*n].detail, db_str(res, 2),
		    sizeof(hits[*n].detail));
		(*n)++;
	}
	db_res_free(res);
	return rc < 0 ? rc : DB_OK;
}

int
search_all(struct db *db, const char *q, struct search_hit **out, size_t *n)
{
	struct listing		 l = { .q = q };
	struct search_hit	*hits;
	struct db_res		*res;
	const char		*p;
	int			 rc;

	*out = NULL;
	*n = 0;
	listing_prepare(&l);
	p = l.q_pattern;
	if (*p == '\0')
		return DB_OK;
	if ((hits = calloc(4 * SEARCH_PER_KIND, sizeof(*hits))) == NULL)
		return DB_ERROR;

	/* The newest version of each family, found through the unique
	 * (family_id, version) key. */
	rc = db_query(db, &res, "SELECT c.id, c.name, "
	    "CONCAT('Version ', c.version) FROM certifications c "
	    "WHERE c.name LIKE ? AND c.version = (SELECT MAX(v.version) "
	    "FROM certifications v WHERE v.family_id = c.family_id) "
	    "ORDER BY c.name LIMIT 10", "s", p);
	if (rc == DB_OK)
		rc = append(res, SEARCH_CERTIFICATION, hits, n);
	if (rc == DB_OK)
		rc = db_query(db, &res, "SELECT id, name, code FROM courses "
		    "WHERE name LIKE ? OR code LIKE ? ORDER BY name LIMIT 10",
		    "ss", p, p);
	if (rc == DB_OK)
		rc = append(res, SEARCH_COURSE, hits, n);
	if (rc == DB_OK)
		rc = db_query(db, &res, "SELECT id, "
		    "CONCAT(first_name, ' ', last_name), login FROM users "
		    "WHERE login LIKE ? OR email LIKE ? OR first_name LIKE ? "
		    "OR last_name LIKE ? ORDER BY last_name, first_name "
		    "LIMIT 10", "ssss", p, p, p, p);
	if (rc == DB_OK)
		rc = append(res, SEARCH_USER, hits, n);
	if (rc == DB_OK)
		rc = db_query(db, &res, "SELECT id, name, '' FROM user_groups "
		    "WHERE name LIKE ? ORDER BY name LIMIT 10", "s", p);
	if (rc == DB_OK)
		rc = append(res, SEARCH_GROUP, hits, n);
	if (rc != DB_OK) {
		free(hits);
		*n = 0;
		return rc;
	}
	*out = hits;
	return DB_OK;
}
