/*
 * Vouchers and purchase orders against the test database: voucher codes,
 * the expiry date at the boundaries of the site's calendar day, every
 * redemption outcome with what it leaves in the database, and purchase
 * orders from submission to approval or rejection.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "clock.h"
#include "conf.h"
#include "db.h"
#include "enroll.h"
#include "payment.h"
#include "tap.h"

/* The configuration main loads, for the functions that need it. */
static struct config	*cfg;

static struct db	*db;
static char		 tag[16];
static long long	 type_id, group_id;

static long long
insert(const char *what, int rc)
{
	if (rc != DB_OK) {
		printf("Bail out! cannot insert %s: %s\n", what, db_error(db));
		exit(1);
	}
	return (long long)db_insert_id(db);
}

/* Returns the first column of the first row of a query with one id. */
static long long
scalar(int rc, struct db_res *res)
{
	long long	 v = -1;

	if (rc != DB_OK) {
		printf("Bail out! query failed: %s\n", db_error(db));
		exit(1);
	}
	if (db_next(res) == 1)
		v = db_int(res, 0);
	db_res_free(res);
	return v;
}

static long long
uses_count(long long voucher_id)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, "SELECT uses_count FROM vouchers WHERE id = ?",
	    "l", voucher_id);
	return scalar(rc, res);
}

static long long
redemptions(long long voucher_id)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, "SELECT COUNT(*) FROM voucher_redemptions "
	    "WHERE voucher_id = ?", "l", voucher_id);
	return scalar(rc, res);
}

/* Returns 1 when the user has a live enrolment in the family. */
static long long
enrolled(long long user, long long family)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, "SELECT COUNT(*) FROM enrollments "
	    "WHERE user_id = ? AND family_id = ? AND status <> 'cancelled'",
	    "ll", user, family);
	return scalar(rc, res);
}

static long long
make_user(const char *name)
{
	char		 login[64];
	long long	 id;

	snprintf(login, sizeof(login), "%s-%s", name, tag);
	id = insert("user", db_exec(db, "INSERT INTO users (login, role, "
	    "user_type_id, created_at, updated_at) VALUES (?, 'learner', ?, "
	    "NOW(6), NOW(6))", "sl", login, type_id));
	insert("membership", db_exec(db, "INSERT INTO user_group_members "
	    "VALUES (?, ?, NOW(6))", "ll", group_id, id));
	return id;
}

/* Makes a subscribed family with one version and the given options. */
static long long
make_cert(const char *name, int priced, int voucher, int po)
{
	char		 n[64];
	long long	 family, version;

	snprintf(n, sizeof(n), "%s %s", name, tag);
	family = insert("family", db_exec(db, "INSERT INTO "
	    "certification_families (created_at) VALUES (NOW(6))", ""));
	version = insert("certification", db_exec(db, "INSERT INTO "
	    "certifications (family_id, version, name, description, priced, "
	    "pay_voucher, pay_purchase_order, created_at, updated_at) "
	    "VALUES (?, 1, ?, '', ?, ?, ?, NOW(6), NOW(6))", "lsiii", family,
	    n, priced, voucher, po));
	insert("user type link", db_exec(db, "INSERT INTO "
	    "certification_user_types VALUES (?, ?)", "ll", version, type_id));
	insert("subscription", db_exec(db, "INSERT INTO "
	    "user_group_certifications (group_id, family_id, auto_enroll, "
	    "created_at) VALUES (?, ?, 0, NOW(6))", "ll", group_id, family));
	return family;
}

/* Enrols user in family as an administrator would. */
static void
admin_enroll(long long user, long long family)
{
	int	 refused, n;

	if (enroll_many(db, cfg, user, &family, 1, ENROLL_ADMIN, 1, 0, &n,
	    &refused) != DB_OK || n != 1) {
		printf("Bail out! cannot enrol user %lld\n", user);
		exit(1);
	}
}

