/*
 * Writing the OULAD model in one transaction.
 *
 * Every row is an INSERT ... ON DUPLICATE KEY UPDATE on a natural key, so
 * a second run finds the rows of the first and keeps their ids.  The few
 * catalog rows (user type, catalog, groups, courses, classes and the
 * certifications) go in one statement each; learners, memberships,
 * registrations and enrolments go in by up to ROWS_PER_STATEMENT per
 * statement, as one JSON array that JSON_TABLE (MariaDB 10.6 and later)
 * turns back into rows, so each statement stays a literal with a fixed
 * number of placeholders.  Rows that refer to a learner join users on
 * the login.
 *
 * With CLIENT_FOUND_ROWS off, as lib/db.c connects, the affected-rows
 * count of such an INSERT is 1 per new row, 2 per changed row and 0 per
 * row left as it was, so a sum of 0 means that the run changed nothing.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "clock.h"
#include "course.h"
#include "db.h"
#include "oulad_model.h"
#include "str.h"

#define ROWS_PER_STATEMENT	500

#define USER_TYPE	"OU Student"
#define CATALOG		"Open University"
#define PASSING_SCORE	40

struct writer {
	struct oulad_model	*m;
	struct oulad_summary	*summary;
	char			 now[27];
	long long		 type_id, catalog_id;
	long long		*group_ids;	/* by region */
	long long		*course_ids;	/* by module */
	long long		*class_ids;	/* by presentation */
	long long		 family_ids[OULAD_CERTS];
	long long		 cert_ids[OULAD_CERTS];
	long long		 changed;
	long long		 registrations_done;

	/* The JSON array of rows of the statement being built. */
	struct buf		 json;
	int			 rows, fields, failed;
};

/* --------------------------------------------------------------- JSON rows */

static void
json_put(struct writer *w, const char *s)
{
	if (buf_puts(&w->json, s) == -1)
		w->failed = 1;
}

static void
json_begin(struct writer *w)
{
	json_put(w, w->rows == 0 ? "[[" : ",[");
	w->fields = 0;
}

static void
json_comma(struct writer *w)
{
	if (w->fields++ > 0)
		json_put(w, ",");
}

/* Appends a JSON string: quotes, backslashes and control characters are
 * escaped, and the rest is UTF-8 already. */
static void
json_str(struct writer *w, const char *s)
{
	char	 escape[8];

	json_comma(w);
	json_put(w, "\"");
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\' || (unsigned char)*s < 0x20) {
			snprintf(escape, sizeof(escape), "\\u%04x",
			    (unsigned char)*s);
			json_put(w, escape);
		} else if (buf_append(&w->json, s, 1) == -1)
			w->failed = 1;
	}
	json_put(w, "\"");
}

static void
json_int(struct writer *w, long long v)
{
	json_comma(w);
	if (buf_printf(&w->json, "%lld", v) == -1)
		w->failed = 1;
}

/* Appends a date as "YYYY-MM-DD", or "" for OULAD_NO_DAY. */
static void
json_day(struct writer *w, day_t day)
{
	char	 text[11] = "";

	if (day != OULAD_NO_DAY)
		date_format(day, text);
	json_str(w, text);
}

static void
json_end(struct writer *w)
{
	json_put(w, "]");
	w->rows++;
}

/* Closes the array and returns its text, or NULL when memory ran out. */
static const char *
json_close(struct writer *w)
{
	json_put(w, "]");
	return w->failed ? NULL : w->json.data;
}

static void
json_reset(struct writer *w)
{
	buf_reset(&w->json);
	w->rows = 0;
	w->fields = 0;
	w->failed = 0;
}

/* ----------------------------------------------------------------- helpers */

/* Writes the instant at which day begins in the site time zone, for a
 * DATETIME(6) column.  Where midnight does not exist because clocks go
 * forward then, the day begins at 01:00. */
static void
day_start(day_t day, char out[27])
{
	char	 date[11];
	usec_t	 t;

	date_format(day, date);
	if (course_class_local_time(date, "00:00", &t) != COURSE_TIME_OK &&
	    course_class_local_time(date, "01:00", &t) != COURSE_TIME_OK)
		t = (usec_t)day * 86400 * USEC_PER_SEC;
	clock_format_sql(t, out);
}

