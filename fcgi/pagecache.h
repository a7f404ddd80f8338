/*
 * The page cache of one worker process: rendered pages kept in memory,
 * sent again while nothing they show has changed.
 *
 * A page is found by its slot: the session (the SHA-256 of its token,
 * since the page holds the session's CSRF token and name), the route, the
 * path and the query string.  The slot's entry also records the change_log
 * versions and the site's calendar day the page was rendered with, and is
 * used only while the current request reads the same ones.  The caller
 * decides which versions a route depends on (fcgi/route.c).
 *
 * A version is the newest id of a change_log scope, and AUTO_INCREMENT
 * hands out ids in the order of the inserts, not of the commits.  A
 * transaction that inserted id 7 may commit after another one's id 8 was
 * read, and the newest id then stays 8.  A page rendered before the
 * commit of id 7 would look current until the next change.  So an entry
 * keeps a page only once it was rendered at least PAGECACHE_SETTLE_USEC
 * after its versions were first seen.  Until then every request renders
 * the page anew.
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
 * NOTE: a transaction that commits later than this after its last change
 * to content (or, on a Galera cluster, a write set that takes longer to
 * reach this node) can leave a kept page without that change until the
 * next change in the same scope.
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
	int64_t			 seen_at;	/* CLOCK_MONOTONIC µs when the
						 * versions were read */
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
 * Records a page rendered for key: keeps it when its versions have
 * settled, else notes when they were first seen.  Pages that would take
 * more than an eighth of the limit are not kept.
 */
void	 pagecache_store(const struct pagecache_key *,
	    const struct pagecache_page *);

/* Returns the bytes in use and the number of entries, for tests. */
size_t	 pagecache_bytes(size_t *entries);

#endif