/* Creates a voucher through the library; bails out when that fails. */
static long long
make_voucher(long long family, const char *code, long long uses,
    const char *expires_on, struct payment_voucher *v)
{
	int	 rc;

	memset(v, 0, sizeof(*v));
	v->family_id = family;
	v->uses_allowed = uses;
	snprintf(v->code, sizeof(v->code), "%s", code);
	snprintf(v->expires_on, sizeof(v->expires_on), "%s", expires_on);
	if ((rc = payment_voucher_create(db, v, 1, 0)) != DB_OK) {
		printf("Bail out! payment_voucher_create %s: %d %s\n", code, rc,
		    db_error(db));
		exit(1);
	}
	return v->id;
}

static void
test_codes(void)
{
	static const struct {
		const char	*in;
		const char	*out;	/* NULL when invalid */
	} cases[] = {
		{ "abcd", "ABCD" },
		{ "k7qm-x2pa-9rte", "K7QM-X2PA-9RTE" },
		{ "----", "----" },
		{ "abc", NULL },
		{ "1234567890123456789012345678901234567890",
		    "1234567890123456789012345678901234567890" },
		{ "12345678901234567890123456789012345678901", NULL },
		{ "AB CD", NULL },
		{ "AB_CD", NULL },
		{ "\xc3\xa9t\xc3\xa9s", NULL },
		{ "", NULL },
	};
	char	 out[PAYMENT_CODE_MAX + 1];
	size_t	 i;
	int	 rc;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		rc = payment_code_normalize(cases[i].in, out);
		if (cases[i].out == NULL)
			is_int(rc, -1, "code \"%s\" is invalid", cases[i].in);
		else if (is_int(rc, 0, "code \"%s\" is valid", cases[i].in))
			is_str(out, cases[i].out, "code \"%s\" in capitals",
			    cases[i].in);
	}
}

static void
test_generated(void)
{
	struct payment_voucher	 v, w;
	long long		 family;
	size_t			 i;
	int			 good = 1;

	family = make_cert("Generated", 1, 1, 0);
	make_voucher(family, "", 1, "2099-12-31", &v);
	make_voucher(family, "", 1, "2099-12-31", &w);
	is_int((long long)strlen(v.code), PAYMENT_CODE_GENERATED,
	    "generated code has 14 characters");
	for (i = 0; v.code[i] != '\0'; i++) {
		if (i == 4 || i == 9)
			good &= v.code[i] == '-';
		else
			good &= strchr("23456789ABCDEFGHJKMNPQRSTUVWXYZ",
			    v.code[i]) != NULL && v.code[i] != '\0';
	}
	ok(good, "generated code %s is three groups of four unambiguous "
	    "characters", v.code);
	ok(strcmp(v.code, w.code) != 0, "two generated codes differ");

	memset(&w, 0, sizeof(w));
	w.family_id = make_cert("Free", 0, 1, 0);
	w.uses_allowed = 1;
	snprintf(w.expires_on, sizeof(w.expires_on), "2099-12-31");
	is_int(payment_voucher_create(db, &w, 1, 0), PAYMENT_NOT_OFFERED,
	    "no voucher for a free certification");
	memset(&w, 0, sizeof(w));
	w.family_id = family;
	w.uses_allowed = 1;
	snprintf(w.code, sizeof(w.code), "%s", v.code);
	snprintf(w.expires_on, sizeof(w.expires_on), "2099-12-31");
	is_int(payment_voucher_create(db, &w, 1, 0), DB_DUPLICATE,
	    "a taken code is a duplicate");
}

/* Sets the clock to "YYYY-MM-DDTHH:MM:SSZ". */
static void
at(const char *iso)
{
	usec_t	 t;

	if (clock_parse_iso(iso, &t) == -1) {
		printf("Bail out! bad time %s\n", iso);
		exit(1);
	}
	clock_fix(t);
}

/*
 * The site is in New York: 2030-06-02T03:59:59Z is still 1 June there
 * (UTC-4 in summer), and 04:00:00Z is 2 June.  A voucher that expires on
 * 1 June is valid through the last second of that day in New York.
 */
