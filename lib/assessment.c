#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assessment.h"
#include "audit.h"
#include "clock.h"
#include "completion.h"
#include "db.h"
#include "str.h"

/* ------------------------------------------------------------ reading */

enum assessment_problem
assessment_question_check(const struct assessment_question *q)
{
	int	 i, correct = 0;

	if (q->noptions < ASSESSMENT_OPTIONS_MIN)
		return ASSESSMENT_TOO_FEW_OPTIONS;
	for (i = 0; i < q->noptions; i++)
		if (q->options[i].correct)
			correct++;
	if (correct == 0)
		return ASSESSMENT_NO_CORRECT;
	if (correct > 1 && !q->multiple)
		return ASSESSMENT_SEVERAL_CORRECT;
	return ASSESSMENT_VALID;
}

#define SELECT_QUESTIONS \
	"SELECT q.id, q.course_id, q.position, q.prompt, q.multiple, " \
	"(SELECT COUNT(*) FROM assessment_questions x " \
	"WHERE x.course_id = q.course_id AND x.position <= q.position) " \
	"FROM assessment_questions q "

static void
fill_question(struct assessment_question *q, struct db_res *res)
{
	memset(q, 0, sizeof(*q));
	q->id = db_int(res, 0);
	q->course_id = db_int(res, 1);
	q->position = (int)db_int(res, 2);
	str_copy(q->prompt, db_str(res, 3), sizeof(q->prompt));
	q->multiple = (int)db_int(res, 4);
	q->number = (int)db_int(res, 5);
}

/* Appends the option of the current row (id, label, correct from column
 * first on) to q; options past ASSESSMENT_OPTIONS_MAX are left out. */
static void
add_option(struct assessment_question *q, struct db_res *res, int first)
{
	struct assessment_option	*o;

	if (q->noptions == ASSESSMENT_OPTIONS_MAX)
		return;
	o = &q->options[q->noptions++];
	o->id = db_int(res, first);
	str_copy(o->label, db_str(res, first + 1), sizeof(o->label));
	o->correct = (int)db_int(res, first + 2);
}

static struct assessment_question *
find_question(struct assessment_question *qs, size_t n, long long id)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (qs[i].id == id)
			return &qs[i];
	return NULL;
}

/* Reads the options of the questions in qs, in their order. */
static int
load_options(struct db *db, long long course_id,
    struct assessment_question *qs, size_t n)
{
	struct assessment_question	*q;
	struct db_res			*res;
	int				 rc;

	rc = db_query(db, &res, "SELECT o.question_id, o.id, o.label, "
	    "o.correct FROM assessment_options o "
	    "JOIN assessment_questions q ON q.id = o.question_id "
	    "WHERE q.course_id = ? ORDER BY o.question_id, o.position, o.id",
	    "l", course_id);
	if (rc != DB_OK)
		return rc;
	while ((rc = db_next(res)) == 1)
		if ((q = find_question(qs, n, db_int(res, 0))) != NULL)
			add_option(q, res, 1);
	db_res_free(res);
	return rc < 0 ? rc : DB_OK;
}

int
assessment_questions(struct db *db, long long course_id,
    struct assessment_question **out, size_t *n)
{
	struct assessment_question	*qs;
	struct db_res			*res;
	size_t				 i = 0;
	int				 rc;

	*out = NULL;
	*n = 0;
	rc = db_query(db, &res, SELECT_QUESTIONS "WHERE q.course_id = ? "
	    "ORDER BY q.position", "l", course_id);
	if (rc != DB_OK)
		return rc;
	if ((qs = calloc(db_rows(res) + 1, sizeof(*qs))) == NULL) {
		db_res_free(res);
		return DB_ERROR;
	}
	while ((rc = db_next(res)) == 1)
		fill_question(&qs[i++], res);
	db_res_free(res);
	if (rc == 0 && i > 0)
		rc = load_options(db, course_id, qs, i);
	if (rc < 0) {
		free(qs);
		return rc;
	}
	*out = qs;
	*n = i;
	return DB_OK;
}

