/*
 * The csv_export job: writes a report as an RFC 4180 CSV file (UTF-8,
 * optionally with a byte-order mark, CRLF line ends, a header row, every
 * field quoted) under Storage.Dir.  The rows stream from MariaDB one at a
 * time over a connection of their own, so memory does not grow with the
 * number of rows while the job's connection records the progress.
 *
 * Payload: report=expiration, start and end (YYYY-MM-DD), family (0 for
 * every certification), sort (a key of REPORT_EXPIRATION_SORT_KEYS) and
 * dir (asc or desc).
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <csv.h>
#include <sodium.h>

#include "access.h"
#include "conf.h"
#include "db.h"
#include "files.h"
#include "job.h"
#include "log.h"
#include "report.h"
#include "str.h"
#include "utf8.h"
#include "worker.h"

/* Minimum rows between two progress updates.  Each update is one UPDATE
 * of the job's row, which also extends its lease. */
#define PROGRESS_MIN_ROWS	1000

struct export {
	struct worker		*worker;
	const struct job	*job;
	FILE			*fp;
	struct buf		 cell;		/* a neutralised cell */
	long long		 total;		/* rows counted before */
	long long		 written;
	long long		 next_progress;	/* row count of the next update */
	int			 lease_lost;
	int			 read_lost;	/* the read connection was lost */
};

/*
 * Reads the payload into q.  Returns 0, or -1 with a sentence for the
 * administrator in err.
 */
static int
read_payload(const char *payload, struct expiration_query *q, char *err,
    size_t errsz)
{
	static const char *const keys[] = REPORT_EXPIRATION_SORT_KEYS;
	char		 report[32], start[16], end[16], family[24];
	char		 sort[32], dir[8], *stop;
	int		 i;

	memset(q, 0, sizeof(*q));
	if (job_param(payload, "report", report, sizeof(report)) == -1 ||
	    strcmp(report, "expiration") != 0) {
		snprintf(err, errsz, "The export names no known report.");
		return -1;
	}
	if (job_param(payload, "start", start, sizeof(start)) == -1 ||
	    job_param(payload, "end", end, sizeof(end)) == -1 ||
	    date_parse(start, &q->start) == -1 ||
	    date_parse(end, &q->end) == -1 || q->start > q->end) {
		snprintf(err, errsz, "The export's dates are invalid.");
		return -1;
	}
	if (job_param(payload, "family", family, sizeof(family)) == -1 ||
	    (q->family_id = strtoll(family, &stop, 10)) < 0 || *stop != '\0') {
		snprintf(err, errsz, "The export's certification is invalid.");
		return -1;
	}
	if (job_param(payload, "sort", sort, sizeof(sort)) == 0)
		for (i = 0; keys[i] != NULL; i++)
			if (strcmp(sort, keys[i]) == 0)
				q->sort = i;
	q->desc = job_param(payload, "dir", dir, sizeof(dir)) == 0 &&
	    strcmp(dir, "desc") == 0;
	return 0;
}

/*
 * Writes one field, quoted, after a comma unless it is the first of its
 * line.  A value that starts with =, +, -, @, a tab or a carriage return
 * gets a leading apostrophe, so a spreadsheet shows it as text instead of
 * running it as a formula.  Returns 0, or -1 when writing failed.
 */
static int
put_field(struct export *x, int first, const char *value)
{
	const char	*v = value;
	size_t		 len = strlen(value);

	if (!first && putc(',', x->fp) == EOF)
		return -1;
	if (len > 0 && strchr("=+-@\t\r", value[0]) != NULL) {
		buf_reset(&x->cell);
		if (buf_puts(&x->cell, "'") == -1 ||
		    buf_append(&x->cell, value, len) == -1)
			return -1;
		v = x->cell.data;
		len = x->cell.len;
	}
	return csv_fwrite(x->fp, v, len) == 0 ? 0 : -1;
}

static int
end_line(struct export *x)
{
	return fputs("\r\n", x->fp) == EOF ? -1 : 0;
}

static int
put_header(struct export *x)
{
	static const char *const names[] = { "Login", "First Name",
	    "Last Name", "Email", "User Groups", "Certification", "Version",
	    "Completed On", "Expires On", "Certificate Number", NULL };
	int	 i;

	for (i = 0; names[i] != NULL; i++)
		if (put_field(x, i == 0, names[i]) == -1)
			return -1;
	return end_line(x);
}

/* Stores the progress in percent, kept below 100 until the file is
 * published, and schedules the next update. */
