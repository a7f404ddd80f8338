/*
 * Parsers for query strings, urlencoded bodies and Cookie headers, and the
 * helpers they share with the multipart parser in multipart.c.  Every parser validates names and values
 * (percent-encoding, UTF-8, NUL bytes, the limits in struct form_limits)
 * and reports the first problem in a struct form_error.
 */
#define _POSIX_C_SOURCE 200809L

#include <sys/types.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "form.h"
#include "form_parse.h"
#include "utf8.h"


void
form_clear_error(struct form_error *err)
{
	if (err == NULL)
		return;
	err->field[0] = '\0';
	err->message[0] = '\0';
}

/*
 * Copies name into err->field when it is valid UTF-8 without control
 * characters, cut at a character boundary to fit.  Other names leave the
 * field empty, so err->field is always valid UTF-8 without control
 * characters.
 */
static void
set_error_field(struct form_error *err, const char *name, size_t namesz)
{
	size_t	 i, n;

	err->field[0] = '\0';
	if (name == NULL || !utf8_valid(name, namesz))
		return;
	for (i = 0; i < namesz; i++)
		if ((unsigned char)name[i] < 0x20 || name[i] == 0x7f)
			return;

	n = namesz;
	if (n > sizeof(err->field) - 1) {
		n = sizeof(err->field) - 1;
		while (n > 0 && ((unsigned char)name[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(err->field, name, n);
	err->field[n] = '\0';
}

void
form_set_error(struct form_error *err, const char *name, size_t namesz,
    const char *fmt, ...)
{
	va_list	 ap;

	if (err == NULL)
		return;
	set_error_field(err, name, namesz);
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
}

/* Makes room for one more item of size itemsz; returns 0 or -1. */
int
form_grow(void **items, size_t *cap, size_t count, size_t itemsz)
{
	void	*p;
	size_t	 ncap;

	if (count < *cap)
		return 0;
	ncap = *cap == 0 ? 8 : *cap * 2;
	if (ncap > (size_t)-1 / itemsz)
		return -1;
	if ((p = realloc(*items, ncap * itemsz)) == NULL)
		return -1;
	*items = p;
	*cap = ncap;
	return 0;
}

/* Appends a field that takes ownership of name and value; returns 0 or -1. */
int
form_field_add(struct field_list *list, char *name, char *value,
    size_t valuesz)
{
	void	*items = list->items;

	if (form_grow(&items, &list->cap, list->count,
	    sizeof(struct field)) == -1)
		return -1;
	list->items = items;
	list->items[list->count].name = name;
	list->items[list->count].value = value;
	list->items[list->count].valuesz = valuesz;
	list->count++;
	return 0;
}

/* Returns a NUL-terminated copy of s[0..n), or NULL. */
char *
form_copy_bytes(const char *s, size_t n)
{
	char	*p;

	if ((p = malloc(n + 1)) == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

static int
hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Decodes src[0..len) into dst, which has room for len + 1 bytes: "%XX"
 * becomes the byte XX and '+' a space.  Returns -1 when a '%' is not
 * followed by two hex digits.
 */
static int
percent_decode(const char *src, size_t len, char *dst, size_t *dstsz)
{
	size_t	 i, n = 0;
	int	 hi, lo;

	for (i = 0; i < len; i++) {
		if (src[i] == '+')
			dst[n++] = ' ';
		else if (src[i] != '%')
			dst[n++] = src[i];
		else {
			if (len - i < 3)
				return -1;
			hi = hex_value(src[i + 1]);
			lo = hex_value(src[i + 2]);
			if (hi == -1 || lo == -1)
				return -1;
			dst[n++] = (char)(hi * 16 + lo);
			i += 2;
		}
	}
	dst[n] = '\0';
	*dstsz = n;
	return 0;
}

/*
 * Decodes and checks one "name=value" pair of a urlencoded string and
 * appends it to out.  Errors about the name show the name as sent, because
 * the decoded name may not be printable.
 */
static enum form_status
add_urlencoded_pair(const char *pair, size_t len,
    const struct form_limits *lim, struct field_list *out,
    struct form_error *err)
{
	const char		*eq, *raw, *rawval;
	char			*name = NULL, *value = NULL;
	size_t			 rawsz, rawvalsz, namesz, valuesz;
	enum form_status	 st = FORM_BAD;

	eq = memchr(pair, '=', len);
	raw = pair;
	rawsz = eq != NULL ? (size_t)(eq - pair) : len;
	rawval = eq != NULL ? eq + 1 : "";
	rawvalsz = eq != NULL ? len - rawsz - 1 : 0;
	if (rawsz == 0)
		return FORM_OK;

	if ((name = malloc(rawsz + 1)) == NULL ||
	    (value = malloc(rawvalsz + 1)) == NULL) {
		form_set_error(err, NULL, 0, "out of memory");
		st = FORM_SYSERR;
		goto out;
	}

	if (percent_decode(raw, rawsz, name, &namesz) == -1) {
		form_set_error(err, raw, rawsz,
		    "invalid percent-encoding in the field name");
		goto out;
	}
	if (memchr(name, '\0', namesz) != NULL) {
		form_set_error(err, raw, rawsz, "field name contains a NUL byte");
		goto out;
	}
	if (!utf8_valid(name, namesz)) {
		form_set_error(err, raw, rawsz, "invalid UTF-8 in the field name");
		goto out;
	}
	if (namesz > lim->max_name) {
		form_set_error(err, name, namesz, "name longer than %zu bytes",
		    lim->max_name);
		goto out;
	}
	if (out->count >= lim->max_fields) {
		form_set_error(err, name, namesz, "more than %zu fields",
		    lim->max_fields);
		goto out;
	}

	if (percent_decode(rawval, rawvalsz, value, &valuesz) == -1) {
		form_set_error(err, name, namesz, "invalid percent-encoding");
		goto out;
	}
	if (memchr(value, '\0', valuesz) != NULL) {
		form_set_error(err, name, namesz, "value contains a NUL byte");
		goto out;
	}
	if (valuesz > lim->max_value) {
		form_set_error(err, name, namesz, "value longer than %zu bytes",
		    lim->max_value);
		goto out;
	}
	if (!utf8_valid(value, valuesz)) {
		form_set_error(err, name, namesz, "invalid UTF-8");
		goto out;
	}

	if (form_field_add(out, name, value, valuesz) == -1) {
		form_set_error(err, name, namesz, "out of memory");
		st = FORM_SYSERR;
		goto out;
	}
	return FORM_OK;
out:
	free(name);
	free(value);
	return st;
}

/*
 * Parses a query string or urlencoded body and appends the fields to out.
 * The caller owns the fields and frees them with field_list_free().  On
 * failure out is freed and err contains the reason.
 */
enum form_status
form_parse_urlencoded(const char *buf, size_t len,
    const struct form_limits *lim, struct field_list *out,
    struct form_error *err)
{
	const char		*amp;
	size_t			 i, pairsz;
	enum form_status	 st = FORM_OK;

	form_clear_error(err);
	if (len > lim->max_body) {
		form_set_error(err, NULL, 0, "body larger than %zu bytes",
		    lim->max_body);
		st = FORM_TOO_LARGE;
		goto out;
	}

	for (i = 0; i < len; i += pairsz + 1) {
		amp = memchr(buf + i, '&', len - i);
		pairsz = amp != NULL ? (size_t)(amp - (buf + i)) : len - i;
		st = add_urlencoded_pair(buf + i, pairsz, lim, out, err);
		if (st != FORM_OK)
			goto out;
	}
out:
	if (st != FORM_OK)
		field_list_free(out);
	return st;
}

int
form_is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* Removes spaces and tabs from both ends of s[0..*n). */
void
form_trim(const char **s, size_t *n)
{
	while (*n > 0 && form_is_space(**s)) {
		(*s)++;
		(*n)--;
	}
	while (*n > 0 && form_is_space((*s)[*n - 1]))
		(*n)--;
}

/* Checks one "name=value" cookie pair and appends it to out. */
static enum form_status
add_cookie(const char *pair, size_t len, const struct form_limits *lim,
    struct field_list *out, struct form_error *err)
{
	const char	*eq, *name, *value;
	char		*namecp, *valuecp;
	size_t		 namesz, valuesz;

	if ((eq = memchr(pair, '=', len)) == NULL)
		return FORM_OK;
	name = pair;
	namesz = eq - pair;
	value = eq + 1;
	valuesz = len - namesz - 1;
	form_trim(&name, &namesz);
	form_trim(&value, &valuesz);
	if (namesz == 0)
		return FORM_OK;
	if (valuesz >= 2 && value[0] == '"' && value[valuesz - 1] == '"') {
		value++;
		valuesz -= 2;
	}

	if (!utf8_valid(name, namesz)) {
		form_set_error(err, NULL, 0, "invalid UTF-8 in a cookie name");
		return FORM_BAD;
	}
	if (namesz > lim->max_name) {
		form_set_error(err, name, namesz, "name longer than %zu bytes",
		    lim->max_name);
		return FORM_BAD;
	}
	if (out->count >= lim->max_fields) {
		form_set_error(err, name, namesz, "more than %zu cookies",
		    lim->max_fields);
		return FORM_BAD;
	}
	if (valuesz > lim->max_value) {
		form_set_error(err, name, namesz, "value longer than %zu bytes",
		    lim->max_value);
		return FORM_BAD;
	}
	if (!utf8_valid(value, valuesz)) {
		form_set_error(err, name, namesz, "invalid UTF-8");
		return FORM_BAD;
	}

	namecp = form_copy_bytes(name, namesz);
	valuecp = form_copy_bytes(value, valuesz);
	if (namecp == NULL || valuecp == NULL ||
	    form_field_add(out, namecp, valuecp, valuesz) == -1) {
		free(namecp);
		free(valuecp);
		form_set_error(err, name, namesz, "out of memory");
		return FORM_SYSERR;
	}
	return FORM_OK;
}

/*
 * Parses a Cookie header and appends the cookies to out.  The caller owns
 * the fields and frees them with field_list_free().  On failure out is
 * freed and err contains the reason.  A NULL header has no cookies.
 */
enum form_status
form_parse_cookies(const char *header, const struct form_limits *lim,
    struct field_list *out, struct form_error *err)
{
	const char		*p;
	size_t			 len;
	enum form_status	 st = FORM_OK;

	form_clear_error(err);
	if (header == NULL)
		return FORM_OK;

	for (p = header; *p != '\0'; p += len) {
		len = strcspn(p, ";");
		st = add_cookie(p, len, lim, out, err);
		if (st != FORM_OK)
			break;
		if (p[len] == ';')
			len++;
	}

	if (st != FORM_OK)
		field_list_free(out);
	return st;
}

/*
 * Returns the value of the first field called name, or NULL.  The value
 * belongs to the list.
 */
const char *
field_get(const struct field_list *list, const char *name)
{
	size_t	 i;

	if (list == NULL || name == NULL)
		return NULL;
	for (i = 0; i < list->count; i++)
		if (strcmp(list->items[i].name, name) == 0)
			return list->items[i].value;
	return NULL;
}

/* Frees the fields and empties the list, which may be used again. */
void
field_list_free(struct field_list *list)
{
	size_t	 i;

	if (list == NULL)
		return;
	for (i = 0; i < list->count; i++) {
		free(list->items[i].name);
		free(list->items[i].value);
	}
	free(list->items);
	list->items = NULL;
	list->count = list->cap = 0;
}

/*
 * Removes the temporary file of every upload, frees the uploads and empties
 * the list, which may be used again.  A caller that keeps a file renames it
 * (or links it elsewhere) before this call.
 */
void
upload_list_free(struct upload_list *list)
{
	size_t	 i;

	if (list == NULL)
		return;
	for (i = 0; i < list->count; i++) {
		if (list->items[i].path != NULL)
			unlink(list->items[i].path);
		free(list->items[i].path);
		free(list->items[i].field);
		free(list->items[i].filename);
		free(list->items[i].content_type);
	}
	free(list->items);
	list->items = NULL;
	list->count = list->cap = 0;
}
