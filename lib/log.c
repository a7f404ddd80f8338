#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "log.h"
#include "str.h"

static char	 program[32] = "laurel";
static char	 request_id[40];

static const char *const level_names[] = { "DEBUG", "INFO", "WARN", "ERROR" };

void
log_init(const char *name)
{
	str_copy(program, name, sizeof(program));
}

void
log_set_request(const char *id)
{
	str_copy(request_id, id != NULL ? id : "", sizeof(request_id));
}

/* Appends src to b with control characters, DEL and non-ASCII bytes escaped
 * as \xNN and backslashes doubled. */
static void
append_escaped(struct buf *b, const char *src)
{
	const unsigned char	*p;
	char			 hex[5];

	for (p = (const unsigned char *)src; *p != '\0'; p++) {
		if (*p == '\\') {
			buf_append(b, "\\\\", 2);
		} else if (*p < 0x20 || *p >= 0x7f) {
			snprintf(hex, sizeof(hex), "\\x%02x", *p);
			buf_append(b, hex, 4);
		} else {
			buf_append(b, p, 1);
		}
	}
}

void
log_msg(enum log_level level, const char *fmt, ...)
{
	struct buf	 msg = { 0 }, line = { 0 };
	struct timeval	 tv;
	struct tm	 tm;
	char		 stamp[32];
	va_list		 ap;

	va_start(ap, fmt);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);

	gettimeofday(&tv, NULL);
	gmtime_r(&tv.tv_sec, &tm);
	strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%S", &tm);
	buf_printf(&line, "%s.%03ldZ %s %s[%ld]", stamp,
	    (long)(tv.tv_usec / 1000), level_names[level], program,
	    (long)getpid());
	if (request_id[0] != '\0')
		buf_printf(&line, " req=%s", request_id);
	buf_puts(&line, " ");
	append_escaped(&line, msg.data != NULL ? msg.data : fmt);
	buf_puts(&line, "\n");

	/* One write(2) per line keeps lines from several processes whole. */
	if (line.data != NULL)
		(void)!write(STDERR_FILENO, line.data, line.len);
	buf_free(&msg);
	buf_free(&line);
}
