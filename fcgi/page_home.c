/* The start pages of the admin and learner areas, and the health check. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "conf.h"
#include "pages.h"
#include "request.h"
#include "response.h"
#include "str.h"
#include "user.h"
#include "view.h"

int
page_admin_home(struct ctx *ctx)
{
	struct view	*v = ctx->resp->view;
	long long	 admins, learners, sessions;

	admins = user_count_role(ctx->db, ROLE_ADMIN);
	learners = user_count_role(ctx->db, ROLE_LEARNER);
	sessions = session_count(ctx->db, ctx->cfg);
	if (admins < 0 || learners < 0 || sessions < 0)
		return 503;
	page_common(ctx, "admin", "Administration");
	view_set_int(v, "Stats.Users", admins + learners);
	view_set_int(v, "Stats.Admins", admins);
	view_set_int(v, "Stats.Learners", learners);
	view_set_int(v, "Stats.ActiveSessions", sessions);
	ctx->resp->page = "admin/home.cs";
	return 200;
}

/* A page without database work, for load balancers and benchmarks. */
int
page_healthz(struct ctx *ctx)
{
	buf_puts(&ctx->resp->body, "ok\n");
	ctx->resp->content_type = "text/plain; charset=utf-8";
	return 200;
}

/* Redirects /admin to /admin/ and /learn to /learn/. */
int
page_add_slash(struct ctx *ctx)
{
	char	 location[64];

	snprintf(location, sizeof(location), "%s/", ctx->req->path);
	response_redirect(ctx->resp, location);
	return 303;
}
