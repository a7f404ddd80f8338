#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "conf.h"
#include "log.h"
#include "master.h"

#define MAX_WORKERS		256
#define FAST_EXIT_USEC		1000000LL
#define BACKOFF_MIN_USEC	100000LL
#define BACKOFF_MAX_USEC	30000000LL

struct worker {
	pid_t		 pid;
	int		 generation;
	int		 retiring;	/* sent SIGTERM by a rolling restart */
	long long	 started;
};

struct master {
	struct config	**cfg;
	int		 listen_fd;
	worker_fn	 run;
	struct worker	 workers[MAX_WORKERS + 1];
	int		 nworkers;
	int		 want;
	int		 generation;
	int		 stopping;
	long long	 stop_deadline;
	long long	 respawn_at;
	long long	 backoff;
};

static long long
monotonic_usec(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static int
workers_wanted(const struct config *cfg)
{
	long	 cores;
	int	 n = cfg->server_workers;

	if (n <= 0) {
		cores = sysconf(_SC_NPROCESSORS_ONLN);
		n = cores > 0 ? (int)cores * 2 : 2;
	}
	return n > MAX_WORKERS ? MAX_WORKERS : n;
}

static void
spawn(struct master *m)
{
	struct worker	*w;
	sigset_t	 none;
	pid_t		 pid;

	if (m->nworkers > MAX_WORKERS)
		return;
	if ((pid = fork()) == -1) {
		log_error("cannot fork a worker: %s", strerror(errno));
		m->respawn_at = monotonic_usec() + BACKOFF_MIN_USEC;
		return;
	}
	if (pid == 0) {
		/* A worker ends with the master, whatever killed it. */
		prctl(PR_SET_PDEATHSIG, SIGTERM);
		if (getppid() == 1)
			_exit(0);
		signal(SIGCHLD, SIG_DFL);
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		_exit(m->run(*m->cfg, m->listen_fd));
	}
	w = &m->workers[m->nworkers++];
	w->pid = pid;
	w->generation = m->generation;
	w->retiring = 0;
	w->started = monotonic_usec();
	log_info("started worker %ld", (long)pid);
}

static void
describe_exit(int status, char *out, size_t outsz)
{
	if (WIFEXITED(status))
		snprintf(out, outsz, "exited with status %d",
		    WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(out, outsz, "killed by signal %d", WTERMSIG(status));
	else
		snprintf(out, outsz, "stopped");
}

/* Removes a reaped worker and schedules its replacement. */
static void
reaped(struct master *m, pid_t pid, int status)
{
	struct worker	 w;
	long long	 now = monotonic_usec();
	char		 how[64];
	int		 i;

	for (i = 0; i < m->nworkers; i++)
		if (m->workers[i].pid == pid)
			break;
	if (i == m->nworkers)
		return;
	w = m->workers[i];
	m->workers[i] = m->workers[--m->nworkers];
	describe_exit(status, how, sizeof(how));
	if (m->stopping || w.retiring) {
		log_info("worker %ld %s", (long)pid, how);
		return;
	}
	if (now - w.started < FAST_EXIT_USEC) {
		m->backoff = m->backoff ? m->backoff * 2 : BACKOFF_MIN_USEC;
		if (m->backoff > BACKOFF_MAX_USEC)
			m->backoff = BACKOFF_MAX_USEC;
		m->respawn_at = now + m->backoff;
		log_error("worker %ld %s within a second of starting; next "
		    "start in %lld ms", (long)pid, how, m->backoff / 1000);
	} else {
		m->backoff = 0;
		log_warn("worker %ld %s; starting a new one", (long)pid, how);
	}
}

static void
reap_all(struct master *m)
{
	pid_t	 pid;
	int	 status;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0)
		reaped(m, pid, status);
}

/* Starts missing workers and advances a rolling restart by one step. */
static void
reconcile(struct master *m)
{
	long long	 now = monotonic_usec();
	int		 i, current = 0, old = -1, retiring = 0;

	if (m->stopping)
		return;
	for (i = 0; i < m->nworkers; i++) {
		if (m->workers[i].retiring)
			retiring++;
		else if (m->workers[i].generation == m->generation)
			current++;
		else
			old = i;
	}
	if (old >= 0) {
		/* One replacement at a time: start the new worker first, so
		 * the socket always has someone accepting. */
		if (retiring == 0) {
			if (current < m->want)
				spawn(m);
			m->workers[old].retiring = 1;
			kill(m->workers[old].pid, SIGTERM);
		}
		return;
	}
	while (current < m->want && now >= m->respawn_at &&
	    m->nworkers < MAX_WORKERS) {
		spawn(m);
		current++;
	}
}

static void
reload(struct master *m)
{
	struct config	*fresh;
	char		 err[512];

	fresh = config_load((*m->cfg)->path, err, sizeof(err));
	if (fresh == NULL) {
		log_error("configuration not reloaded: %s", err);
	} else {
		config_free(*m->cfg);
		*m->cfg = fresh;
	}
	m->want = workers_wanted(*m->cfg);
	m->generation++;
	m->respawn_at = 0;
	m->backoff = 0;
	log_info("replacing workers one at a time (%d wanted)", m->want);
}

static void
begin_stop(struct master *m)
{
	int	 i;

	if (m->stopping)
		return;
	m->stopping = 1;
	m->stop_deadline = monotonic_usec() +
	    (long long)(*m->cfg)->server_stop_seconds * 1000000;
	log_info("stopping %d workers", m->nworkers);
	for (i = 0; i < m->nworkers; i++)
		kill(m->workers[i].pid, SIGTERM);
}

/* Returns how long to wait for the next signal. */
static long long
next_timeout(const struct master *m)
{
	long long	 now = monotonic_usec(), t = 1000000;

	if (m->stopping)
		t = m->stop_deadline - now;
	else if (m->respawn_at > now)
		t = m->respawn_at - now;
	return t < 1000 ? 1000 : t;
}

int
master_run(struct config **cfg, int listen_fd, worker_fn run)
{
	static struct master	 m;
	struct timespec		 ts;
	siginfo_t		 info;
	sigset_t		 set;
	long long		 wait;
	int			 sig, i;

	m.cfg = cfg;
	m.listen_fd = listen_fd;
	m.run = run;
	m.want = workers_wanted(*cfg);

	/* Signals are taken synchronously with sigtimedwait. */
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	sigprocmask(SIG_BLOCK, &set, NULL);
	log_info("master started; %d workers", m.want);

	for (;;) {
		reap_all(&m);
		if (m.stopping) {
			if (m.nworkers == 0)
				break;
			if (monotonic_usec() >= m.stop_deadline) {
				log_warn("killing %d workers that did not stop "
				    "in time", m.nworkers);
				for (i = 0; i < m.nworkers; i++)
					kill(m.workers[i].pid, SIGKILL);
				m.stop_deadline = monotonic_usec() + 1000000;
			}
		}
		reconcile(&m);

		wait = next_timeout(&m);
		ts.tv_sec = wait / 1000000;
		ts.tv_nsec = (wait % 1000000) * 1000;
		sig = sigtimedwait(&set, &info, &ts);
		if (sig == SIGTERM || sig == SIGINT)
			begin_stop(&m);
		else if (sig == SIGHUP && !m.stopping)
			reload(&m);
	}
	log_info("master stopped");
	return 0;
}
