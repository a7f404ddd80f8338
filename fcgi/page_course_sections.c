/*
 * The forms of the course edit page besides the course itself: adding and
 * editing classes, adding checklist items, deleting either after a
 * confirmation step, and saving the follow-up courses.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "course.h"
#include "db.h"
#include "input.h"
#include "page_course.h"
#include "pages.h"
#include "request.h"
#include "response.h"
#include "view.h"

static const char *const trigger_names[] = COURSE_TRIGGER_NAMES;

/* Class dates are limited so that the UTC time of any of them fits the
 * DATETIME range, which ends at 9999-12-31. */
#define CLASS_YEAR_MIN	1970
#define CLASS_YEAR_MAX	9998

/* ------------------------------------------------------------ classes */

/*
 * Reads a date field and a time field in the site time zone as an
 * instant.  Returns 1 with *out set, or 0 after marking the field at
 * fault.
 */
static int
read_instant(struct ctx *ctx, struct input *in, const char *date_field,
    const char *time_field, const char *label, usec_t *out)
{
	const char	*date, *time;
	char		 date_label[32], time_label[32], message[256];
	day_t		 day;
	int		 y, m, d, rc;

	snprintf(date_label, sizeof(date_label), "%s date", label);
	snprintf(time_label, sizeof(time_label), "%s time", label);
	date = input_text(in, date_field, date_label, 1, 32, 0);
	time = input_text(in, time_field, time_label, 1, 32, 0);
	if (*date == '\0' || *time == '\0')
		return 0;

	if (date_parse(date, &day) == -1) {
		snprintf(message, sizeof(message), "%s must be a real date "
		    "written YYYY-MM-DD.", date_label);
		input_error(in, date_field, message);
		return 0;
	}
	date_to_ymd(day, &y, &m, &d);
	if (y < CLASS_YEAR_MIN || y > CLASS_YEAR_MAX) {
		snprintf(message, sizeof(message), "%s must be from %d-01-01 "
		    "to %d-12-31.", date_label, CLASS_YEAR_MIN, CLASS_YEAR_MAX);
		input_error(in, date_field, message);
		return 0;
	}

	rc = course_class_local_time(date, time, out);
	if (rc == COURSE_TIME_INVALID) {
		snprintf(message, sizeof(message), "%s must be a time of day "
		    "written HH:MM, from 00:00 to 23:59.", time_label);
		input_error(in, time_field, message);
		return 0;
	}
	if (rc == COURSE_TIME_SKIPPED) {
		snprintf(message, sizeof(message), "%s %.8s on %s does not "
		    "exist in the time zone %.64s, because the clocks jump "
		    "forward past it. Choose another time.", time_label, time,
		    date, ctx->cfg->site_time_zone);
		input_error(in, time_field, message);
		return 0;
	}
	return 1;
}

/* Reads and checks the class form into k. */
static void
read_class(struct ctx *ctx, struct input *in, struct course_class *k)
{
	long long	 capacity;
	int		 start, end;

	start = read_instant(ctx, in, "class_start_date", "class_start_time",
	    "Start", &k->starts_at);
	end = read_instant(ctx, in, "class_end_date", "class_end_time", "End",
	    &k->ends_at);
	if (start && end && k->ends_at < k->starts_at)
		input_error(in, "class_end_date", "The end must not be before "
		    "the start.");
	str_copy(k->location, input_text(in, "class_location", "Location", 0,
	    COURSE_CLASS_TEXT_MAX, 0), sizeof(k->location));
	str_copy(k->instructor, input_text(in, "class_instructor",
	    "Instructor", 0, COURSE_CLASS_TEXT_MAX, 0),
	    sizeof(k->instructor));
	k->capacity = 0;
	if (input_int(in, "class_capacity", "Capacity", 0, 1,
	    COURSE_CLASS_CAPACITY_MAX, &capacity) == 1)
		k->capacity = capacity;
}

/* Writes the stored values of a class to the form fields. */
static void
show_class_values(struct view *v, const struct course_class *k)
{
	char	 date[11], time[6];

	course_class_format_local(k->starts_at, date, time);
	view_set(v, "Form.class_start_date", date);
	view_set(v, "Form.class_start_time", time);
	course_class_format_local(k->ends_at, date, time);
	view_set(v, "Form.class_end_date", date);
	view_set(v, "Form.class_end_time", time);
	view_set(v, "Form.class_location", k->location);
	view_set(v, "Form.class_instructor", k->instructor);
	if (k->capacity != 0)
		view_set_int(v, "Form.class_capacity", k->capacity);
}

/* Shows the edit page of a class.  The form contains k, unless it is
 * shown again after invalid input. */
