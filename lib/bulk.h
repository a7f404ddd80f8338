/*
 * Bulk imports of CSV files by administrators: users, course results and
 * certification completions from a previous system.  A file is imported
 * whole or not at all: every row is checked and written in one
 * transaction, and any error rolls all of it back.  A preview runs the
 * same transaction and rolls it back, so it reports exactly the errors and
 * counts that the import would.
 *
 * Files are UTF-8, with or without a byte-order mark, separated by commas
 * or semicolons (csvread.h).  The first line names the columns, in any
 * order and case; spaces and hyphens in a name count as underscores.
 * Values are trimmed of spaces and tabs at both ends.  Dates are
 * YYYY-MM-DD.
 */
#ifndef LAUREL_BULK_H
#define LAUREL_BULK_H

#include <stddef.h>

struct config;
struct db;

enum bulk_kind {
	BULK_USERS,
	BULK_RESULTS,
	BULK_COMPLETIONS
};

/* Errors kept per import; the report counts the rest. */
#define BULK_ERRORS_MAX		1000
/* Separator of user groups within the groups cell of the users file. */
#define BULK_GROUP_SEPARATOR	'|'

/* Results of bulk_import besides DB_OK and the db_status values. */
#define BULK_INVALID	10	/* the file has errors; nothing was kept */
#define BULK_PREVIEWED	11	/* a preview without errors; nothing kept */

struct bulk_error {
	long	 line;		/* line of the file, from 1 */
	char	 field[64];	/* column name, or "" for the whole row */
	char	 message[400];
};

struct bulk_report {
	char			 separator;	/* ',' or ';' */
	int			 bom;		/* the file had a byte-order mark */
	long			 rows;		/* data rows read */
	long			 created, updated, unchanged;
	struct bulk_error	*errors;
	size_t			 n_errors;	/* kept in errors */
	long			 errors_total;	/* found, kept or not */
};

/* Returns the kind named "users", "results" or "completions", or -1. */
int		 bulk_kind_parse(const char *name);
const char	*bulk_kind_name(enum bulk_kind);

/*
 * Returns the columns of a kind: names[0..*n), with required[i] 1 for
 * the columns every file must have.
 */
const char *const *bulk_columns(enum bulk_kind, const int **required,
		    size_t *n);

/*
 * Checks data[0..len) as a file of this kind and, when commit is 1 and
 * it has no error, imports it and adds a summary row to the audit log
 * naming file_name.  actor and impersonator are recorded as the single
 * record functions record them.  Returns DB_OK after an import,
 * BULK_PREVIEWED after a preview without errors, BULK_INVALID when the
 * report lists errors, or a db_status.  The report is filled in every
 * case; bulk_report_free frees it.
 */
int		 bulk_import(struct db *, const struct config *,
		    enum bulk_kind, const char *data, size_t len,
		    const char *file_name, int commit, long long actor,
		    long long impersonator, struct bulk_report *);

void		 bulk_report_free(struct bulk_report *);

#endif
