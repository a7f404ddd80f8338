/*
 * Helpers shared by the files of the course module (course.c and
 * course_class.c): reading result rows into arrays, and text values
 * shortened for the audit log.  Not for use by other modules.
 */
#ifndef LAUREL_COURSE_DB_H
#define LAUREL_COURSE_DB_H

#include <stddef.h>

struct buf;
struct db_res;

/* Bytes of a text value kept in an audit entry.  audit_change cuts values
 * at 200 bytes, which can split a UTF-8 character and make the INSERT of
 * the row fail in strict mode, so values are shortened here first. */
#define COURSE_EXCERPT_MAX	190

/* Returns s, or a copy in out cut on a character boundary to
 * COURSE_EXCERPT_MAX bytes with "..." appended when s is longer. */
const char	*course_excerpt(const char *s,
		    char out[COURSE_EXCERPT_MAX + 4]);

/* Appends a change of a text field to the details of an audit entry. */
void		 course_change_text(struct buf *changes, const char *label,
		    const char *old_value, const char *new_value);

/* Reads every row of res into a new array of size-byte elements, each
 * filled by fill, and frees res.  *out is freed by the caller. */
int		 course_collect(struct db_res *res, size_t size,
		    void (*fill)(void *, struct db_res *), void **out,
		    size_t *n);

/* Reads the first row of res with fill, then frees res.  Returns DB_OK, 1
 * when there is no row, or a db_status. */
int		 course_first_row(struct db_res *res, void *row,
		    void (*fill)(void *, struct db_res *));

#endif
