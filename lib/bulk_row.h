/*
 * The interface between bulk.c and the row functions of each kind
 * (bulk_users.c, bulk_results.c, bulk_completions.c).  Not for use by
 * other modules.
 */
#ifndef LAUREL_BULK_ROW_H
#define LAUREL_BULK_ROW_H

#include "bulk.h"

struct bulk_run {
	struct db		*db;
	const struct config	*cfg;
	struct bulk_report	*report;
	long long		 actor, impersonator;
	long			 line;		/* first line of the row */
	/* The row's values by the kind's column, trimmed; NULL for a
	 * column the file does not have. */
	const char		**value;
	int			 row_failed;	/* an error was reported */
	/* Ids of the records the file has written so far, with the line
	 * of each, so a second row for the same record is reported rather
	 * than applied over the first.  An open-addressing hash table of
	 * cap_seen slots (a power of two); 0 marks an empty slot. */
	long long		*seen;
	long			*seen_line;
	size_t			 n_seen, cap_seen;
};

/* Adds an error on the current row and sets row_failed. */
void	 bulk_error(struct bulk_run *, const char *field, const char *fmt,
	    ...) __attribute__((format(printf, 3, 4)));

/* Returns 1 (after reporting it on field) when key was written by an
 * earlier row of the file, else records it and returns 0, or -1 when
 * memory ran out. */
int	 bulk_seen(struct bulk_run *, long long key, const char *field,
	    const char *what);

/* Returns the number of UTF-8 characters of s. */
size_t	 bulk_chars(const char *s);

/* Parses a YYYY-MM-DD date cell into *day.  A date that does not exist,
 * is before 1900 or is after today is reported on field, and returns -1. */
int	 bulk_date(struct bulk_run *, const char *field, const char *s,
	    int *day);

/* Columns and row functions of each kind.  A row function returns DB_OK
 * after writing the row or reporting its errors, or a db_status that
 * ends the import. */
enum { USERS_LOGIN, USERS_EMAIL, USERS_FIRST_NAME, USERS_LAST_NAME,
	USERS_USER_TYPE, USERS_LANGUAGE, USERS_GROUPS, USERS_COLUMNS };
int	 bulk_users_row(struct bulk_run *);

enum { RESULTS_LOGIN, RESULTS_COURSE, RESULTS_STATUS, RESULTS_SCORE,
	RESULTS_DATE, RESULTS_COLUMNS };
int	 bulk_results_row(struct bulk_run *);

enum { COMPLETIONS_LOGIN, COMPLETIONS_CERTIFICATION,
	COMPLETIONS_COMPLETED_ON, COMPLETIONS_CERTIFICATE_NUMBER,
	COMPLETIONS_COLUMNS };
int	 bulk_completions_row(struct bulk_run *);

#endif
