#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "db.h"
#include "job.h"
#include "listing.h"
#include "str.h"
#include "utf8.h"

const char *const job_state_names[] = {
	"queued", "running", "done", "failed", NULL
};

#define SELECT_JOB \
	"SELECT id, kind, payload, state, attempts, max_attempts, progress, " \
	"result_file, result_name, last_error, COALESCE(created_by, 0), " \
	"created_at, COALESCE(finished_at, '') FROM jobs "

static enum job_state
state_from_name(const char *s)
{
	int	 i;

	for (i = 0; job_state_names[i] != NULL; i++)
		if (strcmp(job_state_names[i], s) == 0)
			return (enum job_state)i;
	return JOB_FAILED;
}

static void
read_job(struct db_res *res, struct job *j)
{
	memset(j, 0, sizeof(*j));
	j->id = db_int(res, 0);
	str_copy(j->kind, db_str(res, 1), sizeof(j->kind));
	str_copy(j->payload, db_str(res, 2), sizeof(j->payload));
	j->state = state_from_name(db_str(res, 3));
	j->attempts = (int)db_int(res, 4);
	j->max_attempts = (int)db_int(res, 5);
	j->progress = (int)db_int(res, 6);
	str_copy(j->result_file, db_str(res, 7), sizeof(j->result_file));
	str_copy(j->result_name, db_str(res, 8), sizeof(j->result_name));
	str_copy(j->last_error, db_str(res, 9), sizeof(j->last_error));
	j->created_by = db_int(res, 10);
	str_copy(j->created_at, db_str(res, 11), sizeof(j->created_at));
	str_copy(j->finished_at, db_str(res, 12), sizeof(j->finished_at));
}

int
job_enqueue(struct db *db, const char *kind, const char *payload,
    const char *dedupe_key, long long created_by, long long *id)
{
	struct db_res	*res;
	char		 now[27];
	int		 rc;

	*id = 0;
	clock_format_sql_from_now(0, now);
	rc = db_exec(db, "INSERT INTO jobs (kind, payload, dedupe_key, "
	    "run_after, created_by, created_at) VALUES (?, ?, ?, ?, "
	    "NULLIF(?, 0), ?)", "ssssls", kind, payload, dedupe_key, now,
	    created_by, now);
	if (rc == DB_OK) {
		*id = (long long)db_insert_id(db);
		return DB_OK;
	}
	if (rc != DB_DUPLICATE || dedupe_key == NULL)
		return rc;
	if ((rc = db_query(db, &res, "SELECT id FROM jobs WHERE dedupe_key = ?",
	    "s", dedupe_key)) != DB_OK)
		return rc;
	rc = db_found(db_next(res));
	if (rc == DB_OK)
		*id = db_int(res, 0);
	db_res_free(res);
	/* The row that caused the duplicate was deleted in between. */
	return rc == 1 ? DB_RETRY : rc;
}

struct claim {
	const char	*owner;
	int		 lease_seconds;
	struct job	*job;
	int		 found;
};

/*
 * Picks a due job with a locking read that skips rows other workers hold,
 * then takes it with an UPDATE that checks the state it read.  On a
 * cluster, SKIP LOCKED skips only the rows locked on this node, so two
 * nodes can pick the same row.  The certification of the second UPDATE
 * then fails, and that transaction runs again.
 */
