/*
 * Minimal Test Anything Protocol output for the C tests.  Each check prints
 * "ok N - name" or "not ok N - name" with the values that differed; the
 * automake TAP driver counts them.
 */
#ifndef LAUREL_TAP_H
#define LAUREL_TAP_H

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_count;
static int tap_failed;

static int __attribute__((format(printf, 2, 0)))
tap_result(int pass, const char *fmt, va_list ap)
{
	tap_count++;
	if (!pass)
		tap_failed++;
	printf("%sok %d - ", pass ? "" : "not ", tap_count);
	vprintf(fmt, ap);
	putchar('\n');
	fflush(stdout);
	return pass;
}

static int __attribute__((format(printf, 2, 3)))
ok(int pass, const char *fmt, ...)
{
	va_list	 ap;
	int	 rc;

	va_start(ap, fmt);
	rc = tap_result(pass, fmt, ap);
	va_end(ap);
	return rc;
}

static int __attribute__((format(printf, 3, 4)))
is_int(intmax_t got, intmax_t want, const char *fmt, ...)
{
	va_list	 ap;
	int	 rc;

	va_start(ap, fmt);
	rc = tap_result(got == want, fmt, ap);
	va_end(ap);
	if (!rc)
		printf("#   got %jd, expected %jd\n", got, want);
	return rc;
}

static int __attribute__((format(printf, 3, 4)))
is_str(const char *got, const char *want, const char *fmt, ...)
{
	va_list	 ap;
	int	 rc, same;

	same = (got == NULL && want == NULL) ||
	    (got != NULL && want != NULL && strcmp(got, want) == 0);
	va_start(ap, fmt);
	rc = tap_result(same, fmt, ap);
	va_end(ap);
	if (!rc)
		printf("#   got \"%s\", expected \"%s\"\n",
		    got ? got : "(null)", want ? want : "(null)");
	return rc;
}

/* Prints the plan line and returns the exit status for main(). */
static int
tap_done(void)
{
	printf("1..%d\n", tap_count);
	return tap_failed ? 1 : 0;
}

#endif
