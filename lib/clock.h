/*
 * The one clock of the library, and calendar dates.
 *
 * Instants are microseconds since the Unix epoch, UTC.  LAUREL_NOW
 * (e.g. "2026-03-01T12:00:00Z") fixes "now" for tests and imports; the
 * fixed clock does not advance.
 *
 * Calendar dates are day numbers (days since 1970-01-01), so adding N
 * days is plain addition and daylight-saving changes cannot shift it.
 */
#ifndef LAUREL_CLOCK_H
#define LAUREL_CLOCK_H

#include <stdint.h>

typedef int64_t	usec_t;		/* microseconds since 1970, UTC */
typedef int32_t	day_t;

#define USEC_PER_SEC	1000000LL

/* Reads LAUREL_NOW and the site time zone.  Returns -1 when LAUREL_NOW is
 * set but not a valid UTC timestamp, or the zone is unknown. */
int	 clock_init(const char *time_zone);

usec_t	 clock_now(void);

/* Fixes "now" at t, as LAUREL_NOW does; for tests that step through
 * timeouts. */
void	 clock_fix(usec_t t);

/* Formats t as "YYYY-MM-DD HH:MM:SS.uuuuuu" (UTC) for DATETIME(6).  out
 * must hold 27 bytes. */
void	 clock_format_sql(usec_t t, char out[27]);

/* Writes the time seconds from now (before now when negative) as
 * clock_format_sql does. */
void	 clock_format_sql_from_now(int seconds, char out[27]);

/* Parses "YYYY-MM-DD HH:MM:SS[.uuuuuu]" (UTC); returns -1 if invalid. */
int	 clock_parse_sql(const char *s, usec_t *out);

/* Parses "YYYY-MM-DDTHH:MM:SSZ"; returns -1 if invalid. */
int	 clock_parse_iso(const char *s, usec_t *out);

/* Returns the calendar day on which t falls in the site time zone. */
day_t	 clock_site_day(usec_t t);

/* Converts between day numbers and y-m-d; date_from_ymd returns -1 for an
 * impossible date such as 2012-06-31. */
int	 date_from_ymd(int y, int m, int d, day_t *out);
void	 date_to_ymd(day_t, int *y, int *m, int *d);

/* Parses strictly "YYYY-MM-DD"; returns -1 if malformed or impossible. */
int	 date_parse(const char *s, day_t *out);

/* Formats as "YYYY-MM-DD"; out must hold 11 bytes. */
void	 date_format(day_t, char out[11]);

#endif
