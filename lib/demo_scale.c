/*
 * Generated demo data for benchmarks.
 *
 * Rows go in by up to ROWS_PER_STATEMENT per INSERT.  The rows of a
 * statement are one JSON array, bound as a single value, which JSON_TABLE
 * (MariaDB 10.6 and later) turns back into rows.  So each statement is a
 * literal with a fixed number of placeholders, whatever the row count.
 * INSERT ... RETURNING (MariaDB 10.5 and later) returns the new ids in
 * insertion order, and each id is checked against a key of its row.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "audit.h"
#include "auth.h"
#include "clock.h"
#include "db.h"
#include "demo.h"
#include "demo_names.h"
#include "log.h"
#include "str.h"

#define ROWS_PER_STATEMENT	500
#define COURSES_PER_TXN		4000
#define CERTS_PER_TXN		500	/* about 5,000 rows with their links */
#define USERS_PER_TXN		2000	/* about 4,500 rows with memberships */
#define MAX_CERT_COURSES	5

/* Salts of the random streams, one per table. */
#define SALT_COURSE	0x636f7572736573ULL
#define SALT_CERT	0x63657274696669ULL
#define SALT_USER	0x6c6561726e6572ULL

/* A JSON array of rows under construction, one JSON array per row. */
struct rows {
	struct buf	 json;
	int		 count;		/* finished rows */
	int		 fields;	/* fields of the row being built */
	int		 failed;	/* memory ran out */
};

/* One certification as generated, before it has ids. */
struct cert_spec {
	char		 name[801];
	char		 description[1001];
	const char	*language;
	int		 course_group;
	int		 days_to_complete;	/* 0 for no limit */
	long long	 catalog_id;		/* 0 for a course group */
	int		 required_electives;
	int		 expire_days;		/* 0 when perpetual */
	char		 external_id[51];
	const char	*number_format;
	char		 number_prefix[31];
	int		 price;			/* index into prices, or -1 */
	int		 pay_card;
	long long	 prerequisite;		/* a certification index, or -1 */
	int		 types;			/* bit k: user type k may enrol */
	long long	 courses[MAX_CERT_COURSES];	/* course indexes */
	const char	*requirements[MAX_CERT_COURSES];
	int		 ncourses;
	long long	 groups[2];		/* group indexes */
	int		 auto_enroll[2];
	int		 ngroups;
};

struct scale {
	long long		 learners, ncerts, ncourses, ngroups;
	long long		 ncatalogs;
	char			 hash[AUTH_HASH_LEN];
	char			 now[27];
	struct demo_contents	*found;

	/* Ids of rows in committed transactions, by generated index. */
	long long		 types[3];
	long long		*catalogs, *groups, *courses, *families;

	/* The rows of the current transaction: [first, end). */
	long long		 first, end;
	struct rows		 rows;
	struct cert_spec	*specs;			/* CERTS_PER_TXN */
	long long		*cert_ids;		/* CERTS_PER_TXN */
	long long		 user_ids[ROWS_PER_STATEMENT];
};

static const struct {
	const char	*eur;
	const char	*usd;
} prices[] = {
	{ "190.00", "210.00" }, { "290.00", "320.00" },
	{ "390.00", "430.00" }, { "490.00", "540.00" },
	{ "990.00", "1090.00" },
};

/* ---------------------------------------------------------------- rows */

static void
rows_reset(struct rows *r)
{
	buf_reset(&r->json);
	r->count = 0;
	r->fields = 0;
	r->failed = 0;
}

static void
rows_put(struct rows *r, const char *s)
{
	if (buf_puts(&r->json, s) == -1)
		r->failed = 1;
}

static void
rows_begin(struct rows *r)
{
	rows_put(r, r->count == 0 ? "[[" : ",[");
	r->fields = 0;
}

static void
rows_next_field(struct rows *r)
{
	if (r->fields++ > 0)
		rows_put(r, ",");
}

/* Appends a JSON string.  Names are UTF-8 already, so only quotes,
 * backslashes and control characters need escapes. */
static void
rows_str(struct rows *r, const char *s)
{
	char	 escape[8];

	rows_next_field(r);
	rows_put(r, "\"");
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\') {
			escape[0] = '\\';
			escape[1] = *s;
			escape[2] = '\0';
			rows_put(r, escape);
		} else if ((unsigned char)*s < 0x20) {
			snprintf(escape, sizeof(escape), "\\u%04x",
			    (unsigned char)*s);
			rows_put(r, escape);
		} else if (buf_append(&r->json, s, 1) == -1)
			r->failed = 1;
	}
	rows_put(r, "\"");
}

static void
rows_int(struct rows *r, long long v)
{
	rows_next_field(r);
	if (buf_printf(&r->json, "%lld", v) == -1)
		r->failed = 1;
}

static void
rows_end(struct rows *r)
{
	rows_put(r, "]");
	r->count++;
}

