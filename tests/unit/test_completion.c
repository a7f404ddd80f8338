/*
 * The completion engine against the test database: required courses,
 * N of M electives, Not Applicable courses, retakes, prerequisites under
 * "all" and "any", older versions, revocation, follow-ups, the completion
 * e-mail and the calendar boundaries of completion and expiry dates.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "clock.h"
#include "completion.h"
#include "conf.h"
#include "db.h"
#include "tap.h"

static struct db	*db;
static struct config	*cfg;
static char		 tag[16];
static int		 serial;

static long long
insert(const char *what, int rc)
{
	if (rc != DB_OK) {
		printf("Bail out! cannot insert %s: %s\n", what, db_error(db));
		exit(1);
	}
	return (long long)db_insert_id(db);
}

static long long
make_user(void)
{
	char	 login[64], email[80];

	snprintf(login, sizeof(login), "c%d-%s", ++serial, tag);
	snprintf(email, sizeof(email), "%s@example.org", login);
	return insert("user", db_exec(db, "INSERT INTO users (login, email, "
	    "first_name, last_name, role, created_at, updated_at) VALUES "
	    "(?, ?, 'Zoë', 'Ångström', 'learner', NOW(6), NOW(6))", "ss",
	    login, email));
}

static long long
make_course(void)
{
	char	 code[40];

	snprintf(code, sizeof(code), "K%d-%s", ++serial, tag);
	return insert("course", db_exec(db, "INSERT INTO courses (code, name, "
	    "description, created_at, updated_at) VALUES (?, ?, '', NOW(6), "
	    "NOW(6))", "ss", code, code));
}

/* A certification version; family 0 makes a new family.  Returns the
 * version id and sets *family. */
static long long
make_cert(long long *family, int version, int electives, const char *rule,
    int expire_days, int no_email)
{
	char	 name[40];

	if (*family == 0)
		*family = insert("family", db_exec(db, "INSERT INTO "
		    "certification_families (created_at) VALUES (NOW(6))", ""));
	snprintf(name, sizeof(name), "Cert %d %s", ++serial, tag);
	/* Only the highest version of a family is the newest, as a new
	 * version made in the admin site leaves it; the admin lists show
	 * the newest versions only. */
	(void)insert("newest version mark", db_exec(db, "UPDATE "
	    "certifications SET is_newest = 0 WHERE family_id = ? AND "
	    "version < ?", "li", *family, version));
	return insert("certification", db_exec(db, "INSERT INTO "
	    "certifications (family_id, version, name, description, "
	    "required_electives, prerequisite_rule, expiration_type, "
	    "expire_days, disable_completion_email, provisional, created_at, "
	    "updated_at) VALUES (?, ?, ?, '', ?, ?, ?, NULLIF(?, 0), ?, 1, "
	    "NOW(6), NOW(6))", "lisissii", *family, version, name, electives,
	    rule, expire_days ? "interval" : "perpetual", expire_days,
	    no_email));
}

static void
add_course(long long cert, long long course, const char *requirement)
{
	insert("certification course", db_exec(db, "INSERT INTO "
	    "certification_courses VALUES (?, ?, ?, 1)", "lls", cert, course,
	    requirement));
}

static void
enrol(long long user, long long family, long long cert)
{
	insert("enrolment", db_exec(db, "INSERT INTO enrollments (user_id, "
	    "family_id, certification_id, method, enrolled_at, enrolled_on) "
	    "VALUES (?, ?, ?, 'admin', NOW(6), '2019-01-01')", "lll", user,
	    family, cert));
}

static int
result(long long user, long long course, enum course_result status,
    const char *day)
{
	struct result	 r;
	day_t		 d;
	int		 completed = 0;

	memset(&r, 0, sizeof(r));
	date_parse(day, &d);
	r.user_id = user;
	r.course_id = course;
	r.status = status;
	r.day = d;
	if (completion_record(db, cfg, &r, &completed) != DB_OK) {
		printf("Bail out! completion_record: %s\n", db_error(db));
		exit(1);
	}
	return completed;
}

