/*
 * The CSV reader of the OULAD import.  A file is read into memory whole
 * (the largest OULAD file is 5.7 MB) and split one line at a time.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "oulad_csv.h"

int
csv_fail(struct csv *c, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;

	n = snprintf(c->err, c->errsz, "%s:%lld: ", c->path, c->line);
	if (n < 0 || (size_t)n >= c->errsz)
		return -1;
	va_start(ap, fmt);
	vsnprintf(c->err + n, c->errsz - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

/* Reads the whole file at c->path into c->data. */
static int
read_all(struct csv *c)
{
	FILE	*f;
	char	*grown;
	size_t	 cap = 1 << 16, n;

	if ((f = fopen(c->path, "rb")) == NULL) {
		snprintf(c->err, c->errsz, "%s: cannot open: %s", c->path,
		    strerror(errno));
		return -1;
	}
	for (;;) {
		if ((grown = realloc(c->data, cap + 1)) == NULL) {
			fclose(f);
			snprintf(c->err, c->errsz, "%s: out of memory", c->path);
			return -1;
		}
		c->data = grown;
		n = fread(c->data + c->len, 1, cap - c->len, f);
		c->len += n;
		if (c->len < cap)
			break;
		cap *= 2;
	}
	if (ferror(f)) {
		snprintf(c->err, c->errsz, "%s: cannot read: %s", c->path,
		    strerror(errno));
		fclose(f);
		return -1;
	}
	fclose(f);
	c->data[c->len] = '\0';
	return 0;
}

/* Counts the lines after the first, so progress can show a total.  A
 * last line without a line end counts too. */
static long long
count_rows(const char *data, size_t len)
{
	const char	*p = data, *end = data + len, *nl;
	long long	 lines = 0;

	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		lines++;
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	return lines > 0 ? lines - 1 : 0;
}

/* Splits one line (without its line end) into fields in c->decoded. */
static int
split(struct csv *c, const char *s, size_t len)
{
	const char	*end = s + len;
	char		*out = c->decoded;

	c->nfields = 0;
	for (;;) {
		if (c->nfields == CSV_FIELDS_MAX)
			return csv_fail(c, "more than %d fields",
			    CSV_FIELDS_MAX);
		c->field[c->nfields++] = out;
		if (s < end && *s == '"') {
			for (s++;; s++) {
				if (s == end)
					return csv_fail(c, "field %zu has no "
					    "closing quote", c->nfields);
				if (*s == '"') {
					if (s + 1 < end && s[1] == '"') {
						*out++ = *s++;
						continue;
					}
					s++;
					break;
				}
				*out++ = *s;
			}
			if (s < end && *s != ',')
				return csv_fail(c, "text after the closing "
				    "quote of field %zu", c->nfields);
		} else {
			for (; s < end && *s != ','; s++) {
				if (*s == '"')
					return csv_fail(c, "a quote inside "
					    "unquoted field %zu", c->nfields);
				*out++ = *s;
			}
		}
		*out++ = '\0';
		if (s == end)
			return 0;
		s++;		/* the comma */
	}
}

/* Reads the next line into [*start, *start + *len) without its line end.
 * Returns 0 at the end of the data. */
static int
next_line(struct csv *c, const char **start, size_t *len)
{
	const char	*p, *nl;
	size_t		 n;

	if (c->pos >= c->len)
		return 0;
	p = c->data + c->pos;
	nl = memchr(p, '\n', c->len - c->pos);
	n = nl != NULL ? (size_t)(nl - p) : c->len - c->pos;
	c->pos += n + (nl != NULL);
	if (n > 0 && p[n - 1] == '\r')
		n--;
	c->line++;
	*start = p;
	*len = n;
	return 1;
}

int
csv_next(struct csv *c, size_t ncolumns)
{
	const char	*s;
	size_t		 len;

	if (!next_line(c, &s, &len))
		return 0;
	if (memchr(s, '\0', len) != NULL || memchr(s, '\r', len) != NULL)
		return csv_fail(c, "a NUL or carriage return inside the line");
	if (split(c, s, len) == -1)
		return -1;
	if (c->nfields != ncolumns)
		return csv_fail(c, "%zu fields, expected %zu", c->nfields,
		    ncolumns);
	return 1;
}

int
csv_open(struct csv *c, const char *dir, const char *name,
    const char *const *header, size_t ncolumns, char *err, size_t errsz)
{
	size_t	 i;
	int	 rc;

	memset(c, 0, sizeof(*c));
	c->err = err;
	c->errsz = errsz;
	if ((size_t)snprintf(c->path, sizeof(c->path), "%s/%s", dir, name) >=
	    sizeof(c->path)) {
		snprintf(err, errsz, "%s: the folder name is too long", dir);
		return -1;
	}
	if (read_all(c) == -1)
		return -1;
	/* A decoded line is never longer than the line itself, plus one
	 * terminating NUL per field. */
	if ((c->decoded = malloc(c->len + CSV_FIELDS_MAX + 1)) == NULL) {
		snprintf(err, errsz, "%s: out of memory", c->path);
		return -1;
	}
	c->rows = count_rows(c->data, c->len);

	if ((rc = csv_next(c, ncolumns)) == -1)
		return -1;
	if (rc == 0) {
		c->line = 1;
		return csv_fail(c, "the file is empty; expected the header "
		    "line");
	}
	for (i = 0; i < ncolumns; i++) {
		if (strcmp(c->field[i], header[i]) != 0)
			return csv_fail(c, "column %zu of the header is "
			    "\"%.40s\", expected \"%s\"", i + 1, c->field[i],
			    header[i]);
	}
	return 0;
}

void
csv_close(struct csv *c)
{
	free(c->data);
	free(c->decoded);
	c->data = NULL;
	c->decoded = NULL;
}

int
csv_missing(const struct csv *c, size_t i)
{
	return strcmp(c->field[i], "") == 0 || strcmp(c->field[i], "?") == 0;
}

int
csv_int(struct csv *c, size_t i, const char *column, long long min,
    long long max, long long *out)
{
	const char	*s = c->field[i];
	long long	 v = 0;
	int		 negative = 0, digits = 0;

	if (*s == '-') {
		negative = 1;
		s++;
	}
	for (; *s >= '0' && *s <= '9'; s++) {
		if (++digits > 15)
			break;
		v = v * 10 + (*s - '0');
	}
	if (digits == 0 || *s != '\0')
		return csv_fail(c, "%s \"%.40s\" is not a whole number",
		    column, c->field[i]);
	if (negative)
		v = -v;
	if (v < min || v > max)
		return csv_fail(c, "%s %lld is out of range (%lld to %lld)",
		    column, v, min, max);
	*out = v;
	return 0;
}

int
csv_score(struct csv *c, size_t i, const char *column, long long *hundredths)
{
	const char	*s = c->field[i];
	long long	 v = 0;
	int		 digits = 0, decimals = 0;

	for (; *s >= '0' && *s <= '9' && digits < 4; s++, digits++)
		v = v * 10 + (*s - '0');
	v *= 100;
	if (digits > 0 && *s == '.') {
		for (s++; *s >= '0' && *s <= '9' && decimals < 2; s++)
			v += (*s - '0') * (decimals++ == 0 ? 10 : 1);
		if (decimals == 0)
			digits = 0;
	}
	if (digits == 0 || *s != '\0')
		return csv_fail(c, "%s \"%.40s\" is not a number with at most "
		    "two decimals", column, c->field[i]);
	if (v > 10000)
		return csv_fail(c, "%s %s is out of range (0 to 100)", column,
		    c->field[i]);
	*hundredths = v;
	return 0;
}
