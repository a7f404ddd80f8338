/*
 * The certification model: validation rules, the next-number rule, the
 * certificate number formats, and, against the real MariaDB of the test
 * stack ($LAUREL_TEST_CONFIG), saving, versions, courses and the cycle
 * check of prerequisites.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "catalog.h"
#include "certification.h"
#include "clock.h"
#include "conf.h"
#include "db.h"
#include "listing.h"
#include "str.h"
#include "tap.h"

static struct config	*cfg;
static struct db	*db;
static char		 suffix[16];
static long long	 catalog_id;

/* Returns the message for field, or NULL when the field is valid. */
static const char *
error_for(const struct cert_errors *e, const char *field)
{
	size_t	 i;

	for (i = 0; i < e->count; i++)
		if (strcmp(e->items[i].field, field) == 0)
			return e->items[i].message;
	return NULL;
}

static int
mentions(const char *message, const char *text)
{
	return message != NULL && strstr(message, text) != NULL;
}

/* A certification that passes every rule. */
static void
valid(struct certification *c)
{
	cert_init(c);
	str_copy(c->name, "Design Basics", sizeof(c->name));
	c->catalog_id = 1;
}

static void
repeat(char *out, const char *s, int n)
{
	out[0] = '\0';
	while (n-- > 0)
		strcat(out, s);
}

static void
test_validate_text(struct certification *c, struct cert_errors *e)
{
	char	 text[CERT_DESC_MAX * 4 + 8];

	valid(c);
	is_int(cert_validate(c, e), 0, "valid certification has no errors");

	c->name[0] = '\0';
	cert_validate(c, e);
	is_str(error_for(e, "name"), "Name is required.", "empty name");
	repeat(text, "x", 201);
	str_copy(c->name, text, sizeof(c->name));
	cert_validate(c, e);
	ok(mentions(error_for(e, "name"), "at most 200 characters"),
	    "201-character name");
	repeat(text, "α", 200);
	str_copy(c->name, text, sizeof(c->name));
	is_int(cert_validate(c, e), 0, "200 Greek characters (400 bytes) "
	    "accepted");
	str_copy(c->name, "a\001b", sizeof(c->name));
	cert_validate(c, e);
	ok(mentions(error_for(e, "name"), "control characters"),
	    "control character in name");

	valid(c);
	repeat(c->description, "d", CERT_DESC_MAX + 1);
	cert_validate(c, e);
	ok(mentions(error_for(e, "description"), "at most 5000"),
	    "description too long");
	str_copy(c->description, "line one\nline two", sizeof(c->description));
	is_int(cert_validate(c, e), 0, "line breaks allowed in description");

	valid(c);
	repeat(c->name_on_certificate, "n", 201);
	cert_validate(c, e);
	ok(mentions(error_for(e, "name_on_certificate"), "at most 200"),
	    "name on certificate too long");
	valid(c);
	repeat(c->external_id, "e", 51);
	cert_validate(c, e);
	ok(mentions(error_for(e, "external_id"), "at most 50"),
	    "external id too long");
	valid(c);
	c->language_code[0] = '\0';
	cert_validate(c, e);
	is_str(error_for(e, "language_code"), "Language is required.",
	    "language missing");
}

