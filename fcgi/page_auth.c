/* Signing in and out, and the pieces every page shares. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "clock.h"
#include "conf.h"
#include "db.h"
#include "enroll.h"
#include "log.h"
#include "pages.h"
#include "request.h"
#include "response.h"
#include "str.h"
#include "view.h"

int
page_secure_cookies(const struct ctx *ctx)
{
	const char	*mode = ctx->cfg->session_secure_cookie;

	if (strcmp(mode, "yes") == 0)
		return 1;
	if (strcmp(mode, "no") == 0)
		return 0;
	return ctx->req->https;
}

/* Returns the pre-session CSRF token, setting its cookie when new. */
static const char *
presession_token(struct ctx *ctx)
{
	static char	 fresh[AUTH_TOKEN_LEN + 1];
	const char	*token = request_cookie(ctx->req, PRESESSION_COOKIE);

	if (token != NULL && strlen(token) == AUTH_TOKEN_LEN)
		return token;
	auth_random_token(fresh);
	response_cookie(ctx->resp, PRESESSION_COOKIE, fresh, -1,
	    page_secure_cookies(ctx));
	return fresh;
}

void
page_common(struct ctx *ctx, const char *area, const char *title)
{
	struct view		*v = ctx->resp->view;
	const struct request	*req = ctx->req;
	const struct user	*u = &req->session.user;
	struct buf		 name = { 0 };

	view_set(v, "Site.Name", ctx->cfg->site_name);
	view_set(v, "Page.Area", area);
	view_set(v, "Page.Path", req->path);
	if (title != NULL)
		view_set(v, "Page.Title", title);
	if (!req->signed_in)
		return;
	buf_printf(&name, "%s %s", u->first_name, u->last_name);
	view_set(v, "Session.SignedIn", "1");
	view_set(v, "Session.Login", u->login);
	view_set(v, "Session.Name", strcmp(name.data, " ") == 0 ? u->login :
	    name.data);
	view_set(v, "Session.Role", user_role_name(u->role));
	if (req->session.impersonator_id != 0)
		view_set(v, "Session.Impersonator",
		    req->session.impersonator_login);
	view_set(v, "CSRF", req->session.csrf);
	buf_free(&name);
}

int
page_flash_next(struct ctx *ctx, const char *kind, const char *text)
{
	struct buf		 value = { 0 };
	const unsigned char	*p;
	int			 rc;

	buf_printf(&value, "k=%s&t=", kind);
	for (p = (const unsigned char *)text; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9'))
			buf_append(&value, p, 1);
		else
			buf_printf(&value, "%%%02X", *p);
	}
	rc = response_cookie(ctx->resp, FLASH_COOKIE, value.data, -1,
	    page_secure_cookies(ctx));
	buf_free(&value);
	return rc;
}

static const char *
home_of(enum user_role role)
{
	return role == ROLE_ADMIN ? "/admin/" : "/learn/";
}

/* Returns next when it is a path on this site, else NULL. */
static const char *
safe_next(const char *next)
{
	const unsigned char	*p;

	if (next == NULL || next[0] != '/' || next[1] == '/' ||
	    next[1] == '\\' || strlen(next) > 512)
		return NULL;
	for (p = (const unsigned char *)next; *p != '\0'; p++)
		if (*p < 0x21 || *p == 0x7f || *p == '\\')
			return NULL;
	return next;
}

int
page_root(struct ctx *ctx)
{
	struct request	*req = ctx->req;

	response_redirect(ctx->resp, req->signed_in ?
	    home_of(req->session.user.role) : "/signin");
	return 303;
}

static int
show_signin(struct ctx *ctx, int status, const char *login, const char *next)
{
	page_common(ctx, "public", "Sign in");
	view_set(ctx->resp->view, "CSRF", presession_token(ctx));
	if (login != NULL)
		view_set(ctx->resp->view, "Form.login", login);
	if (safe_next(next) != NULL)
		view_set(ctx->resp->view, "Form.next", next);
	ctx->resp->page = "signin.cs";
	return status;
}

int
page_signin_form(struct ctx *ctx)
{
	struct request	*req = ctx->req;

	if (req->signed_in)
		return page_root(ctx);
	return show_signin(ctx, 200, NULL, request_query(req, "next"));
}

struct signin_txn {
	const struct config	*cfg;
	const char		*old_token;
	long long		 user_id;
	int			 learner;
	int			 auto_enrolled;
	const char		*login;
	const char		*address;
	char			 token[AUTH_TOKEN_LEN + 1];
	char			 csrf[AUTH_TOKEN_LEN + 1];
};

/* The sign-in transaction: the old session goes, the new one comes, the
 * failure count is cleared, a learner is enrolled in the Auto Enroll
 * subscriptions that access allows, and the sign-in is audited, all or
 * nothing.  The first page after sign-in therefore shows the new
 * enrolments. */