static int
show_class(struct ctx *ctx, const struct course *c,
    const struct course_class *k, int status)
{
	struct view	*v = ctx->resp->view;

	page_common(ctx, "admin", "Edit class");
	view_set_int(v, "Course.Id", c->id);
	view_set(v, "Course.Code", c->code);
	view_set(v, "Course.Name", c->name);
	view_set_int(v, "Class.Id", k->id);
	view_set(v, "Site.TimeZone", ctx->cfg->site_time_zone);
	if (status == 200)
		show_class_values(v, k);
	ctx->resp->page = "admin/class.cs";
	return status;
}

int
page_class_edit(struct ctx *ctx)
{
	struct course_class	 k;
	struct course		*c;
	int			 rc, status;

	rc = course_class_get(ctx->db, ctx->req->param_id, &k);
	if (rc == 1)
		return 404;
	if (rc != DB_OK)
		return 503;
	if ((status = course_page_load(ctx, k.course_id, &c)) != 200)
		return status;
	status = show_class(ctx, c, &k, 200);
	free(c);
	return status;
}

/* Adds a class (POST /admin/courses/{id}/classes) or updates one (POST
 * /admin/classes/{id}). */
static int
save_class(struct ctx *ctx, struct course *c, struct course_class *k)
{
	struct request	*req = ctx->req;
	struct input	 in;
	long long	 id = k->id;
	int		 rc;

	input_init(&in, ctx);
	read_class(ctx, &in, k);
	if (!input_ok(&in) && id == 0)
		return course_page_show(ctx, c, 400, COURSE_SECTION_CLASS);
	if (!input_ok(&in))
		return show_class(ctx, c, k, 400);
	rc = course_class_save(ctx->db, k, req->session.user_id,
	    req->session.impersonator_id);
	if (rc == 1)
		return 404;
	if (rc != DB_OK)
		return 503;
	return course_page_redirect(ctx, c->id, "#classes", id == 0 ?
	    "Class added." : "Class saved.");
}

int
page_class_save(struct ctx *ctx)
{
	struct request		*req = ctx->req;
	struct course_class	 k;
	struct course		*c;
	int			 rc, status;

	memset(&k, 0, sizeof(k));
	if (strncmp(req->path, "/admin/courses/", 15) == 0) {
		k.course_id = req->param_id;
	} else {
		rc = course_class_get(ctx->db, req->param_id, &k);
		if (rc == 1)
			return 404;
		if (rc != DB_OK)
			return 503;
	}
	if ((status = course_page_load(ctx, k.course_id, &c)) != 200)
		return status;
	status = save_class(ctx, c, &k);
	free(c);
	return status;
}

/* Shows the confirmation step of deleting a class or a checklist item;
 * the page's form sends the same POST again with confirm=yes. */
static int
show_delete_confirm(struct ctx *ctx, const struct course *c,
    const char *what, const char *action)
{
	struct view	*v = ctx->resp->view;

	page_common(ctx, "admin", "Confirm deletion");
	view_set_int(v, "Course.Id", c->id);
	view_set(v, "Course.Code", c->code);
	view_set(v, "Course.Name", c->name);
	view_set(v, "Confirm.What", what);
	view_set(v, "Confirm.Action", action);
	ctx->resp->page = "admin/course_delete.cs";
	return 200;
}

static int
confirmed(const struct ctx *ctx)
{
	const char	*v = request_form(ctx->req, "confirm");

	return v != NULL && strcmp(v, "yes") == 0;
}

static int
delete_class(struct ctx *ctx, const struct course *c,
    const struct course_class *k)
{
	struct request	*req = ctx->req;
	struct view	*v = ctx->resp->view;
	char		 action[64], date[11], time[6];
	long long	 registered;
	int		 rc;

	if (!confirmed(ctx)) {
		if (course_class_registrations(ctx->db, k->id, &registered) !=
		    DB_OK)
			return 503;
		view_set_int(v, "Class.Registered", registered);
		snprintf(action, sizeof(action), "/admin/classes/%lld/delete",
		    k->id);
		course_class_format_local(k->starts_at, date, time);
		view_set(v, "Class.StartDate", date);
		view_set(v, "Class.StartTime", time);
		view_set(v, "Class.Location", k->location);
		view_set(v, "Class.Instructor", k->instructor);
		view_set(v, "Site.TimeZone", ctx->cfg->site_time_zone);
		return show_delete_confirm(ctx, c, "class", action);
	}
	rc = course_class_delete(ctx->db, k->id, req->session.user_id,
	    req->session.impersonator_id);
	if (rc == 1)
		return 404;
	if (rc != DB_OK)
		return 503;
	return course_page_redirect(ctx, c->id, "#classes", "Class deleted.");
}

