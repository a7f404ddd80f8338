/*
 * CSV reading for the administrators' imports: see csvread.h.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "utf8.h"

static int
fail(struct csvread *r, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
fail(struct csvread *r, long line, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(r->error, sizeof(r->error), fmt, ap);
	va_end(ap);
	r->error_line = line;
	return -1;
}

/* Checks each line for valid UTF-8 and NUL bytes, so the error names the
 * first bad line. */
static int
check_lines(struct csvread *r)
{
	size_t	 at = 0, end;
	long	 line = 1;
	const char *nl;

	while (at < r->len) {
		nl = memchr(r->data + at, '\n', r->len - at);
		end = nl != NULL ? (size_t)(nl - r->data) : r->len;
		if (memchr(r->data + at, '\0', end - at) != NULL)
			return fail(r, line, "the line contains a NUL byte; "
			    "save the file as CSV text");
		if (!utf8_valid(r->data + at, end - at))
			return fail(r, line, "the line is not valid UTF-8; "
			    "save the file as CSV in UTF-8");
		at = end + 1;
		line++;
	}
	return 0;
}

/* Counts commas and semicolons outside quotes in the first line. */
static char
detect_separator(const char *s, size_t len)
{
	size_t	 i, commas = 0, semicolons = 0;
	int	 quoted = 0;

	for (i = 0; i < len && (quoted || (s[i] != '\n' && s[i] != '\r'));
	    i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (!quoted && s[i] == ',')
			commas++;
		else if (!quoted && s[i] == ';')
			semicolons++;
	}
	return semicolons > commas ? ';' : ',';
}

int
csvread_init(struct csvread *r, const char *data, size_t len)
{
	memset(r, 0, sizeof(*r));
	r->line = 1;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		r->bom = 1;
		data += 3;
		len -= 3;
	}
	r->data = data;
	r->len = len;
	if (check_lines(r) == -1)
		return -1;
	r->separator = detect_separator(data, len);
	return 0;
}

static int
put_char(struct csvread *r, char c)
{
	char	*p;
	size_t	 cap;

	if (r->text_len == r->cap_text) {
		cap = r->cap_text ? r->cap_text * 2 : 256;
		if ((p = realloc(r->text, cap)) == NULL)
			return fail(r, r->line, "out of memory");
		r->text = p;
		r->cap_text = cap;
	}
	r->text[r->text_len++] = c;
	return 0;
}

static int
begin_field(struct csvread *r)
{
	size_t	*p, cap;

	if (r->nfields == r->cap_fields) {
		cap = r->cap_fields ? r->cap_fields * 2 : 16;
		if ((p = realloc(r->start, cap * sizeof(*p))) == NULL)
			return fail(r, r->line, "out of memory");
		r->start = p;
		r->cap_fields = cap;
	}
	r->start[r->nfields++] = r->text_len;
	return 0;
}

/* Consumes a line end at pos, if there is one: LF, CRLF or a lone CR.
 * Returns 1 when it did. */
static int
line_end(struct csvread *r)
{
	if (r->pos < r->len && r->data[r->pos] == '\r') {
		r->pos++;
		if (r->pos < r->len && r->data[r->pos] == '\n')
			r->pos++;
		r->line++;
		return 1;
	}
	if (r->pos < r->len && r->data[r->pos] == '\n') {
		r->pos++;
		r->line++;
		return 1;
	}
	return 0;
}

/* Reads a quoted field; pos is after the opening quote. */
static int
read_quoted(struct csvread *r)
{
	long	 opened = r->line;
	char	 c;

	for (;;) {
		if (r->pos >= r->len)
			return fail(r, opened, "a quoted field that starts on "
			    "this line has no closing quote");
		c = r->data[r->pos];
		if (c == '"' && r->pos + 1 < r->len &&
		    r->data[r->pos + 1] == '"') {
			r->pos += 2;
			if (put_char(r, '"') == -1)
				return -1;
			continue;
		}
		if (c == '"') {
			r->pos++;
			break;
		}
		if (c == '\n' || (c == '\r' && (r->pos + 1 >= r->len ||
		    r->data[r->pos + 1] != '\n')))
			r->line++;
		r->pos++;
		if (put_char(r, c) == -1)
			return -1;
	}
	if (r->pos < r->len && r->data[r->pos] != r->separator &&
	    r->data[r->pos] != '\n' && r->data[r->pos] != '\r')
		return fail(r, r->line, "text follows a closing quote; a "
		    "quote inside a quoted field must be doubled (\"\")");
	return 0;
}

static int
read_bare(struct csvread *r)
{
	char	 c;

	while (r->pos < r->len) {
		c = r->data[r->pos];
		if (c == r->separator || c == '\n' || c == '\r')
			break;
		r->pos++;
		if (put_char(r, c) == -1)
			return -1;
	}
	return 0;
}

int
csvread_next(struct csvread *r)
{
	while (line_end(r))
		continue;
	if (r->pos >= r->len)
		return 0;

	r->record_line = r->line;
	r->nfields = 0;
	r->text_len = 0;
	for (;;) {
		if (begin_field(r) == -1)
			return -1;
		if (r->pos < r->len && r->data[r->pos] == '"') {
			r->pos++;
			if (read_quoted(r) == -1)
				return -1;
		} else if (read_bare(r) == -1)
			return -1;
		if (put_char(r, '\0') == -1)
			return -1;
		if (r->pos < r->len && r->data[r->pos] == r->separator) {
			r->pos++;
			continue;
		}
		line_end(r);
		return 1;
	}
}

const char *
csvread_field(const struct csvread *r, size_t i)
{
	if (i >= r->nfields)
		return "";
	return r->text + r->start[i];
}

void
csvread_free(struct csvread *r)
{
	free(r->text);
	free(r->start);
	r->text = NULL;
	r->start = NULL;
}