/* Prints "status completed_on expires_on" of the user's enrolment. */
static const char *
state(long long user, long long family)
{
	static char	 out[64];
	struct db_res	*res;

	strcpy(out, "?");
	if (db_query(db, &res, "SELECT CONCAT_WS(' ', status, "
	    "COALESCE(completed_on, '-'), COALESCE(expires_on, '-')) "
	    "FROM enrollments WHERE user_id = ? AND family_id = ?", "ll", user,
	    family) == DB_OK) {
		if (db_next(res) == 1)
			snprintf(out, sizeof(out), "%s", db_str(res, 0));
		db_res_free(res);
	}
	return out;
}

static long long
count(const char *sql_kind, long long a, long long b)
{
	struct db_res	*res;
	long long	 n = -1;
	int		 rc;

	if (strcmp(sql_kind, "registrations") == 0)
		rc = db_query(db, &res, "SELECT COUNT(*) FROM course_registrations "
		    "WHERE user_id = ? AND course_id = ?", "ll", a, b);
	else
		rc = db_query(db, &res, "SELECT COUNT(*) FROM mail_outbox "
		    "WHERE user_id = ? AND kind = 'completion' AND ? = ?", "lll",
		    a, b, b);
	if (rc != DB_OK)
		return -1;
	if (db_next(res) == 1)
		n = db_int(res, 0);
	db_res_free(res);
	return n;
}

static void
test_required_only(void)
{
	long long	 u = make_user(), fam = 0, c1 = make_course();
	long long	 c2 = make_course(), cert;

	cert = make_cert(&fam, 1, 0, "all", 0, 0);
	add_course(cert, c1, "required");
	add_course(cert, c2, "required");
	enrol(u, fam, cert);
	is_int(result(u, c1, RESULT_COMPLETED, "2024-03-01"), 0,
	    "one of two required: not complete");
	is_str(state(u, fam), "in_progress - -", "still in progress");
	is_int(result(u, c2, RESULT_COMPLETED, "2024-03-05"), 1,
	    "second required completes it");
	is_str(state(u, fam), "completed 2024-03-05 -",
	    "perpetual: completed on the last course's day, no expiry");
	is_int(count("mail", u, 0), 1, "completion e-mail queued");
}

static void
test_electives(void)
{
	long long	 u = make_user(), fam = 0, e1 = make_course();
	long long	 e2 = make_course(), e3 = make_course(), na = make_course();
	long long	 cert;

	cert = make_cert(&fam, 1, 2, "all", 0, 1);
	add_course(cert, e1, "elective");
	add_course(cert, e2, "elective");
	add_course(cert, e3, "elective");
	add_course(cert, na, "none");
	enrol(u, fam, cert);
	result(u, na, RESULT_COMPLETED, "2024-01-01");
	is_str(state(u, fam), "in_progress - -",
	    "Not Applicable course counts for nothing");
	result(u, e3, RESULT_COMPLETED, "2024-02-10");
	is_str(state(u, fam), "in_progress - -", "1 of 2 electives: not yet");
	result(u, e1, RESULT_FAILED, "2024-02-11");
	is_str(state(u, fam), "in_progress - -", "a failed elective does not count");
	result(u, e1, RESULT_COMPLETED, "2024-02-20");
	is_str(state(u, fam), "completed 2024-02-20 -",
	    "retake after a fail completes it on the pass day");
	is_int(count("mail", u, 0), 0, "completion e-mail disabled");
	result(u, e1, RESULT_FAILED, "2024-03-01");
	is_str(state(u, fam), "completed 2024-02-20 -",
	    "a later failed attempt changes nothing");
}

