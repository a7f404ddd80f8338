/* The admin search panel: certifications, courses, users and user groups
 * whose name starts with the text typed. */
#ifndef LAUREL_SEARCH_H
#define LAUREL_SEARCH_H

#include <stddef.h>

struct db;

enum search_kind {
	SEARCH_CERTIFICATION,
	SEARCH_COURSE,
	SEARCH_USER,
	SEARCH_GROUP
};

#define SEARCH_PER_KIND	10

struct search_hit {
	enum search_kind kind;
	long long	 id;		/* the page to open: version, course ... */
	char		 title[200 * 4 + 1];
	char		 detail[200 * 4 + 1];	/* code, login, version ... */
};

/*
 * Finds up to SEARCH_PER_KIND hits of each kind for q (matched against
 * the start of names, codes, logins and e-mail addresses).  *out is freed
 * by the caller.
 */
int	 search_all(struct db *, const char *q, struct search_hit **out,
	    size_t *n);

#endif
