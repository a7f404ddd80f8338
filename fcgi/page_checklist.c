/*
 * Checklists of courses: the learner ticks the items of a course they
 * are registered in, and an administrator ticks them for a learner.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checklist.h"
#include "clock.h"
#include "conf.h"
#include "course.h"
#include "db.h"
#include "input.h"
#include "page_records.h"
#include "pages.h"
#include "registration.h"
#include "request.h"
#include "response.h"
#include "user.h"
#include "view.h"

/* Items of one checklist that a form can tick.  Limits.Fields (200 by
 * default) rejects a larger form before it gets here. */
#define CHECKLIST_FORM_MAX	1000

/* Formats a UTC "YYYY-MM-DD HH:MM:SS" time in the site time zone as
 * "YYYY-MM-DD HH:MM", or as "" when s is not such a time. */
static void
format_local(const char *s, char out[17])
{
	usec_t	 t;
	char	 date[11], time[6];

	out[0] = '\0';
	if (clock_parse_sql(s, &t) == -1)
		return;
	course_class_format_local(t, date, time);
	snprintf(out, 17, "%s %s", date, time);
}

/* Shows the checklist of the course with the user's ticks.  Returns
 * status, or 503 when the database failed. */
static int
show_checklist(struct ctx *ctx, long long user_id,
    const struct registration *reg, const char *page, int status)
{
	struct view		*v = ctx->resp->view;
	struct checklist_entry	*items;
	size_t			 n, i;
	char			 at[17];

	if (checklist_progress(ctx->db, user_id, reg->course_id, &items, &n) !=
	    DB_OK)
		return 503;
	view_set_int(v, "Course.Id", reg->course_id);
	view_set(v, "Course.Code", reg->code);
	view_set(v, "Course.Name", reg->name);
	view_set(v, "Course.Status", reg->status);
	for (i = 0; i < n; i++) {
		view_set_int_item(v, "Items", (int)i, "Id", items[i].item_id);
		view_set_item(v, "Items", (int)i, "Text", items[i].text);
		view_set_int_item(v, "Items", (int)i, "Ticked",
		    items[i].ticked);
		format_local(items[i].ticked_at, at);
		view_set_item(v, "Items", (int)i, "TickedAt", at);
		view_set_item(v, "Items", (int)i, "TickedBy",
		    items[i].ticked_by);
		view_set_int_item(v, "Items", (int)i, "TickedBySelf",
		    items[i].ticked_by_id == user_id);
	}
	free(items);
	view_set(v, "Site.TimeZone", ctx->cfg->site_time_zone);
	ctx->resp->page = page;
	return status;
}

/*
 * Saves the ticks of the POSTed form (the repeated field "item") for the
 * user and queues the message for the next page.  Returns 0, 400 when
 * the form contains a value that is not an id (the error is in
 * Form.Errors.item), or 503.
 */
static int
save_ticks(struct ctx *ctx, long long user_id, long long course_id)
{
	struct request	*req = ctx->req;
	struct input	 in;
	long long	*ids;
	char		 message[64];
	int		 n, rc, changes;

	if ((ids = calloc(CHECKLIST_FORM_MAX, sizeof(*ids))) == NULL)
		return 503;
	input_init(&in, ctx);
	n = input_ids(&in, "item", "Checklist", ids, CHECKLIST_FORM_MAX);
	if (n < 0) {
		free(ids);
		return 400;
	}
	rc = checklist_save(ctx->db, user_id, course_id, ids, (size_t)n,
	    req->session.user_id, req->session.impersonator_id, &changes);
	free(ids);
	if (rc != DB_OK)
		return 503;
	if (changes == 0)
		snprintf(message, sizeof(message), "Checklist saved; nothing "
		    "changed.");
	else
		snprintf(message, sizeof(message), "Checklist saved: %d %s "
		    "changed.", changes, changes == 1 ? "item" : "items");
	page_flash_next(ctx, "success", message);
	return 0;
}

/* ------------------------------------------------------------ learner */

/* Loads the learner's own registration in the course of the route,
 * unless it is cancelled.  Returns 0 or the HTTP status to return. */
static int
load_own(struct ctx *ctx, struct registration *reg)
{
	int	 rc;

	rc = registration_get(ctx->db, ctx->req->session.user_id,
	    ctx->req->param_id, reg);
	if (rc == 1 || (rc == DB_OK && strcmp(reg->status, "cancelled") == 0))
		return 404;
	return rc == DB_OK ? 0 : 503;
}

