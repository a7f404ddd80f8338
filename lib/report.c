#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "report.h"
#include "str.h"

/*
 * The report's rows: enrolments completed (or completed and since
 * expired) whose expires-on date lies in [start, end].  Revoked,
 * cancelled and in-progress enrolments are left out.  The certificate
 * number is the one printed for this enrolment's current completion.
 */
#define EXPIRATION_COLUMNS \
	"SELECT e.id, u.id, u.login, u.first_name, u.last_name, u.email, " \
	"COALESCE((SELECT GROUP_CONCAT(g.name ORDER BY g.name SEPARATOR ', ') " \
	"FROM user_group_members m JOIN user_groups g ON g.id = m.group_id " \
	"WHERE m.user_id = u.id), '') AS group_names, " \
	"c.name, c.version, e.completed_on, e.expires_on, " \
	"COALESCE(ct.number_text, '') AS number_text "

#define EXPIRATION_JOINS \
	"JOIN users u ON u.id = e.user_id " \
	"JOIN certifications c ON c.id = e.certification_id " \
	"LEFT JOIN certificates ct ON ct.enrollment_id = e.id " \
	"AND ct.completed_on = e.completed_on "

#define EXPIRATION_WHERE \
	"WHERE e.status IN ('completed', 'expired') " \
	"AND e.expires_on BETWEEN ? AND ? AND (? = 0 OR e.family_id = ?) "

/* ORDER BY cannot take a placeholder, so each order is a statement of
 * its own; e.id last makes the order total, which paging needs. */
#define EXPIRATION_ALL(order) \
	EXPIRATION_COLUMNS "FROM enrollments e " EXPIRATION_JOINS \
	EXPIRATION_WHERE "ORDER BY " order " LIMIT ? OFFSET ?"

/*
 * The same rows for one page of the grid.  The inner query sorts every
 * row in the range by the columns of the order alone and keeps the ids
 * of the page.  The group names subquery and the certificate lookup then
 * run for the rows of the page only, where EXPIRATION_ALL runs them for
 * every row in the range before sorting.  The order must use only
 * columns of e, u and c.
 */
#define EXPIRATION_PAGE(order) \
	EXPIRATION_COLUMNS "FROM (SELECT e.id AS page_id FROM enrollments e " \
	"JOIN users u ON u.id = e.user_id " \
	"JOIN certifications c ON c.id = e.certification_id " \
	EXPIRATION_WHERE "ORDER BY " order " LIMIT ? OFFSET ?) p " \
	"JOIN enrollments e ON e.id = p.page_id " EXPIRATION_JOINS \
	"ORDER BY " order

/* Pages of at most this many rows read their rows with EXPIRATION_PAGE.
 * It reads each row of the page twice and sorts them twice, so a read of
 * the whole range, as in the CSV export, takes EXPIRATION_ALL. */
#define PAGE_ROWS_MAX	1000

#define EXPIRATION_ORDER(order) \
	(limit <= PAGE_ROWS_MAX ? \
	db_stream(db, &res, EXPIRATION_PAGE(order), "ssllll", start, end, \
	    q->family_id, q->family_id, limit, offset) : \
	EXPIRATION_ORDER_ALL(order))

/* Sorting by the group names or the certificate number needs those of
 * every row in the range, so these orders read all columns at once. */
#define EXPIRATION_ORDER_ALL(order) \
	db_stream(db, &res, EXPIRATION_ALL(order), "ssllll", start, end, \
	    q->family_id, q->family_id, limit, offset)

