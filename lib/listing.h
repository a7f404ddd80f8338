/*
 * The request of a list page: a search text, a first letter, a sort
 * column, a direction and a page.  The modules that list things (users,
 * catalogs, courses, certifications, ...) take this and return one page
 * of rows plus whether more follow.
 */
#ifndef LAUREL_LISTING_H
#define LAUREL_LISTING_H

#include <stddef.h>

#define LISTING_PAGE_SIZE	50
#define LISTING_PATTERN_MAX	(4 * 200 + 8)

struct listing {
	const char	*q;		/* search text, "" for none */
	char		 letter;	/* 'A'..'Z', or 0 for all */
	int		 sort;		/* index into the page's sort keys */
	int		 desc;		/* 1 for descending */
	int		 page;		/* 1-based */
	int		 per_page;
	/* Filled by listing_prepare for the SQL: */
	char		 q_pattern[LISTING_PATTERN_MAX];	/* "q%" or "" */
	char		 letter_pattern[4];			/* "A%" or "" */
	long long	 limit;		/* per_page + 1, to see if more follow */
	long long	 offset;
};

/*
 * Fills the patterns, limit and offset from the other fields.  LIKE
 * wildcards in the search text are escaped, so "50%" finds a literal 50%.
 * Searches match the start of a value ("ann" finds "Anna" and
 * "Annette"): with the column indexes that keeps a search fast on large
 * tables.
 */
void	 listing_prepare(struct listing *);

/* Returns 1 when the rows fetched (at most limit) show a next page, and
 * sets *shown to the rows to display. */
int	 listing_has_next(const struct listing *, size_t fetched,
	    size_t *shown);

#endif
