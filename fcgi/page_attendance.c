/*
 * The learners of an instructor-led class: recording their attendance,
 * and adding learners registered in the course to the class.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attendance.h"
#include "clock.h"
#include "conf.h"
#include "course.h"
#include "db.h"
#include "input.h"
#include "page_records.h"
#include "pages.h"
#include "request.h"
#include "response.h"
#include "str.h"
#include "view.h"

static const char *const status_names[] = ATTENDANCE_STATUS_NAMES;
static const char *const sort_keys[] = ATTENDANCE_SORT_KEYS;

/* Learners one form can tick.  Limits.Fields (200 by default) rejects a
 * larger form before it gets here. */
#define ATTENDANCE_FORM_MAX	1000

/* Loads the class of the route.  Returns 0 or the HTTP status to
 * return. */
static int
load_class(struct ctx *ctx, struct attendance_class *k)
{
	int	 rc = attendance_class_get(ctx->db, ctx->req->param_id, k);

	if (rc == 1)
		return 404;
	return rc == DB_OK ? 0 : 503;
}

static void
set_class(struct ctx *ctx, const struct attendance_class *k)
{
	struct view	*v = ctx->resp->view;
	char		 date[11], time[6];

	view_set_int(v, "Class.Id", k->id);
	view_set_int(v, "Class.CourseId", k->course_id);
	view_set(v, "Class.CourseCode", k->course_code);
	view_set(v, "Class.CourseName", k->course_name);
	course_class_format_local(k->starts_at, date, time);
	view_set(v, "Class.StartDate", date);
	view_set(v, "Class.StartTime", time);
	course_class_format_local(k->ends_at, date, time);
	view_set(v, "Class.EndDate", date);
	view_set(v, "Class.EndTime", time);
	view_set(v, "Class.Location", k->location);
	view_set(v, "Class.Instructor", k->instructor);
	view_set_int(v, "Class.Capacity", k->capacity);
	view_set_int(v, "Class.Learners", k->learners);
	view_set(v, "Site.TimeZone", ctx->cfg->site_time_zone);
}

/* Writes "First Last", or the login when the user has no name. */
static void
full_name(const char *first, const char *last, const char *login,
    struct buf *out)
{
	buf_printf(out, "%s %s", first, last);
	if (out->data != NULL && strcmp(out->data, " ") == 0) {
		buf_reset(out);
		buf_puts(out, login);
	}
}

static int
is_selected(const long long *ids, size_t n, long long id)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

/* ---------------------------------------------------------- attendance */

/* Shows the learners with the attendance form.  selected[0..nselected)
 * are the learners ticked in a form shown again. */
static int
show_attendance(struct ctx *ctx, const struct attendance_class *k,
    const long long *selected, size_t nselected, int status)
{
	struct view		*v = ctx->resp->view;
	struct attendance_row	*rows;
	struct buf		 name = { 0 };
	size_t			 n, i;

	if (attendance_list(ctx->db, k->id, &rows, &n) != DB_OK)
		return 503;
	page_common(ctx, "admin", "Class attendance");
	set_class(ctx, k);
	records_set_today(v);
	for (i = 0; i < n; i++) {
		buf_reset(&name);
		full_name(rows[i].first_name, rows[i].last_name, rows[i].login,
		    &name);
		view_set_int_item(v, "Learners", (int)i, "UserId",
		    rows[i].user_id);
		view_set_item(v, "Learners", (int)i, "Name", name.data);
		view_set_item(v, "Learners", (int)i, "Login", rows[i].login);
		view_set_item(v, "Learners", (int)i, "Registration",
		    rows[i].registration_status);
		view_set_item(v, "Learners", (int)i, "Status", rows[i].status);
		view_set_item(v, "Learners", (int)i, "StatusOn",
		    rows[i].status_on);
		view_set_item(v, "Learners", (int)i, "RecordedBy",
		    rows[i].recorded_by);
		view_set_int_item(v, "Learners", (int)i, "Selected",
		    is_selected(selected, nselected, rows[i].user_id));
	}
	buf_free(&name);
	free(rows);
	if (status == 200)
		view_set(v, "Form.date", view_get(v, "Today"));
	ctx->resp->page = "admin/class_attendance.cs";
	return status;
}

