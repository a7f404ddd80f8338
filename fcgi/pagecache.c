#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "pagecache.h"

struct entry {
	struct entry	*next_in_bucket;
	struct entry	*newer, *older;		/* the LRU list */
	uint64_t	 hash;
	char		*slot;		/* session, route, path, query */
	size_t		 slot_len;
	long long	 versions[PAGECACHE_VERSIONS];
	int32_t		 day;
	int		 kept;		/* page contains a settled page */
	char		*content_type;
	char		*page;		/* headers then body; NULL when
					 * not kept */
	size_t		 headers_len, body_len;
	size_t		 size;		/* bytes counted against the limit */
};

static struct {
	size_t		 max_bytes;	/* 0: off */
	size_t		 bytes;
	size_t		 entries;
	struct entry	**buckets;
	size_t		 nbuckets;	/* a power of two */
	struct entry	*newest, *oldest;
	unsigned char	 hash_key[crypto_shorthash_KEYBYTES];
} cache;

#define INITIAL_BUCKETS	1024

/* The versions seen last, per scope, in a direct-mapped table. */
#define SEEN_SLOTS	512
static struct seen {
	long long	 scope;
	long long	 version;
	int64_t		 since;
	int		 used;
} seen[SEEN_SLOTS];

int
pagecache_init(size_t max_bytes)
{
	cache.max_bytes = 0;
	if (max_bytes == 0)
		return 0;
	if ((cache.buckets = calloc(INITIAL_BUCKETS,
	    sizeof(*cache.buckets))) == NULL)
		return -1;
	cache.nbuckets = INITIAL_BUCKETS;
	/* A secret hash key keeps clients from choosing paths and query
	 * strings that all fall into one bucket. */
	crypto_shorthash_keygen(cache.hash_key);
	cache.max_bytes = max_bytes;
	return 0;
}

int
pagecache_enabled(void)
{
	return cache.max_bytes > 0;
}

int64_t
pagecache_version_seen(long long scope, long long version, int64_t now)
{
	struct seen	*v = &seen[(unsigned long long)scope % SEEN_SLOTS];

	if (!v->used || v->scope != scope || v->version != version) {
		v->scope = scope;
		v->version = version;
		v->since = now;
		v->used = 1;
	}
	return v->since;
}

/* Writes the slot of key into a new buffer: the session hash, the route
 * number, then the path and the query each ended by a NUL byte. */
static char *
make_slot(const struct pagecache_key *key, size_t *len)
{
	size_t	 plen = strlen(key->path) + 1, qlen = strlen(key->query) + 1;
	char	*s;

	*len = 32 + sizeof(key->route) + plen + qlen;
	if ((s = malloc(*len)) == NULL)
		return NULL;
	memcpy(s, key->session, 32);
	memcpy(s + 32, &key->route, sizeof(key->route));
	memcpy(s + 32 + sizeof(key->route), key->path, plen);
	memcpy(s + 32 + sizeof(key->route) + plen, key->query, qlen);
	return s;
}

static uint64_t
hash_slot(const char *slot, size_t len)
{
	unsigned char	 out[crypto_shorthash_BYTES];
	uint64_t	 h;

	crypto_shorthash(out, (const unsigned char *)slot, len,
	    cache.hash_key);
	memcpy(&h, out, sizeof(h));
	return h;
}

static struct entry *
lookup(const char *slot, size_t len, uint64_t h)
{
	struct entry	*e;

	for (e = cache.buckets[h & (cache.nbuckets - 1)]; e != NULL;
	    e = e->next_in_bucket)
		if (e->hash == h && e->slot_len == len &&
		    memcmp(e->slot, slot, len) == 0)
			return e;
	return NULL;
}

static void
lru_unlink(struct entry *e)
{
	if (e->newer != NULL)
		e->newer->older = e->older;
	else
		cache.newest = e->older;
	if (e->older != NULL)
		e->older->newer = e->newer;
	else
		cache.oldest = e->newer;
	e->newer = e->older = NULL;
}

static void
lru_push(struct entry *e)
{
	e->older = cache.newest;
	e->newer = NULL;
	if (cache.newest != NULL)
		cache.newest->newer = e;
	cache.newest = e;
	if (cache.oldest == NULL)
		cache.oldest = e;
}

static void
drop_page(struct entry *e)
{
	free(e->page);
	free(e->content_type);
	e->page = NULL;
	e->content_type = NULL;
	e->kept = 0;
	cache.bytes -= e->size - (sizeof(*e) + e->slot_len);
	e->size = sizeof(*e) + e->slot_len;
}

