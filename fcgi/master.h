/*
 * The prefork master: forks the workers that accept on the shared FastCGI
 * socket and supervises them.
 *
 *  - A worker that exits is replaced at once; when workers keep dying
 *    within a second of starting, each replacement waits twice as long as
 *    the last (100 ms up to 30 s), so a crash loop cannot fork endlessly.
 *  - SIGTERM or SIGINT: every worker finishes its request and exits; the
 *    master waits Server.StopSeconds, then kills what is left.
 *  - SIGHUP: the configuration is read again and the workers are replaced
 *    one at a time, each old one finishing its request, so the socket
 *    always has a worker accepting.
 */
#ifndef LAUREL_MASTER_H
#define LAUREL_MASTER_H

struct config;

/* Serves requests on one accepted FastCGI connection at a time; returns
 * the worker's exit status.  Defined in main.c. */
typedef int	(*worker_fn)(const struct config *, int listen_fd);

/* Runs until stopped; returns the process exit status.  *cfg may be
 * replaced on SIGHUP (the old one is freed). */
int	 master_run(struct config **cfg, int listen_fd, worker_fn);

#endif
