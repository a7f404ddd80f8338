/*
 * Admin pages of courses: the list, and the course form with, on the edit
 * page, the course's classes, checklist and follow-up courses.  The
 * handlers of those three sections' forms are in page_course_sections.c.
 */
#include "config.h"

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

static const char *const sort_keys[] = COURSE_SORT_KEYS;
static const char *const kind_names[] = COURSE_KIND_NAMES;
static const char *const trigger_names[] = COURSE_TRIGGER_NAMES;

/* Courses offered in the follow-up select.  When there are more, the form
 * has text fields for course codes instead. */
#define CHOICES_MAX	200

const char *const course_add_course_fields[COURSE_ADD_ROWS] = {
	"followup_course_1", "followup_course_2", "followup_course_3" };
const char *const course_add_code_fields[COURSE_ADD_ROWS] = {
	"followup_code_1", "followup_code_2", "followup_code_3" };
const char *const course_add_trigger_fields[COURSE_ADD_ROWS] = {
	"followup_trigger_1", "followup_trigger_2", "followup_trigger_3" };

static const char *const section_names[] = {
	"", "course", "class", "checklist", "followups" };

/* ------------------------------------------------------------ the list */

int
page_courses(struct ctx *ctx)
{
	struct view		*v = ctx->resp->view;
	struct listing		 l;
	struct course_filter	 f = { -1, -1 };
	struct course_row	*rows;
	struct buf		 extra = { 0 };
	const char		*kind, *status;
	char			 credit[24];
	size_t			 n, shown, i;
	int			 more;

	list_read(ctx, sort_keys, &l);
	kind = request_query(ctx->req, "kind");
	status = request_query(ctx->req, "status");
	buf_puts(&extra, "");
	if (kind != NULL && strcmp(kind, "online") == 0)
		f.kind = COURSE_ONLINE;
	else if (kind != NULL && strcmp(kind, "ilt") == 0)
		f.kind = COURSE_ILT;
	if (f.kind >= 0)
		query_append(&extra, "kind", kind_names[f.kind]);
	if (status != NULL && strcmp(status, "active") == 0)
		f.active = 1;
	else if (status != NULL && strcmp(status, "inactive") == 0)
		f.active = 0;
	if (f.active >= 0)
		query_append(&extra, "status", status);

	if (course_list(ctx->db, &l, &f, &rows, &n) != DB_OK) {
		buf_free(&extra);
		return 503;
	}
	more = listing_has_next(&l, n, &shown);
	page_common(ctx, "admin", "Courses");
	list_view(ctx, &l, sort_keys, more, shown, extra.data ? extra.data :
	    "");
	view_set(v, "Filter.kind", f.kind >= 0 ? kind_names[f.kind] : "");
	view_set(v, "Filter.status", f.active < 0 ? "" : f.active ?
	    "active" : "inactive");
	for (i = 0; i < shown; i++) {
		view_set_int_item(v, "Courses", (int)i, "Id", rows[i].id);
		view_set_item(v, "Courses", (int)i, "Code", rows[i].code);
		view_set_item(v, "Courses", (int)i, "Name", rows[i].name);
		view_set_item(v, "Courses", (int)i, "Kind",
		    kind_names[rows[i].kind]);
		view_set_item(v, "Courses", (int)i, "Language",
		    rows[i].language_name);
		course_format_hundredths(rows[i].credit_hundredths, credit);
		view_set_item(v, "Courses", (int)i, "Credit", credit);
		view_set_int_item(v, "Courses", (int)i, "Score",
		    rows[i].passing_score);
		view_set_item(v, "Courses", (int)i, "Active",
		    rows[i].active ? "1" : "0");
	}
	free(rows);
	buf_free(&extra);
	ctx->resp->page = "admin/courses.cs";
	return 200;
}

/* ------------------------------------------------ sections of the page */

int
course_page_form_has(const struct request *req, const char *name,
    const char *value)
{
	size_t	 i;

	for (i = 0; i < req->form.count; i++)
		if (strcmp(req->form.items[i].name, name) == 0 &&
		    strcmp(req->form.items[i].value, value) == 0)
			return 1;
	return 0;
}

void
course_page_followup_key(const struct course_followup *f, char out[48])
{
	snprintf(out, 48, "%lld:%s", f->course_id, trigger_names[f->trigger]);
}

