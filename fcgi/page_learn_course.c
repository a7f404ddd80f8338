/*
 * The learner's pages of a course: its content with "Mark as complete",
 * and its assessment (start, answer, result).  Every page needs a live
 * registration in the course; without one it is 404, as is another
 * learner's attempt.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assessment.h"
#include "content.h"
#include "db.h"
#include "input.h"
#include "pages.h"
#include "request.h"
#include "response.h"
#include "str.h"
#include "view.h"

int
page_text_parts(struct view *v, const char *prefix, const char *text)
{
	static const char *const kinds[] = { "text", "link", "br", "p" };
	struct content_part	*parts;
	size_t			 n, i;
	char			 name[96], *s;
	int			 rc = 0;

	if (content_split(text, &parts, &n) == -1)
		return -1;
	for (i = 0; i < n && rc == 0; i++) {
		snprintf(name, sizeof(name), "%s.%zu.Kind", prefix, i);
		rc = view_set(v, name, kinds[parts[i].kind]);
		if (parts[i].kind != CONTENT_TEXT &&
		    parts[i].kind != CONTENT_LINK)
			continue;
		if ((s = str_ndup(text + parts[i].start, parts[i].len)) ==
		    NULL) {
			rc = -1;
			break;
		}
		snprintf(name, sizeof(name), "%s.%zu.Text", prefix, i);
		rc |= view_set(v, name, s);
		if (parts[i].kind == CONTENT_LINK) {
			snprintf(name, sizeof(name), "%s.%zu.Href", prefix, i);
			rc |= view_set(v, name, s);
		}
		free(s);
	}
	free(parts);
	return rc;
}

/* Writes hundredths of a percent as "75" or "66.66". */
static void
format_score(long long hundredths, char *out, size_t outsz)
{
	if (hundredths % 100 == 0)
		snprintf(out, outsz, "%lld", hundredths / 100);
	else
		snprintf(out, outsz, "%lld.%02lld", hundredths / 100,
		    hundredths % 100);
}

/* The learner's assessment state, from which the course page decides
 * what to offer. */
struct course_state {
	long long	 questions;
	int		 attempt_limit;		/* 0 for none */
	int		 attempts;		/* made, the open one included */
	long long	 open_attempt;		/* id, 0 when none */
	int		 completed;
};

/* Returns 1 when the learner may start another attempt. */
static int
can_start(const struct course_state *st)
{
	return st->questions > 0 && !st->completed && st->open_attempt == 0 &&
	    (st->attempt_limit == 0 || st->attempts < st->attempt_limit);
}

static void
set_progress(struct view *v, const struct course_progress *p)
{
	char	 score[24];

	view_set_int(v, "Course.Id", p->course_id);
	view_set(v, "Course.Code", p->code);
	view_set(v, "Course.Name", p->name);
	view_set(v, "Course.Online", p->online ? "1" : "0");
	view_set_int(v, "Course.PassingScore", p->passing_score);
	view_set(v, "Progress.Status", p->status);
	view_set(v, "Progress.CompletedOn", p->completed_on);
	if (p->has_score) {
		format_score(p->score_hundredths, score, sizeof(score));
		view_set(v, "Progress.Score", score);
	}
}

/* Sets Attempts.N from the learner's attempts and fills the counts of
 * st. */
static void
set_attempts(struct view *v, const struct assessment_attempt *a, size_t n,
    struct course_state *st)
{
	char	 score[24], when[17];
	size_t	 i;

	st->attempts = (int)n;
	for (i = 0; i < n; i++) {
		view_set_int_item(v, "Attempts", (int)i, "Id", a[i].id);
		view_set_int_item(v, "Attempts", (int)i, "Number", a[i].number);
		if (a[i].finished_at[0] == '\0') {
			st->open_attempt = a[i].id;
			continue;
		}
		/* "YYYY-MM-DD HH:MM" of the stored UTC time. */
		snprintf(when, sizeof(when), "%.16s", a[i].finished_at);
		view_set_item(v, "Attempts", (int)i, "FinishedAt", when);
		format_score(a[i].score_hundredths, score, sizeof(score));
		view_set_item(v, "Attempts", (int)i, "Score", score);
		view_set_int_item(v, "Attempts", (int)i, "Passed",
		    a[i].passed);
	}
}

