#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "auth.h"
#include "clock.h"
#include "conf.h"
#include "db.h"
#include "log.h"
#include "pagecache.h"
#include "request.h"
#include "response.h"
#include "route.h"
#include "str.h"
#include "view.h"

enum access {
	ACCESS_PUBLIC,		/* anyone */
	ACCESS_SIGNED_IN,	/* any signed-in user */
	ACCESS_LEARNER,
	ACCESS_ADMIN
};

/*
 * Values of a route's uses_db beyond 0 (no database) and 1 (database):
 * the route uses the database and its GET page may be kept in the page
 * cache (fcgi/pagecache.h).  The value names the change_log scopes whose
 * versions must not have changed, besides the session, path, query
 * string and calendar day that every key holds.
 */
enum cache_scope {
	/* The page reads catalog tables and rows of the signed-in user
	 * only: the catalog version and the user's version. */
	CACHE_OWN_ROWS = 2,
	/* The page reads rows of any user: the version of all scopes, so
	 * any change anywhere makes it stale. */
	CACHE_ANY_ROWS = 3
};

#define GET	(METHOD_GET | METHOD_HEAD)
#define POST	METHOD_POST

struct route {
	unsigned	 methods;
	/* "{id}" matches a positive number, "{code}" 1 to 64 ASCII
	 * letters and digits. */
	const char	*pattern;
	int		(*handler)(struct ctx *);
	enum access	 access;
	int		 uses_db;	/* 0, 1 or an enum cache_scope */
};

