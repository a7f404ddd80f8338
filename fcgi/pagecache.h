/*
 * The page cache of one worker process: rendered pages kept in memory,
 * sent again while nothing they show has changed.
 *
 * A page is found by its slot: the session (the SHA-256 of its token,
 * since the page contains the session's CSRF token and name), the route, the
 * path and the query string.  The slot's entry also records the change_log
 * versions and the site's calendar day the page was rendered with, and is
 * used only while the current request reads the same ones.  The caller
 * decides which versions a route depends on (fcgi/route.c).
 *
 * A version is the newest id of a change_log scope, and AUTO_INCREMENT
 * hands out ids in the order of the inserts, not of the commits.  A
 * transaction that inserted id 7 may commit after another one's id 8 was
 * read, and the newest id then stays 8.  A page rendered before the
 * commit of id 7 would look current until the next change.  So a page is
 * kept only when it was rendered at least PAGECACHE_SETTLE_USEC after
 * this worker first saw each of its versions (pagecache_version_seen).
 * Until then every request renders the page anew.
 *
 * The memory limit covers the pages, headers and keys of all entries;
 * the least recently used entries go first.  Nothing here is shared
 * between processes.
 */
#ifndef LAUREL_PAGECACHE_H
#define LAUREL_PAGECACHE_H

#include <stddef.h>
#include <stdint.h>

/*
 * Microseconds that must pass between the first request that read a set
 * of versions and the rendering of a page kept for them.
 * NOTE: a transaction may commit later than this after its last change to
 * content, or on a Galera cluster its write set may take longer to reach
 * this node.  A kept page can then miss that change until the next change
 * in the same scope.
 */
#define PAGECACHE_SETTLE_USEC	(2 * 1000000LL)

#define PAGECACHE_VERSIONS	2

struct pagecache_key {
	const unsigned char	*session;	/* 32 bytes */
	int			 route;		/* index in the route table */
	const char		*path;
	const char		*query;		/* as sent; "" when none */
	long long		 versions[PAGECACHE_VERSIONS];
	int32_t			 day;		/* the site's calendar day */
	int64_t			 now;		/* CLOCK_MONOTONIC µs */
	/* When this worker first saw the versions, as
	 * pagecache_version_seen returns it (the latest of them). */
	int64_t			 versions_seen;
};

struct pagecache_page {
	const char	*content_type;
	const char	*headers;	/* extra "Name: value\r\n" lines */
	size_t		 headers_len;
	const char	*body;
	size_t		 body_len;
};

/* Sets the memory limit of this process's cache in bytes; 0 turns the
 * cache off.  Call once in each worker.  Returns 0, or -1 when memory
 * runs out (the cache stays off). */
int	 pagecache_init(size_t max_bytes);

/* Returns 1 when the cache is on. */
int	 pagecache_enabled(void);

/* Fills *page with the page kept for key and returns 1, or returns 0.
 * The pointers in *page stay valid until the next pagecache_store. */
int	 pagecache_find(const struct pagecache_key *, struct pagecache_page *);

/*
 * Returns the CLOCK_MONOTONIC time when this worker first saw version as
 * the version of scope (a user id, or a negative number for a scope of
 * no user), or now when it did not see it before.  The worker remembers
 * a few hundred scopes, and forgetting one only makes pages wait longer.
 */
int64_t	 pagecache_version_seen(long long scope, long long version,
	    int64_t now);

/*
 * Keeps a page rendered for key when its versions have settled.  Pages
 * that would take more than an eighth of the limit are not kept.
 */
void	 pagecache_store(const struct pagecache_key *,
	    const struct pagecache_page *);

/* Returns the bytes in use and the number of entries, for tests. */
size_t	 pagecache_bytes(size_t *entries);

#endif
