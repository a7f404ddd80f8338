/*
 * libFuzzer target for form_parse_urlencoded().  Besides the memory errors
 * that the sanitizers find, it aborts when a result breaks the contract in
 * form.h.  On success, every name and value must be valid UTF-8 without
 * NUL bytes and within the limits.  Percent-encoding the fields and
 * parsing them again must give the same list.  On failure, the list must
 * be empty and the error must have a message.
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

/* Limits for parsing the fields again after percent-encoding every byte. */
static const struct form_limits	 relim = {
	.max_fields = 16,
	.max_name = 32,
	.max_value = 256,
	.max_body = 16 * 3 * (32 + 256 + 2),
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

static void
check_error(const struct form_error *err)
{
	check(memchr(err->field, '\0', sizeof(err->field)) != NULL,
	    "error field is terminated");
	check(memchr(err->message, '\0', sizeof(err->message)) != NULL,
	    "error message is terminated");
	check(err->message[0] != '\0', "error message is set");
	check(utf8_valid(err->field, strlen(err->field)),
	    "error field is UTF-8");
}

static void
check_fields(const struct field_list *fl)
{
	const struct field	*f;
	size_t			 i;

	check(fl->count <= lim.max_fields, "field count within limit");
	for (i = 0; i < fl->count; i++) {
		f = &fl->items[i];
		check(f->name[0] != '\0', "name not empty");
		check(strlen(f->name) <= lim.max_name, "name within limit");
		check(utf8_valid(f->name, strlen(f->name)), "name is UTF-8");
		check(strlen(f->value) == f->valuesz, "value has no NUL");
		check(f->valuesz <= lim.max_value, "value within limit");
		check(utf8_valid(f->value, f->valuesz), "value is UTF-8");
	}
	if (fl->count > 0)
		check(field_get(fl, fl->items[0].name) == fl->items[0].value,
		    "field_get finds the first field");
}

static char *
encode_into(char *p, const char *s, size_t n)
{
	static const char	 hex[] = "0123456789ABCDEF";
	size_t			 i;

	for (i = 0; i < n; i++) {
		*p++ = '%';
		*p++ = hex[(unsigned char)s[i] >> 4];
		*p++ = hex[(unsigned char)s[i] & 0xf];
	}
	return p;
}

/* Percent-encodes the fields, parses the result and compares the lists. */
static void
check_round_trip(const struct field_list *fl)
{
	struct field_list	 again = { 0 };
	struct form_error	 err;
	char			*buf, *p;
	size_t			 i;

	if ((buf = malloc(relim.max_body)) == NULL)
		abort();
	p = buf;
	for (i = 0; i < fl->count; i++) {
		if (i > 0)
			*p++ = '&';
		p = encode_into(p, fl->items[i].name,
		    strlen(fl->items[i].name));
		*p++ = '=';
		p = encode_into(p, fl->items[i].value, fl->items[i].valuesz);
	}

	check(form_parse_urlencoded(buf, p - buf, &relim, &again, &err) ==
	    FORM_OK, "encoded fields parse");
	check(again.count == fl->count, "round trip keeps the count");
	for (i = 0; i < fl->count && i < again.count; i++) {
		check(strcmp(again.items[i].name, fl->items[i].name) == 0,
		    "round trip keeps the name");
		check(again.items[i].valuesz == fl->items[i].valuesz &&
		    memcmp(again.items[i].value, fl->items[i].value,
		    fl->items[i].valuesz) == 0, "round trip keeps the value");
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

	st = form_parse_urlencoded((const char *)data, size, &lim, &fl, &err);
	if (st == FORM_OK) {
		check_fields(&fl);
		check_round_trip(&fl);
	} else {
		check(st == FORM_BAD || st == FORM_TOO_LARGE,
		    "failure is FORM_BAD or FORM_TOO_LARGE");
		check(fl.count == 0 && fl.items == NULL, "list freed");
		check_error(&err);
	}
	field_list_free(&fl);
	return 0;
}