/* Loads the assessment state of the course for the learner into st and
 * Attempts.N; returns DB_OK or a db_status. */
static int
load_state(struct ctx *ctx, const struct course_progress *p,
    struct course_state *st)
{
	struct assessment_settings	 s;
	struct assessment_attempt	*a;
	size_t				 n;
	int				 rc;

	memset(st, 0, sizeof(*st));
	st->completed = strcmp(p->status, "completed") == 0;
	if ((rc = assessment_question_count(ctx->db, p->course_id,
	    &st->questions)) != DB_OK)
		return rc;
	if ((rc = assessment_settings_get(ctx->db, p->course_id, &s)) !=
	    DB_OK)
		return rc;
	st->attempt_limit = s.attempt_limit;
	rc = assessment_attempts(ctx->db, ctx->req->session.user_id,
	    p->course_id, &a, &n);
	if (rc != DB_OK)
		return rc;
	set_attempts(ctx->resp->view, a, n, st);
	free(a);
	return DB_OK;
}

/*
 * Shows the course page with status.  A GET of the page first records
 * the opening of the content (content_open), but a POST that shows this
 * page does not.  Returns the status, 404 without a live registration,
 * or 503.
 */
static int
show_course(struct ctx *ctx, int status, const char *error)
{
	struct view		*v = ctx->resp->view;
	long long		 uid = ctx->req->session.user_id;
	long long		 course_id = ctx->req->param_id;
	struct course_progress	 p;
	struct course_content	*content;
	struct course_state	 st;
	int			 rc;

	if ((rc = content_progress(ctx->db, uid, course_id, &p)) != DB_OK)
		return rc == 1 ? 404 : 503;
	if (ctx->req->method == METHOD_GET &&
	    (!p.opened || strcmp(p.status, "registered") == 0)) {
		if (content_open(ctx->db, ctx->cfg, uid, course_id,
		    ctx->req->session.impersonator_id) != DB_OK ||
		    content_progress(ctx->db, uid, course_id, &p) != DB_OK)
			return 503;
	}
	if ((content = malloc(sizeof(*content))) == NULL)
		return 500;
	rc = content_get(ctx->db, course_id, content);
	if (rc == DB_OK)
		rc = load_state(ctx, &p, &st);
	if (rc != DB_OK) {
		free(content);
		return 503;
	}

	page_common(ctx, "learn", p.name);
	set_progress(v, &p);
	rc = page_text_parts(v, "Content", content->body);
	if (content->document_id != 0) {
		view_set_int(v, "Document.Id", content->document_id);
		view_set(v, "Document.Name", content->document_name);
	}
	free(content);
	if (rc == -1)
		return 500;
	view_set_int(v, "Assessment.Questions", st.questions);
	view_set_int(v, "Assessment.AttemptLimit", st.attempt_limit);
	view_set_int(v, "Assessment.Attempts", st.attempts);
	view_set_int(v, "Assessment.OpenId", st.open_attempt);
	view_set(v, "Assessment.CanStart", can_start(&st) ? "1" : "0");
	view_set(v, "Course.CanComplete", st.questions == 0 && p.online &&
	    !st.completed ? "1" : "0");
	if (error != NULL)
		response_flash(ctx->resp, "error", error);
	ctx->resp->page = "learn/course.cs";
	return status;
}

int
page_learn_course(struct ctx *ctx)
{
	return show_course(ctx, 200, NULL);
}

static int
back_to_course(struct ctx *ctx, long long course_id, const char *kind,
    const char *flash)
{
	char	 location[64];

	page_flash_next(ctx, kind, flash);
	snprintf(location, sizeof(location), "/learn/courses/%lld", course_id);
	response_redirect(ctx->resp, location);
	return 303;
}

