#include "config.h"

#include <string.h>

#include "listing.h"

/* Copies src with '\', '%' and '_' escaped, then appends '%'. */
static void
prefix_pattern(const char *src, char *out, size_t outsz)
{
	size_t	 n = 0;

	for (; *src != '\0' && n + 3 < outsz; src++) {
		if (*src == '\\' || *src == '%' || *src == '_')
			out[n++] = '\\';
		out[n++] = *src;
	}
	out[n++] = '%';
	out[n] = '\0';
}

void
listing_prepare(struct listing *l)
{
	if (l->per_page <= 0 || l->per_page > 500)
		l->per_page = LISTING_PAGE_SIZE;
	if (l->page < 1)
		l->page = 1;
	if (l->q == NULL)
		l->q = "";
	l->q_pattern[0] = '\0';
	if (l->q[0] != '\0')
		prefix_pattern(l->q, l->q_pattern, sizeof(l->q_pattern));
	l->letter_pattern[0] = '\0';
	if (l->letter >= 'A' && l->letter <= 'Z') {
		l->letter_pattern[0] = l->letter;
		l->letter_pattern[1] = '%';
		l->letter_pattern[2] = '\0';
	}
	l->limit = l->per_page + 1;
	l->offset = (long long)(l->page - 1) * l->per_page;
}

int
listing_has_next(const struct listing *l, size_t fetched, size_t *shown)
{
	if (fetched > (size_t)l->per_page) {
		*shown = (size_t)l->per_page;
		return 1;
	}
	*shown = fetched;
	return 0;
}