/* Every path of the application; nothing else routes. */
static const struct route routes[] = {
	{ GET,	"/",		page_root,		ACCESS_PUBLIC,	1 },
	{ GET,	"/signin",	page_signin_form,	ACCESS_PUBLIC,	1 },
	{ POST,	"/signin",	page_signin,		ACCESS_PUBLIC,	1 },
	{ POST,	"/signout",	page_signout,		ACCESS_SIGNED_IN, 1 },
	{ GET,	"/healthz",	page_healthz,		ACCESS_PUBLIC,	0 },
	/*
	 * Cached: the Training page reads (lib/training.c, lib/access.c)
	 * enrollments, course_registrations and user_group_members of the
	 * signed-in user, users for the user's own type and language, and
	 * the catalog tables certifications, certification_courses,
	 * courses, certification_user_types, certification_prerequisites
	 * and user_group_certifications.  Overdue and expired depend on
	 * the calendar day, which is part of every cache key.
	 */
	{ GET,	"/learn/",	page_learn_home,	ACCESS_LEARNER,
	    CACHE_OWN_ROWS },
	{ GET,	"/learn/certifications/{id}", page_learn_certification,
	    ACCESS_LEARNER, 1 },
	{ POST,	"/learn/certifications/{id}/enroll", page_learn_enroll,
	    ACCESS_LEARNER, 1 },
	{ POST,	"/learn/courses/{id}/enroll", page_learn_course_enroll,
	    ACCESS_LEARNER, 1 },
	{ POST,	"/admin/return",	page_return_to_admin,	ACCESS_LEARNER, 1 },
	{ POST,	"/learn/certifications/{id}/voucher", page_learn_voucher,
	    ACCESS_LEARNER, 1 },
	{ POST,	"/learn/certifications/{id}/purchase-order",
	    page_learn_purchase_order, ACCESS_LEARNER, 1 },
	{ GET,	"/admin/vouchers",	page_vouchers,		ACCESS_ADMIN, 1 },
	{ GET,	"/admin/vouchers/new",	page_voucher_new,	ACCESS_ADMIN, 1 },
	{ POST,	"/admin/vouchers",	page_voucher_create,	ACCESS_ADMIN, 1 },
	{ GET,	"/admin/purchase-orders", page_purchase_orders,	ACCESS_ADMIN, 1 },
	{ POST,	"/admin/purchase-orders/{id}/approve",
	    page_purchase_order_approve, ACCESS_ADMIN, 1 },
	{ GET,	"/admin/purchase-orders/{id}/reject",
	    page_purchase_order_reject_confirm, ACCESS_ADMIN, 1 },
	{ POST,	"/admin/purchase-orders/{id}/reject",
	    page_purchase_order_reject, ACCESS_ADMIN, 1 },

	{ GET,	"/admin/users/{id}/registrations", page_user_registrations,
	    ACCESS_ADMIN, 1 },
	{ GET,	"/admin/users/{id}/registrations/cancel",
	    page_user_registration_cancel_confirm, ACCESS_ADMIN, 1 },
	{ POST,	"/admin/users/{id}/registrations/cancel",
	    page_user_registration_cancel, ACCESS_ADMIN, 1 },
	{ GET,	"/admin/users/{id}/courseware", page_user_courseware,
	    ACCESS_ADMIN, 1 },
	{ POST,	"/admin/users/{id}/courseware", page_user_courseware_enroll,
	    ACCESS_ADMIN, 1 },
	{ POST,	"/admin/users/{id}/impersonate", page_user_impersonate,
	    ACCESS_ADMIN, 1 },
	{ GET,	"/learn",	page_add_slash,		ACCESS_PUBLIC,	0 },
	{ GET,	"/admin",	page_add_slash,		ACCESS_PUBLIC,	0 },

	{ GET,	"/admin/",		page_admin_home,	ACCESS_ADMIN, 1 },
	{ GET,	"/admin/search",	page_admin_search,	ACCESS_ADMIN, 1 },
	{ GET,	"/admin/audit",		page_audit,		ACCESS_ADMIN, 1 },

	{ GET,	"/admin/catalogs",	page_catalogs,		ACCESS_ADMIN, 1 },
	{ GET,	"/admin/catalogs/new",	page_catalog_new,	ACCESS_ADMIN, 1 },
	{ POST,	"/admin/catalogs",	page_catalog_save,	ACCESS_ADMIN, 1 },
	{ GET,	"/admin/catalogs/{id}",	page_catalog_edit,	ACCESS_ADMIN, 1 },
	{ POST,	"/admin/catalogs/{id}",	page_catalog_save,	ACCESS_ADMIN, 1 },

	{ GET,	"/admin/user-types",	page_user_types,	ACCESS_ADMIN, 1 },
	{ POST,	"/admin/user-types",	page_user_type_save,	ACCESS_ADMIN, 1 },
	{ GET,	"/admin/user-types/{id}", page_user_type_edit,	ACCESS_ADMIN, 1 },
	{ POST,	"/admin/user-types/{id}", page_user_type_save,	ACCESS_ADMIN, 1 },
	{ GET,	"/admin/languages",	page_languages,		ACCESS_ADMIN, 1 },
	{ POST,	"/admin/languages",	page_language_add,	ACCESS_ADMIN, 1 },
	{ GET,	"/admin/languages/remove", page_language_remove_confirm,
	    ACCESS_ADMIN, 1 },
	{ POST,	"/admin/languages/remove", page_language_remove, ACCESS_ADMIN, 1 },

	/*
	 * Cached: the list of users (lib/user.c user_list, lib/settings.c,
	 * lib/group.c) reads users (including last_sign_in_at, whose
	 * updates bump only the user's own scope), user_group_members of
	 * every user, user_types and user_groups, so it depends on every
	 * scope.
	 */
	{ GET,	"/admin/users",		page_users,		ACCESS_ADMIN,
	    CACHE_ANY_ROWS },
	{ GET,	"/admin/users/new",	page_user_new,		ACCESS_ADMIN, 1 },
	{ POST,	"/admin/users",		page_user_save,		ACCESS_ADMIN, 1 },
	{ GET,	"/admin/users/{id}",	page_user_edit,		ACCESS_ADMIN, 1 },
	{ POST,	"/admin/users/{id}",	page_user_save,		ACCESS_ADMIN, 1 },
	{ GET,	"/admin/users/{id}/password", page_user_password_form,
	    ACCESS_ADMIN, 1 },
	{ POST,	"/admin/users/{id}/password", page_user_password,
	    ACCESS_ADMIN, 1 },
	{ GET,	"/admin/users/{id}/deactivate", page_user_deactivate_confirm,
	    ACCESS_ADMIN, 1 },
	{ POST,	"/admin/users/{id}/deactivate", page_user_deactivate,
	    ACCESS_ADMIN, 1 },
	{ POST,	"/admin/users/{id}/activate", page_user_activate,
	    ACCESS_ADMIN, 1 },

	{ GET,	"/admin/groups",	page_groups,		ACCESS_ADMIN, 1 },
	{ GET,	"/admin/groups/new",	page_group_new,		ACCESS_ADMIN, 1 },
	{ POST,	"/admin/groups",	page_group_save,	ACCESS_ADMIN, 1 },
	{ GET,	"/admin/groups/{id}",	page_group_edit,	ACCESS_ADMIN, 1 },
	{ POST,	"/admin/groups/{id}",	page_group_save,	ACCESS_ADMIN, 1 },
	{ GET,	"/admin/groups/{id}/members", page_group_members,
	    ACCESS_ADMIN, 1 },
	{ POST,	"/admin/groups/{id}/members", page_group_members_add,
	    ACCESS_ADMIN, 1 },
	{ POST,	"/admin/groups/{id}/members/remove",
	    page_group_members_remove, ACCESS_ADMIN, 1 },
	{ GET,	"/admin/groups/{id}/certifications",
	    page_group_certification_picker, ACCESS_ADMIN, 1 },
	{ POST,	"/admin/groups/{id}/certifications",
	    page_group_certifications_add, ACCESS_ADMIN, 1 },
	{ POST,	"/admin/groups/{id}/subscriptions",
	    page_group_subscriptions_save, ACCESS_ADMIN, 1 },

	{ GET,	"/admin/courses",	page_courses,		ACCESS_ADMIN, 1 },
	{ GET,	"/admin/courses/new",	page_course_new,	ACCESS_ADMIN, 1 },
	{ POST,	"/admin/courses",	page_course_save,	ACCESS_ADMIN, 1 },
	{ GET,	"/admin/courses/{id}",	page_course_edit,	ACCESS_ADMIN, 1 },
	{ POST,	"/admin/courses/{id}",	page_course_save,	ACCESS_ADMIN, 1 },
	{ POST,	"/admin/courses/{id}/classes", page_class_save,
	    ACCESS_ADMIN, 1 },
	{ GET,	"/admin/classes/{id}",	page_class_edit,	ACCESS_ADMIN, 1 },
	{ POST,	"/admin/classes/{id}",	page_class_save,	ACCESS_ADMIN, 1 },
	{ POST,	"/admin/classes/{id}/delete", page_class_delete,
	    ACCESS_ADMIN, 1 },
	{ POST,	"/admin/courses/{id}/checklist", page_checklist_add,
	    ACCESS_ADMIN, 1 },
	{ POST,	"/admin/checklist/{id}/delete", page_checklist_delete,
	    ACCESS_ADMIN, 1 },
	{ POST,	"/admin/courses/{id}/followups", page_followups_save,
	    ACCESS_ADMIN, 1 },

	/*
	 * Cached: the list of certifications (lib/certification.c
	 * cert_list, cert_options) reads certifications and catalogs,
	 * both catalog tables.  The admin's own name comes from the
	 * session and belongs to the admin's own scope.
	 */
	{ GET,	"/admin/certifications", page_certifications,	ACCESS_ADMIN,
	    CACHE_OWN_ROWS },
	{ GET,	"/admin/certifications/new", page_certification_new,
	    ACCESS_ADMIN, 1 },
	{ POST,	"/admin/certifications", page_certification_save,
	    ACCESS_ADMIN, 1 },
	{ GET,	"/admin/certifications/{id}", page_certification_edit,
	    ACCESS_ADMIN, 1 },
	{ POST,	"/admin/certifications/{id}", page_certification_save,
	    ACCESS_ADMIN, 1 },
	{ GET,	"/admin/certifications/{id}/prerequisites",
	    page_certification_prerequisites, ACCESS_ADMIN, 1 },
	{ POST,	"/admin/certifications/{id}/prerequisites",
	    page_certification_prerequisites_save, ACCESS_ADMIN, 1 },
	{ GET,	"/admin/certifications/{id}/courses",
	    page_certification_courses, ACCESS_ADMIN, 1 },
	{ POST,	"/admin/certifications/{id}/courses",
	    page_certification_courses_save, ACCESS_ADMIN, 1 },
	{ POST,	"/admin/certifications/{id}/versions",
	    page_certification_new_version, ACCESS_ADMIN, 1 },
	{ POST,	"/admin/certifications/{id}/image",
	    page_certification_image, ACCESS_ADMIN, 1 },

	{ POST,	"/learn/certificates/{id}/print", page_learn_certificate_print,
	    ACCESS_LEARNER, 1 },
	{ GET,	"/learn/certificates/{id}", page_learn_certificate,
	    ACCESS_LEARNER, 1 },
	{ POST,	"/admin/enrollments/{id}/certificate",
	    page_admin_certificate_print, ACCESS_ADMIN, 1 },
	{ GET,	"/admin/certificates/{id}", page_admin_certificate,
	    ACCESS_ADMIN, 1 },
	{ GET,	"/verify/{code}",	page_verify,		ACCESS_PUBLIC, 1 },
	/*
	 * Cached: the Transcript (lib/transcript.c transcript_load) reads
	 * enrollments, certificates, course_registrations and
	 * external_courses of the signed-in user, and the catalog tables
	 * certifications, certification_courses, courses, course_classes
	 * and checklist_items.  No other user's rows: the class columns
	 * are the class's own, not its seats.
	 */
	{ GET,	"/learn/transcript",	page_learn_transcript,
	    ACCESS_LEARNER, CACHE_OWN_ROWS },
	{ GET,	"/admin/users/{id}/transcript", page_user_transcript,
	    ACCESS_ADMIN, 1 },
	{ GET,	"/admin/users/{id}/transcript/revoke",
	    page_user_transcript_revoke_confirm, ACCESS_ADMIN, 1 },
	{ POST,	"/admin/users/{id}/transcript/revoke",
	    page_user_transcript_revoke, ACCESS_ADMIN, 1 },
	{ GET,	"/admin/outbox",	page_outbox,		ACCESS_ADMIN, 1 },
	{ POST,	"/admin/outbox/{id}/retry", page_outbox_retry,	ACCESS_ADMIN, 1 },
	{ GET,	"/admin/imports",	page_imports,		ACCESS_ADMIN, 1 },
	{ POST,	"/admin/imports/preview", page_import_preview,	ACCESS_ADMIN, 1 },
	{ POST,	"/admin/imports/confirm", page_import_confirm,	ACCESS_ADMIN, 1 },

	{ GET,	"/admin/courses/{id}/content", page_course_content,
	    ACCESS_ADMIN, 1 },
	{ POST,	"/admin/courses/{id}/content", page_course_content_save,
	    ACCESS_ADMIN, 1 },
	{ GET,	"/admin/courses/{id}/assessment", page_assessment,
	    ACCESS_ADMIN, 1 },
	{ POST,	"/admin/courses/{id}/assessment", page_assessment_save,
	    ACCESS_ADMIN, 1 },
	{ GET,	"/admin/courses/{id}/questions/new", page_question_new,
	    ACCESS_ADMIN, 1 },
	{ POST,	"/admin/courses/{id}/questions", page_question_create,
	    ACCESS_ADMIN, 1 },
	{ GET,	"/admin/questions/{id}", page_question_edit,	ACCESS_ADMIN, 1 },
	{ POST,	"/admin/questions/{id}", page_question_update,	ACCESS_ADMIN, 1 },
	{ GET,	"/admin/questions/{id}/delete", page_question_delete_confirm,
	    ACCESS_ADMIN, 1 },
	{ POST,	"/admin/questions/{id}/delete", page_question_delete,
	    ACCESS_ADMIN, 1 },
	{ POST,	"/admin/questions/{id}/move", page_question_move,
	    ACCESS_ADMIN, 1 },
	{ GET,	"/learn/courses/{id}", page_learn_course,	ACCESS_LEARNER, 1 },
	{ POST,	"/learn/courses/{id}/complete", page_learn_course_complete,
	    ACCESS_LEARNER, 1 },
	{ POST,	"/learn/courses/{id}/attempts", page_learn_attempt_start,
	    ACCESS_LEARNER, 1 },
	{ GET,	"/learn/attempts/{id}", page_learn_attempt,	ACCESS_LEARNER, 1 },
	{ POST,	"/learn/attempts/{id}", page_learn_attempt_submit,
	    ACCESS_LEARNER, 1 },

	{ GET,	"/admin/classes/{id}/attendance", page_class_attendance,
	    ACCESS_ADMIN, 1 },
	{ POST,	"/admin/classes/{id}/attendance", page_class_attendance_save,
	    ACCESS_ADMIN, 1 },
	{ GET,	"/admin/classes/{id}/learners", page_class_learners,
	    ACCESS_ADMIN, 1 },
	{ POST,	"/admin/classes/{id}/learners", page_class_learners_add,
	    ACCESS_ADMIN, 1 },
	{ GET,	"/admin/users/{id}/results", page_user_results, ACCESS_ADMIN, 1 },
	{ POST,	"/admin/users/{id}/results", page_user_result_save,
	    ACCESS_ADMIN, 1 },
	{ GET,	"/admin/users/{id}/results/cancel",
	    page_user_result_cancel_confirm, ACCESS_ADMIN, 1 },
	{ POST,	"/admin/users/{id}/results/cancel", page_user_result_cancel,
	    ACCESS_ADMIN, 1 },
	{ GET,	"/admin/users/{id}/external", page_user_external,
	    ACCESS_ADMIN, 1 },
	{ POST,	"/admin/users/{id}/external", page_user_external_create,
	    ACCESS_ADMIN, 1 },
	{ GET,	"/admin/users/{id}/external/new", page_user_external_new,
	    ACCESS_ADMIN, 1 },
	{ GET,	"/admin/users/{id}/external/edit", page_user_external_edit,
	    ACCESS_ADMIN, 1 },
	{ POST,	"/admin/users/{id}/external/edit", page_user_external_save,
	    ACCESS_ADMIN, 1 },
	{ GET,	"/admin/users/{id}/external/delete",
	    page_user_external_delete_confirm, ACCESS_ADMIN, 1 },
	{ POST,	"/admin/users/{id}/external/delete", page_user_external_delete,
	    ACCESS_ADMIN, 1 },
	{ GET,	"/admin/users/{id}/checklist", page_user_checklist,
	    ACCESS_ADMIN, 1 },
	{ POST,	"/admin/users/{id}/checklist", page_user_checklist_save,
	    ACCESS_ADMIN, 1 },
	{ GET,	"/learn/courses/{id}/checklist", page_learn_checklist,
	    ACCESS_LEARNER, 1 },
	{ POST,	"/learn/courses/{id}/checklist", page_learn_checklist_save,
	    ACCESS_LEARNER, 1 },

	{ GET,	"/admin/templates",	page_templates,		ACCESS_ADMIN, 1 },
	{ GET,	"/admin/templates/new",	page_template_new,	ACCESS_ADMIN, 1 },
	{ POST,	"/admin/templates",	page_template_save,	ACCESS_ADMIN, 1 },
	{ GET,	"/admin/templates/{id}", page_template_edit,	ACCESS_ADMIN, 1 },
	{ POST,	"/admin/templates/{id}", page_template_save,	ACCESS_ADMIN, 1 },
	{ GET,	"/files/{id}",		page_file,		ACCESS_SIGNED_IN, 1 },

	{ GET,	"/admin/reports",	page_reports,		ACCESS_ADMIN, 1 },
	/*
	 * Cached: the Certification Expiration Report (lib/report.c) reads
	 * enrollments, users, user_group_members and user_groups of every
	 * user, certifications and certificates, so it depends on every
	 * scope.  Its default dates and its "today or later" check follow
	 * the calendar day, which every key holds.
	 */
	{ GET,	"/admin/reports/expiration", page_report_expiration,
	    ACCESS_ADMIN, CACHE_ANY_ROWS },
	{ POST,	"/admin/reports/expiration/csv", page_report_expiration_csv,
	    ACCESS_ADMIN, 1 },
	{ GET,	"/admin/jobs",		page_jobs,		ACCESS_ADMIN, 1 },
	{ GET,	"/admin/jobs/{id}",	page_job,		ACCESS_ADMIN, 1 },
	{ GET,	"/admin/jobs/{id}/download", page_job_download,
	    ACCESS_ADMIN, 1 },
	{ POST,	"/admin/jobs/{id}/retry", page_job_retry,	ACCESS_ADMIN, 1 },
};