static int
report_progress(struct export *x)
{
	long long	 step = x->total / 100;
	int		 percent = 99;

	if (x->total > 0 && x->written < x->total)
		percent = (int)(x->written * 100 / x->total);
	if (worker_progress(x->worker, x->job, percent) == -1) {
		x->lease_lost = 1;
		return -1;
	}
	x->next_progress = x->written +
	    (step > PROGRESS_MIN_ROWS ? step : PROGRESS_MIN_ROWS);
	return 0;
}

/* report_row_fn: writes one row.  Returns 1 to stop the read when
 * writing failed or the lease was lost. */
static int
put_row(const struct expiration_row *r, void *arg)
{
	struct export	*x = arg;
	char		 version[16];

	snprintf(version, sizeof(version), "%d", r->version);
	if (put_field(x, 1, r->login) == -1 ||
	    put_field(x, 0, r->first_name) == -1 ||
	    put_field(x, 0, r->last_name) == -1 ||
	    put_field(x, 0, r->email) == -1 ||
	    put_field(x, 0, r->groups) == -1 ||
	    put_field(x, 0, r->certification) == -1 ||
	    put_field(x, 0, version) == -1 ||
	    put_field(x, 0, r->completed_on) == -1 ||
	    put_field(x, 0, r->expires_on) == -1 ||
	    put_field(x, 0, r->certificate_number) == -1 ||
	    end_line(x) == -1)
		return 1;
	x->written++;
	if (x->written >= x->next_progress && report_progress(x) == -1)
		return 1;
	return 0;
}

/*
 * Writes the header and every row to x->fp.  Returns JOB_OUTCOME_DONE, or
 * another outcome with err set.
 */
static enum job_outcome
write_rows(struct export *x, struct db *read_db,
    const struct expiration_query *q, char *err, size_t errsz)
{
	const struct config	*cfg = x->worker->cfg;
	int			 rc;

	if (cfg->reports_csv_bom && fputs("\xef\xbb\xbf", x->fp) == EOF)
		goto write_failed;
	if (put_header(x) == -1)
		goto write_failed;
	/* NOTE: MariaDB sorts every row before it sends the first, and no
	 * progress update extends the lease meanwhile.  A sort longer than
	 * Worker.LeaseSeconds (or the 30 s read timeout of lib/db.c) makes
	 * the export fail and retry; 1,000,000 rows took about 8 s. */
	rc = report_expiration_rows(read_db, q, LLONG_MAX, 0, put_row, x);
	if (x->lease_lost) {
		snprintf(err, errsz, "Another worker took over the export.");
		return JOB_OUTCOME_RETRY;
	}
	if (rc == 1)
		goto write_failed;
	if (rc != DB_OK) {
		x->read_lost = rc == DB_GONE;
		snprintf(err, errsz, "Reading the report failed: %s",
		    db_error(read_db));
		return JOB_OUTCOME_RETRY;
	}
	if (fflush(x->fp) == EOF || ferror(x->fp))
		goto write_failed;
	return JOB_OUTCOME_DONE;

write_failed:
	snprintf(err, errsz, "Writing the export file failed: %s",
	    strerror(errno));
	return JOB_OUTCOME_RETRY;
}

/* Writes "export-<job id>-<16 hex digits>.csv": the random part keeps a
 * second run of the job from writing over the first's file. */
static void
make_storage_name(long long job_id, char *out, size_t outsz)
{
	unsigned char	 bytes[8];
	char		 hex[sizeof(bytes) * 2 + 1];

	randombytes_buf(bytes, sizeof(bytes));
	sodium_bin2hex(hex, sizeof(hex), bytes, sizeof(bytes));
	snprintf(out, outsz, "export-%lld-%s.csv", job_id, hex);
}

/*
 * Writes the part of a download's file name that names a certification:
 * its letters and digits, in lower case where ASCII.  Every run of other
 * ASCII characters becomes one '-', and the result is cut at 40
 * characters.  Non-ASCII characters are kept, since the download sends
 * the name percent-encoded (RFC 6266).
 */
