/*
 * libFuzzer target for lib/csvread.c.  Besides the memory errors that the
 * sanitizers find, it aborts when a result breaks the contract in
 * csvread.h: records start on nondecreasing lines within the file, an
 * error names a line within the file, and every record written again with
 * all fields quoted reads back as the same fields.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "str.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
check(int cond, const char *what)
{
	if (!cond) {
		fprintf(stderr, "check failed: %s\n", what);
		abort();
	}
}

/* Writes the current record of r quoted, with r's separator. */
static void
requote(const struct csvread *r, struct buf *out)
{
	const char	*f;
	size_t		 i;

	for (i = 0; i < r->nfields; i++) {
		if (i > 0)
			buf_append(out, &r->separator, 1);
		buf_puts(out, "\"");
		for (f = csvread_field(r, i); *f != '\0'; f++)
			buf_puts(out, *f == '"' ? "\"\"" : (char[2]){ *f, 0 });
		buf_puts(out, "\"");
	}
	buf_puts(out, "\n");
}

static void
check_same(const struct csvread *r, const struct buf *again)
{
	struct csvread	 back;
	size_t		 i;

	check(csvread_init(&back, again->data, again->len) == 0,
	    "a requoted record opens");
	back.separator = r->separator;
	check(csvread_next(&back) == 1, "a requoted record reads");
	check(back.nfields == r->nfields, "same field count");
	for (i = 0; i < r->nfields; i++)
		check(strcmp(csvread_field(&back, i), csvread_field(r, i)) == 0,
		    "same fields");
	csvread_free(&back);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csvread	 r;
	struct buf	 again = { 0 };
	long		 last = 0, lines = 1;
	size_t		 i;
	int		 rc;

	for (i = 0; i < size; i++)
		if (data[i] == '\n' || data[i] == '\r')
			lines++;
	if (csvread_init(&r, (const char *)data, size) == -1) {
		check(r.error_line >= 1 && r.error_line <= lines,
		    "error line in the file");
		csvread_free(&r);
		return 0;
	}
	while ((rc = csvread_next(&r)) == 1) {
		check(r.nfields >= 1, "a record has a field");
		check(r.record_line >= last && r.record_line <= lines,
		    "records go forward");
		last = r.record_line;
		buf_reset(&again);
		requote(&r, &again);
		check_same(&r, &again);
	}
	if (rc == -1)
		check(r.error_line >= 1 && r.error_line <= lines,
		    "error line in the file");
	buf_free(&again);
	csvread_free(&r);
	return 0;
}