int
page_class_attendance(struct ctx *ctx)
{
	struct attendance_class	 k;
	int			 rc;

	if ((rc = load_class(ctx, &k)) != 0)
		return rc;
	return show_attendance(ctx, &k, NULL, 0, 200);
}

/* Queues the outcome of a save for the next page. */
static void
flash_recorded(struct ctx *ctx, int recorded, int skipped, int completed)
{
	struct buf	 message = { 0 };

	buf_printf(&message, "Attendance recorded for %d %s.", recorded,
	    recorded == 1 ? "learner" : "learners");
	if (completed > 0)
		buf_printf(&message, " %d %s completed.", completed,
		    completed == 1 ? "certification was" :
		    "certifications were");
	if (skipped > 0)
		buf_printf(&message, " %d %s skipped because %s no longer in "
		    "the class.", skipped, skipped == 1 ? "learner was" :
		    "learners were", skipped == 1 ? "it is" : "they are");
	page_flash_next(ctx, skipped > 0 ? "info" : "success", message.data);
	buf_free(&message);
}

int
page_class_attendance_save(struct ctx *ctx)
{
	struct request		*req = ctx->req;
	struct attendance_class	 k;
	struct attendance_entry	 e;
	struct input		 in;
	long long		*ids;
	char			 location[64];
	int			 rc, n, status, recorded, completed;
	day_t			 day = 0;

	if ((rc = load_class(ctx, &k)) != 0)
		return rc;
	if ((ids = calloc(ATTENDANCE_FORM_MAX, sizeof(*ids))) == NULL)
		return 500;
	input_init(&in, ctx);
	n = input_ids(&in, "learner", "Learners", ids, ATTENDANCE_FORM_MAX);
	if (n == 0)
		input_error(&in, "learner", "Tick at least one learner.");
	status = records_read_choice(&in, "status", "Status", status_names);
	records_read_day(&in, "date", "Date", 1, 1, &day);
	/* Only a cancellation can be recorded before the class starts. */
	if (input_ok(&in) && status >= 0 &&
	    (enum attendance_status)status != ATTENDANCE_CANCELLED &&
	    day < clock_site_day(k.starts_at)) {
		char	 start[11], msg[160];

		date_format(clock_site_day(k.starts_at), start);
		snprintf(msg, sizeof(msg), "The class starts on %s: attendance "
		    "can be recorded from that day on.", start);
		input_error(&in, "date", msg);
	}
	if (!input_ok(&in)) {
		rc = show_attendance(ctx, &k, ids, n > 0 ? (size_t)n : 0, 400);
		free(ids);
		return rc;
	}

	memset(&e, 0, sizeof(e));
	e.class_id = k.id;
	e.user_ids = ids;
	e.n = (size_t)n;
	e.status = (enum attendance_status)status;
	e.day = day;
	e.actor_id = req->session.user_id;
	e.impersonator_id = req->session.impersonator_id;
	rc = attendance_record(ctx->db, ctx->cfg, &e, &recorded, &completed);
	free(ids);
	if (rc == 1)
		return 404;
	if (rc != DB_OK)
		return 503;
	flash_recorded(ctx, recorded, n - recorded, completed);
	snprintf(location, sizeof(location), "/admin/classes/%lld/attendance",
	    k.id);
	response_redirect(ctx->resp, location);
	return 303;
}

/* ------------------------------------------------------ adding learners */

/* Shows one page of the learners who can be added.  The list controls
 * come from the query string, which the page's form sends back.
 * selected[0..nselected) are the learners ticked in a form shown
 * again. */
