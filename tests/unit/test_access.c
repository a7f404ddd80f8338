/*
 * The access rules and enrolment against the test database: a table of
 * cases over user type, group subscription, active, availability and
 * prerequisites under "all" and "any", then idempotent and automatic
 * enrolment.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "access.h"
#include "auth.h"
#include "clock.h"
#include "conf.h"
#include "db.h"
#include "enroll.h"
#include "tap.h"

/* The configuration main loads, for the functions that need it. */
static struct config	*cfg;

static struct db	*db;
static char		 tag[16];

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
make_type(const char *name)
{
	char	 n[64];

	snprintf(n, sizeof(n), "%s %s", name, tag);
	return insert("user type", db_exec(db, "INSERT INTO user_types "
	    "(name, created_at, updated_at) VALUES (?, NOW(6), NOW(6))", "s",
	    n));
}

static long long
make_user(const char *name, long long type_id)
{
	char	 login[64];

	snprintf(login, sizeof(login), "%s-%s", name, tag);
	return insert("user", db_exec(db, "INSERT INTO users (login, role, "
	    "user_type_id, created_at, updated_at) VALUES (?, 'learner', "
	    "NULLIF(?, 0), NOW(6), NOW(6))", "sl", login, type_id));
}

static long long
make_group(const char *name)
{
	char	 n[64];

	snprintf(n, sizeof(n), "%s %s", name, tag);
	return insert("group", db_exec(db, "INSERT INTO user_groups (name, "
	    "created_at, updated_at) VALUES (?, NOW(6), NOW(6))", "s", n));
}

/* Makes a family with one version; returns the family id and sets
 * *version_id. */
static long long
make_cert(const char *name, int active, const char *availability,
    const char *rule, long long type_id, long long *version_id)
{
	long long	 family;

	family = insert("family", db_exec(db, "INSERT INTO "
	    "certification_families (created_at) VALUES (NOW(6))", ""));
	*version_id = insert("certification", db_exec(db, "INSERT INTO "
	    "certifications (family_id, version, name, description, active, "
	    "availability, prerequisite_rule, created_at, updated_at) "
	    "VALUES (?, 1, ?, '', ?, ?, ?, NOW(6), NOW(6))", "lsiss", family,
	    name, active, availability, rule));
	if (type_id != 0)
		insert("user type link", db_exec(db, "INSERT INTO "
		    "certification_user_types VALUES (?, ?)", "ll",
		    *version_id, type_id));
	return family;
}

static void
subscribe(long long group, long long family, int auto_enroll)
{
	insert("subscription", db_exec(db, "INSERT INTO "
	    "user_group_certifications (group_id, family_id, auto_enroll, "
	    "created_at) VALUES (?, ?, ?, NOW(6))", "lli", group, family,
	    auto_enroll));
}

static void
complete(long long user, long long family, long long version,
    const char *expires)
{
	insert("completion", db_exec(db, "INSERT INTO enrollments (user_id, "
	    "family_id, certification_id, method, enrolled_at, enrolled_on, "
	    "status, completed_on, expires_on) VALUES (?, ?, ?, 'import', "
	    "NOW(6), '2020-01-01', 'completed', '2020-01-02', ?)", "llls",
	    user, family, version, expires));
}

/* Returns the denial bits for the family, or -1 when not listed. */
static int
verdict(long long user, long long family, struct access_item *it)
{
	int	 rc = access_check(db, user, family, it);

	if (rc == 1)
		return -1;
	if (rc != DB_OK) {
		printf("Bail out! access_check: %s\n", db_error(db));
		exit(1);
	}
	return (int)it->denied;
}

