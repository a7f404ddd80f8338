/* The mail outbox: what Laurel queued, sent or failed to send. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "conf.h"
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
	view_set_item(v, "Outbox", i, "NextAttempt", r->next_attempt_at);
	view_set_int_item(v, "Outbox", i, "Sending", r->sending);
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
	view_set_int(v, "Mail.Configured", ctx->cfg->mail_relay[0] != '\0');
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

/* Queues a failed message again for laurel-worker. */
int
page_outbox_retry(struct ctx *ctx)
{
	struct request	*req = ctx->req;
	int		 rc;

	rc = outbox_retry(ctx->db, req->param_id, req->session.user_id,
	    req->session.impersonator_id);
	switch (rc) {
	case DB_OK:
		page_flash_next(ctx, "success", ctx->cfg->mail_relay[0] != '\0' ?
		    "Message queued again. laurel-worker sends it shortly, and "
		    "its status here shows the outcome." :
		    "Message queued again. It stays queued until mail delivery "
		    "is configured.");
		response_redirect(ctx->resp, "/admin/outbox");
		return 303;
	case OUTBOX_NOT_FOUND:
		return 404;
	case OUTBOX_NOT_FAILED:
		page_common(ctx, "admin", NULL);
		response_error(ctx->resp, 409, "Nothing was queued: only a "
		    "failed message can be retried, and this one is queued or "
		    "sent already. Open the Outbox again to see its status.");
		return 409;
	default:
		return 503;
	}
}
