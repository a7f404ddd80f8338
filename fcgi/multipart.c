/*
 * The multipart/form-data parser.  It reads the body through a bounded
 * buffer with a streaming search for the delimiter, so file parts go to
 * their temporary files in chunks and never whole into memory.
 */
#define _POSIX_C_SOURCE 200809L

#include <sys/types.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "form.h"
#include "form_parse.h"
#include "utf8.h"
/*
 * Size of the read buffer of the multipart parser and maximum bytes in the
 * header block of one part.  The fuzz build sets smaller values, so that
 * short inputs fill the buffer.  The buffer must hold a whole header block
 * and a delimiter.
 */
#ifndef MP_BUFSZ
#define MP_BUFSZ	(64 * 1024)
#endif
#ifndef MP_MAX_HEADER
#define MP_MAX_HEADER	8192
#endif

/* Maximum length of a multipart boundary (RFC 2046, section 5.1.1). */
#define MP_MAX_BOUNDARY	70

#if MP_BUFSZ < MP_MAX_HEADER + 2 * (4 + MP_MAX_BOUNDARY)
#error "MP_BUFSZ is too small for MP_MAX_HEADER"
#endif

/* Maximum bytes in the base name of an uploaded file. */
#define MAX_FILENAME	255

/* Template of temporary file names, appended to tmpdir. */
#define UPLOAD_TEMPLATE	"/laurel-upload.XXXXXX"

/* One "name=value" parameter of a header value such as Content-Type. */
struct param {
	const char	*name;
	size_t		 namesz;
	const char	*value;
	size_t		 valuesz;
};

/* Read buffer and position of the multipart parser. */
struct mpreader {
	form_reader	 reader;
	void		*ctx;
	size_t		 max_body;
	char		*buf;		/* MP_BUFSZ bytes */
	size_t		 start;		/* first byte not yet consumed */
	size_t		 end;		/* end of the bytes read */
	size_t		 total;		/* body bytes read so far */
	int		 eof;
	char		 delim[4 + MP_MAX_BOUNDARY + 1]; /* "\r\n--" boundary */
	size_t		 delimsz;
};

/* The multipart part being parsed. */
struct part {
	char	*name;		/* NULL until the headers are read */
	char	*filename;	/* base name; NULL for a plain field */
	char	*ctype;		/* Content-Type of the part, NULL when absent */
	int	 discard;	/* content is read and dropped */
	int	 fd;		/* temporary file of a file part, else -1 */
	size_t	 upload;	/* index of the file part in the upload list */
	off_t	 filesz;
	char	*value;		/* content of a plain field */
	size_t	 valuesz;
	size_t	 valuecap;
};

/* Returns whether s[0..n) equals the ASCII string lit, ignoring case. */
static int
token_is(const char *s, size_t n, const char *lit)
{
	return n == strlen(lit) && strncasecmp(s, lit, n) == 0;
}

/*
 * Reads the next ";name=value" parameter of a header value from *pos up to
 * end.  The value is a token or a quoted string.  A backslash inside quotes
 * is an ordinary character, as in the file names that browsers send (they
 * send a '"' in a name as %22).  Returns 1 and advances *pos, 0 when no
 * parameter is left, or -1 on a quoted string without its closing quote.
 */
static int
next_param(const char **pos, const char *end, struct param *prm)
{
	const char	*p = *pos, *q;

	while (p < end && (*p == ';' || form_is_space(*p)))
		p++;
	if (p == end)
		return 0;

	prm->name = p;
	while (p < end && *p != '=' && *p != ';')
		p++;
	prm->namesz = p - prm->name;
	form_trim(&prm->name, &prm->namesz);
	prm->value = "";
	prm->valuesz = 0;

	if (p < end && *p == '=') {
		p++;
		while (p < end && form_is_space(*p))
			p++;
		if (p < end && *p == '"') {
			p++;
			if ((q = memchr(p, '"', end - p)) == NULL)
				return -1;
			prm->value = p;
			prm->valuesz = q - p;
			p = q + 1;
		} else {
			prm->value = p;
			while (p < end && *p != ';')
				p++;
			prm->valuesz = p - prm->value;
			form_trim(&prm->value, &prm->valuesz);
		}
	}
	*pos = p;
	return 1;
}

