/*
 * The requirements of a certification: its courses, and its
 * prerequisites (other certification families) without cycles.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "certification.h"
#include "clock.h"
#include "completion.h"
#include "db.h"
#include "listing.h"
#include "str.h"

/* The newest version of its family, as in certification.c. */
#define NEWEST_ONLY \
	"NOT EXISTS (SELECT 1 FROM certifications n " \
	"WHERE n.family_id = c.family_id AND n.version > c.version) "

/* The state of a version, read inside a writing transaction. */
struct state {
	long long	 family_id;
	int		 is_newest;
	int		 required_electives;
	char		 rule[8];
};

/* Returns DB_OK, CERT_NOT_FOUND, CERT_READ_ONLY or a db_status. */
static int
load_state(struct db *db, long long id, struct state *st)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, "SELECT c.family_id, " NEWEST_ONLY ", "
	    "c.required_electives, c.prerequisite_rule "
	    "FROM certifications c WHERE c.id = ?", "l", id);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_next(res)) == 1) {
		st->family_id = db_int(res, 0);
		st->is_newest = (int)db_int(res, 1);
		st->required_electives = (int)db_int(res, 2);
		str_copy(st->rule, db_str(res, 3), sizeof(st->rule));
	}
	db_res_free(res);
	if (rc < 0)
		return rc;
	if (rc == 0)
		return CERT_NOT_FOUND;
	return st->is_newest ? DB_OK : CERT_READ_ONLY;
}

/* ------------------------------------------------------------ cycles */

/* Loads the families that the newest version of family requires into a
 * new array (freed by the caller, NULL when there are none). */
static int
load_edges(struct db *db, long long family, long long **out, size_t *n)
{
	struct db_res	*res;
	long long	*ids;
	size_t		 i = 0;
	int		 rc;

	*out = NULL;
	*n = 0;
	rc = db_query(db, &res, "SELECT p.required_family_id "
	    "FROM certifications c JOIN certification_prerequisites p "
	    "ON p.certification_id = c.id WHERE c.family_id = ? AND "
	    NEWEST_ONLY "ORDER BY p.required_family_id", "l", family);
	if (rc != DB_OK)
		return rc;
	if (db_rows(res) == 0) {
		db_res_free(res);
		return DB_OK;
	}
	if ((ids = calloc(db_rows(res), sizeof(*ids))) == NULL) {
		db_res_free(res);
		return DB_ERROR;
	}
	while ((rc = db_next(res)) == 1)
		ids[i++] = db_int(res, 0);
	db_res_free(res);
	if (rc < 0) {
		free(ids);
		return rc;
	}
	*out = ids;
	*n = i;
	return DB_OK;
}

/* A sorted set of family ids. */
struct idset {
	long long	*ids;
	size_t		 n, cap;
};

/* Adds id; returns 1 when it was new, 0 when present, -1 without memory. */
static int
idset_add(struct idset *s, long long id)
{
	size_t		 lo = 0, hi = s->n, mid;
	long long	*p;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (s->ids[mid] == id)
			return 0;
		if (s->ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 32;
		if ((p = realloc(s->ids, s->cap * sizeof(*p))) == NULL)
			return -1;
		s->ids = p;
	}
	memmove(&s->ids[lo + 1], &s->ids[lo], (s->n - lo) * sizeof(*s->ids));
	s->ids[lo] = id;
	s->n++;
	return 1;
}

/* One family on the search path with the families it requires and the
 * index of the next one to follow. */
struct frame {
	long long	 family;
	long long	*next;
	size_t		 n, i;
};

