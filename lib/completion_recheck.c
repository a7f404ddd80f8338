/*
 * The re-evaluation of a certification version's enrolments in progress
 * after its completion rules change (its courses, required electives or
 * prerequisites).  The transaction of the change queues a
 * "completion_recheck" job.  laurel-worker then re-evaluates the learners
 * in batches, each a transaction of its own, so that a certification with
 * many thousand learners needs no long transaction.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "completion.h"
#include "db.h"
#include "job.h"

int
completion_queue_recheck(struct db *db, long long certification_id,
    long long actor_id)
{
	char		 payload[64];
	long long	 id, found;
	int		 rc;

	rc = db_query_int(db, &found, "SELECT 1 FROM enrollments "
	    "WHERE certification_id = ? AND status = 'in_progress' LIMIT 1",
	    "l", certification_id);
	if (rc != DB_OK)
		return rc == 1 ? DB_OK : rc;
	snprintf(payload, sizeof(payload), "certification=%lld",
	    certification_id);
	return job_enqueue(db, COMPLETION_RECHECK_JOB, payload, NULL, actor_id,
	    &id);
}

int
completion_recheck_count(struct db *db, long long certification_id,
    long long *count)
{
	*count = 0;
	return db_query_int(db, count, "SELECT COUNT(*) FROM enrollments "
	    "WHERE certification_id = ? AND status = 'in_progress'", "l",
	    certification_id);
}

struct batch {
	const struct config	*cfg;
	long long		 certification_id, after_user_id;
	int			 limit;
	long long		 last_user_id;
	int			 learners, completed;
};

static int
batch_txn(struct db *db, void *arg)
{
	struct batch	*b = arg;
	struct db_res	*res;
	long long	*users;
	size_t		 n = 0, i;
	int		 rc, completed;

	b->last_user_id = 0;
	b->learners = b->completed = 0;
	rc = db_query(db, &res, "SELECT user_id FROM enrollments "
	    "WHERE certification_id = ? AND status = 'in_progress' "
	    "AND user_id > ? ORDER BY user_id LIMIT ?", "lll",
	    b->certification_id, b->after_user_id, (long long)b->limit);
	if (rc != DB_OK)
		return rc;
	if ((users = calloc(db_rows(res) + 1, sizeof(*users))) == NULL) {
		db_res_free(res);
		return DB_ERROR;
	}
	while ((rc = db_next(res)) == 1)
		users[n++] = db_int(res, 0);
	db_res_free(res);
	for (i = 0; rc == DB_OK && i < n; i++) {
		rc = completion_evaluate_in_txn(db, b->cfg, users[i],
		    &completed);
		b->completed += completed;
	}
	if (rc == DB_OK && n > 0) {
		b->last_user_id = users[n - 1];
		b->learners = (int)n;
	}
	free(users);
	return rc < 0 ? rc : DB_OK;
}

int
completion_recheck_batch(struct db *db, const struct config *cfg,
    long long certification_id, long long after_user_id, int limit,
    long long *last_user_id, int *learners, int *completed)
{
	struct batch	 b = { cfg, certification_id, after_user_id, limit, 0,
			    0, 0 };
	int		 rc;

	rc = db_txn(db, batch_txn, &b);
	*last_user_id = b.last_user_id;
	*learners = b.learners;
	*completed = b.completed;
	return rc;
}