static void
test_expiry(void)
{
	struct payment_voucher	 v;
	char			 code[41], expires[11];
	long long		 family, ann, bob, id;

	family = make_cert("Expiry", 1, 1, 0);
	ann = make_user("exp-ann");
	bob = make_user("exp-bob");
	snprintf(code, sizeof(code), "EXP-%s", tag);
	id = make_voucher(family, code, 5, "2030-06-01", &v);

	clock_init("America/New_York");
	at("2030-06-02T04:00:00Z");
	is_int(payment_voucher_redeem(db, cfg, ann, family, code, 0, expires),
	    PAYMENT_EXPIRED, "expired on the next day in the site's zone");
	is_str(expires, "2030-06-01", "expired result carries the last day");
	is_int(uses_count(id), 0, "expired voucher not counted");
	at("2030-06-02T03:59:59Z");
	is_int(payment_voucher_redeem(db, cfg, bob, family, code, 0, expires),
	    DB_OK, "valid on its last day in the site's zone");
	is_int(uses_count(id), 1, "last-day use counted");
	is_int(enrolled(bob, family), 1, "last-day use enrols");
	clock_init("UTC");
}

static void
test_redeem(void)
{
	struct payment_voucher	 v;
	char			 code[41], other_code[41], expires[11];
	long long		 family, other, ann, bob, cat, id, other_id;

	clock_init("UTC");
	at("2030-03-01T12:00:00Z");
	family = make_cert("Redeem", 1, 1, 0);
	other = make_cert("Elsewhere", 1, 1, 0);
	ann = make_user("red-ann");
	bob = make_user("red-bob");
	cat = make_user("red-cat");
	snprintf(code, sizeof(code), "RED-%s", tag);
	snprintf(other_code, sizeof(other_code), "ELS-%s", tag);
	id = make_voucher(family, code, 2, "2030-03-01", &v);
	other_id = make_voucher(other, other_code, 1, "2030-03-01", &v);

	is_int(payment_voucher_redeem(db, cfg, ann, family, "NO-SUCH-CODE", 0,
	    expires), PAYMENT_UNKNOWN_CODE, "unknown code");
	is_int(payment_voucher_redeem(db, cfg, ann, family, "bad code!", 0,
	    expires), PAYMENT_UNKNOWN_CODE, "malformed code is unknown");
	is_int(payment_voucher_redeem(db, cfg, ann, family, other_code, 0,
	    expires), PAYMENT_OTHER_FAMILY, "voucher of another family");
	is_int(uses_count(other_id), 0, "other family's voucher not counted");

	/* Already enrolled by an admin: nothing is taken. */
	admin_enroll(cat, family);
	is_int(payment_voucher_redeem(db, cfg, cat, family, code, 0, expires),
	    PAYMENT_ENROLLED, "enrolled learner keeps the voucher");
	is_int(uses_count(id), 0, "no use taken from an enrolled learner");
	is_int(redemptions(id), 0, "no redemption row for an enrolled learner");

	is_int(payment_voucher_redeem(db, cfg, ann, family, code, 0, expires),
	    DB_OK, "valid voucher redeemed");
	is_int(enrolled(ann, family), 1, "redemption enrols");
	is_int(uses_count(id), 1, "one use counted");
	db_exec(db, "UPDATE enrollments SET status = 'cancelled' "
	    "WHERE user_id = ? AND family_id = ?", "ll", ann, family);
	is_int(payment_voucher_redeem(db, cfg, ann, family, code, 0, expires),
	    PAYMENT_USED_BY_YOU, "second use by the same learner");
	is_int(uses_count(id), 1, "second use not counted");
	is_int(enrolled(ann, family), 0, "second use does not enrol again");

	is_int(payment_voucher_redeem(db, cfg, bob, family, code, 0, expires),
	    DB_OK, "last use redeemed");
	db_exec(db, "UPDATE enrollments SET status = 'cancelled' "
	    "WHERE user_id = ? AND family_id = ?", "ll", cat, family);
	is_int(payment_voucher_redeem(db, cfg, cat, family, code, 0, expires),
	    PAYMENT_USED_UP, "no use left");
	is_int(uses_count(id), 2, "count stays at the uses allowed");
	is_int(redemptions(id), 2, "one redemption row per use");

	db_exec(db, "UPDATE users SET user_type_id = NULL WHERE id = ?", "l",
	    cat);
	is_int(payment_voucher_redeem(db, cfg, cat, other, other_code, 0, expires),
	    PAYMENT_NO_ACCESS, "learner without access cannot redeem");
	db_exec(db, "UPDATE certifications SET pay_voucher = 0 "
	    "WHERE family_id = ?", "l", other);
	is_int(payment_voucher_redeem(db, cfg, bob, other, other_code, 0, expires),
	    PAYMENT_NOT_OFFERED, "certification without vouchers refuses one");
	is_int(uses_count(other_id), 0, "refused redemptions take no use");
}

