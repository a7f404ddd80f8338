/*
 * The admin's jobs pages: the list of recent jobs, one job's state and
 * progress, the download of its file, and Try again for a failed job.
 * Every admin can see every job, including those queued by another admin.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "access.h"
#include "clock.h"
#include "completion.h"
#include "db.h"
#include "input.h"
#include "job.h"
#include "log.h"
#include "pages.h"
#include "request.h"
#include "response.h"
#include "str.h"
#include "user.h"
#include "view.h"

static const char *const job_sort_keys[] = { "newest", NULL };

/* Returns the state filter of the query as an enum job_state, or -1 for
 * every state. */
static int
read_state(struct ctx *ctx)
{
	const char	*s = request_query(ctx->req, "state");
	int		 i;

	for (i = 0; s != NULL && job_state_names[i] != NULL; i++)
		if (strcmp(s, job_state_names[i]) == 0)
			return i;
	return -1;
}

/* Sets prefix.Title (what the job makes) and the job's subject: for a
 * report export prefix.ReportHref (the report with the same parameters),
 * for a certificate prefix.CertificateId, for a completion check
 * prefix.CertificationId.  prefix is "Job" or "Jobs.N" built by the
 * program. */
static void
set_description(struct view *v, const char *prefix, const struct job *j)
{
	char		 path[64], start[16], end[16], family[24], sort[32];
	char		 dir[8];
	struct buf	 href = { 0 };
	day_t		 day;

	snprintf(path, sizeof(path), "%s.Title", prefix);
	if (strcmp(j->kind, "certificate_pdf") == 0 &&
	    job_param(j->payload, "certificate", family, sizeof(family)) == 0) {
		view_set(v, path, "Certificate PDF");
		snprintf(path, sizeof(path), "%s.CertificateId", prefix);
		view_set(v, path, family);
		return;
	}
	if (strcmp(j->kind, COMPLETION_RECHECK_JOB) == 0 &&
	    job_param(j->payload, "certification", family,
	    sizeof(family)) == 0) {
		view_set(v, path, "Completion check after a rule change");
		snprintf(path, sizeof(path), "%s.CertificationId", prefix);
		view_set(v, path, family);
		return;
	}
	if (strcmp(j->kind, "csv_export") != 0 ||
	    job_param(j->payload, "start", start, sizeof(start)) == -1 ||
	    job_param(j->payload, "end", end, sizeof(end)) == -1 ||
	    date_parse(start, &day) == -1 || date_parse(end, &day) == -1) {
		view_set(v, path, j->kind);
		return;
	}
	view_set(v, path, "Certification Expiration Report (CSV)");
	snprintf(path, sizeof(path), "%s.Start", prefix);
	view_set(v, path, start);
	snprintf(path, sizeof(path), "%s.End", prefix);
	view_set(v, path, end);

	if (job_param(j->payload, "family", family, sizeof(family)) == -1 ||
	    strcmp(family, "0") == 0)
		family[0] = '\0';
	if (job_param(j->payload, "sort", sort, sizeof(sort)) == -1)
		sort[0] = '\0';
	if (job_param(j->payload, "dir", dir, sizeof(dir)) == -1)
		dir[0] = '\0';
	/* The dates were checked, so they need no encoding. */
	buf_printf(&href, "/admin/reports/expiration?start=%s", start);
	query_append(&href, "end", end);
	query_append(&href, "certification", family);
	query_append(&href, "sort", sort);
	query_append(&href, "dir", dir);
	snprintf(path, sizeof(path), "%s.ReportHref", prefix);
	if (href.data != NULL)
		view_set(v, path, href.data);
	buf_free(&href);
}