static void
test_validate_completion(struct certification *c, struct cert_errors *e)
{
	valid(c);
	c->limit_days = 1;
	cert_validate(c, e);
	ok(mentions(error_for(e, "days_to_complete"), "is required"),
	    "days required when limited");
	c->days_to_complete = 366;
	cert_validate(c, e);
	ok(mentions(error_for(e, "days_to_complete"), "from 1 to 365"),
	    "366 days out of range");
	c->days_to_complete = 365;
	is_int(cert_validate(c, e), 0, "365 days accepted");
	c->limit_days = 0;
	c->days_to_complete = 0;
	is_int(cert_validate(c, e), 0, "no days needed without the limit");

	valid(c);
	c->catalog_id = 0;
	cert_validate(c, e);
	ok(mentions(error_for(e, "catalog_id"), "Catalog is required"),
	    "catalog required for a certification");
	c->availability = CERT_AVAIL_COURSE_GROUP;
	is_int(cert_validate(c, e), 0, "course group needs no catalog");
	c->display_individually = 1;
	is_int(cert_validate(c, e), 0, "course group may display courses "
	    "individually");
	c->availability = CERT_AVAIL_CERTIFICATION;
	c->catalog_id = 1;
	cert_validate(c, e);
	ok(mentions(error_for(e, "display_individually"), "only allowed"),
	    "certification may not display courses individually");

	valid(c);
	c->required_electives = 1;
	cert_validate(c, e);
	ok(mentions(error_for(e, "required_electives"), "must be 0"),
	    "electives without elective courses");
	c->elective_courses = 2;
	c->required_electives = 3;
	cert_validate(c, e);
	ok(mentions(error_for(e, "required_electives"), "more than 2"),
	    "more electives than elective courses");
	c->required_electives = 2;
	is_int(cert_validate(c, e), 0, "electives equal to elective courses");

	valid(c);
	c->expiration = CERT_EXPIRE_INTERVAL;
	cert_validate(c, e);
	ok(mentions(error_for(e, "expire_days"), "at least 1"),
	    "interval needs expire days");
	c->expire_days = 36501;
	cert_validate(c, e);
	ok(mentions(error_for(e, "expire_days"), "at most 36500"),
	    "expire days too large");
	c->expire_days = 1;
	is_int(cert_validate(c, e), 0, "one day interval accepted");
	c->expiration = CERT_EXPIRE_PERPETUAL;
	c->expire_days = 0;
	is_int(cert_validate(c, e), 0, "perpetual needs no expire days");
}

static void
test_validate_prices(struct certification *c, struct cert_errors *e)
{
	valid(c);
	c->priced = 1;
	cert_validate(c, e);
	ok(mentions(error_for(e, "priced"), "at least one price"),
	    "priced without prices");
	ok(mentions(error_for(e, "payment"), "payment option"),
	    "priced without payment option");
	str_copy(c->prices[0].currency, "USD", 4);
	c->prices[0].amount = 14950;
	c->prices[0].row = 0;
	c->n_prices = 1;
	c->pay_voucher = 1;
	is_int(cert_validate(c, e), 0, "priced with a price and a voucher");

	str_copy(c->prices[1].currency, "USD", 4);
	c->prices[1].amount = 100;
	c->prices[1].row = 3;
	c->n_prices = 2;
	cert_validate(c, e);
	ok(mentions(error_for(e, "currency_3"), "already has a price"),
	    "duplicate currency named at its row");
	str_copy(c->prices[1].currency, "XYZ", 4);
	cert_validate(c, e);
	ok(mentions(error_for(e, "currency_3"), "not offered"),
	    "unknown currency");
	str_copy(c->prices[1].currency, "EUR", 4);
	c->prices[1].amount = -1;
	cert_validate(c, e);
	ok(mentions(error_for(e, "amount_3"), "from 0.00"),
	    "negative amount");
	c->prices[1].amount = 0;
	is_int(cert_validate(c, e), 0, "free price of 0.00 accepted");

	c->priced = 0;
	c->pay_voucher = 0;
	is_int(cert_validate(c, e), 0, "prices kept while not priced");
}

static void
test_validate_numbering(struct certification *c, struct cert_errors *e)
{
	valid(c);
	c->number_format = CERT_NUMBER_PREFIX;
	cert_validate(c, e);
	ok(mentions(error_for(e, "number_prefix"), "is required"),
	    "prefix format needs a prefix");
	repeat(c->number_prefix, "p", 31);
	cert_validate(c, e);
	ok(mentions(error_for(e, "number_prefix"), "at most 30"),
	    "prefix too long");
	str_copy(c->number_prefix, "CERT-", sizeof(c->number_prefix));
	is_int(cert_validate(c, e), 0, "prefix format with a prefix");

	c->number_format = CERT_NUMBER_EXTERNAL_YEAR_MONTH;
	cert_validate(c, e);
	ok(mentions(error_for(e, "external_id"), "is required"),
	    "external format needs an external id");
	str_copy(c->external_id, "EXT9", sizeof(c->external_id));
	is_int(cert_validate(c, e), 0, "external format with an id");

	valid(c);
	c->number_width = 0;
	cert_validate(c, e);
	ok(mentions(error_for(e, "number_width"), "from 1 to 12"), "width 0");
	c->number_width = 13;
	cert_validate(c, e);
	ok(mentions(error_for(e, "number_width"), "from 1 to 12"), "width 13");
	c->number_width = 12;
	c->start_number = 0;
	cert_validate(c, e);
	ok(error_for(e, "start_number") != NULL, "start number 0");

	valid(c);
	c->last_issued_number = 41;
	c->next_number = 41;
	cert_validate(c, e);
	ok(mentions(error_for(e, "next_number"), "greater than 41"),
	    "next number at the highest issued");

	valid(c);
	c->name[0] = '\0';
	c->catalog_id = 0;
	c->limit_days = 1;
	c->number_width = 0;
	is_int(cert_validate(c, e), 4, "every invalid field reported at once");
}