static int
claim_txn(struct db *db, void *arg)
{
	struct claim	*c = arg;
	struct db_res	*res;
	char		 now[27], until[27];
	long long	 id;
	int		 rc;

	c->found = 0;
	clock_format_sql_from_now(0, now);
	clock_format_sql_from_now(c->lease_seconds, until);
	rc = db_query(db, &res, "SELECT id FROM jobs WHERE state = 'queued' "
	    "AND run_after <= ? ORDER BY run_after, id LIMIT 1 "
	    "FOR UPDATE SKIP LOCKED", "s", now);
	if (rc != DB_OK)
		return rc;
	rc = db_found(db_next(res));
	id = rc == DB_OK ? db_int(res, 0) : 0;
	db_res_free(res);
	if (rc == 1) {
		/* A job whose worker stopped before its lease ended, with
		 * attempts left: job_fail_abandoned fails the others. */
		rc = db_query(db, &res, "SELECT id FROM jobs WHERE state = "
		    "'running' AND lease_until < ? AND attempts < max_attempts "
		    "ORDER BY lease_until, id LIMIT 1 FOR UPDATE SKIP LOCKED",
		    "s", now);
		if (rc != DB_OK)
			return rc;
		rc = db_found(db_next(res));
		id = rc == DB_OK ? db_int(res, 0) : 0;
		db_res_free(res);
	}
	if (rc != DB_OK)
		return rc == 1 ? DB_OK : rc;
	rc = db_exec(db, "UPDATE jobs SET state = 'running', lease_owner = ?, "
	    "lease_until = ?, attempts = attempts + 1 WHERE id = ? AND "
	    "(state = 'queued' OR (state = 'running' AND lease_until < ?))",
	    "ssls", c->owner, until, id, now);
	if (rc != DB_OK)
		return rc;
	if (db_affected(db) != 1)
		return DB_RETRY;
	if ((rc = db_query(db, &res, SELECT_JOB "WHERE id = ?", "l", id)) !=
	    DB_OK)
		return rc;
	if ((rc = db_found(db_next(res))) == DB_OK) {
		read_job(res, c->job);
		c->found = 1;
	}
	db_res_free(res);
	return rc == 1 ? DB_RETRY : rc;
}

int
job_claim(struct db *db, const char *owner, int lease_seconds, struct job *j)
{
	struct claim	 c = { owner, lease_seconds, j, 0 };
	int		 rc;

	if ((rc = db_txn(db, claim_txn, &c)) != DB_OK)
		return rc;
	return c.found ? DB_OK : 1;
}

int
job_progress(struct db *db, long long id, const char *owner, int progress,
    int lease_seconds)
{
	char	 until[27];
	int	 rc;

	if (progress < 0)
		progress = 0;
	if (progress > 100)
		progress = 100;
	clock_format_sql_from_now(lease_seconds, until);
	rc = db_exec(db, "UPDATE jobs SET progress = ?, lease_until = ? "
	    "WHERE id = ? AND state = 'running' AND lease_owner = ?",
	    "isls", progress, until, id, owner);
	if (rc != DB_OK)
		return rc;
	return db_affected(db) == 1 ? DB_OK : 1;
}

int
job_done(struct db *db, long long id, const char *owner,
    const char *result_file, const char *result_name)
{
	char	 now[27];
	int	 rc;

	clock_format_sql_from_now(0, now);
	rc = db_exec(db, "UPDATE jobs SET state = 'done', progress = 100, "
	    "result_file = ?, result_name = ?, last_error = '', "
	    "lease_until = NULL, finished_at = ? WHERE id = ? AND "
	    "state = 'running' AND lease_owner = ?", "sssls", result_file,
	    result_name, now, id, owner);
	if (rc != DB_OK)
		return rc;
	return db_affected(db) == 1 ? DB_OK : 1;
}

int
job_fail(struct db *db, long long id, const char *owner, const char *error,
    int retry_seconds, int permanent)
{
	char	 now[27], after[27], msg[JOB_ERROR_MAX * 4 + 1];
	int	 rc;

	clock_format_sql_from_now(0, now);
	clock_format_sql_from_now(retry_seconds, after);
	utf8_copy_prefix(msg, sizeof(msg), error, JOB_ERROR_MAX);
	rc = db_exec(db, "UPDATE jobs SET last_error = ?, lease_until = NULL, "
	    "state = IF(? OR attempts >= max_attempts, 'failed', 'queued'), "
	    "finished_at = IF(? OR attempts >= max_attempts, ?, NULL), "
	    "run_after = ? WHERE id = ? AND state = 'running' AND "
	    "lease_owner = ?", "siissls", msg, permanent, permanent, now,
	    after, id, owner);
	if (rc != DB_OK)
		return rc;
	return db_affected(db) == 1 ? DB_OK : 1;
}