int
cert_find_cycle(struct db *db, long long family_id, const long long *required,
    size_t n, long long *path, size_t *pathlen, size_t pathmax)
{
	struct frame	*stack = NULL, *top, *p;
	struct idset	 seen = { 0 };
	size_t		 depth = 0, cap = 0, k;
	long long	 g;
	int		 rc = DB_OK, found = 0;

	*pathlen = 0;
	if (idset_add(&seen, family_id) < 0)
		return DB_ERROR;
	/* The root's edges are the proposed set: the stored ones are what
	 * the save replaces.  Its frame owns no array. */
	if ((stack = calloc(1, sizeof(*stack))) == NULL) {
		free(seen.ids);
		return DB_ERROR;
	}
	cap = 1;
	stack[0].family = family_id;
	stack[0].next = (long long *)required;
	stack[0].n = n;
	depth = 1;

	while (depth > 0 && !found) {
		top = &stack[depth - 1];
		if (top->i == top->n) {
			if (depth > 1)
				free(top->next);
			depth--;
			continue;
		}
		g = top->next[top->i++];
		if (g == family_id) {
			found = 1;
			break;
		}
		if ((rc = idset_add(&seen, g)) == 0)
			continue;
		if (rc < 0) {
			rc = DB_ERROR;
			break;
		}
		if (depth == cap) {
			if ((p = realloc(stack, cap * 2 * sizeof(*p))) == NULL) {
				rc = DB_ERROR;
				break;
			}
			stack = p;
			cap *= 2;
		}
		top = &stack[depth];
		memset(top, 0, sizeof(*top));
		top->family = g;
		if ((rc = load_edges(db, g, &top->next, &top->n)) != DB_OK)
			break;
		depth++;
		rc = DB_OK;
	}

	if (found && pathmax > 0) {
		for (k = 0; k < depth && k + 1 < pathmax; k++)
			path[k] = stack[k].family;
		path[k++] = family_id;
		*pathlen = k;
	}
	for (k = 1; k < depth; k++)
		free(stack[k].next);
	free(stack);
	free(seen.ids);
	if (rc < 0)
		return rc;
	return found;
}

/* ------------------------------------------------------------ prerequisites */

/* Appends the name of the newest version of family to b. */
static int
append_family_name(struct db *db, long long family, struct buf *b)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, "SELECT c.name FROM certifications c "
	    "WHERE c.family_id = ? AND " NEWEST_ONLY, "l", family);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_next(res)) == 1)
		buf_puts(b, db_str(res, 0));
	db_res_free(res);
	return rc < 0 ? rc : DB_OK;
}

/* Writes the names of families[0..n) to b, separated by sep. */
static int
family_names(struct db *db, const long long *families, size_t n,
    const char *sep, struct buf *b)
{
	size_t	 i;
	int	 rc = DB_OK;

	buf_puts(b, "");
	for (i = 0; i < n && rc == DB_OK; i++) {
		if (i > 0)
			buf_puts(b, sep);
		rc = append_family_name(db, families[i], b);
	}
	return rc;
}

static int
family_exists(struct db *db, long long family)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, "SELECT 1 FROM certification_families "
	    "WHERE id = ?", "l", family);
	if (rc != DB_OK)
		return rc;
	rc = db_next(res);
	db_res_free(res);
	return rc;
}

struct prereq_save {
	long long	 id;
	const long long	*required;
	size_t		 n;
	enum cert_rule	 rule;
	char		*cycle;
	size_t		 cyclesz;
	long long	 actor, impersonator;
};

/* Writes "A → B → A" for a cycle to s->cycle. */
static int
describe_cycle(struct db *db, struct prereq_save *s, const long long *path,
    size_t len)
{
	struct buf	 b = { 0 };
	int		 rc;

	rc = family_names(db, path, len, " → ", &b);
	if (rc == DB_OK)
		str_copy(s->cycle, b.data, s->cyclesz);
	buf_free(&b);
	return rc;
}