static void
test_next_number_rule(void)
{
	char	 msg[256];

	is_int(cert_check_next_number(42, 1, 41, msg, sizeof(msg)), 0,
	    "next above the highest issued");
	is_int(cert_check_next_number(41, 1, 41, msg, sizeof(msg)), -1,
	    "next equal to the highest issued");
	is_str(msg, "Next number must be greater than 41, the highest "
	    "certificate number already issued.", "message names 41");
	is_int(cert_check_next_number(7, 1, 41, msg, sizeof(msg)), -1,
	    "next below the highest issued");
	is_int(cert_check_next_number(1, 1, 0, msg, sizeof(msg)), 0,
	    "first number when none issued");
	is_int(cert_check_next_number(0, 1, 0, msg, sizeof(msg)), -1,
	    "next number 0");
	is_int(cert_check_next_number(5, 10, 0, msg, sizeof(msg)), -1,
	    "next below the start number");
	ok(mentions(msg, "start number, 10"), "message names the start");
	is_int(cert_check_next_number(CERT_NUMBER_MAX + 1, 1, 0, msg,
	    sizeof(msg)), -1, "next above 12 digits");
}

static void
test_preview(void)
{
	char	 out[64], tiny[5];
	day_t	 day;

	date_from_ymd(2026, 12, 3, &day);
	cert_number_preview(CERT_NUMBER_PLAIN, "", 6, "", 42, day, out,
	    sizeof(out));
	is_str(out, "000042", "plain format");
	cert_number_preview(CERT_NUMBER_PREFIX, "CERT-", 6, "", 42, day, out,
	    sizeof(out));
	is_str(out, "CERT-000042", "prefix format");
	cert_number_preview(CERT_NUMBER_YEAR, "CERT-", 6, "", 42, day, out,
	    sizeof(out));
	is_str(out, "2026-000042", "year format");
	cert_number_preview(CERT_NUMBER_EXTERNAL_YEAR_MONTH, "", 6, "EXT9",
	    42, day, out, sizeof(out));
	is_str(out, "EXT9202612-000042", "external id, year and month");
	date_from_ymd(2027, 1, 31, &day);
	cert_number_preview(CERT_NUMBER_EXTERNAL_YEAR_MONTH, "", 3, "X", 7,
	    day, out, sizeof(out));
	is_str(out, "X202701-007", "month padded to two digits");
	cert_number_preview(CERT_NUMBER_PLAIN, "", 1, "", 1234567, day, out,
	    sizeof(out));
	is_str(out, "1234567", "number wider than width is not cut");
	cert_number_preview(CERT_NUMBER_PLAIN, "", 12, "", 1, day, out,
	    sizeof(out));
	is_str(out, "000000000001", "width 12");
	cert_number_preview(CERT_NUMBER_PREFIX, "Ζ-", 4, "", 9, day, out,
	    sizeof(out));
	is_str(out, "Ζ-0009", "UTF-8 prefix kept byte for byte");
	is_int(cert_number_preview(CERT_NUMBER_PLAIN, "", 6, "", 42, day,
	    tiny, sizeof(tiny)), -1, "too small a buffer reported");
}

/* ------------------------------------------------------------ database */

static long long
make_catalog(void)
{
	struct catalog	 k;

	memset(&k, 0, sizeof(k));
	snprintf(k.name, sizeof(k.name), "Unit catalog %s", suffix);
	k.active = 1;
	if (catalog_save(db, &k, 0, 0) != DB_OK)
		return 0;
	return k.id;
}