static int
show_candidates(struct ctx *ctx, const struct attendance_class *k,
    const long long *selected, size_t nselected, int status)
{
	struct view			*v = ctx->resp->view;
	struct attendance_candidate	*rows;
	struct listing			 l;
	struct buf			 name = { 0 };
	size_t				 n, shown, i;
	char				 date[11], time[6];
	int				 more;

	list_read(ctx, sort_keys, &l);
	if (attendance_candidates(ctx->db, k, &l, &rows, &n) != DB_OK)
		return 503;
	more = listing_has_next(&l, n, &shown);
	page_common(ctx, "admin", "Add learners to a class");
	set_class(ctx, k);
	list_view(ctx, &l, sort_keys, more, shown, "");
	for (i = 0; i < shown; i++) {
		buf_reset(&name);
		full_name(rows[i].first_name, rows[i].last_name, rows[i].login,
		    &name);
		view_set_int_item(v, "Candidates", (int)i, "UserId",
		    rows[i].user_id);
		view_set_item(v, "Candidates", (int)i, "Name", name.data);
		view_set_item(v, "Candidates", (int)i, "Login", rows[i].login);
		view_set_item(v, "Candidates", (int)i, "Registration",
		    rows[i].registration_status);
		if (rows[i].other_class_starts != 0) {
			course_class_format_local(rows[i].other_class_starts,
			    date, time);
			view_set_item(v, "Candidates", (int)i, "OtherClass",
			    date);
		}
		view_set_int_item(v, "Candidates", (int)i, "Selected",
		    is_selected(selected, nselected, rows[i].user_id));
	}
	buf_free(&name);
	free(rows);
	ctx->resp->page = "admin/class_learners.cs";
	return status;
}

int
page_class_learners(struct ctx *ctx)
{
	struct attendance_class	 k;
	int			 rc;

	if ((rc = load_class(ctx, &k)) != 0)
		return rc;
	return show_candidates(ctx, &k, NULL, 0, 200);
}

/* Shows the picker again with 409 when the ticked learners outnumber the
 * free seats. */
static int
show_full(struct ctx *ctx, struct input *in, const long long *ids, size_t n,
    long long seats_left)
{
	struct attendance_class	 k;
	char			 message[160];
	int			 rc;

	/* The class as it is now, for the seat count on the page. */
	if ((rc = load_class(ctx, &k)) != 0)
		return rc;
	snprintf(message, sizeof(message), "The class has %lld seats and "
	    "%lld free. Tick at most %lld learners, or raise the capacity on "
	    "the class's edit page.", k.capacity, seats_left, seats_left);
	input_error(in, "learner", message);
	return show_candidates(ctx, &k, ids, n, 409);
}

int
page_class_learners_add(struct ctx *ctx)
{
	struct request		*req = ctx->req;
	struct attendance_class	 k;
	struct input		 in;
	long long		*ids, seats_left;
	char			 location[64], message[160];
	int			 rc, n, added;

	if ((rc = load_class(ctx, &k)) != 0)
		return rc;
	if ((ids = calloc(ATTENDANCE_FORM_MAX, sizeof(*ids))) == NULL)
		return 500;
	input_init(&in, ctx);
	n = input_ids(&in, "learner", "Learners", ids, ATTENDANCE_FORM_MAX);
	if (n == 0)
		input_error(&in, "learner", "Tick at least one learner to add.");
	if (!input_ok(&in)) {
		rc = show_candidates(ctx, &k, ids, n > 0 ? (size_t)n : 0, 400);
		free(ids);
		return rc;
	}
	rc = attendance_add(ctx->db, k.id, ids, (size_t)n, req->session.user_id,
	    req->session.impersonator_id, &added, &seats_left);
	if (rc == ATTENDANCE_FULL) {
		rc = show_full(ctx, &in, ids, (size_t)n, seats_left);
		free(ids);
		return rc;
	}
	free(ids);
	if (rc == 1)
		return 404;
	if (rc != DB_OK)
		return 503;
	snprintf(message, sizeof(message), "%d %s added to the class.", added,
	    added == 1 ? "learner" : "learners");
	page_flash_next(ctx, "success", message);
	snprintf(location, sizeof(location), "/admin/classes/%lld/attendance",
	    k.id);
	response_redirect(ctx->resp, location);
	return 303;
}