static int
prereq_txn(struct db *db, void *arg)
{
	struct prereq_save	*s = arg;
	struct state		 st;
	struct buf		 before = { 0 }, after = { 0 }, details = { 0 };
	long long		*old = NULL, path[64];
	size_t			 n_old = 0, len, i;
	char			 now[27];
	int			 rc;

	/*
	 * Every save of prerequisites updates this one row first, so two
	 * saves never run side by side: on one server the second waits for
	 * the row lock, on a Galera cluster one fails certification and is
	 * re-run.  The second then reads the first's prerequisites when it
	 * looks for a cycle (READ COMMITTED reads the latest commit).
	 */
	rc = db_exec(db, "INSERT INTO certification_prerequisite_saves "
	    "(id, saves) VALUES (1, 1) "
	    "ON DUPLICATE KEY UPDATE saves = saves + 1", "");
	if (rc != DB_OK)
		return rc;
	if ((rc = load_state(db, s->id, &st)) != DB_OK)
		return rc;
	for (i = 0; i < s->n; i++) {
		if ((rc = family_exists(db, s->required[i])) < 0)
			return rc;
		if (rc == 0)
			return CERT_UNKNOWN_CHOICE;
	}
	rc = cert_find_cycle(db, st.family_id, s->required, s->n, path, &len,
	    sizeof(path) / sizeof(path[0]));
	if (rc < 0)
		return rc;
	if (rc == 1)
		return (rc = describe_cycle(db, s, path, len)) == DB_OK ?
		    CERT_CYCLE : rc;

	if ((rc = load_edges(db, st.family_id, &old, &n_old)) != DB_OK)
		return rc;
	rc = family_names(db, old, n_old, ", ", &before);
	free(old);
	if (rc == DB_OK)
		rc = family_names(db, s->required, s->n, ", ", &after);
	if (rc == DB_OK)
		rc = db_exec(db, "DELETE FROM certification_prerequisites "
		    "WHERE certification_id = ?", "l", s->id);
	for (i = 0; rc == DB_OK && i < s->n; i++)
		rc = db_exec(db, "INSERT INTO certification_prerequisites "
		    "(certification_id, required_family_id) VALUES (?, ?)",
		    "ll", s->id, s->required[i]);
	clock_format_sql(clock_now(), now);
	if (rc == DB_OK)
		rc = db_exec(db, "UPDATE certifications SET "
		    "prerequisite_rule = ?, updated_at = ? WHERE id = ?", "ssl",
		    cert_rule_keys[s->rule], now, s->id);
	if (rc == DB_OK) {
		audit_change(&details, "prerequisites", before.data,
		    after.data);
		audit_change(&details, "rule", st.rule,
		    cert_rule_keys[s->rule]);
		rc = audit_record(db, s->actor, s->impersonator,
		    "certification_prerequisites", "certification", s->id,
		    details.data ? details.data : "no change");
	}
	/* A change of the rules can complete learners in progress. */
	if (rc == DB_OK && details.data != NULL)
		rc = completion_queue_recheck(db, s->id, s->actor);
	buf_free(&before);
	buf_free(&after);
	buf_free(&details);
	return rc;
}

int
cert_prerequisites_save(struct db *db, long long id,
    const long long *required, size_t n, enum cert_rule rule, char *cycle,
    size_t cyclesz, long long actor_id, long long impersonator_id)
{
	struct prereq_save	 s = { id, required, n, rule, cycle, cyclesz,
				    actor_id, impersonator_id };

	if (cyclesz > 0)
		cycle[0] = '\0';
	return db_txn(db, prereq_txn, &s);
}

/* ------------------------------------------------------------ courses */

static void
fill_course(struct cert_course *c, struct db_res *res)
{
	int	 req;

	memset(c, 0, sizeof(*c));
	c->course_id = db_int(res, 0);
	str_copy(c->code, db_str(res, 1), sizeof(c->code));
	str_copy(c->name, db_str(res, 2), sizeof(c->name));
	c->active = (int)db_int(res, 3);
	req = cert_key_index(cert_requirement_keys, db_str(res, 4));
	c->requirement = req < 0 ? CERT_REQ_NONE : req;
	c->position = db_int(res, 5);
}

static int
collect_courses(struct db_res *res, struct cert_course **out, size_t *n)
{
	struct cert_course	*rows;
	size_t			 i = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	rows = calloc(db_rows(res) ? db_rows(res) : 1, sizeof(*rows));
	if (rows == NULL) {
		db_res_free(res);
		return DB_ERROR;
	}
	while ((rc = db_next(res)) == 1)
		fill_course(&rows[i++], res);
	db_res_free(res);
	if (rc < 0) {
		free(rows);
		return rc;
	}
	*out = rows;
	*n = i;
	return DB_OK;
}

int
cert_courses(struct db *db, long long id, struct cert_course **out,
    size_t *n)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, "SELECT co.id, co.code, co.name, co.active, "
	    "cc.requirement, cc.position FROM certification_courses cc "
	    "JOIN courses co ON co.id = cc.course_id "
	    "WHERE cc.certification_id = ? ORDER BY cc.position, co.code",
	    "l", id);
	if (rc != DB_OK)
		return rc;
	return collect_courses(res, out, n);
}

int
cert_course_candidates(struct db *db, long long id, const struct listing *l,
    struct cert_course **out, size_t *n)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, "SELECT co.id, co.code, co.name, co.active, "
	    "'none', 0 FROM courses co WHERE co.active = 1 "
	    "AND (? = '' OR co.code LIKE ? OR co.name LIKE ?) "
	    "AND NOT EXISTS (SELECT 1 FROM certification_courses cc "
	    "WHERE cc.certification_id = ? AND cc.course_id = co.id) "
	    "ORDER BY co.code LIMIT ? OFFSET ?", "ssslll", l->q_pattern,
	    l->q_pattern, l->q_pattern, id, l->limit, l->offset);
	if (rc != DB_OK)
		return rc;
	return collect_courses(res, out, n);
}