int
assessment_question_get(struct db *db, long long id,
    struct assessment_question *q)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, SELECT_QUESTIONS "WHERE q.id = ?", "l", id);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_next(res)) == 1)
		fill_question(q, res);
	db_res_free(res);
	if (rc != 1)
		return rc == 0 ? 1 : rc;

	rc = db_query(db, &res, "SELECT id, label, correct "
	    "FROM assessment_options WHERE question_id = ? "
	    "ORDER BY position, id", "l", id);
	if (rc != DB_OK)
		return rc;
	while ((rc = db_next(res)) == 1)
		add_option(q, res, 0);
	db_res_free(res);
	return rc < 0 ? rc : DB_OK;
}

/* ------------------------------------------------------------ changes */

/* Returns the first row's first column as a number in *out; DB_OK, 1
 * when there is no row, or a db_status. */
static int
query_count(struct db_res *res, long long *out)
{
	int	 rc;

	*out = 0;
	if ((rc = db_next(res)) == 1)
		*out = db_int(res, 0);
	db_res_free(res);
	return db_found(rc);
}

int
assessment_question_count(struct db *db, long long course_id, long long *n)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, "SELECT COUNT(*) FROM assessment_questions "
	    "WHERE course_id = ?", "l", course_id);
	if (rc != DB_OK)
		return rc;
	rc = query_count(res, n);
	return rc == 1 ? DB_OK : rc;
}

static int
course_exists(struct db *db, long long course_id)
{
	struct db_res	*res;
	long long	 one;
	int		 rc;

	rc = db_query(db, &res, "SELECT 1 FROM courses WHERE id = ?", "l",
	    course_id);
	if (rc != DB_OK)
		return rc;
	rc = query_count(res, &one);
	return rc == 1 ? ASSESSMENT_MISSING : rc;
}

/* Appends the options as "A (correct) | B | C" for the audit log. */
static void
describe_options(struct buf *b, const struct assessment_question *q)
{
	int	 i;

	buf_puts(b, "");
	for (i = 0; i < q->noptions; i++)
		buf_printf(b, "%s%s%s", i > 0 ? " | " : "", q->options[i].label,
		    q->options[i].correct ? " (correct)" : "");
}

struct question_save {
	struct assessment_question	*q;
	long long			 actor, impersonator;
	/* Fixed before the first run, since a run that is rolled back
	 * leaves new ids in q: */
	int				 is_new;
	long long			 kept_ids[ASSESSMENT_OPTIONS_MAX];
};

static int
insert_option(struct db *db, long long question_id, int position,
    struct assessment_option *o)
{
	int	 rc;

	rc = db_exec(db, "INSERT INTO assessment_options (question_id, "
	    "position, label, correct) VALUES (?, ?, ?, ?)", "lisi",
	    question_id, position, o->label, o->correct);
	if (rc == DB_OK)
		o->id = (long long)db_insert_id(db);
	return rc;
}

