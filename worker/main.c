/*
 * laurel-worker: the job loop.  Any number of these processes, on one
 * host or several, share the jobs table.  SIGTERM (or SIGINT) lets the
 * current job finish, then the process exits.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "clock.h"
#include "completion.h"
#include "conf.h"
#include "db.h"
#include "job.h"
#include "log.h"
#include "pidfile.h"
#include "mail.h"
#include "tasks.h"
#include "worker.h"

static volatile sig_atomic_t	 stop_requested;

/* The signal mask while the worker sleeps: SIGTERM and SIGINT are
 * blocked at all other times, so a stop request never interrupts a
 * database call or a file write in the middle of a job. */
static sigset_t			 sleep_mask;

static void
on_stop(int sig)
{
	(void)sig;
	stop_requested = 1;
}

static const struct {
	const char	*kind;
	job_handler	 run;
} handlers[] = {
	{ "certificate_pdf", job_certificate_pdf },
	{ "csv_export", job_csv_export },
	{ COMPLETION_RECHECK_JOB, job_completion_recheck },
	{ NULL, NULL }
};

static job_handler
handler_for(const char *kind)
{
	size_t	 i;

	for (i = 0; handlers[i].kind != NULL; i++)
		if (strcmp(handlers[i].kind, kind) == 0)
			return handlers[i].run;
	return NULL;
}

int
worker_progress(struct worker *w, const struct job *j, int percent)
{
	int	 rc;

	rc = job_progress(w->db, j->id, w->owner, percent, w->lease_seconds);
	if (rc == 1) {
		log_warn("job %lld: lease lost to another worker", j->id);
		return -1;
	}
	/* A database error here does not stop the job: its lease lasts
	 * until the next call. */
	return 0;
}

/* Seconds before attempt number attempts + 1: 10 s, 40 s, 90 s, … */
static int
retry_delay(int attempts)
{
	int	 d = 10 * attempts * attempts;

	return d > 3600 ? 3600 : d;
}

/* Runs one claimed job and records its outcome. */
static void
run_job(struct worker *w, const struct job *j)
{
	job_handler		 run;
	enum job_outcome	 outcome;
	struct timespec		 start, end;
	char			 file[101] = "", name[256 * 4] = "";
	char			 err[JOB_ERROR_MAX + 1] = "";
	int			 rc;

	clock_gettime(CLOCK_MONOTONIC, &start);
	if ((run = handler_for(j->kind)) == NULL) {
		snprintf(err, sizeof(err), "Unknown job kind \"%s\".",
		    j->kind);
		outcome = JOB_OUTCOME_FAIL;
	} else
		outcome = run(w, j, file, sizeof(file), name, sizeof(name),
		    err, sizeof(err));
	clock_gettime(CLOCK_MONOTONIC, &end);

	if (outcome == JOB_OUTCOME_DONE)
		rc = job_done(w->db, j->id, w->owner, file, name);
	else {
		if (err[0] == '\0')
			snprintf(err, sizeof(err), "The job failed.");
		rc = job_fail(w->db, j->id, w->owner, err,
		    retry_delay(j->attempts), outcome == JOB_OUTCOME_FAIL);
	}
	log_info("job %lld %s attempt %d: %s in %.1f ms%s%s", j->id, j->kind,
	    j->attempts, outcome == JOB_OUTCOME_DONE ? "done" : "failed",
	    (double)(end.tv_sec - start.tv_sec) * 1e3 +
	    (double)(end.tv_nsec - start.tv_nsec) / 1e6,
	    err[0] != '\0' ? ": " : "", err);
	if (rc == 1)
		log_warn("job %lld: lease lost before the outcome was "
		    "recorded; the job runs again", j->id);
	else if (rc != DB_OK)
		log_error("job %lld: failed to record the outcome: %s", j->id,
		    db_error(w->db));
}

static void
pause_ms(int ms)
{
	struct timespec	 ts;

	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (long)(ms % 1000) * 1000000L;
	/* A stop request arrives here, and ends the sleep. */
	(void)ppoll(NULL, 0, &ts, &sleep_mask);
}