static void
test_completion_day(void)
{
	long long	 u = make_user(), fam = 0, r = make_course();
	long long	 e1 = make_course(), e2 = make_course(), cert;

	/* Results recorded out of order: the completion day is the first
	 * day all rules held, not the day of the last recording. */
	cert = make_cert(&fam, 1, 1, "all", 0, 0);
	add_course(cert, r, "required");
	add_course(cert, e1, "elective");
	add_course(cert, e2, "elective");
	enrol(u, fam, cert);
	result(u, e2, RESULT_COMPLETED, "2024-05-20");
	result(u, e1, RESULT_COMPLETED, "2024-05-03");
	result(u, r, RESULT_COMPLETED, "2024-05-10");
	is_str(state(u, fam), "completed 2024-05-10 -",
	    "day is when required and the first elective both held");
}

static void
test_expiry_dates(void)
{
	long long	 u = make_user(), fam = 0, c = make_course(), cert;
	long long	 u2 = make_user(), fam2 = 0, cert2, c2 = make_course();

	cert = make_cert(&fam, 1, 0, "all", 365, 0);
	add_course(cert, c, "required");
	enrol(u, fam, cert);
	result(u, c, RESULT_COMPLETED, "2019-04-01");
	is_str(state(u, fam), "completed 2019-04-01 2020-03-31",
	    "365 days from 2019-04-01 is 2020-03-31");

	/* A daylight-saving change inside the interval moves nothing. */
	cert2 = make_cert(&fam2, 1, 0, "all", 30, 0);
	add_course(cert2, c2, "required");
	enrol(u2, fam2, cert2);
	result(u2, c2, RESULT_COMPLETED, "2024-03-01");
	is_str(state(u2, fam2), "completed 2024-03-01 2024-03-31",
	    "30 days across the March clock change");
}

static void
test_new_york_day(void)
{
	usec_t	 t;
	day_t	 d;
	char	 s[11];

	/* 19:50 in New York on 2023-11-13 is 00:50 UTC on the 14th. */
	clock_init("America/New_York");
	clock_parse_iso("2023-11-14T00:50:00Z", &t);
	d = clock_site_day(t);
	date_format(d, s);
	is_str(s, "2023-11-13", "evening completion dated in the site zone");
	clock_init("UTC");
}

static void
test_prerequisites(void)
{
	long long	 u = make_user(), fa = 0, fb = 0, fall = 0, fany = 0;
	long long	 ca = make_course(), cb = make_course(), cx = make_course();
	long long	 a, b, all, any;

	a = make_cert(&fa, 1, 0, "all", 0, 1);
	add_course(a, ca, "required");
	b = make_cert(&fb, 1, 0, "all", 0, 1);
	add_course(b, cb, "required");
	all = make_cert(&fall, 1, 0, "all", 0, 1);
	add_course(all, cx, "required");
	insert("prerequisites", db_exec(db, "INSERT INTO "
	    "certification_prerequisites VALUES (?, ?), (?, ?)", "llll", all, fa,
	    all, fb));
	any = make_cert(&fany, 1, 0, "any", 0, 1);
	add_course(any, cx, "required");
	insert("prerequisites", db_exec(db, "INSERT INTO "
	    "certification_prerequisites VALUES (?, ?), (?, ?)", "llll", any, fa,
	    any, fb));
	enrol(u, fa, a);
	enrol(u, fb, b);
	enrol(u, fall, all);
	enrol(u, fany, any);

	result(u, cx, RESULT_COMPLETED, "2024-06-01");
	is_str(state(u, fall), "in_progress - -", "all: courses done, no prerequisite");
	is_str(state(u, fany), "in_progress - -", "any: courses done, no prerequisite");
	is_int(result(u, ca, RESULT_COMPLETED, "2024-06-05"), 2,
	    "completing A also completes the any-certification");
	is_str(state(u, fany), "completed 2024-06-05 -",
	    "any: completed on the day the first prerequisite held");
	is_str(state(u, fall), "in_progress - -", "all: one of two is not enough");
	result(u, cb, RESULT_COMPLETED, "2024-06-09");
	is_str(state(u, fall), "completed 2024-06-09 -",
	    "all: completed when the last prerequisite held");
}

