#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "audit.h"
#include "certificate.h"
#include "certification.h"
#include "clock.h"
#include "db.h"
#include "job.h"
#include "str.h"

/* Verification codes use this alphabet (Crockford's base 32: no I, L, O
 * or U), so a code read aloud or typed from paper is unambiguous. */
static const char code_alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

#define SELECT_CERTIFICATE \
	"SELECT ct.id, ct.enrollment_id, ct.user_id, ct.family_id, " \
	"ct.certification_id, ct.number, ct.number_text, " \
	"ct.verification_code, ct.completed_on, " \
	"COALESCE(ct.expires_on, ''), ct.issued_on, ct.file_name, " \
	"COALESCE(j.id, 0), COALESCE(j.state, ''), COALESCE(j.progress, 0), " \
	"COALESCE(j.last_error, ''), e.status, " \
	"e.completed_on <=> ct.completed_on FROM certificates ct " \
	"JOIN enrollments e ON e.id = ct.enrollment_id " \
	"LEFT JOIN jobs j ON j.dedupe_key = CONCAT('certificate:', ct.id) "

static void
read_certificate(struct db_res *res, struct certificate *c)
{
	memset(c, 0, sizeof(*c));
	c->id = db_int(res, 0);
	c->enrollment_id = db_int(res, 1);
	c->user_id = db_int(res, 2);
	c->family_id = db_int(res, 3);
	c->certification_id = db_int(res, 4);
	c->number = db_int(res, 5);
	str_copy(c->number_text, db_str(res, 6), sizeof(c->number_text));
	str_copy(c->code, db_str(res, 7), sizeof(c->code));
	str_copy(c->completed_on, db_str(res, 8), sizeof(c->completed_on));
	str_copy(c->expires_on, db_str(res, 9), sizeof(c->expires_on));
	str_copy(c->issued_on, db_str(res, 10), sizeof(c->issued_on));
	str_copy(c->file_name, db_str(res, 11), sizeof(c->file_name));
	c->job_id = db_int(res, 12);
	str_copy(c->job_state, db_str(res, 13), sizeof(c->job_state));
	c->job_progress = (int)db_int(res, 14);
	str_copy(c->job_error, db_str(res, 15), sizeof(c->job_error));
	c->printable = (strcmp(db_str(res, 16), "completed") == 0 ||
	    strcmp(db_str(res, 16), "expired") == 0) && db_int(res, 17) == 1;
}

int
certificate_code_valid(const char *code)
{
	size_t	 i;

	for (i = 0; code[i] != '\0'; i++)
		if (i >= CERTIFICATE_CODE_LEN ||
		    strchr(code_alphabet, code[i]) == NULL)
			return 0;
	return i == CERTIFICATE_CODE_LEN;
}

void
certificate_new_code(char out[CERTIFICATE_CODE_LEN + 1])
{
	size_t	 i;

	/* 16 characters of 5 random bits: 80 bits. */
	for (i = 0; i < CERTIFICATE_CODE_LEN; i++)
		out[i] = code_alphabet[randombytes_uniform(32)];
	out[CERTIFICATE_CODE_LEN] = '\0';
}

static enum cert_number_format
format_from_key(const char *key)
{
	int	 i;

	for (i = 0; cert_number_format_keys[i] != NULL; i++)
		if (strcmp(cert_number_format_keys[i], key) == 0)
			return (enum cert_number_format)i;
	return CERT_NUMBER_PLAIN;
}

struct issue {
	long long		 user_id;
	long long		 enrollment_id;
	long long		 actor;
	long long		 impersonator;
	struct certificate	*out;
};

static int
find_issued(struct db *db, long long enrollment_id, const char *completed_on,
    struct certificate *out)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, SELECT_CERTIFICATE "WHERE ct.enrollment_id = ? "
	    "AND ct.completed_on = ?", "ls", enrollment_id, completed_on);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_found(db_next(res))) == DB_OK)
		read_certificate(res, out);
	db_res_free(res);
	return rc;
}

/* Queues the PDF job of a certificate whose file is not written, or puts
 * a failed one back in the queue. */
static int
queue_pdf(struct db *db, struct certificate *c, long long actor)
{
	char	 payload[64], key[64];
	int	 rc;

	if (c->file_name[0] != '\0')
		return DB_OK;
	snprintf(payload, sizeof(payload), "certificate=%lld", c->id);
	snprintf(key, sizeof(key), "certificate:%lld", c->id);
	if ((rc = job_enqueue(db, "certificate_pdf", payload, key, actor,
	    &c->job_id)) != DB_OK)
		return rc;
	rc = job_retry(db, c->job_id);
	return rc == 1 ? DB_OK : rc;
}