int
page_jobs(struct ctx *ctx)
{
	struct view	*v = ctx->resp->view;
	struct job_row	*rows;
	struct listing	 l;
	struct buf	 extra = { 0 };
	char		 prefix[32];
	size_t		 n, shown, i;
	int		 state = read_state(ctx), more;

	list_read(ctx, job_sort_keys, &l);
	if (job_list(ctx->db, &l, state, &rows, &n) != DB_OK)
		return 503;
	more = listing_has_next(&l, n, &shown);
	page_common(ctx, "admin", "Jobs");
	buf_puts(&extra, "");
	if (state >= 0) {
		query_append(&extra, "state", job_state_names[state]);
		view_set(v, "Filter.state", job_state_names[state]);
	}
	list_view(ctx, &l, job_sort_keys, more, shown, extra.data);
	buf_free(&extra);
	for (i = 0; i < shown; i++) {
		const struct job *j = &rows[i].job;

		view_set_int_item(v, "Jobs", (int)i, "Id", j->id);
		view_set_item(v, "Jobs", (int)i, "State",
		    job_state_names[j->state]);
		view_set_int_item(v, "Jobs", (int)i, "Progress", j->progress);
		view_set_int_item(v, "Jobs", (int)i, "Attempts", j->attempts);
		view_set_item(v, "Jobs", (int)i, "Error", j->last_error);
		view_set_item(v, "Jobs", (int)i, "Created", j->created_at);
		view_set_item(v, "Jobs", (int)i, "Finished", j->finished_at);
		view_set_item(v, "Jobs", (int)i, "CreatedBy",
		    rows[i].created_by_login);
		view_set_item(v, "Jobs", (int)i, "HasFile",
		    j->result_file[0] != '\0' ? "1" : "0");
		snprintf(prefix, sizeof(prefix), "Jobs.%zu", i);
		set_description(v, prefix, j);
	}
	free(rows);
	ctx->resp->page = "admin/jobs.cs";
	return 200;
}

/* Loads the job of the route.  Returns 0, 404 or 503. */
static int
load_job(struct ctx *ctx, struct job *j)
{
	int	 rc = job_get(ctx->db, ctx->req->param_id, j);

	if (rc == 1)
		return 404;
	return rc == DB_OK ? 0 : 503;
}

/* Sets Job.Certification to the name of the certification a report
 * export is limited to, when it is.  Returns 0, or 503. */
static int
set_certification(struct ctx *ctx, const struct job *j)
{
	char		 family[24], name[801], *stop;
	long long	 id;
	int		 rc;

	if (strcmp(j->kind, "csv_export") != 0 ||
	    job_param(j->payload, "family", family, sizeof(family)) == -1 ||
	    (id = strtoll(family, &stop, 10)) <= 0 || *stop != '\0')
		return 0;
	rc = access_family_name(ctx->db, id, name);
	if (rc == DB_OK)
		view_set(ctx->resp->view, "Job.Certification", name);
	return rc == DB_OK || rc == 1 ? 0 : 503;
}

int
page_job(struct ctx *ctx)
{
	struct view		*v = ctx->resp->view;
	struct user_details	 u;
	struct job		 j;
	char			 title[64];
	int			 rc;

	if ((rc = load_job(ctx, &j)) != 0)
		return rc;
	snprintf(title, sizeof(title), "Job %lld", j.id);
	page_common(ctx, "admin", title);
	view_set_int(v, "Job.Id", j.id);
	view_set(v, "Job.Kind", j.kind);
	view_set(v, "Job.State", job_state_names[j.state]);
	view_set_int(v, "Job.Progress", j.progress);
	view_set_int(v, "Job.Attempts", j.attempts);
	view_set_int(v, "Job.MaxAttempts", j.max_attempts);
	view_set(v, "Job.Error", j.last_error);
	view_set(v, "Job.Created", j.created_at);
	view_set(v, "Job.Finished", j.finished_at);
	view_set(v, "Job.FileName", j.result_name);
	view_set(v, "Job.HasFile", j.result_file[0] != '\0' ? "1" : "0");
	set_description(v, "Job", &j);
	if ((rc = set_certification(ctx, &j)) != 0)
		return rc;
	if (j.created_by != 0 &&
	    (rc = user_get(ctx->db, j.created_by, &u)) == DB_OK)
		view_set(v, "Job.CreatedBy", u.user.login);
	else if (j.created_by != 0 && rc != 1)
		return 503;
	ctx->resp->page = "admin/job.cs";
	return 200;
}

/*
 * Writes name as a quoted-string of letters, digits, '.', '-' and '_'
 * (others become '_') for the filename parameter, and percent-encoded
 * UTF-8 for filename* (RFC 6266), so no quote, line break or non-ASCII
 * byte reaches the header as it is.
 */