#define NROUTES	(sizeof(routes) / sizeof(routes[0]))

/* Matches path against pattern; a "{id}" segment stores its number. */
static int
match(const char *pattern, const char *path, long long *id, char code[65])
{
	const char	*p = pattern, *s = path;
	char		*end;
	size_t		 n;

	while (*p != '\0') {
		if (strncmp(p, "{code}", 6) == 0) {
			for (n = 0; isalnum((unsigned char)s[n]) &&
			    isascii((unsigned char)s[n]); n++)
				if (n == 64)
					return 0;
			if (n == 0)
				return 0;
			memcpy(code, s, n);
			code[n] = '\0';
			s += n;
			p += 6;
			continue;
		}
		if (strncmp(p, "{id}", 4) == 0) {
			if (!isdigit((unsigned char)*s) || *s == '0')
				return 0;
			*id = strtoll(s, &end, 10);
			if (end - s > 15)
				return 0;
			s = end;
			p += 4;
			continue;
		}
		if (*p++ != *s++)
			return 0;
	}
	return *s == '\0';
}

static const char *
methods_allowed(unsigned m, char *out, size_t outsz)
{
	out[0] = '\0';
	if (m & METHOD_GET)
		strncat(out, "GET, HEAD", outsz - strlen(out) - 1);
	if (m & METHOD_POST)
		strncat(out, *out ? ", POST" : "POST", outsz - strlen(out) - 1);
	return out;
}