/* POST /learn/courses/{id}/complete: "Mark as complete". */
int
page_learn_course_complete(struct ctx *ctx)
{
	struct request	*req = ctx->req;
	int		 rc;

	rc = content_complete(ctx->db, ctx->cfg, req->session.user_id,
	    req->param_id, req->session.impersonator_id);
	switch (rc) {
	case DB_OK:
		return back_to_course(ctx, req->param_id, "success",
		    "Course completed.");
	case CONTENT_ALREADY_COMPLETED:
		return back_to_course(ctx, req->param_id, "info",
		    "You have already completed this course.");
	case CONTENT_NOT_REGISTERED:
		return 404;
	case CONTENT_NOT_OPENED:
		return show_course(ctx, 409, "Open the course content before "
		    "you mark the course as complete.");
	case CONTENT_HAS_ASSESSMENT:
		return show_course(ctx, 409, "This course is completed by "
		    "passing its assessment.");
	case CONTENT_NOT_ONLINE:
		return show_course(ctx, 409, "Instructor-led courses are "
		    "completed by your training administrator.");
	default:
		return 503;
	}
}

/* POST /learn/courses/{id}/attempts: starts an attempt, or goes back to
 * the open one. */
int
page_learn_attempt_start(struct ctx *ctx)
{
	struct request		*req = ctx->req;
	struct course_progress	 p;
	long long		 questions, attempt_id;
	char			 location[64];
	int			 rc;

	rc = content_progress(ctx->db, req->session.user_id, req->param_id,
	    &p);
	if (rc != DB_OK)
		return rc == 1 ? 404 : 503;
	if (strcmp(p.status, "completed") == 0)
		return show_course(ctx, 409, "You have already completed this "
		    "course, so there is no need to take its assessment "
		    "again.");
	if (assessment_question_count(ctx->db, p.course_id, &questions) !=
	    DB_OK)
		return 503;
	if (questions == 0)
		return show_course(ctx, 409, "This course has no assessment.");

	rc = assessment_start(ctx->db, req->session.user_id, p.course_id,
	    &attempt_id);
	if (rc == ASSESSMENT_LIMIT_REACHED)
		return show_course(ctx, 409, "You have used every attempt "
		    "this assessment allows. Ask your training administrator "
		    "if you need another one.");
	if (rc != DB_OK)
		return 503;
	snprintf(location, sizeof(location), "/learn/attempts/%lld",
	    attempt_id);
	response_redirect(ctx->resp, location);
	return 303;
}

/* ------------------------------------------------------------ attempts */

/* Loads the signed-in learner's attempt of param_id and the registration
 * in its course.  Returns 200, 404 or 503. */
static int
load_attempt(struct ctx *ctx, struct assessment_attempt *a,
    struct course_progress *p)
{
	int	 rc;

	rc = assessment_attempt_get(ctx->db, ctx->req->param_id, a);
	if (rc == 1 || (rc == DB_OK && a->user_id !=
	    ctx->req->session.user_id))
		return 404;
	if (rc != DB_OK)
		return 503;
	rc = content_progress(ctx->db, a->user_id, a->course_id, p);
	if (rc == 1)
		return 404;
	return rc == DB_OK ? 200 : 503;
}

/* The form field of a question's answer, such as "q42". */
static void
answer_field(long long question_id, char *out, size_t outsz)
{
	snprintf(out, outsz, "q%lld", question_id);
}

/*
 * Sets Questions.N for the answer form: the prompt's parts, the options
 * and, after invalid input, the options chosen (Form.qID.OPTION, set by
 * input_ids) and the error of each question.
 */
