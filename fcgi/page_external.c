/*
 * External courses of a user: courses taken with another provider, with
 * the list, the new and edit forms, and deletion after a confirmation
 * step.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "db.h"
#include "external_course.h"
#include "input.h"
#include "page_records.h"
#include "pages.h"
#include "request.h"
#include "response.h"
#include "str.h"
#include "user.h"
#include "view.h"

static const char *const status_names[] = EXTERNAL_STATUS_NAMES;
static const char *const attended_names[] = { "no", "yes", NULL };

static void
set_record(struct view *v, const char *list, int i,
    const struct external_course *e)
{
	view_set_int_item(v, list, i, "Id", e->id);
	view_set_item(v, list, i, "Title", e->title);
	view_set_item(v, list, i, "Provider", e->provider);
	view_set_item(v, list, i, "StartsOn", e->starts_on);
	view_set_item(v, list, i, "EndsOn", e->ends_on);
	view_set_item(v, list, i, "Status", status_names[e->status]);
	view_set_item(v, list, i, "Attended", e->attended ? "yes" : "no");
}

int
page_user_external(struct ctx *ctx)
{
	struct view		*v = ctx->resp->view;
	struct external_course	*rows;
	struct user		 u;
	size_t			 n, i;
	int			 rc;

	if ((rc = records_load_user(ctx, &u)) != 0)
		return rc;
	if (external_course_list(ctx->db, u.id, &rows, &n) != DB_OK)
		return 503;
	page_common(ctx, "admin", "External courses");
	records_set_user(v, &u);
	for (i = 0; i < n; i++)
		set_record(v, "Records", (int)i, &rows[i]);
	free(rows);
	ctx->resp->page = "admin/external_courses.cs";
	return 200;
}

/* Shows the new or edit form.  The fields contain e, unless the form is
 * shown again after invalid input. */
static int
show_form(struct ctx *ctx, const struct user *u,
    const struct external_course *e, int status)
{
	struct view	*v = ctx->resp->view;

	page_common(ctx, "admin", e->id ? "Edit external course" :
	    "New external course");
	records_set_user(v, u);
	records_set_today(v);
	if (e->id != 0)
		view_set_int(v, "Record.Id", e->id);
	if (status == 200) {
		view_set(v, "Form.title", e->title);
		view_set(v, "Form.provider", e->provider);
		view_set(v, "Form.starts_on", e->starts_on);
		view_set(v, "Form.ends_on", e->ends_on);
		view_set(v, "Form.status", e->id ? status_names[e->status] :
		    "");
		view_set(v, "Form.attended", e->id ? (e->attended ? "yes" :
		    "no") : "");
	}
	ctx->resp->page = "admin/external_course.cs";
	return status;
}

int
page_user_external_new(struct ctx *ctx)
{
	struct external_course	 e;
	struct user		 u;
	int			 rc;

	if ((rc = records_load_user(ctx, &u)) != 0)
		return rc;
	memset(&e, 0, sizeof(e));
	return show_form(ctx, &u, &e, 200);
}

/* Loads the record named by value when it belongs to u.  Returns 0 or
 * the HTTP status to return. */
static int
load_record(struct ctx *ctx, const struct user *u, const char *value,
    struct external_course *e)
{
	int	 rc;

	rc = external_course_get(ctx->db, records_id(value), e);
	if (rc == 1 || (rc == DB_OK && e->user_id != u->id))
		return 404;
	return rc == DB_OK ? 0 : 503;
}

int
page_user_external_edit(struct ctx *ctx)
{
	struct external_course	 e;
	struct user		 u;
	int			 rc;

	if ((rc = records_load_user(ctx, &u)) != 0 ||
	    (rc = load_record(ctx, &u, request_query(ctx->req, "record"),
	    &e)) != 0)
		return rc;
	return show_form(ctx, &u, &e, 200);
}