int
job_get(struct db *db, long long id, struct job *j)
{
	struct db_res	*res;
	int		 rc;

	if ((rc = db_query(db, &res, SELECT_JOB "WHERE id = ?", "l", id)) !=
	    DB_OK)
		return rc;
	if ((rc = db_found(db_next(res))) == DB_OK)
		read_job(res, j);
	db_res_free(res);
	return rc;
}

int
job_list(struct db *db, const struct listing *l, int state,
    struct job_row **out, size_t *n)
{
	struct job_row	*rows;
	struct db_res	*res;
	size_t		 i = 0;
	int		 rc;

	*out = NULL;
	*n = 0;
	if (state >= JOB_QUEUED && state <= JOB_FAILED)
		rc = db_query(db, &res, "SELECT j.id, j.kind, j.payload, "
		    "j.state, j.attempts, j.max_attempts, j.progress, "
		    "j.result_file, j.result_name, j.last_error, "
		    "COALESCE(j.created_by, 0), j.created_at, "
		    "COALESCE(j.finished_at, ''), COALESCE(u.login, '') "
		    "FROM jobs j LEFT JOIN users u ON u.id = j.created_by "
		    "WHERE j.state = ? ORDER BY j.id DESC LIMIT ? OFFSET ?",
		    "sll", job_state_names[state], l->limit, l->offset);
	else
		rc = db_query(db, &res, "SELECT j.id, j.kind, j.payload, "
		    "j.state, j.attempts, j.max_attempts, j.progress, "
		    "j.result_file, j.result_name, j.last_error, "
		    "COALESCE(j.created_by, 0), j.created_at, "
		    "COALESCE(j.finished_at, ''), COALESCE(u.login, '') "
		    "FROM jobs j LEFT JOIN users u ON u.id = j.created_by "
		    "ORDER BY j.id DESC LIMIT ? OFFSET ?", "ll", l->limit,
		    l->offset);
	if (rc != DB_OK)
		return rc;
	if ((rows = calloc(db_rows(res) + 1, sizeof(*rows))) == NULL) {
		db_res_free(res);
		return DB_ERROR;
	}
	while ((rc = db_next(res)) == 1) {
		read_job(res, &rows[i].job);
		str_copy(rows[i].created_by_login, db_str(res, 13),
		    sizeof(rows[i].created_by_login));
		i++;
	}
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
job_retry(struct db *db, long long id)
{
	char	 now[27];
	int	 rc;

	clock_format_sql_from_now(0, now);
	rc = db_exec(db, "UPDATE jobs SET state = 'queued', attempts = 0, "
	    "progress = 0, run_after = ?, lease_owner = '', "
	    "lease_until = NULL, finished_at = NULL, last_error = '' "
	    "WHERE id = ? AND state = 'failed'", "sl", now, id);
	if (rc != DB_OK)
		return rc;
	return db_affected(db) == 1 ? DB_OK : 1;
}

long long
job_fail_abandoned(struct db *db)
{
	char	 now[27];

	clock_format_sql_from_now(0, now);
	if (db_exec(db, "UPDATE jobs SET state = 'failed', lease_until = NULL, "
	    "finished_at = ?, last_error = CONCAT('The worker stopped during "
	    "the last attempt. ', last_error) WHERE state = 'running' AND "
	    "lease_until < ? AND attempts >= max_attempts", "ss", now, now) !=
	    DB_OK)
		return -1;
	return (long long)db_affected(db);
}

static int
hex_value(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int
job_param(const char *payload, const char *key, char *out, size_t outsz)
{
	const char	*p = payload;
	size_t		 klen = strlen(key), n;
	int		 hi, lo;

	while (*p != '\0') {
		if (strncmp(p, key, klen) == 0 && p[klen] == '=') {
			p += klen + 1;
			for (n = 0; *p != '\0' && *p != '&'; p++) {
				if (n + 1 >= outsz)
					return -1;
				if (*p == '%' && (hi = hex_value(p[1])) >= 0 &&
				    (lo = hex_value(p[2])) >= 0) {
					out[n++] = (char)(hi * 16 + lo);
					p += 2;
				} else
					out[n++] = *p == '+' ? ' ' : *p;
			}
			out[n] = '\0';
			return 0;
		}
		if ((p = strchr(p, '&')) == NULL)
			break;
		p++;
	}
	return -1;
}

int
job_param_add(char *buf, size_t bufsz, const char *key, const char *value)
{
	static const char	 hex[] = "0123456789ABCDEF";
	size_t			 n = strlen(buf);
	const unsigned char	*v;

	if (n > 0) {
		if (n + 1 >= bufsz)
			return -1;
		buf[n++] = '&';
	}
	if (n + strlen(key) + 1 >= bufsz)
		return -1;
	n += (size_t)snprintf(buf + n, bufsz - n, "%s=", key);
	for (v = (const unsigned char *)value; *v != '\0'; v++) {
		if (n + 4 >= bufsz)
			return -1;
		if ((*v >= 'a' && *v <= 'z') || (*v >= 'A' && *v <= 'Z') ||
		    (*v >= '0' && *v <= '9') || *v == '-' || *v == '.' ||
		    *v == '_')
			buf[n++] = (char)*v;
		else {
			buf[n++] = '%';
			buf[n++] = hex[*v >> 4];
			buf[n++] = hex[*v & 15];
		}
	}
	buf[n] = '\0';
	return 0;
}

int
job_task_due(struct db *db, const char *name, int interval_seconds)
{
	char	 now[27], next[27];
	int	 rc;

	clock_format_sql_from_now(0, now);
	clock_format_sql_from_now(interval_seconds, next);
	rc = db_exec(db, "UPDATE worker_tasks SET next_run_at = ?, "
	    "last_run_at = ? WHERE name = ? AND next_run_at <= ?", "ssss",
	    next, now, name, now);
	if (rc != DB_OK)
		return rc;
	return db_affected(db) == 1 ? DB_OK : 1;
}

int
job_task_done(struct db *db, const char *name, const char *result)
{
	char	 msg[JOB_ERROR_MAX * 4 + 1];

	utf8_copy_prefix(msg, sizeof(msg), result, JOB_ERROR_MAX);
	return db_exec(db, "UPDATE worker_tasks SET last_result = ? "
	    "WHERE name = ?", "ss", msg, name);
}

struct take_files {
	const char	*kind;
	const char	*cutoff;
	char		(*names)[101];
	size_t		 max;
	size_t		 n;
};

static int
take_files_txn(struct db *db, void *arg)
{
	struct take_files	*t = arg;
	struct db_res		*res;
	size_t			 i;
	int			 rc;

	t->n = 0;
	rc = db_query(db, &res, "SELECT id, result_file FROM jobs "
	    "WHERE kind = ? AND finished_at < ? AND result_file <> '' "
	    "ORDER BY finished_at LIMIT ? FOR UPDATE SKIP LOCKED", "ssl",
	    t->kind, t->cutoff, (long long)t->max);
	if (rc != DB_OK)
		return rc;
	while ((rc = db_next(res)) == 1 && t->n < t->max)
		str_copy(t->names[t->n++], db_str(res, 1), sizeof(t->names[0]));
	db_res_free(res);
	if (rc < 0)
		return rc;
	for (i = 0; i < t->n; i++) {
		rc = db_exec(db, "UPDATE jobs SET result_file = '' WHERE "
		    "result_file = ?", "s", t->names[i]);
		if (rc != DB_OK)
			return rc;
	}
	return DB_OK;
}

int
job_take_old_files(struct db *db, const char *kind, const char *cutoff,
    char (*names)[101], size_t max, size_t *n)
{
	struct take_files	 t = { kind, cutoff, names, max, 0 };
	int			 rc;

	rc = db_txn(db, take_files_txn, &t);
	*n = rc == DB_OK ? t.n : 0;
	return rc;
}