static int
issue_txn(struct db *db, void *arg)
{
	struct issue		*is = arg;
	struct certificate	*c = is->out;
	struct db_res		*res;
	char			 status[16], completed[11], expires[11];
	char			 format[32], prefix[30 * 4 + 1], external[50 * 4 + 1];
	char			 today[11], now[27], details[600];
	long long		 family_id, certification_id, user_id, next;
	int			 width, rc;

	rc = db_query(db, &res, "SELECT e.status, COALESCE(e.completed_on, ''), "
	    "COALESCE(e.expires_on, ''), e.family_id, e.certification_id, "
	    "c.external_id, e.user_id FROM enrollments e JOIN certifications c "
	    "ON c.id = e.certification_id WHERE e.id = ? AND "
	    "(? = 0 OR e.user_id = ?)", "lll", is->enrollment_id, is->user_id,
	    is->user_id);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_found(db_next(res))) == DB_OK) {
		str_copy(status, db_str(res, 0), sizeof(status));
		str_copy(completed, db_str(res, 1), sizeof(completed));
		str_copy(expires, db_str(res, 2), sizeof(expires));
		family_id = db_int(res, 3);
		certification_id = db_int(res, 4);
		str_copy(external, db_str(res, 5), sizeof(external));
		user_id = db_int(res, 6);
	}
	db_res_free(res);
	if (rc != DB_OK)
		return rc == 1 ? CERTIFICATE_NOT_FOUND : rc;
	if ((strcmp(status, "completed") != 0 &&
	    strcmp(status, "expired") != 0) || completed[0] == '\0')
		return CERTIFICATE_NOT_ISSUABLE;

	if ((rc = find_issued(db, is->enrollment_id, completed, c)) != 1) {
		if (rc != DB_OK)
			return rc;
		return queue_pdf(db, c, is->actor);
	}

	/* The locking read makes concurrent first prints of one family
	 * wait here on this node.  Across nodes, the UPDATE below that
	 * checks the number read, and the unique keys, decide. */
	rc = db_query(db, &res, "SELECT next_number, number_format, "
	    "number_prefix, number_width FROM certification_families "
	    "WHERE id = ? FOR UPDATE", "l", family_id);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_found(db_next(res))) == DB_OK) {
		next = db_int(res, 0);
		str_copy(format, db_str(res, 1), sizeof(format));
		str_copy(prefix, db_str(res, 2), sizeof(prefix));
		width = (int)db_int(res, 3);
	}
	db_res_free(res);
	if (rc != DB_OK)
		return rc == 1 ? CERTIFICATE_NOT_FOUND : rc;

	memset(c, 0, sizeof(*c));
	c->enrollment_id = is->enrollment_id;
	c->user_id = user_id;
	c->family_id = family_id;
	c->certification_id = certification_id;
	c->number = next;
	str_copy(c->completed_on, completed, sizeof(c->completed_on));
	str_copy(c->expires_on, expires, sizeof(c->expires_on));
	date_format(clock_site_day(clock_now()), today);
	str_copy(c->issued_on, today, sizeof(c->issued_on));
	if (cert_number_preview(format_from_key(format), prefix, width,
	    external, next, clock_site_day(clock_now()), c->number_text,
	    sizeof(c->number_text)) == -1)
		return DB_ERROR;
	certificate_new_code(c->code);

	rc = db_exec(db, "UPDATE certification_families SET next_number = "
	    "next_number + 1, last_issued_number = ? WHERE id = ? AND "
	    "next_number = ?", "lll", next, family_id, next);
	if (rc != DB_OK)
		return rc;
	if (db_affected(db) != 1)
		return DB_RETRY;
	clock_format_sql(clock_now(), now);
	rc = db_exec(db, "INSERT INTO certificates (enrollment_id, "
	    "completed_on, expires_on, user_id, family_id, certification_id, "
	    "number, number_text, verification_code, issued_at, issued_on) "
	    "VALUES (?, ?, NULLIF(?, ''), ?, ?, ?, ?, ?, ?, ?, ?)",
	    "lssllllssss", c->enrollment_id, completed, expires, c->user_id,
	    family_id, certification_id, next, c->number_text, c->code, now,
	    today);
	/* Another request issued this completion's certificate, or drew
	 * the same code: the next run finds the row, or draws again. */
	if (rc == DB_DUPLICATE)
		return DB_RETRY;
	if (rc != DB_OK)
		return rc;
	c->id = (long long)db_insert_id(db);

	snprintf(details, sizeof(details), "certificate %s issued for "
	    "enrollment %lld", c->number_text, c->enrollment_id);
	if ((rc = audit_record(db, is->actor, is->impersonator,
	    "certificate_issue", "user", c->user_id, details)) != DB_OK)
		return rc;
	return queue_pdf(db, c, is->actor);
}

int
certificate_issue(struct db *db, long long user_id, long long enrollment_id,
    long long actor, long long impersonator, struct certificate *out)
{
	struct issue	 is = { user_id, enrollment_id, actor, impersonator,
			    out };

	return db_txn(db, issue_txn, &is);
}

int
certificate_get(struct db *db, long long id, long long user_id,
    struct certificate *out)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, SELECT_CERTIFICATE "WHERE ct.id = ? AND "
	    "(? = 0 OR ct.user_id = ?)", "lll", id, user_id, user_id);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_found(db_next(res))) == DB_OK)
		read_certificate(res, out);
	db_res_free(res);
	return rc == 1 ? CERTIFICATE_NOT_FOUND : rc;
}

