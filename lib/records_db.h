/*
 * Helpers shared by the modules of learners' records (attendance.c,
 * checklist.c, external_course.c and registration.c): reading result rows
 * into arrays, and text values shortened for the audit log.  Not for use
 * by other modules.
 */
#ifndef LAUREL_RECORDS_DB_H
#define LAUREL_RECORDS_DB_H

#include <stddef.h>

struct db_res;

/* Bytes of a text value kept in an audit entry.  Longer values are cut on
 * a UTF-8 character boundary, so the entry stays valid UTF-8. */
#define RECORDS_EXCERPT_MAX	190

/* Returns s, or a copy in out cut to RECORDS_EXCERPT_MAX bytes with "..."
 * appended when s is longer. */
const char	*records_excerpt(const char *s,
		    char out[RECORDS_EXCERPT_MAX + 4]);

/* Reads every row of res into a new array of size-byte elements, each
 * filled by fill, and frees res.  *out is freed by the caller. */
int		 records_collect(struct db_res *res, size_t size,
		    void (*fill)(void *, struct db_res *), void **out,
		    size_t *n);

/* Reads the first row of res with fill, then frees res.  Returns DB_OK, 1
 * when there is no row, or a db_status. */
int		 records_first_row(struct db_res *res, void *row,
		    void (*fill)(void *, struct db_res *));

#endif
