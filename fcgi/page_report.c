/*
 * The admin's Reporting tab: the list of reports and the Certification
 * Expiration Report with its form, its grid and its CSV download.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "db.h"
#include "input.h"
#include "job.h"
#include "pages.h"
#include "report.h"
#include "request.h"
#include "response.h"
#include "str.h"
#include "view.h"

/* Days from today to the default end date of the form. */
#define DEFAULT_RANGE_DAYS	90

static const char *const sort_keys[] = REPORT_EXPIRATION_SORT_KEYS;

int
page_reports(struct ctx *ctx)
{
	page_common(ctx, "admin", "Reports");
	ctx->resp->page = "admin/reports.cs";
	return 200;
}

/* Returns a parameter of the query (GET) or of the form (POST), or ""
 * when it is absent. */
static const char *
param(struct ctx *ctx, int from_form, const char *name)
{
	const char	*v;

	v = from_form ? request_form(ctx->req, name) :
	    request_query(ctx->req, name);
	return v != NULL ? v : "";
}

/* Reads one date field into *day, writing it to form_path (the literal
 * "Form.<name>") and any problem to Form.Errors.<name>.  Returns 0, or -1
 * when it is invalid. */
static int
read_date(struct input *in, const char *value, const char *name,
    const char *form_path, const char *label, day_t today, day_t *day)
{
	char	 msg[160], today_text[11];

	view_set(in->ctx->resp->view, form_path, value);
	if (value[0] == '\0') {
		snprintf(msg, sizeof(msg), "%s is required.", label);
		input_error(in, name, msg);
		return -1;
	}
	if (date_parse(value, day) == -1) {
		snprintf(msg, sizeof(msg), "%s must be a real date written "
		    "YYYY-MM-DD, such as 2026-12-05.", label);
		input_error(in, name, msg);
		return -1;
	}
	if (*day < today) {
		date_format(today, today_text);
		snprintf(msg, sizeof(msg), "%s must be today (%s) or later.",
		    label, today_text);
		input_error(in, name, msg);
		return -1;
	}
	return 0;
}

/*
 * Reads and checks the report's parameters from the query (from_form 0)
 * or the POSTed form (1): start and end dates, today or later, start no
 * later than end, and the certification family ("" for all).  Returns 0,
 * 1 when a field is invalid (the errors are in Form.Errors.*), or 503.
 */
static int
read_params(struct ctx *ctx, struct input *in, int from_form,
    struct expiration_query *q)
{
	struct view	*v = ctx->resp->view;
	const char	*start, *end, *family;
	day_t		 today = clock_site_day(clock_now());
	char		*stop;
	int		 ok_start, ok_end, rc;

	memset(q, 0, sizeof(*q));
	start = param(ctx, from_form, "start");
	end = param(ctx, from_form, "end");
	family = param(ctx, from_form, "certification");
	ok_start = read_date(in, start, "start", "Form.start", "Start Date",
	    today, &q->start) == 0;
	ok_end = read_date(in, end, "end", "Form.end", "End Date", today,
	    &q->end) == 0;
	if (ok_start && ok_end && q->start > q->end)
		input_error(in, "end", "End Date must be on or after the Start "
		    "Date.");

	view_set(v, "Form.certification", family);
	if (family[0] != '\0') {
		q->family_id = strtoll(family, &stop, 10);
		rc = q->family_id > 0 && *stop == '\0' ?
		    report_family_exists(ctx->db, q->family_id) : 0;
		if (rc < 0)
			return 503;
		if (rc == 0)
			input_error(in, "certification", "Certification must be "
			    "one of the list; choose All certifications to "
			    "include every one.");
	}
	return input_ok(in) ? 0 : 1;
}

/* Sets Families.N.Id and .Name for the form's select. */
static int
set_families(struct ctx *ctx)
{
	struct view		*v = ctx->resp->view;
	struct report_family	*rows;
	size_t			 n, i;

	if (report_families(ctx->db, &rows, &n) != DB_OK)
		return -1;
	for (i = 0; i < n; i++) {
		view_set_int_item(v, "Families", (int)i, "Id", rows[i].id);
		view_set_item(v, "Families", (int)i, "Name", rows[i].name);
	}
	free(rows);
	return 0;
}

/* Shows the report's form with status.  The values are in Form.*. */
static int
show_form(struct ctx *ctx, int status)
{
	page_common(ctx, "admin", "Certification Expiration Report");
	if (set_families(ctx) == -1)
		return 503;
	ctx->resp->page = "admin/report_expiration.cs";
	return status;
}

struct grid {
	struct view	*view;
	int		 per_page;
	int		 shown;
	int		 more;
};

/* report_row_fn: adds one row to the grid.  A row after a full page is
 * not shown: it only signals that another page follows. */
static int
grid_row(const struct expiration_row *r, void *arg)
{
	struct grid	*g = arg;
	struct view	*v = g->view;
	int		 i = g->shown;

	if (i >= g->per_page) {
		g->more = 1;
		return 0;
	}
	view_set_int_item(v, "Rows", i, "UserId", r->user_id);
	view_set_item(v, "Rows", i, "Login", r->login);
	view_set_item(v, "Rows", i, "FirstName", r->first_name);
	view_set_item(v, "Rows", i, "LastName", r->last_name);
	view_set_item(v, "Rows", i, "Email", r->email);
	view_set_item(v, "Rows", i, "Groups", r->groups);
	view_set_item(v, "Rows", i, "Certification", r->certification);
	view_set_int_item(v, "Rows", i, "Version", r->version);
	view_set_item(v, "Rows", i, "CompletedOn", r->completed_on);
	view_set_item(v, "Rows", i, "ExpiresOn", r->expires_on);
	view_set_item(v, "Rows", i, "Number", r->certificate_number);
	g->shown++;
	return 0;
}

