/*
 * libFuzzer target for form_parse_cookies().  The input, cut at its first
 * NUL byte, is the Cookie header.  Besides the memory errors that the
 * sanitizers find, it aborts when a result breaks the contract in form.h.
 * On success, names must be trimmed, non-empty and free of '=' and ';',
 * and names and values must be valid UTF-8 within the limits.  Joining the
 * cookies with quoted values and parsing them again must give the same
 * list.  On failure, the list must be empty and the error must have a
 * message.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "utf8.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const struct form_limits	 lim = {
	.max_fields = 16,
	.max_name = 32,
	.max_value = 256,
	.max_body = 4096,
	.max_files = 4
};

static void
check(int cond, const char *what)
{
	if (!cond) {
		fprintf(stderr, "check failed: %s\n", what);
		abort();
	}
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t';
}

static void
check_cookies(const struct field_list *fl)
{
	const struct field	*f;
	size_t			 i, n;

	check(fl->count <= lim.max_fields, "cookie count within limit");
	for (i = 0; i < fl->count; i++) {
		f = &fl->items[i];
		n = strlen(f->name);
		check(n > 0, "name not empty");
		check(n <= lim.max_name, "name within limit");
		check(!is_space(f->name[0]) && !is_space(f->name[n - 1]),
		    "name trimmed");
		check(strpbrk(f->name, "=;") == NULL, "name has no = or ;");
		check(utf8_valid(f->name, n), "name is UTF-8");
		check(strlen(f->value) == f->valuesz, "valuesz is the length");
		check(f->valuesz <= lim.max_value, "value within limit");
		check(strchr(f->value, ';') == NULL, "value has no ;");
		check(utf8_valid(f->value, f->valuesz), "value is UTF-8");
	}
}

/* Joins the cookies as name="value" pairs, parses them and compares. */
static void
check_round_trip(const struct field_list *fl)
{
	struct field_list	 again = { 0 };
	struct form_error	 err;
	char			*buf, *p;
	size_t			 i, n;

	if ((buf = malloc(fl->count * (lim.max_name + lim.max_value + 6) +
	    1)) == NULL)
		abort();
	p = buf;
	for (i = 0; i < fl->count; i++) {
		n = strlen(fl->items[i].name);
		memcpy(p, fl->items[i].name, n);
		p += n;
		memcpy(p, "=\"", 2);
		p += 2;
		memcpy(p, fl->items[i].value, fl->items[i].valuesz);
		p += fl->items[i].valuesz;
		memcpy(p, "\"; ", 3);
		p += 3;
	}
	*p = '\0';

	check(form_parse_cookies(buf, &lim, &again, &err) == FORM_OK,
	    "joined cookies parse");
	check(again.count == fl->count, "round trip keeps the count");
	for (i = 0; i < fl->count && i < again.count; i++) {
		check(strcmp(again.items[i].name, fl->items[i].name) == 0,
		    "round trip keeps the name");
		check(strcmp(again.items[i].value, fl->items[i].value) == 0,
		    "round trip keeps the value");
	}
	field_list_free(&again);
	free(buf);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct field_list	 fl = { 0 };
	struct form_error	 err;
	enum form_status	 st;
	char			*header;

	if ((header = malloc(size + 1)) == NULL)
		return 0;
	memcpy(header, data, size);
	header[size] = '\0';

	st = form_parse_cookies(header, &lim, &fl, &err);
	if (st == FORM_OK) {
		check_cookies(&fl);
		check_round_trip(&fl);
	} else {
		check(st == FORM_BAD, "failure is FORM_BAD");
		check(fl.count == 0 && fl.items == NULL, "list freed");
		check(err.message[0] != '\0', "error message is set");
		check(utf8_valid(err.field, strlen(err.field)),
		    "error field is UTF-8");
	}
	field_list_free(&fl);
	free(header);
	return 0;
}