/* Writes the last minute of day in the site time zone. */
static void
day_end(day_t day, char out[27])
{
	char	 date[11];
	usec_t	 t;

	date_format(day, date);
	if (course_class_local_time(date, "23:59", &t) != COURSE_TIME_OK)
		t = ((usec_t)day * 86400 + 86340) * USEC_PER_SEC;
	clock_format_sql(t, out);
}

/* Adds the rows changed by the last statement and returns the id it
 * inserted or found through LAST_INSERT_ID(id), or 0 when the server
 * could not say (the next insert that refers to it then fails). */
static long long
changed_id(struct db *db, struct writer *w)
{
	long long	 id;

	w->changed += (long long)db_affected(db);
	if (db_upserted_id(db, &id) != DB_OK)
		return 0;
	return id;
}

static void
progress(struct writer *w, const char *what, long long done, long long total)
{
	if (w->m->progress != NULL)
		w->m->progress(what, done, total, w->m->progress_arg);
}

/* ------------------------------------------------------------ catalog rows */

static int
add_type_and_catalog(struct db *db, struct writer *w)
{
	int	 rc;

	rc = db_exec(db, "INSERT INTO languages (code, name) "
	    "VALUES ('en', 'English') ON DUPLICATE KEY UPDATE code = code", "");
	if (rc != DB_OK)
		return rc;
	w->changed += (long long)db_affected(db);

	rc = db_exec(db, "INSERT INTO user_types (name, description, "
	    "created_at, updated_at) VALUES (?, 'Learners imported from the "
	    "Open University Learning Analytics Dataset (OULAD).', ?, ?) "
	    "ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)", "sss",
	    USER_TYPE, w->now, w->now);
	if (rc != DB_OK)
		return rc;
	w->type_id = changed_id(db, w);

	rc = db_exec(db, "INSERT INTO catalogs (name, description, active, "
	    "created_at, updated_at) VALUES (?, 'Certifications built on the "
	    "modules of the Open University.', 1, ?, ?) "
	    "ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)", "sss", CATALOG,
	    w->now, w->now);
	if (rc != DB_OK)
		return rc;
	w->catalog_id = changed_id(db, w);
	return DB_OK;
}

static int
add_groups(struct db *db, struct writer *w)
{
	char	 name[OULAD_REGION_MAX + 16];
	size_t	 i;
	int	 rc;

	for (i = 0; i < w->m->nregions; i++) {
		snprintf(name, sizeof(name), "Region: %s", w->m->regions[i]);
		rc = db_exec(db, "INSERT INTO user_groups (name, description, "
		    "created_at, updated_at) VALUES (?, 'Open University "
		    "students of this region.', ?, ?) "
		    "ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)", "sss",
		    name, w->now, w->now);
		if (rc != DB_OK)
			return rc;
		w->group_ids[i] = changed_id(db, w);
	}
	return DB_OK;
}

/* Inserts or updates the courses; an existing course gets the name, kind
 * and passing score of the mapping back.  updated_at is assigned first,
 * because MariaDB evaluates the assignments left to right. */
static int
add_courses(struct db *db, struct writer *w)
{
	char	 name[OULAD_MODULE_MAX + 8], description[120];
	size_t	 i;
	int	 rc;

	for (i = 0; i < w->m->nmodules; i++) {
		snprintf(name, sizeof(name), "Module %s", w->m->modules[i]);
		snprintf(description, sizeof(description), "Module %s of the "
		    "Open University, imported from OULAD.", w->m->modules[i]);
		rc = db_exec(db, "INSERT INTO courses (code, name, "
		    "description, language_code, passing_score, kind, active, "
		    "created_at, updated_at) VALUES (?, ?, ?, 'en', ?, "
		    "'online', 1, ?, ?) ON DUPLICATE KEY UPDATE "
		    "updated_at = IF(name <> VALUES(name) OR "
		    "passing_score <> VALUES(passing_score) OR "
		    "kind <> VALUES(kind), VALUES(updated_at), updated_at), "
		    "name = VALUES(name), "
		    "passing_score = VALUES(passing_score), "
		    "kind = VALUES(kind), id = LAST_INSERT_ID(id)", "sssiss",
		    w->m->modules[i], name, description, PASSING_SCORE, w->now,
		    w->now);
		if (rc != DB_OK)
			return rc;
		w->course_ids[i] = changed_id(db, w);
	}
	return DB_OK;
}