/* Returns whether c may appear in a boundary (RFC 2046, "bchars"). */
static int
is_boundary_char(char c)
{
	if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z'))
		return 1;
	return c != '\0' && strchr("'()+_,-./:=? ", c) != NULL;
}

/*
 * Takes the boundary from a multipart/form-data Content-Type and stores
 * the delimiter "\r\n--boundary" in mp.
 */
static enum form_status
parse_boundary(const char *ctype, struct mpreader *mp, struct form_error *err)
{
	const char	*p, *end, *type, *boundary = NULL;
	size_t		 typesz, boundarysz = 0, i;
	struct param	 prm;
	int		 rc;

	if (ctype == NULL) {
		form_set_error(err, NULL, 0, "missing Content-Type of the request");
		return FORM_BAD;
	}
	end = ctype + strlen(ctype);
	type = ctype;
	typesz = strcspn(ctype, ";");
	form_trim(&type, &typesz);
	if (!token_is(type, typesz, "multipart/form-data")) {
		form_set_error(err, NULL, 0,
		    "Content-Type is not multipart/form-data");
		return FORM_BAD;
	}

	p = ctype + strcspn(ctype, ";");
	while ((rc = next_param(&p, end, &prm)) == 1)
		if (boundary == NULL &&
		    token_is(prm.name, prm.namesz, "boundary")) {
			boundary = prm.value;
			boundarysz = prm.valuesz;
		}
	if (rc == -1) {
		form_set_error(err, NULL, 0,
		    "missing closing quote in the Content-Type");
		return FORM_BAD;
	}

	if (boundary == NULL || boundarysz == 0) {
		form_set_error(err, NULL, 0, "missing boundary in the Content-Type");
		return FORM_BAD;
	}
	if (boundarysz > MP_MAX_BOUNDARY) {
		form_set_error(err, NULL, 0, "boundary longer than %d characters",
		    MP_MAX_BOUNDARY);
		return FORM_BAD;
	}
	for (i = 0; i < boundarysz; i++)
		if (!is_boundary_char(boundary[i]))
			break;
	if (i < boundarysz || boundary[boundarysz - 1] == ' ') {
		form_set_error(err, NULL, 0, "invalid character in the boundary");
		return FORM_BAD;
	}

	memcpy(mp->delim, "\r\n--", 4);
	memcpy(mp->delim + 4, boundary, boundarysz);
	mp->delimsz = 4 + boundarysz;
	mp->delim[mp->delimsz] = '\0';
	return FORM_OK;
}

/*
 * Reads more of the body into the buffer, moving the unconsumed bytes to
 * its front first when it is full.  Sets mp->eof at the end of the body.
 */
static enum form_status
fill(struct mpreader *mp, struct form_error *err)
{
	ssize_t	 n;
	size_t	 room;

	if (mp->end == MP_BUFSZ && mp->start > 0) {
		memmove(mp->buf, mp->buf + mp->start, mp->end - mp->start);
		mp->end -= mp->start;
		mp->start = 0;
	}
	room = MP_BUFSZ - mp->end;
	if (room == 0) {
		form_set_error(err, NULL, 0, "multipart read buffer is full");
		return FORM_SYSERR;
	}

	n = mp->reader(mp->ctx, mp->buf + mp->end, room);
	if (n < 0 || (size_t)n > room) {
		form_set_error(err, NULL, 0, "failed to read the request body");
		return FORM_SYSERR;
	}
	if (n == 0) {
		mp->eof = 1;
		return FORM_OK;
	}
	mp->end += n;
	mp->total += n;
	if (mp->total > mp->max_body) {
		form_set_error(err, NULL, 0, "body larger than %zu bytes",
		    mp->max_body);
		return FORM_TOO_LARGE;
	}
	return FORM_OK;
}

static enum form_status
truncated(struct form_error *err)
{
	form_set_error(err, NULL, 0,
	    "multipart body ended before the closing boundary");
	return FORM_BAD;
}

/*
 * Returns the offset of the first complete match of pat in s[0..n), or n.
 * A match cut off by the end of s is not reported.
 */
static size_t
find(const char *s, size_t n, const char *pat, size_t patsz)
{
	const char	*p;
	size_t		 i = 0;

	while (i < n) {
		if ((p = memchr(s + i, pat[0], n - i)) == NULL)
			return n;
		i = p - s;
		if (n - i < patsz)
			return n;
		if (memcmp(s + i, pat, patsz) == 0)
			return i;
		i++;
	}
	return n;
}