static int
show_languages(struct ctx *ctx)
{
	struct view		*v = ctx->resp->view;
	struct course_language	*langs;
	size_t			 n, i;

	if (course_languages(ctx->db, &langs, &n) != DB_OK)
		return -1;
	for (i = 0; i < n; i++) {
		view_set_item(v, "Languages", (int)i, "Code", langs[i].code);
		view_set_item(v, "Languages", (int)i, "Name", langs[i].name);
	}
	free(langs);
	return 0;
}

static int
show_classes(struct ctx *ctx, long long course_id)
{
	struct view		*v = ctx->resp->view;
	struct course_class	*rows;
	char			 date[11], time[6];
	size_t			 n, i;

	if (course_class_list(ctx->db, course_id, &rows, &n) != DB_OK)
		return -1;
	for (i = 0; i < n; i++) {
		view_set_int_item(v, "Classes", (int)i, "Id", rows[i].id);
		course_class_format_local(rows[i].starts_at, date, time);
		view_set_item(v, "Classes", (int)i, "StartDate", date);
		view_set_item(v, "Classes", (int)i, "StartTime", time);
		course_class_format_local(rows[i].ends_at, date, time);
		view_set_item(v, "Classes", (int)i, "EndDate", date);
		view_set_item(v, "Classes", (int)i, "EndTime", time);
		view_set_item(v, "Classes", (int)i, "Location",
		    rows[i].location);
		view_set_item(v, "Classes", (int)i, "Instructor",
		    rows[i].instructor);
		if (rows[i].capacity != 0)
			view_set_int_item(v, "Classes", (int)i, "Capacity",
			    rows[i].capacity);
	}
	free(rows);
	return 0;
}

static int
show_checklist(struct ctx *ctx, long long course_id)
{
	struct view			*v = ctx->resp->view;
	struct course_checklist_item	*items;
	size_t				 n, i;

	if (course_checklist_list(ctx->db, course_id, &items, &n) != DB_OK)
		return -1;
	for (i = 0; i < n; i++) {
		view_set_int_item(v, "Checklist", (int)i, "Id", items[i].id);
		view_set_item(v, "Checklist", (int)i, "Text", items[i].text);
	}
	free(items);
	return 0;
}

/* Shows the current follow-ups, keeping the remove boxes ticked in a form
 * that is shown again. */
static int
show_followups(struct ctx *ctx, long long course_id)
{
	struct view		*v = ctx->resp->view;
	struct course_followup	*rows;
	char			 key[48];
	size_t			 n, i;

	if (course_followup_list(ctx->db, course_id, &rows, &n) != DB_OK)
		return -1;
	for (i = 0; i < n; i++) {
		course_page_followup_key(&rows[i], key);
		view_set_item(v, "Followups", (int)i, "Key", key);
		view_set_int_item(v, "Followups", (int)i, "CourseId",
		    rows[i].course_id);
		view_set_item(v, "Followups", (int)i, "Code", rows[i].code);
		view_set_item(v, "Followups", (int)i, "Name", rows[i].name);
		view_set_item(v, "Followups", (int)i, "Trigger",
		    trigger_names[rows[i].trigger]);
		if (course_page_form_has(ctx->req, "remove", key))
			view_set_item(v, "Followups", (int)i, "Remove", "1");
	}
	free(rows);
	return 0;
}

/* Shows the rows for adding follow-ups: a select of the other courses, or
 * code fields when there are more than CHOICES_MAX. */
static int
show_followup_choices(struct ctx *ctx, long long course_id)
{
	struct view		*v = ctx->resp->view;
	struct course_row	*rows;
	const char		*value, *error;
	char			 path[64];
	size_t			 n, i;

	if (course_choices(ctx->db, course_id, CHOICES_MAX + 1, &rows,
	    &n) != DB_OK)
		return -1;
	if (n > CHOICES_MAX)
		view_set(v, "FollowupByCode", "1");
	for (i = 0; i < n && i < CHOICES_MAX; i++) {
		view_set_int_item(v, "FollowupChoices", (int)i, "Id",
		    rows[i].id);
		view_set_item(v, "FollowupChoices", (int)i, "Code",
		    rows[i].code);
		view_set_item(v, "FollowupChoices", (int)i, "Name",
		    rows[i].name);
	}
	free(rows);

	for (i = 0; i < COURSE_ADD_ROWS; i++) {
		view_set_int_item(v, "AddRows", (int)i, "N", (long long)i + 1);
		value = request_form(ctx->req, course_add_course_fields[i]);
		view_set_item(v, "AddRows", (int)i, "Course", value ? value :
		    "");
		value = request_form(ctx->req, course_add_code_fields[i]);
		view_set_item(v, "AddRows", (int)i, "Code", value ? value : "");
		value = request_form(ctx->req, course_add_trigger_fields[i]);
		view_set_item(v, "AddRows", (int)i, "Trigger", value ? value :
		    "pass");
		snprintf(path, sizeof(path), "Form.Errors.%s",
		    course_add_course_fields[i]);
		if ((error = view_get(v, path)) != NULL)
			view_set_item(v, "AddRows", (int)i, "Error", error);
		snprintf(path, sizeof(path), "Form.Errors.%s",
		    course_add_trigger_fields[i]);
		if ((error = view_get(v, path)) != NULL)
			view_set_item(v, "AddRows", (int)i, "TriggerError",
			    error);
	}
	return 0;
}

