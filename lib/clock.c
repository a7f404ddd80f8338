#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"

#define SEC_PER_DAY	86400LL

static int	 fixed;
static usec_t	 fixed_now;

int
clock_init(const char *time_zone)
{
	const char	*env = getenv("LAUREL_NOW");
	char		 path[512];

	fixed = 0;
	if (env != NULL && *env != '\0') {
		if (clock_parse_iso(env, &fixed_now) == -1)
			return -1;
		fixed = 1;
	}
	if (time_zone == NULL || *time_zone == '\0')
		time_zone = "UTC";

	/* tzset() silently falls back to UTC for an unknown name, so the
	 * zone file must exist. */
	if (strcmp(time_zone, "UTC") != 0) {
		if (strstr(time_zone, "..") != NULL || time_zone[0] == '/')
			return -1;
		snprintf(path, sizeof(path), "/usr/share/zoneinfo/%s",
		    time_zone);
		if (access(path, R_OK) == -1)
			return -1;
	}
	setenv("TZ", time_zone, 1);
	tzset();
	return 0;
}

usec_t
clock_now(void)
{
	struct timeval	 tv;

	if (fixed)
		return fixed_now;
	gettimeofday(&tv, NULL);
	return (usec_t)tv.tv_sec * USEC_PER_SEC + tv.tv_usec;
}

void
clock_fix(usec_t t)
{
	fixed = 1;
	fixed_now = t;
}

/*
 * Day numbers from and to the proleptic Gregorian calendar, after Howard
 * Hinnant's days_from_civil algorithm (eras of 400 years).
 */
static day_t
days_from_civil(int y, int m, int d)
{
	int	 era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
date_to_ymd(day_t z, int *y, int *m, int *d)
{
	int	 era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

static int
days_in_month(int y, int m)
{
	static const int	 days[] = {
	    31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int			 leap;

	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : days[m - 1];
}

int
date_from_ymd(int y, int m, int d, day_t *out)
{
	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 ||
	    d > days_in_month(y, m))
		return -1;
	*out = days_from_civil(y, m, d);
	return 0;
}

/* Reads exactly n decimal digits. */
static int
digits(const char *s, int n, int *out)
{
	int	 i, v = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int
date_parse(const char *s, day_t *out)
{
	int	 y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    digits(s, 4, &y) == -1 || digits(s + 5, 2, &m) == -1 ||
	    digits(s + 8, 2, &d) == -1)
		return -1;
	return date_from_ymd(y, m, d, out);
}

void
date_format(day_t day, char out[11])
{
	int	 y, m, d;

	date_to_ymd(day, &y, &m, &d);
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
}

/* Parses "YYYY-MM-DD?HH:MM:SS" where ? is sep; returns the rest. */
static const char *
parse_datetime(const char *s, char sep, usec_t *out)
{
	day_t	 day;
	int	 hh, mm, ss;
	char	 date[11];

	if (strlen(s) < 19 || s[10] != sep || s[13] != ':' || s[16] != ':')
		return NULL;
	memcpy(date, s, 10);
	date[10] = '\0';
	if (date_parse(date, &day) == -1 || digits(s + 11, 2, &hh) == -1 ||
	    digits(s + 14, 2, &mm) == -1 || digits(s + 17, 2, &ss) == -1 ||
	    hh > 23 || mm > 59 || ss > 59)
		return NULL;
	*out = ((usec_t)day * SEC_PER_DAY + hh * 3600 + mm * 60 + ss) *
	    USEC_PER_SEC;
	return s + 19;
}

int
clock_parse_iso(const char *s, usec_t *out)
{
	const char	*rest = parse_datetime(s, 'T', out);

	return rest != NULL && strcmp(rest, "Z") == 0 ? 0 : -1;
}

int
clock_parse_sql(const char *s, usec_t *out)
{
	const char	*rest = parse_datetime(s, ' ', out);
	int		 frac = 0, n;

	if (rest == NULL)
		return -1;
	if (*rest == '\0')
		return 0;
	if (*rest != '.' || (n = (int)strlen(rest + 1)) < 1 || n > 6 ||
	    digits(rest + 1, n, &frac) == -1)
		return -1;
	for (; n < 6; n++)
		frac *= 10;
	*out += frac;
	return 0;
}

void
clock_format_sql(usec_t t, char out[27])
{
	int64_t		 secs, rem;
	unsigned	 hh, mm, ss, us;
	day_t		 day;
	char		 date[11];

	secs = t / USEC_PER_SEC;
	if (t % USEC_PER_SEC < 0)
		secs--;
	day = (day_t)(secs / SEC_PER_DAY - (secs % SEC_PER_DAY < 0));
	rem = secs - (int64_t)day * SEC_PER_DAY;
	hh = (unsigned)(rem / 3600) % 24;
	mm = (unsigned)(rem / 60 % 60);
	ss = (unsigned)(rem % 60);
	us = (unsigned)(t - secs * USEC_PER_SEC) % 1000000;
	date_format(day, date);
	snprintf(out, 27, "%.10s %02u:%02u:%02u.%06u", date, hh, mm, ss, us);
}

day_t
clock_site_day(usec_t t)
{
	time_t		 secs = (time_t)(t / USEC_PER_SEC);
	struct tm	 tm;
	day_t		 day = 0;

	localtime_r(&secs, &tm);
	date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, &day);
	return day;
}

void
clock_format_sql_from_now(int seconds, char out[27])
{
	clock_format_sql(clock_now() + (usec_t)seconds * USEC_PER_SEC, out);
}