static int
open_rows(struct db *db, const struct expiration_query *q, long long limit,
    long long offset, struct db_res **out)
{
	struct db_res	*res = NULL;
	char		 start[11], end[11];
	int		 rc;

	date_format(q->start, start);
	date_format(q->end, end);
	switch (q->sort * 2 + (q->desc != 0)) {
	case 2:
		rc = EXPIRATION_ORDER("u.login, e.id");
		break;
	case 3:
		rc = EXPIRATION_ORDER("u.login DESC, e.id");
		break;
	case 4:
		rc = EXPIRATION_ORDER("u.first_name, u.last_name, e.id");
		break;
	case 5:
		rc = EXPIRATION_ORDER("u.first_name DESC, u.last_name DESC, "
		    "e.id");
		break;
	case 6:
		rc = EXPIRATION_ORDER("u.last_name, u.first_name, e.id");
		break;
	case 7:
		rc = EXPIRATION_ORDER("u.last_name DESC, u.first_name DESC, "
		    "e.id");
		break;
	case 8:
		rc = EXPIRATION_ORDER("u.email, e.id");
		break;
	case 9:
		rc = EXPIRATION_ORDER("u.email DESC, e.id");
		break;
	case 10:
		rc = EXPIRATION_ORDER_ALL("group_names, e.id");
		break;
	case 11:
		rc = EXPIRATION_ORDER_ALL("group_names DESC, e.id");
		break;
	case 12:
		rc = EXPIRATION_ORDER("c.name, c.version, e.id");
		break;
	case 13:
		rc = EXPIRATION_ORDER("c.name DESC, c.version DESC, e.id");
		break;
	case 14:
		rc = EXPIRATION_ORDER("c.version, c.name, e.id");
		break;
	case 15:
		rc = EXPIRATION_ORDER("c.version DESC, c.name, e.id");
		break;
	case 16:
		rc = EXPIRATION_ORDER("e.completed_on, e.id");
		break;
	case 17:
		rc = EXPIRATION_ORDER("e.completed_on DESC, e.id");
		break;
	case 18:
		rc = EXPIRATION_ORDER_ALL("number_text, e.id");
		break;
	case 19:
		rc = EXPIRATION_ORDER_ALL("number_text DESC, e.id");
		break;
	case 1:
		rc = EXPIRATION_ORDER("e.expires_on DESC, u.last_name, "
		    "u.first_name, e.id");
		break;
	case 0:
	default:
		rc = EXPIRATION_ORDER("e.expires_on, u.last_name, u.first_name, "
		    "e.id");
		break;
	}
	*out = res;
	return rc;
}

static void
read_row(struct db_res *res, struct expiration_row *r)
{
	r->enrollment_id = db_int(res, 0);
	r->user_id = db_int(res, 1);
	r->login = db_str(res, 2);
	r->first_name = db_str(res, 3);
	r->last_name = db_str(res, 4);
	r->email = db_str(res, 5);
	r->groups = db_str(res, 6);
	r->certification = db_str(res, 7);
	r->version = (int)db_int(res, 8);
	r->completed_on = db_str(res, 9);
	r->expires_on = db_str(res, 10);
	r->certificate_number = db_str(res, 11);
}

int
report_expiration_rows(struct db *db, const struct expiration_query *q,
    long long limit, long long offset, report_row_fn fn, void *arg)
{
	struct expiration_row	 row;
	struct db_res		*res;
	int			 rc, stop = 0;

	if ((rc = open_rows(db, q, limit, offset, &res)) != DB_OK)
		return rc;
	while (stop == 0 && (rc = db_next(res)) == 1) {
		read_row(res, &row);
		stop = fn(&row, arg);
	}
	/* Freeing the result discards the rows a stopped read left. */
	db_res_free(res);
	if (stop != 0)
		return stop;
	return rc < 0 ? rc : DB_OK;
}

int
report_expiration_count(struct db *db, const struct expiration_query *q,
    long long *count)
{
	char		 start[11], end[11];

	*count = 0;
	date_format(q->start, start);
	date_format(q->end, end);
	return db_query_int(db, count, "SELECT COUNT(*) FROM enrollments e "
	    EXPIRATION_WHERE, "ssll", start, end, q->family_id, q->family_id);
}

int
report_families(struct db *db, struct report_family **out, size_t *n)
{
	struct report_family	*rows;
	struct db_res		*res;
	size_t			 i = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	rc = db_query(db, &res, "SELECT family_id, name FROM certifications "
	    "WHERE is_newest = 1 ORDER BY name, family_id", "");
	if (rc != DB_OK)
		return rc;
	if ((rows = calloc(db_rows(res) + 1, sizeof(*rows))) == NULL) {
		db_res_free(res);
		return DB_ERROR;
	}
	while ((rc = db_next(res)) == 1) {
		rows[i].id = db_int(res, 0);
		str_copy(rows[i].name, db_str(res, 1), sizeof(rows[i].name));
		i++;
	}
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
report_family_exists(struct db *db, long long family_id)
{
	long long	 id;
	int		 rc;

	rc = db_query_int(db, &id, "SELECT id FROM certification_families "
	    "WHERE id = ?", "l", family_id);
	if (rc == DB_OK)
		return 1;
	return rc == 1 ? 0 : rc;
}
