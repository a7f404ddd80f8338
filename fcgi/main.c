/*
 * laurel-fcgi: the FastCGI application.  The master opens the socket and
 * supervises the workers (master.c); each worker serves one request at a
 * time (worker_main below).
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
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>

#include "auth.h"
#include "clock.h"
#include "conf.h"
#include "db.h"
#include "log.h"
#include "master.h"
#include "pagecache.h"
#include "pidfile.h"
#include "request.h"
#include "response.h"
#include "route.h"
#include "view.h"

static volatile sig_atomic_t	 stop_requested;

static void
on_term(int sig)
{
	(void)sig;
	stop_requested = 1;
}

static double
elapsed_ms(const struct timespec *start)
{
	struct timespec	 now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - start->tv_sec) * 1000.0 +
	    (double)(now.tv_nsec - start->tv_nsec) / 1e6;
}

/* Serves one accepted request from reading to the log line. */
static void
serve(FCGX_Request *fcgi, struct db *db, const struct config *cfg)
{
	struct request		 req;
	struct response		 resp;
	struct form_error	 err;
	struct ctx		 ctx;
	struct timespec		 start;
	char			 message[256];
	int			 status;

	clock_gettime(CLOCK_MONOTONIC, &start);
	status = request_read(&req, fcgi, cfg, &err);
	log_set_request(req.id);
	if (response_init(&resp) == -1) {
		FCGX_FPrintF(fcgi->out, "Status: 500 Internal Server Error\r\n"
		    "Content-Type: text/plain\r\n\r\nServer error\n");
		request_free(&req);
		log_set_request(NULL);
		return;
	}
	ctx.req = &req;
	ctx.resp = &resp;
	ctx.db = db;
	ctx.cfg = cfg;

	if (status != 200) {
		if (err.field[0] != '\0')
			snprintf(message, sizeof(message), "The field \"%s\" "
			    "is not acceptable: %s.", err.field, err.message);
		else
			snprintf(message, sizeof(message), "The request is "
			    "not acceptable: %s.", err.message);
		page_common(&ctx, "public", NULL);
		response_error(&resp, status, message);
		if (status == 500)
			log_error("cannot read the request: %s", err.message);
	} else {
		status = route_dispatch(&ctx);
	}
	response_send(&resp, &req, cfg);
	status = resp.status;

	log_info("%s %s %d %.1fms user=%lld%s%s", req.method_name, req.path,
	    status, elapsed_ms(&start), req.signed_in ?
	    req.session.user_id : 0LL, resp.cache_result != NULL ?
	    " cache=" : "", resp.cache_result != NULL ? resp.cache_result : "");
	response_free(&resp);
	request_free(&req);
	log_set_request(NULL);
}

/*
 * The worker loop.  SIGTERM is blocked except while waiting in ppoll, so
 * a stop request never interrupts a request: the worker finishes it, then
 * exits.  The listening socket is non-blocking, so when another worker
 * took the connection, FCGX_Accept_r fails with EAGAIN and the loop waits
 * again.
 */
static int
worker_main(const struct config *cfg, int listen_fd)
{
	struct sigaction	 sa;
	struct pollfd		 pfd;
	FCGX_Request		 fcgi;
	struct db		*db;
	sigset_t		 blocked, waiting;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_term;
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGINT, SIG_IGN);
	signal(SIGHUP, SIG_IGN);
	signal(SIGPIPE, SIG_IGN);
	sigemptyset(&blocked);
	sigaddset(&blocked, SIGTERM);
	sigprocmask(SIG_BLOCK, &blocked, &waiting);
	sigdelset(&waiting, SIGTERM);

	if (pagecache_init(cfg->server_page_cache_bytes) == -1)
		log_error("out of memory: the page cache is off");
	if ((db = db_open(cfg)) == NULL)
		return 1;
	(void)db_connect(db);
	if (FCGX_InitRequest(&fcgi, listen_fd, 0) != 0)
		return 1;

	pfd.fd = listen_fd;
	pfd.events = POLLIN;
	while (!stop_requested) {
		if (ppoll(&pfd, 1, NULL, &waiting) == -1) {
			if (errno != EINTR)
				log_error("poll: %s", strerror(errno));
			continue;
		}
		if (FCGX_Accept_r(&fcgi) < 0)
			continue;
		serve(&fcgi, db, cfg);
		FCGX_Finish_r(&fcgi);
	}
	FCGX_Free(&fcgi, 1);
	db_close(db);
	return 0;
}

static int
open_socket(const struct config *cfg)
{
	int	 fd, flags;

	if ((fd = FCGX_OpenSocket(cfg->server_socket, 1024)) < 0) {
		fprintf(stderr, "laurel-fcgi: cannot listen on %s\n",
		    cfg->server_socket);
		return -1;
	}
	if (chmod(cfg->server_socket, (mode_t)cfg->server_socket_mode) == -1)
		log_warn("chmod %s: %s", cfg->server_socket, strerror(errno));
	flags = fcntl(fd, F_GETFL, 0);
	fcntl(fd, F_SETFL, flags | O_NONBLOCK);
	return fd;
}

static void
usage(void)
{
	fprintf(stderr, "usage: laurel-fcgi [-c config]\n");
}

int
main(int argc, char *argv[])
{
	struct config	*cfg;
	const char	*conf_path = NULL;
	char		 err[512];
	int		 ch, pid_fd, listen_fd, rc;

	while ((ch = getopt(argc, argv, "c:")) != -1) {
		switch (ch) {
		case 'c':
			conf_path = optarg;
			break;
		default:
			usage();
			return 2;
		}
	}
	log_init("laurel-fcgi");
	if ((cfg = config_load(config_default_path(conf_path), err,
	    sizeof(err))) == NULL) {
		fprintf(stderr, "laurel-fcgi: %s\n", err);
		return 1;
	}
	if (clock_init(cfg->site_time_zone) == -1) {
		fprintf(stderr, "laurel-fcgi: invalid LAUREL_NOW or unknown "
		    "Site.TimeZone \"%s\"\n", cfg->site_time_zone);
		return 1;
	}
	if (auth_init() == -1 || db_library_init() == -1 ||
	    FCGX_Init() != 0) {
		fprintf(stderr, "laurel-fcgi: cannot initialise libraries\n");
		return 1;
	}
	view_global_init();
	/* The lock keeps a second instance from stealing the socket, which
	 * FCGX_OpenSocket would remove without asking. */
	if ((pid_fd = pidfile_lock("laurel-fcgi", cfg->server_pid_file,
	    "stop it first")) == -1)
		return 1;
	if ((listen_fd = open_socket(cfg)) == -1)
		return 1;

	log_info("listening on %s", cfg->server_socket);
	rc = master_run(&cfg, listen_fd, worker_main);

	close(listen_fd);
	unlink(cfg->server_socket);
	unlink(cfg->server_pid_file);
	close(pid_fd);
	config_free(cfg);
	db_library_end();
	return rc;
}
