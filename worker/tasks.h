/*
 * laurel-worker's periodic tasks: completed certifications marked expired
 * from their expires-on date, expired sessions deleted, CSV exports older
 * than Storage.ExportDays deleted, jobs whose worker stopped on their
 * last attempt failed, and change_log rows older than an hour deleted.
 * The worker_tasks table makes one worker of many run each task each
 * time.
 */
#ifndef LAUREL_TASKS_H
#define LAUREL_TASKS_H

struct worker;

/* Runs each task that is due, one after another.  Looks at the
 * schedule at most every few seconds. */
void	 tasks_run_due(struct worker *);

#endif