/* Finds the route; *status is 404 or 405 when there is none. */
static const struct route *
find_route(struct ctx *ctx, int *status, unsigned *allowed)
{
	struct request	*req = ctx->req;
	size_t		 i;
	long long	 id = 0;
	char		 code[65] = "";

	*allowed = 0;
	for (i = 0; i < NROUTES; i++) {
		if (!match(routes[i].pattern, req->path, &id, code))
			continue;
		if (routes[i].methods & req->method) {
			req->param_id = id;
			memcpy(req->param_code, code, sizeof(code));
			return &routes[i];
		}
		*allowed |= routes[i].methods;
	}
	*status = *allowed ? 405 : 404;
	return NULL;
}

/* Moves a message queued by page_flash_next into this page. */
static void
take_flash(struct ctx *ctx)
{
	const char		*v = request_cookie(ctx->req, FLASH_COOKIE);
	struct field_list	 fields = { 0 };
	struct form_limits	 lim = { 4, 8, 1024, 4096, 1 };
	struct form_error	 err;
	const char		*kind, *text;

	if (v == NULL)
		return;
	if (form_parse_urlencoded(v, strlen(v), &lim, &fields, &err) ==
	    FORM_OK) {
		kind = field_get(&fields, "k");
		text = field_get(&fields, "t");
		if (kind != NULL && text != NULL &&
		    (strcmp(kind, "success") == 0 ||
		    strcmp(kind, "error") == 0 || strcmp(kind, "info") == 0))
			response_flash(ctx->resp, kind, text);
	}
	field_list_free(&fields);
	response_cookie(ctx->resp, FLASH_COOKIE, "", 0,
	    page_secure_cookies(ctx));
}

