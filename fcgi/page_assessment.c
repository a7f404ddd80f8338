/*
 * Admin pages of a course's online content and assessment: the content
 * form (text and PDF document), the question list with the attempt
 * limit, and the question form with its options.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assessment.h"
#include "content.h"
#include "course.h"
#include "db.h"
#include "files.h"
#include "input.h"
#include "log.h"
#include "pages.h"
#include "request.h"
#include "response.h"
#include "view.h"

/* Rows of the option table that a new question's form starts with. */
#define OPTION_ROWS_MIN	4

/* Loads course id into c; returns 200, 404 or 503. */
static int
load_course(struct ctx *ctx, long long id, struct course *c)
{
	int	 rc;

	rc = course_get(ctx->db, id, c);
	if (rc == 1)
		return 404;
	return rc == DB_OK ? 200 : 503;
}

static void
set_course(struct view *v, const struct course *c)
{
	view_set_int(v, "Course.Id", c->id);
	view_set(v, "Course.Code", c->code);
	view_set(v, "Course.Name", c->name);
	view_set_int(v, "Course.PassingScore", c->passing_score);
	view_set(v, "Course.Online", c->kind == COURSE_ONLINE ? "1" : "0");
}

/* Writes a file size as "340 KB" or "1.2 MB", rounded up. */
static void
format_bytes(long long bytes, char *out, size_t outsz)
{
	const long long	 kib = 1024, mib = 1024 * 1024;

	if (bytes < mib)
		snprintf(out, outsz, "%lld KB", (bytes + kib - 1) / kib);
	else
		snprintf(out, outsz, "%lld.%lld MB",
		    (bytes * 10 + mib - 1) / mib / 10,
		    (bytes * 10 + mib - 1) / mib % 10);
}

/* ------------------------------------------------------------ content */

/*
 * Shows the content form.  With status 200 the text comes from saved;
 * otherwise input_text has set it from the request.  saved also gives
 * the current document and the preview.  file_dropped is 1 when a valid
 * document was sent but not kept.
 */
static int
show_content(struct ctx *ctx, const struct course *c,
    const struct course_content *saved, int status, int file_dropped)
{
	struct view	*v = ctx->resp->view;
	char		 size[32];

	page_common(ctx, "admin", "Course content");
	set_course(v, c);
	if (status == 200)
		view_set(v, "Form.body", saved->body);
	if (page_text_parts(v, "Preview", saved->body) == -1)
		return 500;
	if (saved->document_id != 0) {
		view_set_int(v, "Content.DocumentId", saved->document_id);
		view_set(v, "Content.DocumentName", saved->document_name);
		format_bytes(saved->document_bytes, size, sizeof(size));
		view_set(v, "Content.DocumentSize", size);
	}
	if (file_dropped)
		view_set(v, "Content.FileDropped", "1");
	view_set_int(v, "Content.TextMax", CONTENT_TEXT_MAX);
	ctx->resp->page = "admin/course_content.cs";
	return status;
}

int
page_course_content(struct ctx *ctx)
{
	struct course		 c;
	struct course_content	*saved;
	int			 status;

	if ((status = load_course(ctx, ctx->req->param_id, &c)) != 200)
		return status;
	if ((saved = malloc(sizeof(*saved))) == NULL)
		return 500;
	if (content_get(ctx->db, c.id, saved) != DB_OK)
		status = 503;
	else
		status = show_content(ctx, &c, saved, 200, 0);
	free(saved);
	return status;
}

/* Returns the document upload of the request, or NULL when none was
 * chosen (browsers send an empty part without a file name then). */
static const struct upload *
document_upload(const struct request *req)
{
	size_t	 i;

	for (i = 0; i < req->files.count; i++) {
		if (strcmp(req->files.items[i].field, "document") != 0)
			continue;
		if (req->files.items[i].filename[0] == '\0' &&
		    req->files.items[i].size == 0)
			return NULL;
		return &req->files.items[i];
	}
	return NULL;
}

