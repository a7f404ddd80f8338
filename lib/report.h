/*
 * Reports.  The Certification Expiration Report lists the learners whose
 * completed (or since expired) certification expires within a date
 * range.  The admin's grid and the CSV export both read their rows from
 * report_expiration_rows, so they hold the same rows in the same order.
 */
#ifndef LAUREL_REPORT_H
#define LAUREL_REPORT_H

#include <stddef.h>

#include "clock.h"

struct db;

/* Sort keys of the report, in the order of its sort field; the first is
 * the default. */
#define REPORT_EXPIRATION_SORT_KEYS { "expires", "login", "first", "last", \
	"email", "groups", "certification", "version", "completed", \
	"number", NULL }

#define REPORT_FAMILY_NAME_MAX	200	/* characters */

struct expiration_query {
	day_t		 start;		/* first expiry day, inclusive */
	day_t		 end;		/* last expiry day, inclusive */
	long long	 family_id;	/* 0 for every certification */
	int		 sort;		/* index into the sort keys */
	int		 desc;		/* 1 for descending */
};

/*
 * One row of the report.  The strings point into the database layer's
 * buffers and are valid only during the callback that receives them.
 * Dates are "YYYY-MM-DD"; groups are the user's group names sorted and
 * joined by ", "; certificate_number is "" when no certificate was
 * printed for this completion.
 */
struct expiration_row {
	long long	 enrollment_id;
	long long	 user_id;
	const char	*login;
	const char	*first_name;
	const char	*last_name;
	const char	*email;
	const char	*groups;
	const char	*certification;
	int		 version;
	const char	*completed_on;
	const char	*expires_on;
	const char	*certificate_number;
};

/* Receives one row.  Returns 0 to go on, or any other value to stop the
 * read, which report_expiration_rows then returns. */
typedef int	(*report_row_fn)(const struct expiration_row *, void *arg);

/* A certification family for the report's select: its id and the name
 * of its newest version. */
struct report_family {
	long long	 id;
	char		 name[REPORT_FAMILY_NAME_MAX * 4 + 1];
};

/* Counts the rows of the report.  Returns DB_OK or a db_status. */
int	 report_expiration_count(struct db *, const struct expiration_query *,
	    long long *count);

/*
 * Streams the rows of the report, at most limit of them after skipping
 * offset, to fn in the report's order: the sort column, then the
 * enrolment id so equal values keep one order.  Rows are fetched one at a
 * time, so memory does not grow with the number of rows.  The connection
 * is busy until this returns, so fn must not use it.  Returns DB_OK, a
 * db_status, or the value with which fn stopped the read.
 */
int	 report_expiration_rows(struct db *, const struct expiration_query *,
	    long long limit, long long offset, report_row_fn fn, void *arg);

/* Lists every certification family by its newest version's name, for
 * the report's select.  *out is freed by the caller. */
int	 report_families(struct db *, struct report_family **out, size_t *n);

/* Returns 1 when family_id is a certification family, 0 when not, or a
 * negative db_status. */
int	 report_family_exists(struct db *, long long family_id);

#endif
