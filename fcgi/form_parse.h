/* Helpers shared by the parsers in form.c and multipart.c; not part of the
 * interface in form.h. */
#ifndef LAUREL_FORM_PARSE_H
#define LAUREL_FORM_PARSE_H

#include <stddef.h>

#include "form.h"

/* Empties err; NULL is allowed. */
void	 form_clear_error(struct form_error *);

/* Fills err with the field name (when valid UTF-8) and a message. */
void	 form_set_error(struct form_error *, const char *name, size_t namesz,
	    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Makes room for one more item in an array; returns 0 or -1. */
int	 form_grow(void **items, size_t *cap, size_t count, size_t itemsz);

/* Appends a field that takes ownership of name and value; returns 0, or
 * -1 when memory runs out, leaving them to the caller. */
int	 form_field_add(struct field_list *, char *name, char *value,
	    size_t valuesz);

/* Returns a malloc'd NUL-terminated copy of s[0..n), or NULL. */
char	*form_copy_bytes(const char *s, size_t n);

/* Returns 1 for a space or tab. */
int	 form_is_space(char c);

/* Removes spaces and tabs from both ends of s[0..*n). */
void	 form_trim(const char **s, size_t *n);

#endif
