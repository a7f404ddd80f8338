/*
 * UTF-8 validation following the byte sequence syntax of RFC 3629,
 * section 4.
 */
#include <stddef.h>
#include <string.h>

#include "utf8.h"

/*
 * Returns 1 when buf[0..len) is valid UTF-8, else 0.  The allowed range of
 * the second byte of each sequence excludes overlong forms, the surrogates
 * U+D800..U+DFFF and code points above U+10FFFF.  NUL bytes are valid.
 */
int
utf8_valid(const char *buf, size_t len)
{
	const unsigned char	*s = (const unsigned char *)buf;
	size_t			 i = 0, trail, k;
	unsigned char		 second_min, second_max;

	while (i < len) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}

		/* trail is the number of continuation bytes after s[i]. */
		second_min = 0x80;
		second_max = 0xbf;
		if (s[i] >= 0xc2 && s[i] <= 0xdf)
			trail = 1;
		else if (s[i] >= 0xe0 && s[i] <= 0xef) {
			trail = 2;
			if (s[i] == 0xe0)
				second_min = 0xa0;
			else if (s[i] == 0xed)
				second_max = 0x9f;
		} else if (s[i] >= 0xf0 && s[i] <= 0xf4) {
			trail = 3;
			if (s[i] == 0xf0)
				second_min = 0x90;
			else if (s[i] == 0xf4)
				second_max = 0x8f;
		} else
			return 0;

		if (len - i - 1 < trail)
			return 0;
		if (s[i + 1] < second_min || s[i + 1] > second_max)
			return 0;
		for (k = 2; k <= trail; k++)
			if (s[i + k] < 0x80 || s[i + k] > 0xbf)
				return 0;
		i += trail + 1;
	}
	return 1;
}

size_t
utf8_copy_prefix(char *out, size_t outsz, const char *s, size_t max_chars)
{
	size_t	 i = 0, next, chars = 0;

	if (outsz == 0)
		return 0;
	while (s[i] != '\0' && chars < max_chars) {
		next = i + 1;
		while (((unsigned char)s[next] & 0xc0) == 0x80)
			next++;
		if (next >= outsz)
			break;
		i = next;
		chars++;
	}
	memcpy(out, s, i);
	out[i] = '\0';
	return i;
}