/* Appends the report's parameters to a query string, each as
 * "&name=value". */
static void
append_params(struct buf *b, struct ctx *ctx)
{
	struct view	*v = ctx->resp->view;
	const char	*family = view_get(v, "Form.certification");

	query_append(b, "start", view_get(v, "Form.start"));
	query_append(b, "end", view_get(v, "Form.end"));
	query_append(b, "certification", family != NULL ? family : "");
}

/* Shows the grid of the report's rows for a valid query. */
static int
show_grid(struct ctx *ctx, struct expiration_query *q)
{
	struct view	*v = ctx->resp->view;
	struct listing	 l;
	struct grid	 g;
	struct buf	 extra = { 0 };
	long long	 count;
	int		 rc;

	list_read(ctx, sort_keys, &l);
	q->sort = l.sort;
	q->desc = l.desc;
	if (report_expiration_count(ctx->db, q, &count) != DB_OK)
		return 503;
	memset(&g, 0, sizeof(g));
	g.view = v;
	g.per_page = l.per_page;
	rc = report_expiration_rows(ctx->db, q, l.limit, l.offset, grid_row,
	    &g);
	if (rc != DB_OK)
		return 503;
	if (show_form(ctx, 200) != 200)
		return 503;

	buf_puts(&extra, "");
	append_params(&extra, ctx);
	list_view(ctx, &l, sort_keys, g.more, (size_t)g.shown, extra.data);
	buf_free(&extra);
	view_set_int(v, "Report.Count", count);
	view_set_int(v, "List.Total", count);
	view_set(v, "Report.Shown", "1");
	return 200;
}

/* Returns the index of sort key s in sort_keys, or -1 when s is NULL or
 * no sort key. */
static int
sort_index(const char *s)
{
	int	 i;

	for (i = 0; s != NULL && sort_keys[i] != NULL; i++)
		if (strcmp(s, sort_keys[i]) == 0)
			return i;
	return -1;
}

/* Sets Form.sort and Form.dir from a valid sort of the query, so that
 * the form shown by Edit Report, or again after an error, submits the
 * grid's order with the new values. */
static void
keep_sort(struct ctx *ctx)
{
	const char	*dir = request_query(ctx->req, "dir");
	int		 i = sort_index(request_query(ctx->req, "sort"));

	if (i < 0)
		return;
	view_set(ctx->resp->view, "Form.sort", sort_keys[i]);
	view_set(ctx->resp->view, "Form.dir",
	    dir != NULL && strcmp(dir, "desc") == 0 ? "desc" : "asc");
}

int
page_report_expiration(struct ctx *ctx)
{
	struct view		*v = ctx->resp->view;
	struct expiration_query	 q;
	struct input		 in;
	day_t			 today = clock_site_day(clock_now());
	char			 day[11];
	int			 rc;

	/* The first visit shows the form with today to 90 days ahead. */
	if (request_query(ctx->req, "start") == NULL &&
	    request_query(ctx->req, "end") == NULL) {
		date_format(today, day);
		view_set(v, "Form.start", day);
		date_format(today + DEFAULT_RANGE_DAYS, day);
		view_set(v, "Form.end", day);
		view_set(v, "Form.certification", "");
		return show_form(ctx, 200);
	}

	keep_sort(ctx);
	input_init(&in, ctx);
	rc = read_params(ctx, &in, 0, &q);
	if (rc == 503)
		return 503;
	if (rc == 1)
		return show_form(ctx, 400);
	/* Edit Report: the form again, with the values of the report. */
	if (request_query(ctx->req, "edit") != NULL)
		return show_form(ctx, 200);
	return show_grid(ctx, &q);
}

/* Returns the index of the sort key sent with the form, or 0. */
static int
form_sort(struct ctx *ctx)
{
	int	 i = sort_index(request_form(ctx->req, "sort"));

	return i >= 0 ? i : 0;
}

int
page_report_expiration_csv(struct ctx *ctx)
{
	struct request		*req = ctx->req;
	struct expiration_query	 q;
	struct input		 in;
	const char		*dir = request_form(req, "dir");
	char			 payload[JOB_PAYLOAD_MAX], family[24];
	char			 start[11], end[11], location[64];
	long long		 id;
	int			 rc;

	input_init(&in, ctx);
	rc = read_params(ctx, &in, 1, &q);
	if (rc == 503)
		return 503;
	if (rc == 1)
		return show_form(ctx, 400);
	q.sort = form_sort(ctx);
	q.desc = dir != NULL && strcmp(dir, "desc") == 0;

	date_format(q.start, start);
	date_format(q.end, end);
	snprintf(family, sizeof(family), "%lld", q.family_id);
	payload[0] = '\0';
	if (job_param_add(payload, sizeof(payload), "report", "expiration") ||
	    job_param_add(payload, sizeof(payload), "start", start) ||
	    job_param_add(payload, sizeof(payload), "end", end) ||
	    job_param_add(payload, sizeof(payload), "family", family) ||
	    job_param_add(payload, sizeof(payload), "sort",
	    sort_keys[q.sort]) ||
	    job_param_add(payload, sizeof(payload), "dir",
	    q.desc ? "desc" : "asc"))
		return 500;
	if (job_enqueue(ctx->db, "csv_export", payload, NULL,
	    req->session.user_id, &id) != DB_OK)
		return 503;

	page_flash_next(ctx, "success", "The CSV export is queued. This page "
	    "shows its progress and offers the file when it is ready.");
	snprintf(location, sizeof(location), "/admin/jobs/%lld", id);
	response_redirect(ctx->resp, location);
	return 303;
}
