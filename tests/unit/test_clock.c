/* Calendar dates, timestamps and the configuration parser. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clock.h"
#include "conf.h"
#include "tap.h"

static void
test_dates(void)
{
	day_t	 d, e;
	char	 s[11];

	ok(date_parse("2012-06-31", &d) == -1, "2012-06-31 is rejected");
	ok(date_parse("2019-02-29", &d) == -1, "2019-02-29 is rejected");
	ok(date_parse("2020-02-29", &d) == 0, "2020-02-29 is accepted");
	ok(date_parse("2020-2-29", &d) == -1, "single-digit month rejected");
	ok(date_parse("2020-02-29x", &d) == -1, "trailing text rejected");

	date_parse("2019-04-01", &d);
	date_format(d + 365, s);
	is_str(s, "2020-03-31", "365 days from 2019-04-01 (leap year)");
	date_parse("2021-01-31", &d);
	date_format(d + 28, s);
	is_str(s, "2021-02-28", "28 days from 2021-01-31");
	date_parse("1970-01-01", &d);
	is_int(d, 0, "1970-01-01 is day 0");
	date_parse("2000-03-01", &d);
	date_parse("2000-02-28", &e);
	is_int(d - e, 2, "2000 is a leap year");
	date_parse("2100-03-01", &d);
	date_parse("2100-02-28", &e);
	is_int(d - e, 1, "2100 is not a leap year");
}

static void
test_timestamps(void)
{
	usec_t	 t;
	char	 s[27];

	ok(clock_parse_iso("2026-03-01T12:00:00Z", &t) == 0, "ISO parses");
	clock_format_sql(t, s);
	is_str(s, "2026-03-01 12:00:00.000000", "ISO to SQL");
	ok(clock_parse_sql("2026-03-01 12:00:00.5", &t) == 0, "SQL parses");
	clock_format_sql(t, s);
	is_str(s, "2026-03-01 12:00:00.500000", "fraction kept");
	ok(clock_parse_iso("2026-03-01T24:00:00Z", &t) == -1, "hour 24");
	ok(clock_parse_iso("2026-03-01T12:00:00", &t) == -1, "missing Z");
	clock_format_sql(-1, s);
	is_str(s, "1969-12-31 23:59:59.999999", "before the epoch");
}

static void
test_site_day(void)
{
	usec_t	 t;
	day_t	 d;
	char	 s[11];

	/* 19:50 in New York on 2023-11-13 is 00:50 UTC on the 14th. */
	ok(clock_init("America/New_York") == 0, "zone New York");
	clock_parse_iso("2023-11-14T00:50:00Z", &t);
	d = clock_site_day(t);
	date_format(d, s);
	is_str(s, "2023-11-13", "New York evening is dated locally");
	ok(clock_init("Mars/Olympus") == -1, "unknown zone rejected");
	ok(clock_init("UTC") == 0, "zone UTC");
	d = clock_site_day(t);
	date_format(d, s);
	is_str(s, "2023-11-14", "same instant in UTC");
}

static char *
write_conf(const char *text)
{
	static char	 path[] = "/tmp/laurel-conf-XXXXXX";
	int		 fd;

	strcpy(path, "/tmp/laurel-conf-XXXXXX");
	fd = mkstemp(path);
	if (fd == -1 || write(fd, text, strlen(text)) != (ssize_t)strlen(text))
		return NULL;
	close(fd);
	return path;
}

static void
test_config(void)
{
	struct config	*cfg;
	char		 err[256], *path;

	path = write_conf("# comment\nSite.Name = Ακαδημία\n"
	    "Server {\n  Workers = 3\n}\nLimits.Fields = 7\n");
	cfg = config_load(path, err, sizeof(err));
	ok(cfg != NULL, "valid file loads");
	if (cfg != NULL) {
		is_str(cfg->site_name, "Ακαδημία", "UTF-8 value kept");
		is_int(cfg->server_workers, 3, "block sets Server.Workers");
		is_int((long long)cfg->limit_fields, 7, "Limits.Fields");
		is_int((long long)cfg->limit_value, 262144, "default kept");
		config_free(cfg);
	}
	unlink(path);

	path = write_conf("Site.Name = x\nthis is wrong\n");
	cfg = config_load(path, err, sizeof(err));
	ok(cfg == NULL, "bad line rejected");
	ok(strstr(err, ":2: ") != NULL, "error names line 2");
	unlink(path);

	path = write_conf("Server.Workers = many\n");
	cfg = config_load(path, err, sizeof(err));
	ok(cfg == NULL, "non-number rejected");
	unlink(path);

	path = write_conf("Server {\nWorkers = 1\n");
	cfg = config_load(path, err, sizeof(err));
	ok(cfg == NULL, "unclosed block rejected");
	unlink(path);
}

int
main(void)
{
	test_dates();
	test_timestamps();
	test_site_day();
	test_config();
	return tap_done();
}
