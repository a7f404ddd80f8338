/*
 * laurel-worker: runs the jobs queued in the jobs table, delivers the
 * mail outbox and runs the periodic tasks.  Each job kind has a handler;
 * the loop in main.c claims a job, runs its handler outside any
 * transaction and records the outcome.
 */
#ifndef LAUREL_WORKER_H
#define LAUREL_WORKER_H

#include <signal.h>
#include <stddef.h>

#include "job.h"

struct config;
struct db;
struct mailer;

struct worker {
	const struct config	*cfg;
	struct db		*db;
	char			 owner[JOB_OWNER_MAX + 1];	/* host:pid */
	int			 lease_seconds;
	volatile sig_atomic_t	*stop;		/* set by SIGTERM */
	struct mailer		*mailer;	/* NULL: no Mail.Relay */
};

enum job_outcome {
	JOB_OUTCOME_DONE = 0,	/* result_file and result_name are set */
	JOB_OUTCOME_RETRY = -1,	/* try again later, e.g. database gone */
	JOB_OUTCOME_FAIL = -2	/* retrying cannot help, e.g. bad payload */
};

/*
 * A job handler.  It fills result_file (a name under Storage.Dir, or "")
 * and result_name (the download's file name, or a summary when there is
 * no file), or err with a sentence for the administrator.  Handlers may call worker_progress while they run.
 */
typedef enum job_outcome (*job_handler)(struct worker *, const struct job *,
    char *result_file, size_t result_filesz, char *result_name,
    size_t result_namesz, char *err, size_t errsz);

/* Stores a running job's progress in percent and extends its lease.
 * Returns 0, or -1 when the lease was lost and the job must stop. */
int	 worker_progress(struct worker *, const struct job *, int percent);

/* Handlers, one file each, listed in the table in main.c. */
enum job_outcome job_certificate_pdf(struct worker *, const struct job *,
    char *, size_t, char *, size_t, char *, size_t);

/* job_csv_export.c: a report written as a CSV file. */
enum job_outcome job_csv_export(struct worker *, const struct job *,
    char *result_file, size_t result_filesz, char *result_name,
    size_t result_namesz, char *err, size_t errsz);

/* job_completion_recheck.c: learners completed after a change to a
 * certification's completion rules. */
enum job_outcome job_completion_recheck(struct worker *, const struct job *,
    char *result_file, size_t result_filesz, char *result_name,
    size_t result_namesz, char *err, size_t errsz);

#endif