/* Closes the array and returns its text, or NULL when memory ran out. */
static const char *
rows_json(struct rows *r)
{
	rows_put(r, "]");
	return r->failed ? NULL : r->json.data;
}

/* Writes the key that the row at index of a table must have. */
typedef void	(*key_fn)(const struct scale *, long long index, char *out,
		    size_t outsz);

/*
 * Reads the rows of an INSERT ... RETURNING into ids[0..want): column 0
 * is the id and column 1, when key is not NULL, must equal the key of row
 * first + i.  Frees res.
 */
static int
read_ids(struct db_res *res, long long *ids, int want, key_fn key,
    const struct scale *s, long long first)
{
	char	 expected[256];
	int	 i = 0, rc;

	while ((rc = db_next(res)) == 1 && i < want) {
		if (key != NULL) {
			key(s, first + i, expected, sizeof(expected));
			if (strcmp(db_str(res, 1), expected) != 0)
				break;
		}
		ids[i++] = db_int(res, 0);
	}
	db_res_free(res);
	if (rc < 0)
		return rc;
	if (i != want) {
		log_error("demo: INSERT ... RETURNING gave %d of %d rows as "
		    "expected", i, want);
		return DB_ERROR;
	}
	return DB_OK;
}

/* ---------------------------------------------------------------- setup */

static void
group_name(const struct scale *s, long long i, char *out, size_t outsz)
{
	(void)s;
	demo_group_name(i, out, outsz);
}

static int
insert_groups(struct db *db, struct scale *s, long long first)
{
	struct db_res	*res;
	const char	*json;
	int		 rc;

	if ((json = rows_json(&s->rows)) == NULL)
		return DB_ERROR;
	rc = db_query(db, &res, "INSERT INTO user_groups (name, description, "
	    "created_at, updated_at) SELECT j.name, j.description, ?, ? "
	    "FROM JSON_TABLE(?, '$[*]' COLUMNS (n FOR ORDINALITY, "
	    "name VARCHAR(150) PATH '$[0]', "
	    "description VARCHAR(1000) PATH '$[1]')) j "
	    "ORDER BY j.n RETURNING id, name", "sss", s->now, s->now, json);
	if (rc != DB_OK)
		return rc;
	rc = read_ids(res, s->groups + first, s->rows.count, group_name, s,
	    first);
	rows_reset(&s->rows);
	return rc;
}

static int
add_groups(struct db *db, struct scale *s)
{
	char		 name[200];
	long long	 i, first = 0;
	int		 rc;

	rows_reset(&s->rows);
	for (i = 0; i < s->ngroups; i++) {
		demo_group_name(i, name, sizeof(name));
		rows_begin(&s->rows);
		rows_str(&s->rows, name);
		rows_str(&s->rows, "Generated for benchmarks.");
		rows_end(&s->rows);
		if (s->rows.count == ROWS_PER_STATEMENT || i + 1 == s->ngroups) {
			if ((rc = insert_groups(db, s, first)) != DB_OK)
				return rc;
			first = i + 1;
		}
	}
	return DB_OK;
}

static int
setup_txn(struct db *db, void *arg)
{
	struct scale	*s = arg;
	char		 name[200], details[200];
	long long	 i;
	int		 rc;

	if ((rc = demo_check_empty(db, s->found)) != DB_OK)
		return rc;
	if ((rc = demo_add_user_types(db, s->types)) != DB_OK)
		return rc;
	for (i = 0; i < s->ncatalogs; i++) {
		demo_catalog_name(i, name, sizeof(name));
		rc = db_exec(db, "INSERT INTO catalogs (name, description, "
		    "active, created_at, updated_at) VALUES (?, "
		    "'Generated for benchmarks.', 1, ?, ?) "
		    "ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)", "sss",
		    name, s->now, s->now);
		if (rc != DB_OK)
			return rc;
		if ((rc = db_upserted_id(db, &s->catalogs[i])) != DB_OK)
			return rc;
	}
	if ((rc = add_groups(db, s)) != DB_OK)
		return rc;
	snprintf(details, sizeof(details), "generated data for %lld "
	    "learners: %lld catalogs, %lld user groups", s->learners,
	    s->ncatalogs, s->ngroups);
	return audit_record(db, 0, 0, "demo_load", "", 0, details);
}

/* ---------------------------------------------------------------- courses */

static void
course_code(const struct scale *s, long long k, char *out, size_t outsz)
{
	(void)s;
	snprintf(out, outsz, "%s-%05lld",
	    demo_subjects[k % (long long)demo_nsubjects].code, k + 1);
}