/* Returns 0 when the session is loaded or absent, else a status. */
static int
load_session(struct ctx *ctx)
{
	struct request	*req = ctx->req;
	const char	*token = request_cookie(req, SESSION_COOKIE);
	int		 rc;

	/* Without a session query nothing would notice a database that went
	 * away, and a sign-in page that cannot sign anyone in is worse than
	 * an honest 503. */
	if (token == NULL)
		return db_check(ctx->db) == DB_OK ? 0 : 503;
	req->session_token = token;
	rc = session_load(ctx->db, ctx->cfg, token, &req->session);
	if (rc == DB_OK) {
		req->signed_in = 1;
		return 0;
	}
	if (rc == 1)
		return 0;
	return 503;
}

/* Returns 0 when the route's access rule allows the request, else the
 * status to send (303 to the sign-in page for a GET without session). */
static int
check_access(struct ctx *ctx, const struct route *rt)
{
	struct request	*req = ctx->req;
	struct buf	 next = { 0 };
	enum user_role	 role = req->session.user.role;
	size_t		 i;

	if (rt->access == ACCESS_PUBLIC)
		return 0;
	if (!req->signed_in) {
		if (req->method == METHOD_POST)
			return 403;
		buf_puts(&next, "/signin?next=");
		for (i = 0; req->path[i] != '\0'; i++) {
			unsigned char c = (unsigned char)req->path[i];
			if (isalnum(c) || strchr("/-_.~", c) != NULL)
				buf_append(&next, &c, 1);
			else
				buf_printf(&next, "%%%02X", c);
		}
		response_redirect(ctx->resp, next.data);
		buf_free(&next);
		return 303;
	}
	if (rt->access == ACCESS_ADMIN && role != ROLE_ADMIN &&
	    req->session.impersonator_id != 0) {
		page_common(ctx, "public", NULL);
		response_error(ctx->resp, 403, "You are viewing the site as a "
		    "learner. Use Return to admin at the top of the page to "
		    "get back to the admin site.");
		return 403;
	}
	/* An admin who reaches the learner site, for example with Back
	 * after Return to admin, learns how to see it. */
	if (rt->access == ACCESS_LEARNER && role == ROLE_ADMIN) {
		page_common(ctx, "admin", NULL);
		response_error(ctx->resp, 403, "This page belongs to the "
		    "learner site. To see it as a learner does, open the "
		    "learner under Users and use Login as Learner.");
		return 403;
	}
	if ((rt->access == ACCESS_ADMIN && role != ROLE_ADMIN) ||
	    (rt->access == ACCESS_LEARNER && role != ROLE_LEARNER))
		return 403;
	return 0;
}

