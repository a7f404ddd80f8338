/*
 * The bulk import driver: reads the file, matches its header to the
 * kind's columns, runs each row's function in one transaction and keeps
 * the errors.  See bulk.h.
 */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "bulk.h"
#include "bulk_row.h"
#include "clock.h"
#include "csvread.h"
#include "db.h"
#include "str.h"
#include "utf8.h"

/* Dates before this year are typing mistakes rather than records. */
#define BULK_YEAR_MIN	1900

static const char *const kind_names[] = { "users", "results",
	"completions", NULL };

static const char *const users_columns[] = { "login", "email",
	"first_name", "last_name", "user_type", "language", "groups" };
static const int users_required[] = { 1, 1, 1, 1, 0, 0, 0 };

static const char *const results_columns[] = { "login", "course",
	"status", "score", "date" };
static const int results_required[] = { 1, 1, 1, 0, 0 };

static const char *const completions_columns[] = { "login",
	"certification", "completed_on", "certificate_number" };
static const int completions_required[] = { 1, 1, 1, 0 };

int
bulk_kind_parse(const char *name)
{
	int	 i;

	for (i = 0; name != NULL && kind_names[i] != NULL; i++)
		if (strcmp(name, kind_names[i]) == 0)
			return i;
	return -1;
}

const char *
bulk_kind_name(enum bulk_kind kind)
{
	return kind_names[kind];
}

const char *const *
bulk_columns(enum bulk_kind kind, const int **required, size_t *n)
{
	switch (kind) {
	case BULK_USERS:
		*required = users_required;
		*n = USERS_COLUMNS;
		return users_columns;
	case BULK_RESULTS:
		*required = results_required;
		*n = RESULTS_COLUMNS;
		return results_columns;
	default:
		*required = completions_required;
		*n = COMPLETIONS_COLUMNS;
		return completions_columns;
	}
}

/* ------------------------------------------------------------- errors */

/* Removes the bytes of a UTF-8 sequence that a copy cut short at the end
 * of s, so text quoted from a file stays valid UTF-8. */
static void
cut_partial_utf8(char *s)
{
	size_t	 len = strlen(s), back;

	for (back = 0; back < 4 && back < len; back++) {
		if (utf8_valid(s, len - back)) {
			s[len - back] = '\0';
			return;
		}
	}
}

static void
add_error(struct bulk_report *rep, long line, const char *field,
    const char *message)
{
	struct bulk_error	*e, *p;
	size_t			 cap;

	rep->errors_total++;
	if (rep->n_errors >= BULK_ERRORS_MAX)
		return;
	if (rep->n_errors == 0 || (rep->n_errors >= 16 &&
	    (rep->n_errors & (rep->n_errors - 1)) == 0)) {
		cap = rep->n_errors ? rep->n_errors * 2 : 16;
		if ((p = realloc(rep->errors, cap * sizeof(*p))) == NULL)
			return;
		rep->errors = p;
	}
	e = &rep->errors[rep->n_errors++];
	e->line = line;
	str_copy(e->field, field, sizeof(e->field));
	str_copy(e->message, message, sizeof(e->message));
	cut_partial_utf8(e->field);
	cut_partial_utf8(e->message);
}

void
bulk_error(struct bulk_run *run, const char *field, const char *fmt, ...)
{
	va_list	 ap;
	char	 message[400];

	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	add_error(run->report, run->line, field, message);
	run->row_failed = 1;
}

/* Slot of key in the open-addressing table of seen ids: its own slot,
 * or the empty one where it would go.  Keys are ids, so never 0. */
static size_t
seen_slot(const struct bulk_run *run, long long key)
{
	size_t	 i;

	i = (size_t)((unsigned long long)key * 0x9E3779B97F4A7C15ULL) &
	    (run->cap_seen - 1);
	while (run->seen[i] != 0 && run->seen[i] != key)
		i = (i + 1) & (run->cap_seen - 1);
	return i;
}

/* Doubles the table, which stays at most half full.  Returns 0 or -1. */
static int
grow_seen(struct bulk_run *run)
{
	long long	*old = run->seen;
	long		*old_line = run->seen_line;
	size_t		 old_cap = run->cap_seen, i, slot;

	run->cap_seen = old_cap ? old_cap * 2 : 1024;
	run->seen = calloc(run->cap_seen, sizeof(*run->seen));
	run->seen_line = calloc(run->cap_seen, sizeof(*run->seen_line));
	if (run->seen == NULL || run->seen_line == NULL) {
		free(run->seen);
		free(run->seen_line);
		run->seen = old;
		run->seen_line = old_line;
		run->cap_seen = old_cap;
		return -1;
	}
	for (i = 0; i < old_cap; i++) {
		if (old[i] == 0)
			continue;
		slot = seen_slot(run, old[i]);
		run->seen[slot] = old[i];
		run->seen_line[slot] = old_line[i];
	}
	free(old);
	free(old_line);
	return 0;
}

