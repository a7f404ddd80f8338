#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "clock.h"
#include "db.h"
#include "listing.h"
#include "outbox.h"
#include "str.h"
#include "utf8.h"

const char *const outbox_statuses[] = { "queued", "sent", "failed", NULL };

/* The one placeholder is the current time, for the sending flag. */
#define SELECT_OUTBOX \
	"SELECT id, COALESCE(user_id, 0), recipient, subject, kind, status, " \
	"attempts, last_error, created_at, COALESCE(sent_at, ''), " \
	"COALESCE(next_attempt_at, ''), COALESCE(lease_until > ?, 0) " \
	"FROM mail_outbox "

static void
read_row(struct db_res *res, struct outbox_row *r)
{
	r->id = db_int(res, 0);
	r->user_id = db_int(res, 1);
	str_copy(r->recipient, db_str(res, 2), sizeof(r->recipient));
	str_copy(r->subject, db_str(res, 3), sizeof(r->subject));
	str_copy(r->kind, db_str(res, 4), sizeof(r->kind));
	str_copy(r->status, db_str(res, 5), sizeof(r->status));
	r->attempts = (int)db_int(res, 6);
	str_copy(r->last_error, db_str(res, 7), sizeof(r->last_error));
	str_copy(r->created_at, db_str(res, 8), sizeof(r->created_at));
	str_copy(r->sent_at, db_str(res, 9), sizeof(r->sent_at));
	str_copy(r->next_attempt_at, db_str(res, 10),
	    sizeof(r->next_attempt_at));
	r->sending = (int)db_int(res, 11);
}

int
outbox_list(struct db *db, const struct listing *l, const char *status,
    struct outbox_row **out, size_t *n)
{
	struct outbox_row	*rows;
	struct db_res		*res;
	size_t			 i = 0;
	char			 now[27];
	int			 rc;

	*out = NULL;
	*n = 0;
	clock_format_sql(clock_now(), now);
	/* The order comes from an index: (status, created_at) with a
	 * status, (created_at) without one. */
	if (status[0] != '\0')
		rc = db_query(db, &res, SELECT_OUTBOX "WHERE status = ? "
		    "AND (? = '' OR recipient LIKE ?) "
		    "ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
		    "ssssll", now, status, l->q_pattern, l->q_pattern,
		    l->limit, l->offset);
	else
		rc = db_query(db, &res, SELECT_OUTBOX
		    "WHERE (? = '' OR recipient LIKE ?) "
		    "ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
		    "sssll", now, l->q_pattern, l->q_pattern, l->limit,
		    l->offset);
	if (rc != DB_OK)
		return rc;
	if ((rows = calloc(db_rows(res) + 1, sizeof(*rows))) == NULL) {
		db_res_free(res);
		return DB_ERROR;
	}
	while ((rc = db_next(res)) == 1)
		read_row(res, &rows[i++]);
	db_res_free(res);
	if (rc < 0) {
		free(rows);
		return rc;
	}
	*out = rows;
	*n = i;
	return DB_OK;
}

struct claim {
	const char		*owner;
	int			 lease_seconds;
	int			 max_attempts;
	struct outbox_message	*m;
	int			 found;		/* 1 claimed, 2 failed one */
};

/* Fails message id, which has used its attempts, in the claim's
 * transaction. */
static int
fail_exhausted(struct db *db, long long id)
{
	int	 rc;

	rc = db_exec(db, "UPDATE mail_outbox SET status = 'failed', "
	    "next_attempt_at = NULL, lease_until = NULL, "
	    "last_error = IF(lease_owner = '', last_error, LEFT(CONCAT("
	    "'The worker stopped while sending the last attempt. ', "
	    "last_error), 1000)), lease_owner = '' "
	    "WHERE id = ? AND status = 'queued'", "l", id);
	if (rc != DB_OK)
		return rc;
	return db_affected(db) == 1 ? DB_OK : DB_RETRY;
}

static int
read_claimed(struct db *db, long long id, struct outbox_message *m)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, "SELECT recipient, subject, body, created_at, "
	    "attempts FROM mail_outbox WHERE id = ?", "l", id);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_found(db_next(res))) == DB_OK) {
		m->id = id;
		str_copy(m->recipient, db_str(res, 0), sizeof(m->recipient));
		str_copy(m->subject, db_str(res, 1), sizeof(m->subject));
		free(m->body);
		if ((m->body = db_dup(res, 2)) == NULL)
			rc = DB_ERROR;
		str_copy(m->created_at, db_str(res, 3), sizeof(m->created_at));
		m->attempts = (int)db_int(res, 4);
	}
	db_res_free(res);
	return rc == 1 ? DB_RETRY : rc;
}

/*
 * Picks a due message with a locking read that skips rows other workers
 * hold, then takes it with an UPDATE that checks the values it read.  On
 * a cluster, SKIP LOCKED skips only this node's locks: two nodes can pick
 * the same row, the certification of the second UPDATE fails, and the
 * transaction runs again and finds the message no longer due.
 */
