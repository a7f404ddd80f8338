/* The admin search panel's results and the audit log. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "db.h"
#include "input.h"
#include "pages.h"
#include "request.h"
#include "response.h"
#include "search.h"
#include "str.h"
#include "view.h"

static const char *const search_lists[] = {
	"Certifications", "Courses", "Users", "Groups"
};

int
page_admin_search(struct ctx *ctx)
{
	struct view		*v = ctx->resp->view;
	const char		*q = request_query(ctx->req, "q");
	struct search_hit	*hits;
	size_t			 n, i;
	int			 count[4] = { 0 }, k;

	if (q == NULL)
		q = "";
	if (search_all(ctx->db, q, &hits, &n) != DB_OK)
		return 503;
	page_common(ctx, "admin", "Find");
	view_set(v, "Search.q", q);
	view_set_int(v, "Search.Total", (long long)n);
	for (i = 0; i < n; i++) {
		k = (int)hits[i].kind;
		view_set_int_item(v, search_lists[k], count[k], "Id",
		    hits[i].id);
		view_set_item(v, search_lists[k], count[k], "Title",
		    hits[i].title);
		view_set_item(v, search_lists[k], count[k], "Detail",
		    hits[i].detail);
		count[k]++;
	}
	free(hits);
	ctx->resp->page = "admin/search.cs";
	return 200;
}

static const char *const audit_sort_keys[] = { "newest", NULL };

int
page_audit(struct ctx *ctx)
{
	struct view		*v = ctx->resp->view;
	struct listing		 l;
	struct audit_row	*rows;
	struct buf		 extra = { 0 };
	const char		*action = request_query(ctx->req, "action");
	const char		*type = request_query(ctx->req, "target");
	const char		*idstr = request_query(ctx->req, "id");
	long long		 id = idstr != NULL ? atoll(idstr) : 0;
	size_t			 n, shown, i;
	int			 more;

	if (action == NULL)
		action = "";
	if (type == NULL)
		type = "";
	list_read(ctx, audit_sort_keys, &l);
	if (audit_list(ctx->db, &l, action, type, id, &rows, &n) != DB_OK)
		return 503;
	more = listing_has_next(&l, n, &shown);
	page_common(ctx, "admin", "Audit log");
	buf_puts(&extra, "");
	if (*action != '\0')
		query_append(&extra, "action", action);
	if (*type != '\0')
		query_append(&extra, "target", type);
	if (id > 0)
		buf_printf(&extra, "&id=%lld", id);
	list_view(ctx, &l, audit_sort_keys, more, shown, extra.data);
	buf_free(&extra);
	view_set(v, "Filter.action", action);
	view_set(v, "Filter.target", type);
	if (id > 0)
		view_set_int(v, "Filter.id", id);
	for (i = 0; i < shown; i++) {
		view_set_item(v, "Audit", (int)i, "At", rows[i].at);
		view_set_item(v, "Audit", (int)i, "Actor",
		    rows[i].actor_id ? rows[i].actor_login : "(system)");
		view_set_int_item(v, "Audit", (int)i, "ActorId",
		    rows[i].actor_id);
		view_set_item(v, "Audit", (int)i, "Impersonator",
		    rows[i].impersonator_login);
		view_set_item(v, "Audit", (int)i, "Action", rows[i].action);
		view_set_item(v, "Audit", (int)i, "TargetType",
		    rows[i].target_type);
		view_set_int_item(v, "Audit", (int)i, "TargetId",
		    rows[i].target_id);
		view_set_item(v, "Audit", (int)i, "Details", rows[i].details);
	}
	free(rows);
	ctx->resp->page = "admin/audit.cs";
	return 200;
}