/* Every POST carries the CSRF token of its session, or before sign-in the
 * token of the pre-session cookie. */
static int
csrf_ok(struct ctx *ctx)
{
	struct request	*req = ctx->req;
	const char	*sent = request_form(req, "csrf");
	const char	*expected;

	if (req->signed_in)
		expected = req->session.csrf;
	else
		expected = request_cookie(req, PRESESSION_COOKIE);
	if (sent == NULL || expected == NULL ||
	    strlen(expected) != AUTH_TOKEN_LEN)
		return 0;
	return str_equal_ct(sent, expected);
}

/* Scopes of no user for pagecache_version_seen. */
#define SCOPE_CATALOG	(-1LL)
#define SCOPE_ANY	(-2LL)

/*
 * Fills the page cache key of a request; returns 0, or -1 when the
 * request must not use the cache.  A request that carries a flash message
 * renders the message once and clears its cookie, so it neither uses nor
 * fills the cache.
 */
static int
cache_key(struct ctx *ctx, const struct route *rt, struct pagecache_key *key)
{
	struct request		*req = ctx->req;
	const struct session	*s = &req->session;
	const char		*query = request_param(req, "QUERY_STRING");
	struct timespec		 now;
	int64_t			 catalog_seen, user_seen;

	if (rt->uses_db < CACHE_OWN_ROWS || !pagecache_enabled() ||
	    !req->signed_in || req->method == METHOD_POST ||
	    request_cookie(req, FLASH_COOKIE) != NULL)
		return -1;
	memset(key, 0, sizeof(*key));
	key->session = s->token_hash;
	key->route = (int)(rt - routes);
	key->path = req->path;
	key->query = query != NULL ? query : "";
	key->day = clock_site_day(clock_now());
	clock_gettime(CLOCK_MONOTONIC, &now);
	key->now = (int64_t)now.tv_sec * 1000000 + now.tv_nsec / 1000;
	if (rt->uses_db == CACHE_OWN_ROWS) {
		key->versions[0] = s->catalog_version;
		key->versions[1] = s->user_version;
		catalog_seen = pagecache_version_seen(SCOPE_CATALOG,
		    s->catalog_version, key->now);
		user_seen = pagecache_version_seen(s->user_id,
		    s->user_version, key->now);
		key->versions_seen = catalog_seen > user_seen ? catalog_seen :
		    user_seen;
	} else {
		key->versions[0] = s->any_version;
		key->versions_seen = pagecache_version_seen(SCOPE_ANY,
		    s->any_version, key->now);
	}
	return 0;
}

