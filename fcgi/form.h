/*
 * Parsers for the parts of an HTTP request that carry user input: query
 * strings and application/x-www-form-urlencoded bodies, multipart/form-data
 * bodies and the Cookie header.  They know nothing of FastCGI, so the fuzz
 * targets and unit tests call them directly.
 */
#ifndef LAUREL_FORM_H
#define LAUREL_FORM_H

#include <stddef.h>
#include <sys/types.h>

/* Limits applied while parsing; a value of 0 is not allowed. */
struct form_limits {
	size_t	 max_fields;	/* fields per list (query, form, cookies) */
	size_t	 max_name;	/* bytes in a field name */
	size_t	 max_value;	/* bytes in a decoded field value */
	size_t	 max_body;	/* bytes in a request body, file parts included */
	size_t	 max_files;	/* file parts per multipart body */
};

/* One decoded name/value pair.  Both are NUL-terminated valid UTF-8. */
struct field {
	char	*name;
	char	*value;
	size_t	 valuesz;	/* length of value without the NUL */
};

struct field_list {
	struct field	*items;
	size_t		 count;
	size_t		 cap;
};

/* One multipart file part, streamed to a temporary file. */
struct upload {
	char	*field;		/* form field name */
	char	*filename;	/* client's file name (base name only), may be "" */
	char	*content_type;	/* as sent by the client, "" when absent */
	char	*path;		/* temporary file; removed by upload_list_free */
	off_t	 size;
};

struct upload_list {
	struct upload	*items;
	size_t		 count;
	size_t		 cap;
};

enum form_status {
	FORM_OK = 0,
	FORM_BAD,		/* malformed input: answer 400 */
	FORM_TOO_LARGE,		/* body over max_body: answer 413 */
	FORM_SYSERR		/* out of memory or I/O error: answer 500 */
};

/*
 * The reason parsing failed.  field is the name of the offending field when known
 * (truncated to fit), message a plain English sentence fit to show a user,
 * for example "invalid percent-encoding" or "value longer than 65536 bytes".
 */
struct form_error {
	char	 field[64];
	char	 message[160];
};

/* Reads up to len bytes into buf; returns bytes read, 0 at end, -1 on error. */
typedef ssize_t (*form_reader)(void *ctx, char *buf, size_t len);

/*
 * Parses a query string or urlencoded body ("a=1&b=%C3%A9+x") and appends
 * the fields to out.  '+' decodes to a space.  Rejects invalid
 * percent-encoding, invalid UTF-8 (in names and values, after decoding),
 * NUL bytes, and anything over the limits.  On failure out is freed.
 */
enum form_status form_parse_urlencoded(const char *buf, size_t len,
	const struct form_limits *, struct field_list *out, struct form_error *);

/*
 * Parses a Cookie header ("a=1; b=2").  Values are taken as sent, without
 * percent-decoding; surrounding double quotes are removed.  Pairs without
 * '=' are skipped.  Invalid UTF-8 and limits are rejected as above.  On
 * failure out is freed.
 */
enum form_status form_parse_cookies(const char *header,
	const struct form_limits *, struct field_list *out, struct form_error *);

/*
 * Parses a multipart/form-data body read through reader.  content_type is
 * the request's Content-Type header, from which the boundary is taken.
 * Plain parts are appended to fields; parts with a filename are streamed to
 * new files created with mkstemp() under tmpdir and appended to files.  On
 * any failure every file created so far is removed and both lists are
 * freed.
 */
enum form_status form_parse_multipart(form_reader reader, void *ctx,
	const char *content_type, const char *tmpdir,
	const struct form_limits *, struct field_list *fields,
	struct upload_list *files, struct form_error *);

/* Returns the first value of name, or NULL. */
const char	*field_get(const struct field_list *, const char *name);

/* Frees the items; the list may be reused afterwards.  NULL is allowed. */
void		 field_list_free(struct field_list *);

/* Removes the temporary files and frees the items.  NULL is allowed. */
void		 upload_list_free(struct upload_list *);

#endif
