/*
 * Background jobs: rows of the jobs table that laurel-worker processes
 * take one at a time.  A worker claims a job in a short transaction that
 * sets a lease (owner and expiry), does the work outside any transaction,
 * and records the outcome in another.  A job whose worker died is taken
 * over when its lease ends; after max_attempts the job fails with the
 * last error kept for the administrator.
 *
 * Handlers must be safe to run twice: a worker can die after the work and
 * before recording it.
 */
#ifndef LAUREL_JOB_H
#define LAUREL_JOB_H

#include <stddef.h>

struct db;

#define JOB_KIND_MAX		40
#define JOB_PAYLOAD_MAX		2000	/* bytes */
#define JOB_ERROR_MAX		1000	/* characters */
#define JOB_OWNER_MAX		100

enum job_state {
	JOB_QUEUED,
	JOB_RUNNING,
	JOB_DONE,
	JOB_FAILED
};

/* Names as the database writes them, indexed by enum job_state. */
extern const char *const job_state_names[];

struct job {
	long long	 id;
	char		 kind[JOB_KIND_MAX + 1];
	char		 payload[JOB_PAYLOAD_MAX * 4 + 1];
	enum job_state	 state;
	int		 attempts;
	int		 max_attempts;
	int		 progress;		/* percent */
	char		 result_file[101];	/* under Storage.Dir, or "" */
	/* The download's file name, or for a job without a file a
	 * one-line summary of what it did. */
	char		 result_name[255 * 4 + 1];
	char		 last_error[JOB_ERROR_MAX * 4 + 1];
	long long	 created_by;		/* 0 for none */
	char		 created_at[27];	/* UTC */
	char		 finished_at[27];	/* UTC, "" until done or failed */
};

/*
 * Queues a job of kind with payload (form-encoded parameters).  When
 * dedupe_key is not NULL and a job with that key exists, nothing is
 * queued and *id receives the existing job's id.  Runs inside the
 * caller's transaction when there is one.  Returns DB_OK or a db_status.
 */
int	 job_enqueue(struct db *, const char *kind, const char *payload,
	    const char *dedupe_key, long long created_by, long long *id);

/*
 * Claims the oldest job that is due, for lease_seconds, as owner.  Jobs
 * whose lease ended are taken over.  Returns DB_OK with *j filled, 1 when
 * no job is waiting, or a db_status.
 */
int	 job_claim(struct db *, const char *owner, int lease_seconds,
	    struct job *j);

/* Extends the lease and stores the progress (0-100).  Returns DB_OK, 1
 * when the job is no longer this owner's, or a db_status. */
int	 job_progress(struct db *, long long id, const char *owner,
	    int progress, int lease_seconds);

/* Marks the job done with its result file (may be ""). */
int	 job_done(struct db *, long long id, const char *owner,
	    const char *result_file, const char *result_name);

/*
 * Records a failed attempt with its error: the job runs again after
 * retry_seconds, or fails for good once it has used its attempts (or at
 * once when permanent is set).
 */
int	 job_fail(struct db *, long long id, const char *owner,
	    const char *error, int retry_seconds, int permanent);

/* Loads a job.  Returns DB_OK, 1 when there is none, or a db_status. */
int	 job_get(struct db *, long long id, struct job *j);

/* A job as the admin's jobs list shows it. */
struct job_row {
	struct job	 job;
	char		 created_by_login[100 * 4 + 1];	/* "" for none */
};

/*
 * Lists one page of jobs, newest first, of one state when state is not
 * -1 (an enum job_state).  *out (freed by the caller) receives up to
 * l->limit rows.
 */
struct listing;
int	 job_list(struct db *, const struct listing *l, int state,
	    struct job_row **out, size_t *n);

/*
 * Queues a failed job again with its attempts reset to 0, as "Try again"
 * does.  Returns DB_OK, 1 when the job does not exist or is not failed,
 * or a db_status.
 */
int	 job_retry(struct db *, long long id);

/*
 * Fails the jobs whose lease ended on their last attempt, with an error
 * saying the worker stopped.  Returns the number of jobs failed, or -1.
 */
long long job_fail_abandoned(struct db *);

/*
 * Copies the value of key from a form-encoded payload, decoded, into
 * out.  Returns 0, or -1 when the key is missing or the value does not
 * fit.
 */
int	 job_param(const char *payload, const char *key, char *out,
	    size_t outsz);

/*
 * Appends "key=value" (value percent-encoded) to a payload being built in
 * buf of size bufsz.  Returns 0, or -1 when it does not fit.
 */
int	 job_param_add(char *buf, size_t bufsz, const char *key,
	    const char *value);

/*
 * Claims the periodic task name when it is due: moves its next run
 * interval_seconds ahead.  Of several workers, only the one whose UPDATE
 * did this runs the task.  Returns DB_OK to run it, 1 when it is not due,
 * or a db_status.
 */
int	 job_task_due(struct db *, const char *name, int interval_seconds);

/* Records the outcome of a periodic task for the administrator. */
int	 job_task_done(struct db *, const char *name, const char *result);

/*
 * Detaches up to max result files of jobs of kind that finished before
 * the cutoff (UTC, "YYYY-MM-DD HH:MM:SS"): their rows keep no file name
 * from now on.  names receives the storage names, for the caller to
 * delete after this returns, and *n their number.
 */
int	 job_take_old_files(struct db *, const char *kind, const char *cutoff,
	    char (*names)[101], size_t max, size_t *n);

#endif