static void
test_purchase_orders(void)
{
	struct payment_po	 p;
	long long		 family, none, ann, bob, first, second;
	int			 created;

	family = make_cert("Order", 1, 0, 1);
	none = make_cert("NoOrder", 1, 1, 0);
	ann = make_user("po-ann");
	bob = make_user("po-bob");

	is_int(payment_po_submit(db, ann, none, "PO-1", 0, &created),
	    PAYMENT_NOT_OFFERED, "no purchase order where it is off");
	is_int(payment_po_latest(db, ann, family, &p), PAYMENT_NOT_FOUND,
	    "no purchase order yet");
	is_int(payment_po_submit(db, ann, family, "PO-1", 0, &created), DB_OK,
	    "purchase order submitted");
	is_int(created, 1, "submission made a request");
	is_int(payment_po_submit(db, ann, family, "po-1", 0, &created), DB_OK,
	    "same number again (any case) is the same request");
	is_int(created, 0, "double submit made nothing new");
	is_int(payment_po_submit(db, ann, family, "PO-2", 0, &created),
	    PAYMENT_PENDING, "another number while one waits");
	is_int(payment_po_latest(db, ann, family, &p), DB_OK,
	    "pending order found");
	is_str(p.status, "pending", "latest order is pending");
	first = p.id;

	is_int(payment_po_reject(db, first, "No budget", 1, 0), DB_OK,
	    "order rejected");
	is_int(payment_po_reject(db, first, "Again", 1, 0), PAYMENT_DECIDED,
	    "rejecting twice");
	is_int(payment_po_approve(db, cfg, first, 1, 0), PAYMENT_DECIDED,
	    "approving a rejected order");
	payment_po_latest(db, ann, family, &p);
	is_str(p.reason, "No budget", "rejection reason kept");
	is_int(enrolled(ann, family), 0, "rejection does not enrol");
	is_int(payment_po_submit(db, ann, family, "PO-1", 0, &created),
	    PAYMENT_DECIDED, "a rejected number cannot come back");
	is_int(payment_po_submit(db, ann, family, "PO-2", 0, &created), DB_OK,
	    "a new number after the rejection");
	payment_po_latest(db, ann, family, &p);
	second = p.id;
	is_str(p.po_number, "PO-2", "latest order is the new one");

	db_exec(db, "UPDATE users SET user_type_id = NULL WHERE id = ?", "l",
	    ann);
	is_int(payment_po_approve(db, cfg, second, 1, 0), PAYMENT_NO_ACCESS,
	    "approval needs the learner's access");
	payment_po_get(db, second, &p);
	is_str(p.status, "pending", "refused approval leaves it pending");
	db_exec(db, "UPDATE users SET user_type_id = ? WHERE id = ?", "ll",
	    type_id, ann);
	is_int(payment_po_approve(db, cfg, second, 1, 0), DB_OK, "order approved");
	is_int(enrolled(ann, family), 1, "approval enrols");
	is_int(payment_po_approve(db, cfg, second, 1, 0), PAYMENT_DECIDED,
	    "approving twice");
	is_int(payment_po_approve(db, cfg, 999999999999LL, 1, 0),
	    PAYMENT_NOT_FOUND, "unknown order");
	is_int(payment_po_submit(db, ann, family, "PO-3", 0, &created),
	    PAYMENT_ENROLLED, "no purchase order once enrolled");

	/* Enrolled some other way while the order waited. */
	payment_po_submit(db, bob, family, "PO-B", 0, &created);
	payment_po_latest(db, bob, family, &p);
	admin_enroll(bob, family);
	is_int(payment_po_approve(db, cfg, p.id, 1, 0), PAYMENT_ENROLLED,
	    "approval for an enrolled learner refused");
	payment_po_get(db, p.id, &p);
	is_str(p.status, "pending", "and the order stays pending");
}