/* Reads and checks the form into e.  Returns 1 when it is valid. */
static int
read_record(struct input *in, struct external_course *e)
{
	day_t	 starts = 0, ends = 0;
	int	 status, attended, has_start, has_end;

	str_copy(e->title, input_text(in, "title", "Title", 1,
	    EXTERNAL_TITLE_MAX, 0), sizeof(e->title));
	str_copy(e->provider, input_text(in, "provider", "Provider", 0,
	    EXTERNAL_PROVIDER_MAX, 0), sizeof(e->provider));
	status = records_read_choice(in, "status", "Status", status_names);
	has_start = records_read_day(in, "starts_on", "From", 1, 1,
	    &starts) == 1;
	/* A course in progress may have a planned end in the future, but a
	 * finished one ended by today. */
	has_end = records_read_day(in, "ends_on", "To", 0,
	    status != EXTERNAL_IN_PROGRESS, &ends) == 1;
	if (has_start && has_end && ends < starts)
		input_error(in, "ends_on", "To must not be before From.");
	attended = records_read_choice(in, "attended", "Attended",
	    attended_names);

	e->status = status >= 0 ? (enum external_status)status :
	    EXTERNAL_COMPLETED;
	e->attended = attended == 1;
	e->starts_on[0] = '\0';
	e->ends_on[0] = '\0';
	if (has_start)
		date_format(starts, e->starts_on);
	if (has_end)
		date_format(ends, e->ends_on);
	return input_ok(in);
}

static int
save(struct ctx *ctx, const struct user *u, struct external_course *e)
{
	struct request	*req = ctx->req;
	struct input	 in;
	char		 location[80];
	long long	 id = e->id;
	int		 rc;

	input_init(&in, ctx);
	if (!read_record(&in, e))
		return show_form(ctx, u, e, 400);
	e->user_id = u->id;
	rc = external_course_save(ctx->db, e, req->session.user_id,
	    req->session.impersonator_id);
	if (rc == 1)
		return 404;
	if (rc != DB_OK)
		return 503;
	page_flash_next(ctx, "success", id ? "External course saved." :
	    "External course added.");
	snprintf(location, sizeof(location), "/admin/users/%lld/external",
	    u->id);
	response_redirect(ctx->resp, location);
	return 303;
}

int
page_user_external_create(struct ctx *ctx)
{
	struct external_course	 e;
	struct user		 u;
	int			 rc;

	if ((rc = records_load_user(ctx, &u)) != 0)
		return rc;
	memset(&e, 0, sizeof(e));
	return save(ctx, &u, &e);
}

int
page_user_external_save(struct ctx *ctx)
{
	struct external_course	 e;
	struct user		 u;
	int			 rc;

	if ((rc = records_load_user(ctx, &u)) != 0 ||
	    (rc = load_record(ctx, &u, request_form(ctx->req, "record"),
	    &e)) != 0)
		return rc;
	return save(ctx, &u, &e);
}

int
page_user_external_delete_confirm(struct ctx *ctx)
{
	struct view		*v = ctx->resp->view;
	struct external_course	 e;
	struct user		 u;
	int			 rc;

	if ((rc = records_load_user(ctx, &u)) != 0 ||
	    (rc = load_record(ctx, &u, request_query(ctx->req, "record"),
	    &e)) != 0)
		return rc;
	page_common(ctx, "admin", "Delete an external course");
	records_set_user(v, &u);
	set_record(v, "Records", 0, &e);
	ctx->resp->page = "admin/external_course_delete.cs";
	return 200;
}

int
page_user_external_delete(struct ctx *ctx)
{
	struct request		*req = ctx->req;
	struct external_course	 e;
	struct user		 u;
	char			 location[80];
	int			 rc;

	if ((rc = records_load_user(ctx, &u)) != 0 ||
	    (rc = load_record(ctx, &u, request_form(req, "record"), &e)) != 0)
		return rc;
	rc = external_course_delete(ctx->db, u.id, e.id, req->session.user_id,
	    req->session.impersonator_id);
	if (rc == 1)
		return 404;
	if (rc != DB_OK)
		return 503;
	page_flash_next(ctx, "success", "External course deleted.");
	snprintf(location, sizeof(location), "/admin/users/%lld/external",
	    u.id);
	response_redirect(ctx->resp, location);
	return 303;
}
