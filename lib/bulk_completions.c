/*
 * Rows of a completions file: login, certification (the name of its
 * newest version, or its external id), completed_on and the optional
 * certificate_number.  A row marks the learner's enrolment in that
 * certification completed on that day, and creates the enrolment when
 * there is none.  The expiry follows the newest version's rule, so a
 * completion whose expiry has passed reads as expired.  No completion
 * e-mail is queued: the previous system already notified the learner.
 *
 * A certificate number makes the certificate of that completion exist
 * with that number, so printing it shows the number and the family never
 * issues it again: next_number moves past it in the same transaction.
 * The number is either digits, formatted by the family's numbering, or
 * the text the previous system printed, whose trailing digits are the
 * number.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "bulk_row.h"
#include "certificate.h"
#include "certification.h"
#include "clock.h"
#include "db.h"
#include "str.h"
#include "user.h"

/* Digits of a certificate number: certificates.number is BIGINT
 * UNSIGNED, and 18 digits always fit a long long. */
#define NUMBER_DIGITS_MAX	18

struct cert_ref {
	long long	 id, family_id;
	int		 interval, expire_days;
	char		 external_id[50 * 4 + 1];
	char		 format[32];
	char		 prefix[30 * 4 + 1];
	int		 width;
};

struct enrol_ref {
	long long	 id;
	char		 status[16];
	char		 completed_on[11];
};

/* Finds the newest version named name or with the external id.  Returns
 * DB_OK, 1 when there is none, 2 when the name matches several families,
 * or a db_status. */
static int
find_certification(struct db *db, const char *name, struct cert_ref *c)
{
	struct db_res	*res;
	int		 rc, rows = 0;

	rc = db_query(db, &res, "SELECT c.id, c.family_id, "
	    "c.expiration_type = 'interval', COALESCE(c.expire_days, 0), "
	    "c.external_id, f.number_format, f.number_prefix, f.number_width "
	    "FROM certifications c JOIN certification_families f "
	    "ON f.id = c.family_id WHERE (c.name = ? OR (c.external_id <> '' "
	    "AND c.external_id = ?)) AND c.version = (SELECT MAX(v.version) "
	    "FROM certifications v WHERE v.family_id = c.family_id)", "ss",
	    name, name);
	if (rc != DB_OK)
		return rc;
	while ((rc = db_next(res)) == 1) {
		if (rows++ > 0)
			continue;
		c->id = db_int(res, 0);
		c->family_id = db_int(res, 1);
		c->interval = (int)db_int(res, 2);
		c->expire_days = (int)db_int(res, 3);
		str_copy(c->external_id, db_str(res, 4), sizeof(c->external_id));
		str_copy(c->format, db_str(res, 5), sizeof(c->format));
		str_copy(c->prefix, db_str(res, 6), sizeof(c->prefix));
		c->width = (int)db_int(res, 7);
	}
	db_res_free(res);
	if (rc < 0)
		return rc;
	if (rows == 0)
		return 1;
	if (rows > 1)
		return 2;
	return DB_OK;
}

static int
find_enrollment(struct db *db, long long user_id, long long family_id,
    struct enrol_ref *e)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, "SELECT id, status, "
	    "COALESCE(completed_on, '') FROM enrollments "
	    "WHERE user_id = ? AND family_id = ?", "ll", user_id, family_id);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_found(db_next(res))) == DB_OK) {
		e->id = db_int(res, 0);
		str_copy(e->status, db_str(res, 1), sizeof(e->status));
		str_copy(e->completed_on, db_str(res, 2),
		    sizeof(e->completed_on));
	}
	db_res_free(res);
	return rc;
}

/* Finds the certificate with this number in the family; *enrollment
 * receives its enrolment, or 0 when no certificate has the number. */
static int
number_holder(struct db *db, long long family_id, long long number,
    long long *enrollment)
{
	struct db_res	*res;
	int		 rc;

	*enrollment = 0;
	rc = db_query(db, &res, "SELECT enrollment_id FROM certificates "
	    "WHERE family_id = ? AND number = ?", "ll", family_id, number);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_next(res)) == 1)
		*enrollment = db_int(res, 0);
	db_res_free(res);
	return rc < 0 ? rc : DB_OK;
}

/* Returns in *number the number of the certificate already issued for
 * the enrolment's completion on completed, 0 when there is none. */
static int
issued_number(struct db *db, long long enrollment_id, const char *completed,
    long long *number)
{
	struct db_res	*res;
	int		 rc;

	*number = 0;
	rc = db_query(db, &res, "SELECT number FROM certificates "
	    "WHERE enrollment_id = ? AND completed_on = ?", "ls",
	    enrollment_id, completed);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_next(res)) == 1)
		*number = db_int(res, 0);
	db_res_free(res);
	return rc < 0 ? rc : DB_OK;
}