/* Gives family's version one required course, which user passed on
 * 2030-02-20, before any enrolment. */
static void
passed_before(long long family, long long user, const char *code)
{
	struct db_res	*res;
	long long	 version, course;
	char		 c[64];
	int		 rc;

	rc = db_query(db, &res, "SELECT id FROM certifications "
	    "WHERE family_id = ?", "l", family);
	version = scalar(rc, res);
	snprintf(c, sizeof(c), "%s-%s", code, tag);
	course = insert("course", db_exec(db, "INSERT INTO courses (code, "
	    "name, description, created_at, updated_at) VALUES (?, ?, '', "
	    "NOW(6), NOW(6))", "ss", c, c));
	insert("course link", db_exec(db, "INSERT INTO certification_courses "
	    "VALUES (?, ?, 'required', 1)", "ll", version, course));
	insert("result", db_exec(db, "INSERT INTO course_registrations "
	    "(user_id, course_id, method, registered_at, status, score, "
	    "completed_on) VALUES (?, ?, 'admin', NOW(6), 'completed', 90, "
	    "'2030-02-20')", "ll", user, course));
}

/* Writes the status and completion date of user's enrolment in family
 * to out, as "completed 2030-02-20", or "none". */
static void
enrolment_state(long long user, long long family, char *out, size_t outsz)
{
	struct db_res	*res;

	snprintf(out, outsz, "none");
	if (db_query(db, &res, "SELECT status, COALESCE(completed_on, '-') "
	    "FROM enrollments WHERE user_id = ? AND family_id = ?", "ll", user,
	    family) != DB_OK)
		return;
	if (db_next(res) == 1)
		snprintf(out, outsz, "%s %s", db_str(res, 0), db_str(res, 1));
	db_res_free(res);
}

/* A learner who passed the courses before paying is completed by the
 * voucher or the approved purchase order that enrols them. */
static void
test_completes_at_once(void)
{
	struct payment_voucher	 v;
	struct payment_po	 p;
	char			 code[41], expires[11], state[40];
	long long		 by_voucher, by_order, dana, emil;
	int			 created;

	at("2030-03-01T12:00:00Z");
	by_voucher = make_cert("Paid ahead", 1, 1, 0);
	by_order = make_cert("Ordered ahead", 1, 0, 1);
	dana = make_user("ahead-dana");
	emil = make_user("ahead-emil");
	passed_before(by_voucher, dana, "AHV");
	passed_before(by_order, emil, "AHO");

	snprintf(code, sizeof(code), "AHEAD-%s", tag);
	make_voucher(by_voucher, code, 1, "2030-03-31", &v);
	is_int(payment_voucher_redeem(db, cfg, dana, by_voucher, code, 0,
	    expires), DB_OK, "voucher after the course was passed");
	enrolment_state(dana, by_voucher, state, sizeof(state));
	is_str(state, "completed 2030-02-20", "voucher enrolment completed");

	is_int(payment_po_submit(db, emil, by_order, "PO-AHEAD", 0, &created),
	    DB_OK, "order after the course was passed");
	payment_po_latest(db, emil, by_order, &p);
	is_int(payment_po_approve(db, cfg, p.id, 1, 0), DB_OK,
	    "order approved");
	enrolment_state(emil, by_order, state, sizeof(state));
	is_str(state, "completed 2030-02-20", "approved order's enrolment "
	    "completed");
}

int
main(void)
{
	const char	*path = getenv("LAUREL_TEST_CONFIG");
	char		 err[256], name[64];

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
	snprintf(name, sizeof(name), "Payers %s", tag);
	type_id = insert("user type", db_exec(db, "INSERT INTO user_types "
	    "(name, created_at, updated_at) VALUES (?, NOW(6), NOW(6))", "s",
	    name));
	group_id = insert("group", db_exec(db, "INSERT INTO user_groups "
	    "(name, created_at, updated_at) VALUES (?, NOW(6), NOW(6))", "s",
	    name));

	test_codes();
	test_generated();
	test_expiry();
	test_redeem();
	test_purchase_orders();
	test_completes_at_once();
	db_close(db);
	config_free(cfg);
	return tap_done();
}