static void
add_course_row(struct scale *s, long long k)
{
	static const char *const hours[] = { "1.00", "2.00", "0.50", "4.00",
	    "1.50", "8.00", "16.00", "24.00" };
	static const int scores[] = { 70, 75, 80, 60, 85, 90 };
	const struct demo_subject *subject;
	uint64_t	 state = demo_seed(SALT_COURSE, k);
	char		 code[32], name[801], description[1001];
	int		 french;

	subject = &demo_subjects[k % (long long)demo_nsubjects];
	french = strcmp(subject->language, "fr") == 0;
	course_code(s, k, code, sizeof(code));
	demo_course_name(&state, (size_t)(k % (long long)demo_nsubjects), name,
	    sizeof(name));
	snprintf(description, sizeof(description), french ?
	    "Un module du parcours %s." : "Part of the %s curriculum.",
	    subject->name);

	rows_begin(&s->rows);
	rows_str(&s->rows, code);
	rows_str(&s->rows, name);
	rows_str(&s->rows, description);
	rows_str(&s->rows, subject->language);
	rows_str(&s->rows, hours[demo_skewed(&state, 8)]);
	rows_int(&s->rows, scores[demo_skewed(&state, 6)]);
	rows_str(&s->rows, demo_uniform(&state, 4) == 0 ? "ilt" : "online");
	rows_end(&s->rows);
}

/* Inserts the course rows built so far, which start at index first. */
static int
insert_courses(struct db *db, struct scale *s, long long first)
{
	struct db_res	*res;
	const char	*json;
	int		 rc;

	if ((json = rows_json(&s->rows)) == NULL)
		return DB_ERROR;
	rc = db_query(db, &res, "INSERT INTO courses (code, name, "
	    "description, language_code, credit_hours, passing_score, kind, "
	    "active, created_at, updated_at) SELECT j.code, j.name, "
	    "j.description, j.lang, j.credit_hours, j.passing_score, j.kind, "
	    "1, ?, ? FROM JSON_TABLE(?, '$[*]' COLUMNS (n FOR ORDINALITY, "
	    "code VARCHAR(50) PATH '$[0]', name VARCHAR(200) PATH '$[1]', "
	    "description VARCHAR(1000) PATH '$[2]', "
	    "lang VARCHAR(16) PATH '$[3]', "
	    "credit_hours DECIMAL(6,2) PATH '$[4]', "
	    "passing_score INT PATH '$[5]', kind VARCHAR(10) PATH '$[6]')) j "
	    "ORDER BY j.n RETURNING id, code", "sss", s->now, s->now, json);
	if (rc != DB_OK)
		return rc;
	rc = read_ids(res, s->courses + first, s->rows.count, course_code, s,
	    first);
	rows_reset(&s->rows);
	return rc;
}

static int
courses_txn(struct db *db, void *arg)
{
	struct scale	*s = arg;
	char		 details[200];
	long long	 k, first = s->first;
	int		 rc;

	rows_reset(&s->rows);
	for (k = s->first; k < s->end; k++) {
		add_course_row(s, k);
		if (s->rows.count == ROWS_PER_STATEMENT || k + 1 == s->end) {
			if ((rc = insert_courses(db, s, first)) != DB_OK)
				return rc;
			first = k + 1;
		}
	}
	snprintf(details, sizeof(details), "generated courses %lld-%lld of "
	    "%lld", s->first + 1, s->end, s->ncourses);
	return audit_record(db, 0, 0, "demo_load", "", 0, details);
}

/* ---------------------------------------------------------------- certifications */

/* Picks n different numbers below pool into out. */
static void
pick_distinct(uint64_t *state, long long pool, int n, long long *out)
{
	int	 i, j;

	for (i = 0; i < n; i++) {
		out[i] = (long long)demo_uniform(state, (size_t)pool);
		for (j = 0; j < i; j++) {
			if (out[j] == out[i]) {
				out[i] = (out[i] + 1) % pool;
				j = -1;		/* compare with all again */
			}
		}
	}
}

/* Chooses the courses of certification c on subject: courses of the same
 * subject when there are enough, else any. */
static void
pick_courses(uint64_t *state, struct scale *s, size_t subject,
    struct cert_spec *c)
{
	long long	 nsubj = (long long)demo_nsubjects;
	long long	 same = 0;
	int		 i, n;

	n = 3 + (int)demo_uniform(state, 3);
	if (n > s->ncourses)
		n = (int)s->ncourses;
	if ((long long)subject < s->ncourses)
		same = (s->ncourses - 1 - (long long)subject) / nsubj + 1;

	if (same >= n) {
		pick_distinct(state, same, n, c->courses);
		for (i = 0; i < n; i++)
			c->courses[i] = (long long)subject + c->courses[i] * nsubj;
	} else
		pick_distinct(state, s->ncourses, n, c->courses);

	/* Two courses are required and one of the next two electives
	 * counts.  A fifth course is listed for reference only. */
	c->ncourses = n;
	c->required_electives = n > 2 ? 1 : 0;
	for (i = 0; i < n; i++)
		c->requirements[i] = i < 2 ? "required" : i < 4 ? "elective" :
		    "none";
}