static enum cert_number_format
format_of(const char *key)
{
	int	 i;

	for (i = 0; cert_number_format_keys[i] != NULL; i++)
		if (strcmp(cert_number_format_keys[i], key) == 0)
			return (enum cert_number_format)i;
	return CERT_NUMBER_PLAIN;
}

/*
 * Reads the certificate number cell into *number and text: digits are
 * formatted by the family's numbering on day, other text is kept and its
 * trailing digits are the number.  Returns 0, or -1 after reporting it.
 */
static int
read_number(struct bulk_run *run, const struct cert_ref *c, int day,
    long long *number, char *text, size_t textsz)
{
	const char	*cell = run->value[COMPLETIONS_CERTIFICATE_NUMBER];
	size_t		 len = strlen(cell), digits = 0;

	while (digits < len && cell[len - digits - 1] >= '0' &&
	    cell[len - digits - 1] <= '9')
		digits++;
	if (digits == 0 || digits > NUMBER_DIGITS_MAX ||
	    bulk_chars(cell) > 100) {
		bulk_error(run, "certificate_number", "\"%s\" is not a "
		    "certificate number: give the number, or the text the "
		    "certificate showed, ending in at most %d digits", cell,
		    NUMBER_DIGITS_MAX);
		return -1;
	}
	*number = strtoll(cell + len - digits, NULL, 10);
	if (*number < 1) {
		bulk_error(run, "certificate_number", "certificate numbers "
		    "start at 1, not \"%s\"", cell);
		return -1;
	}
	if (digits < len) {
		str_copy(text, cell, textsz);
		return 0;
	}
	if (cert_number_preview(format_of(c->format), c->prefix, c->width,
	    c->external_id, *number, day, text, textsz) == -1)
		return -1;
	return 0;
}

/* Writes the enrolment's completion; *created is 1 for a new enrolment. */
static int
write_completion(struct bulk_run *run, long long user_id,
    const struct cert_ref *c, int exists, const struct enrol_ref *e,
    int day, long long *enrollment_id)
{
	char	 completed[11], expires[11] = "", now[27], details[160];
	int	 expired = 0, rc;

	date_format(day, completed);
	if (c->interval && c->expire_days > 0) {
		date_format(day + c->expire_days, expires);
		expired = day + c->expire_days <= clock_site_day(clock_now());
	}
	clock_format_sql(clock_now(), now);
	if (exists) {
		*enrollment_id = e->id;
		rc = db_exec(run->db, "UPDATE enrollments SET "
		    "certification_id = ?, status = ?, completed_on = ?, "
		    "expires_on = ?, cancelled_on = NULL, status_reason = '' "
		    "WHERE id = ?", "lsssl", c->id,
		    expired ? "expired" : "completed", completed,
		    expires[0] ? expires : NULL, e->id);
	} else {
		rc = db_exec(run->db, "INSERT INTO enrollments (user_id, "
		    "family_id, certification_id, method, enrolled_by, "
		    "enrolled_at, enrolled_on, status, completed_on, "
		    "expires_on) VALUES (?, ?, ?, 'import', ?, ?, ?, ?, ?, ?)",
		    "lllssssss", user_id, c->family_id, c->id,
		    NULL, now, completed, expired ? "expired" : "completed",
		    completed, expires[0] ? expires : NULL);
		*enrollment_id = (long long)db_insert_id(run->db);
	}
	if (rc != DB_OK)
		return rc;
	snprintf(details, sizeof(details), "enrollment %lld completed on %s "
	    "(imported)", *enrollment_id, completed);
	return audit_record(run->db, run->actor, run->impersonator,
	    "certification_import", "user", user_id, details);
}

/* Records the certificate with the imported number and moves the
 * family's numbering past it. */
static int
write_certificate(struct bulk_run *run, long long user_id,
    const struct cert_ref *c, long long enrollment_id, int day,
    long long number, const char *text)
{
	char	 completed[11], expires[11] = "", now[27], details[600];
	char	 code[CERTIFICATE_CODE_LEN + 1];
	int	 rc;

	date_format(day, completed);
	if (c->interval && c->expire_days > 0)
		date_format(day + c->expire_days, expires);
	clock_format_sql(clock_now(), now);
	certificate_new_code(code);

	rc = db_exec(run->db, "INSERT INTO certificates (enrollment_id, "
	    "completed_on, expires_on, user_id, family_id, certification_id, "
	    "number, number_text, verification_code, issued_at, issued_on) "
	    "VALUES (?, ?, NULLIF(?, ''), ?, ?, ?, ?, ?, ?, ?, ?)",
	    "lssllllssss", enrollment_id, completed, expires, user_id,
	    c->family_id, c->id, number, text, code, now, completed);
	if (rc == DB_DUPLICATE)
		return DB_RETRY;	/* drew a code in use: draw again */
	if (rc != DB_OK)
		return rc;
	rc = db_exec(run->db, "UPDATE certification_families SET "
	    "next_number = GREATEST(next_number, ? + 1), "
	    "last_issued_number = GREATEST(last_issued_number, ?) "
	    "WHERE id = ?", "lll", number, number, c->family_id);
	if (rc != DB_OK)
		return rc;
	snprintf(details, sizeof(details), "certificate %s imported for "
	    "enrollment %lld", text, enrollment_id);
	return audit_record(run->db, run->actor, run->impersonator,
	    "certificate_import", "user", user_id, details);
}