/* Checks the document upload against the remove checkbox and by its
 * content.  Returns 1 when an acceptable upload was sent, 0 when none
 * was, -1 after marking the field invalid, or 500 after a logged system
 * error. */
static int
read_document(struct input *in, const struct upload *up, int remove)
{
	struct stored_file	 checked;
	char			 err[256];
	int			 rc;

	if (up == NULL)
		return 0;
	if (remove) {
		input_error(in, "document", "Choose a new document or tick "
		    "\"Remove the document\", not both.");
		return -1;
	}
	rc = file_check_upload(up->path, FILE_COURSE_DOCUMENT, &checked, err,
	    sizeof(err));
	if (rc == -1)
		return 500;
	if (rc == 1) {
		input_error(in, "document", err);
		return -1;
	}
	return 1;
}

/* Saves the content with the document the form chose and returns the
 * HTTP status.  A stored copy that no committed row names is removed. */
static int
save_content(struct ctx *ctx, struct input *in, const struct course *c,
    struct course_content *content, const struct upload *up, int remove,
    const struct course_content *saved)
{
	struct request		*req = ctx->req;
	struct stored_file	 doc;
	char			 err[256], old_storage[101], location[80];
	int			 rc;

	if (up != NULL) {
		rc = file_store_copy(ctx->cfg, up->path, up->filename,
		    FILE_COURSE_DOCUMENT, &doc, err, sizeof(err));
		if (rc == -1)
			return 500;
		if (rc == 1) {
			input_error(in, "document", err);
			return show_content(ctx, c, saved, 400, 0);
		}
	}
	rc = content_save(ctx->db, content, up != NULL ? &doc : NULL, remove,
	    req->session.user_id, req->session.impersonator_id, old_storage,
	    sizeof(old_storage));
	if (rc != DB_OK && up != NULL) {
		/* With the connection lost during COMMIT the row may exist,
		 * so its file stays. */
		if (rc == DB_GONE)
			log_warn("kept stored file %s: the database "
			    "connection was lost, so the outcome of its "
			    "transaction is unknown", doc.storage_name);
		else
			file_remove_copy(ctx->cfg, doc.storage_name);
	}
	if (rc == 1)
		return 404;
	if (rc != DB_OK)
		return 503;

	if (old_storage[0] != '\0')
		file_remove_copy(ctx->cfg, old_storage);
	page_flash_next(ctx, "success", "Course content saved.");
	snprintf(location, sizeof(location), "/admin/courses/%lld/content",
	    c->id);
	response_redirect(ctx->resp, location);
	return 303;
}

int
page_course_content_save(struct ctx *ctx)
{
	struct course		 c;
	struct course_content	*saved = NULL, *content = NULL;
	const struct upload	*up;
	struct input		 in;
	int			 status, remove, upload_ok;

	if ((status = load_course(ctx, ctx->req->param_id, &c)) != 200)
		return status;
	saved = malloc(sizeof(*saved));
	content = malloc(sizeof(*content));
	if (saved == NULL || content == NULL) {
		status = 500;
		goto out;
	}
	if (content_get(ctx->db, c.id, saved) != DB_OK) {
		status = 503;
		goto out;
	}
	*content = *saved;

	input_init(&in, ctx);
	snprintf(content->body, sizeof(content->body), "%s",
	    input_text(&in, "body", "Text", 0, CONTENT_TEXT_MAX, 1));
	up = document_upload(ctx->req);
	remove = saved->document_id != 0 &&
	    input_checkbox(&in, "remove_document");
	if ((upload_ok = read_document(&in, up, remove)) == 500) {
		status = 500;
		goto out;
	}
	if (!input_ok(&in))
		status = show_content(ctx, &c, saved, 400, upload_ok == 1);
	else
		status = save_content(ctx, &in, &c, content, up, remove, saved);
out:
	free(saved);
	free(content);
	return status;
}

/* ------------------------------------------------------------ question list */

/* Shows the assessment page; with status 200 the attempt limit field
 * comes from the settings. */