static void
make_cert(struct scale *s, long long i, struct cert_spec *c)
{
	static const int days[] = { 90, 0, 30, 60, 180, 365 };
	static const int expiry[] = { 730, 365, 1095 };
	static const char *const formats[] = { "plain", "prefix", "year" };
	uint64_t	 state = demo_seed(SALT_CERT, i);
	size_t		 subject;
	int		 french;

	memset(c, 0, sizeof(*c));
	subject = demo_uniform(&state, demo_nsubjects);
	french = strcmp(demo_subjects[subject].language, "fr") == 0;
	c->language = demo_subjects[subject].language;
	demo_certification_name(&state, subject, c->name, sizeof(c->name));
	c->course_group = demo_uniform(&state, 10) == 0;
	c->days_to_complete = days[demo_skewed(&state, 6)];
	if (!c->course_group) {
		c->catalog_id = s->catalogs[demo_uniform(&state,
		    (size_t)s->ncatalogs)];
		if (demo_uniform(&state, 5) < 3)
			c->expire_days = expiry[demo_skewed(&state, 3)];
	}
	if (demo_uniform(&state, 3) == 0)
		snprintf(c->external_id, sizeof(c->external_id), "EXT-%06lld",
		    i + 1);
	c->number_format = formats[demo_uniform(&state, 3)];
	if (strcmp(c->number_format, "prefix") == 0)
		snprintf(c->number_prefix, sizeof(c->number_prefix), "%s-",
		    demo_subjects[subject].code);
	c->price = !c->course_group && demo_uniform(&state, 20) == 0 ?
	    (int)demo_uniform(&state, 5) : -1;
	c->pay_card = (int)demo_uniform(&state, 2);
	c->prerequisite = i > 0 && demo_uniform(&state, 25) == 0 ?
	    (long long)demo_uniform(&state, (size_t)i) : -1;
	c->types = 1 + (int)demo_uniform(&state, 7);
	pick_courses(&state, s, subject, c);

	c->groups[0] = (long long)demo_uniform(&state, (size_t)s->ngroups);
	c->auto_enroll[0] = demo_uniform(&state, 10) == 0;
	c->ngroups = 1;
	if (s->ngroups > 1 && demo_uniform(&state, 3) == 0) {
		c->groups[1] = (c->groups[0] + 1 + (long long)demo_uniform(
		    &state, (size_t)s->ngroups - 1)) % s->ngroups;
		c->auto_enroll[1] = demo_uniform(&state, 10) == 0;
		c->ngroups = 2;
	}

	if (c->course_group)
		snprintf(c->description, sizeof(c->description), french ?
		    "Parcours de formation %s, sans certificat." :
		    "A course group on %s, without a certificate.",
		    demo_subjects[subject].name);
	else
		snprintf(c->description, sizeof(c->description), french ?
		    "%s en %d modules, dont %d obligatoires." :
		    "%s in %d courses, %d of them required.",
		    demo_subjects[subject].name, c->ncourses,
		    c->ncourses < 2 ? c->ncourses : 2);
}

static int
insert_families(struct db *db, struct scale *s, int n)
{
	struct db_res	*res;
	const char	*json;
	int		 i, rc;

	rows_reset(&s->rows);
	for (i = 0; i < n; i++) {
		rows_begin(&s->rows);
		rows_str(&s->rows, s->specs[i].number_format);
		rows_str(&s->rows, s->specs[i].number_prefix);
		rows_end(&s->rows);
	}
	if ((json = rows_json(&s->rows)) == NULL)
		return DB_ERROR;
	rc = db_query(db, &res, "INSERT INTO certification_families "
	    "(number_format, number_prefix, number_width, start_number, "
	    "next_number, created_at) SELECT j.number_format, "
	    "j.number_prefix, 6, 1, 1, ? FROM JSON_TABLE(?, '$[*]' COLUMNS "
	    "(n FOR ORDINALITY, number_format VARCHAR(20) PATH '$[0]', "
	    "number_prefix VARCHAR(30) PATH '$[1]')) j "
	    "ORDER BY j.n RETURNING id", "ss", s->now, json);
	if (rc != DB_OK)
		return rc;
	return read_ids(res, s->families + s->first, n, NULL, s, 0);
}

static void
family_id(const struct scale *s, long long i, char *out, size_t outsz)
{
	snprintf(out, outsz, "%lld", s->families[i]);
}

static void
add_cert_row(struct scale *s, const struct cert_spec *c, long long family)
{
	rows_begin(&s->rows);
	rows_int(&s->rows, family);
	rows_str(&s->rows, c->name);
	rows_str(&s->rows, c->description);
	rows_str(&s->rows, c->language);
	rows_int(&s->rows, c->days_to_complete);
	rows_str(&s->rows, c->course_group ? "course_group" : "certification");
	rows_int(&s->rows, c->catalog_id);
	rows_int(&s->rows, c->required_electives);
	rows_str(&s->rows, c->expire_days > 0 ? "interval" : "perpetual");
	rows_int(&s->rows, c->expire_days);
	rows_str(&s->rows, c->external_id);
	rows_int(&s->rows, c->price >= 0);
	rows_int(&s->rows, c->price >= 0 && c->pay_card);
	rows_int(&s->rows, c->price >= 0);
	rows_end(&s->rows);
}