/* Creates a certification named name with the suffix; returns its id. */
static long long
make_cert(const char *name, struct certification *c)
{
	valid(c);
	snprintf(c->name, sizeof(c->name), "%s %s", name, suffix);
	c->catalog_id = catalog_id;
	if (cert_save(db, c, 0, 0) != DB_OK)
		return 0;
	return c->id;
}

static long long
make_course(const char *code)
{
	char	 full[64], now[27];

	snprintf(full, sizeof(full), "%s-%s", code, suffix);
	clock_format_sql(clock_now(), now);
	if (db_exec(db, "INSERT INTO courses (code, name, description, "
	    "created_at, updated_at) VALUES (?, ?, '', ?, ?)", "ssss", full,
	    full, now, now) != DB_OK)
		return 0;
	return (long long)db_insert_id(db);
}

static long long
make_user_type(const char *name)
{
	char	 full[64], now[27];

	snprintf(full, sizeof(full), "%s %s", name, suffix);
	clock_format_sql(clock_now(), now);
	if (db_exec(db, "INSERT INTO user_types (name, created_at, "
	    "updated_at) VALUES (?, ?, ?)", "sss", full, now, now) != DB_OK)
		return 0;
	return (long long)db_insert_id(db);
}

static long long
make_file(void)
{
	char	 name[64], now[27];

	snprintf(name, sizeof(name), "unit-%s.png", suffix);
	clock_format_sql(clock_now(), now);
	if (db_exec(db, "INSERT INTO files (storage_name, purpose, "
	    "content_type, size_bytes, width, height, created_at) "
	    "VALUES (?, 'certification_image', 'image/png', 1, 1, 1, ?)",
	    "ss", name, now) != DB_OK)
		return 0;
	return (long long)db_insert_id(db);
}

static long long
count(const char *what, long long id)
{
	struct db_res	*res;
	long long	 n = -1;

	if (strcmp(what, "audit") == 0) {
		if (db_query(db, &res, "SELECT COUNT(*) FROM audit_log WHERE "
		    "target_type = 'certification' AND target_id = ?", "l",
		    id) != DB_OK)
			return -1;
	} else if (strcmp(what, "prerequisites") == 0) {
		if (db_query(db, &res, "SELECT COUNT(*) FROM "
		    "certification_prerequisites WHERE certification_id = ?",
		    "l", id) != DB_OK)
			return -1;
	} else if (db_query(db, &res, "SELECT COUNT(*) FROM "
	    "certification_courses WHERE certification_id = ?", "l", id) !=
	    DB_OK)
		return -1;
	if (db_next(res) == 1)
		n = db_int(res, 0);
	db_res_free(res);
	return n;
}

static void
test_save(struct certification *c, struct certification *got)
{
	long long	 id, type;

	id = make_cert("Saved", c);
	ok(id > 0, "certification created");
	is_int(c->version, 1, "first version is 1");
	is_int(cert_get(db, id, got), DB_OK, "certification loads");
	is_str(got->name_on_certificate, "",
	    "empty name on certificate stays empty, for the current name");
	is_int(got->newest_version, 1, "newest version is 1");
	is_int(got->next_number, 1, "numbering starts at 1");
	is_int(cert_get(db, 999999999999LL, got), CERT_NOT_FOUND,
	    "unknown id not found");

	type = make_user_type("Partner");
	c->user_types[0] = type;
	c->n_user_types = 1;
	str_copy(c->prices[0].currency, "EUR", 4);
	c->prices[0].amount = 9900;
	c->n_prices = 1;
	c->limit_days = 1;
	c->days_to_complete = 30;
	str_copy(c->description, "Ακαδημία <b>&</b>", sizeof(c->description));
	is_int(cert_save(db, c, 0, 0), DB_OK, "certification updated");
	cert_get(db, id, got);
	is_int(got->n_user_types, 1, "user type saved");
	is_int(got->user_types[0], type, "the right user type");
	is_int(got->n_prices, 1, "price saved");
	is_int(got->prices[0].amount, 9900, "amount saved in hundredths");
	is_int(got->days_to_complete, 30, "days to complete saved");
	is_str(got->description, "Ακαδημία <b>&</b>",
	    "UTF-8 and markup stored byte for byte");
	is_int(count("audit", id), 2, "create and update audited");

	db_exec(db, "UPDATE certification_families SET "
	    "last_issued_number = 41, next_number = 42 WHERE id = ?", "l",
	    c->family_id);
	c->next_number = 41;
	is_int(cert_save(db, c, 0, 0), CERT_NEXT_TOO_LOW,
	    "next number at the highest issued rejected by save");
	is_int(c->last_issued_number, 41, "highest issued number returned");
	c->next_number = 50;
	is_int(cert_save(db, c, 0, 0), DB_OK, "next number above it saved");

	c->required_electives = 1;
	is_int(cert_save(db, c, 0, 0), CERT_ELECTIVES,
	    "electives without elective courses rejected by save");
}