int
certificate_set_file(struct db *db, long long id, const char *file_name)
{
	return db_exec(db, "UPDATE certificates SET file_name = ? WHERE id = ?",
	    "sl", file_name, id);
}

int
certificate_check(struct db *db, const char *code,
    struct certificate_check *out)
{
	struct db_res	*res;
	char		 today[11], typed[CERTIFICATE_CODE_LEN + 1];
	size_t		 i;
	int		 rc;

	memset(out, 0, sizeof(*out));
	/* A code typed from paper may be in lower case, or use the
	 * letters that Crockford's base 32 reads as the digits 0 and 1. */
	for (i = 0; code[i] != '\0' && i < CERTIFICATE_CODE_LEN; i++)
		typed[i] = (char)toupper((unsigned char)code[i]);
	typed[i] = '\0';
	if (code[i] != '\0')
		return CERTIFICATE_NOT_FOUND;
	for (i = 0; typed[i] != '\0'; i++) {
		if (typed[i] == 'O')
			typed[i] = '0';
		else if (typed[i] == 'I' || typed[i] == 'L')
			typed[i] = '1';
	}
	code = typed;
	if (!certificate_code_valid(code))
		return CERTIFICATE_NOT_FOUND;
	date_format(clock_site_day(clock_now()), today);
	rc = db_query(db, &res, "SELECT COALESCE(NULLIF(CONCAT_WS(' ', "
	    "NULLIF(u.first_name, ''), NULLIF(u.last_name, '')), ''), "
	    "u.login), c.name, ct.completed_on, "
	    "COALESCE(ct.expires_on, ''), "
	    "IF(e.status IN ('revoked', 'cancelled'), 'revoked', "
	    "IF(ct.expires_on IS NOT NULL "
	    "AND ct.expires_on <= ?, 'expired', 'valid')) "
	    "FROM certificates ct JOIN users u ON u.id = ct.user_id "
	    "JOIN certifications c ON c.id = ct.certification_id "
	    "JOIN enrollments e ON e.id = ct.enrollment_id "
	    "WHERE ct.verification_code = ?", "ss", today, code);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_found(db_next(res))) == DB_OK) {
		str_copy(out->learner_name, db_str(res, 0),
		    sizeof(out->learner_name));
		str_copy(out->certification, db_str(res, 1),
		    sizeof(out->certification));
		str_copy(out->completed_on, db_str(res, 2),
		    sizeof(out->completed_on));
		str_copy(out->expires_on, db_str(res, 3),
		    sizeof(out->expires_on));
		str_copy(out->status, db_str(res, 4), sizeof(out->status));
	}
	db_res_free(res);
	return rc == 1 ? CERTIFICATE_NOT_FOUND : rc;
}

/* Writes a DECIMAL value without trailing zeros ("12.50" as "12.5"),
 * and zero as "". */
static void
trim_decimal(char *s)
{
	size_t	 n;

	if (strchr(s, '.') != NULL) {
		n = strlen(s);
		while (n > 0 && s[n - 1] == '0')
			s[--n] = '\0';
		if (n > 0 && s[n - 1] == '.')
			s[--n] = '\0';
	}
	if (strcmp(s, "0") == 0 || s[0] == '\0')
		s[0] = '\0';
}

int
certificate_print_data(struct db *db, long long id,
    struct certificate_print *out)
{
	struct db_res	*res;
	int		 rc;

	memset(out, 0, sizeof(*out));
	if ((rc = certificate_get(db, id, 0, &out->cert)) != DB_OK)
		return rc;
	/* Credit hours: the completed courses of the certified version. */
	rc = db_query(db, &res, "SELECT COALESCE(NULLIF(CONCAT_WS(' ', "
	    "NULLIF(u.first_name, ''), NULLIF(u.last_name, '')), ''), u.login), IF(c.name_on_certificate = '', "
	    "c.name, c.name_on_certificate), COALESCE(c.certificate_template_id, "
	    "0), COALESCE((SELECT SUM(co.credit_hours) FROM "
	    "certification_courses cc JOIN courses co ON co.id = cc.course_id "
	    "JOIN course_registrations r ON r.course_id = cc.course_id "
	    "AND r.user_id = u.id AND r.status = 'completed' "
	    "WHERE cc.certification_id = c.id), 0) "
	    "FROM users u, certifications c WHERE u.id = ? AND c.id = ?",
	    "ll", out->cert.user_id, out->cert.certification_id);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_found(db_next(res))) == DB_OK) {
		str_copy(out->learner_name, db_str(res, 0),
		    sizeof(out->learner_name));
		str_copy(out->certificate_name, db_str(res, 1),
		    sizeof(out->certificate_name));
		out->template_id = db_int(res, 2);
		str_copy(out->credit_hours, db_str(res, 3),
		    sizeof(out->credit_hours));
		trim_decimal(out->credit_hours);
	}
	db_res_free(res);
	return rc == 1 ? CERTIFICATE_NOT_FOUND : rc;
}