int
page_learn_checklist(struct ctx *ctx)
{
	struct registration	 reg;
	int			 rc;

	if ((rc = load_own(ctx, &reg)) != 0)
		return rc;
	page_common(ctx, "learn", "Checklist");
	return show_checklist(ctx, ctx->req->session.user_id, &reg,
	    "learn/checklist.cs", 200);
}

int
page_learn_checklist_save(struct ctx *ctx)
{
	struct registration	 reg;
	char			 location[64];
	int			 rc;

	if ((rc = load_own(ctx, &reg)) != 0)
		return rc;
	rc = save_ticks(ctx, ctx->req->session.user_id, reg.course_id);
	if (rc == 400) {
		page_common(ctx, "learn", "Checklist");
		return show_checklist(ctx, ctx->req->session.user_id, &reg,
		    "learn/checklist.cs", 400);
	}
	if (rc != 0)
		return rc;
	snprintf(location, sizeof(location), "/learn/courses/%lld/checklist",
	    reg.course_id);
	response_redirect(ctx->resp, location);
	return 303;
}

/* -------------------------------------------------------------- admin */

/* Lists the courses of the user that have a checklist. */
static int
show_courses(struct ctx *ctx, const struct user *u)
{
	struct view		*v = ctx->resp->view;
	struct checklist_course	*rows;
	size_t			 n, i;

	if (checklist_courses(ctx->db, u->id, &rows, &n) != DB_OK)
		return 503;
	page_common(ctx, "admin", "Checklists");
	records_set_user(v, u);
	for (i = 0; i < n; i++) {
		view_set_int_item(v, "Courses", (int)i, "Id",
		    rows[i].course_id);
		view_set_item(v, "Courses", (int)i, "Code", rows[i].code);
		view_set_item(v, "Courses", (int)i, "Name", rows[i].name);
		view_set_item(v, "Courses", (int)i, "Status", rows[i].status);
		view_set_int_item(v, "Courses", (int)i, "Items", rows[i].items);
		view_set_int_item(v, "Courses", (int)i, "Ticked",
		    rows[i].ticked);
	}
	free(rows);
	ctx->resp->page = "admin/user_checklists.cs";
	return 200;
}

/* Loads the user's registration in the course named by value.  Returns 0
 * or the HTTP status to return. */
static int
load_registration(struct ctx *ctx, const struct user *u, const char *value,
    struct registration *reg)
{
	int	 rc;

	rc = registration_get(ctx->db, u->id, records_id(value), reg);
	if (rc == 1)
		return 404;
	return rc == DB_OK ? 0 : 503;
}

/* GET /admin/users/{id}/checklist lists the courses with a checklist.
 * With ?course=N it shows that course's checklist. */
int
page_user_checklist(struct ctx *ctx)
{
	struct registration	 reg;
	struct user		 u;
	const char		*course = request_query(ctx->req, "course");
	int			 rc;

	if ((rc = records_load_user(ctx, &u)) != 0)
		return rc;
	if (course == NULL)
		return show_courses(ctx, &u);
	if ((rc = load_registration(ctx, &u, course, &reg)) != 0)
		return rc;
	page_common(ctx, "admin", "Checklist");
	records_set_user(ctx->resp->view, &u);
	return show_checklist(ctx, u.id, &reg, "admin/user_checklist.cs",
	    200);
}

int
page_user_checklist_save(struct ctx *ctx)
{
	struct registration	 reg;
	struct user		 u;
	char			 location[96];
	int			 rc;

	if ((rc = records_load_user(ctx, &u)) != 0 ||
	    (rc = load_registration(ctx, &u, request_form(ctx->req, "course"),
	    &reg)) != 0)
		return rc;
	rc = save_ticks(ctx, u.id, reg.course_id);
	if (rc == 400) {
		page_common(ctx, "admin", "Checklist");
		records_set_user(ctx->resp->view, &u);
		return show_checklist(ctx, u.id, &reg,
		    "admin/user_checklist.cs", 400);
	}
	if (rc != 0)
		return rc;
	snprintf(location, sizeof(location),
	    "/admin/users/%lld/checklist?course=%lld", u.id, reg.course_id);
	response_redirect(ctx->resp, location);
	return 303;
}
