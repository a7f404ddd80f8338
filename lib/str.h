/*
 * Growable byte buffers.  A buffer is always NUL-terminated, so its data can
 * be passed to functions that expect a C string.
 */
#ifndef LAUREL_STR_H
#define LAUREL_STR_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

/* Each returns 0, or -1 when memory runs out (the buffer is unchanged). */
int	 buf_append(struct buf *, const void *, size_t);
int	 buf_puts(struct buf *, const char *);
int	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
int	 buf_vprintf(struct buf *, const char *, va_list);

/* Empties the buffer and keeps its memory. */
void	 buf_reset(struct buf *);

/* Frees the memory; the buffer may be reused afterwards. */
void	 buf_free(struct buf *);

/* Copies at most dstsz - 1 bytes and always terminates dst; returns
 * strlen(src), like strlcpy. */
size_t	 str_copy(char *dst, const char *src, size_t dstsz);

/* Returns a malloc'd copy of src[0..len) with a NUL added, or NULL. */
char	*str_ndup(const char *src, size_t len);

/* Returns 1 when a and b are equal, comparing in constant time for equal
 * lengths. */
int	 str_equal_ct(const char *a, const char *b);

#endif