static int
show_assessment(struct ctx *ctx, const struct course *c, int status)
{
	struct view			*v = ctx->resp->view;
	struct assessment_question	*qs;
	struct assessment_settings	 s;
	size_t				 n, i;
	int				 k, correct;

	if (assessment_questions(ctx->db, c->id, &qs, &n) != DB_OK)
		return 503;
	if (assessment_settings_get(ctx->db, c->id, &s) != DB_OK) {
		free(qs);
		return 503;
	}
	page_common(ctx, "admin", "Assessment");
	set_course(v, c);
	for (i = 0; i < n; i++) {
		for (correct = 0, k = 0; k < qs[i].noptions; k++)
			correct += qs[i].options[k].correct;
		view_set_int_item(v, "Questions", (int)i, "Id", qs[i].id);
		view_set_int_item(v, "Questions", (int)i, "Number",
		    (long long)i + 1);
		view_set_item(v, "Questions", (int)i, "Prompt", qs[i].prompt);
		view_set_int_item(v, "Questions", (int)i, "Multiple",
		    qs[i].multiple);
		view_set_int_item(v, "Questions", (int)i, "Options",
		    qs[i].noptions);
		view_set_int_item(v, "Questions", (int)i, "Correct", correct);
		view_set_int_item(v, "Questions", (int)i, "Last", i + 1 == n);
	}
	view_set_int(v, "Assessment.Questions", (long long)n);
	view_set_int(v, "Assessment.QuestionsMax", ASSESSMENT_QUESTIONS_MAX);
	view_set_int(v, "Assessment.AttemptLimit", s.attempt_limit);
	view_set_int(v, "Assessment.Attempts", s.attempts);
	view_set_int(v, "Assessment.Learners", s.learners);
	if (status == 200 && s.attempt_limit > 0)
		view_set_int(v, "Form.attempt_limit", s.attempt_limit);
	free(qs);
	ctx->resp->page = "admin/assessment.cs";
	return status;
}

int
page_assessment(struct ctx *ctx)
{
	struct course	 c;
	int		 status;

	if ((status = load_course(ctx, ctx->req->param_id, &c)) != 200)
		return status;
	return show_assessment(ctx, &c, 200);
}

/* Saves the attempt limit (POST /admin/courses/{id}/assessment). */
int
page_assessment_save(struct ctx *ctx)
{
	struct request	*req = ctx->req;
	struct course	 c;
	struct input	 in;
	long long	 limit = 0;
	char		 location[80];
	int		 status, rc;

	if ((status = load_course(ctx, req->param_id, &c)) != 200)
		return status;
	input_init(&in, ctx);
	input_int(&in, "attempt_limit", "Attempt limit", 0, 1,
	    ASSESSMENT_ATTEMPT_LIMIT_MAX, &limit);
	if (!input_ok(&in))
		return show_assessment(ctx, &c, 400);
	rc = assessment_settings_save(ctx->db, c.id, (int)limit,
	    req->session.user_id, req->session.impersonator_id);
	if (rc == ASSESSMENT_MISSING)
		return 404;
	if (rc != DB_OK)
		return 503;
	page_flash_next(ctx, "success", "Assessment settings saved.");
	snprintf(location, sizeof(location), "/admin/courses/%lld/assessment",
	    c.id);
	response_redirect(ctx->resp, location);
	return 303;
}

/* ------------------------------------------------------------ question form */

/* The form field names of option row r (1-based). */
struct row_names {
	char	 label[24], correct[24], id[24];
};

static void
row_names(int r, struct row_names *n)
{
	snprintf(n->label, sizeof(n->label), "option_%d", r);
	snprintf(n->correct, sizeof(n->correct), "correct_%d", r);
	snprintf(n->id, sizeof(n->id), "option_id_%d", r);
}

