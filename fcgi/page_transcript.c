/*
 * Transcripts: the learner's Transcript tab, the admin's View Transcript
 * of a user (the same template with Transcript.Admin set), and the
 * admin's Remove completed status of a provisional certification.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "clock.h"
#include "completion.h"
#include "db.h"
#include "input.h"
#include "pages.h"
#include "request.h"
#include "response.h"
#include "transcript.h"
#include "user.h"
#include "view.h"

/* Sets v's list.i.key to value, leaving empty values unset: templates
 * test them with if:, and a transcript page sets thousands of values. */
static void
set_text(struct view *v, const char *list, int i, const char *key,
    const char *value)
{
	if (value[0] != '\0')
		view_set_item(v, list, i, key, value);
}

/* Sets the learner's part of a course row: status, dates, score,
 * checklist and class. */
static void
set_registration(struct view *v, const char *list, int i,
    const struct transcript_registration *r)
{
	view_set_item(v, list, i, "Status", r->status);
	set_text(v, list, i, "CompletedOn", r->completed_on);
	set_text(v, list, i, "Score", r->score);
	if (r->has_checklist)
		view_set_item(v, list, i, "Checklist", "1");
	if (r->class != NULL) {
		set_text(v, list, i, "ClassOn", r->class->starts_on);
		set_text(v, list, i, "Instructor", r->class->instructor);
		set_text(v, list, i, "Location", r->class->location);
	}
}

static void
set_course(struct view *v, const char *list, int i, long long course_id,
    const char *code, const char *name, const char *credit_hours)
{
	view_set_int_item(v, list, i, "Id", course_id);
	view_set_item(v, list, i, "Name", name);
	set_text(v, list, i, "Code", code);
	view_set_item(v, list, i, "CreditHours", credit_hours);
}

static void
set_cert(struct view *v, int i, const struct transcript_cert *c)
{
	view_set_item(v, "Rows", i, "Cert", "1");
	view_set_int_item(v, "Rows", i, "EnrollmentId", c->enrollment_id);
	view_set_item(v, "Rows", i, "Name", c->name);
	view_set_int_item(v, "Rows", i, "Version", c->version);
	view_set_item(v, "Rows", i, "Status", c->status);
	if (c->reason != NULL)
		set_text(v, "Rows", i, "Reason", c->reason);
	set_text(v, "Rows", i, "CompletedOn", c->completed_on);
	set_text(v, "Rows", i, "CompleteBy", c->complete_by);
	set_text(v, "Rows", i, "ExpiresOn", c->expires_on);
	if (c->overdue)
		view_set_item(v, "Rows", i, "Overdue", "1");
	if (transcript_revocable(c))
		view_set_item(v, "Rows", i, "Revocable", "1");
	if (transcript_printable(c))
		view_set_item(v, "Rows", i, "Printable", "1");
	set_text(v, "Rows", i, "CertificateNumber", c->certificate_number);
}

/* Sets Attempts.i: another attempt at a course, with the day it was
 * registered on in the site's time zone. */
static void
set_attempt(struct view *v, int i, const struct transcript_registration *r)
{
	usec_t	 at;
	char	 day[11];

	set_course(v, "Attempts", i, r->course_id, r->code, r->name,
	    r->credit_hours);
	set_registration(v, "Attempts", i, r);
	set_text(v, "Attempts", i, "CancelledOn", r->cancelled_on);
	if (clock_parse_sql(r->registered_at, &at) == 0) {
		date_format(clock_site_day(at), day);
		view_set_item(v, "Attempts", i, "RegisteredOn", day);
	}
}

static void
set_cancelled(struct view *v, int i, const struct transcript_cancelled *c)
{
	view_set_item(v, "Cancelled", i, "Kind",
	    c->is_certification ? "certification" : "course");
	view_set_item(v, "Cancelled", i, "Name", c->name);
	set_text(v, "Cancelled", i, "CancelledOn", c->cancelled_on);
	set_text(v, "Cancelled", i, "ClassOn", c->class_on);
}

static void
set_external(struct view *v, int i, const struct transcript_external *x)
{
	view_set_item(v, "External", i, "Title", x->title);
	set_text(v, "External", i, "Provider", x->provider);
	view_set_item(v, "External", i, "StartsOn", x->starts_on);
	set_text(v, "External", i, "EndsOn", x->ends_on);
	set_text(v, "External", i, "Status", x->status);
	view_set_int_item(v, "External", i, "Attended", x->attended);
}

/* Fills Rows (each certification followed by its courses), Independent,
 * Attempts, Cancelled, External and Transcript.CreditHours. */
static void
set_transcript(struct view *v, const struct transcript *t)
{
	const struct transcript_registration	*r;
	const struct transcript_course		*co;
	size_t					 i, k;
	int					 row = 0;

	for (i = 0; i < t->ncerts; i++) {
		set_cert(v, row++, &t->certs[i]);
		for (k = 0; k < t->certs[i].ncourses; k++, row++) {
			co = &t->courses[t->certs[i].first_course + k];
			set_course(v, "Rows", row, co->course_id, co->code,
			    co->name, co->credit_hours);
			if (co->reg != NULL)
				set_registration(v, "Rows", row, co->reg);
		}
	}
	for (i = 0; i < t->nindependent; i++) {
		r = t->independent[i];
		set_course(v, "Independent", (int)i, r->course_id, r->code,
		    r->name, r->credit_hours);
		set_registration(v, "Independent", (int)i, r);
	}
	for (i = 0; i < t->nattempts; i++)
		set_attempt(v, (int)i, &t->attempts[i]);
	for (i = 0; i < t->ncancelled; i++)
		set_cancelled(v, (int)i, &t->cancelled[i]);
	for (i = 0; i < t->nexternal; i++)
		set_external(v, (int)i, &t->external[i]);
	view_set(v, "Transcript.CreditHours", t->credit_hours);
}

