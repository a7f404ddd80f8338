/*
 * Printing certificates from the transcript, and the public verification
 * page.  Printing issues the certificate (its number is allocated then)
 * and queues the PDF; the certificate's page waits briefly for the PDF
 * and sends it, or shows the progress and refreshes itself.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "certificate.h"
#include "db.h"
#include "log.h"
#include "pages.h"
#include "request.h"
#include "response.h"
#include "view.h"

/* How long a request waits for the PDF before it shows the progress
 * page, and how often it looks, in milliseconds. */
#define WAIT_MS		3000
#define POLL_MS		20

/* Returns 1 when a stored name contains only what laurel-worker writes:
 * "certificate-", a verification code and ".pdf". */
static int
pdf_name_valid(const char *name)
{
	size_t	 n = strlen(name);

	return strncmp(name, "certificate-", 12) == 0 && n > 16 &&
	    strcmp(name + n - 4, ".pdf") == 0 &&
	    strspn(name + 12, "0123456789ABCDEFGHJKMNPQRSTVWXYZ") == n - 16;
}

/* Writes the certificate number as a file name of letters, digits, '-'
 * and '_', so no quote or non-ASCII byte reaches the header. */
static void
download_name(const struct certificate *c, char *out, size_t outsz)
{
	const char	*s;
	size_t		 n;

	n = (size_t)snprintf(out, outsz, "certificate-");
	for (s = c->number_text; *s != '\0' && n + 5 < outsz; s++)
		out[n++] = ((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'z')
		    || (*s >= 'A' && *s <= 'Z') || *s == '-') ? *s : '_';
	snprintf(out + n, outsz - n, ".pdf");
}

/* Lets nginx send the PDF. */
static int
send_pdf(struct ctx *ctx, const struct certificate *c)
{
	char	 name[160];

	if (!pdf_name_valid(c->file_name)) {
		log_error("invalid file name \"%s\" of certificate %lld",
		    c->file_name, c->id);
		return 500;
	}
	download_name(c, name, sizeof(name));
	if (response_header(ctx->resp, "X-Accel-Redirect", "/_files/%s",
	    c->file_name) == -1 ||
	    response_header(ctx->resp, "Content-Type", "application/pdf") ==
	    -1 ||
	    response_header(ctx->resp, "Content-Disposition",
	    "inline; filename=\"%s\"", name) == -1)
		return 500;
	/* A revoked certificate must not be served from a cache. */
	ctx->resp->cache_control = "private, no-cache";
	return 200;
}

static void
sleep_ms(int ms)
{
	struct timespec	 ts = { 0, (long)ms * 1000000L };

	nanosleep(&ts, NULL);
}

/*
 * Loads certificate id of user_id (0: any user), waits up to WAIT_MS for
 * its PDF, then sends it or the page that shows the progress.  area is
 * "learn" or "admin".
 */
static int
show_certificate(struct ctx *ctx, long long user_id, const char *area)
{
	struct certificate	 c;
	struct view		*v = ctx->resp->view;
	int			 rc, waited = 0;

	for (;;) {
		rc = certificate_get(ctx->db, ctx->req->param_id, user_id, &c);
		if (rc == CERTIFICATE_NOT_FOUND)
			return 404;
		if (rc != DB_OK)
			return 503;
		if (!c.printable) {
			page_common(ctx, area, NULL);
			response_error(ctx->resp, 409, "This certificate can no "
			    "longer be printed: its certification was revoked "
			    "or completed again. Print it again from the "
			    "transcript.");
			return 409;
		}
		if (c.file_name[0] != '\0')
			return send_pdf(ctx, &c);
		if (strcmp(c.job_state, "failed") == 0 || waited >= WAIT_MS)
			break;
		sleep_ms(POLL_MS);
		waited += POLL_MS;
	}

	page_common(ctx, area, "Certificate");
	view_set_int(v, "Certificate.Id", c.id);
	view_set_int(v, "Certificate.EnrollmentId", c.enrollment_id);
	view_set(v, "Certificate.Number", c.number_text);
	view_set(v, "Certificate.State", c.job_state);
	view_set_int(v, "Certificate.Progress", c.job_progress);
	if (strcmp(c.job_state, "failed") == 0)
		view_set(v, "Certificate.Error", c.job_error);
	if (strcmp(area, "admin") == 0)
		view_set(v, "Certificate.Admin", "1");
	ctx->resp->page = "certificate.cs";
	return 200;
}

/* Issues the certificate of the route's enrolment and redirects to its
 * page.  prefix is where that page is: "/learn" or "/admin". */
static int
print(struct ctx *ctx, long long user_id, const char *area,
    const char *prefix)
{
	struct certificate	 c;
	char			 location[80];
	int			 rc;

	rc = certificate_issue(ctx->db, user_id, ctx->req->param_id,
	    ctx->req->session.user_id, ctx->req->session.impersonator_id, &c);
	if (rc == CERTIFICATE_NOT_FOUND)
		return 404;
	if (rc == CERTIFICATE_NOT_ISSUABLE) {
		page_common(ctx, area, NULL);
		response_error(ctx->resp, 409, "A certificate is printed only "
		    "for a completed certification that was not revoked.");
		return 409;
	}
	if (rc != DB_OK)
		return 503;
	snprintf(location, sizeof(location), "%s/certificates/%lld", prefix,
	    c.id);
	return response_redirect(ctx->resp, location) == -1 ? 500 : 303;
}

/* POST /learn/certificates/{id}/print: {id} is an enrolment. */
int
page_learn_certificate_print(struct ctx *ctx)
{
	return print(ctx, ctx->req->session.user_id, "learn", "/learn");
}

/* GET /learn/certificates/{id}: another learner's certificate is a 404,
 * like one that does not exist. */
int
page_learn_certificate(struct ctx *ctx)
{
	return show_certificate(ctx, ctx->req->session.user_id, "learn");
}

/* POST /admin/enrollments/{id}/certificate */
int
page_admin_certificate_print(struct ctx *ctx)
{
	return print(ctx, 0, "admin", "/admin");
}

/* GET /admin/certificates/{id} */
int
page_admin_certificate(struct ctx *ctx)
{
	return show_certificate(ctx, 0, "admin");
}

/* GET /verify/{code}: public.  An unknown code and a malformed one get
 * the same 404. */
int
page_verify(struct ctx *ctx)
{
	struct certificate_check	 c;
	struct view			*v = ctx->resp->view;
	int				 rc;

	rc = certificate_check(ctx->db, ctx->req->param_code, &c);
	if (rc == CERTIFICATE_NOT_FOUND)
		return 404;
	if (rc != DB_OK)
		return 503;
	page_common(ctx, "public", "Certificate verification");
	view_set(v, "Verify.Learner", c.learner_name);
	view_set(v, "Verify.Certification", c.certification);
	view_set(v, "Verify.CompletedOn", c.completed_on);
	view_set(v, "Verify.ExpiresOn", c.expires_on);
	view_set(v, "Verify.Status", c.status);
	ctx->resp->page = "verify.cs";
	return 200;
}