static int
add_classes(struct db *db, struct writer *w)
{
	const struct oulad_presentation	*p;
	char				 starts[27], ends[27];
	size_t				 i;
	int				 rc;

	for (i = 0; i < w->m->npresentations; i++) {
		p = &w->m->presentations[i];
		day_start(p->starts_on, starts);
		day_end(p->ends_on, ends);
		rc = db_exec(db, "INSERT INTO course_classes (course_id, code, "
		    "starts_at, ends_at, created_at) VALUES (?, ?, ?, ?, ?) "
		    "ON DUPLICATE KEY UPDATE starts_at = VALUES(starts_at), "
		    "ends_at = VALUES(ends_at), id = LAST_INSERT_ID(id)",
		    "lssss", w->course_ids[p->module_index], p->class_code,
		    starts, ends, w->now);
		if (rc != DB_OK)
			return rc;
		w->class_ids[i] = changed_id(db, w);
	}
	return DB_OK;
}

/* ---------------------------------------------------------- certifications */

static long long
course_id(const struct writer *w, const char *module)
{
	size_t	 i;

	for (i = 0; i < w->m->nmodules; i++)
		if (strcmp(w->m->modules[i], module) == 0)
			return w->course_ids[i];
	return 0;
}

/* Inserts or updates the family and version 1 of certification c. */
static int
add_cert_row(struct db *db, struct writer *w, int c)
{
	const struct oulad_cert	*cert = &oulad_certs[c];
	int			 rc;

	rc = db_exec(db, "INSERT INTO certification_families (import_key, "
	    "created_at) VALUES (?, ?) "
	    "ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)", "ss",
	    cert->import_key, w->now);
	if (rc != DB_OK)
		return rc;
	w->family_ids[c] = changed_id(db, w);

	rc = db_exec(db, "INSERT INTO certifications (family_id, version, "
	    "name, description, language_code, active, availability, "
	    "catalog_id, required_electives, expiration_type, expire_days, "
	    "prerequisite_rule, created_at, updated_at) "
	    "VALUES (?, 1, ?, ?, 'en', 1, 'certification', ?, ?, ?, "
	    "NULLIF(?, 0), 'all', ?, ?) ON DUPLICATE KEY UPDATE "
	    "updated_at = IF(name <> VALUES(name) OR active <> 1 OR "
	    "availability <> 'certification' OR "
	    "NOT catalog_id <=> VALUES(catalog_id) OR "
	    "required_electives <> VALUES(required_electives) OR "
	    "expiration_type <> VALUES(expiration_type) OR "
	    "NOT expire_days <=> VALUES(expire_days) OR "
	    "prerequisite_rule <> 'all', VALUES(updated_at), updated_at), "
	    "name = VALUES(name), active = 1, availability = 'certification', "
	    "catalog_id = VALUES(catalog_id), "
	    "required_electives = VALUES(required_electives), "
	    "expiration_type = VALUES(expiration_type), "
	    "expire_days = VALUES(expire_days), prerequisite_rule = 'all', "
	    "id = LAST_INSERT_ID(id)", "lsslisiss", w->family_ids[c],
	    cert->name, cert->description, w->catalog_id,
	    cert->required_electives,
	    cert->expire_days > 0 ? "interval" : "perpetual",
	    cert->expire_days, w->now, w->now);
	if (rc != DB_OK)
		return rc;
	w->cert_ids[c] = changed_id(db, w);
	return DB_OK;
}

/* Inserts the courses, user type, prerequisite and subscriptions of
 * certification c. */
