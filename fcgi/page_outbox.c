/* The mail outbox: what Laurel queued, sent or failed to send. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "input.h"
#include "outbox.h"
#include "pages.h"
#include "request.h"
#include "response.h"
#include "view.h"

static const char *const outbox_sort_keys[] = { "newest", NULL };

/* Returns the status filter of the query when it is a known status,
 * else "". */
static const char *
read_status(struct ctx *ctx)
{
	const char	*s = request_query(ctx->req, "status");
	int		 k;

	for (k = 0; s != NULL && outbox_statuses[k] != NULL; k++)
		if (strcmp(s, outbox_statuses[k]) == 0)
			return outbox_statuses[k];
	return "";
}

static void
set_row(struct view *v, int i, const struct outbox_row *r)
{
	view_set_int_item(v, "Outbox", i, "Id", r->id);
	view_set_int_item(v, "Outbox", i, "UserId", r->user_id);
	view_set_item(v, "Outbox", i, "Recipient", r->recipient);
	view_set_item(v, "Outbox", i, "Subject", r->subject);
	view_set_item(v, "Outbox", i, "Kind", r->kind);
	view_set_item(v, "Outbox", i, "Status", r->status);
	view_set_int_item(v, "Outbox", i, "Attempts", r->attempts);
	view_set_item(v, "Outbox", i, "LastError", r->last_error);
	view_set_item(v, "Outbox", i, "Created", r->created_at);
	view_set_item(v, "Outbox", i, "Sent", r->sent_at);
}

int
page_outbox(struct ctx *ctx)
{
	struct view		*v = ctx->resp->view;
	struct outbox_row	*rows;
	struct listing		 l;
	struct buf		 extra = { 0 };
	const char		*status = read_status(ctx);
	size_t			 n, shown, i;
	int			 more;

	list_read(ctx, outbox_sort_keys, &l);
	if (outbox_list(ctx->db, &l, status, &rows, &n) != DB_OK)
		return 503;
	more = listing_has_next(&l, n, &shown);
	page_common(ctx, "admin", "Outbox");
	buf_puts(&extra, "");
	if (status[0] != '\0') {
		query_append(&extra, "status", status);
		view_set(v, "Filter.status", status);
	}
	list_view(ctx, &l, outbox_sort_keys, more, shown, extra.data);
	buf_free(&extra);
	for (i = 0; i < shown; i++)
		set_row(v, (int)i, &rows[i]);
	free(rows);
	ctx->resp->page = "admin/outbox.cs";
	return 200;
}
