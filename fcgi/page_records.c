/*
 * Course results recorded by hand: the list of a user's course
 * registrations with a form per course, and cancelling a registration
 * after a confirmation step.  Also the helpers that the other pages of
 * learners' records share (page_records.h).
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "completion.h"
#include "db.h"
#include "input.h"
#include "page_records.h"
#include "pages.h"
#include "registration.h"
#include "request.h"
#include "response.h"
#include "user.h"
#include "view.h"

/* Choices of the result form, in the order of enum course_result. */
static const char *const result_names[] = {
	"in_progress", "completed", "failed", NULL
};

/* ------------------------------------------------------------ helpers */

int
records_load_user(struct ctx *ctx, struct user *u)
{
	int	 rc = user_find_id(ctx->db, ctx->req->param_id, u);

	if (rc == 1)
		return 404;
	return rc == DB_OK ? 0 : 503;
}

void
records_set_user(struct view *v, const struct user *u)
{
	struct buf	 name = { 0 };

	buf_printf(&name, "%s %s", u->first_name, u->last_name);
	view_set_int(v, "User.Id", u->id);
	view_set(v, "User.Login", u->login);
	view_set(v, "User.Name", name.data != NULL &&
	    strcmp(name.data, " ") != 0 ? name.data : u->login);
	buf_free(&name);
}

long long
records_id(const char *value)
{
	char		*end;
	long long	 id;

	if (value == NULL || !isdigit((unsigned char)value[0]))
		return 0;
	errno = 0;
	id = strtoll(value, &end, 10);
	if (errno != 0 || *end != '\0' || id <= 0)
		return 0;
	return id;
}

int
records_read_day(struct input *in, const char *name, const char *label,
    int required, int not_future, day_t *day)
{
	char	 message[160];
	day_t	 earliest;
	int	 rc, y, m, d;

	if ((rc = input_date(in, name, label, required, day)) != 1)
		return rc;
	date_from_ymd(RECORDS_YEAR_MIN, 1, 1, &earliest);
	if (*day < earliest) {
		snprintf(message, sizeof(message), "%s must be on or after "
		    "%d-01-01.", label, RECORDS_YEAR_MIN);
		input_error(in, name, message);
		return -1;
	}
	if (not_future && *day > clock_site_day(clock_now())) {
		date_to_ymd(clock_site_day(clock_now()), &y, &m, &d);
		snprintf(message, sizeof(message), "%s cannot be in the future; "
		    "today is %04d-%02d-%02d.", label, y, m, d);
		input_error(in, name, message);
		return -1;
	}
	return 1;
}

int
records_read_choice(struct input *in, const char *name, const char *label,
    const char *const *choices)
{
	const char	*v = request_form(in->ctx->req, name);
	char		 message[128];
	int		 errors = in->errors, i;

	if (v == NULL || v[0] == '\0') {
		snprintf(message, sizeof(message), "%s is required.", label);
		input_error(in, name, message);
		return -1;
	}
	i = input_choice(in, name, label, choices, 0);
	return in->errors > errors ? -1 : i;
}

void
records_set_today(struct view *v)
{
	char	 today[11];

	date_format(clock_site_day(clock_now()), today);
	view_set(v, "Today", today);
}

/* ------------------------------------------------------------ results */

static void
set_registration(struct view *v, int i, const struct registration *r)
{
	view_set_int_item(v, "Registrations", i, "CourseId", r->course_id);
	view_set_item(v, "Registrations", i, "Code", r->code);
	view_set_item(v, "Registrations", i, "Name", r->name);
	view_set_int_item(v, "Registrations", i, "PassingScore",
	    r->passing_score);
	view_set_item(v, "Registrations", i, "Status", r->status);
	view_set_item(v, "Registrations", i, "Score", r->score);
	view_set_item(v, "Registrations", i, "RegisteredOn",
	    r->registered_on);
	view_set_item(v, "Registrations", i, "CompletedOn", r->completed_on);
	view_set_item(v, "Registrations", i, "CancelledOn", r->cancelled_on);
	view_set_int_item(v, "Registrations", i, "Cancellable",
	    registration_cancellable(r->status));
}

/* Shows the list with a result form per course.  After invalid input,
 * the form of the course in Form.course shows the input and its
 * errors. */
static int
show_results(struct ctx *ctx, const struct user *u, int status)
{
	struct view		*v = ctx->resp->view;
	struct registration	*rows;
	size_t			 n, i;

	if (registration_list(ctx->db, u->id, &rows, &n) != DB_OK)
		return 503;
	page_common(ctx, "admin", "Record results");
	records_set_user(v, u);
	records_set_today(v);
	for (i = 0; i < n; i++)
		set_registration(v, (int)i, &rows[i]);
	free(rows);
	ctx->resp->page = "admin/results.cs";
	return status;
}

int
page_user_results(struct ctx *ctx)
{
	struct user	 u;
	int		 rc;

	if ((rc = records_load_user(ctx, &u)) != 0)
		return rc;
	return show_results(ctx, &u, 200);
}

