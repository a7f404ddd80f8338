/*
 * A reader of the OULAD CSV files for the import (not for use by other
 * modules): one record per line, LF or CRLF line ends, fields separated
 * by commas and either bare or in double quotes with "" for a quote.
 * Quoted fields cannot span lines.  Every error message starts with
 * "FILE:LINE: ".
 */
#ifndef LAUREL_OULAD_CSV_H
#define LAUREL_OULAD_CSV_H

#include <stddef.h>

#define CSV_FIELDS_MAX	16

struct csv {
	char		 path[4096];
	char		*data;		/* the whole file */
	size_t		 len, pos;
	long long	 line;		/* of the current record */
	long long	 rows;		/* data rows: lines after the header */
	char		*decoded;	/* the fields of the current record */
	const char	*field[CSV_FIELDS_MAX];
	size_t		 nfields;
	char		*err;
	size_t		 errsz;
};

/* Reads dir/name into c and checks that its first line is exactly the
 * given header.  Returns 0, or -1 with the reason in err (a file that
 * cannot be read, a wrong header, or memory that ran out).  csv_close
 * frees c in any case. */
int	 csv_open(struct csv *c, const char *dir, const char *name,
	    const char *const *header, size_t ncolumns, char *err,
	    size_t errsz);

/* Splits the next line into c->field, which must have ncolumns fields.
 * Returns 1 for a record, 0 at the end of the file, or -1 with the reason
 * in err when the line is malformed. */
int	 csv_next(struct csv *c, size_t ncolumns);

void	 csv_close(struct csv *c);

/* Writes "FILE:LINE: " and the message into err.  Returns -1. */
int	 csv_fail(struct csv *c, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/* Returns 1 when field i is a missing value: "" or "?". */
int	 csv_missing(const struct csv *c, size_t i);

/* Parses field i as a whole number in [min, max] into *out.  Returns 0,
 * or -1 with a message naming the column. */
int	 csv_int(struct csv *c, size_t i, const char *column, long long min,
	    long long max, long long *out);

/* Parses field i as a number of 0 to 100 with at most two decimals,
 * in hundredths.  Returns as csv_int does. */
int	 csv_score(struct csv *c, size_t i, const char *column,
	    long long *hundredths);

#endif