/* Checks the login, certification and date of the row. */
static int
read_row(struct bulk_run *run, struct user *u, struct cert_ref *c, int *day)
{
	const char	**v = run->value;
	int		 rc;

	if ((rc = user_find_login(run->db, v[COMPLETIONS_LOGIN], u)) < 0)
		return rc;
	if (rc == 1)
		bulk_error(run, "login", "no user has the login \"%s\"",
		    v[COMPLETIONS_LOGIN]);
	rc = find_certification(run->db, v[COMPLETIONS_CERTIFICATION], c);
	if (rc < 0)
		return rc;
	if (rc == 1)
		bulk_error(run, "certification", "no certification has the "
		    "name or external ID \"%s\"", v[COMPLETIONS_CERTIFICATION]);
	else if (rc == 2)
		bulk_error(run, "certification", "several certifications are "
		    "named \"%s\"; give the external ID of the one you mean",
		    v[COMPLETIONS_CERTIFICATION]);
	bulk_date(run, "completed_on", v[COMPLETIONS_COMPLETED_ON], day);
	return DB_OK;
}

int
bulk_completions_row(struct bulk_run *run)
{
	const char	*cell = run->value[COMPLETIONS_CERTIFICATE_NUMBER];
	struct cert_ref	 c;
	struct enrol_ref e;
	struct user	 u;
	char		 text[100 * 4 + 1], completed[11];
	long long	 number = 0, holder = 0, issued = 0, enrollment_id;
	int		 rc, day = 0, exists, seen, has_number;

	memset(&c, 0, sizeof(c));
	if ((rc = read_row(run, &u, &c, &day)) != DB_OK || run->row_failed)
		return rc;
	has_number = cell != NULL && cell[0] != '\0';
	if (has_number && read_number(run, &c, day, &number, text,
	    sizeof(text)) == -1)
		return DB_OK;
	if (has_number &&
	    (rc = number_holder(run->db, c.family_id, number, &holder)) != DB_OK)
		return rc;

	if ((rc = find_enrollment(run->db, u.id, c.family_id, &e)) < 0)
		return rc;
	exists = rc == DB_OK;
	if (exists && (seen = bulk_seen(run, e.id, "certification",
	    "login and certification")) != 0)
		return seen == 1 ? DB_OK : DB_ERROR;
	date_format(day, completed);
	if (exists && has_number &&
	    (rc = issued_number(run->db, e.id, completed, &issued)) != DB_OK)
		return rc;
	if (issued != 0 && issued != number)
		bulk_error(run, "certificate_number", "the certificate of this "
		    "completion was already issued with the number %lld",
		    issued);
	if (exists && (strcmp(e.status, "completed") == 0 ||
	    strcmp(e.status, "expired") == 0) &&
	    strcmp(e.completed_on, completed) > 0)
		bulk_error(run, "completed_on", "the learner completed this "
		    "certification again on %s, after %s; a completion is "
		    "never imported over a later one", e.completed_on,
		    completed);
	if (holder != 0 && !(exists && holder == e.id &&
	    strcmp(e.completed_on, completed) == 0))
		bulk_error(run, "certificate_number", "the certificate number "
		    "%lld is already used in this certification; each number "
		    "is issued once", number);
	if (run->row_failed)
		return DB_OK;

	if (exists && (strcmp(e.status, "completed") == 0 ||
	    strcmp(e.status, "expired") == 0) &&
	    strcmp(e.completed_on, completed) == 0 &&
	    (!has_number || holder == e.id)) {
		run->report->unchanged++;
		return DB_OK;
	}
	if ((rc = write_completion(run, u.id, &c, exists, &e, day,
	    &enrollment_id)) != DB_OK)
		return rc;
	if (has_number && issued != number && (rc = write_certificate(run, u.id, &c,
	    enrollment_id, day, number, text)) != DB_OK)
		return rc;
	if (!exists && bulk_seen(run, enrollment_id, "certification",
	    "login and certification") == -1)
		return DB_ERROR;
	if (exists)
		run->report->updated++;
	else
		run->report->created++;
	return DB_OK;
}
