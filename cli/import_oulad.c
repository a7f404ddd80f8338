/*
 * laurelctl import oulad DIR [--base-date YYYY-MM-DD]
 *
 * Imports the OULAD CSV files in DIR and shows the progress of each file
 * and table on stderr: one line rewritten in place on a terminal, else a
 * line at each quarter and at the end.  A malformed file is reported as
 * "FILE:LINE: reason" with exit status 1, and nothing is written then.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "db.h"
#include "import_oulad.h"
#include "oulad.h"

struct progress {
	int		 tty;
	char		 what[64];	/* of the line being shown */
	int		 open;		/* a terminal line lacks its newline */
	long long	 quarter;	/* last quarter printed, off a terminal */
};

static void
show_progress(const char *what, long long done, long long total, void *arg)
{
	struct progress	*p = arg;
	long long	 quarter = total > 0 ? done * 4 / total : 4;

	if (strcmp(p->what, what) != 0) {
		if (p->open)
			fputc('\n', stderr);
		p->open = 0;
		p->quarter = 0;
		snprintf(p->what, sizeof(p->what), "%s", what);
	}
	if (p->tty) {
		fprintf(stderr, "\r%-24s %lld/%lld", what, done, total);
		p->open = done < total;
		if (!p->open)
			fputc('\n', stderr);
	} else if (quarter > p->quarter || done == total) {
		fprintf(stderr, "%s %lld/%lld\n", what, done, total);
		p->quarter = quarter;
	}
	fflush(stderr);
}

static void
usage(void)
{
	fprintf(stderr, "usage: laurelctl [-c config] import oulad DIR "
	    "[--base-date YYYY-MM-DD]\n");
}

int
cmd_import_oulad(struct db *db, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "base-date", required_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 }
	};
	struct oulad_summary	 s;
	struct progress		 p;
	struct timespec		 start, end;
	const char		*base_text = OULAD_DEFAULT_BASE;
	char			 err[1024];
	day_t			 base;
	int			 ch, rc;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch != 'b') {
			usage();
			return 2;
		}
		base_text = optarg;
	}
	if (optind + 1 != argc) {
		usage();
		return 2;
	}
	if (date_parse(base_text, &base) == -1) {
		fprintf(stderr, "laurelctl: --base-date must be a date that "
		    "exists, as YYYY-MM-DD, not \"%s\"\n", base_text);
		return 2;
	}

	memset(&p, 0, sizeof(p));
	p.tty = isatty(fileno(stderr));
	clock_gettime(CLOCK_MONOTONIC, &start);
	rc = oulad_import(db, argv[optind], base, show_progress, &p, &s, err,
	    sizeof(err));
	if (p.open)
		fputc('\n', stderr);
	if (rc == OULAD_INVALID) {
		fprintf(stderr, "%s\nlaurelctl: import oulad: nothing was "
		    "imported\n", err);
		return 1;
	}
	if (rc != DB_OK) {
		fprintf(stderr, "laurelctl: import oulad: %s; nothing was "
		    "imported\n", db_error(db));
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &end);
	printf("imported %lld learners, %lld courses, %lld classes, %lld "
	    "registrations (%lld in the registration history) and %lld "
	    "enrolments (%lld completed): %lld rows inserted or changed "
	    "in %.1f s\n", s.learners, s.courses, s.classes, s.registrations,
	    s.retakes, s.enrolments, s.completions, s.changed,
	    (double)(end.tv_sec - start.tv_sec) +
	    (double)(end.tv_nsec - start.tv_nsec) / 1e9);
	return 0;
}