int
page_class_delete(struct ctx *ctx)
{
	struct course_class	 k;
	struct course		*c;
	int			 rc, status;

	rc = course_class_get(ctx->db, ctx->req->param_id, &k);
	if (rc == 1)
		return 404;
	if (rc != DB_OK)
		return 503;
	if ((status = course_page_load(ctx, k.course_id, &c)) != 200)
		return status;
	status = delete_class(ctx, c, &k);
	free(c);
	return status;
}

/* ---------------------------------------------------------- checklist */

int
page_checklist_add(struct ctx *ctx)
{
	struct request			*req = ctx->req;
	struct course_checklist_item	 item;
	struct course			*c;
	struct input			 in;
	int				 rc, status;

	if ((status = course_page_load(ctx, req->param_id, &c)) != 200)
		return status;
	memset(&item, 0, sizeof(item));
	item.course_id = c->id;
	input_init(&in, ctx);
	str_copy(item.text, input_text(&in, "checklist_text", "Item text", 1,
	    COURSE_CHECKLIST_TEXT_MAX, 0), sizeof(item.text));
	if (!input_ok(&in)) {
		status = course_page_show(ctx, c, 400,
		    COURSE_SECTION_CHECKLIST);
		goto out;
	}
	rc = course_checklist_add(ctx->db, &item, req->session.user_id,
	    req->session.impersonator_id);
	if (rc != DB_OK) {
		status = 503;
		goto out;
	}
	status = course_page_redirect(ctx, c->id, "#checklist",
	    "Checklist item added.");
out:
	free(c);
	return status;
}

static int
delete_item(struct ctx *ctx, const struct course *c,
    const struct course_checklist_item *item)
{
	struct request	*req = ctx->req;
	char		 action[64];
	int		 rc;

	if (!confirmed(ctx)) {
		snprintf(action, sizeof(action), "/admin/checklist/%lld/delete",
		    item->id);
		view_set(ctx->resp->view, "Item.Text", item->text);
		return show_delete_confirm(ctx, c, "checklist", action);
	}
	rc = course_checklist_delete(ctx->db, item->id, req->session.user_id,
	    req->session.impersonator_id);
	if (rc == 1)
		return 404;
	if (rc != DB_OK)
		return 503;
	return course_page_redirect(ctx, c->id, "#checklist",
	    "Checklist item deleted.");
}

int
page_checklist_delete(struct ctx *ctx)
{
	struct course_checklist_item	 item;
	struct course			*c;
	int				 rc, status;

	rc = course_checklist_get(ctx->db, ctx->req->param_id, &item);
	if (rc == 1)
		return 404;
	if (rc != DB_OK)
		return 503;
	if ((status = course_page_load(ctx, item.course_id, &c)) != 200)
		return status;
	status = delete_item(ctx, c, &item);
	free(c);
	return status;
}

/* --------------------------------------------------------- follow-ups */

/* A follow-up set being built from the form; field is the add row a
 * follow-up came from, or -1 for one that was kept. */
struct followup_set {
	struct course_followup	 items[COURSE_FOLLOWUP_MAX + COURSE_ADD_ROWS];
	int			 field[COURSE_FOLLOWUP_MAX + COURSE_ADD_ROWS];
	size_t			 n;
};

/* Adds the current follow-ups whose remove box is not ticked. */
static int
keep_followups(struct ctx *ctx, long long course_id, struct followup_set *s)
{
	struct course_followup	*rows;
	char			 key[48];
	size_t			 n, i;

	if (course_followup_list(ctx->db, course_id, &rows, &n) != DB_OK)
		return -1;
	for (i = 0; i < n && s->n < COURSE_FOLLOWUP_MAX; i++) {
		course_page_followup_key(&rows[i], key);
		if (course_page_form_has(ctx->req, "remove", key))
			continue;
		s->items[s->n] = rows[i];
		s->field[s->n++] = -1;
	}
	free(rows);
	return 0;
}

/* Results of read_add_course besides the negative db_status values. */
#define ROW_EMPTY	0
#define ROW_COURSE	1	/* *id is set */
#define ROW_INVALID	2	/* the field at fault is marked */

/*
 * Reads the course of add row i: an id from the select, or a code typed
 * where there are too many courses to list.  Returns ROW_EMPTY,
 * ROW_COURSE, ROW_INVALID, or a db_status when the lookup fails.
 */