/* One row of the option table as the form shows it. */
static void
set_row(struct view *v, int i, const char *label, int correct,
    long long id, const char *error)
{
	view_set_int_item(v, "Rows", i, "N", i + 1);
	view_set_item(v, "Rows", i, "Label", label);
	view_set_item(v, "Rows", i, "Correct", correct ? "1" : "0");
	if (id != 0)
		view_set_int_item(v, "Rows", i, "OptionId", id);
	if (error != NULL)
		view_set_item(v, "Rows", i, "Error", error);
}

/* Fills Form.* and the rows from a stored or new question. */
static void
form_from_question(struct view *v, const struct assessment_question *q)
{
	int	 i, rows;

	view_set(v, "Form.prompt", q->prompt);
	view_set(v, "Form.multiple", q->multiple ? "1" : "0");
	rows = q->noptions + 2;
	if (rows < OPTION_ROWS_MIN)
		rows = OPTION_ROWS_MIN;
	if (rows > ASSESSMENT_OPTIONS_MAX)
		rows = ASSESSMENT_OPTIONS_MAX;
	for (i = 0; i < rows; i++) {
		if (i < q->noptions)
			set_row(v, i, q->options[i].label,
			    q->options[i].correct, q->options[i].id, NULL);
		else
			set_row(v, i, "", 0, 0, NULL);
	}
}

/*
 * Shows the question form.  With status 200 the values come from q;
 * otherwise read_question has set them from the request.  number is the
 * question's place in the list, or 0 for a new question.
 */
static int
show_question(struct ctx *ctx, const struct course *c,
    const struct assessment_question *q, int number, int status)
{
	struct view	*v = ctx->resp->view;

	page_common(ctx, "admin", q->id ? "Edit question" : "New question");
	set_course(v, c);
	if (q->id != 0) {
		view_set_int(v, "Question.Id", q->id);
		view_set_int(v, "Question.Number", number);
	}
	if (status == 200)
		form_from_question(v, q);
	view_set_int(v, "Question.OptionsMax", ASSESSMENT_OPTIONS_MAX);
	ctx->resp->page = "admin/question.cs";
	return status;
}

/* Returns the number of the hidden option id field, or 0 when it is
 * absent or not a positive number. */
static long long
form_id(const struct request *req, const char *name)
{
	const char	*v = request_form(req, name);
	char		*end;
	long long	 id;

	if (v == NULL || *v < '1' || *v > '9')
		return 0;
	errno = 0;
	id = strtoll(v, &end, 10);
	return errno == 0 && *end == '\0' ? id : 0;
}

/* Marks the options as a whole invalid for a problem of the question. */
static void
option_problem(struct input *in, enum assessment_problem problem)
{
	switch (problem) {
	case ASSESSMENT_TOO_FEW_OPTIONS:
		input_error(in, "options", "Enter at least two options.");
		break;
	case ASSESSMENT_NO_CORRECT:
		input_error(in, "options", "Mark at least one option as "
		    "correct.");
		break;
	case ASSESSMENT_SEVERAL_CORRECT:
		input_error(in, "options", "Several options are marked "
		    "correct. Mark only one, or tick \"Learners choose every "
		    "correct option\".");
		break;
	case ASSESSMENT_VALID:
	default:
		break;
	}
}

/*
 * Reads the question form into q: the prompt, the choice of several
 * answers and every option row that has text.  Sets the rows the form
 * shows again: those up to the last row used, plus an empty one.
 */
