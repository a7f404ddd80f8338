#ifndef LAUREL_UTF8_H
#define LAUREL_UTF8_H

#include <stddef.h>

/*
 * Returns 1 when buf[0..len) is valid UTF-8 (shortest form, no surrogates,
 * nothing above U+10FFFF), else 0.
 */
int	utf8_valid(const char *buf, size_t len);

/*
 * Copies at most max_chars characters of s into out (of outsz bytes),
 * without splitting a UTF-8 sequence, and terminates it.  Returns the
 * bytes copied.
 */
size_t	utf8_copy_prefix(char *out, size_t outsz, const char *s,
	    size_t max_chars);

#endif