static int
add_cert_links(struct db *db, struct writer *w, int c)
{
	const struct oulad_cert	*cert = &oulad_certs[c];
	size_t			 i;
	int			 k, rc;

	for (k = 0; k < cert->ncourses; k++) {
		rc = db_exec(db, "INSERT INTO certification_courses "
		    "(certification_id, course_id, requirement, position) "
		    "VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
		    "requirement = VALUES(requirement), "
		    "position = VALUES(position)", "llsi", w->cert_ids[c],
		    course_id(w, cert->courses[k]),
		    cert->required[k] ? "required" : "elective", k + 1);
		if (rc != DB_OK)
			return rc;
		w->changed += (long long)db_affected(db);
	}
	rc = db_exec(db, "INSERT INTO certification_user_types "
	    "(certification_id, user_type_id) VALUES (?, ?) "
	    "ON DUPLICATE KEY UPDATE user_type_id = user_type_id", "ll",
	    w->cert_ids[c], w->type_id);
	if (rc != DB_OK)
		return rc;
	w->changed += (long long)db_affected(db);
	if (cert->prerequisite >= 0) {
		rc = db_exec(db, "INSERT INTO certification_prerequisites "
		    "(certification_id, required_family_id) VALUES (?, ?) "
		    "ON DUPLICATE KEY UPDATE "
		    "required_family_id = required_family_id", "ll",
		    w->cert_ids[c], w->family_ids[cert->prerequisite]);
		if (rc != DB_OK)
			return rc;
		w->changed += (long long)db_affected(db);
	}
	for (i = 0; i < w->m->nregions; i++) {
		rc = db_exec(db, "INSERT INTO user_group_certifications "
		    "(group_id, family_id, auto_enroll, created_at) "
		    "VALUES (?, ?, 1, ?) ON DUPLICATE KEY UPDATE auto_enroll = 1",
		    "lls", w->group_ids[i], w->family_ids[c], w->now);
		if (rc != DB_OK)
			return rc;
		w->changed += (long long)db_affected(db);
	}
	return DB_OK;
}

static int
add_certs(struct db *db, struct writer *w)
{
	int	 c, rc;

	/* A prerequisite's family exists before the certification that
	 * requires it, because oulad_certs lists it first. */
	for (c = 0; c < OULAD_CERTS; c++)
		if ((rc = add_cert_row(db, w, c)) != DB_OK ||
		    (rc = add_cert_links(db, w, c)) != DB_OK)
			return rc;
	return DB_OK;
}

/* --------------------------------------------------------------- bulk rows */

enum batch { BATCH_LEARNERS, BATCH_MEMBERS, BATCH_CURRENT, BATCH_HISTORY,
    BATCH_ENROLMENTS };

static int
insert_learners(struct db *db, struct writer *w, const char *json)
{
	/* An existing learner keeps its password, role and active flag:
	 * an administrator may have set them since. */
	return db_exec(db, "INSERT INTO users (login, email, first_name, "
	    "last_name, password_hash, role, user_type_id, language_code, "
	    "active, created_at, updated_at) "
	    "SELECT j.login, j.email, 'Student', j.last_name, NULL, 'learner', "
	    "?, 'en', 1, ?, ? FROM JSON_TABLE(?, '$[*]' COLUMNS ("
	    "login VARCHAR(100) PATH '$[0]', email VARCHAR(254) PATH '$[1]', "
	    "last_name VARCHAR(100) PATH '$[2]')) j "
	    "ON DUPLICATE KEY UPDATE updated_at = IF("
	    "users.email <> VALUES(email) OR "
	    "users.first_name <> VALUES(first_name) OR "
	    "users.last_name <> VALUES(last_name) OR "
	    "NOT users.user_type_id <=> VALUES(user_type_id) OR "
	    "users.language_code <> VALUES(language_code), "
	    "VALUES(updated_at), users.updated_at), "
	    "email = VALUES(email), first_name = VALUES(first_name), "
	    "last_name = VALUES(last_name), "
	    "user_type_id = VALUES(user_type_id), "
	    "language_code = VALUES(language_code)", "lsss", w->type_id, w->now,
	    w->now, json);
}

static int
insert_members(struct db *db, struct writer *w, const char *json)
{
	return db_exec(db, "INSERT INTO user_group_members (group_id, user_id, "
	    "added_at) SELECT j.group_id, u.id, ? FROM JSON_TABLE(?, '$[*]' "
	    "COLUMNS (group_id BIGINT PATH '$[0]', "
	    "login VARCHAR(100) PATH '$[1]')) j "
	    "JOIN users u ON u.login = j.login "
	    "ON DUPLICATE KEY UPDATE "
	    "added_at = user_group_members.added_at", "ss", w->now, json);
}

/* The columns of a registration row in JSON, for both tables. */
#define REGISTRATION_COLUMNS \
	"COLUMNS (login VARCHAR(100) PATH '$[0]', " \
	"course_id BIGINT PATH '$[1]', class_id BIGINT PATH '$[2]', " \
	"registered_at VARCHAR(26) PATH '$[3]', status VARCHAR(20) PATH '$[4]', " \
	"score VARCHAR(10) PATH '$[5]', completed_on VARCHAR(10) PATH '$[6]', " \
	"cancelled_on VARCHAR(10) PATH '$[7]')"