static void
remove_entry(struct entry *e)
{
	struct entry	**p = &cache.buckets[e->hash & (cache.nbuckets - 1)];

	while (*p != e)
		p = &(*p)->next_in_bucket;
	*p = e->next_in_bucket;
	lru_unlink(e);
	cache.bytes -= e->size;
	cache.entries--;
	free(e->page);
	free(e->content_type);
	free(e->slot);
	free(e);
}

/* Doubles the buckets when entries outnumber them twice; keeps the
 * current table when memory runs out. */
static void
maybe_grow(void)
{
	struct entry	**grown, *e, *next;
	size_t		 n = cache.nbuckets * 2, i;

	if (cache.entries <= cache.nbuckets * 2)
		return;
	if ((grown = calloc(n, sizeof(*grown))) == NULL)
		return;
	for (i = 0; i < cache.nbuckets; i++) {
		for (e = cache.buckets[i]; e != NULL; e = next) {
			next = e->next_in_bucket;
			e->next_in_bucket = grown[e->hash & (n - 1)];
			grown[e->hash & (n - 1)] = e;
		}
	}
	free(cache.buckets);
	cache.buckets = grown;
	cache.nbuckets = n;
}

static int
same_versions(const struct entry *e, const struct pagecache_key *key)
{
	return e->day == key->day && memcmp(e->versions, key->versions,
	    sizeof(e->versions)) == 0;
}

int
pagecache_find(const struct pagecache_key *key, struct pagecache_page *page)
{
	struct entry	*e;
	char		*slot;
	size_t		 len;

	if (cache.max_bytes == 0 || (slot = make_slot(key, &len)) == NULL)
		return 0;
	e = lookup(slot, len, hash_slot(slot, len));
	free(slot);
	if (e == NULL || !e->kept || !same_versions(e, key))
		return 0;
	lru_unlink(e);
	lru_push(e);
	page->content_type = e->content_type;
	page->headers = e->page;
	page->headers_len = e->headers_len;
	page->body = e->page + e->headers_len;
	page->body_len = e->body_len;
	return 1;
}

/* Copies the page into e; leaves e without a page when memory runs
 * out. */
static void
keep_page(struct entry *e, const struct pagecache_page *page)
{
	size_t	 extra = page->headers_len + page->body_len +
		    strlen(page->content_type) + 1;

	e->page = malloc(page->headers_len + page->body_len + 1);
	e->content_type = strdup(page->content_type);
	if (e->page == NULL || e->content_type == NULL) {
		free(e->page);
		free(e->content_type);
		e->page = e->content_type = NULL;
		return;
	}
	memcpy(e->page, page->headers, page->headers_len);
	memcpy(e->page + page->headers_len, page->body, page->body_len);
	e->page[page->headers_len + page->body_len] = '\0';
	e->headers_len = page->headers_len;
	e->body_len = page->body_len;
	e->kept = 1;
	e->size += extra;
	cache.bytes += extra;
}

/* Returns the entry of the slot, created without a page when there is
 * none; NULL when memory runs out.  Takes ownership of slot. */
static struct entry *
slot_entry(char *slot, size_t len, const struct pagecache_key *key)
{
	uint64_t	 h = hash_slot(slot, len);
	struct entry	*e;

	if ((e = lookup(slot, len, h)) != NULL) {
		free(slot);
		return e;
	}
	if ((e = calloc(1, sizeof(*e))) == NULL) {
		free(slot);
		return NULL;
	}
	e->hash = h;
	e->slot = slot;
	e->slot_len = len;
	memcpy(e->versions, key->versions, sizeof(e->versions));
	e->day = key->day;
	e->size = sizeof(*e) + len;
	e->next_in_bucket = cache.buckets[h & (cache.nbuckets - 1)];
	cache.buckets[h & (cache.nbuckets - 1)] = e;
	lru_push(e);
	cache.bytes += e->size;
	cache.entries++;
	maybe_grow();
	return e;
}

void
pagecache_store(const struct pagecache_key *key,
    const struct pagecache_page *page)
{
	struct entry	*e;
	char		*slot;
	size_t		 len;

	if (cache.max_bytes == 0 ||
	    page->headers_len + page->body_len > cache.max_bytes / 8 ||
	    key->now - key->versions_seen < PAGECACHE_SETTLE_USEC ||
	    (slot = make_slot(key, &len)) == NULL)
		return;
	if ((e = slot_entry(slot, len, key)) == NULL)
		return;
	lru_unlink(e);
	lru_push(e);
	if (!same_versions(e, key)) {
		drop_page(e);
		memcpy(e->versions, key->versions, sizeof(e->versions));
		e->day = key->day;
	}
	if (!e->kept)
		keep_page(e, page);
	while (cache.bytes > cache.max_bytes && cache.oldest != e)
		remove_entry(cache.oldest);
}

size_t
pagecache_bytes(size_t *entries)
{
	*entries = cache.entries;
	return cache.bytes;
}