static void
test_courses(struct certification *c)
{
	struct cert_course	 set[3], *got = NULL;
	size_t			 n = 0;
	int			 required = 0;
	long long		 id;

	id = make_cert("Courses", c);
	memset(set, 0, sizeof(set));
	set[0].course_id = make_course("C1");
	set[0].requirement = CERT_REQ_REQUIRED;
	set[0].position = 30;
	set[1].course_id = make_course("C2");
	set[1].requirement = CERT_REQ_ELECTIVE;
	set[1].position = 10;
	set[2].course_id = make_course("C3");
	set[2].requirement = CERT_REQ_ELECTIVE;
	set[2].position = 10;
	is_int(cert_courses_save(db, id, set, 3, &required, 0, 0), DB_OK,
	    "courses saved");
	cert_courses(db, id, &got, &n);
	is_int(n, 3, "three courses");
	if (n == 3) {
		is_int(got[0].position, 1, "order renumbered from 1");
		ok(strncmp(got[0].code, "C2", 2) == 0 &&
		    strncmp(got[1].code, "C3", 2) == 0 &&
		    strncmp(got[2].code, "C1", 2) == 0,
		    "sorted by order, ties keep their order");
		is_int(got[2].position, 3, "last is 3");
	}
	free(got);

	cert_get(db, id, c);
	is_int(c->elective_courses, 2, "two electives counted");
	c->required_electives = 2;
	is_int(cert_save(db, c, 0, 0), DB_OK, "two required electives saved");
	set[0].course_id = set[1].course_id;
	set[0].requirement = CERT_REQ_ELECTIVE;
	is_int(cert_courses_save(db, id, set, 1, &required, 0, 0),
	    CERT_ELECTIVES, "dropping below required electives rejected");
	is_int(required, 2, "required electives returned");
	is_int(count("courses", id), 3, "rejected save changed nothing");
	set[0].course_id = 999999999999LL;
	is_int(cert_courses_save(db, id, set, 1, &required, 0, 0),
	    CERT_UNKNOWN_CHOICE, "unknown course rejected");
}

static int
save_prereqs(long long id, const long long *families, size_t n,
    char *cycle, size_t cyclesz)
{
	return cert_prerequisites_save(db, id, families, n, CERT_RULE_ALL,
	    cycle, cyclesz, 0, 0);
}

