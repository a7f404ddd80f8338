/*
 * libFuzzer target for form_parse_multipart().  The first line of the
 * input (up to '\n', without a trailing '\r') is the request's
 * Content-Type and the rest is the body, served in reads of a size that
 * depends on the input length, down to one byte.  Uploads go to a private
 * directory made with mkdtemp().  Besides the memory errors that the
 * sanitizers find, it aborts when a result breaks the contract in form.h.
 * On success, fields and file names must be valid UTF-8 within the limits,
 * and every upload must be a file of the stated size in that directory.
 * On failure, both lists and the directory must be empty.  After
 * upload_list_free() the directory must be empty in every case.
 */
#define _POSIX_C_SOURCE 200809L

#include <sys/types.h>
#include <sys/stat.h>

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "form.h"
#include "utf8.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const struct form_limits	 lim = {
	.max_fields = 8,
	.max_name = 32,
	.max_value = 128,
	.max_body = 3072,
	.max_files = 3
};

/* Serves the body in reads whose size follows a simple generator. */
struct source {
	const char	*data;
	size_t		 len;
	size_t		 pos;
	uint32_t	 state;
	int		 mode;
};

static char	 tmpdir[64];

static void
check(int cond, const char *what)
{
	if (!cond) {
		fprintf(stderr, "check failed: %s\n", what);
		abort();
	}
}

static void
remove_tmpdir(void)
{
	rmdir(tmpdir);
}

static void
make_tmpdir(void)
{
	const char	*base;

	if (tmpdir[0] != '\0')
		return;
	if ((base = getenv("TMPDIR")) == NULL || *base == '\0' ||
	    strlen(base) > sizeof(tmpdir) - 24)
		base = "/tmp";
	snprintf(tmpdir, sizeof(tmpdir), "%s/fuzz_multipart.XXXXXX", base);
	if (mkdtemp(tmpdir) == NULL) {
		perror(tmpdir);
		abort();
	}
	atexit(remove_tmpdir);
}

static size_t
count_files(void)
{
	DIR		*dir;
	struct dirent	*de;
	size_t		 n = 0;

	if ((dir = opendir(tmpdir)) == NULL) {
		perror(tmpdir);
		abort();
	}
	while ((de = readdir(dir)) != NULL)
		if (strcmp(de->d_name, ".") != 0 &&
		    strcmp(de->d_name, "..") != 0)
			n++;
	closedir(dir);
	return n;
}

static ssize_t
source_read(void *ctx, char *buf, size_t len)
{
	struct source	*src = ctx;
	size_t		 n = src->len - src->pos;

	if (src->mode == 1)
		n = n > 0 ? 1 : 0;
	else if (src->mode == 2) {
		src->state = src->state * 1103515245 + 12345;
		if (n > 1 + (src->state >> 16) % 97)
			n = 1 + (src->state >> 16) % 97;
	}
	if (n > len)
		n = len;
	memcpy(buf, src->data + src->pos, n);
	src->pos += n;
	return n;
}

static void
check_fields(const struct field_list *fl)
{
	const struct field	*f;
	size_t			 i;

	check(fl->count <= lim.max_fields, "field count within limit");
	for (i = 0; i < fl->count; i++) {
		f = &fl->items[i];
		check(f->name[0] != '\0', "name not empty");
		check(strlen(f->name) <= lim.max_name, "name within limit");
		check(utf8_valid(f->name, strlen(f->name)), "name is UTF-8");
		check(strlen(f->value) == f->valuesz, "value has no NUL");
		check(f->valuesz <= lim.max_value, "value within limit");
		check(utf8_valid(f->value, f->valuesz), "value is UTF-8");
	}
}

static void
check_uploads(const struct upload_list *ul, size_t bodysz)
{
	const struct upload	*up;
	struct stat		 sb;
	size_t			 i;

	check(ul->count <= lim.max_files, "upload count within limit");
	check(count_files() == ul->count, "one file per upload");
	for (i = 0; i < ul->count; i++) {
		up = &ul->items[i];
		check(up->field[0] != '\0', "upload field not empty");
		check(utf8_valid(up->field, strlen(up->field)),
		    "upload field is UTF-8");
		check(utf8_valid(up->filename, strlen(up->filename)),
		    "file name is UTF-8");
		check(strpbrk(up->filename, "/\\") == NULL,
		    "file name is a base name");
		check(strcmp(up->filename, ".") != 0 &&
		    strcmp(up->filename, "..") != 0, "file name not . or ..");
		check(utf8_valid(up->content_type, strlen(up->content_type)),
		    "upload Content-Type is UTF-8");
		check(strncmp(up->path, tmpdir, strlen(tmpdir)) == 0,
		    "upload in tmpdir");
		check(stat(up->path, &sb) == 0, "upload file exists");
		check(sb.st_size == up->size, "upload size matches the file");
		check((size_t)up->size <= bodysz, "upload within the body");
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct field_list	 fl = { 0 };
	struct upload_list	 ul = { 0 };
	struct form_error	 err;
	struct source		 src;
	enum form_status	 st;
	const char		*nl;
	char			*ctype;
	size_t			 ctypesz;

	make_tmpdir();

	nl = memchr(data, '\n', size);
	ctypesz = nl != NULL ? (size_t)(nl - (const char *)data) : size;
	if ((ctype = malloc(ctypesz + 1)) == NULL)
		return 0;
	memcpy(ctype, data, ctypesz);
	ctype[ctypesz] = '\0';
	if (ctypesz > 0 && ctype[ctypesz - 1] == '\r')
		ctype[ctypesz - 1] = '\0';

	memset(&src, 0, sizeof(src));
	src.data = (const char *)data + ctypesz + (nl != NULL);
	src.len = size - ctypesz - (nl != NULL);
	src.state = (uint32_t)size;
	src.mode = size % 3;

	st = form_parse_multipart(source_read, &src, ctype, tmpdir, &lim,
	    &fl, &ul, &err);
	if (st == FORM_OK) {
		check_fields(&fl);
		check_uploads(&ul, src.len);
	} else {
		check(st == FORM_BAD || st == FORM_TOO_LARGE,
		    "failure is FORM_BAD or FORM_TOO_LARGE");
		check(fl.count == 0 && fl.items == NULL, "field list freed");
		check(ul.count == 0 && ul.items == NULL, "upload list freed");
		check(count_files() == 0, "failure leaves no file");
		check(err.message[0] != '\0', "error message is set");
		check(utf8_valid(err.field, strlen(err.field)),
		    "error field is UTF-8");
	}

	field_list_free(&fl);
	upload_list_free(&ul);
	check(count_files() == 0, "upload_list_free leaves no file");
	free(ctype);
	return 0;
}
