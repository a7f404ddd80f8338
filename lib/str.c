#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "str.h"

static int
buf_grow(struct buf *b, size_t need)
{
	size_t	 cap;
	char	*p;

	if (b->len + need + 1 <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 256;
	while (cap < b->len + need + 1) {
		if (cap > ((size_t)-1) / 2)
			return -1;
		cap *= 2;
	}
	if ((p = realloc(b->data, cap)) == NULL)
		return -1;
	b->data = p;
	b->cap = cap;
	return 0;
}

int
buf_append(struct buf *b, const void *src, size_t len)
{
	if (buf_grow(b, len) == -1)
		return -1;
	if (len > 0)
		memcpy(b->data + b->len, src, len);
	b->len += len;
	b->data[b->len] = '\0';
	return 0;
}

int
buf_puts(struct buf *b, const char *s)
{
	return buf_append(b, s, strlen(s));
}

int
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list	 copy;
	int	 n;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0 || buf_grow(b, (size_t)n) == -1)
		return -1;
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return 0;
}

int
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list	 ap;
	int	 rc;

	va_start(ap, fmt);
	rc = buf_vprintf(b, fmt, ap);
	va_end(ap);
	return rc;
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

void
buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

size_t
str_copy(char *dst, const char *src, size_t dstsz)
{
	size_t	 len = strlen(src);

	if (dstsz > 0) {
		size_t n = len < dstsz - 1 ? len : dstsz - 1;
		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}

char *
str_ndup(const char *src, size_t len)
{
	char	*p;

	if ((p = malloc(len + 1)) == NULL)
		return NULL;
	memcpy(p, src, len);
	p[len] = '\0';
	return p;
}

int
str_equal_ct(const char *a, const char *b)
{
	size_t		 la = strlen(a), lb = strlen(b), i;
	unsigned char	 diff = 0;

	if (la != lb)
		return 0;
	for (i = 0; i < la; i++)
		diff |= (unsigned char)a[i] ^ (unsigned char)b[i];
	return diff == 0;
}