/*
 * Runs the loop.  Each turn runs the periodic tasks that are due, sends a
 * batch of due mail and then runs one job.  When no job is waiting, the
 * worker sleeps for the poll interval, or returns when once is set.
 */
static int
worker_loop(struct worker *w, int once)
{
	struct job	 j;
	int		 rc;

	while (!stop_requested) {
		tasks_run_due(w);
		mail_deliver_due(w);
		rc = job_claim(w->db, w->owner, w->lease_seconds, &j);
		if (rc == DB_OK) {
			run_job(w, &j);
			continue;
		}
		if (rc != 1) {
			log_error("failed to claim a job: %s", db_error(w->db));
			pause_ms(1000);
			continue;
		}
		if (once)
			break;
		pause_ms(w->cfg->worker_poll_ms);
	}
	return 0;
}

static void
usage(void)
{
	fprintf(stderr, "usage: laurel-worker [-1] [-c config] [-p pidfile]\n"
	    "  -1  run the jobs that are waiting, then exit\n");
}

int
main(int argc, char *argv[])
{
	struct sigaction	 sa;
	sigset_t		 blocked;
	struct config		*cfg;
	struct worker		 w;
	const char		*conf_path = NULL, *pid_path = NULL;
	char			 err[512], host[64];
	int			 ch, once = 0, pid_fd = -1, rc;

	while ((ch = getopt(argc, argv, "1c:p:")) != -1) {
		switch (ch) {
		case '1':
			once = 1;
			break;
		case 'c':
			conf_path = optarg;
			break;
		case 'p':
			pid_path = optarg;
			break;
		default:
			usage();
			return 2;
		}
	}
	log_init("laurel-worker");
	if ((cfg = config_load(config_default_path(conf_path), err,
	    sizeof(err))) == NULL) {
		fprintf(stderr, "laurel-worker: %s\n", err);
		return 1;
	}
	if (clock_init(cfg->site_time_zone) == -1) {
		fprintf(stderr, "laurel-worker: invalid LAUREL_NOW or unknown "
		    "Site.TimeZone \"%s\"\n", cfg->site_time_zone);
		return 1;
	}
	if (db_library_init() == -1 ||
	    curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		fprintf(stderr, "laurel-worker: cannot initialise libraries\n");
		return 1;
	}
	if (!once && (pid_fd = pidfile_lock("laurel-worker", pid_path != NULL ?
	    pid_path : cfg->worker_pid_file, "give this one its own pid "
	    "file with -p")) == -1)
		return 1;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGHUP, SIG_IGN);
	signal(SIGPIPE, SIG_IGN);
	sigemptyset(&blocked);
	sigaddset(&blocked, SIGTERM);
	sigaddset(&blocked, SIGINT);
	sigprocmask(SIG_BLOCK, &blocked, &sleep_mask);
	sigdelset(&sleep_mask, SIGTERM);
	sigdelset(&sleep_mask, SIGINT);

	memset(&w, 0, sizeof(w));
	w.cfg = cfg;
	w.lease_seconds = cfg->worker_lease_seconds;
	w.stop = &stop_requested;
	if (gethostname(host, sizeof(host)) == -1)
		snprintf(host, sizeof(host), "localhost");
	host[sizeof(host) - 1] = '\0';
	snprintf(w.owner, sizeof(w.owner), "%s:%ld", host, (long)getpid());
	if ((w.db = db_open(cfg)) == NULL) {
		fprintf(stderr, "laurel-worker: out of memory\n");
		return 1;
	}

	if (mail_init(&w) == -1)
		return 1;

	log_info("started as %s", w.owner);
	rc = worker_loop(&w, once);
	log_info("stopped");

	mail_end(&w);
	db_close(w.db);
	if (pid_fd != -1) {
		unlink(pid_path != NULL ? pid_path : cfg->worker_pid_file);
		close(pid_fd);
	}
	config_free(cfg);
	curl_global_cleanup();
	db_library_end();
	return rc;
}