static int
insert_certs(struct db *db, struct scale *s, int n)
{
	struct db_res	*res;
	const char	*json;
	int		 i, rc;

	rows_reset(&s->rows);
	for (i = 0; i < n; i++)
		add_cert_row(s, &s->specs[i], s->families[s->first + i]);
	if ((json = rows_json(&s->rows)) == NULL)
		return DB_ERROR;
	rc = db_query(db, &res, "INSERT INTO certifications (family_id, "
	    "version, name, description, language_code, active, "
	    "days_to_complete, availability, catalog_id, required_electives, "
	    "display_individually, show_progress_bar, expiration_type, "
	    "expire_days, external_id, priced, pay_credit_card, "
	    "pay_purchase_order, pay_voucher, created_at, updated_at) "
	    "SELECT j.family_id, 1, j.name, j.description, j.lang, 1, "
	    "NULLIF(j.days, 0), j.availability, NULLIF(j.catalog_id, 0), "
	    "j.required_electives, 0, 1, j.expiration_type, "
	    "NULLIF(j.expire_days, 0), j.external_id, j.priced, j.pay_card, "
	    "j.priced, j.pay_voucher, ?, ? "
	    "FROM JSON_TABLE(?, '$[*]' COLUMNS (n FOR ORDINALITY, "
	    "family_id BIGINT PATH '$[0]', name VARCHAR(200) PATH '$[1]', "
	    "description VARCHAR(1000) PATH '$[2]', "
	    "lang VARCHAR(16) PATH '$[3]', days INT PATH '$[4]', "
	    "availability VARCHAR(20) PATH '$[5]', "
	    "catalog_id BIGINT PATH '$[6]', "
	    "required_electives INT PATH '$[7]', "
	    "expiration_type VARCHAR(20) PATH '$[8]', "
	    "expire_days INT PATH '$[9]', external_id VARCHAR(50) PATH '$[10]', "
	    "priced INT PATH '$[11]', pay_card INT PATH '$[12]', "
	    "pay_voucher INT PATH '$[13]')) j "
	    "ORDER BY j.n RETURNING id, family_id", "sss", s->now, s->now,
	    json);
	if (rc != DB_OK)
		return rc;
	return read_ids(res, s->cert_ids, n, family_id, s, s->first);
}


/* The tables that link a certification to other rows. */
enum link { LINK_COURSES, LINK_TYPES, LINK_PRICES, LINK_PREREQUISITES,
    LINK_SUBSCRIPTIONS };

/* Inserts the link rows built so far, when there are any. */
static int
insert_links(struct db *db, struct scale *s, enum link kind)
{
	const char	*json;
	int		 rc = DB_ERROR;

	if (s->rows.count == 0)
		return DB_OK;
	if ((json = rows_json(&s->rows)) == NULL)
		return DB_ERROR;
	switch (kind) {
	case LINK_COURSES:
		rc = db_exec(db, "INSERT INTO certification_courses "
		    "(certification_id, course_id, requirement, position) "
		    "SELECT j.c, j.course, j.requirement, j.position "
		    "FROM JSON_TABLE(?, '$[*]' COLUMNS (c BIGINT PATH '$[0]', "
		    "course BIGINT PATH '$[1]', "
		    "requirement VARCHAR(10) PATH '$[2]', "
		    "position INT PATH '$[3]')) j", "s", json);
		break;
	case LINK_TYPES:
		rc = db_exec(db, "INSERT INTO certification_user_types "
		    "(certification_id, user_type_id) SELECT j.c, j.t "
		    "FROM JSON_TABLE(?, '$[*]' COLUMNS (c BIGINT PATH '$[0]', "
		    "t BIGINT PATH '$[1]')) j", "s", json);
		break;
	case LINK_PRICES:
		rc = db_exec(db, "INSERT INTO certification_prices "
		    "(certification_id, currency, amount) "
		    "SELECT j.c, j.currency, j.amount "
		    "FROM JSON_TABLE(?, '$[*]' COLUMNS (c BIGINT PATH '$[0]', "
		    "currency VARCHAR(3) PATH '$[1]', "
		    "amount DECIMAL(12,2) PATH '$[2]')) j", "s", json);
		break;
	case LINK_PREREQUISITES:
		rc = db_exec(db, "INSERT INTO certification_prerequisites "
		    "(certification_id, required_family_id) SELECT j.c, j.f "
		    "FROM JSON_TABLE(?, '$[*]' COLUMNS (c BIGINT PATH '$[0]', "
		    "f BIGINT PATH '$[1]')) j", "s", json);
		break;
	case LINK_SUBSCRIPTIONS:
		rc = db_exec(db, "INSERT INTO user_group_certifications "
		    "(group_id, family_id, auto_enroll, created_at) "
		    "SELECT j.g, j.f, j.auto_enroll, ? "
		    "FROM JSON_TABLE(?, '$[*]' COLUMNS (g BIGINT PATH '$[0]', "
		    "f BIGINT PATH '$[1]', auto_enroll INT PATH '$[2]')) j",
		    "ss", s->now, json);
		break;
	}
	rows_reset(&s->rows);
	return rc;
}