/* Returns 1 when id is among the first n of ids. */
static int
has_id(const long long *ids, int n, long long id)
{
	int	 i;

	for (i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

/* Returns 1 when old has an option with this id. */
static int
old_option(const struct assessment_question *old, long long id)
{
	int	 i;

	for (i = 0; old != NULL && i < old->noptions; i++)
		if (old->options[i].id == id)
			return 1;
	return 0;
}

/*
 * Brings the stored options of q in line with q->options, numbering
 * positions from 1: an option whose id was kept (and belongs to old, the
 * stored question) is updated, every other one inserted, and the options
 * of old that were not kept are deleted.  An id kept twice counts once.
 */
static int
save_options(struct db *db, struct question_save *s,
    const struct assessment_question *old)
{
	struct assessment_question	*q = s->q;
	struct assessment_option	*o;
	long long			 id;
	int				 i, rc;

	for (i = 0; old != NULL && i < old->noptions; i++) {
		if (has_id(s->kept_ids, q->noptions, old->options[i].id))
			continue;
		rc = db_exec(db, "DELETE FROM assessment_options WHERE id = ?",
		    "l", old->options[i].id);
		if (rc != DB_OK)
			return rc;
	}
	for (i = 0; i < q->noptions; i++) {
		o = &q->options[i];
		id = s->kept_ids[i];
		if (id != 0 && old_option(old, id) &&
		    !has_id(s->kept_ids, i, id)) {
			o->id = id;
			rc = db_exec(db, "UPDATE assessment_options SET "
			    "position = ?, label = ?, correct = ? WHERE id = ?",
			    "isil", i + 1, o->label, o->correct, o->id);
		} else
			rc = insert_option(db, q->id, i + 1, o);
		if (rc != DB_OK)
			return rc;
	}
	return DB_OK;
}

static int
question_insert(struct db *db, struct question_save *s)
{
	struct assessment_question	*q = s->q;
	struct buf			 details = { 0 };
	long long			 count;
	char				 now[27];
	int				 rc;

	if ((rc = course_exists(db, q->course_id)) != DB_OK)
		return rc;
	if ((rc = assessment_question_count(db, q->course_id, &count)) !=
	    DB_OK)
		return rc;
	if (count >= ASSESSMENT_QUESTIONS_MAX)
		return ASSESSMENT_FULL;

	/* Two additions at once take the same position: the unique key
	 * rejects the second, which runs again and takes the next one. */
	clock_format_sql(clock_now(), now);
	rc = db_exec(db, "INSERT INTO assessment_questions (course_id, "
	    "position, prompt, multiple, created_at, updated_at) "
	    "SELECT ?, COALESCE(MAX(position), 0) + 1, ?, ?, ?, ? "
	    "FROM assessment_questions WHERE course_id = ?", "lsissl",
	    q->course_id, q->prompt, q->multiple, now, now, q->course_id);
	if (rc == DB_DUPLICATE)
		return DB_RETRY;
	if (rc != DB_OK)
		return rc;
	q->id = (long long)db_insert_id(db);
	if ((rc = save_options(db, s, NULL)) != DB_OK)
		return rc;

	buf_printf(&details, "question %lld: \"%s\"; %s; options: ", q->id,
	    q->prompt, q->multiple ? "several answers" : "one answer");
	describe_options(&details, q);
	rc = audit_record(db, s->actor, s->impersonator, "question_create",
	    "course", q->course_id, details.data);
	buf_free(&details);
	return rc;
}

static int
question_update(struct db *db, struct question_save *s)
{
	struct assessment_question	*q = s->q, *old;
	struct buf			 changes = { 0 }, was = { 0 };
	struct buf			 now_options = { 0 };
	char				 now[27];
	int				 rc;

	if ((old = malloc(sizeof(*old))) == NULL)
		return DB_ERROR;
	if ((rc = assessment_question_get(db, q->id, old)) != DB_OK) {
		free(old);
		return rc == 1 ? ASSESSMENT_MISSING : rc;
	}
	q->course_id = old->course_id;
	q->position = old->position;
	clock_format_sql(clock_now(), now);
	rc = db_exec(db, "UPDATE assessment_questions SET prompt = ?, "
	    "multiple = ?, updated_at = ? WHERE id = ?", "sisl", q->prompt,
	    q->multiple, now, q->id);
	if (rc == DB_OK)
		rc = save_options(db, s, old);

	if (rc == DB_OK) {
		buf_printf(&changes, "question %lld: ", q->id);
		audit_change(&changes, "prompt", old->prompt, q->prompt);
		audit_change_int(&changes, "several answers", old->multiple,
		    q->multiple);
		describe_options(&was, old);
		describe_options(&now_options, q);
		audit_change(&changes, "options", was.data, now_options.data);
		rc = audit_record(db, s->actor, s->impersonator,
		    "question_update", "course", q->course_id, changes.data);
	}
	buf_free(&changes);
	buf_free(&was);
	buf_free(&now_options);
	free(old);
	return rc;
}

static int
question_save_txn(struct db *db, void *arg)
{
	struct question_save	*s = arg;

	if (s->is_new)
		return question_insert(db, s);
	return question_update(db, s);
}

int
assessment_question_save(struct db *db, struct assessment_question *q,
    long long actor_id, long long impersonator_id)
{
	struct question_save	 s;
	long long		 id = q->id;
	int			 i, rc;

	if (assessment_question_check(q) != ASSESSMENT_VALID)
		return ASSESSMENT_INVALID;
	memset(&s, 0, sizeof(s));
	s.q = q;
	s.actor = actor_id;
	s.impersonator = impersonator_id;
	s.is_new = q->id == 0;
	for (i = 0; i < q->noptions; i++)
		s.kept_ids[i] = q->options[i].id;
	rc = db_txn(db, question_save_txn, &s);
	if (rc != DB_OK) {
		q->id = id;
		for (i = 0; i < q->noptions; i++)
			q->options[i].id = s.kept_ids[i];
	}
	return rc;
}

struct question_change {
	long long	 id;
	int		 up;
	long long	 actor, impersonator;
};

static int
question_delete_txn(struct db *db, void *arg)
{
	struct question_change		*c = arg;
	struct assessment_question	*q;
	struct buf			 details = { 0 };
	int				 rc;

	if ((q = malloc(sizeof(*q))) == NULL)
		return DB_ERROR;
	if ((rc = assessment_question_get(db, c->id, q)) != DB_OK) {
		free(q);
		return rc == 1 ? ASSESSMENT_MISSING : rc;
	}
	rc = db_exec(db, "DELETE FROM assessment_questions WHERE id = ?", "l",
	    c->id);
	if (rc == DB_OK) {
		buf_printf(&details, "question %lld: \"%s\"", q->id, q->prompt);
		rc = audit_record(db, c->actor, c->impersonator,
		    "question_delete", "course", q->course_id, details.data);
	}
	buf_free(&details);
	free(q);
	return rc;
}

int
assessment_question_delete(struct db *db, long long id, long long actor_id,
    long long impersonator_id)
{
	struct question_change	 c = { id, 0, actor_id, impersonator_id };

	return db_txn(db, question_delete_txn, &c);
}

static int
question_move_txn(struct db *db, void *arg)
{
	struct question_change	*c = arg;
	struct db_res		*res;
	long long		 course_id, other = 0;
	int			 rc, position, other_position = 0;
	char			 details[128];

	rc = db_query(db, &res, "SELECT course_id, position FROM "
	    "assessment_questions WHERE id = ?", "l", c->id);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_next(res)) != 1) {
		db_res_free(res);
		return rc == 0 ? ASSESSMENT_MISSING : rc;
	}
	course_id = db_int(res, 0);
	position = (int)db_int(res, 1);
	db_res_free(res);

	if (c->up)
		rc = db_query(db, &res, "SELECT id, position FROM "
		    "assessment_questions WHERE course_id = ? AND position < ? "
		    "ORDER BY position DESC LIMIT 1", "li", course_id,
		    position);
	else
		rc = db_query(db, &res, "SELECT id, position FROM "
		    "assessment_questions WHERE course_id = ? AND position > ? "
		    "ORDER BY position LIMIT 1", "li", course_id, position);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_next(res)) == 1) {
		other = db_int(res, 0);
		other_position = (int)db_int(res, 1);
	}
	db_res_free(res);
	if (rc <= 0)
		return rc;	/* an error, or already first or last */

	/* Position 0 is never used, so the swap passes through it without
	 * breaking the unique key. */
	rc = db_exec(db, "UPDATE assessment_questions SET position = 0 "
	    "WHERE id = ?", "l", c->id);
	if (rc == DB_OK)
		rc = db_exec(db, "UPDATE assessment_questions SET position = ? "
		    "WHERE id = ?", "il", position, other);
	if (rc == DB_OK)
		rc = db_exec(db, "UPDATE assessment_questions SET position = ? "
		    "WHERE id = ?", "il", other_position, c->id);
	if (rc == DB_DUPLICATE)
		return DB_RETRY;
	if (rc != DB_OK)
		return rc;
	snprintf(details, sizeof(details), "question %lld moved %s, "
	    "swapped with question %lld", c->id, c->up ? "up" : "down", other);
	return audit_record(db, c->actor, c->impersonator, "question_move",
	    "course", course_id, details);
}

