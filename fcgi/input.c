#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "input.h"
#include "pages.h"
#include "request.h"
#include "response.h"
#include "str.h"
#include "utf8.h"
#include "view.h"

void
input_init(struct input *in, struct ctx *ctx)
{
	in->ctx = ctx;
	in->errors = 0;
}

int
input_ok(const struct input *in)
{
	return in->errors == 0;
}

static void
set_form(struct input *in, const char *name, const char *value)
{
	char	 path[128];

	snprintf(path, sizeof(path), "Form.%s", name);
	view_set(in->ctx->resp->view, path, value);
}

void
input_error(struct input *in, const char *name, const char *message)
{
	char	 path[128];

	snprintf(path, sizeof(path), "Form.Errors.%s", name);
	/* The first problem of a field is the one shown. */
	if (view_get(in->ctx->resp->view, path) == NULL)
		view_set(in->ctx->resp->view, path, message);
	if (in->errors++ == 0)
		view_set(in->ctx->resp->view, "Form.HasErrors", "1");
}

static void
errorf(struct input *in, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
errorf(struct input *in, const char *name, const char *fmt, ...)
{
	char	 msg[256];
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	input_error(in, name, msg);
}

static size_t
count_chars(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

/* Returns the field trimmed of spaces, tabs and line breaks at both ends,
 * in storage that lives as long as the request. */
static const char *
trimmed(struct input *in, const char *name)
{
	struct field_list	*form = &in->ctx->req->form;
	size_t			 i, len;
	char			*v;

	for (i = 0; i < form->count; i++) {
		if (strcmp(form->items[i].name, name) != 0)
			continue;
		v = form->items[i].value;
		while (*v == ' ' || *v == '\t' || *v == '\r' || *v == '\n')
			v++;
		len = strlen(v);
		while (len > 0 && (v[len - 1] == ' ' || v[len - 1] == '\t' ||
		    v[len - 1] == '\r' || v[len - 1] == '\n'))
			v[--len] = '\0';
		return v;
	}
	return "";
}

const char *
input_text(struct input *in, const char *name, const char *label,
    int required, size_t max_chars, int multiline)
{
	const char		*v = trimmed(in, name);
	const unsigned char	*p;

	set_form(in, name, v);
	if (*v == '\0') {
		if (required)
			errorf(in, name, "%s is required.", label);
		return v;
	}
	if (count_chars(v) > max_chars) {
		errorf(in, name, "%s must be at most %zu characters long.",
		    label, max_chars);
		return v;
	}
	for (p = (const unsigned char *)v; *p != '\0'; p++) {
		if ((*p < 0x20 && *p != '\t' &&
		    !(multiline && (*p == '\n' || *p == '\r'))) || *p == 0x7f) {
			errorf(in, name, "%s contains control characters%s.",
			    label, multiline ? "" : " or line breaks");
			return v;
		}
	}
	return v;
}

int
input_int(struct input *in, const char *name, const char *label,
    int required, long long min, long long max, long long *out)
{
	const char	*v = trimmed(in, name);
	char		*end;
	long long	 n;

	set_form(in, name, v);
	if (*v == '\0') {
		if (required)
			errorf(in, name, "%s is required.", label);
		return 0;
	}
	errno = 0;
	n = strtoll(v, &end, 10);
	if (errno != 0 || *end != '\0' || !(isdigit((unsigned char)*v) ||
	    *v == '-') || n < min || n > max) {
		errorf(in, name, "%s must be a whole number from %lld to %lld.",
		    label, min, max);
		return -1;
	}
	*out = n;
	return 1;
}

int
input_hundredths(struct input *in, const char *name, const char *label,
    int required, long long min, long long max, long long *out)
{
	const char	*v = trimmed(in, name), *p;
	long long	 whole = 0, frac = 0;
	int		 places = 0, digits = 0;

	set_form(in, name, v);
	if (*v == '\0') {
		if (required)
			errorf(in, name, "%s is required.", label);
		return 0;
	}
	for (p = v; isdigit((unsigned char)*p) && digits < 12; p++, digits++)
		whole = whole * 10 + (*p - '0');
	if (*p == '.' && digits > 0) {
		for (p++; isdigit((unsigned char)*p) && places < 2; p++, places++)
			frac = frac * 10 + (*p - '0');
		if (places == 0)
			digits = 0;
	}
	if (places == 1)
		frac *= 10;
	if (digits == 0 || *p != '\0' || whole * 100 + frac < min ||
	    whole * 100 + frac > max) {
		errorf(in, name, "%s must be a number from %lld.%02lld to "
		    "%lld.%02lld with at most two decimal places.", label,
		    min / 100, min % 100, max / 100, max % 100);
		return -1;
	}
	*out = whole * 100 + frac;
	return 1;
}

int
input_checkbox(struct input *in, const char *name)
{
	const char	*v = request_form(in->ctx->req, name);
	int		 on = v != NULL && *v != '\0' && strcmp(v, "0") != 0;

	set_form(in, name, on ? "1" : "0");
	return on;
}

int
input_choice(struct input *in, const char *name, const char *label,
    const char *const *choices, int def)
{
	const char	*v = trimmed(in, name);
	int		 i;

	if (*v == '\0') {
		set_form(in, name, choices[def]);
		return def;
	}
	set_form(in, name, v);
	for (i = 0; choices[i] != NULL; i++)
		if (strcmp(v, choices[i]) == 0)
			return i;
	errorf(in, name, "%s has an unknown value; choose one of the "
	    "offered options.", label);
	return def;
}

int
input_date(struct input *in, const char *name, const char *label,
    int required, int *out_day)
{
	const char	*v = trimmed(in, name);
	day_t		 day;

	set_form(in, name, v);
	if (*v == '\0') {
		if (required)
			errorf(in, name, "%s is required.", label);
		return 0;
	}
	if (date_parse(v, &day) == -1) {
		errorf(in, name, "%s must be a real date written YYYY-MM-DD.",
		    label);
		return -1;
	}
	*out_day = day;
	return 1;
}

int
input_ids(struct input *in, const char *name, const char *label,
    long long *out, size_t max)
{
	struct field_list	*form = &in->ctx->req->form;
	size_t			 i, n = 0, k;
	char			 path[160], *end;
	long long		 id;

	for (i = 0; i < form->count; i++) {
		if (strcmp(form->items[i].name, name) != 0)
			continue;
		errno = 0;
		id = strtoll(form->items[i].value, &end, 10);
		if (errno != 0 || *end != '\0' || id <= 0 ||
		    !isdigit((unsigned char)form->items[i].value[0])) {
			errorf(in, name, "%s contains an invalid choice.",
			    label);
			return -1;
		}
		for (k = 0; k < n; k++)
			if (out[k] == id)
				break;
		if (k < n)
			continue;
		if (n == max) {
			errorf(in, name, "%s has more than %zu choices.", label,
			    max);
			return -1;
		}
		out[n++] = id;
		snprintf(path, sizeof(path), "Form.%s.%lld", name, id);
		view_set(in->ctx->resp->view, path, "1");
	}
	return (int)n;
}

void
list_read(struct ctx *ctx, const char *const *sort_keys, struct listing *l)
{
	const char	*v;
	int		 i;

	memset(l, 0, sizeof(*l));
	v = request_query(ctx->req, "q");
	l->q = v != NULL ? v : "";
	v = request_query(ctx->req, "letter");
	if (v != NULL && strlen(v) == 1 && isalpha((unsigned char)v[0]))
		l->letter = (char)toupper((unsigned char)v[0]);
	v = request_query(ctx->req, "sort");
	for (i = 0; v != NULL && sort_keys[i] != NULL; i++)
		if (strcmp(v, sort_keys[i]) == 0)
			l->sort = i;
	v = request_query(ctx->req, "dir");
	l->desc = v != NULL && strcmp(v, "desc") == 0;
	v = request_query(ctx->req, "page");
	l->page = v != NULL ? atoi(v) : 1;
	if (l->page < 1 || l->page > 100000)
		l->page = 1;
	listing_prepare(l);
}

void
query_append(struct buf *b, const char *name, const char *value)
{
	const unsigned char	*p;

	buf_printf(b, "&%s=", name);
	for (p = (const unsigned char *)value; *p != '\0'; p++) {
		if (isalnum(*p) || *p == '-' || *p == '_' || *p == '.' ||
		    *p == '~')
			buf_append(b, p, 1);
		else
			buf_printf(b, "%%%02X", *p);
	}
}

void
list_view(struct ctx *ctx, const struct listing *l,
    const char *const *sort_keys, int has_next, size_t shown,
    const char *extra)
{
	struct view	*v = ctx->resp->view;
	struct buf	 search = { 0 }, params = { 0 };
	char		 letter[2] = { l->letter, '\0' };
	int		 i;

	buf_puts(&search, "");
	if (l->q[0] != '\0')
		query_append(&search, "q", l->q);
	buf_puts(&search, extra);
	buf_puts(&params, search.data);
	if (l->letter != 0)
		query_append(&params, "letter", letter);

	view_set(v, "List.q", l->q);
	view_set(v, "List.letter", letter);
	view_set(v, "List.sort", sort_keys[l->sort]);
	view_set(v, "List.dir", l->desc ? "desc" : "asc");
	view_set_int(v, "List.page", l->page);
	view_set_int(v, "List.HasPrev", l->page > 1);
	view_set_int(v, "List.HasNext", has_next);
	view_set_int(v, "List.Shown", (long long)shown);
	view_set_int(v, "List.First", shown ? l->offset + 1 : 0);
	view_set_int(v, "List.Last", l->offset + (long long)shown);
	for (i = 0; i < 26; i++) {
		letter[0] = (char)('A' + i);
		view_set_item(v, "List.Letters", i, "L", letter);
	}
	/* Both start with "&" and follow a link's own first parameter. */
	view_set(v, "List.Params", params.data);
	view_set(v, "List.SearchParams", search.data);
	buf_free(&search);
	buf_free(&params);
}
