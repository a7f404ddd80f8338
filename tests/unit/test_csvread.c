/* The CSV reader of the bulk imports (lib/csvread.c). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "csvread.h"
#include "tap.h"

/* Reads the text and returns the next record's field count, or -1. */
static int
first_record(struct csvread *r, const char *text)
{
	if (csvread_init(r, text, strlen(text)) == -1)
		return -1;
	if (csvread_next(r) != 1)
		return -1;
	return (int)r->nfields;
}

static void
test_separators(void)
{
	struct csvread	 r;

	is_int(first_record(&r, "a,b;c\n1,2;3\n"), 2, "a tie between separators reads as commas");
	is_int(r.separator, ',', "comma detected");
	csvread_free(&r);
	is_int(first_record(&r, "a;b;c,d\n"), 3, "semicolons detected");
	is_int(r.separator, ';', "semicolon separator");
	csvread_free(&r);
	is_int(first_record(&r, "\"a;b;c\",d\n"), 2,
	    "separators inside quotes do not count");
	is_int(r.separator, ',', "quoted semicolons ignored");
	csvread_free(&r);
	is_int(first_record(&r, "login\nx\n"), 1, "a single column reads");
	is_int(r.separator, ',', "a single column defaults to commas");
	csvread_free(&r);
}

static void
test_bom(void)
{
	struct csvread	 r;

	is_int(first_record(&r, "\xEF\xBB\xBFlogin,email\n"), 2,
	    "header after a byte-order mark");
	ok(r.bom == 1, "byte-order mark noticed");
	is_str(csvread_field(&r, 0), "login", "mark not part of the first name");
	csvread_free(&r);
	first_record(&r, "login,email\n");
	ok(r.bom == 0, "no byte-order mark when there is none");
	csvread_free(&r);
}

static void
test_quotes(void)
{
	struct csvread	 r;
	const char	*text = "h1,h2,h3\r\n"
	    "\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n"
	    "\"\",plain,\"\xE7\x94\xB1\xE7\xB4\x80\"\r\n"
	    "\r\n"
	    "last,,\n";

	ok(csvread_init(&r, text, strlen(text)) == 0, "quoted file opens");
	is_int(csvread_next(&r), 1, "header read");
	is_int(csvread_next(&r), 1, "quoted record read");
	is_int(r.record_line, 2, "record starts on line 2");
	is_str(csvread_field(&r, 0), "a,b", "separator inside quotes");
	is_str(csvread_field(&r, 1), "say \"hi\"", "doubled quotes");
	is_str(csvread_field(&r, 2), "two\r\nlines", "line break inside quotes");
	is_int(csvread_next(&r), 1, "record after a multi-line field");
	is_int(r.record_line, 4, "its line counts the embedded break");
	is_str(csvread_field(&r, 0), "", "empty quoted field");
	is_str(csvread_field(&r, 2), "\xE7\x94\xB1\xE7\xB4\x80",
	    "non-Latin text byte for byte");
	is_int(csvread_next(&r), 1, "blank line skipped");
	is_int(r.record_line, 6, "line after the blank one");
	is_int((int)r.nfields, 3, "trailing empty fields kept");
	is_str(csvread_field(&r, 1), "", "empty bare field");
	is_int(csvread_next(&r), 0, "end of file");
	csvread_free(&r);
}

static void
test_errors(void)
{
	struct csvread	 r;
	const char	*open_quote = "a,b\n1,2\n\"never closed,3\n4,5\n";
	const char	*after = "a,b\n\"x\"y,2\n";
	const char	*bad = "a,b\nok,1\nbad,\xC3\x28\n";
	const char	*nul = "a,b\nx\0y,1\n";

	csvread_init(&r, open_quote, strlen(open_quote));
	csvread_next(&r);
	csvread_next(&r);
	is_int(csvread_next(&r), -1, "unclosed quote is an error");
	is_int(r.error_line, 3, "unclosed quote names its first line");
	csvread_free(&r);

	csvread_init(&r, after, strlen(after));
	csvread_next(&r);
	is_int(csvread_next(&r), -1, "text after a closing quote is an error");
	is_int(r.error_line, 2, "and names its line");
	csvread_free(&r);

	is_int(csvread_init(&r, bad, strlen(bad)), -1, "invalid UTF-8 rejected");
	is_int(r.error_line, 3, "invalid UTF-8 names its line");
	ok(strstr(r.error, "UTF-8") != NULL, "message says UTF-8");
	csvread_free(&r);

	is_int(csvread_init(&r, nul, 12), -1, "NUL byte rejected");
	is_int(r.error_line, 2, "NUL byte names its line");
	csvread_free(&r);

	is_int(csvread_init(&r, "", 0), 0, "empty file opens");
	is_int(csvread_next(&r), 0, "empty file has no record");
	csvread_free(&r);
}

int
main(void)
{
	test_separators();
	test_bom();
	test_quotes();
	test_errors();
	return tap_done();
}