int
assessment_question_move(struct db *db, long long id, int up,
    long long actor_id, long long impersonator_id)
{
	struct question_change	 c = { id, up, actor_id, impersonator_id };

	return db_txn(db, question_move_txn, &c);
}

/* ------------------------------------------------------------ settings */

static int
attempt_limit(struct db *db, long long course_id, int *out)
{
	struct db_res	*res;
	long long	 limit;
	int		 rc;

	rc = db_query(db, &res, "SELECT IFNULL(attempt_limit, 0) "
	    "FROM assessments WHERE course_id = ?", "l", course_id);
	if (rc != DB_OK)
		return rc;
	rc = query_count(res, &limit);
	*out = (int)limit;
	return rc == 1 ? DB_OK : rc;
}

int
assessment_settings_get(struct db *db, long long course_id,
    struct assessment_settings *s)
{
	struct db_res	*res;
	int		 rc;

	memset(s, 0, sizeof(*s));
	if ((rc = attempt_limit(db, course_id, &s->attempt_limit)) != DB_OK)
		return rc;
	rc = db_query(db, &res, "SELECT COUNT(*), COUNT(DISTINCT user_id) "
	    "FROM assessment_attempts WHERE course_id = ?", "l", course_id);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_next(res)) == 1) {
		s->attempts = db_int(res, 0);
		s->learners = db_int(res, 1);
	}
	db_res_free(res);
	return rc < 0 ? rc : DB_OK;
}