#define REGISTRATION_VALUES \
	"SELECT u.id, j.course_id, j.class_id, 'import', j.registered_at, " \
	"j.status, NULLIF(j.score, ''), NULLIF(j.completed_on, ''), " \
	"NULLIF(j.cancelled_on, '') FROM JSON_TABLE(?, '$[*]' " \
	REGISTRATION_COLUMNS ") j JOIN users u ON u.login = j.login "

#define REGISTRATION_UPDATE \
	"ON DUPLICATE KEY UPDATE class_id = VALUES(class_id), " \
	"method = VALUES(method), registered_at = VALUES(registered_at), " \
	"status = VALUES(status), score = VALUES(score), " \
	"completed_on = VALUES(completed_on), " \
	"cancelled_on = VALUES(cancelled_on)"

static int
insert_registrations(struct db *db, const char *json, int history)
{
	if (history)
		return db_exec(db, "INSERT INTO course_registration_history "
		    "(user_id, course_id, class_id, method, registered_at, "
		    "status, score, completed_on, cancelled_on) "
		    REGISTRATION_VALUES REGISTRATION_UPDATE, "s", json);
	return db_exec(db, "INSERT INTO course_registrations (user_id, "
	    "course_id, class_id, method, registered_at, status, score, "
	    "completed_on, cancelled_on) "
	    REGISTRATION_VALUES REGISTRATION_UPDATE, "s", json);
}

static int
insert_enrolments(struct db *db, const char *json)
{
	return db_exec(db, "INSERT INTO enrollments (user_id, family_id, "
	    "certification_id, method, enrolled_by, enrolled_at, enrolled_on, "
	    "complete_by, status, completed_on, expires_on, cancelled_on) "
	    "SELECT u.id, j.family_id, j.certification_id, 'import', NULL, "
	    "j.enrolled_at, j.enrolled_on, NULL, j.status, "
	    "NULLIF(j.completed_on, ''), NULLIF(j.expires_on, ''), NULL "
	    "FROM JSON_TABLE(?, '$[*]' COLUMNS ("
	    "login VARCHAR(100) PATH '$[0]', family_id BIGINT PATH '$[1]', "
	    "certification_id BIGINT PATH '$[2]', "
	    "enrolled_at VARCHAR(26) PATH '$[3]', "
	    "enrolled_on VARCHAR(10) PATH '$[4]', "
	    "status VARCHAR(20) PATH '$[5]', "
	    "completed_on VARCHAR(10) PATH '$[6]', "
	    "expires_on VARCHAR(10) PATH '$[7]')) j "
	    "JOIN users u ON u.login = j.login "
	    "ON DUPLICATE KEY UPDATE "
	    "certification_id = VALUES(certification_id), "
	    "method = VALUES(method), enrolled_by = VALUES(enrolled_by), "
	    "enrolled_at = VALUES(enrolled_at), "
	    "enrolled_on = VALUES(enrolled_on), "
	    "complete_by = VALUES(complete_by), status = VALUES(status), "
	    "completed_on = VALUES(completed_on), "
	    "expires_on = VALUES(expires_on), "
	    "cancelled_on = VALUES(cancelled_on)", "s", json);
}

/* Runs the statement of the rows built so far, when there are any. */
static int
flush(struct db *db, struct writer *w, enum batch kind)
{
	const char	*json;
	int		 rc = DB_ERROR;

	if (w->rows == 0)
		return DB_OK;
	if ((json = json_close(w)) == NULL)
		return DB_ERROR;
	switch (kind) {
	case BATCH_LEARNERS:
		rc = insert_learners(db, w, json);
		break;
	case BATCH_MEMBERS:
		rc = insert_members(db, w, json);
		break;
	case BATCH_CURRENT:
	case BATCH_HISTORY:
		rc = insert_registrations(db, json, kind == BATCH_HISTORY);
		break;
	case BATCH_ENROLMENTS:
		rc = insert_enrolments(db, json);
		break;
	}
	if (rc == DB_OK)
		w->changed += (long long)db_affected(db);
	json_reset(w);
	return rc;
}

