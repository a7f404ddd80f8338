/*
 * The certificate_pdf job: writes the PDF of an issued certificate and
 * records its file.  Running it twice writes the same file again.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cert_template.h"
#include "certificate.h"
#include "clock.h"
#include "conf.h"
#include "db.h"
#include "files.h"
#include "log.h"
#include "pdf.h"
#include "worker.h"

static const char *const month_names[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

/* Writes an ISO date "2026-12-04" as "4 December 2026", or "" for "". */
static void
long_date(const char *iso, char *out, size_t outsz)
{
	day_t	 day;
	int	 y, m, d;

	out[0] = '\0';
	if (iso[0] == '\0' || date_parse(iso, &day) == -1)
		return;
	date_to_ymd(day, &y, &m, &d);
	snprintf(out, outsz, "%d %s %d", d, month_names[m - 1], y);
}

/* The fonts stay loaded for the life of the process. */
static struct pdf_fonts *
fonts(char *err, size_t errsz)
{
	static struct pdf_fonts	*loaded;

	if (loaded == NULL)
		loaded = pdf_fonts_open(NULL, err, errsz);
	return loaded;
}

/* Finds the template and its background image file, when there is one. */
static int
load_template(struct worker *w, long long id, struct cert_template *t,
    char *background, size_t backgroundsz)
{
	struct stored_file	 f;
	int			 rc;

	background[0] = '\0';
	if ((rc = cert_template_get(w->db, id, t)) != DB_OK)
		return rc;
	if (t->background_id == 0)
		return DB_OK;
	if ((rc = file_get(w->db, t->background_id, &f)) != DB_OK)
		return rc;
	snprintf(background, backgroundsz, "%s/%s", w->cfg->storage_dir,
	    f.storage_name);
	return DB_OK;
}

enum job_outcome
job_certificate_pdf(struct worker *w, const struct job *j, char *result_file,
    size_t result_filesz, char *result_name, size_t result_namesz, char *err,
    size_t errsz)
{
	struct certificate_print	 p;
	struct cert_template		 t;
	struct pdf_certificate		 doc;
	struct file_output		 out;
	struct pdf_fonts		*f;
	char				 id_text[24], url[512], background[4096];
	char				 completed[32], expires[32];
	long long			 id;
	int				 rc;

	if (job_param(j->payload, "certificate", id_text, sizeof(id_text)) ==
	    -1 || (id = strtoll(id_text, NULL, 10)) <= 0) {
		snprintf(err, errsz, "The job names no certificate.");
		return JOB_OUTCOME_FAIL;
	}
	if ((rc = certificate_print_data(w->db, id, &p)) != DB_OK) {
		if (rc == CERTIFICATE_NOT_FOUND) {
			snprintf(err, errsz, "Certificate %lld does not exist.",
			    id);
			return JOB_OUTCOME_FAIL;
		}
		snprintf(err, errsz, "Database error: %s", db_error(w->db));
		return JOB_OUTCOME_RETRY;
	}

	memset(&doc, 0, sizeof(doc));
	if (p.template_id != 0) {
		rc = load_template(w, p.template_id, &t, background,
		    sizeof(background));
		if (rc != DB_OK) {
			snprintf(err, errsz, "Failed to load certificate "
			    "template %lld: %s", p.template_id,
			    rc > 0 ? "not found" : db_error(w->db));
			return rc > 0 ? JOB_OUTCOME_FAIL : JOB_OUTCOME_RETRY;
		}
		doc.tmpl = &t;
		doc.background_path = background[0] != '\0' ? background :
		    NULL;
	}
	long_date(p.cert.completed_on, completed, sizeof(completed));
	long_date(p.cert.expires_on, expires, sizeof(expires));
	snprintf(url, sizeof(url), "%s/verify/%s", w->cfg->site_base_url,
	    p.cert.code);
	doc.learner_name = p.learner_name;
	doc.certificate_name = p.certificate_name;
	doc.completed_on = completed;
	doc.expires_on = expires;
	doc.certificate_number = p.cert.number_text;
	doc.credit_hours = p.credit_hours;
	doc.verification_code = p.cert.code;
	doc.verification_url = url;

	if ((f = fonts(err, errsz)) == NULL)
		return JOB_OUTCOME_FAIL;
	snprintf(result_file, result_filesz, "certificate-%s.pdf", p.cert.code);
	if (file_output_open(w->cfg->storage_dir, result_file, &out) == -1) {
		snprintf(err, errsz, "Failed to create the PDF file in "
		    "Storage.Dir.");
		return JOB_OUTCOME_RETRY;
	}
	/* libharu writes the path itself; publish reopens it to sync. */
	close(out.fd);
	out.fd = -1;
	if (pdf_certificate_write(f, &doc, out.tmp, err, errsz) == -1) {
		file_output_abort(&out);
		return JOB_OUTCOME_FAIL;
	}
	if (file_output_publish(&out) == -1) {
		snprintf(err, errsz, "Failed to save the PDF file in "
		    "Storage.Dir.");
		return JOB_OUTCOME_RETRY;
	}
	if (certificate_set_file(w->db, id, result_file) != DB_OK) {
		snprintf(err, errsz, "Database error: %s", db_error(w->db));
		return JOB_OUTCOME_RETRY;
	}
	snprintf(result_name, result_namesz, "certificate-%s.pdf",
	    p.cert.number_text);
	return JOB_OUTCOME_DONE;
}