struct settings_save {
	long long	 course_id;
	int		 limit;
	long long	 actor, impersonator;
};

static void
format_limit(int limit, char *out, size_t outsz)
{
	if (limit == 0)
		snprintf(out, outsz, "none");
	else
		snprintf(out, outsz, "%d", limit);
}

static int
settings_save_txn(struct db *db, void *arg)
{
	struct settings_save	*s = arg;
	struct buf		 changes = { 0 };
	char			 now[27], limit[16], was[16], now_limit[16];
	int			 rc, old;

	if ((rc = course_exists(db, s->course_id)) != DB_OK)
		return rc;
	if ((rc = attempt_limit(db, s->course_id, &old)) != DB_OK)
		return rc;
	snprintf(limit, sizeof(limit), "%d", s->limit);
	clock_format_sql(clock_now(), now);
	rc = db_exec(db, "INSERT INTO assessments (course_id, attempt_limit, "
	    "updated_at) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE "
	    "attempt_limit = VALUES(attempt_limit), "
	    "updated_at = VALUES(updated_at)", "lss", s->course_id,
	    s->limit ? limit : NULL, now);
	if (rc != DB_OK)
		return rc;
	format_limit(old, was, sizeof(was));
	format_limit(s->limit, now_limit, sizeof(now_limit));
	audit_change(&changes, "attempt limit", was, now_limit);
	rc = audit_record(db, s->actor, s->impersonator, "assessment_update",
	    "course", s->course_id, changes.data ? changes.data : "no change");
	buf_free(&changes);
	return rc;
}

int
assessment_settings_save(struct db *db, long long course_id,
    int attempt_limit_value, long long actor_id, long long impersonator_id)
{
	struct settings_save	 s = { course_id, attempt_limit_value, actor_id,
				    impersonator_id };

	return db_txn(db, settings_save_txn, &s);
}

/* ------------------------------------------------------------ grading */