/* Ends a row, and runs the statement when it is full. */
static int
end_row(struct db *db, struct writer *w, enum batch kind)
{
	json_end(w);
	if (w->rows == ROWS_PER_STATEMENT)
		return flush(db, w, kind);
	return DB_OK;
}

static void
login_of(long long student, char out[32])
{
	snprintf(out, 32, "s%lld", student);
}

static int
add_learners(struct db *db, struct writer *w)
{
	char	 login[32], email[64], last_name[32];
	size_t	 i;
	int	 rc;

	json_reset(w);
	for (i = 0; i < w->m->nstudents; i++) {
		login_of(w->m->students[i], login);
		snprintf(email, sizeof(email), "%s@oulad.invalid", login);
		snprintf(last_name, sizeof(last_name), "%lld",
		    w->m->students[i]);
		json_begin(w);
		json_str(w, login);
		json_str(w, email);
		json_str(w, last_name);
		if ((rc = end_row(db, w, BATCH_LEARNERS)) != DB_OK)
			return rc;
		if ((i + 1) % ROWS_PER_STATEMENT == 0)
			progress(w, "learners", (long long)i + 1,
			    (long long)w->m->nstudents);
	}
	if ((rc = flush(db, w, BATCH_LEARNERS)) != DB_OK)
		return rc;
	progress(w, "learners", (long long)w->m->nstudents,
	    (long long)w->m->nstudents);
	return DB_OK;
}

/* A learner's membership in the group of a region. */
struct member {
	long long	 student;
	int		 region;
};

static int
by_member(const void *a, const void *b)
{
	const struct member	*x = a, *y = b;

	if (x->student != y->student)
		return x->student < y->student ? -1 : 1;
	return (x->region > y->region) - (x->region < y->region);
}

/* Adds each learner to the group of each region of their rows. */
static int
add_members(struct db *db, struct writer *w)
{
	struct member	*members;
	char		 login[32];
	size_t		 i, n = w->m->nregistrations;
	int		 rc = DB_OK;

	if ((members = calloc(n + 1, sizeof(*members))) == NULL)
		return DB_ERROR;
	for (i = 0; i < n; i++) {
		members[i].student = w->m->registrations[i].student_id;
		members[i].region = w->m->registrations[i].region;
	}
	qsort(members, n, sizeof(*members), by_member);

	json_reset(w);
	for (i = 0; i < n && rc == DB_OK; i++) {
		if (i > 0 && by_member(&members[i], &members[i - 1]) == 0)
			continue;
		login_of(members[i].student, login);
		json_begin(w);
		json_int(w, w->group_ids[members[i].region]);
		json_str(w, login);
		rc = end_row(db, w, BATCH_MEMBERS);
	}
	if (rc == DB_OK)
		rc = flush(db, w, BATCH_MEMBERS);
	free(members);
	return rc;
}

static void
registration_row(struct writer *w, const struct oulad_registration *g)
{
	const struct oulad_presentation	*p;
	char				 login[32], at[27], score[16] = "";

	p = &w->m->presentations[g->presentation];
	login_of(g->student_id, login);
	day_start(g->registered_on, at);
	if (g->has_score)
		snprintf(score, sizeof(score), "%lld", g->score);
	json_begin(w);
	json_str(w, login);
	json_int(w, w->course_ids[p->module_index]);
	json_int(w, w->class_ids[g->presentation]);
	json_str(w, at);
	json_str(w, g->status);
	json_str(w, score);
	json_day(w, g->completed_on);
	json_day(w, g->cancelled_on);
}

/* Writes the current registrations (history 0) or the others. */
static int
add_registrations(struct db *db, struct writer *w, int history)
{
	const struct oulad_registration	*g;
	enum batch			 kind;
	size_t				 i;
	int				 rc;

	kind = history ? BATCH_HISTORY : BATCH_CURRENT;
	json_reset(w);
	for (i = 0; i < w->m->nregistrations; i++) {
		g = &w->m->registrations[i];
		if (g->in_history != history)
			continue;
		registration_row(w, g);
		if ((rc = end_row(db, w, kind)) != DB_OK)
			return rc;
		if (++w->registrations_done % ROWS_PER_STATEMENT == 0)
			progress(w, "registrations", w->registrations_done,
			    (long long)w->m->nregistrations);
	}
	return flush(db, w, kind);
}