/* Reads the result form into r.  Returns 1 when it is valid. */
static int
read_result(struct input *in, struct result *r)
{
	int	 status;
	day_t	 day = 0;

	status = records_read_choice(in, "status", "Status", result_names);
	r->has_score = input_hundredths(in, "score", "Score", 0, 0, 10000,
	    &r->score_hundredths) == 1;
	records_read_day(in, "date", "Date", 1, 1, &day);
	if (status >= 0)
		r->status = (enum course_result)status;
	r->day = day;
	return input_ok(in);
}

int
page_user_result_save(struct ctx *ctx)
{
	struct request		*req = ctx->req;
	struct registration	 reg;
	struct result		 r;
	struct input		 in;
	struct user		 u;
	char			 location[80], message[320];
	long long		 course;
	int			 rc, completed;

	if ((rc = records_load_user(ctx, &u)) != 0)
		return rc;
	course = records_id(request_form(req, "course"));
	rc = registration_get(ctx->db, u.id, course, &reg);
	if (rc == 1)
		return 404;
	if (rc != DB_OK)
		return 503;
	view_set_int(ctx->resp->view, "Form.course", course);

	memset(&r, 0, sizeof(r));
	input_init(&in, ctx);
	read_result(&in, &r);
	/* A score decides the result: below the passing score a course is
	 * failed, whatever status was chosen. */
	if (input_ok(&in) && r.status == RESULT_COMPLETED && r.has_score &&
	    r.score_hundredths < (long long)reg.passing_score * 100) {
		snprintf(message, sizeof(message), "A score of %lld.%02lld%% is "
		    "below the passing score of %d%%: record the result as "
		    "Failed, or enter a passing score.", r.score_hundredths / 100,
		    r.score_hundredths % 100, reg.passing_score);
		input_error(&in, "score", message);
	}
	if (!input_ok(&in))
		return show_results(ctx, &u, 400);
	r.user_id = u.id;
	r.course_id = course;
	r.actor_id = req->session.user_id;
	r.impersonator_id = req->session.impersonator_id;
	if (completion_record(ctx->db, ctx->cfg, &r, &completed) != DB_OK)
		return 503;

	if (completed > 0)
		snprintf(message, sizeof(message), "Result recorded for %s. "
		    "%d %s completed.", reg.code, completed, completed == 1 ?
		    "certification was" : "certifications were");
	else
		snprintf(message, sizeof(message), "Result recorded for %s.",
		    reg.code);
	page_flash_next(ctx, "success", message);
	snprintf(location, sizeof(location), "/admin/users/%lld/results", u.id);
	response_redirect(ctx->resp, location);
	return 303;
}

/* ------------------------------------------------- cancel registration */

/* Loads the registration named by value.  Returns 0, the HTTP status to
 * return, or 303 after queueing why it cannot be cancelled. */
static int
load_cancellable(struct ctx *ctx, const struct user *u, const char *value,
    struct registration *reg)
{
	char	 location[80], message[320];
	int	 rc;

	rc = registration_get(ctx->db, u->id, records_id(value), reg);
	if (rc == 1)
		return 404;
	if (rc != DB_OK)
		return 503;
	if (registration_cancellable(reg->status))
		return 0;
	if (strcmp(reg->status, "completed") == 0)
		snprintf(message, sizeof(message), "The registration in %s is "
		    "completed and cannot be cancelled.", reg->code);
	else
		snprintf(message, sizeof(message), "The registration in %s is "
		    "already cancelled.", reg->code);
	page_flash_next(ctx, "error", message);
	snprintf(location, sizeof(location), "/admin/users/%lld/results", u->id);
	response_redirect(ctx->resp, location);
	return 303;
}

int
page_user_result_cancel_confirm(struct ctx *ctx)
{
	struct view		*v = ctx->resp->view;
	struct registration	 reg;
	struct user		 u;
	int			 rc;

	if ((rc = records_load_user(ctx, &u)) != 0 ||
	    (rc = load_cancellable(ctx, &u, request_query(ctx->req, "course"),
	    &reg)) != 0)
		return rc;
	page_common(ctx, "admin", "Cancel a course registration");
	records_set_user(v, &u);
	records_set_today(v);
	set_registration(v, 0, &reg);
	ctx->resp->page = "admin/result_cancel.cs";
	return 200;
}

int
page_user_result_cancel(struct ctx *ctx)
{
	struct request		*req = ctx->req;
	struct registration	 reg;
	struct user		 u;
	char			 location[80], message[320];
	int			 rc;

	if ((rc = records_load_user(ctx, &u)) != 0 ||
	    (rc = load_cancellable(ctx, &u, request_form(req, "course"),
	    &reg)) != 0)
		return rc;
	rc = registration_cancel(ctx->db, u.id, reg.course_id,
	    clock_site_day(clock_now()), req->session.user_id,
	    req->session.impersonator_id);
	if (rc == 1)
		return 404;
	if (rc < 0)
		return 503;
	snprintf(message, sizeof(message), rc == REGISTRATION_NOT_CANCELLABLE ?
	    "The registration in %s changed since the page was loaded and "
	    "was not cancelled." :
	    "Registration in %s cancelled.", reg.code);
	page_flash_next(ctx, rc == DB_OK ? "success" : "error", message);
	snprintf(location, sizeof(location), "/admin/users/%lld/results", u.id);
	response_redirect(ctx->resp, location);
	return 303;
}