static int
signin_txn(struct db *db, void *arg)
{
	struct signin_txn	*t = arg;
	char			 now[27];
	int			 rc;

	if (t->old_token != NULL &&
	    (rc = session_delete(db, t->old_token)) != DB_OK)
		return rc;
	if ((rc = session_create(db, t->cfg, t->user_id, 0, t->token,
	    t->csrf)) != DB_OK)
		return rc;
	if ((rc = auth_throttle_clear(db, t->login)) != DB_OK)
		return rc;
	t->auto_enrolled = 0;
	if (t->learner &&
	    (rc = enroll_auto_in_txn(db, t->cfg, t->user_id,
	    &t->auto_enrolled)) != DB_OK)
		return rc;
	clock_format_sql(clock_now(), now);
	if ((rc = db_exec(db, "UPDATE users SET last_sign_in_at = ? "
	    "WHERE id = ?", "sl", now, t->user_id)) != DB_OK)
		return rc;
	return audit_record(db, t->user_id, 0, "sign_in", "user", t->user_id,
	    t->address);
}

/* Shows the sign-in form again after a wrong login or password (401),
 * or for a throttled login or address (429 with Retry-After). */
static int
signin_failed(struct ctx *ctx, const char *login, const char *next,
    long wait)
{
	char	 msg[128];
	int	 status = 401;

	if (wait > 0) {
		response_header(ctx->resp, "Retry-After", "%ld", wait);
		status = show_signin(ctx, 429, login, next);
		snprintf(msg, sizeof(msg), "Too many failed sign-ins. Wait %ld "
		    "%s and try again.", wait < 120 ? wait : (wait + 59) / 60,
		    wait < 120 ? (wait == 1 ? "second" : "seconds") :
		    "minutes");
		view_set(ctx->resp->view, "Form.Error", msg);
		return status;
	}
	status = show_signin(ctx, 401, login, next);
	view_set(ctx->resp->view, "Form.Error",
	    "The login or password is not correct.");
	return status;
}

int
page_signin(struct ctx *ctx)
{
	struct request		*req = ctx->req;
	const char		*login = request_form(req, "login");
	const char		*password = request_form(req, "password");
	const char		*next = request_form(req, "next");
	struct signin_txn	 t = { 0 };
	struct user		 u;
	long			 wait;
	int			 rc, found;

	if (login == NULL || *login == '\0' || password == NULL ||
	    *password == '\0') {
		show_signin(ctx, 400, login, next);
		if (login == NULL || *login == '\0')
			view_set(ctx->resp->view, "Form.Errors.login",
			    "Enter your login.");
		if (password == NULL || *password == '\0')
			view_set(ctx->resp->view, "Form.Errors.password",
			    "Enter your password.");
		return 400;
	}
	/* A login too long for the table cannot exist; it is throttled and
	 * rejected like any other unknown login. */
	if (user_login_invalid(login) != NULL)
		login = "(invalid)";

	wait = auth_throttle_check(ctx->db, ctx->cfg, login, req->remote_addr);
	if (wait < 0)
		return 503;
	if (wait > 0)
		return signin_failed(ctx, request_form(req, "login"), next,
		    wait);

	rc = user_find_login(ctx->db, login, &u);
	if (rc < 0)
		return 503;
	found = rc == DB_OK && u.active && u.password_hash[0] != '\0';
	if (!found)
		auth_verify_dummy(ctx->cfg, password);
	if (!found || !auth_verify_password(u.password_hash, password)) {
		if (auth_throttle_fail(ctx->db, login, req->remote_addr) < 0)
			return 503;
		/* The login as typed may be a password typed in the wrong
		 * field, so only a known account's id is logged. */
		if (rc == DB_OK)
			log_info("sign-in failed for user %lld from %s", u.id,
			    req->remote_addr);
		else
			log_info("sign-in failed for an unknown login from %s",
			    req->remote_addr);
		return signin_failed(ctx, request_form(req, "login"), next, 0);
	}

	t.cfg = ctx->cfg;
	t.old_token = req->session_token;
	t.user_id = u.id;
	t.learner = u.role == ROLE_LEARNER;
	t.login = login;
	t.address = req->remote_addr;
	if ((rc = db_txn(ctx->db, signin_txn, &t)) != DB_OK)
		return 503;

	response_cookie(ctx->resp, SESSION_COOKIE, t.token,
	    (long)ctx->cfg->session_absolute_hours * 3600,
	    page_secure_cookies(ctx));
	response_cookie(ctx->resp, PRESESSION_COOKIE, "", 0,
	    page_secure_cookies(ctx));
	log_info("user %lld signed in; %d auto-enrolments", u.id,
	    t.auto_enrolled);
	response_redirect(ctx->resp, safe_next(next) != NULL ? next :
	    home_of(u.role));
	return 303;
}

struct signout_txn {
	const char	*token;
	long long	 user_id;
	long long	 impersonator_id;
};

static int
signout_txn(struct db *db, void *arg)
{
	struct signout_txn	*t = arg;
	int			 rc;

	if ((rc = session_delete(db, t->token)) != DB_OK)
		return rc;
	return audit_record(db, t->user_id, t->impersonator_id, "sign_out",
	    "user", t->user_id, "");
}

int
page_signout(struct ctx *ctx)
{
	struct request		*req = ctx->req;
	struct signout_txn	 t;

	t.token = req->session_token;
	t.user_id = req->session.user_id;
	t.impersonator_id = req->session.impersonator_id;
	if (db_txn(ctx->db, signout_txn, &t) != DB_OK)
		return 503;
	response_cookie(ctx->resp, SESSION_COOKIE, "", 0,
	    page_secure_cookies(ctx));
	page_flash_next(ctx, "success", "You have signed out.");
	response_redirect(ctx->resp, "/signin");
	return 303;
}