static int
set_questions(struct view *v, const struct assessment_question *qs,
    size_t n)
{
	char		 prefix[64], name[96], field[32];
	const char	*value;
	size_t		 i;
	int		 k;

	for (i = 0; i < n; i++) {
		answer_field(qs[i].id, field, sizeof(field));
		view_set_int_item(v, "Questions", (int)i, "Id", qs[i].id);
		view_set_int_item(v, "Questions", (int)i, "Number",
		    (long long)i + 1);
		view_set_item(v, "Questions", (int)i, "Field", field);
		view_set_int_item(v, "Questions", (int)i, "Multiple",
		    qs[i].multiple);
		snprintf(prefix, sizeof(prefix), "Questions.%zu.Prompt", i);
		if (page_text_parts(v, prefix, qs[i].prompt) == -1)
			return -1;
		snprintf(name, sizeof(name), "Form.Errors.%s", field);
		if ((value = view_get(v, name)) != NULL)
			view_set_item(v, "Questions", (int)i, "Error", value);
		for (k = 0; k < qs[i].noptions; k++) {
			snprintf(name, sizeof(name),
			    "Questions.%zu.Options.%d.Id", i, k);
			view_set_int(v, name, qs[i].options[k].id);
			snprintf(name, sizeof(name),
			    "Questions.%zu.Options.%d.Label", i, k);
			view_set(v, name, qs[i].options[k].label);
			snprintf(name, sizeof(name), "Form.%s.%lld", field,
			    qs[i].options[k].id);
			if (view_get(v, name) != NULL) {
				snprintf(name, sizeof(name),
				    "Questions.%zu.Options.%d.Chosen", i, k);
				view_set(v, name, "1");
			}
		}
	}
	view_set_int(v, "Attempt.Questions", (long long)n);
	return 0;
}

/*
 * Shows an attempt: its questions while it is open (qs, n), or its
 * result once submitted.  error, when set, is shown as a message.
 */
static int
show_attempt(struct ctx *ctx, const struct assessment_attempt *a,
    const struct course_progress *p, const struct assessment_question *qs,
    size_t n, int status, const char *error)
{
	struct view		*v = ctx->resp->view;
	struct course_state	 st;
	char			 score[24];

	if (load_state(ctx, p, &st) != DB_OK)
		return 503;
	page_common(ctx, "learn", p->name);
	set_progress(v, p);
	view_set_int(v, "Attempt.Id", a->id);
	view_set_int(v, "Attempt.Number", a->number);
	view_set_int(v, "Assessment.AttemptLimit", st.attempt_limit);
	if (a->finished_at[0] != '\0') {
		view_set(v, "Attempt.Finished", "1");
		view_set_int(v, "Attempt.Correct", a->correct);
		view_set_int(v, "Attempt.Questions", a->questions);
		format_score(a->score_hundredths, score, sizeof(score));
		view_set(v, "Attempt.Score", score);
		view_set(v, "Attempt.Passed", a->passed ? "1" : "0");
		view_set(v, "Assessment.CanStart", can_start(&st) ? "1" : "0");
	} else if (set_questions(v, qs, n) == -1)
		return 500;
	if (error != NULL)
		response_flash(ctx->resp, "error", error);
	ctx->resp->page = "learn/attempt.cs";
	return status;
}

int
page_learn_attempt(struct ctx *ctx)
{
	struct assessment_attempt	 a;
	struct assessment_question	*qs = NULL;
	struct course_progress		 p;
	size_t				 n = 0;
	int				 status;

	if ((status = load_attempt(ctx, &a, &p)) != 200)
		return status;
	if (a.finished_at[0] == '\0' &&
	    assessment_questions(ctx->db, a.course_id, &qs, &n) != DB_OK)
		return 503;
	status = show_attempt(ctx, &a, &p, qs, n, 200, NULL);
	free(qs);
	return status;
}

/*
 * Reads the answer to each question into chosen[] (a bit per option) and
 * the chosen option ids into ids (room for n × ASSESSMENT_OPTIONS_MAX).
 * Every question needs an answer, and one of its own options; a question
 * with one answer takes only one.  Returns the number of ids.
 */