static int
set_disposition(struct response *resp, const char *name)
{
	static const char	 hex[] = "0123456789ABCDEF";
	struct buf		 plain = { 0 }, encoded = { 0 };
	const unsigned char	*p;
	char			 c;
	int			 rc;

	for (p = (const unsigned char *)name; *p != '\0'; p++) {
		c = isalnum(*p) || *p == '.' || *p == '-' || *p == '_' ?
		    (char)*p : '_';
		buf_append(&plain, &c, 1);
		if (isalnum(*p) || strchr("!#$&+-.^_`|~", *p) != NULL)
			buf_append(&encoded, p, 1);
		else {
			char pct[3] = { '%', hex[*p >> 4], hex[*p & 15] };
			buf_append(&encoded, pct, 3);
		}
	}
	if (plain.data == NULL || encoded.data == NULL)
		rc = response_header(resp, "Content-Disposition",
		    "attachment; filename=\"export.csv\"");
	else
		rc = response_header(resp, "Content-Disposition",
		    "attachment; filename=\"%s\"; filename*=UTF-8''%s",
		    plain.data, encoded.data);
	buf_free(&plain);
	buf_free(&encoded);
	return rc;
}

/* Returns 1 when a result file name contains only the characters that
 * job_csv_export writes. */
static int
result_file_valid(const char *name)
{
	return name[0] != '\0' && name[0] != '.' && strspn(name,
	    "abcdefghijklmnopqrstuvwxyz0123456789-.") == strlen(name);
}

/* GET /admin/jobs/{id}/download: lets nginx send the finished file. */
int
page_job_download(struct ctx *ctx)
{
	struct response	*resp = ctx->resp;
	struct job	 j;
	char		 id[24], location[64];
	int		 rc;

	if ((rc = load_job(ctx, &j)) != 0)
		return rc;
	if (j.state != JOB_DONE) {
		page_common(ctx, "admin", "Not ready");
		response_error(resp, 409, j.state == JOB_FAILED ?
		    "This job failed, so it has no file to download. Its page "
		    "shows the error and offers Try again." :
		    "This job has not finished yet, so its file is not ready. "
		    "Its page shows the progress and offers the download when "
		    "the job is done.");
		return 409;
	}
	/* A certificate's PDF is served, with its access rules, from the
	 * certificate's own page. */
	if (strcmp(j.kind, "certificate_pdf") == 0 &&
	    job_param(j.payload, "certificate", id, sizeof(id)) == 0 &&
	    strspn(id, "0123456789") == strlen(id) && id[0] != '\0') {
		snprintf(location, sizeof(location), "/admin/certificates/%s",
		    id);
		return response_redirect(resp, location) == -1 ? 500 : 303;
	}
	if (j.result_file[0] == '\0') {
		page_common(ctx, "admin", "File deleted");
		response_error(resp, 404, "This job's file was deleted, as "
		    "exports are after a few days. Run the report again for a "
		    "new file.");
		return 404;
	}
	if (!result_file_valid(j.result_file)) {
		log_error("invalid result file \"%s\" in jobs row %lld",
		    j.result_file, j.id);
		return 500;
	}

	/* nginx sends the file in place of this empty body and keeps
	 * Content-Type and Content-Disposition (see page_file). */
	if (response_header(resp, "X-Accel-Redirect", "/_files/%s",
	    j.result_file) == -1 ||
	    response_header(resp, "Content-Type", "text/csv; charset=utf-8") ==
	    -1 ||
	    set_disposition(resp, j.result_name[0] != '\0' ? j.result_name :
	    "export.csv") == -1)
		return 500;
	resp->cache_control = "private, no-store";
	return 200;
}

/* POST /admin/jobs/{id}/retry: Try again for a failed job. */
int
page_job_retry(struct ctx *ctx)
{
	struct job	 j;
	char		 location[64];
	int		 rc;

	if ((rc = load_job(ctx, &j)) != 0)
		return rc;
	rc = job_retry(ctx->db, j.id);
	if (rc == 1) {
		page_common(ctx, "admin", "Not failed");
		response_error(ctx->resp, 409, "Only a failed job can be tried "
		    "again, and this one is not failed. Open its page again to "
		    "see its state.");
		return 409;
	}
	if (rc != DB_OK)
		return 503;
	page_flash_next(ctx, "success", "The job is queued again.");
	snprintf(location, sizeof(location), "/admin/jobs/%lld", j.id);
	response_redirect(ctx->resp, location);
	return 303;
}