/* Writes "CODE (requirement), ..." for the audit log. */
static void
courses_text(const struct cert_course *c, size_t n, struct buf *b)
{
	size_t	 i;

	buf_puts(b, "");
	for (i = 0; i < n; i++)
		buf_printf(b, "%s%s (%s)", i ? ", " : "", c[i].code,
		    cert_requirement_keys[c[i].requirement]);
}

struct course_save {
	long long		 id;
	struct cert_course	*courses;
	size_t			 n;
	int			*required_electives;
	long long		 actor, impersonator;
};

/* Checks each course exists and fills its code for the audit log. */
static int
check_courses(struct db *db, struct course_save *s)
{
	struct db_res	*res;
	size_t		 i;
	int		 rc;

	for (i = 0; i < s->n; i++) {
		rc = db_query(db, &res, "SELECT code FROM courses "
		    "WHERE id = ?", "l", s->courses[i].course_id);
		if (rc != DB_OK)
			return rc;
		if ((rc = db_next(res)) == 1)
			str_copy(s->courses[i].code, db_str(res, 0),
			    sizeof(s->courses[i].code));
		db_res_free(res);
		if (rc < 0)
			return rc;
		if (rc == 0)
			return CERT_UNKNOWN_CHOICE;
	}
	return DB_OK;
}

static int
course_txn(struct db *db, void *arg)
{
	struct course_save	*s = arg;
	struct cert_course	*old = NULL;
	struct state		 st;
	struct buf		 before = { 0 }, after = { 0 }, details = { 0 };
	size_t			 n_old = 0, i;
	int			 electives = 0, rc;
	char			 now[27];

	if ((rc = load_state(db, s->id, &st)) != DB_OK)
		return rc;
	if ((rc = check_courses(db, s)) != DB_OK)
		return rc;
	for (i = 0; i < s->n; i++)
		if (s->courses[i].requirement == CERT_REQ_ELECTIVE)
			electives++;
	if (electives < st.required_electives) {
		*s->required_electives = st.required_electives;
		return CERT_ELECTIVES;
	}

	if ((rc = cert_courses(db, s->id, &old, &n_old)) != DB_OK)
		return rc;
	courses_text(old, n_old, &before);
	free(old);
	courses_text(s->courses, s->n, &after);
	rc = db_exec(db, "DELETE FROM certification_courses "
	    "WHERE certification_id = ?", "l", s->id);
	for (i = 0; rc == DB_OK && i < s->n; i++)
		rc = db_exec(db, "INSERT INTO certification_courses "
		    "(certification_id, course_id, requirement, position) "
		    "VALUES (?, ?, ?, ?)", "llsl", s->id,
		    s->courses[i].course_id,
		    cert_requirement_keys[s->courses[i].requirement],
		    s->courses[i].position);
	clock_format_sql(clock_now(), now);
	if (rc == DB_OK)
		rc = db_exec(db, "UPDATE certifications SET updated_at = ? "
		    "WHERE id = ?", "sl", now, s->id);
	if (rc == DB_OK) {
		audit_change(&details, "courses", before.data, after.data);
		rc = audit_record(db, s->actor, s->impersonator,
		    "certification_courses", "certification", s->id,
		    details.data ? details.data : "no change");
	}
	/* A change of the rules can complete learners in progress. */
	if (rc == DB_OK && details.data != NULL)
		rc = completion_queue_recheck(db, s->id, s->actor);
	buf_free(&before);
	buf_free(&after);
	buf_free(&details);
	return rc;
}

int
cert_courses_save(struct db *db, long long id, struct cert_course *courses,
    size_t n, int *required_electives, long long actor_id,
    long long impersonator_id)
{
	struct course_save	 s = { id, courses, n, required_electives,
				    actor_id, impersonator_id };
	struct cert_course	 tmp;
	size_t			 i, j;

	/* Insertion sort is stable, so equal positions keep their order;
	 * the lists are short (CERT_COURSES_MAX). */
	for (i = 1; i < n; i++) {
		tmp = courses[i];
		for (j = i; j > 0 && courses[j - 1].position > tmp.position;
		    j--)
			courses[j] = courses[j - 1];
		courses[j] = tmp;
	}
	for (i = 0; i < n; i++)
		courses[i].position = (long long)i + 1;
	return db_txn(db, course_txn, &s);
}
