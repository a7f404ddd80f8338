/*
 * Admin pages about one user's training: Manage Course Registrations,
 * Add Courseware, and Login as Learner with the way back.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "access.h"
#include "audit.h"
#include "auth.h"
#include "conf.h"
#include "db.h"
#include "enroll.h"
#include "input.h"
#include "log.h"
#include "pages.h"
#include "request.h"
#include "response.h"
#include "training.h"
#include "user.h"
#include "view.h"

#define RETURN_COOKIE	"laurel_return"

/* Loads the user of the route; returns 0 or the HTTP status to send. */
static int
load_user(struct ctx *ctx, struct user *u)
{
	int	 rc = user_find_id(ctx->db, ctx->req->param_id, u);

	if (rc == 1)
		return 404;
	return rc == DB_OK ? 0 : 503;
}

static void
set_user(struct view *v, const struct user *u)
{
	struct buf	 name = { 0 };

	buf_printf(&name, "%s %s", u->first_name, u->last_name);
	view_set_int(v, "User.Id", u->id);
	view_set(v, "User.Login", u->login);
	view_set(v, "User.Name", strcmp(name.data, " ") ? name.data : u->login);
	view_set(v, "User.Role", user_role_name(u->role));
	view_set_int(v, "User.Active", u->active);
	buf_free(&name);
}

int
page_user_registrations(struct ctx *ctx)
{
	struct view		*v = ctx->resp->view;
	struct enrolment_view	*rows;
	struct registration_view *own;
	struct user		 u;
	size_t			 n, nown, i;
	int			 rc;

	if ((rc = load_user(ctx, &u)) != 0)
		return rc;
	if (training_enrolments(ctx->db, u.id, &rows, &n) != DB_OK)
		return 503;
	if (training_independent(ctx->db, u.id, &own, &nown) != DB_OK) {
		free(rows);
		return 503;
	}
	for (i = 0; i < nown; i++) {
		view_set_item(v, "OwnCourses", (int)i, "Code", own[i].code);
		view_set_item(v, "OwnCourses", (int)i, "Name", own[i].name);
		view_set_item(v, "OwnCourses", (int)i, "Status", own[i].status);
		view_set_item(v, "OwnCourses", (int)i, "RegisteredOn",
		    own[i].registered_on);
	}
	free(own);
	page_common(ctx, "admin", "Manage Course Registrations");
	set_user(v, &u);
	for (i = 0; i < n; i++) {
		view_set_int_item(v, "Enrolled", (int)i, "Id", rows[i].id);
		view_set_item(v, "Enrolled", (int)i, "Name", rows[i].name);
		view_set_int_item(v, "Enrolled", (int)i, "Version",
		    rows[i].version);
		view_set_int_item(v, "Enrolled", (int)i, "CourseGroup",
		    rows[i].course_group);
		view_set_item(v, "Enrolled", (int)i, "Status", rows[i].status);
		view_set_item(v, "Enrolled", (int)i, "EnrolledOn",
		    rows[i].enrolled_on);
		view_set_item(v, "Enrolled", (int)i, "CompleteBy",
		    rows[i].complete_by);
		view_set_int_item(v, "Enrolled", (int)i, "Overdue",
		    rows[i].overdue);
	}
	free(rows);
	ctx->resp->page = "admin/registrations.cs";
	return 200;
}

/* Finds the user's live enrolment named by the enrollment field. */
static int
find_enrolment(struct ctx *ctx, long long user_id, const char *idstr,
    struct enrolment_view *out)
{
	struct enrolment_view	*rows;
	long long		 id = idstr != NULL ? atoll(idstr) : 0;
	size_t			 n, i;
	int			 found = 0;

	if (training_enrolments(ctx->db, user_id, &rows, &n) != DB_OK)
		return 503;
	for (i = 0; i < n; i++) {
		if (rows[i].id == id) {
			*out = rows[i];
			found = 1;
		}
	}
	free(rows);
	return found ? 0 : 404;
}