static size_t
read_answers(struct input *in, const struct assessment_question *qs,
    size_t n, unsigned int *chosen, long long *ids)
{
	long long	 sent[ASSESSMENT_OPTIONS_MAX];
	char		 field[32];
	size_t		 i, nids = 0;
	int		 got, j, k;

	for (i = 0; i < n; i++) {
		chosen[i] = 0;
		answer_field(qs[i].id, field, sizeof(field));
		got = input_ids(in, field, "Answer", sent,
		    ASSESSMENT_OPTIONS_MAX);
		if (got < 0)
			continue;
		if (got == 0) {
			input_error(in, field, qs[i].multiple ? "Choose at "
			    "least one answer." : "Choose an answer.");
			continue;
		}
		if (got > 1 && !qs[i].multiple) {
			input_error(in, field, "Choose only one answer.");
			continue;
		}
		for (j = 0; j < got; j++) {
			for (k = 0; k < qs[i].noptions; k++)
				if (qs[i].options[k].id == sent[j])
					break;
			if (k == qs[i].noptions) {
				input_error(in, field, "This answer is not "
				    "one of the question's options; the "
				    "question may have changed. Choose again.");
				break;
			}
			chosen[i] |= 1u << k;
			ids[nids++] = sent[j];
		}
	}
	return nids;
}

/* Grades and submits the answers of an open attempt; returns the HTTP
 * status. */
static int
submit(struct ctx *ctx, const struct assessment_attempt *a,
    const struct course_progress *p, const struct assessment_question *qs,
    size_t n)
{
	struct assessment_attempt done;
	struct assessment_grade	 g;
	struct input		 in;
	unsigned int		*chosen;
	long long		*ids;
	size_t			 nids;
	char			 location[64];
	int			 rc, completed, status;

	chosen = calloc(n, sizeof(*chosen));
	ids = calloc(n * ASSESSMENT_OPTIONS_MAX, sizeof(*ids));
	if (chosen == NULL || ids == NULL) {
		free(chosen);
		free(ids);
		return 500;
	}
	input_init(&in, ctx);
	nids = read_answers(&in, qs, n, chosen, ids);
	if (!input_ok(&in)) {
		status = show_attempt(ctx, a, p, qs, n, 400, NULL);
		goto out;
	}

	assessment_grade(qs, n, chosen, p->passing_score, &g);
	rc = assessment_submit(ctx->db, ctx->cfg, a, &g, ids, nids,
	    ctx->req->session.impersonator_id, &completed);
	if (rc == ASSESSMENT_SUBMITTED) {
		if (assessment_attempt_get(ctx->db, a->id, &done) != DB_OK)
			status = 503;
		else
			status = show_attempt(ctx, &done, p, NULL, 0, 409,
			    "You already submitted this attempt; its result "
			    "is below.");
		goto out;
	}
	if (rc != DB_OK) {
		status = 503;
		goto out;
	}
	page_flash_next(ctx, "success", completed > 0 ? "Your answers were "
	    "submitted, and you completed a certification." :
	    "Your answers were submitted.");
	snprintf(location, sizeof(location), "/learn/attempts/%lld", a->id);
	response_redirect(ctx->resp, location);
	status = 303;
out:
	free(chosen);
	free(ids);
	return status;
}

/* POST /learn/attempts/{id}: grades the answers on the server. */
int
page_learn_attempt_submit(struct ctx *ctx)
{
	struct assessment_attempt	 a;
	struct assessment_question	*qs = NULL;
	struct course_progress		 p;
	size_t				 n = 0;
	int				 status;

	if ((status = load_attempt(ctx, &a, &p)) != 200)
		return status;
	if (a.finished_at[0] != '\0')
		return show_attempt(ctx, &a, &p, NULL, 0, 409, "You already "
		    "submitted this attempt; its result is below.");
	if (assessment_questions(ctx->db, a.course_id, &qs, &n) != DB_OK)
		return 503;
	if (n == 0)
		status = show_attempt(ctx, &a, &p, qs, n, 409, "This "
		    "assessment has no questions any more.");
	else
		status = submit(ctx, &a, &p, qs, n);
	free(qs);
	return status;
}
