/*
 * Unit tests of the request parsers in fcgi/form.c and of utf8_valid().
 * Multipart uploads go to a private directory made with mkdtemp(), which
 * must be empty after every test.
 */
#define _POSIX_C_SOURCE 200809L

#include <sys/types.h>
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "form.h"
#include "tap.h"
#include "utf8.h"

#define CT_XYZ	"multipart/form-data; boundary=XyZ"

static const struct form_limits	 deflim = {
	.max_fields = 200,
	.max_name = 128,
	.max_value = 65536,
	.max_body = 4 * 1024 * 1024,
	.max_files = 4
};

static const struct form_limits	 smalllim = {
	.max_fields = 3,
	.max_name = 8,
	.max_value = 16,
	.max_body = 64,
	.max_files = 2
};

/* Limits for multipart tests, whose bodies need more than 64 bytes. */
static const struct form_limits	 mplim = {
	.max_fields = 3,
	.max_name = 8,
	.max_value = 16,
	.max_body = 4096,
	.max_files = 2
};

/* Limits under which a 1 MB file part exceeds max_body while streaming. */
static const struct form_limits	 filelim = {
	.max_fields = 200,
	.max_name = 128,
	.max_value = 65536,
	.max_body = 500000,
	.max_files = 4
};

static char	 tmpdir[64];

/* Growable byte string for building request bodies. */
struct body {
	char	*data;
	size_t	 len;
};

/* Serves a body through the form_reader interface chunk bytes at a time. */
struct source {
	const char	*data;
	size_t		 len;
	size_t		 pos;
	size_t		 chunk;
	int		 fail;	/* return -1 instead of the end of data */
};