int
page_user_registration_cancel_confirm(struct ctx *ctx)
{
	struct view		*v = ctx->resp->view;
	struct enrolment_view	 e;
	struct user		 u;
	int			 rc;

	if ((rc = load_user(ctx, &u)) != 0 ||
	    (rc = find_enrolment(ctx, u.id, request_query(ctx->req,
	    "enrollment"), &e)) != 0)
		return rc;
	page_common(ctx, "admin", "Cancel a registration");
	set_user(v, &u);
	view_set_int(v, "Enrolment.Id", e.id);
	view_set(v, "Enrolment.Name", e.name);
	view_set(v, "Enrolment.Status", e.status);
	ctx->resp->page = "admin/registration_cancel.cs";
	return 200;
}

int
page_user_registration_cancel(struct ctx *ctx)
{
	struct request		*req = ctx->req;
	struct enrolment_view	 e;
	struct user		 u;
	char			 location[80];
	int			 rc;

	if ((rc = load_user(ctx, &u)) != 0 ||
	    (rc = find_enrolment(ctx, u.id, request_form(req, "enrollment"),
	    &e)) != 0)
		return rc;
	rc = enroll_cancel(ctx->db, u.id, e.id, req->session.user_id,
	    req->session.impersonator_id);
	if (rc < 0)
		return 503;
	page_flash_next(ctx, "success", rc == 1 ? "That registration was "
	    "already cancelled." : "Registration cancelled.");
	snprintf(location, sizeof(location), "/admin/users/%lld/registrations",
	    u.id);
	response_redirect(ctx->resp, location);
	return 303;
}

int
page_user_courseware(struct ctx *ctx)
{
	struct view		*v = ctx->resp->view;
	struct access_item	*items;
	struct enrolment_view	*enrolled;
	struct user		 u;
	size_t			 n, ne, i, k;
	int			 rc, shown = 0, mine;

	if ((rc = load_user(ctx, &u)) != 0)
		return rc;
	if (access_list(ctx->db, u.id, &items, &n) != DB_OK)
		return 503;
	if (training_enrolments(ctx->db, u.id, &enrolled, &ne) != DB_OK) {
		free(items);
		return 503;
	}
	page_common(ctx, "admin", "Add Courseware");
	set_user(v, &u);
	for (i = 0; i < n; i++) {
		mine = 0;
		for (k = 0; k < ne; k++)
			if (enrolled[k].family_id == items[i].family_id)
				mine = 1;
		if (mine || items[i].denied != 0)
			continue;
		view_set_int_item(v, "Available", shown, "FamilyId",
		    items[i].family_id);
		view_set_item(v, "Available", shown, "Name", items[i].name);
		view_set_int_item(v, "Available", shown, "Version",
		    items[i].version);
		view_set_int_item(v, "Available", shown, "CourseGroup",
		    items[i].course_group);
		shown++;
	}
	free(items);
	free(enrolled);
	ctx->resp->page = "admin/courseware.cs";
	return 200;
}

int
page_user_courseware_enroll(struct ctx *ctx)
{
	struct request	*req = ctx->req;
	struct input	 in;
	struct user	 u;
	long long	 families[500];
	char		 location[80], msg[160];
	int		 rc, n, enrolled, refused;

	if ((rc = load_user(ctx, &u)) != 0)
		return rc;
	input_init(&in, ctx);
	n = input_ids(&in, "family", "Certifications", families, 500);
	snprintf(location, sizeof(location), "/admin/users/%lld/courseware",
	    u.id);
	if (n <= 0) {
		page_flash_next(ctx, "error", n == 0 ? "Tick Enroll for at "
		    "least one certification." : "The selection was invalid.");
		response_redirect(ctx->resp, location);
		return 303;
	}
	rc = enroll_many(ctx->db, ctx->cfg, u.id, families, (size_t)n,
	    ENROLL_ADMIN, req->session.user_id, req->session.impersonator_id,
	    &enrolled, &refused);
	if (rc != DB_OK)
		return 503;
	if (refused > 0)
		snprintf(msg, sizeof(msg), "Enrolled in %d; %d could not be "
		    "enrolled because the user no longer has access.", enrolled,
		    refused);
	else
		snprintf(msg, sizeof(msg), "Enrolled in %d %s.", enrolled,
		    enrolled == 1 ? "certification" : "certifications");
	page_flash_next(ctx, refused ? "error" : "success", msg);
	snprintf(location, sizeof(location), "/admin/users/%lld/registrations",
	    u.id);
	response_redirect(ctx->resp, location);
	return 303;
}