static int
claim_txn(struct db *db, void *arg)
{
	struct claim	*c = arg;
	struct db_res	*res;
	char		 now[27], until[27], due[27];
	long long	 id = 0;
	int		 attempts = 0, due_null = 0, rc;

	c->found = 0;
	clock_format_sql_from_now(0, now);
	clock_format_sql_from_now(c->lease_seconds, until);
	rc = db_query(db, &res, "SELECT id, attempts, next_attempt_at IS NULL, "
	    "COALESCE(next_attempt_at, '') FROM mail_outbox "
	    "WHERE status = 'queued' AND (next_attempt_at IS NULL OR "
	    "next_attempt_at <= ?) ORDER BY next_attempt_at, id LIMIT 1 "
	    "FOR UPDATE SKIP LOCKED", "s", now);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_next(res)) == 1) {
		id = db_int(res, 0);
		attempts = (int)db_int(res, 1);
		due_null = (int)db_int(res, 2);
		str_copy(due, db_str(res, 3), sizeof(due));
	}
	db_res_free(res);
	if (rc <= 0)
		return rc;

	if (attempts >= c->max_attempts) {
		c->found = 2;
		return fail_exhausted(db, id);
	}
	rc = db_exec(db, "UPDATE mail_outbox SET next_attempt_at = ?, "
	    "lease_owner = ?, lease_until = ?, attempts = attempts + 1 "
	    "WHERE id = ? AND status = 'queued' AND attempts = ? AND "
	    "next_attempt_at <=> ?", "sssiis", until, c->owner, until, id,
	    attempts, due_null ? NULL : due);
	if (rc != DB_OK)
		return rc;
	if (db_affected(db) != 1)
		return DB_RETRY;
	c->found = 1;
	return read_claimed(db, id, c->m);
}

int
outbox_claim(struct db *db, const char *owner, int lease_seconds,
    int max_attempts, struct outbox_message *m)
{
	struct claim	 c = { owner, lease_seconds, max_attempts, m, 0 };
	int		 rc;

	do {
		if ((rc = db_txn(db, claim_txn, &c)) != DB_OK)
			return rc;
	} while (c.found == 2);
	return c.found == 1 ? DB_OK : 1;
}

void
outbox_message_free(struct outbox_message *m)
{
	free(m->body);
	m->body = NULL;
}

int
outbox_sent(struct db *db, long long id, const char *owner)
{
	char	 now[27];
	int	 rc;

	clock_format_sql_from_now(0, now);
	rc = db_exec(db, "UPDATE mail_outbox SET status = 'sent', sent_at = ?, "
	    "last_error = '', next_attempt_at = NULL, lease_owner = '', "
	    "lease_until = NULL WHERE id = ? AND status = 'queued' AND "
	    "lease_owner = ?", "sls", now, id, owner);
	if (rc != DB_OK)
		return rc;
	return db_affected(db) == 1 ? DB_OK : 1;
}

int
outbox_attempt_failed(struct db *db, long long id, const char *owner,
    const char *error, int retry_seconds, int permanent, int max_attempts)
{
	char	 after[27], msg[OUTBOX_ERROR_MAX * 4 + 1];
	int	 rc;

	clock_format_sql_from_now(retry_seconds, after);
	utf8_copy_prefix(msg, sizeof(msg), error, OUTBOX_ERROR_MAX);
	rc = db_exec(db, "UPDATE mail_outbox SET last_error = ?, "
	    "status = IF(? OR attempts >= ?, 'failed', 'queued'), "
	    "next_attempt_at = IF(? OR attempts >= ?, NULL, ?), "
	    "lease_owner = '', lease_until = NULL "
	    "WHERE id = ? AND status = 'queued' AND lease_owner = ?",
	    "siiiisls", msg, permanent, max_attempts, permanent, max_attempts,
	    after, id, owner);
	if (rc != DB_OK)
		return rc;
	return db_affected(db) == 1 ? DB_OK : 1;
}

struct retry {
	long long	 id;
	long long	 actor_id;
	long long	 impersonator_id;
};

static int
retry_txn(struct db *db, void *arg)
{
	struct retry	*r = arg;
	struct db_res	*res;
	struct buf	 details = { 0 };
	int		 rc;

	rc = db_query(db, &res, "SELECT status, attempts, last_error "
	    "FROM mail_outbox WHERE id = ?", "l", r->id);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_found(db_next(res))) == DB_OK) {
		if (strcmp(db_str(res, 0), "failed") != 0)
			rc = OUTBOX_NOT_FAILED;
		else
			buf_printf(&details, "queued again after %lld "
			    "attempts; last error: %s", db_int(res, 1),
			    db_str(res, 2));
	}
	db_res_free(res);
	if (rc != DB_OK) {
		buf_free(&details);
		return rc == 1 ? OUTBOX_NOT_FOUND : rc;
	}

	rc = db_exec(db, "UPDATE mail_outbox SET status = 'queued', "
	    "attempts = 0, next_attempt_at = NULL, lease_owner = '', "
	    "lease_until = NULL WHERE id = ? AND status = 'failed'", "l",
	    r->id);
	if (rc == DB_OK && db_affected(db) != 1)
		rc = DB_RETRY;
	if (rc == DB_OK)
		rc = audit_record(db, r->actor_id, r->impersonator_id,
		    "mail_retry", "mail", r->id,
		    details.data != NULL ? details.data : "");
	buf_free(&details);
	return rc;
}

int
outbox_retry(struct db *db, long long id, long long actor_id,
    long long impersonator_id)
{
	struct retry	 r = { id, actor_id, impersonator_id };

	return db_txn(db, retry_txn, &r);
}