int
assessment_question_correct(const struct assessment_question *q,
    unsigned int chosen)
{
	unsigned int	 want = 0;
	int		 i;

	for (i = 0; i < q->noptions; i++)
		if (q->options[i].correct)
			want |= 1u << i;
	return want != 0 && chosen == want;
}

void
assessment_grade(const struct assessment_question *qs, size_t n,
    const unsigned int *chosen, int passing_score,
    struct assessment_grade *out)
{
	size_t	 i;

	memset(out, 0, sizeof(*out));
	out->questions = (int)n;
	for (i = 0; i < n; i++)
		if (assessment_question_correct(&qs[i], chosen[i]))
			out->correct++;
	if (n == 0)
		return;
	out->score_hundredths = (long long)out->correct * 10000 /
	    (long long)n;
	out->passed = out->score_hundredths >= (long long)passing_score * 100;
}

/* ------------------------------------------------------------ attempts */

#define SELECT_ATTEMPTS \
	"SELECT id, user_id, course_id, number, started_at, " \
	"IFNULL(finished_at, ''), questions, correct, " \
	"IFNULL(score_hundredths, 0), IFNULL(passed, 0) " \
	"FROM assessment_attempts "

static void
fill_attempt(struct assessment_attempt *a, struct db_res *res)
{
	memset(a, 0, sizeof(*a));
	a->id = db_int(res, 0);
	a->user_id = db_int(res, 1);
	a->course_id = db_int(res, 2);
	a->number = (int)db_int(res, 3);
	str_copy(a->started_at, db_str(res, 4), sizeof(a->started_at));
	str_copy(a->finished_at, db_str(res, 5), sizeof(a->finished_at));
	a->questions = (int)db_int(res, 6);
	a->correct = (int)db_int(res, 7);
	a->score_hundredths = db_int(res, 8);
	a->passed = (int)db_int(res, 9);
}

int
assessment_attempts(struct db *db, long long user_id, long long course_id,
    struct assessment_attempt **out, size_t *n)
{
	struct assessment_attempt	*rows;
	struct db_res			*res;
	size_t				 i = 0;
	int				 rc;

	*out = NULL;
	*n = 0;
	rc = db_query(db, &res, SELECT_ATTEMPTS "WHERE user_id = ? "
	    "AND course_id = ? ORDER BY number", "ll", user_id, course_id);
	if (rc != DB_OK)
		return rc;
	if ((rows = calloc(db_rows(res) + 1, sizeof(*rows))) == NULL) {
		db_res_free(res);
		return DB_ERROR;
	}
	while ((rc = db_next(res)) == 1)
		fill_attempt(&rows[i++], res);
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
assessment_attempt_get(struct db *db, long long id,
    struct assessment_attempt *a)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, SELECT_ATTEMPTS "WHERE id = ?", "l", id);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_next(res)) == 1)
		fill_attempt(a, res);
	db_res_free(res);
	return db_found(rc);
}

struct start {
	long long	 user_id, course_id;
	long long	 attempt_id;	/* set by every run */
};

static int
start_txn(struct db *db, void *arg)
{
	struct start	*s = arg;
	struct db_res	*res;
	char		 now[27], details[96];
	int		 rc, limit, made = 0;

	s->attempt_id = 0;
	if ((rc = attempt_limit(db, s->course_id, &limit)) != DB_OK)
		return rc;
	rc = db_query(db, &res, "SELECT id, finished_at IS NULL "
	    "FROM assessment_attempts WHERE user_id = ? AND course_id = ? "
	    "ORDER BY number", "ll", s->user_id, s->course_id);
	if (rc != DB_OK)
		return rc;
	while ((rc = db_next(res)) == 1) {
		made++;
		if (db_int(res, 1))
			s->attempt_id = db_int(res, 0);
	}
	db_res_free(res);
	if (rc < 0)
		return rc;
	if (s->attempt_id != 0)
		return DB_OK;	/* the open attempt goes on */
	if (limit > 0 && made >= limit)
		return ASSESSMENT_LIMIT_REACHED;

	/* Numbers run 1, 2, …, so the next one is made + 1; a request that
	 * took it at the same time makes this insert a duplicate, and the
	 * run is repeated with the new count. */
	clock_format_sql(clock_now(), now);
	rc = db_exec(db, "INSERT INTO assessment_attempts (user_id, course_id, "
	    "number, started_at) VALUES (?, ?, ?, ?)", "llis", s->user_id,
	    s->course_id, made + 1, now);
	if (rc == DB_DUPLICATE)
		return DB_RETRY;
	if (rc != DB_OK)
		return rc;
	s->attempt_id = (long long)db_insert_id(db);
	snprintf(details, sizeof(details), "course %lld: attempt %d started",
	    s->course_id, made + 1);
	return audit_record(db, s->user_id, 0, "assessment_start", "user",
	    s->user_id, details);
}