static void
test_cycles(struct certification *c)
{
	long long	 a, b, cc, fa, fb, fc, path[16], set[2], w, x, y, z;
	long long	 fw, fx, fy, fz, b2;
	size_t		 len;
	char		 cycle[1024], expected[512];

	a = make_cert("Design Basics", c);
	fa = c->family_id;
	b = make_cert("Advanced Design", c);
	fb = c->family_id;
	cc = make_cert("Expert Design", c);
	fc = c->family_id;

	is_int(cert_find_cycle(db, fa, &fa, 1, path, &len, 16), 1,
	    "a certification requiring itself is a cycle");
	is_int(len, 2, "self cycle has two entries");
	is_int(save_prereqs(a, &fa, 1, cycle, sizeof(cycle)), CERT_CYCLE,
	    "saving itself as prerequisite rejected");
	snprintf(expected, sizeof(expected), "Design Basics %s → "
	    "Design Basics %s", suffix, suffix);
	is_str(cycle, expected, "self cycle named");

	is_int(save_prereqs(b, &fa, 1, cycle, sizeof(cycle)), DB_OK,
	    "B requires A");
	is_int(cert_find_cycle(db, fa, &fb, 1, path, &len, 16), 1,
	    "A requiring B is a direct cycle");
	is_int(save_prereqs(a, &fb, 1, cycle, sizeof(cycle)), CERT_CYCLE,
	    "direct cycle rejected");
	snprintf(expected, sizeof(expected), "Design Basics %s → "
	    "Advanced Design %s → Design Basics %s", suffix, suffix, suffix);
	is_str(cycle, expected, "direct cycle named");

	is_int(save_prereqs(cc, &fb, 1, cycle, sizeof(cycle)), DB_OK,
	    "C requires B");
	is_int(save_prereqs(a, &fc, 1, cycle, sizeof(cycle)), CERT_CYCLE,
	    "longer cycle rejected");
	snprintf(expected, sizeof(expected), "Design Basics %s → "
	    "Expert Design %s → Advanced Design %s → Design Basics %s",
	    suffix, suffix, suffix, suffix);
	is_str(cycle, expected, "longer cycle named in order");
	is_int(count("prerequisites", a), 0, "rejected saves left A without "
	    "prerequisites");

	w = make_cert("Diamond W", c);
	fw = c->family_id;
	x = make_cert("Diamond X", c);
	fx = c->family_id;
	y = make_cert("Diamond Y", c);
	fy = c->family_id;
	z = make_cert("Diamond Z", c);
	fz = c->family_id;
	(void)z;
	save_prereqs(x, &fz, 1, cycle, sizeof(cycle));
	save_prereqs(y, &fz, 1, cycle, sizeof(cycle));
	set[0] = fx;
	set[1] = fy;
	is_int(cert_find_cycle(db, fw, set, 2, path, &len, 16), 0,
	    "diamond is no cycle");
	is_int(save_prereqs(w, set, 2, cycle, sizeof(cycle)), DB_OK,
	    "diamond saved");
	set[0] = 999999999999LL;
	is_int(save_prereqs(w, set, 1, cycle, sizeof(cycle)),
	    CERT_UNKNOWN_CHOICE, "unknown family rejected");

	/* Only the newest versions' prerequisites count. */
	is_int(cert_new_version(db, b, &b2, 0, 0), DB_OK, "B version 2");
	is_int(save_prereqs(b2, NULL, 0, cycle, sizeof(cycle)), DB_OK,
	    "B version 2 requires nothing");
	is_int(save_prereqs(a, &fb, 1, cycle, sizeof(cycle)), DB_OK,
	    "A may now require B");
	is_int(save_prereqs(b, NULL, 0, cycle, sizeof(cycle)),
	    CERT_READ_ONLY, "old version's prerequisites are read-only");
}