/* Ends a link row, and inserts the rows when a statement is full. */
static int
end_link(struct db *db, struct scale *s, enum link kind)
{
	rows_end(&s->rows);
	if (s->rows.count == ROWS_PER_STATEMENT)
		return insert_links(db, s, kind);
	return DB_OK;
}

static int
add_cert_courses(struct db *db, struct scale *s, int n)
{
	const struct cert_spec	*c;
	int			 i, k, rc;

	rows_reset(&s->rows);
	for (i = 0; i < n; i++) {
		c = &s->specs[i];
		for (k = 0; k < c->ncourses; k++) {
			rows_begin(&s->rows);
			rows_int(&s->rows, s->cert_ids[i]);
			rows_int(&s->rows, s->courses[c->courses[k]]);
			rows_str(&s->rows, c->requirements[k]);
			rows_int(&s->rows, k + 1);
			if ((rc = end_link(db, s, LINK_COURSES)) != DB_OK)
				return rc;
		}
	}
	return insert_links(db, s, LINK_COURSES);
}

static int
add_cert_types(struct db *db, struct scale *s, int n)
{
	int	 i, k, rc;

	rows_reset(&s->rows);
	for (i = 0; i < n; i++) {
		for (k = 0; k < 3; k++) {
			if (!(s->specs[i].types & (1 << k)))
				continue;
			rows_begin(&s->rows);
			rows_int(&s->rows, s->cert_ids[i]);
			rows_int(&s->rows, s->types[k]);
			if ((rc = end_link(db, s, LINK_TYPES)) != DB_OK)
				return rc;
		}
	}
	return insert_links(db, s, LINK_TYPES);
}

static int
add_cert_prices(struct db *db, struct scale *s, int n)
{
	int	 i, rc;

	rows_reset(&s->rows);
	for (i = 0; i < n; i++) {
		if (s->specs[i].price < 0)
			continue;
		rows_begin(&s->rows);
		rows_int(&s->rows, s->cert_ids[i]);
		rows_str(&s->rows, "EUR");
		rows_str(&s->rows, prices[s->specs[i].price].eur);
		if ((rc = end_link(db, s, LINK_PRICES)) != DB_OK)
			return rc;
		rows_begin(&s->rows);
		rows_int(&s->rows, s->cert_ids[i]);
		rows_str(&s->rows, "USD");
		rows_str(&s->rows, prices[s->specs[i].price].usd);
		if ((rc = end_link(db, s, LINK_PRICES)) != DB_OK)
			return rc;
	}
	return insert_links(db, s, LINK_PRICES);
}

static int
add_cert_prerequisites(struct db *db, struct scale *s, int n)
{
	int	 i, rc;

	rows_reset(&s->rows);
	for (i = 0; i < n; i++) {
		if (s->specs[i].prerequisite < 0)
			continue;
		rows_begin(&s->rows);
		rows_int(&s->rows, s->cert_ids[i]);
		rows_int(&s->rows, s->families[s->specs[i].prerequisite]);
		if ((rc = end_link(db, s, LINK_PREREQUISITES)) != DB_OK)
			return rc;
	}
	return insert_links(db, s, LINK_PREREQUISITES);
}

static int
add_subscriptions(struct db *db, struct scale *s, int n)
{
	const struct cert_spec	*c;
	int			 i, k, rc;

	rows_reset(&s->rows);
	for (i = 0; i < n; i++) {
		c = &s->specs[i];
		for (k = 0; k < c->ngroups; k++) {
			rows_begin(&s->rows);
			rows_int(&s->rows, s->groups[c->groups[k]]);
			rows_int(&s->rows, s->families[s->first + i]);
			rows_int(&s->rows, c->auto_enroll[k]);
			if ((rc = end_link(db, s, LINK_SUBSCRIPTIONS)) != DB_OK)
				return rc;
		}
	}
	return insert_links(db, s, LINK_SUBSCRIPTIONS);
}

/* Inserts certifications [first, end), at most CERTS_PER_TXN, with their
 * families, courses, user types, prices, prerequisites and
 * subscriptions. */