static void
file_name_part(const char *name, char *out, size_t outsz)
{
	char		 tmp[801];
	size_t		 n = 0, i;
	unsigned char	 c;

	for (i = 0; name[i] != '\0' && n + 1 < sizeof(tmp); i++) {
		c = (unsigned char)name[i];
		if (c >= 0x80 || (c >= '0' && c <= '9'))
			tmp[n++] = (char)c;
		else if (c >= 'A' && c <= 'Z')
			tmp[n++] = (char)(c - 'A' + 'a');
		else if (c >= 'a' && c <= 'z')
			tmp[n++] = (char)c;
		else if (n > 0 && tmp[n - 1] != '-')
			tmp[n++] = '-';
	}
	tmp[n] = '\0';
	n = utf8_copy_prefix(out, outsz, tmp, 40);
	while (n > 0 && out[n - 1] == '-')
		out[--n] = '\0';
}

enum job_outcome
job_csv_export(struct worker *w, const struct job *j, char *result_file,
    size_t result_filesz, char *result_name, size_t result_namesz,
    char *err, size_t errsz)
{
	struct expiration_query	 q;
	struct export		 x;
	struct file_output	 out;
	struct db		*read_db = NULL;
	enum job_outcome	 outcome;
	char			 name[101], start[11], end[11];
	char			 family_name[801], family_part[161];

	if (read_payload(j->payload, &q, err, errsz) == -1)
		return JOB_OUTCOME_FAIL;
	memset(&x, 0, sizeof(x));
	x.worker = w;
	x.job = j;
	if (report_expiration_count(w->db, &q, &x.total) != DB_OK) {
		snprintf(err, errsz, "Counting the report's rows failed: %s",
		    db_error(w->db));
		return JOB_OUTCOME_RETRY;
	}
	if ((read_db = db_open(w->cfg)) == NULL) {
		snprintf(err, errsz, "Out of memory.");
		return JOB_OUTCOME_RETRY;
	}

	make_storage_name(j->id, name, sizeof(name));
	if (file_output_open(w->cfg->storage_dir, name, &out) == -1) {
		snprintf(err, errsz, "Creating the export file in Storage.Dir "
		    "failed.");
		db_close(read_db);
		return JOB_OUTCOME_RETRY;
	}
	if ((x.fp = fdopen(out.fd, "w")) == NULL) {
		snprintf(err, errsz, "Opening the export file failed: %s",
		    strerror(errno));
		file_output_abort(&out);
		db_close(read_db);
		return JOB_OUTCOME_RETRY;
	}
	/* One thread writes the stream, so stdio's per-character locking
	 * in csv_fwrite's putc calls is not needed. */
	__fsetlocking(x.fp, FSETLOCKING_BYCALLER);
	x.next_progress = PROGRESS_MIN_ROWS;

	outcome = write_rows(&x, read_db, &q, err, errsz);
	/* A read connection lost mid-export is reconnected at once, and the
	 * file is written again from its start. */
	if (outcome == JOB_OUTCOME_RETRY && x.read_lost && !x.lease_lost &&
	    fflush(x.fp) == 0 && ftruncate(fileno(x.fp), 0) == 0 &&
	    fseek(x.fp, 0, SEEK_SET) == 0) {
		log_warn("job %lld: %s; writing the export again", j->id, err);
		x.written = 0;
		x.read_lost = 0;
		x.next_progress = PROGRESS_MIN_ROWS;
		outcome = write_rows(&x, read_db, &q, err, errsz);
	}
	db_close(read_db);
	buf_free(&x.cell);
	/* fclose closes out.fd, so publish reopens the file to sync it. */
	if (fclose(x.fp) == EOF && outcome == JOB_OUTCOME_DONE) {
		snprintf(err, errsz, "Writing the export file failed: %s",
		    strerror(errno));
		outcome = JOB_OUTCOME_RETRY;
	}
	out.fd = -1;
	if (outcome != JOB_OUTCOME_DONE) {
		file_output_abort(&out);
		return outcome;
	}
	if (file_output_publish(&out) == -1) {
		snprintf(err, errsz, "Saving the export file failed.");
		return JOB_OUTCOME_RETRY;
	}

	date_format(q.start, start);
	date_format(q.end, end);
	snprintf(result_file, result_filesz, "%s", name);
	family_part[0] = '\0';
	if (q.family_id > 0 &&
	    access_family_name(w->db, q.family_id, family_name) == DB_OK)
		file_name_part(family_name, family_part, sizeof(family_part));
	snprintf(result_name, result_namesz,
	    "certification-expiration-%s%s%s-to-%s.csv", family_part,
	    family_part[0] != '\0' ? "-" : "", start, end);
	log_info("job %lld: %lld rows written to %s", j->id, x.written, name);
	return JOB_OUTCOME_DONE;
}