static void
test_versions(struct certification *c, struct certification *got)
{
	struct cert_course	 set[2], *courses = NULL;
	struct cert_row		*rows = NULL, *prereqs = NULL;
	struct listing		 l;
	struct cert_filter	 f = { 0, -1, -1, 0 };
	long long		 id, req_id, v2 = 0, v3 = 0, type, file;
	size_t			 n, np = 0;
	int			 required;
	char			 cycle[256], pattern[64];

	req_id = make_cert("Required first", c);
	(void)req_id;
	type = make_user_type("Reseller");
	id = make_cert("Versioned", c);
	c->user_types[0] = type;
	c->n_user_types = 1;
	str_copy(c->prices[0].currency, "USD", 4);
	c->prices[0].amount = 12345;
	str_copy(c->prices[1].currency, "GBP", 4);
	c->prices[1].amount = 0;
	c->n_prices = 2;
	c->priced = 1;
	c->pay_purchase_order = 1;
	c->expiration = CERT_EXPIRE_INTERVAL;
	c->expire_days = 730;
	str_copy(c->external_id, "EXT9", sizeof(c->external_id));
	c->number_format = CERT_NUMBER_EXTERNAL_YEAR_MONTH;
	cert_save(db, c, 0, 0);
	memset(set, 0, sizeof(set));
	set[0].course_id = make_course("V1");
	set[0].requirement = CERT_REQ_REQUIRED;
	set[1].course_id = make_course("V2");
	set[1].requirement = CERT_REQ_ELECTIVE;
	cert_courses_save(db, id, set, 2, &required, 0, 0);
	cert_get(db, req_id, got);
	cert_prerequisites_save(db, id, &got->family_id, 1, CERT_RULE_ANY,
	    cycle, sizeof(cycle), 0, 0);

	file = make_file();
	is_int(cert_set_image(db, id, 0, file, 0, 0), DB_OK, "image set");
	is_int(cert_set_image(db, id, 1, file, 0, 0), DB_OK, "icon set");

	is_int(cert_new_version(db, id, &v2, 0, 0), DB_OK, "version 2 made");
	cert_get(db, id, c);
	is_int(cert_get(db, v2, got), DB_OK, "version 2 loads");
	is_int(got->version, 2, "it is version 2");
	is_int(got->family_id, c->family_id, "same family");
	is_str(got->name, c->name, "name copied");
	is_int(got->expire_days, 730, "expiry copied");
	is_str(got->external_id, "EXT9", "external id copied");
	is_int(got->priced && got->pay_purchase_order, 1, "pricing copied");
	is_int(got->prerequisite_rule, CERT_RULE_ANY, "rule copied");
	is_int(got->n_user_types == 1 && got->user_types[0] == type, 1,
	    "user types copied");
	is_int(got->n_prices, 2, "prices copied");
	is_int(got->elective_courses, 1, "elective count copied");
	is_int(got->image_file_id, file, "image copied");
	is_int(got->icon_file_id, file, "icon copied");
	cert_courses(db, v2, &courses, &n);
	is_int(n, 2, "courses copied");
	if (n == 2)
		is_int(courses[1].requirement, CERT_REQ_ELECTIVE,
		    "requirements copied");
	free(courses);
	cert_prerequisites(db, v2, &prereqs, &np);
	is_int(np, 1, "prerequisites copied");
	free(prereqs);
	is_int(c->newest_version, 2, "version 1 knows it was replaced");
	is_int(c->newest_id, v2, "and by which row");

	is_int(cert_save(db, c, 0, 0), CERT_READ_ONLY, "version 1 read-only");
	is_int(cert_new_version(db, id, &v3, 0, 0), CERT_READ_ONLY,
	    "no new version from version 1");
	is_int(cert_set_image(db, id, 0, 0, 0, 0), CERT_READ_ONLY,
	    "version 1 image read-only");
	is_int(cert_courses_save(db, id, set, 2, &required, 0, 0),
	    CERT_READ_ONLY, "version 1 courses read-only");

	is_int(cert_versions(db, c->family_id, &rows, &n), DB_OK,
	    "versions listed");
	is_int(n, 2, "two versions");
	if (n == 2)
		is_int(rows[0].version, 2, "newest first");
	free(rows);

	memset(&l, 0, sizeof(l));
	snprintf(pattern, sizeof(pattern), "Versioned %s", suffix);
	l.q = pattern;
	listing_prepare(&l);
	is_int(cert_list(db, &l, &f, &rows, &n), DB_OK, "list loads");
	is_int(n, 1, "list shows one row per family");
	if (n == 1) {
		is_int(rows[0].id, v2, "the newest version");
		is_int(rows[0].versions, 2, "with its count of versions");
	}
	free(rows);
}

int
main(void)
{
	const char		*path = getenv("LAUREL_TEST_CONFIG");
	struct certification	*c, *got;
	struct cert_errors	 e;
	char			 err[256];

	test_next_number_rule();
	test_preview();
	if ((c = calloc(2, sizeof(*c))) == NULL)
		return 1;
	got = c + 1;
	test_validate_text(c, &e);
	test_validate_completion(c, &e);
	test_validate_prices(c, &e);
	test_validate_numbering(c, &e);

	if (path == NULL) {
		printf("Bail out! LAUREL_TEST_CONFIG is not set\n");
		return 1;
	}
	if ((cfg = config_load(path, err, sizeof(err))) == NULL) {
		printf("Bail out! %s\n", err);
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
	auth_random_password(suffix, 8);
	catalog_id = make_catalog();
	ok(catalog_id > 0, "catalog for the tests");

	test_save(c, got);
	test_courses(c);
	test_cycles(c);
	test_versions(c, got);

	free(c);
	db_close(db);
	config_free(cfg);
	return tap_done();
}