static void
test_access_table(void)
{
	struct access_item	 it;
	long long		 emp, partner, group, other_group, ann, bob, cid;
	long long		 open, typed, off, cg, pre_a, pre_b, all, any, v;
	long long		 unsub;

	emp = make_type("Employee");
	partner = make_type("Partner");
	group = make_group("Sales");
	other_group = make_group("Support");
	ann = make_user("ann", emp);
	bob = make_user("bob", partner);
	db_exec(db, "INSERT INTO user_group_members VALUES (?, ?, NOW(6))",
	    "ll", group, ann);
	db_exec(db, "INSERT INTO user_group_members VALUES (?, ?, NOW(6))",
	    "ll", group, bob);

	open = make_cert("Open", 1, "certification", "all", emp, &cid);
	typed = make_cert("Partners only", 1, "certification", "all", partner,
	    &cid);
	off = make_cert("Inactive", 0, "certification", "all", emp, &cid);
	cg = make_cert("Course group", 1, "course_group", "all", emp, &cid);
	pre_a = make_cert("Prereq A", 1, "certification", "all", emp, &v);
	pre_b = make_cert("Prereq B", 1, "certification", "all", emp, &cid);
	all = make_cert("Needs all", 1, "certification", "all", emp, &cid);
	db_exec(db, "INSERT INTO certification_prerequisites VALUES (?, ?), "
	    "(?, ?)", "llll", cid, pre_a, cid, pre_b);
	any = make_cert("Needs any", 1, "certification", "any", emp, &cid);
	db_exec(db, "INSERT INTO certification_prerequisites VALUES (?, ?), "
	    "(?, ?)", "llll", cid, pre_a, cid, pre_b);
	unsub = make_cert("Unsubscribed", 1, "certification", "all", emp,
	    &cid);

	subscribe(group, open, 1);
	subscribe(group, typed, 0);
	subscribe(group, off, 1);
	subscribe(group, cg, 0);
	subscribe(group, all, 0);
	subscribe(group, any, 0);
	subscribe(other_group, unsub, 0);

	is_int(verdict(ann, open, &it), 0, "type allowed, subscribed: open");
	is_int(verdict(ann, typed, &it), DENY_USER_TYPE,
	    "type not allowed: denied for the type");
	is_int(verdict(bob, typed, &it), 0, "partner may take partners only");
	is_int(verdict(ann, off, &it), DENY_INACTIVE, "inactive: denied");
	is_int(verdict(ann, cg, &it), 0, "course group follows the same rules");
	ok(it.course_group == 1, "course group flagged");
	is_int(verdict(ann, unsub, &it), -1, "no subscribed group: not listed");
	is_int(verdict(ann, all, &it), DENY_PREREQUISITES,
	    "all: nothing completed: denied");
	is_int(it.nmissing, 2, "all: both prerequisites named");
	is_int(verdict(ann, any, &it), DENY_PREREQUISITES,
	    "any: nothing completed: denied");

	complete(ann, pre_a, v, NULL);
	is_int(verdict(ann, all, &it), DENY_PREREQUISITES,
	    "all: one of two completed: denied");
	is_int(it.nmissing, 1, "all: the missing one named");
	is_int(it.missing[0], pre_b, "missing prerequisite is B");
	is_int(verdict(ann, any, &it), 0, "any: one completed: open");
	is_int(verdict(bob, any, &it), DENY_USER_TYPE | DENY_PREREQUISITES,
	    "reasons combine");

	db_exec(db, "UPDATE enrollments SET expires_on = '2000-01-01' "
	    "WHERE user_id = ? AND family_id = ?", "ll", ann, pre_a);
	is_int(verdict(ann, any, &it), DENY_PREREQUISITES,
	    "expired prerequisite does not count");
}

struct auto_run {
	long long	 user_id;
	int		 enrolled;
};

static int
auto_txn(struct db *d, void *arg)
{
	struct auto_run	*a = arg;

	return enroll_auto_in_txn(d, cfg, a->user_id, &a->enrolled);
}

static long long
count(const char *what, long long user, long long family)
{
	struct db_res	*res;
	long long	 n = -1;
	int		 rc;

	if (strcmp(what, "enrollments") == 0)
		rc = db_query(db, &res, "SELECT COUNT(*) FROM enrollments "
		    "WHERE user_id = ? AND family_id = ?", "ll", user, family);
	else
		rc = db_query(db, &res, "SELECT COUNT(*) FROM "
		    "course_registrations WHERE user_id = ?", "l", user);
	if (rc != DB_OK)
		return -1;
	if (db_next(res) == 1)
		n = db_int(res, 0);
	db_res_free(res);
	return n;
}