/* Fills the response from the cache and returns 1, or returns 0. */
static int
send_cached(struct ctx *ctx, const struct pagecache_key *key)
{
	struct response		*resp = ctx->resp;
	struct pagecache_page	 page;

	if (!pagecache_find(key, &page))
		return 0;
	if (buf_append(&resp->body, page.body, page.body_len) == -1 ||
	    buf_append(&resp->headers, page.headers, page.headers_len) == -1) {
		buf_reset(&resp->body);
		buf_reset(&resp->headers);
		return 0;
	}
	resp->content_type = page.content_type;
	resp->status = 200;
	return 1;
}

/* Renders a page that a cacheable route returned with 200 and offers it
 * to the cache.  A page that sets a cookie is not kept, since the cookie
 * would be sent again. */
static void
store_page(struct ctx *ctx, const struct pagecache_key *key)
{
	struct response		*resp = ctx->resp;
	struct pagecache_page	 page;

	if (resp->status != 200 || resp->page == NULL ||
	    resp->location != NULL || (resp->headers.len > 0 &&
	    strstr(resp->headers.data, "Set-Cookie:") != NULL))
		return;
	response_render(resp, ctx->req, ctx->cfg);
	if (resp->status != 200)
		return;
	page.content_type = resp->content_type != NULL ?
	    resp->content_type : RESPONSE_HTML;
	page.headers = resp->headers.data;
	page.headers_len = resp->headers.len;
	page.body = resp->body.data;
	page.body_len = resp->body.len;
	pagecache_store(key, &page);
}