static int
read_add_course(struct ctx *ctx, struct input *in, size_t i, long long *id)
{
	struct course	*found;
	const char	*v;
	char		*end, message[160];
	int		 rc;

	v = input_text(in, course_add_code_fields[i], "Course code", 0,
	    COURSE_CODE_MAX, 0);
	if (*v != '\0') {
		if ((found = malloc(sizeof(*found))) == NULL)
			return DB_ERROR;
		rc = course_find_by_code(ctx->db, v, found);
		if (rc == DB_OK)
			*id = found->id;
		free(found);
		if (rc == DB_OK)
			return ROW_COURSE;
		if (rc != 1)
			return rc < 0 ? rc : DB_ERROR;
		snprintf(message, sizeof(message), "No course has the code "
		    "%.64s. Check the code on the Courses page.", v);
		input_error(in, course_add_course_fields[i], message);
		return ROW_INVALID;
	}

	v = input_text(in, course_add_course_fields[i], "Course", 0, 20, 0);
	if (*v == '\0')
		return ROW_EMPTY;
	errno = 0;
	*id = strtoll(v, &end, 10);
	if (errno != 0 || *end != '\0' || *id <= 0 ||
	    !isdigit((unsigned char)*v)) {
		input_error(in, course_add_course_fields[i], "Course has an "
		    "unknown value; choose one of the offered courses.");
		return ROW_INVALID;
	}
	return ROW_COURSE;
}

/* Adds the courses of the add rows to s. */
static int
add_followups(struct ctx *ctx, struct input *in, long long course_id,
    struct followup_set *s)
{
	long long	 id;
	size_t		 i;
	int		 rc, trigger;

	for (i = 0; i < COURSE_ADD_ROWS; i++) {
		trigger = input_choice(in, course_add_trigger_fields[i],
		    "Trigger", trigger_names, COURSE_ON_PASS);
		if ((rc = read_add_course(ctx, in, i, &id)) < 0)
			return rc;
		if (rc != ROW_COURSE)
			continue;
		if (id == course_id) {
			input_error(in, course_add_course_fields[i], "A course "
			    "cannot be its own follow-up. Choose another "
			    "course.");
			continue;
		}
		memset(&s->items[s->n], 0, sizeof(s->items[s->n]));
		s->items[s->n].course_id = id;
		s->items[s->n].trigger = (enum course_trigger)trigger;
		s->field[s->n++] = (int)i;
	}
	return DB_OK;
}

/* Saves the follow-up set built from the form, marking the row at fault
 * when the library rejects one. */
static int
replace_followups(struct ctx *ctx, struct input *in, struct course *c,
    struct followup_set *s)
{
	struct request	*req = ctx->req;
	char		 message[128];
	size_t		 bad = 0;
	int		 rc;

	rc = course_followup_replace(ctx->db, c->id, s->items, s->n, &bad,
	    req->session.user_id, req->session.impersonator_id);
	if (rc == DB_OK)
		return course_page_redirect(ctx, c->id, "#followups",
		    "Follow-up courses saved.");
	if (rc == COURSE_FOLLOWUP_NO_COURSE)
		return 404;
	if (rc == COURSE_FOLLOWUP_TOO_MANY) {
		snprintf(message, sizeof(message), "A course can have at most "
		    "%d follow-ups. Remove some before adding more.",
		    COURSE_FOLLOWUP_MAX);
		input_error(in, "followups", message);
		return course_page_show(ctx, c, 400, COURSE_SECTION_FOLLOWUPS);
	}
	if (rc != COURSE_FOLLOWUP_UNKNOWN && rc != COURSE_FOLLOWUP_SELF)
		return 503;
	if (bad < s->n && s->field[bad] >= 0)
		input_error(in, course_add_course_fields[s->field[bad]],
		    rc == COURSE_FOLLOWUP_SELF ? "A course cannot be its own "
		    "follow-up. Choose another course." : "The chosen course "
		    "does not exist. Choose another course.");
	else
		input_error(in, "followups", "A follow-up course no longer "
		    "exists. Reload the page and save again.");
	return course_page_show(ctx, c, 400, COURSE_SECTION_FOLLOWUPS);
}

int
page_followups_save(struct ctx *ctx)
{
	struct followup_set	*s;
	struct course		*c;
	struct input		 in;
	int			 status;

	if ((status = course_page_load(ctx, ctx->req->param_id, &c)) != 200)
		return status;
	if ((s = calloc(1, sizeof(*s))) == NULL) {
		free(c);
		return 500;
	}
	input_init(&in, ctx);
	if (keep_followups(ctx, c->id, s) == -1 ||
	    add_followups(ctx, &in, c->id, s) != DB_OK)
		status = 503;
	else if (!input_ok(&in))
		status = course_page_show(ctx, c, 400,
		    COURSE_SECTION_FOLLOWUPS);
	else
		status = replace_followups(ctx, &in, c, s);
	free(s);
	free(c);
	return status;
}