static int
write_all(int fd, const char *p, size_t n)
{
	ssize_t	 w;

	while (n > 0) {
		w = write(fd, p, n);
		if (w == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= w;
	}
	return 0;
}

/* Passes n bytes of part content to the temporary file or the value. */
static enum form_status
part_append(struct part *part, const char *data, size_t n,
    const struct form_limits *lim, struct form_error *err)
{
	char	*p;
	size_t	 cap;

	if (n == 0 || part->discard)
		return FORM_OK;

	if (part->fd != -1) {
		if (write_all(part->fd, data, n) == -1) {
			form_set_error(err, part->name, strlen(part->name),
			    "failed to write the uploaded file: %s",
			    strerror(errno));
			return FORM_SYSERR;
		}
		part->filesz += n;
		return FORM_OK;
	}

	if (n > lim->max_value - part->valuesz) {
		form_set_error(err, part->name, strlen(part->name),
		    "value longer than %zu bytes", lim->max_value);
		return FORM_BAD;
	}
	if (part->valuesz + n >= part->valuecap) {
		cap = part->valuecap == 0 ? 256 : part->valuecap;
		while (cap <= part->valuesz + n)
			cap *= 2;
		if ((p = realloc(part->value, cap)) == NULL) {
			form_set_error(err, part->name, strlen(part->name),
			    "out of memory");
			return FORM_SYSERR;
		}
		part->value = p;
		part->valuecap = cap;
	}
	memcpy(part->value + part->valuesz, data, n);
	part->valuesz += n;
	return FORM_OK;
}

/*
 * Reads part content up to the next delimiter and consumes the delimiter.
 * Bytes that cannot be the start of a delimiter are handed on whenever the
 * buffer fills, so a part of any size passes through the fixed buffer.
 */
static enum form_status
read_content(struct mpreader *mp, struct part *part,
    const struct form_limits *lim, struct form_error *err)
{
	size_t			 scan = 0, avail, off;
	enum form_status	 st;

	for (;;) {
		avail = mp->end - mp->start;
		off = scan + find(mp->buf + mp->start + scan, avail - scan,
		    mp->delim, mp->delimsz);
		if (off < avail) {
			st = part_append(part, mp->buf + mp->start, off,
			    lim, err);
			mp->start += off + mp->delimsz;
			return st;
		}

		/* Only the last delimsz - 1 bytes can start a delimiter. */
		scan = avail >= mp->delimsz ? avail - mp->delimsz + 1 : 0;
		if (mp->eof)
			return truncated(err);
		if (mp->end == MP_BUFSZ) {
			st = part_append(part, mp->buf + mp->start, scan,
			    lim, err);
			if (st != FORM_OK)
				return st;
			mp->start += scan;
			scan = 0;
		}
		if ((st = fill(mp, err)) != FORM_OK)
			return st;
	}
}

/* Makes at least n bytes available after mp->start. */
static enum form_status
need(struct mpreader *mp, size_t n, struct form_error *err)
{
	enum form_status	 st;

	while (mp->end - mp->start < n) {
		if (mp->eof)
			return truncated(err);
		if ((st = fill(mp, err)) != FORM_OK)
			return st;
	}
	return FORM_OK;
}

/*
 * Narrows a client's file name to its base name, the part after the last
 * '/' or '\', so "C:\x\a.png" and "../a.png" both become "a.png".  The
 * names "." and ".." become "".
 */
static void
base_name(const char **name, size_t *namesz)
{
	size_t	 i;

	for (i = *namesz; i > 0; i--)
		if ((*name)[i - 1] == '/' || (*name)[i - 1] == '\\')
			break;
	*name += i;
	*namesz -= i;
	if ((*namesz == 1 && (*name)[0] == '.') ||
	    (*namesz == 2 && (*name)[0] == '.' && (*name)[1] == '.'))
		*namesz = 0;
}

/* Takes the field name and file name from a Content-Disposition value. */
static enum form_status
parse_disposition(const char *value, size_t valuesz, struct part *part,
    struct form_error *err)
{
	const char	*p, *end = value + valuesz, *type, *filename;
	size_t		 typesz, filenamesz;
	struct param	 prm;
	int		 rc;

	if (part->name != NULL) {
		form_set_error(err, NULL, 0,
		    "more than one Content-Disposition in a part");
		return FORM_BAD;
	}
	for (p = value; p < end && *p != ';'; p++)
		continue;
	type = value;
	typesz = p - value;
	form_trim(&type, &typesz);
	if (!token_is(type, typesz, "form-data")) {
		form_set_error(err, NULL, 0,
		    "part Content-Disposition is not form-data");
		return FORM_BAD;
	}

	while ((rc = next_param(&p, end, &prm)) == 1) {
		if (part->name == NULL &&
		    token_is(prm.name, prm.namesz, "name")) {
			part->name = form_copy_bytes(prm.value, prm.valuesz);
			if (part->name == NULL)
				goto nomem;
		} else if (part->filename == NULL &&
		    token_is(prm.name, prm.namesz, "filename")) {
			filename = prm.value;
			filenamesz = prm.valuesz;
			base_name(&filename, &filenamesz);
			part->filename = form_copy_bytes(filename, filenamesz);
			if (part->filename == NULL)
				goto nomem;
		}
	}
	if (rc == -1) {
		form_set_error(err, NULL, 0,
		    "missing closing quote in a part Content-Disposition");
		return FORM_BAD;
	}
	if (part->name == NULL) {
		form_set_error(err, NULL, 0,
		    "missing field name in a part Content-Disposition");
		return FORM_BAD;
	}
	return FORM_OK;
nomem:
	form_set_error(err, NULL, 0, "out of memory");
	return FORM_SYSERR;
}

/* Checks the names taken from the headers of a part. */
static enum form_status
check_part_names(const struct part *part, const struct form_limits *lim,
    struct form_error *err)
{
	size_t	 namesz = strlen(part->name);

	if (!utf8_valid(part->name, namesz)) {
		form_set_error(err, NULL, 0, "invalid UTF-8 in a field name");
		return FORM_BAD;
	}
	if (namesz > lim->max_name) {
		form_set_error(err, part->name, namesz,
		    "name longer than %zu bytes", lim->max_name);
		return FORM_BAD;
	}
	if (part->filename != NULL) {
		if (!utf8_valid(part->filename, strlen(part->filename))) {
			form_set_error(err, part->name, namesz,
			    "invalid UTF-8 in the file name");
			return FORM_BAD;
		}
		if (strlen(part->filename) > MAX_FILENAME) {
			form_set_error(err, part->name, namesz,
			    "file name longer than %d bytes", MAX_FILENAME);
			return FORM_BAD;
		}
	}
	if (part->ctype != NULL && !utf8_valid(part->ctype,
	    strlen(part->ctype))) {
		form_set_error(err, part->name, namesz,
		    "invalid UTF-8 in the Content-Type of the part");
		return FORM_BAD;
	}
	return FORM_OK;
}

/* Returns whether c is a control character other than a tab. */
static int
is_control(char c)
{
	return ((unsigned char)c < 0x20 && c != '\t') || c == 0x7f;
}

/*
 * Parses the header block of a part: the rest of the delimiter line, which
 * may contain only spaces and tabs, then header lines, each ending in CRLF.
 * Control characters other than tabs are rejected inside lines, so the
 * names and Content-Type taken from them contain none.
 */
static enum form_status
parse_part_headers(const char *block, size_t sz, struct part *part,
    const struct form_limits *lim, struct form_error *err)
{
	const char		*line, *end = block + sz, *colon, *value;
	size_t			 linesz, valuesz, i;
	enum form_status	 st;

	linesz = find(block, sz, "\r\n", 2);
	for (i = 0; i < linesz; i++)
		if (!form_is_space(block[i])) {
			form_set_error(err, NULL, 0,
			    "unexpected text after a multipart boundary");
			return FORM_BAD;
		}

	for (line = block + linesz + 2; line < end; line += linesz + 2) {
		linesz = find(line, end - line, "\r\n", 2);
		for (i = 0; i < linesz; i++)
			if (is_control(line[i])) {
				form_set_error(err, NULL, 0,
				    "control character in a part header");
				return FORM_BAD;
			}
		colon = memchr(line, ':', linesz);
		if (colon == NULL || colon == line || form_is_space(line[0])) {
			form_set_error(err, NULL, 0, "invalid part header line");
			return FORM_BAD;
		}
		value = colon + 1;
		valuesz = linesz - (value - line);
		form_trim(&value, &valuesz);

		if (token_is(line, colon - line, "Content-Disposition")) {
			st = parse_disposition(value, valuesz, part, err);
			if (st != FORM_OK)
				return st;
		} else if (part->ctype == NULL &&
		    token_is(line, colon - line, "Content-Type")) {
			part->ctype = form_copy_bytes(value, valuesz);
			if (part->ctype == NULL) {
				form_set_error(err, NULL, 0, "out of memory");
				return FORM_SYSERR;
			}
		}
	}

	if (part->name == NULL) {
		form_set_error(err, NULL, 0,
		    "part without a Content-Disposition header");
		return FORM_BAD;
	}
	return check_part_names(part, lim, err);
}

/*
 * Reads the header block of a part, which ends with an empty line, and
 * parses it.  The block may not be longer than MP_MAX_HEADER bytes.
 */
static enum form_status
read_part_headers(struct mpreader *mp, struct part *part,
    const struct form_limits *lim, struct form_error *err)
{
	size_t			 scan = 0, avail, off;
	enum form_status	 st;

	for (;;) {
		avail = mp->end - mp->start;
		off = scan + find(mp->buf + mp->start + scan, avail - scan,
		    "\r\n\r\n", 4);
		if (off < avail && off + 4 <= MP_MAX_HEADER)
			break;
		if (off < avail || avail >= MP_MAX_HEADER) {
			form_set_error(err, NULL, 0,
			    "part headers longer than %d bytes",
			    MP_MAX_HEADER);
			return FORM_BAD;
		}
		scan = avail >= 3 ? avail - 3 : 0;
		if (mp->eof)
			return truncated(err);
		if ((st = fill(mp, err)) != FORM_OK)
			return st;
	}

	st = parse_part_headers(mp->buf + mp->start, off + 2, part, lim, err);
	mp->start += off + 4;
	return st;
}

/* Creates the temporary file of a file part and adds it to files. */
static enum form_status
start_upload(struct part *part, const char *tmpdir,
    struct upload_list *files, struct form_error *err)
{
	struct upload	*up;
	char		*path = NULL;
	size_t		 pathsz;
	void		*items = files->items;

	if (form_grow(&items, &files->cap, files->count,
	    sizeof(struct upload)) == -1)
		goto nomem;
	files->items = items;

	pathsz = strlen(tmpdir) + sizeof(UPLOAD_TEMPLATE);
	if ((path = malloc(pathsz)) == NULL)
		goto nomem;
	snprintf(path, pathsz, "%s%s", tmpdir, UPLOAD_TEMPLATE);
	if ((part->fd = mkstemp(path)) == -1) {
		form_set_error(err, part->name, strlen(part->name),
		    "failed to create a temporary file in %s: %s",
		    tmpdir, strerror(errno));
		free(path);
		return FORM_SYSERR;
	}

	/* The list owns the path from here on, so a failure removes it. */
	up = &files->items[files->count];
	memset(up, 0, sizeof(*up));
	up->path = path;
	part->upload = files->count++;
	up->field = strdup(part->name);
	up->filename = strdup(part->filename);
	up->content_type = strdup(part->ctype != NULL ? part->ctype : "");
	if (up->field == NULL || up->filename == NULL ||
	    up->content_type == NULL)
		goto nomem;
	return FORM_OK;
nomem:
	form_set_error(err, part->name, strlen(part->name), "out of memory");
	return FORM_SYSERR;
}

/*
 * Prepares to read the content of a part whose headers were parsed: parts
 * with an empty name are dropped, file parts get a temporary file.
 */
static enum form_status
start_part(struct part *part, const char *tmpdir,
    const struct form_limits *lim, struct field_list *fields,
    struct upload_list *files, struct form_error *err)
{
	size_t	 namesz = strlen(part->name);

	if (namesz == 0) {
		part->discard = 1;
		return FORM_OK;
	}
	if (part->filename == NULL) {
		if (fields->count >= lim->max_fields) {
			form_set_error(err, part->name, namesz,
			    "more than %zu fields", lim->max_fields);
			return FORM_BAD;
		}
		return FORM_OK;
	}
	if (files->count >= lim->max_files) {
		form_set_error(err, part->name, namesz, "more than %zu files",
		    lim->max_files);
		return FORM_BAD;
	}
	return start_upload(part, tmpdir, files, err);
}

/* Closes the file of a file part, or checks and stores a plain value. */
static enum form_status
end_part(struct part *part, struct field_list *fields,
    struct upload_list *files, struct form_error *err)
{
	size_t	 namesz = strlen(part->name);
	int	 fd;

	if (part->discard)
		return FORM_OK;

	if (part->fd != -1) {
		fd = part->fd;
		part->fd = -1;
		files->items[part->upload].size = part->filesz;
		if (close(fd) == -1) {
			form_set_error(err, part->name, namesz,
			    "failed to write the uploaded file: %s",
			    strerror(errno));
			return FORM_SYSERR;
		}
		return FORM_OK;
	}

	if (part->value == NULL && (part->value = malloc(1)) == NULL) {
		form_set_error(err, part->name, namesz, "out of memory");
		return FORM_SYSERR;
	}
	part->value[part->valuesz] = '\0';
	if (memchr(part->value, '\0', part->valuesz) != NULL) {
		form_set_error(err, part->name, namesz,
		    "value contains a NUL byte");
		return FORM_BAD;
	}
	if (!utf8_valid(part->value, part->valuesz)) {
		form_set_error(err, part->name, namesz, "invalid UTF-8");
		return FORM_BAD;
	}
	if (form_field_add(fields, part->name, part->value, part->valuesz) == -1) {
		form_set_error(err, part->name, namesz, "out of memory");
		return FORM_SYSERR;
	}
	part->name = NULL;
	part->value = NULL;
	return FORM_OK;
}

/* Frees what the part owns and makes it ready for the next part. */
static void
part_reset(struct part *part)
{
	if (part->fd != -1)
		close(part->fd);
	free(part->name);
	free(part->filename);
	free(part->ctype);
	free(part->value);
	memset(part, 0, sizeof(*part));
	part->fd = -1;
}

/*
 * Parses a multipart/form-data body read through reader.  Plain fields are
 * appended to fields and file parts to files.  The caller owns both lists
 * and frees them with field_list_free() and upload_list_free(), which also
 * removes the temporary files.  On failure both lists are freed, every
 * temporary file is removed and err contains the reason.  tmpdir must be
 * an existing directory.
 */
enum form_status
form_parse_multipart(form_reader reader, void *ctx, const char *content_type,
    const char *tmpdir, const struct form_limits *lim,
    struct field_list *fields, struct upload_list *files,
    struct form_error *err)
{
	struct mpreader		 mp;
	struct part		 part;
	enum form_status	 st;

	form_clear_error(err);
	memset(&mp, 0, sizeof(mp));
	memset(&part, 0, sizeof(part));
	part.fd = -1;
	mp.reader = reader;
	mp.ctx = ctx;
	mp.max_body = lim->max_body;

	if ((st = parse_boundary(content_type, &mp, err)) != FORM_OK)
		goto out;
	if ((mp.buf = malloc(MP_BUFSZ)) == NULL) {
		form_set_error(err, NULL, 0, "out of memory");
		st = FORM_SYSERR;
		goto out;
	}

	/*
	 * The first boundary need not follow a line break, so the buffer
	 * starts with one and every delimiter is "\r\n--boundary".  The
	 * preamble before it is read like the content of a dropped part.
	 */
	memcpy(mp.buf, "\r\n", 2);
	mp.end = 2;
	part.discard = 1;
	if ((st = read_content(&mp, &part, lim, err)) != FORM_OK)
		goto out;

	for (;;) {
		if ((st = need(&mp, 2, err)) != FORM_OK)
			goto out;
		if (memcmp(mp.buf + mp.start, "--", 2) == 0)
			break;	/* the closing delimiter; skip the epilogue */

		part_reset(&part);
		if ((st = read_part_headers(&mp, &part, lim, err)) != FORM_OK ||
		    (st = start_part(&part, tmpdir, lim, fields, files,
		    err)) != FORM_OK ||
		    (st = read_content(&mp, &part, lim, err)) != FORM_OK ||
		    (st = end_part(&part, fields, files, err)) != FORM_OK)
			goto out;
	}
out:
	part_reset(&part);
	free(mp.buf);
	if (st != FORM_OK) {
		field_list_free(fields);
		upload_list_free(files);
	}
	return st;
}