static void
test_enrolment(void)
{
	struct auto_run	 a = { 0, 0 };
	struct db_res	*res;
	long long	 type, group, carl, dora, erin, fam, fam2, cid, course;
	long long	 families[2];
	int		 enrolled, refused;
	char		 code[40];

	type = make_type("Staff");
	group = make_group("Auto");
	carl = make_user("carl", type);
	dora = make_user("dora", 0);
	db_exec(db, "INSERT INTO user_group_members VALUES (?, ?, NOW(6)), "
	    "(?, ?, NOW(6))", "llll", group, carl, group, dora);
	fam = make_cert("Auto cert", 1, "certification", "all", type, &cid);
	db_exec(db, "UPDATE certifications SET days_to_complete = 30 "
	    "WHERE id = ?", "l", cid);
	snprintf(code, sizeof(code), "AC-%s", tag);
	course = insert("course", db_exec(db, "INSERT INTO courses (code, "
	    "name, description, created_at, updated_at) VALUES (?, 'Intro', "
	    "'', NOW(6), NOW(6))", "s", code));
	db_exec(db, "INSERT INTO certification_courses VALUES (?, ?, "
	    "'required', 1)", "ll", cid, course);
	fam2 = make_cert("Manual cert", 1, "certification", "all", type, &cid);
	subscribe(group, fam, 1);
	subscribe(group, fam2, 0);

	families[0] = fam2;
	families[1] = fam2;
	is_int(enroll_many(db, cfg, carl, families, 2, ENROLL_ADMIN, 0, 0,
	    &enrolled, &refused), DB_OK, "enrol twice in one request");
	is_int(enrolled, 1, "one enrolment made");
	is_int(enroll_many(db, cfg, carl, families, 1, ENROLL_ADMIN, 0, 0,
	    &enrolled, &refused), DB_OK, "enrol again");
	is_int(enrolled, 0, "second request makes none");
	is_int(count("enrollments", carl, fam2), 1, "one row in the table");
	is_int(enroll_many(db, cfg, dora, families, 1, ENROLL_ADMIN, 0, 0,
	    &enrolled, &refused), DB_OK, "enrol a user without the type");
	is_int(refused, 1, "access refused the user without the type");
	is_int(count("enrollments", dora, fam2), 0, "and made no row");

	/* 2026-03-01T12:00:00Z; 30 days later is 2026-03-31. */
	clock_fix(1772366400000000LL);
	a.user_id = carl;
	is_int(db_txn(db, auto_txn, &a), DB_OK, "auto-enrolment runs");
	is_int(a.enrolled, 1, "auto-enrols in the Auto Enroll subscription only");
	is_int(count("enrollments", carl, fam), 1, "enrolled in the auto one");
	is_int(count("registrations", carl, 0), 1,
	    "registered in the certification's course");
	if (db_query(db, &res, "SELECT enrolled_on, complete_by, method "
	    "FROM enrollments WHERE user_id = ? AND family_id = ?", "ll", carl,
	    fam) == DB_OK && db_next(res) == 1) {
		is_str(db_str(res, 0), "2026-03-01", "enrolled on today");
		is_str(db_str(res, 1), "2026-03-31", "complete by +30 days");
		is_str(db_str(res, 2), "auto", "method recorded");
	} else {
		ok(0, "enrolment row readable");
	}
	db_res_free(res);
	a.enrolled = 0;
	is_int(db_txn(db, auto_txn, &a), DB_OK, "auto-enrolment again");
	is_int(a.enrolled, 0, "nothing new the second time");

	/* Erin passed the required course before she was enrolled: the new
	 * enrolment is complete at once. */
	erin = make_user("erin", type);
	db_exec(db, "INSERT INTO user_group_members VALUES (?, ?, NOW(6))",
	    "ll", group, erin);
	db_exec(db, "INSERT INTO course_registrations (user_id, course_id, "
	    "method, registered_at, status, score, completed_on) VALUES "
	    "(?, ?, 'admin', NOW(6), 'completed', 90, '2026-02-20')", "ll",
	    erin, course);
	a.user_id = erin;
	a.enrolled = 0;
	is_int(db_txn(db, auto_txn, &a), DB_OK, "auto-enrolment of erin runs");
	is_int(a.enrolled, 1, "erin is auto-enrolled");
	if (db_query(db, &res, "SELECT status, COALESCE(completed_on, '') "
	    "FROM enrollments WHERE user_id = ? AND family_id = ?", "ll", erin,
	    fam) == DB_OK && db_next(res) == 1) {
		is_str(db_str(res, 0), "completed",
		    "enrolment after the course was passed is completed");
		is_str(db_str(res, 1), "2026-02-20", "completed on the day the "
		    "rules first held");
	} else {
		ok(0, "erin's enrolment row readable");
	}
	db_res_free(res);
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
	test_access_table();
	test_enrolment();
	db_close(db);
	config_free(cfg);
	return tap_done();
}