static int
certs_txn(struct db *db, void *arg)
{
	struct scale	*s = arg;
	char		 details[200];
	int		 i, n = (int)(s->end - s->first), rc;

	for (i = 0; i < n; i++)
		make_cert(s, s->first + i, &s->specs[i]);
	if ((rc = insert_families(db, s, n)) != DB_OK ||
	    (rc = insert_certs(db, s, n)) != DB_OK ||
	    (rc = add_cert_courses(db, s, n)) != DB_OK ||
	    (rc = add_cert_types(db, s, n)) != DB_OK ||
	    (rc = add_cert_prices(db, s, n)) != DB_OK ||
	    (rc = add_cert_prerequisites(db, s, n)) != DB_OK ||
	    (rc = add_subscriptions(db, s, n)) != DB_OK)
		return rc;
	snprintf(details, sizeof(details), "generated certifications "
	    "%lld-%lld of %lld", s->first + 1, s->end, s->ncerts);
	return audit_record(db, 0, 0, "demo_load", "", 0, details);
}

/* ---------------------------------------------------------------- users */

static void
user_login(const struct scale *s, long long u, char *out, size_t outsz)
{
	(void)s;
	snprintf(out, outsz, "learner%06lld", u + 1);
}

/* Builds the row of user u.  groups receives the indexes of its groups,
 * and the return value is their number. */
static int
add_user_row(struct scale *s, long long u, long long groups[2])
{
	struct demo_person	 p;
	uint64_t		 state = demo_seed(SALT_USER, u);
	char			 login[32], email[64];
	size_t			 percent, type;
	int			 n = 1;

	demo_person(&state, &p);
	/* 70 % employees, 20 % partners, 10 % customers. */
	percent = demo_uniform(&state, 10);
	if (percent < 7)
		type = 0;
	else if (percent < 9)
		type = 1;
	else
		type = 2;
	groups[0] = (long long)demo_uniform(&state, (size_t)s->ngroups);
	if (s->ngroups > 1 && demo_uniform(&state, 4) == 0) {
		groups[1] = (groups[0] + 1 + (long long)demo_uniform(&state,
		    (size_t)s->ngroups - 1)) % s->ngroups;
		n = 2;
	}

	user_login(s, u, login, sizeof(login));
	snprintf(email, sizeof(email), "%s@example.com", login);
	rows_begin(&s->rows);
	rows_str(&s->rows, login);
	rows_str(&s->rows, email);
	rows_str(&s->rows, p.first_name);
	rows_str(&s->rows, p.last_name);
	rows_int(&s->rows, s->types[type]);
	rows_str(&s->rows, p.language);
	rows_str(&s->rows, p.time_zone);
	rows_end(&s->rows);
	return n;
}

static int
insert_users(struct db *db, struct scale *s, long long first)
{
	struct db_res	*res;
	const char	*json;
	int		 rc;

	if ((json = rows_json(&s->rows)) == NULL)
		return DB_ERROR;
	rc = db_query(db, &res, "INSERT INTO users (login, email, "
	    "first_name, last_name, password_hash, role, user_type_id, "
	    "language_code, time_zone, active, created_at, updated_at) "
	    "SELECT j.login, j.email, j.first_name, j.last_name, ?, "
	    "'learner', j.type_id, j.lang, j.time_zone, 1, ?, ? "
	    "FROM JSON_TABLE(?, '$[*]' COLUMNS (n FOR ORDINALITY, "
	    "login VARCHAR(100) PATH '$[0]', email VARCHAR(254) PATH '$[1]', "
	    "first_name VARCHAR(100) PATH '$[2]', "
	    "last_name VARCHAR(100) PATH '$[3]', type_id BIGINT PATH '$[4]', "
	    "lang VARCHAR(16) PATH '$[5]', "
	    "time_zone VARCHAR(64) PATH '$[6]')) j "
	    "ORDER BY j.n RETURNING id, login", "ssss", s->hash, s->now,
	    s->now, json);
	if (rc != DB_OK)
		return rc;
	rc = read_ids(res, s->user_ids, s->rows.count, user_login, s, first);
	rows_reset(&s->rows);
	return rc;
}

static int
insert_members(struct db *db, struct scale *s)
{
	const char	*json;
	int		 rc;

	if (s->rows.count == 0)
		return DB_OK;
	if ((json = rows_json(&s->rows)) == NULL)
		return DB_ERROR;
	rc = db_exec(db, "INSERT INTO user_group_members (group_id, user_id, "
	    "added_at) SELECT j.g, j.u, ? FROM JSON_TABLE(?, '$[*]' COLUMNS "
	    "(g BIGINT PATH '$[0]', u BIGINT PATH '$[1]')) j", "ss", s->now,
	    json);
	rows_reset(&s->rows);
	return rc;
}

/* Inserts users [first, first + n), n <= ROWS_PER_STATEMENT, and then
 * their group memberships. */
