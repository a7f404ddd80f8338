#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "listing.h"
#include "outbox.h"
#include "str.h"

const char *const outbox_statuses[] = { "queued", "sent", "failed", NULL };

#define SELECT_OUTBOX \
	"SELECT id, COALESCE(user_id, 0), recipient, subject, kind, status, " \
	"attempts, last_error, created_at, COALESCE(sent_at, '') " \
	"FROM mail_outbox "

static void
read_row(struct db_res *res, struct outbox_row *r)
{
	r->id = db_int(res, 0);
	r->user_id = db_int(res, 1);
	str_copy(r->recipient, db_str(res, 2), sizeof(r->recipient));
	str_copy(r->subject, db_str(res, 3), sizeof(r->subject));
	str_copy(r->kind, db_str(res, 4), sizeof(r->kind));
	str_copy(r->status, db_str(res, 5), sizeof(r->status));
	r->attempts = (int)db_int(res, 6);
	str_copy(r->last_error, db_str(res, 7), sizeof(r->last_error));
	str_copy(r->created_at, db_str(res, 8), sizeof(r->created_at));
	str_copy(r->sent_at, db_str(res, 9), sizeof(r->sent_at));
}

int
outbox_list(struct db *db, const struct listing *l, const char *status,
    struct outbox_row **out, size_t *n)
{
	struct outbox_row	*rows;
	struct db_res		*res;
	size_t			 i = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	/* The order comes from an index: (status, created_at) with a
	 * status, (created_at) without one. */
	if (status[0] != '\0')
		rc = db_query(db, &res, SELECT_OUTBOX "WHERE status = ? "
		    "AND (? = '' OR recipient LIKE ?) "
		    "ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
		    "sssll", status, l->q_pattern, l->q_pattern, l->limit,
		    l->offset);
	else
		rc = db_query(db, &res, SELECT_OUTBOX
		    "WHERE (? = '' OR recipient LIKE ?) "
		    "ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
		    "ssll", l->q_pattern, l->q_pattern, l->limit, l->offset);
	if (rc != DB_OK)
		return rc;
	if ((rows = calloc(db_rows(res) + 1, sizeof(*rows))) == NULL) {
		db_res_free(res);
		return DB_ERROR;
	}
	while ((rc = db_next(res)) == 1)
		read_row(res, &rows[i++]);
	db_res_free(res);
	if (rc < 0) {
		free(rows);
		return rc;
	}
	*out = rows;
	*n = i;
	return DB_OK;
}