static void
read_question(struct ctx *ctx, struct input *in, struct assessment_question *q)
{
	struct view		*v = ctx->resp->view;
	struct row_names	 n;
	struct assessment_option *o;
	const char		*label;
	char			 title[32], msg[160];
	long long		 ids[ASSESSMENT_OPTIONS_MAX];
	int			 r, correct[ASSESSMENT_OPTIONS_MAX], last = 0;
	const char		*labels[ASSESSMENT_OPTIONS_MAX];
	const char		*errors[ASSESSMENT_OPTIONS_MAX];

	snprintf(q->prompt, sizeof(q->prompt), "%s", input_text(in, "prompt",
	    "Question", 1, ASSESSMENT_PROMPT_MAX, 1));
	q->multiple = input_checkbox(in, "multiple");
	q->noptions = 0;
	for (r = 0; r < ASSESSMENT_OPTIONS_MAX; r++) {
		row_names(r + 1, &n);
		snprintf(title, sizeof(title), "Option %d", r + 1);
		labels[r] = label = input_text(in, n.label, title, 0,
		    ASSESSMENT_LABEL_MAX, 0);
		correct[r] = input_checkbox(in, n.correct);
		ids[r] = form_id(ctx->req, n.id);
		errors[r] = NULL;
		if (*label != '\0' || correct[r])
			last = r + 1;
		if (*label == '\0') {
			if (correct[r]) {
				snprintf(msg, sizeof(msg), "Option %d is "
				    "marked correct but has no text. Enter "
				    "its text or clear Correct.", r + 1);
				input_error(in, n.label, msg);
			}
			continue;
		}
		o = &q->options[q->noptions++];
		o->id = ids[r];
		snprintf(o->label, sizeof(o->label), "%s", label);
		o->correct = correct[r];
	}
	option_problem(in, assessment_question_check(q));

	if (last < OPTION_ROWS_MIN - 1)
		last = OPTION_ROWS_MIN - 1;
	if (last >= ASSESSMENT_OPTIONS_MAX)
		last = ASSESSMENT_OPTIONS_MAX - 1;
	for (r = 0; r <= last; r++) {
		row_names(r + 1, &n);
		snprintf(msg, sizeof(msg), "Form.Errors.%s", n.label);
		errors[r] = view_get(v, msg);
		set_row(v, r, labels[r], correct[r], ids[r], errors[r]);
	}
}

/* Saves q and answers as page_question_create and _update do. */
static int
save_question(struct ctx *ctx, struct input *in, const struct course *c,
    struct assessment_question *q, int number)
{
	struct request	*req = ctx->req;
	char		 location[80];
	int		 is_new = q->id == 0, rc;

	if (!input_ok(in))
		return show_question(ctx, c, q, number, 400);
	rc = assessment_question_save(ctx->db, q, req->session.user_id,
	    req->session.impersonator_id);
	if (rc == ASSESSMENT_FULL) {
		response_flash(ctx->resp, "error", "This assessment already "
		    "has the most questions it can have. Delete a question "
		    "before you add another.");
		return show_question(ctx, c, q, number, 409);
	}
	if (rc == ASSESSMENT_MISSING)
		return 404;
	if (rc != DB_OK)
		return 503;
	page_flash_next(ctx, "success", is_new ? "Question added." :
	    "Question saved.");
	snprintf(location, sizeof(location), "/admin/courses/%lld/assessment",
	    c->id);
	response_redirect(ctx->resp, location);
	return 303;
}

int
page_question_new(struct ctx *ctx)
{
	struct course			 c;
	struct assessment_question	*q;
	int				 status;

	if ((status = load_course(ctx, ctx->req->param_id, &c)) != 200)
		return status;
	if ((q = calloc(1, sizeof(*q))) == NULL)
		return 500;
	q->course_id = c.id;
	status = show_question(ctx, &c, q, 0, 200);
	free(q);
	return status;
}

/* POST /admin/courses/{id}/questions */
int
page_question_create(struct ctx *ctx)
{
	struct course			 c;
	struct assessment_question	*q;
	struct input			 in;
	int				 status;

	if ((status = load_course(ctx, ctx->req->param_id, &c)) != 200)
		return status;
	if ((q = calloc(1, sizeof(*q))) == NULL)
		return 500;
	q->course_id = c.id;
	input_init(&in, ctx);
	read_question(ctx, &in, q);
	status = save_question(ctx, &in, &c, q, 0);
	free(q);
	return status;
}

/* Loads the question of param_id and its course.  Returns 200, 404 or
 * 503; *q (freed by the caller) is set when 200. */