static void
test_older_version(void)
{
	long long	 u = make_user(), fam = 0, c1 = make_course();
	long long	 c2 = make_course(), v1, v2;

	v1 = make_cert(&fam, 1, 0, "all", 0, 1);
	add_course(v1, c1, "required");
	v2 = make_cert(&fam, 2, 0, "all", 0, 1);
	add_course(v2, c1, "required");
	add_course(v2, c2, "required");
	enrol(u, fam, v1);
	result(u, c1, RESULT_COMPLETED, "2024-07-01");
	is_str(state(u, fam), "completed 2024-07-01 -",
	    "a learner on version 1 completes by version 1's rules");
}

static void
test_followups(void)
{
	long long	 u = make_user(), base = make_course(), on_pass;
	long long	 on_fail = make_course(), on_done = make_course();

	on_pass = make_course();
	insert("follow-ups", db_exec(db, "INSERT INTO course_followups VALUES "
	    "(?, ?, 'pass'), (?, ?, 'fail'), (?, ?, 'complete')", "llllll",
	    base, on_pass, base, on_fail, base, on_done));
	result(u, base, RESULT_FAILED, "2024-08-01");
	is_int(count("registrations", u, on_fail), 1, "fail registers the fail follow-up");
	is_int(count("registrations", u, on_pass), 0, "but not the pass one");
	result(u, base, RESULT_COMPLETED, "2024-08-02");
	is_int(count("registrations", u, on_pass), 1, "pass registers the pass follow-up");
	is_int(count("registrations", u, on_done), 1, "and the completion one");
	result(u, base, RESULT_FAILED, "2024-08-03");
	is_int(count("registrations", u, on_fail), 1, "a follow-up is never added twice");
}

static void
test_revocation(void)
{
	struct db_res	*res;
	long long	 u = make_user(), fam = 0, c = make_course(), cert, eid = 0;

	cert = make_cert(&fam, 1, 0, "all", 0, 1);
	add_course(cert, c, "required");
	enrol(u, fam, cert);
	result(u, c, RESULT_COMPLETED, "2024-09-01");
	if (db_query(db, &res, "SELECT id FROM enrollments WHERE user_id = ?",
	    "l", u) == DB_OK) {
		if (db_next(res) == 1)
			eid = db_int(res, 0);
		db_res_free(res);
	}
	ok(eid > 0, "enrolment found");
	is_int(completion_revoke(db, eid, "", 0, 0), 1, "a reason is required");
	is_int(completion_revoke(db, eid, "Audit found a gap", 0, 0), DB_OK,
	    "provisional completion revoked");
	is_str(state(u, fam), "revoked 2024-09-01 -", "shown as revoked");
	is_int(completion_revoke(db, eid, "again", 0, 0), 1,
	    "a revoked one cannot be revoked again");
}

int
main(void)
{
	const char	*path = getenv("LAUREL_TEST_CONFIG");
	char		 err[256];

	if (path == NULL || (cfg = config_load(path, err, sizeof(err))) == NULL) {
		printf("Bail out! LAUREL_TEST_CONFIG is not set or invalid\n");
		return 1;
	}
	auth_init();
	db_library_init();
	clock_init("UTC");
	db = db_open(cfg);
	if (db_connect(db) != DB_OK) {
		printf("Bail out! cannot connect: %s\n", db_error(db));
		return 1;
	}
	auth_random_password(tag, 8);
	test_required_only();
	test_electives();
	test_completion_day();
	test_expiry_dates();
	test_new_york_day();
	test_prerequisites();
	test_older_version();
	test_followups();
	test_revocation();
	db_close(db);
	config_free(cfg);
	return tap_done();
}