struct impersonation {
	const struct config	*cfg;
	long long		 admin_id, learner_id;
	char			 token[AUTH_TOKEN_LEN + 1];
	char			 csrf[AUTH_TOKEN_LEN + 1];
};

static int
impersonate_txn(struct db *db, void *arg)
{
	struct impersonation	*im = arg;
	int			 rc;

	if ((rc = session_create(db, im->cfg, im->learner_id, im->admin_id,
	    im->token, im->csrf)) != DB_OK)
		return rc;
	return audit_record(db, im->admin_id, 0, "login_as_learner", "user",
	    im->learner_id, "");
}

/*
 * Login as Learner: a new session of the learner that remembers the admin
 * as its impersonator.  The admin's own session stays alive and its token
 * moves to a second cookie, so Return to admin can restore it.
 */
int
page_user_impersonate(struct ctx *ctx)
{
	struct request		*req = ctx->req;
	struct impersonation	 im = { 0 };
	struct user		 u;
	int			 rc, secure = page_secure_cookies(ctx);

	if ((rc = load_user(ctx, &u)) != 0)
		return rc;
	if (req->session.impersonator_id != 0)
		return 403;
	if (u.role != ROLE_LEARNER || !u.active) {
		page_common(ctx, "admin", NULL);
		response_error(ctx->resp, 403, u.role == ROLE_ADMIN ?
		    "Login as Learner is not available for administrators." :
		    "This user is inactive and cannot be viewed as a learner.");
		return 403;
	}
	im.cfg = ctx->cfg;
	im.admin_id = req->session.user_id;
	im.learner_id = u.id;
	if (db_txn(ctx->db, impersonate_txn, &im) != DB_OK)
		return 503;
	log_info("user %lld views the site as user %lld", im.admin_id, u.id);
	response_cookie(ctx->resp, RETURN_COOKIE, req->session_token, -1,
	    secure);
	response_cookie(ctx->resp, SESSION_COOKIE, im.token, -1, secure);
	response_redirect(ctx->resp, "/learn/");
	return 303;
}

struct return_txn {
	const char	*learner_token;
	long long	 admin_id, learner_id;
};

static int
return_txn(struct db *db, void *arg)
{
	struct return_txn	*r = arg;
	int			 rc;

	if ((rc = session_delete(db, r->learner_token)) != DB_OK)
		return rc;
	return audit_record(db, r->admin_id, 0, "return_to_admin", "user",
	    r->learner_id, "");
}

int
page_return_to_admin(struct ctx *ctx)
{
	struct request		*req = ctx->req;
	const char		*admin_token = request_cookie(req, RETURN_COOKIE);
	struct session		 admin;
	struct return_txn	 r;
	int			 rc, secure = page_secure_cookies(ctx);

	if (req->session.impersonator_id == 0)
		return 403;
	r.learner_token = req->session_token;
	r.admin_id = req->session.impersonator_id;
	r.learner_id = req->session.user_id;
	if (db_txn(ctx->db, return_txn, &r) != DB_OK)
		return 503;
	response_cookie(ctx->resp, RETURN_COOKIE, "", 0, secure);

	/* The admin's session comes back only if it is still theirs and
	 * alive; otherwise they sign in again. */
	rc = admin_token != NULL ? session_load(ctx->db, ctx->cfg, admin_token,
	    &admin) : 1;
	if (rc == DB_OK && admin.user_id == r.admin_id &&
	    admin.user.role == ROLE_ADMIN) {
		char location[64];

		response_cookie(ctx->resp, SESSION_COOKIE, admin_token, -1,
		    secure);
		snprintf(location, sizeof(location), "/admin/users/%lld",
		    r.learner_id);
		response_redirect(ctx->resp, location);
		return 303;
	}
	response_cookie(ctx->resp, SESSION_COOKIE, "", 0, secure);
	response_redirect(ctx->resp, "/signin");
	return 303;
}