static int
load_question(struct ctx *ctx, struct assessment_question **q,
    struct course *c)
{
	int	 rc;

	if ((*q = malloc(sizeof(**q))) == NULL)
		return 500;
	rc = assessment_question_get(ctx->db, ctx->req->param_id, *q);
	if (rc == DB_OK)
		rc = load_course(ctx, (*q)->course_id, c);
	else
		rc = rc == 1 ? 404 : 503;
	if (rc != 200) {
		free(*q);
		*q = NULL;
	}
	return rc;
}

int
page_question_edit(struct ctx *ctx)
{
	struct course			 c;
	struct assessment_question	*q;
	int				 status;

	if ((status = load_question(ctx, &q, &c)) != 200)
		return status;
	status = show_question(ctx, &c, q, q->number, 200);
	free(q);
	return status;
}

/* POST /admin/questions/{id} */
int
page_question_update(struct ctx *ctx)
{
	struct course			 c;
	struct assessment_question	*q;
	struct input			 in;
	int				 status;

	if ((status = load_question(ctx, &q, &c)) != 200)
		return status;
	input_init(&in, ctx);
	read_question(ctx, &in, q);
	status = save_question(ctx, &in, &c, q, q->number);
	free(q);
	return status;
}

int
page_question_delete_confirm(struct ctx *ctx)
{
	struct view			*v = ctx->resp->view;
	struct course			 c;
	struct assessment_question	*q;
	struct assessment_settings	 s;
	int				 status;

	if ((status = load_question(ctx, &q, &c)) != 200)
		return status;
	if (assessment_settings_get(ctx->db, c.id, &s) != DB_OK) {
		free(q);
		return 503;
	}
	page_common(ctx, "admin", "Delete question");
	set_course(v, &c);
	view_set_int(v, "Question.Id", q->id);
	view_set_int(v, "Question.Number", q->number);
	view_set(v, "Question.Prompt", q->prompt);
	view_set_int(v, "Question.Options", q->noptions);
	view_set_int(v, "Assessment.Attempts", s.attempts);
	free(q);
	ctx->resp->page = "admin/question_delete.cs";
	return 200;
}

/* Redirects to the course's question list after a question change. */
static int
back_to_list(struct ctx *ctx, long long course_id, const char *flash)
{
	char	 location[96];

	if (flash != NULL)
		page_flash_next(ctx, "success", flash);
	snprintf(location, sizeof(location),
	    "/admin/courses/%lld/assessment#questions", course_id);
	response_redirect(ctx->resp, location);
	return 303;
}

int
page_question_delete(struct ctx *ctx)
{
	struct request			*req = ctx->req;
	struct course			 c;
	struct assessment_question	*q;
	int				 status, rc;

	if ((status = load_question(ctx, &q, &c)) != 200)
		return status;
	free(q);
	rc = assessment_question_delete(ctx->db, req->param_id,
	    req->session.user_id, req->session.impersonator_id);
	if (rc == ASSESSMENT_MISSING)
		return 404;
	if (rc != DB_OK)
		return 503;
	return back_to_list(ctx, c.id, "Question deleted.");
}

/* POST /admin/questions/{id}/move with dir=up or dir=down. */
int
page_question_move(struct ctx *ctx)
{
	static const char *const dirs[] = { "up", "down", NULL };
	struct request			*req = ctx->req;
	struct course			 c;
	struct assessment_question	*q;
	struct input			 in;
	int				 status, dir, rc;

	if ((status = load_question(ctx, &q, &c)) != 200)
		return status;
	free(q);
	input_init(&in, ctx);
	dir = input_choice(&in, "dir", "Direction", dirs, 0);
	if (!input_ok(&in))
		return 400;
	rc = assessment_question_move(ctx->db, req->param_id, dir == 0,
	    req->session.user_id, req->session.impersonator_id);
	if (rc == ASSESSMENT_MISSING)
		return 404;
	if (rc != DB_OK)
		return 503;
	return back_to_list(ctx, c.id, NULL);
}