int
assessment_start(struct db *db, long long user_id, long long course_id,
    long long *attempt_id)
{
	struct start	 s = { user_id, course_id, 0 };
	int		 rc;

	rc = db_txn(db, start_txn, &s);
	*attempt_id = rc == DB_OK ? s.attempt_id : 0;
	return rc;
}

struct submit {
	const struct config		*cfg;
	const struct assessment_attempt	*a;
	const struct assessment_grade	*g;
	const long long			*option_ids;
	size_t				 noptions;
	long long			 impersonator;
	int				 completed;	/* set by every run */
};

static int
submit_txn(struct db *db, void *arg)
{
	struct submit	*s = arg;
	struct result	 r;
	char		 now[27], details[160];
	size_t		 i;
	int		 rc;

	s->completed = 0;
	clock_format_sql(clock_now(), now);
	rc = db_exec(db, "UPDATE assessment_attempts SET finished_at = ?, "
	    "questions = ?, correct = ?, score_hundredths = ?, passed = ? "
	    "WHERE id = ? AND finished_at IS NULL", "siilil", now,
	    s->g->questions, s->g->correct, s->g->score_hundredths,
	    s->g->passed, s->a->id);
	if (rc != DB_OK)
		return rc;
	if (db_affected(db) == 0)
		return ASSESSMENT_SUBMITTED;

	/* An option deleted since the page was shown is left out. */
	for (i = 0; i < s->noptions; i++) {
		rc = db_exec(db, "INSERT INTO assessment_answers (attempt_id, "
		    "option_id) SELECT ?, id FROM assessment_options "
		    "WHERE id = ?", "ll", s->a->id, s->option_ids[i]);
		if (rc != DB_OK)
			return rc;
	}

	snprintf(details, sizeof(details), "course %lld: attempt %d %s, "
	    "%d of %d correct, score %lld.%02lld%%", s->a->course_id,
	    s->a->number, s->g->passed ? "passed" : "failed", s->g->correct,
	    s->g->questions, s->g->score_hundredths / 100,
	    s->g->score_hundredths % 100);
	rc = audit_record(db, s->a->user_id, s->impersonator,
	    "assessment_submit", "user", s->a->user_id, details);
	if (rc != DB_OK)
		return rc;

	memset(&r, 0, sizeof(r));
	r.user_id = s->a->user_id;
	r.course_id = s->a->course_id;
	r.status = s->g->passed ? RESULT_COMPLETED : RESULT_FAILED;
	r.has_score = 1;
	r.score_hundredths = s->g->score_hundredths;
	r.day = clock_site_day(clock_now());
	r.impersonator_id = s->impersonator;
	return completion_record_in_txn(db, s->cfg, &r, &s->completed);
}

int
assessment_submit(struct db *db, const struct config *cfg,
    const struct assessment_attempt *a, const struct assessment_grade *g,
    const long long *option_ids, size_t noptions, long long impersonator_id,
    int *completed)
{
	struct submit	 s = { cfg, a, g, option_ids, noptions,
			    impersonator_id, 0 };
	int		 rc;

	rc = db_txn(db, submit_txn, &s);
	*completed = rc == DB_OK ? s.completed : 0;
	return rc;
}
