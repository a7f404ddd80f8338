#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "auth.h"
#include "change_log.h"
#include "clock.h"
#include "conf.h"
#include "db.h"
#include "enroll.h"
#include "job.h"
#include "log.h"
#include "tasks.h"
#include "worker.h"

/* Temporary files older than this were left by a process that died. */
#define STALE_TMP_SECONDS	(24 * 3600)

/* change_log rows older than this are deleted, except the newest of each
 * scope.  Pages compare only the newest ids, so an hour leaves a wide
 * margin. */
#define CHANGE_LOG_KEEP_SECONDS	3600

/* Seconds between looks at the worker_tasks table. */
#define CHECK_SECONDS		5

static long long
expire_certifications(struct worker *w, char *result, size_t resultsz)
{
	long long	 n;

	if ((n = enroll_expire_due(w->db, clock_site_day(clock_now()))) >= 0)
		snprintf(result, resultsz, "Certifications marked expired: "
		    "%lld.", n);
	return n;
}

static long long
purge_sessions(struct worker *w, char *result, size_t resultsz)
{
	long long	 n;

	if ((n = session_purge(w->db, w->cfg)) >= 0)
		snprintf(result, resultsz, "Expired sessions deleted: %lld.",
		    n);
	return n;
}

static long long
prune_change_log(struct worker *w, char *result, size_t resultsz)
{
	long long	 n;

	if ((n = change_log_prune(w->db, clock_now() -
	    (usec_t)CHANGE_LOG_KEEP_SECONDS * USEC_PER_SEC)) >= 0)
		snprintf(result, resultsz, "Change log rows deleted: %lld.", n);
	return n;
}

static long long
fail_abandoned(struct worker *w, char *result, size_t resultsz)
{
	long long	 n;

	if ((n = job_fail_abandoned(w->db)) >= 0)
		snprintf(result, resultsz, "Abandoned jobs failed: %lld.", n);
	return n;
}

static void
remove_stored(const struct config *cfg, const char *name)
{
	char	 path[4096];

	if (snprintf(path, sizeof(path), "%s/%s", cfg->storage_dir, name) >=
	    (int)sizeof(path))
		return;
	if (unlink(path) == -1 && errno != ENOENT)
		log_warn("failed to delete %s: %s", path, strerror(errno));
}

/* Deletes the ".NAME.PID.tmp" files that file_output_open made and a
 * process that died never renamed. */
static long long
remove_stale_tmp(const struct config *cfg)
{
	struct dirent	*de;
	struct stat	 st;
	DIR		*d;
	char		 path[4096];
	size_t		 len;
	long long	 n = 0;
	time_t		 now = time(NULL);

	if ((d = opendir(cfg->storage_dir)) == NULL)
		return 0;
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (de->d_name[0] != '.' || len < 5 ||
		    strcmp(de->d_name + len - 4, ".tmp") != 0)
			continue;
		if (snprintf(path, sizeof(path), "%s/%s", cfg->storage_dir,
		    de->d_name) >= (int)sizeof(path))
			continue;
		if (stat(path, &st) == 0 &&
		    now - st.st_mtime > STALE_TMP_SECONDS &&
		    unlink(path) == 0)
			n++;
	}
	closedir(d);
	return n;
}

static long long
purge_exports(struct worker *w, char *result, size_t resultsz)
{
	char		 names[100][101], cutoff[27];
	size_t		 n, i;
	long long	 total = 0, tmp;

	clock_format_sql(clock_now() - (usec_t)w->cfg->storage_export_days *
	    24 * 3600 * USEC_PER_SEC, cutoff);
	/* The rows forget their files first, in a committed transaction,
	 * so no download can start on a file being deleted. */
	do {
		if (job_take_old_files(w->db, "csv_export", cutoff, names,
		    sizeof(names) / sizeof(names[0]), &n) != DB_OK)
			return -1;
		for (i = 0; i < n; i++)
			remove_stored(w->cfg, names[i]);
		total += (long long)n;
	} while (n == sizeof(names) / sizeof(names[0]) && !*w->stop);
	tmp = remove_stale_tmp(w->cfg);
	snprintf(result, resultsz, "Exports deleted: %lld. Temporary files "
	    "deleted: %lld.", total, tmp);
	return total + tmp;
}

static const struct {
	const char	*name;
	int		 interval;	/* seconds */
	/* Returns what it changed, or -1 on a database error. */
	long long	(*run)(struct worker *, char *, size_t);
} tasks[] = {
	{ "expire_certifications", 300, expire_certifications },
	{ "purge_sessions", 600, purge_sessions },
	{ "purge_exports", 3600, purge_exports },
	{ "fail_abandoned_jobs", 30, fail_abandoned },
	{ "prune_change_log", 600, prune_change_log },
};

void
tasks_run_due(struct worker *w)
{
	static time_t	 last_check;
	struct timespec	 now;
	char		 result[256];
	long long	 n;
	size_t		 i;
	int		 rc;

	/* Looking costs a write per task, so at most every few seconds. */
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (last_check != 0 && now.tv_sec - last_check < CHECK_SECONDS)
		return;
	last_check = now.tv_sec;
	for (i = 0; i < sizeof(tasks) / sizeof(tasks[0]); i++) {
		rc = job_task_due(w->db, tasks[i].name, tasks[i].interval);
		if (rc == 1)
			continue;
		if (rc != DB_OK) {
			log_error("task %s: failed to check whether it is due: "
			    "%s", tasks[i].name, db_error(w->db));
			return;
		}
		/* Only runs that changed something, or failed, are logged;
		 * worker_tasks keeps the result of the last run. */
		n = tasks[i].run(w, result, sizeof(result));
		if (n < 0) {
			snprintf(result, sizeof(result), "Failed: %s",
			    db_error(w->db));
			log_error("task %s: %s", tasks[i].name, result);
		} else if (n > 0)
			log_info("task %s: %s", tasks[i].name, result);
		(void)job_task_done(w->db, tasks[i].name, result);
	}
}