/* Writes the stored values of a course to the form fields. */
static void
show_course_values(struct view *v, const struct course *c)
{
	char	 credit[24];

	view_set(v, "Form.code", c->code);
	view_set(v, "Form.name", c->name);
	view_set(v, "Form.description", c->description);
	view_set(v, "Form.language", c->language);
	course_format_hundredths(c->credit_hundredths, credit);
	view_set(v, "Form.credit_hours", credit);
	view_set_int(v, "Form.passing_score", c->passing_score);
	view_set(v, "Form.kind", kind_names[c->kind]);
	view_set(v, "Form.active", c->active ? "1" : "0");
}

int
course_page_show(struct ctx *ctx, const struct course *saved, int status,
    enum course_section failed)
{
	struct view	*v = ctx->resp->view;

	page_common(ctx, "admin", saved->id ? "Edit course" : "New course");
	view_set(v, "Failed", section_names[failed]);
	view_set(v, "Site.TimeZone", ctx->cfg->site_time_zone);
	if (failed != COURSE_SECTION_COURSE)
		show_course_values(v, saved);
	if (show_languages(ctx) == -1)
		return 503;
	ctx->resp->page = "admin/course.cs";
	if (saved->id == 0)
		return status;

	view_set_int(v, "Course.Id", saved->id);
	view_set(v, "Course.Code", saved->code);
	view_set(v, "Course.Name", saved->name);
	if (show_classes(ctx, saved->id) == -1 ||
	    show_checklist(ctx, saved->id) == -1 ||
	    show_followups(ctx, saved->id) == -1 ||
	    show_followup_choices(ctx, saved->id) == -1)
		return 503;
	return status;
}

int
course_page_load(struct ctx *ctx, long long id, struct course **out)
{
	int	 rc;

	if ((*out = malloc(sizeof(**out))) == NULL)
		return 500;
	rc = course_get(ctx->db, id, *out);
	if (rc == DB_OK)
		return 200;
	free(*out);
	*out = NULL;
	return rc == 1 ? 404 : 503;
}

int
course_page_redirect(struct ctx *ctx, long long course_id, const char *anchor,
    const char *message)
{
	char	 location[96];

	page_flash_next(ctx, "success", message);
	snprintf(location, sizeof(location), "/admin/courses/%lld%s",
	    course_id, anchor);
	response_redirect(ctx->resp, location);
	return 303;
}

/* ------------------------------------------------- the course form */

static void
course_defaults(struct course *c)
{
	memset(c, 0, sizeof(*c));
	str_copy(c->language, "en", sizeof(c->language));
	c->passing_score = 70;
	c->kind = COURSE_ONLINE;
	c->active = 1;
}

int
page_course_new(struct ctx *ctx)
{
	struct course	*c;
	int		 status;

	if ((c = malloc(sizeof(*c))) == NULL)
		return 500;
	course_defaults(c);
	status = course_page_show(ctx, c, 200, COURSE_SECTION_NONE);
	free(c);
	return status;
}

int
page_course_edit(struct ctx *ctx)
{
	struct course	*c;
	int		 status;

	if ((status = course_page_load(ctx, ctx->req->param_id, &c)) != 200)
		return status;
	status = course_page_show(ctx, c, 200, COURSE_SECTION_NONE);
	free(c);
	return status;
}

/* Reads the language select, which must name a row of the languages
 * table.  Returns -1 when the table cannot be read. */