static int
add_enrolments(struct db *db, struct writer *w)
{
	const struct oulad_enrolment	*e;
	char				 login[32], at[27];
	size_t				 i;
	int				 rc;

	json_reset(w);
	for (i = 0; i < w->m->nenrolments; i++) {
		e = &w->m->enrolments[i];
		login_of(e->student_id, login);
		day_start(e->enrolled_on, at);
		json_begin(w);
		json_str(w, login);
		json_int(w, w->family_ids[e->cert]);
		json_int(w, w->cert_ids[e->cert]);
		json_str(w, at);
		json_day(w, e->enrolled_on);
		json_str(w, e->status);
		json_day(w, e->completed_on);
		json_day(w, e->expires_on);
		if ((rc = end_row(db, w, BATCH_ENROLMENTS)) != DB_OK)
			return rc;
		if ((i + 1) % ROWS_PER_STATEMENT == 0)
			progress(w, "enrolments", (long long)i + 1,
			    (long long)w->m->nenrolments);
	}
	if ((rc = flush(db, w, BATCH_ENROLMENTS)) != DB_OK)
		return rc;
	progress(w, "enrolments", (long long)w->m->nenrolments,
	    (long long)w->m->nenrolments);
	return DB_OK;
}

/* ------------------------------------------------------------- transaction */

static int
import_txn(struct db *db, void *arg)
{
	struct writer	*w = arg;
	char		 details[300];
	int		 rc;

	w->changed = 0;
	w->registrations_done = 0;
	if ((rc = add_type_and_catalog(db, w)) != DB_OK ||
	    (rc = add_groups(db, w)) != DB_OK ||
	    (rc = add_courses(db, w)) != DB_OK ||
	    (rc = add_classes(db, w)) != DB_OK ||
	    (rc = add_certs(db, w)) != DB_OK ||
	    (rc = add_learners(db, w)) != DB_OK ||
	    (rc = add_members(db, w)) != DB_OK ||
	    (rc = add_registrations(db, w, 0)) != DB_OK ||
	    (rc = add_registrations(db, w, 1)) != DB_OK)
		return rc;
	progress(w, "registrations", (long long)w->m->nregistrations,
	    (long long)w->m->nregistrations);
	if ((rc = add_enrolments(db, w)) != DB_OK)
		return rc;

	/* A run that changed nothing leaves no trace, not even here. */
	if (w->changed == 0)
		return DB_OK;
	snprintf(details, sizeof(details), "OULAD from %.200s: %lld rows "
	    "inserted or changed", w->m->dir, w->changed);
	return audit_record(db, 0, 0, "import_oulad", "", 0, details);
}

static void
summarise(const struct writer *w, struct oulad_summary *s)
{
	size_t	 i;

	memset(s, 0, sizeof(*s));
	s->learners = (long long)w->m->nstudents;
	s->courses = (long long)w->m->nmodules;
	s->classes = (long long)w->m->npresentations;
	s->registrations = (long long)w->m->nregistrations;
	for (i = 0; i < w->m->nregistrations; i++)
		s->retakes += w->m->registrations[i].in_history;
	s->enrolments = (long long)w->m->nenrolments;
	for (i = 0; i < w->m->nenrolments; i++)
		s->completions += w->m->enrolments[i].completed_on !=
		    OULAD_NO_DAY;
	s->changed = w->changed;
}

int
oulad_write(struct db *db, struct oulad_model *m, struct oulad_summary *s)
{
	struct writer	 w;
	int		 rc = DB_ERROR;

	memset(&w, 0, sizeof(w));
	w.m = m;
	clock_format_sql(clock_now(), w.now);
	w.group_ids = calloc(m->nregions + 1, sizeof(*w.group_ids));
	w.course_ids = calloc(m->nmodules + 1, sizeof(*w.course_ids));
	w.class_ids = calloc(m->npresentations + 1, sizeof(*w.class_ids));
	if (w.group_ids != NULL && w.course_ids != NULL &&
	    w.class_ids != NULL)
		rc = db_txn(db, import_txn, &w);
	if (rc == DB_OK)
		summarise(&w, s);
	free(w.group_ids);
	free(w.course_ids);
	free(w.class_ids);
	buf_free(&w.json);
	return rc;
}