static int
add_users(struct db *db, struct scale *s, long long first, int n)
{
	long long	 groups[ROWS_PER_STATEMENT][2];
	int		 ngroups[ROWS_PER_STATEMENT];
	int		 i, k, rc;

	rows_reset(&s->rows);
	for (i = 0; i < n; i++)
		ngroups[i] = add_user_row(s, first + i, groups[i]);
	if ((rc = insert_users(db, s, first)) != DB_OK)
		return rc;

	for (i = 0; i < n; i++) {
		for (k = 0; k < ngroups[i]; k++) {
			rows_begin(&s->rows);
			rows_int(&s->rows, s->groups[groups[i][k]]);
			rows_int(&s->rows, s->user_ids[i]);
			rows_end(&s->rows);
			if (s->rows.count == ROWS_PER_STATEMENT &&
			    (rc = insert_members(db, s)) != DB_OK)
				return rc;
		}
	}
	return insert_members(db, s);
}

static int
users_txn(struct db *db, void *arg)
{
	struct scale	*s = arg;
	char		 details[200];
	long long	 u;
	int		 n, rc;

	for (u = s->first; u < s->end; u += n) {
		n = s->end - u < ROWS_PER_STATEMENT ? (int)(s->end - u) :
		    ROWS_PER_STATEMENT;
		if ((rc = add_users(db, s, u, n)) != DB_OK)
			return rc;
	}
	snprintf(details, sizeof(details), "generated learners %lld-%lld of "
	    "%lld", s->first + 1, s->end, s->learners);
	return audit_record(db, 0, 0, "demo_load", "", 0, details);
}

/* ---------------------------------------------------------------- driver */

/* Runs fn over [0, total) in transactions of step rows each. */
static int
run_in_steps(struct db *db, struct scale *s, db_txn_fn fn, long long total,
    long long step, const char *what, demo_progress_fn progress, void *arg)
{
	int	 rc;

	for (s->first = 0; s->first < total; s->first = s->end) {
		s->end = s->first + step < total ? s->first + step : total;
		if ((rc = db_txn(db, fn, s)) != DB_OK)
			return rc;
		if (progress != NULL)
			progress(what, s->end, total, arg);
	}
	return DB_OK;
}

static long long
at_least_one(long long n)
{
	return n > 0 ? n : 1;
}

static int
scale_alloc(struct scale *s)
{
	s->catalogs = calloc((size_t)s->ncatalogs, sizeof(*s->catalogs));
	s->groups = calloc((size_t)s->ngroups, sizeof(*s->groups));
	s->courses = calloc((size_t)s->ncourses, sizeof(*s->courses));
	s->families = calloc((size_t)s->ncerts, sizeof(*s->families));
	s->specs = calloc(CERTS_PER_TXN, sizeof(*s->specs));
	s->cert_ids = calloc(CERTS_PER_TXN, sizeof(*s->cert_ids));
	if (s->catalogs == NULL || s->groups == NULL || s->courses == NULL ||
	    s->families == NULL || s->specs == NULL || s->cert_ids == NULL)
		return -1;
	return 0;
}

static void
scale_free(struct scale *s)
{
	free(s->catalogs);
	free(s->groups);
	free(s->courses);
	free(s->families);
	free(s->specs);
	free(s->cert_ids);
	buf_free(&s->rows.json);
}

int
demo_load_scale(struct db *db, const struct config *cfg, long long learners,
    demo_progress_fn progress, void *arg, struct demo_contents *found)
{
	struct scale	 s;
	char		 password[DEMO_PASSWORD_LEN + 1];
	int		 rc;

	if (learners < 1 || learners > DEMO_SCALE_MAX)
		return DB_ERROR;
	memset(&s, 0, sizeof(s));
	s.learners = learners;
	s.ncerts = at_least_one(learners / 10);
	s.ncourses = at_least_one(learners / 50);
	s.ngroups = at_least_one(learners / 500);
	s.ncatalogs = 2 + learners / 20000;
	s.found = found;
	clock_format_sql(clock_now(), s.now);

	/* One hash for every learner: hashing is what costs, and no one is
	 * meant to sign in with a generated account. */
	auth_random_password(password, DEMO_PASSWORD_LEN);
	rc = auth_hash_password(cfg, password, s.hash);
	sodium_memzero(password, sizeof(password));
	if (rc == -1 || scale_alloc(&s) == -1) {
		scale_free(&s);
		return DB_ERROR;
	}

	rc = db_txn(db, setup_txn, &s);
	if (rc == DB_OK)
		rc = run_in_steps(db, &s, courses_txn, s.ncourses,
		    COURSES_PER_TXN, "courses", progress, arg);
	if (rc == DB_OK)
		rc = run_in_steps(db, &s, certs_txn, s.ncerts, CERTS_PER_TXN,
		    "certifications", progress, arg);
	if (rc == DB_OK)
		rc = run_in_steps(db, &s, users_txn, s.learners, USERS_PER_TXN,
		    "users", progress, arg);
	scale_free(&s);
	return rc;
}