static void
body_add(struct body *b, const void *p, size_t n)
{
	char	*np;

	if ((np = realloc(b->data, b->len + n + 1)) == NULL) {
		perror("realloc");
		exit(1);
	}
	b->data = np;
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static void
body_str(struct body *b, const char *s)
{
	body_add(b, s, strlen(s));
}

static void
body_free(struct body *b)
{
	free(b->data);
	b->data = NULL;
	b->len = 0;
}

static ssize_t
source_read(void *ctx, char *buf, size_t len)
{
	struct source	*src = ctx;
	size_t		 n;

	if (src->pos == src->len)
		return src->fail ? -1 : 0;
	n = src->len - src->pos;
	if (n > len)
		n = len;
	if (n > src->chunk)
		n = src->chunk;
	memcpy(buf, src->data + src->pos, n);
	src->pos += n;
	return n;
}

static enum form_status
parse_mp(const char *data, size_t len, size_t chunk, const char *ctype,
    const struct form_limits *lim, struct field_list *fields,
    struct upload_list *files, struct form_error *err)
{
	struct source	 src = { data, len, 0, chunk, 0 };

	return form_parse_multipart(source_read, &src, ctype, tmpdir, lim,
	    fields, files, err);
}

static enum form_status
parse_url(const char *s, const struct form_limits *lim,
    struct field_list *out, struct form_error *err)
{
	return form_parse_urlencoded(s, strlen(s), lim, out, err);
}

/* Returns the number of entries in tmpdir other than "." and "..". */
static int
count_files(void)
{
	DIR		*dir;
	struct dirent	*de;
	int		 n = 0;

	if ((dir = opendir(tmpdir)) == NULL)
		return -1;
	while ((de = readdir(dir)) != NULL)
		if (strcmp(de->d_name, ".") != 0 &&
		    strcmp(de->d_name, "..") != 0)
			n++;
	closedir(dir);
	return n;
}

/* Returns whether the file at path contains exactly data[0..len). */
static int
file_equals(const char *path, const char *data, size_t len)
{
	FILE	*f;
	char	 buf[4096];
	size_t	 n, off = 0;
	int	 same = 1;

	if ((f = fopen(path, "rb")) == NULL)
		return 0;
	while (same && (n = fread(buf, 1, sizeof(buf), f)) > 0) {
		if (off + n > len || memcmp(buf, data + off, n) != 0)
			same = 0;
		off += n;
	}
	fclose(f);
	return same && off == len;
}

static int
file_exists(const char *path)
{
	struct stat	 sb;

	return stat(path, &sb) == 0;
}

static void
test_utf8(void)
{
	ok(utf8_valid("", 0), "utf8 empty");
	ok(utf8_valid("plain ascii", 11), "utf8 ascii");
	ok(utf8_valid("a\0b", 3), "utf8 NUL byte is valid");
	ok(utf8_valid("\xc2\x80", 2), "utf8 U+0080");
	ok(utf8_valid("\xef\xbf\xbf", 3), "utf8 U+FFFF");
	ok(utf8_valid("\xf4\x8f\xbf\xbf", 4), "utf8 U+10FFFF");
	ok(utf8_valid("\xed\x9f\xbf", 3), "utf8 U+D7FF");
	ok(!utf8_valid("\xc1\xbf", 2), "utf8 overlong two bytes");
	ok(!utf8_valid("\xe0\x9f\xbf", 3), "utf8 overlong three bytes");
	ok(!utf8_valid("\xf0\x8f\xbf\xbf", 4), "utf8 overlong four bytes");
	ok(!utf8_valid("\xed\xa0\x80", 3), "utf8 surrogate U+D800");
	ok(!utf8_valid("\xed\xbf\xbf", 3), "utf8 surrogate U+DFFF");
	ok(!utf8_valid("\xf4\x90\x80\x80", 4), "utf8 above U+10FFFF");
	ok(!utf8_valid("\xf5\x80\x80\x80", 4), "utf8 lead byte F5");
	ok(!utf8_valid("\x80", 1), "utf8 lone continuation byte");
	ok(!utf8_valid("\xe2\x82", 2), "utf8 truncated sequence");
	ok(!utf8_valid("\xe2\x28\xa1", 3), "utf8 bad continuation byte");
	ok(!utf8_valid("\xff", 1), "utf8 byte FF");
}

static void
test_url_decoding(void)
{
	struct field_list	 fl = { 0 };
	struct form_error	 err;
	enum form_status	 st;

	st = parse_url("a=1&b=x+y&c=%20z&first+name=Ann", &deflim, &fl,
	    &err);
	is_int(st, FORM_OK, "urlencoded simple parses");
	is_int(fl.count, 4, "urlencoded simple count");
	is_str(field_get(&fl, "a"), "1", "urlencoded plain value");
	is_str(field_get(&fl, "b"), "x y", "urlencoded plus is space");
	is_str(field_get(&fl, "c"), " z", "urlencoded %%20 is space");
	is_str(field_get(&fl, "first name"), "Ann", "urlencoded name decoded");
	is_int(fl.items[2].valuesz, 2, "urlencoded valuesz");
	ok(field_get(&fl, "missing") == NULL, "field_get missing is NULL");
	field_list_free(&fl);
	ok(fl.items == NULL && fl.count == 0, "field_list_free empties");

	st = parse_url("e=%C3%A9&E=%c3%a9", &deflim, &fl, &err);
	is_int(st, FORM_OK, "urlencoded %%C3%%A9 parses");
	is_str(field_get(&fl, "e"), "\xc3\xa9",
	    "urlencoded %%C3%%A9 is e-acute");
	is_str(field_get(&fl, "E"), "\xc3\xa9", "urlencoded lowercase hex");
	field_list_free(&fl);

	st = parse_url("greek=%CE%B1%CE%B2%CE%B3&cjk=%E6%BC%A2%E5%AD%97"
	    "&raw=\xce\xb1\xce\xb2&emoji=%F0%9F%98%80", &deflim, &fl, &err);
	is_int(st, FORM_OK, "urlencoded UTF-8 content parses");
	is_str(field_get(&fl, "greek"), "\xce\xb1\xce\xb2\xce\xb3",
	    "urlencoded Greek value");
	is_str(field_get(&fl, "cjk"), "\xe6\xbc\xa2\xe5\xad\x97",
	    "urlencoded CJK value");
	is_str(field_get(&fl, "raw"), "\xce\xb1\xce\xb2",
	    "urlencoded unencoded UTF-8 value");
	is_str(field_get(&fl, "emoji"), "\xf0\x9f\x98\x80",
	    "urlencoded four-byte value");
	field_list_free(&fl);

	st = parse_url("=x&a&&b=2&", &deflim, &fl, &err);
	is_int(st, FORM_OK, "urlencoded empty parts parse");
	is_int(fl.count, 2, "urlencoded empty name skipped");
	is_str(field_get(&fl, "a"), "", "urlencoded name without = is empty");
	is_str(field_get(&fl, "b"), "2", "urlencoded value after &&");
	field_list_free(&fl);

	st = parse_url("k=1&k=2&eq=a=b", &deflim, &fl, &err);
	is_int(st, FORM_OK, "urlencoded repeated name parses");
	is_str(field_get(&fl, "k"), "1", "field_get returns first value");
	is_str(fl.items[1].value, "2", "urlencoded second value kept");
	is_str(field_get(&fl, "eq"), "a=b", "urlencoded = inside value");
	field_list_free(&fl);

	st = form_parse_urlencoded(NULL, 0, &deflim, &fl, &err);
	is_int(st, FORM_OK, "urlencoded empty input parses");
	is_int(fl.count, 0, "urlencoded empty input no fields");
	field_list_free(&fl);
}

/* Parses s, which must fail with FORM_BAD, and checks the error. */
static void
url_rejects(const char *s, const char *field, const char *message,
    const char *name)
{
	struct field_list	 fl = { 0 };
	struct form_error	 err;

	is_int(parse_url(s, &deflim, &fl, &err), FORM_BAD, "%s rejected",
	    name);
	is_str(err.field, field, "%s field", name);
	is_str(err.message, message, "%s message", name);
	is_int(fl.count, 0, "%s list freed", name);
	field_list_free(&fl);
}

static void
test_url_invalid(void)
{
	struct field_list	 fl = { 0 };
	struct form_error	 err;
	static const char	 rawnul[] = "a=1&b=x\0y";

	url_rejects("email=%G1", "email", "invalid percent-encoding",
	    "percent %G1");
	url_rejects("email=%4", "email", "invalid percent-encoding",
	    "percent %4");
	url_rejects("email=abc%", "email", "invalid percent-encoding",
	    "trailing percent");
	url_rejects("ok=1&%zz=1", "%zz",
	    "invalid percent-encoding in the field name", "percent in name");

	url_rejects("name=%C3%28", "name", "invalid UTF-8", "utf8 %C3%28");
	url_rejects("name=%C0%AF", "name", "invalid UTF-8",
	    "utf8 overlong %C0%AF");
	url_rejects("name=%ED%A0%80", "name", "invalid UTF-8",
	    "utf8 surrogate %ED%A0%80");
	url_rejects("name=%F4%90%80%80", "name", "invalid UTF-8",
	    "utf8 above U+10FFFF");
	url_rejects("name=\xff", "name", "invalid UTF-8", "utf8 raw FF");
	url_rejects("%C3%28=1", "%C3%28", "invalid UTF-8 in the field name",
	    "utf8 in name");

	url_rejects("note=a%00b", "note", "value contains a NUL byte",
	    "NUL %00 in value");
	url_rejects("%00=1", "%00", "field name contains a NUL byte",
	    "NUL %00 in name");

	is_int(form_parse_urlencoded(rawnul, sizeof(rawnul) - 1, &deflim,
	    &fl, &err), FORM_BAD, "raw NUL byte rejected");
	is_str(err.field, "b", "raw NUL byte field");
	is_int(fl.count, 0, "raw NUL byte list freed");
	field_list_free(&fl);
}

static void
test_url_limits(void)
{
	struct field_list	 fl = { 0 };
	struct form_error	 err;
	struct body		 b = { 0 };
	char			 name[256];
	size_t			 i;
	enum form_status	 st;

	st = parse_url("a=1&b=2&c=3&d=4", &smalllim, &fl, &err);
	is_int(st, FORM_BAD, "fields limit rejected");
	is_str(err.field, "d", "fields limit field");
	is_str(err.message, "more than 3 fields", "fields limit message");
	is_int(fl.count, 0, "fields limit list freed");

	st = parse_url("a=1&b=2&c=3", &smalllim, &fl, &err);
	is_int(st, FORM_OK, "fields at limit accepted");
	field_list_free(&fl);

	st = parse_url("abcdefghi=1", &smalllim, &fl, &err);
	is_int(st, FORM_BAD, "name limit rejected");
	is_str(err.field, "abcdefghi", "name limit field");
	is_str(err.message, "name longer than 8 bytes", "name limit message");

	st = parse_url("abcdefgh=1", &smalllim, &fl, &err);
	is_int(st, FORM_OK, "name at limit accepted");
	field_list_free(&fl);

	st = parse_url("bio=aaaaaaaaaaaaaaaaa", &smalllim, &fl, &err);
	is_int(st, FORM_BAD, "value limit rejected");
	is_str(err.field, "bio", "value limit field");
	is_str(err.message, "value longer than 16 bytes",
	    "value limit message");

	st = parse_url("bio=%41aaaaaaaaaaaaaaa", &smalllim, &fl, &err);
	is_int(st, FORM_OK, "decoded value at limit accepted");
	field_list_free(&fl);

	st = parse_url("a=0123456789012345678901234567890123456789"
	    "012345678901234567890123", &smalllim, &fl, &err);
	is_int(st, FORM_TOO_LARGE, "body limit rejected");
	is_str(err.message, "body larger than 64 bytes", "body limit message");

	/* The default limits produce the messages users normally see. */
	for (i = 0; i < 201; i++) {
		snprintf(name, sizeof(name), "%sf%zu=1", i ? "&" : "", i);
		body_str(&b, name);
	}
	st = parse_url(b.data, &deflim, &fl, &err);
	is_int(st, FORM_BAD, "201 fields rejected");
	is_str(err.field, "f200", "201 fields field");
	is_str(err.message, "more than 200 fields", "201 fields message");
	body_free(&b);

	memset(name, 'n', 129);
	strcpy(name + 129, "=1");
	st = parse_url(name, &deflim, &fl, &err);
	is_int(st, FORM_BAD, "129-byte name rejected");
	is_str(err.message, "name longer than 128 bytes",
	    "129-byte name message");
	is_int(strlen(err.field), sizeof(err.field) - 1,
	    "long name cut to fit the error");

	body_str(&b, "essay=");
	for (i = 0; i < 65537; i++)
		body_str(&b, "x");
	st = parse_url(b.data, &deflim, &fl, &err);
	is_int(st, FORM_BAD, "65537-byte value rejected");
	is_str(err.field, "essay", "65537-byte value field");
	is_str(err.message, "value longer than 65536 bytes",
	    "65537-byte value message");
	b.data[b.len - 1] = '\0';
	st = parse_url(b.data, &deflim, &fl, &err);
	is_int(st, FORM_OK, "65536-byte value accepted");
	field_list_free(&fl);
	free(b.data);
}

static void
test_cookies(void)
{
	struct field_list	 fl = { 0 };
	struct form_error	 err;
	enum form_status	 st;

	st = form_parse_cookies("sid=abc123; theme=dark", &deflim, &fl,
	    &err);
	is_int(st, FORM_OK, "cookies simple parse");
	is_int(fl.count, 2, "cookies simple count");
	is_str(field_get(&fl, "sid"), "abc123", "cookie first value");
	is_str(field_get(&fl, "theme"), "dark", "cookie second value");
	field_list_free(&fl);

	st = form_parse_cookies("q=\"hello world\"; e=\"\"; h=\"", &deflim,
	    &fl, &err);
	is_int(st, FORM_OK, "cookies quoted parse");
	is_str(field_get(&fl, "q"), "hello world", "cookie quotes removed");
	is_str(field_get(&fl, "e"), "", "cookie empty quotes");
	is_str(field_get(&fl, "h"), "\"", "cookie lone quote kept");
	field_list_free(&fl);

	st = form_parse_cookies("  sp  =  v  ;x=y;\tt\t=\tz", &deflim, &fl,
	    &err);
	is_int(st, FORM_OK, "cookies spaces parse");
	is_str(field_get(&fl, "sp"), "v", "cookie spaces trimmed");
	is_str(field_get(&fl, "x"), "y", "cookie without space");
	is_str(field_get(&fl, "t"), "z", "cookie tabs trimmed");
	field_list_free(&fl);

	st = form_parse_cookies("flag; a=1; ; =v; b=x=y; p=%41", &deflim,
	    &fl, &err);
	is_int(st, FORM_OK, "cookies odd pairs parse");
	is_int(fl.count, 3, "cookies without = skipped");
	is_str(field_get(&fl, "b"), "x=y", "cookie = inside value");
	is_str(field_get(&fl, "p"), "%41", "cookie not percent-decoded");
	field_list_free(&fl);

	st = form_parse_cookies(NULL, &deflim, &fl, &err);
	is_int(st, FORM_OK, "cookies NULL header");
	is_int(fl.count, 0, "cookies NULL header no fields");

	st = form_parse_cookies("lang=\xce\xb5\xce\xbb", &deflim, &fl, &err);
	is_int(st, FORM_OK, "cookie UTF-8 value parses");
	is_str(field_get(&fl, "lang"), "\xce\xb5\xce\xbb",
	    "cookie UTF-8 value");
	field_list_free(&fl);

	st = form_parse_cookies("a=1; c=\xc3\x28", &deflim, &fl, &err);
	is_int(st, FORM_BAD, "cookie invalid UTF-8 rejected");
	is_str(err.field, "c", "cookie invalid UTF-8 field");
	is_str(err.message, "invalid UTF-8", "cookie invalid UTF-8 message");
	is_int(fl.count, 0, "cookie invalid UTF-8 list freed");

	st = form_parse_cookies("\xc3\x28=1", &deflim, &fl, &err);
	is_int(st, FORM_BAD, "cookie invalid UTF-8 name rejected");
	is_str(err.field, "", "cookie invalid UTF-8 name not shown");

	st = form_parse_cookies("a=1; b=2; c=3; d=4", &smalllim, &fl, &err);
	is_int(st, FORM_BAD, "cookies count limit rejected");
	is_str(err.field, "d", "cookies count limit field");
	is_str(err.message, "more than 3 cookies",
	    "cookies count limit message");

	st = form_parse_cookies("longcookie=1", &smalllim, &fl, &err);
	is_int(st, FORM_BAD, "cookie name limit rejected");
	is_str(err.field, "longcookie", "cookie name limit field");
	is_str(err.message, "name longer than 8 bytes",
	    "cookie name limit message");

	st = form_parse_cookies("sid=0123456789abcdefX", &smalllim, &fl,
	    &err);
	is_int(st, FORM_BAD, "cookie value limit rejected");
	is_str(err.field, "sid", "cookie value limit field");
	is_str(err.message, "value longer than 16 bytes",
	    "cookie value limit message");
}

/* Content of the photo part: binary, with near misses of the delimiter. */
static const char	 photo[] = "\x89PNG\r\n\x1a\n" "\x00\x01"
    "--XyZ\r\n\r\n--Xy\r\n--XyY\r\n-XyZ\r\r\n\xff\xfe";

static void
make_main_body(struct body *b)
{
	body_str(b, "This preamble is ignored.\r\n"
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"title\"\r\n"
	    "\r\n"
	    "Hello w\xc3\xb6rld \xe6\xbc\xa2\r\n"
	    "--XyZ\r\n"
	    "content-disposition: form-data; name=\"photo\"; "
	    "filename=\"C:\\x\\evil.png\"\r\n"
	    "Content-Type: image/png\r\n"
	    "\r\n");
	body_add(b, photo, sizeof(photo) - 1);
	body_str(b, "\r\n"
	    "--XyZ  \r\n"
	    "Content-Disposition: form-data; filename=\"../../a.txt\"; "
	    "name=doc\r\n"
	    "\r\n"
	    "text file\n"
	    "\r\n"
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"empty\"\r\n"
	    "\r\n"
	    "\r\n"
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"\"\r\n"
	    "\r\n"
	    "dropped\r\n"
	    "--XyZ--\r\n"
	    "This epilogue is ignored.\r\n");
}

/* Checks the result of parsing make_main_body(). */
static void
check_main_body(enum form_status st, struct field_list *fl,
    struct upload_list *ul, const char *how)
{
	is_int(st, FORM_OK, "%s parses", how);
	is_int(fl->count, 2, "%s field count", how);
	is_str(field_get(fl, "title"), "Hello w\xc3\xb6rld \xe6\xbc\xa2",
	    "%s text field", how);
	is_str(field_get(fl, "empty"), "", "%s empty field", how);
	ok(field_get(fl, "") == NULL, "%s empty name dropped", how);
	is_int(ul->count, 2, "%s file count", how);
	is_int(count_files(), 2, "%s files on disk", how);
	if (ul->count != 2)
		return;

	is_str(ul->items[0].field, "photo", "%s first file field", how);
	is_str(ul->items[0].filename, "evil.png",
	    "%s backslash path stripped", how);
	is_str(ul->items[0].content_type, "image/png",
	    "%s first file Content-Type", how);
	is_int(ul->items[0].size, sizeof(photo) - 1, "%s first file size",
	    how);
	ok(file_equals(ul->items[0].path, photo, sizeof(photo) - 1),
	    "%s first file content", how);
	ok(strncmp(ul->items[0].path, tmpdir, strlen(tmpdir)) == 0,
	    "%s file under tmpdir", how);

	is_str(ul->items[1].field, "doc", "%s second file field", how);
	is_str(ul->items[1].filename, "a.txt", "%s ../ path stripped", how);
	is_str(ul->items[1].content_type, "",
	    "%s missing Content-Type is empty", how);
	is_int(ul->items[1].size, 10, "%s second file size", how);
	ok(file_equals(ul->items[1].path, "text file\n", 10),
	    "%s second file content", how);
}

static void
test_multipart(void)
{
	struct field_list	 fl = { 0 };
	struct upload_list	 ul = { 0 };
	struct form_error	 err;
	struct body		 b = { 0 };
	char			*paths[2] = { NULL, NULL };
	enum form_status	 st;
	size_t			 i;

	make_main_body(&b);

	st = parse_mp(b.data, b.len, 65536, CT_XYZ, &deflim, &fl, &ul, &err);
	check_main_body(st, &fl, &ul, "multipart");
	for (i = 0; i < ul.count && i < 2; i++)
		paths[i] = strdup(ul.items[i].path);
	ok(paths[0] != NULL && file_exists(paths[0]),
	    "upload exists before free");
	upload_list_free(&ul);
	field_list_free(&fl);
	is_int(count_files(), 0, "upload_list_free removes files");
	ok(paths[0] != NULL && !file_exists(paths[0]),
	    "first upload removed");
	ok(paths[1] != NULL && !file_exists(paths[1]),
	    "second upload removed");
	is_int(ul.count, 0, "upload_list_free empties list");
	free(paths[0]);
	free(paths[1]);

	st = parse_mp(b.data, b.len, 1, CT_XYZ, &deflim, &fl, &ul, &err);
	check_main_body(st, &fl, &ul, "multipart 1-byte reads");
	upload_list_free(&ul);
	field_list_free(&fl);

	st = parse_mp(b.data, b.len, 7, "Multipart/Form-Data; charset=utf-8;"
	    " boundary=\"XyZ\"", &deflim, &fl, &ul, &err);
	check_main_body(st, &fl, &ul, "multipart quoted boundary");
	upload_list_free(&ul);
	field_list_free(&fl);
	free(b.data);
	is_int(count_files(), 0, "multipart tests leave no files");
}

static void
test_multipart_large(void)
{
	struct field_list	 fl = { 0 };
	struct upload_list	 ul = { 0 };
	struct form_error	 err;
	struct body		 b = { 0 }, content = { 0 };
	enum form_status	 st;
	size_t			 i;
	char			 c;

	/* 300 KiB, several times the parser's buffer, with near misses. */
	for (i = 0; i < 300 * 1024; i++) {
		if (i % 5000 == 0)
			body_str(&content, "\r\n--XyY\r\n--X");
		c = (char)(i % 251);
		body_add(&content, &c, 1);
	}

	body_str(&b, "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"big\"; "
	    "filename=\"big.bin\"\r\n"
	    "Content-Type: application/octet-stream\r\n\r\n");
	body_add(&b, content.data, content.len);
	body_str(&b, "\r\n--XyZ--");

	st = parse_mp(b.data, b.len, 65536, CT_XYZ, &deflim, &fl, &ul, &err);
	is_int(st, FORM_OK, "large file parses");
	is_int(ul.count, 1, "large file count");
	if (ul.count == 1) {
		is_int(ul.items[0].size, content.len, "large file size");
		ok(file_equals(ul.items[0].path, content.data, content.len),
		    "large file content");
	}
	upload_list_free(&ul);

	st = parse_mp(b.data, b.len, 3000, CT_XYZ, &deflim, &fl, &ul, &err);
	is_int(st, FORM_OK, "large file short reads parse");
	if (ul.count == 1)
		ok(file_equals(ul.items[0].path, content.data, content.len),
		    "large file short reads content");
	upload_list_free(&ul);

	st = parse_mp(b.data, b.len, 1, CT_XYZ, &deflim, &fl, &ul, &err);
	is_int(st, FORM_OK, "large file 1-byte reads parse");
	if (ul.count == 1)
		ok(file_equals(ul.items[0].path, content.data, content.len),
		    "large file 1-byte reads content");
	upload_list_free(&ul);
	field_list_free(&fl);
	free(b.data);
	free(content.data);
}

/*
 * Parses data, which must fail with want, and checks the error, that both
 * lists were freed and that no temporary file is left.
 */
static void
mp_rejects(const char *data, size_t len, const char *ctype,
    const struct form_limits *lim, enum form_status want,
    const char *field, const char *message, const char *name)
{
	struct field_list	 fl = { 0 };
	struct upload_list	 ul = { 0 };
	struct form_error	 err;
	enum form_status	 st;

	st = parse_mp(data, len, 5, ctype, lim, &fl, &ul, &err);
	is_int(st, want, "%s rejected", name);
	is_str(err.field, field, "%s field", name);
	is_str(err.message, message, "%s message", name);
	ok(fl.count == 0 && ul.count == 0, "%s lists freed", name);
	is_int(count_files(), 0, "%s leaves no file", name);
	field_list_free(&fl);
	upload_list_free(&ul);
}

static void
mp_rejects_str(const char *data, const char *ctype,
    const struct form_limits *lim, enum form_status want,
    const char *field, const char *message, const char *name)
{
	mp_rejects(data, strlen(data), ctype, lim, want, field, message, name);
}

#define PART(name) "--XyZ\r\nContent-Disposition: form-data; name=\"" \
	name "\"\r\n\r\n"
#define FILEPART(name, file) "--XyZ\r\nContent-Disposition: form-data; " \
	"name=\"" name "\"; filename=\"" file "\"\r\n\r\n"

static void
test_multipart_truncated(void)
{
	struct body	 b = { 0 };
	size_t		 cut;
	char		 name[64];
	static const size_t	 cuts[] = { 0, 3, 7, 30, 60, 120, 200, 300 };
	static const char *const	 truncated =
	    "multipart body ended before the closing boundary";

	make_main_body(&b);
	for (cut = 0; cut < sizeof(cuts) / sizeof(cuts[0]); cut++) {
		snprintf(name, sizeof(name), "truncated at %zu", cuts[cut]);
		mp_rejects(b.data, cuts[cut], CT_XYZ, &deflim, FORM_BAD, "",
		    truncated, name);
	}
	free(b.data);

	mp_rejects_str(FILEPART("f", "a.txt") "unfinished file", CT_XYZ,
	    &deflim, FORM_BAD, "", truncated, "truncated file part");
	mp_rejects_str(PART("a") "1\r\n--XyZ", CT_XYZ, &deflim, FORM_BAD, "",
	    truncated, "truncated after boundary");
	mp_rejects_str(PART("a") "1\r\n--XyZ-", CT_XYZ, &deflim, FORM_BAD, "",
	    truncated, "truncated closing boundary");
	mp_rejects_str("no boundary here", CT_XYZ, &deflim, FORM_BAD, "",
	    truncated, "body without boundary");
}

static void
test_multipart_limits(void)
{
	struct body	 b = { 0 };
	size_t		 i;

	mp_rejects_str(FILEPART("f", "a.bin")
	    "0123456789012345678901234567890123456789\r\n--XyZ--",
	    CT_XYZ, &smalllim, FORM_TOO_LARGE, "",
	    "body larger than 64 bytes", "body limit");

	body_str(&b, FILEPART("up", "big.bin"));
	for (i = 0; i < 100000; i++)
		body_str(&b, "0123456789");
	body_str(&b, "\r\n--XyZ--");
	mp_rejects(b.data, b.len, CT_XYZ, &filelim, FORM_TOO_LARGE, "",
	    "body larger than 500000 bytes", "file over body limit");
	body_free(&b);

	mp_rejects_str(PART("bio") "0123456789abcdefX\r\n--XyZ--", CT_XYZ,
	    &mplim, FORM_BAD, "bio", "value longer than 16 bytes",
	    "multipart value limit");
	mp_rejects_str(PART("abcdefghi") "x\r\n--XyZ--", CT_XYZ, &mplim,
	    FORM_BAD, "abcdefghi", "name longer than 8 bytes",
	    "multipart name limit");
	mp_rejects_str(PART("a") "\r\n" PART("b") "\r\n" PART("c") "\r\n"
	    PART("d") "\r\n--XyZ--", CT_XYZ, &mplim, FORM_BAD, "d",
	    "more than 3 fields", "multipart fields limit");
	mp_rejects_str(FILEPART("f1", "1") "\r\n" FILEPART("f2", "2") "\r\n"
	    FILEPART("f3", "3") "\r\n--XyZ--", CT_XYZ, &mplim, FORM_BAD, "f3",
	    "more than 2 files", "multipart files limit");

	body_str(&b, "--XyZ\r\nContent-Disposition: form-data; name=\"h\"\r\n"
	    "X-Padding: ");
	for (i = 0; i < 820; i++)
		body_str(&b, "0123456789");
	body_str(&b, "\r\n\r\nv\r\n--XyZ--");
	mp_rejects(b.data, b.len, CT_XYZ, &deflim, FORM_BAD, "",
	    "part headers longer than 8192 bytes", "part headers limit");
	free(b.data);
}

static void
test_multipart_invalid(void)
{
	static const char	 nul[] = PART("n") "a\0b\r\n--XyZ--";
	char			 ct[128];

	mp_rejects_str(PART("a") "1\r\n--XyZ--", "multipart/form-data",
	    &deflim, FORM_BAD, "", "missing boundary in the Content-Type",
	    "missing boundary");
	mp_rejects_str(PART("a") "1\r\n--XyZ--",
	    "multipart/form-data; boundary=", &deflim, FORM_BAD, "",
	    "missing boundary in the Content-Type", "empty boundary");
	mp_rejects_str(PART("a") "1\r\n--XyZ--", NULL, &deflim, FORM_BAD, "",
	    "missing Content-Type of the request", "missing Content-Type");
	mp_rejects_str(PART("a") "1\r\n--XyZ--", "text/plain; boundary=XyZ",
	    &deflim, FORM_BAD, "", "Content-Type is not multipart/form-data",
	    "wrong Content-Type");
	mp_rejects_str(PART("a") "1\r\n--XyZ--",
	    "multipart/form-data; boundary=\"XyZ", &deflim, FORM_BAD, "",
	    "missing closing quote in the Content-Type", "unclosed quote");
	mp_rejects_str(PART("a") "1\r\n--XyZ--",
	    "multipart/form-data; boundary=Xy<Z", &deflim, FORM_BAD, "",
	    "invalid character in the boundary", "bad boundary character");

	snprintf(ct, sizeof(ct), "multipart/form-data; boundary=%s",
	    "0123456789012345678901234567890123456789"
	    "0123456789012345678901234567890");
	mp_rejects_str(PART("a") "1\r\n--XyZ--", ct, &deflim, FORM_BAD, "",
	    "boundary longer than 70 characters", "71-character boundary");

	mp_rejects_str(FILEPART("photo", "\xc3\x28.png") "x\r\n--XyZ--",
	    CT_XYZ, &deflim, FORM_BAD, "photo",
	    "invalid UTF-8 in the file name", "invalid UTF-8 file name");
	mp_rejects_str(PART("t") "\xed\xa0\x80\r\n--XyZ--", CT_XYZ, &deflim,
	    FORM_BAD, "t", "invalid UTF-8", "invalid UTF-8 value");
	mp_rejects(nul, sizeof(nul) - 1, CT_XYZ, &deflim, FORM_BAD, "n",
	    "value contains a NUL byte", "NUL in multipart value");
	mp_rejects_str("--XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n"
	    "--XyZ--", CT_XYZ, &deflim, FORM_BAD, "",
	    "part without a Content-Disposition header",
	    "missing Content-Disposition");
	mp_rejects_str("--XyZ\r\nContent-Disposition: attachment; "
	    "name=\"a\"\r\n\r\nx\r\n--XyZ--", CT_XYZ, &deflim, FORM_BAD, "",
	    "part Content-Disposition is not form-data",
	    "attachment disposition");
	mp_rejects_str("--XyZ\r\nContent-Disposition: form-data\r\n\r\nx\r\n"
	    "--XyZ--", CT_XYZ, &deflim, FORM_BAD, "",
	    "missing field name in a part Content-Disposition",
	    "missing part name");
	mp_rejects_str("--XyZ\r\nno colon here\r\n\r\nx\r\n--XyZ--", CT_XYZ,
	    &deflim, FORM_BAD, "", "invalid part header line",
	    "header without colon");
	mp_rejects_str("--XyZjunk\r\n" "Content-Disposition: form-data; "
	    "name=\"a\"\r\n\r\nx\r\n--XyZ--", CT_XYZ, &deflim, FORM_BAD, "",
	    "unexpected text after a multipart boundary",
	    "text after boundary");
	mp_rejects_str(FILEPART("f", "a.txt") "data\r\n" PART("t")
	    "\xff\r\n--XyZ--", CT_XYZ, &deflim, FORM_BAD, "t",
	    "invalid UTF-8", "error after a file part");
	mp_rejects_str(PART("\xc3\x28") "x\r\n--XyZ--", CT_XYZ, &deflim,
	    FORM_BAD, "", "invalid UTF-8 in a field name",
	    "invalid UTF-8 part name");
	mp_rejects_str("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n"
	    "Content-Type: text/\xff\r\n\r\nx\r\n--XyZ--", CT_XYZ, &deflim,
	    FORM_BAD, "a", "invalid UTF-8 in the Content-Type of the part",
	    "invalid UTF-8 part Content-Type");
	mp_rejects_str("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n"
	    "Content-Disposition: form-data; name=\"b\"\r\n\r\nx\r\n--XyZ--",
	    CT_XYZ, &deflim, FORM_BAD, "",
	    "more than one Content-Disposition in a part",
	    "duplicate Content-Disposition");
	mp_rejects_str("--XyZ\r\nContent-Disposition: form-data; name=\"a\r\n"
	    "\r\nx\r\n--XyZ--", CT_XYZ, &deflim, FORM_BAD, "",
	    "missing closing quote in a part Content-Disposition",
	    "unclosed quote in part");
	mp_rejects_str("--XyZ\r\nContent-Disposition: form-data; name=\"a\n"
	    "b\"\r\n\r\nx\r\n--XyZ--", CT_XYZ, &deflim, FORM_BAD, "",
	    "control character in a part header", "bare LF in part header");
	mp_rejects_str(FILEPART("f", "dir/"
	    "0123456789012345678901234567890123456789012345678901234567890123"
	    "0123456789012345678901234567890123456789012345678901234567890123"
	    "0123456789012345678901234567890123456789012345678901234567890123"
	    "0123456789012345678901234567890123456789012345678901234567890123")
	    "x\r\n--XyZ--", CT_XYZ, &deflim, FORM_BAD, "f",
	    "file name longer than 255 bytes", "256-byte file name");
}

static void
test_multipart_names(void)
{
	struct field_list	 fl = { 0 };
	struct upload_list	 ul = { 0 };
	struct form_error	 err;
	struct body		 b = { 0 };
	enum form_status	 st;
	size_t			 i;
	static const char	 spaced[] = "--XyZ\r\nContent-Disposition: "
	    "form-data ;name = \"a b\" ; filename= \"x;y.txt\"\r\n\r\n"
	    "v\r\n--XyZ--";
	static const char	 fn255[] = FILEPART("f",
	    "012345678901234567890123456789012345678901234567890123456789012"
	    "0123456789012345678901234567890123456789012345678901234567890123"
	    "0123456789012345678901234567890123456789012345678901234567890123"
	    "0123456789012345678901234567890123456789012345678901234567890123")
	    "x\r\n--XyZ--";

	st = parse_mp(spaced, sizeof(spaced) - 1, 64, CT_XYZ, &deflim, &fl,
	    &ul, &err);
	is_int(st, FORM_OK, "spaced parameters parse");
	if (ul.count == 1) {
		is_str(ul.items[0].field, "a b", "spaced parameter name");
		is_str(ul.items[0].filename, "x;y.txt",
		    "semicolon inside quoted file name");
	}
	upload_list_free(&ul);

	st = parse_mp(fn255, sizeof(fn255) - 1, 64, CT_XYZ, &deflim, &fl,
	    &ul, &err);
	is_int(st, FORM_OK, "255-byte file name accepted");
	upload_list_free(&ul);

	/* 140 000 bytes fill the 64 KiB buffer twice before the value ends. */
	body_str(&b, PART("long"));
	for (i = 0; i < 14000; i++)
		body_str(&b, "0123456789");
	body_str(&b, "\r\n--XyZ--");
	mp_rejects(b.data, b.len, CT_XYZ, &deflim, FORM_BAD, "long",
	    "value longer than 65536 bytes", "value over buffer size");
	body_free(&b);

	body_str(&b, PART("mid"));
	for (i = 0; i < 6000; i++)
		body_str(&b, "0123456789");
	body_str(&b, "\r\n--XyZ--");
	st = parse_mp(b.data, b.len, 4096, CT_XYZ, &deflim, &fl, &ul, &err);
	is_int(st, FORM_OK, "60000-byte value accepted");
	is_int(fl.count == 1 ? fl.items[0].valuesz : 0, 60000,
	    "60000-byte value size");
	field_list_free(&fl);
	body_free(&b);

	/* Errors cut a long name to 63 bytes at a character boundary. */
	for (i = 0; i < 40; i++)
		body_str(&b, "%C3%A9");
	body_str(&b, "=%ZZ");
	st = parse_url(b.data, &deflim, &fl, &err);
	is_int(st, FORM_BAD, "long UTF-8 name error");
	is_int(strlen(err.field), 62, "long UTF-8 name cut at a character");
	ok(utf8_valid(err.field, strlen(err.field)),
	    "long UTF-8 name cut is UTF-8");
	body_free(&b);
}

static void
test_multipart_tmpdir(void)
{
	struct field_list	 fl = { 0 };
	struct upload_list	 ul = { 0 };
	struct form_error	 err;
	struct source		 src = { 0 };
	enum form_status	 st;
	static const char	 data[] = PART("a") "1\r\n" FILEPART("f",
	    "a.txt") "x\r\n--XyZ--";

	src.data = data;
	src.len = sizeof(data) - 1;
	src.chunk = 64;
	st = form_parse_multipart(source_read, &src, CT_XYZ,
	    "/nonexistent/laurel", &deflim, &fl, &ul, &err);
	is_int(st, FORM_SYSERR, "missing tmpdir is FORM_SYSERR");
	is_str(err.field, "f", "missing tmpdir field");
	ok(strncmp(err.message, "failed to create a temporary file in "
	    "/nonexistent/laurel: ", 57) == 0, "missing tmpdir message");
	ok(fl.count == 0 && fl.items == NULL, "missing tmpdir fields freed");
}

static void
test_multipart_misc(void)
{
	struct field_list	 fl = { 0 };
	struct upload_list	 ul = { 0 };
	struct form_error	 err;
	struct source		 src = { PART("a") "1", 0, 0, 4, 1 };
	enum form_status	 st;
	static const char	 nofile[] = FILEPART("attach", "") "\r\n"
	    "--XyZ--";
	static const char	 dotdot[] = FILEPART("f", "..") "x\r\n"
	    "--XyZ--";

	src.len = strlen(src.data);
	st = form_parse_multipart(source_read, &src, CT_XYZ, tmpdir,
	    &deflim, &fl, &ul, &err);
	is_int(st, FORM_SYSERR, "reader error is FORM_SYSERR");
	is_str(err.message, "failed to read the request body",
	    "reader error message");

	st = parse_mp(nofile, sizeof(nofile) - 1, 64, CT_XYZ, &deflim, &fl,
	    &ul, &err);
	is_int(st, FORM_OK, "empty file part parses");
	is_int(ul.count, 1, "empty file part is an upload");
	if (ul.count == 1) {
		is_str(ul.items[0].filename, "", "empty file name kept empty");
		is_int(ul.items[0].size, 0, "empty file part size");
	}
	upload_list_free(&ul);

	st = parse_mp(dotdot, sizeof(dotdot) - 1, 64, CT_XYZ, &deflim, &fl,
	    &ul, &err);
	is_int(st, FORM_OK, "file name .. parses");
	if (ul.count == 1)
		is_str(ul.items[0].filename, "", "file name .. becomes empty");
	upload_list_free(&ul);

	st = parse_mp("--XyZ--", 7, 64, CT_XYZ, &deflim, &fl, &ul, &err);
	is_int(st, FORM_OK, "multipart without parts parses");
	is_int(fl.count + ul.count, 0, "multipart without parts is empty");
	field_list_free(&fl);
	is_int(count_files(), 0, "misc tests leave no files");
}

int
main(void)
{
	const char	*base;
	int		 rc;

	if ((base = getenv("TMPDIR")) == NULL || *base == '\0' ||
	    strlen(base) > sizeof(tmpdir) - 20)
		base = "/tmp";
	snprintf(tmpdir, sizeof(tmpdir), "%s/test_form.XXXXXX", base);
	if (mkdtemp(tmpdir) == NULL) {
		printf("Bail out! mkdtemp %s: %s\n", tmpdir, strerror(errno));
		return 1;
	}

	test_utf8();
	test_url_decoding();
	test_url_invalid();
	test_url_limits();
	test_cookies();
	test_multipart();
	test_multipart_large();
	test_multipart_truncated();
	test_multipart_limits();
	test_multipart_invalid();
	test_multipart_names();
	test_multipart_tmpdir();
	test_multipart_misc();

	rc = tap_done();
	if (rmdir(tmpdir) == -1) {
		printf("# rmdir %s: %s\n", tmpdir, strerror(errno));
		rc = 1;
	}
	return rc;
}
