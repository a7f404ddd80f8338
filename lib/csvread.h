/*
 * A reader of CSV files as spreadsheets export them (RFC 4180): fields
 * separated by commas or semicolons, bare or in double quotes with "" for
 * a quote, quoted fields spanning line breaks, LF or CRLF line ends.  The
 * whole file is in memory; the reader neither allocates per field nor
 * touches the file system, so a fuzz driver can feed it any bytes.
 */
#ifndef LAUREL_CSVREAD_H
#define LAUREL_CSVREAD_H

#include <stddef.h>

struct csvread {
	const char	*data;		/* the file, without its byte-order mark */
	size_t		 len, pos;
	int		 bom;		/* 1 when the file began with one */
	char		 separator;	/* ',' or ';' */
	long		 line;		/* line of pos, from 1 */
	long		 record_line;	/* first line of the last record read */
	char		*text;		/* the fields of that record, NUL-ended */
	size_t		*start;		/* offset of each field in text */
	size_t		 nfields, cap_fields, text_len, cap_text;
	long		 error_line;	/* where the last error was found */
	char		 error[200];
};

/*
 * Starts reading data[0..len), which must stay valid until csvread_free.
 * Skips a UTF-8 byte-order mark, checks that the whole file is valid UTF-8
 * without NUL bytes, and takes the separator that occurs more often in the
 * first line outside quotes (a comma when neither occurs).  Returns 0, or
 * -1 with error and error_line set.
 */
int		 csvread_init(struct csvread *, const char *data, size_t len);

/*
 * Reads the next record, skipping empty lines.  Returns 1 with the fields
 * in csvread_field, 0 at the end of the file, or -1 with error and
 * error_line set (a quote left open, or text after a closing quote).
 */
int		 csvread_next(struct csvread *);

/* Returns field i of the last record ("" beyond the last field). */
const char	*csvread_field(const struct csvread *, size_t i);

void		 csvread_free(struct csvread *);

#endif
