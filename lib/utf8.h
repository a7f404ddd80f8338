#ifndef LAUREL_UTF8_H
#define LAUREL_UTF8_H

#include <stddef.h>

/*
 * Returns 1 when buf[0..len) is valid UTF-8 (shortest form, no surrogates,
 * nothing above U+10FFFF), else 0.
 */
int	utf8_valid(const char *buf, size_t len);

#endif