static int
read_language(struct ctx *ctx, struct input *in, struct course *c)
{
	struct course_language	*langs;
	const char		**codes;
	size_t			 n, i;
	int			 def = 0, chosen;

	if (course_languages(ctx->db, &langs, &n) != DB_OK)
		return -1;
	if (n == 0) {
		free(langs);
		input_error(in, "language", "No languages are set up. Add one "
		    "on the Languages page first.");
		return 0;
	}
	if ((codes = calloc(n + 1, sizeof(*codes))) == NULL) {
		free(langs);
		return -1;
	}
	for (i = 0; i < n; i++) {
		codes[i] = langs[i].code;
		if (strcmp(langs[i].code, "en") == 0)
			def = (int)i;
	}
	chosen = input_choice(in, "language", "Language", codes, def);
	str_copy(c->language, codes[chosen], sizeof(c->language));
	free(codes);
	free(langs);
	return 0;
}

/* Reads and checks the course form into c.  Returns -1 when the languages
 * cannot be read. */
static int
read_course(struct ctx *ctx, struct input *in, struct course *c)
{
	const char	*code;
	long long	 number;

	code = input_text(in, "code", "Code", 1, COURSE_CODE_MAX, 0);
	if (*code != '\0' && !course_code_valid(code))
		input_error(in, "code", "Code may contain only letters A-Z, "
		    "digits, hyphens (-), underscores (_) and full stops (.), "
		    "without spaces.");
	str_copy(c->code, code, sizeof(c->code));
	str_copy(c->name, input_text(in, "name", "Name", 1, COURSE_NAME_MAX,
	    0), sizeof(c->name));
	/* The request parser's Limits.ValueBytes (262,144 bytes by default)
	 * is above 20,000 four-byte characters, so this check is the one
	 * that answers an over-long description. */
	str_copy(c->description, input_text(in, "description",
	    "Description", 0, COURSE_DESC_MAX, 1), sizeof(c->description));
	if (read_language(ctx, in, c) == -1)
		return -1;

	c->credit_hundredths = 0;
	if (input_hundredths(in, "credit_hours", "Credit hours", 0, 0,
	    COURSE_CREDIT_MAX, &number) == 1)
		c->credit_hundredths = number;
	if (input_int(in, "passing_score", "Passing score", 1, 0,
	    COURSE_SCORE_MAX, &number) == 1)
		c->passing_score = (int)number;
	c->kind = (enum course_kind)input_choice(in, "kind", "Kind",
	    kind_names, COURSE_ONLINE);
	c->active = input_checkbox(in, "active");
	return 0;
}

/* Saves the form of a course: POST /admin/courses creates one, POST
 * /admin/courses/{id} updates it. */
static int
save_course(struct ctx *ctx, struct course *saved, struct course *c)
{
	struct request	*req = ctx->req;
	struct input	 in;
	char		 message[COURSE_CODE_MAX + 128];
	int		 rc;

	c->id = saved->id;
	input_init(&in, ctx);
	if (read_course(ctx, &in, c) == -1)
		return 503;
	if (!input_ok(&in))
		return course_page_show(ctx, saved, 400, COURSE_SECTION_COURSE);

	rc = course_save(ctx->db, c, req->session.user_id,
	    req->session.impersonator_id);
	if (rc == DB_DUPLICATE) {
		snprintf(message, sizeof(message), "Another course already "
		    "has the code %.50s (codes ignore upper and lower case). "
		    "Choose a different code.", c->code);
		input_error(&in, "code", message);
		return course_page_show(ctx, saved, 409, COURSE_SECTION_COURSE);
	}
	if (rc == 1)
		return 404;
	if (rc != DB_OK)
		return 503;
	return course_page_redirect(ctx, c->id, "", saved->id ?
	    "Course saved." : "Course created.");
}

int
page_course_save(struct ctx *ctx)
{
	struct course	*saved = NULL, *c;
	int		 status;

	if ((c = malloc(sizeof(*c))) == NULL)
		return 500;
	if (ctx->req->param_id != 0) {
		status = course_page_load(ctx, ctx->req->param_id, &saved);
		if (status != 200)
			goto out;
	} else if ((saved = malloc(sizeof(*saved))) != NULL) {
		course_defaults(saved);
	} else {
		status = 500;
		goto out;
	}
	status = save_course(ctx, saved, c);
out:
	free(saved);
	free(c);
	return status;
}