int
route_dispatch(struct ctx *ctx)
{
	struct request		*req = ctx->req;
	struct response		*resp = ctx->resp;
	const struct route	*rt;
	struct pagecache_key	 key;
	unsigned		 allowed;
	int			 status = 0, cacheable = 0;
	char			 allow[32];

	if ((rt = find_route(ctx, &status, &allowed)) == NULL) {
		if (status == 405)
			response_header(resp, "Allow", "%s",
			    methods_allowed(allowed, allow, sizeof(allow)));
		goto error;
	}
	if (rt->uses_db) {
		if (db_connect(ctx->db) != DB_OK) {
			status = 503;
			goto error;
		}
		if ((status = load_session(ctx)) != 0)
			goto error;
	}
	if ((status = check_access(ctx, rt)) != 0) {
		if (status == 303 || resp->page != NULL)
			return status;
		goto error;
	}
	if (req->method == METHOD_POST && !csrf_ok(ctx)) {
		status = 403;
		page_common(ctx, "public", NULL);
		response_error(resp, 403, "The form has expired or did not "
		    "come from this site. Reload the page and try again.");
		return 403;
	}
	if (cache_key(ctx, rt, &key) == 0) {
		if (send_cached(ctx, &key)) {
			resp->cache_result = "hit";
			return 200;
		}
		resp->cache_result = "miss";
		cacheable = 1;
	}
	if (rt->uses_db && req->method != METHOD_POST)
		take_flash(ctx);

	status = rt->handler(ctx);
	if (status < 400 || resp->page != NULL) {
		resp->status = status;
		if (cacheable)
			store_page(ctx, &key);
		return status;
	}
error:
	page_common(ctx, "public", NULL);
	response_error(resp, status, NULL);
	return status;
}