int
bulk_seen(struct bulk_run *run, long long key, const char *field,
    const char *what)
{
	size_t	 slot;

	if ((run->n_seen + 1) * 2 > run->cap_seen && grow_seen(run) == -1)
		return -1;
	slot = seen_slot(run, key);
	if (run->seen[slot] == key) {
		bulk_error(run, field, "this %s is also on line %ld; each %s "
		    "may appear once in a file", what, run->seen_line[slot],
		    what);
		return 1;
	}
	run->seen[slot] = key;
	run->seen_line[slot] = run->line;
	run->n_seen++;
	return 0;
}

size_t
bulk_chars(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

int
bulk_date(struct bulk_run *run, const char *field, const char *s, int *day)
{
	day_t	 d, earliest, today = clock_site_day(clock_now());
	char	 text[11];

	if (date_parse(s, &d) == -1) {
		bulk_error(run, field, "\"%s\" is not a date: write it as "
		    "YYYY-MM-DD, such as 2024-03-31, with a day that exists "
		    "in that month", s);
		return -1;
	}
	date_from_ymd(BULK_YEAR_MIN, 1, 1, &earliest);
	if (d < earliest) {
		bulk_error(run, field, "%s is before %d-01-01", s,
		    BULK_YEAR_MIN);
		return -1;
	}
	if (d > today) {
		date_format(today, text);
		bulk_error(run, field, "%s is in the future; today is %s", s,
		    text);
		return -1;
	}
	*day = d;
	return 0;
}

/* ------------------------------------------------------------- header */

/* Writes a header cell as a column name: lower case, with spaces and
 * hyphens as underscores, and "e-mail" as "email". */
static void
column_key(const char *cell, char *out, size_t outsz)
{
	size_t	 i;

	for (i = 0; cell[i] != '\0' && i + 1 < outsz; i++) {
		if (cell[i] == ' ' || cell[i] == '-')
			out[i] = '_';
		else
			out[i] = (char)tolower((unsigned char)cell[i]);
	}
	out[i] = '\0';
	if (strcmp(out, "e_mail") == 0)
		str_copy(out, "email", outsz);
}

/* Returns a copy of s without spaces and tabs at either end; the caller
 * frees it. */
static char *
trimmed(const char *s)
{
	size_t	 len;

	while (*s == ' ' || *s == '\t')
		s++;
	len = strlen(s);
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	return strndup(s, len);
}

/*
 * Maps each field of the header record to a column of the kind in
 * map[field] (-1 for none).  Reports unknown, repeated and missing
 * columns.  Returns the number of errors.
 */
static int
read_header(struct bulk_run *run, struct csvread *csv, enum bulk_kind kind,
    int *map)
{
	const char *const	*names;
	const int		*required;
	size_t			 n, i, k;
	char			 key[64], *cell;
	int			 found[8] = { 0 }, errors = 0;

	names = bulk_columns(kind, &required, &n);
	for (i = 0; i < csv->nfields; i++) {
		map[i] = -1;
		if ((cell = trimmed(csvread_field(csv, i))) == NULL)
			return ++errors;
		column_key(cell, key, sizeof(key));
		for (k = 0; k < n && strcmp(key, names[k]) != 0; k++)
			continue;
		if (k == n) {
			bulk_error(run, cell, "unknown column \"%s\"; the "
			    "columns of a %s file are listed on the import "
			    "page", cell, kind_names[kind]);
			errors++;
		} else if (found[k]) {
			bulk_error(run, cell, "the column \"%s\" appears "
			    "twice", names[k]);
			errors++;
		} else {
			found[k] = 1;
			map[i] = (int)k;
		}
		free(cell);
	}
	for (k = 0; k < n; k++) {
		if (required[k] && !found[k]) {
			bulk_error(run, names[k], "the required column \"%s\" "
			    "is missing from the first line", names[k]);
			errors++;
		}
	}
	return errors;
}

/* ---------------------------------------------------------------- rows */

struct import {
	enum bulk_kind		 kind;
	const char		*data;
	size_t			 len;
	const char		*file_name;
	int			 commit;
	struct bulk_run		 run;
};

static int
run_row(struct import *im, struct csvread *csv, const int *map,
    size_t header_fields)
{
	const char	*values[8] = { NULL };
	char		*copies[64] = { NULL };
	size_t		 i, empty = 0;
	int		 rc = DB_OK;

	im->run.line = csv->record_line;
	im->run.row_failed = 0;
	for (i = 0; i < csv->nfields; i++)
		if (csvread_field(csv, i)[0] == '\0')
			empty++;
	if (empty == csv->nfields)
		return DB_OK;		/* a line of separators only */
	im->run.report->rows++;
	if (csv->nfields != header_fields) {
		bulk_error(&im->run, "", "the row has %zu fields but the "
		    "first line names %zu columns", csv->nfields,
		    header_fields);
		return DB_OK;
	}
	for (i = 0; i < header_fields; i++) {
		if (map[i] < 0)
			continue;
		if ((copies[i] = trimmed(csvread_field(csv, i))) == NULL) {
			rc = DB_ERROR;
			goto out;
		}
		values[map[i]] = copies[i];
	}
	im->run.value = values;
	switch (im->kind) {
	case BULK_USERS:
		rc = bulk_users_row(&im->run);
		break;
	case BULK_RESULTS:
		rc = bulk_results_row(&im->run);
		break;
	default:
		rc = bulk_completions_row(&im->run);
		break;
	}
out:
	for (i = 0; i < header_fields; i++)
		free(copies[i]);
	return rc;
}

static void
reset_report(struct bulk_report *rep)
{
	free(rep->errors);
	memset(rep, 0, sizeof(*rep));
	rep->separator = ',';
}

static int
summary_audit(struct import *im)
{
	const struct bulk_report	*rep = im->run.report;
	char				 details[600];

	snprintf(details, sizeof(details), "%s file \"%.300s\": %ld rows; "
	    "%ld created, %ld updated, %ld unchanged", kind_names[im->kind],
	    im->file_name, rep->rows, rep->created, rep->updated,
	    rep->unchanged);
	return audit_record(im->run.db, im->run.actor, im->run.impersonator,
	    "bulk_import", "import", 0, details);
}

static int
import_txn(struct db *db, void *arg)
{
	struct import		*im = arg;
	struct bulk_report	*rep = im->run.report;
	struct csvread		 csv;
	const int		*required;
	size_t			 ncolumns, header_fields = 0;
	int			 map[64], rc = DB_OK, more;

	reset_report(rep);
	im->run.db = db;
	im->run.n_seen = 0;
	if (im->run.seen != NULL)
		memset(im->run.seen, 0, im->run.cap_seen *
		    sizeof(*im->run.seen));
	bulk_columns(im->kind, &required, &ncolumns);
	if (csvread_init(&csv, im->data, im->len) == -1) {
		add_error(rep, csv.error_line, "", csv.error);
		return BULK_INVALID;
	}
	rep->separator = csv.separator;
	rep->bom = csv.bom;

	im->run.line = 1;
	if ((more = csvread_next(&csv)) == 1 && csv.nfields > 64) {
		bulk_error(&im->run, "", "the first line has %zu columns; a %s "
		    "file has at most %zu", csv.nfields, kind_names[im->kind],
		    ncolumns);
		more = 0;
	} else if (more == 1) {
		header_fields = csv.nfields;
		if (read_header(&im->run, &csv, im->kind, map) > 0)
			more = 0;
	} else if (more == 0)
		bulk_error(&im->run, "", "the file is empty; its first line "
		    "must name the columns");

	while (more == 1 && rc == DB_OK) {
		if ((more = csvread_next(&csv)) == 1)
			rc = run_row(im, &csv, map, header_fields);
	}
	if (more == -1)
		add_error(rep, csv.error_line, "", csv.error);
	csvread_free(&csv);

	if (rc != DB_OK)
		return rc;
	if (rep->errors_total > 0)
		return BULK_INVALID;
	if (rep->rows == 0) {
		add_error(rep, 2, "", "the file has no rows below the column "
		    "names");
		return BULK_INVALID;
	}
	if (!im->commit)
		return BULK_PREVIEWED;
	return summary_audit(im);
}

int
bulk_import(struct db *db, const struct config *cfg, enum bulk_kind kind,
    const char *data, size_t len, const char *file_name, int commit,
    long long actor, long long impersonator, struct bulk_report *rep)
{
	struct import	 im;
	int		 rc;

	memset(rep, 0, sizeof(*rep));
	memset(&im, 0, sizeof(im));
	im.kind = kind;
	im.data = data;
	im.len = len;
	im.file_name = file_name;
	im.commit = commit;
	im.run.cfg = cfg;
	im.run.report = rep;
	im.run.actor = actor;
	im.run.impersonator = impersonator;
	rc = db_txn(db, import_txn, &im);
	free(im.run.seen);
	free(im.run.seen_line);
	return rc;
}

void
bulk_report_free(struct bulk_report *rep)
{
	free(rep->errors);
	rep->errors = NULL;
	rep->n_errors = 0;
}