/* Renders the transcript of user_id into the page already begun with
 * page_common. */
static int
show_transcript(struct ctx *ctx, long long user_id)
{
	struct transcript	 t;

	if (transcript_load(ctx->db, user_id, &t) != DB_OK)
		return 503;
	set_transcript(ctx->resp->view, &t);
	transcript_free(&t);
	ctx->resp->page = "transcript.cs";
	return 200;
}

/* The Transcript tab shows the signed-in learner's own transcript only:
 * the path carries no user id. */
int
page_learn_transcript(struct ctx *ctx)
{
	page_common(ctx, "learn", "Transcript");
	return show_transcript(ctx, ctx->req->session.user_id);
}

/* Loads the user of the route and sets User.*; returns 0 or the HTTP
 * status to respond with. */
static int
load_user(struct ctx *ctx, struct user *u)
{
	struct view	*v = ctx->resp->view;
	int		 rc = user_find_id(ctx->db, ctx->req->param_id, u);

	if (rc == 1)
		return 404;
	if (rc != DB_OK)
		return 503;
	view_set_int(v, "User.Id", u->id);
	view_set(v, "User.Login", u->login);
	if (u->first_name[0] != '\0' || u->last_name[0] != '\0') {
		view_set(v, "User.FirstName", u->first_name);
		view_set(v, "User.LastName", u->last_name);
	}
	return 0;
}

int
page_user_transcript(struct ctx *ctx)
{
	struct user	 u;
	int		 rc;

	if ((rc = load_user(ctx, &u)) != 0)
		return rc;
	page_common(ctx, "admin", "Transcript");
	view_set(ctx->resp->view, "Transcript.Admin", "1");
	return show_transcript(ctx, u.id);
}

/* Responds with 409 for a certification that cannot lose its completed
 * status (any more). */
static int
not_revocable(struct ctx *ctx)
{
	page_common(ctx, "admin", NULL);
	response_error(ctx->resp, 409, "This certification's completed "
	    "status cannot be removed: only a provisional certification that "
	    "reads as Completed can lose it. Open the transcript again to see "
	    "its current status.");
	return 409;
}

/* Loads the user of the route and the enrolment named by idstr;
 * returns 0 or the HTTP status to respond with. */
static int
load_revocable(struct ctx *ctx, struct user *u, const char *idstr,
    struct transcript_cert *c)
{
	long long	 id = idstr != NULL ? atoll(idstr) : 0;
	int		 rc;

	if ((rc = load_user(ctx, u)) != 0)
		return rc;
	if (id <= 0)
		return 404;
	rc = transcript_cert(ctx->db, u->id, id, c);
	if (rc == 1)
		return 404;
	if (rc != DB_OK)
		return 503;
	if (!transcript_revocable(c))
		return not_revocable(ctx);
	return 0;
}

static int
show_revoke_form(struct ctx *ctx, const struct transcript_cert *c,
    int status)
{
	struct view	*v = ctx->resp->view;

	page_common(ctx, "admin", "Remove completed status");
	view_set_int(v, "Cert.EnrollmentId", c->enrollment_id);
	view_set(v, "Cert.Name", c->name);
	view_set_int(v, "Cert.Version", c->version);
	view_set(v, "Cert.CompletedOn", c->completed_on);
	ctx->resp->page = "admin/transcript_revoke.cs";
	return status;
}

int
page_user_transcript_revoke_confirm(struct ctx *ctx)
{
	struct transcript_cert	 c;
	struct user		 u;
	int			 rc;

	if ((rc = load_revocable(ctx, &u, request_query(ctx->req,
	    "enrollment"), &c)) != 0)
		return rc;
	return show_revoke_form(ctx, &c, 200);
}

int
page_user_transcript_revoke(struct ctx *ctx)
{
	struct request		*req = ctx->req;
	struct transcript_cert	 c;
	struct user		 u;
	struct input		 in;
	const char		*reason;
	char			 location[80];
	int			 rc;

	if ((rc = load_revocable(ctx, &u, request_form(req, "enrollment"),
	    &c)) != 0)
		return rc;
	input_init(&in, ctx);
	reason = input_text(&in, "reason", "Reason", 1, TRANSCRIPT_REASON_MAX,
	    1);
	if (!input_ok(&in))
		return show_revoke_form(ctx, &c, 400);

	rc = completion_revoke(ctx->db, c.enrollment_id, reason,
	    req->session.user_id, req->session.impersonator_id);
	if (rc == 1)
		return not_revocable(ctx);
	if (rc != DB_OK)
		return 503;
	page_flash_next(ctx, "success", "Completed status removed. The "
	    "certification now reads as Revoked, with your reason.");
	snprintf(location, sizeof(location), "/admin/users/%lld/transcript",
	    u.id);
	response_redirect(ctx->resp, location);
	return 303;
}
