/*
 * Uploaded images: the content checks of lib/files.c on generated PNG and
 * JPEG bytes, storing and loading files, and saving certificate templates
 * with their backgrounds, against the real MariaDB and storage folder of
 * the test stack ($LAUREL_TEST_CONFIG).
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "auth.h"
#include "cert_template.h"
#include "clock.h"
#include "conf.h"
#include "db.h"
#include "files.h"
#include "str.h"
#include "tap.h"

static struct config	*cfg;
static struct db	*db;
static char		 suffix[16];

/* ---------------------------------------------------------------- PNG */

static void
put32(unsigned char *p, unsigned long v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

static unsigned long
crc32_of(const unsigned char *p, size_t len)
{
	unsigned long	 c = 0xffffffffUL;
	size_t		 i;
	int		 k;

	for (i = 0; i < len; i++) {
		c ^= p[i];
		for (k = 0; k < 8; k++)
			c = c & 1 ? 0xedb88320UL ^ (c >> 1) : c >> 1;
	}
	return c ^ 0xffffffffUL;
}

/* Appends a chunk with its length and CRC at out + *len. */
static void
png_chunk(unsigned char *out, size_t *len, const char *type,
    const unsigned char *data, size_t n)
{
	put32(out + *len, (unsigned long)n);
	memcpy(out + *len + 4, type, 4);
	if (n > 0)
		memcpy(out + *len + 8, data, n);
	put32(out + *len + 8 + n, crc32_of(out + *len + 4, n + 4));
	*len += 12 + n;
}

/*
 * Writes a greyscale 8-bit PNG of w × h pixels to out (at least 128
 * bytes) and returns its length.  The IDAT holds one black 1 × 1 image
 * as a stored deflate block, so the file decodes only when w and h are
 * 1; the checks under test read the chunk structure, not the pixels.
 */
static size_t
make_png(unsigned char *out, unsigned long w, unsigned long h)
{
	static const unsigned char	 sig[8] = { 0x89, 'P', 'N', 'G',
					    '\r', '\n', 0x1a, '\n' };
	/* zlib header, final stored block of 2 bytes (filter 0, pixel 0),
	 * Adler-32 of those bytes. */
	static const unsigned char	 idat[] = { 0x78, 0x01, 0x01, 0x02,
					    0x00, 0xfd, 0xff, 0x00, 0x00,
					    0x00, 0x02, 0x00, 0x01 };
	unsigned char			 ihdr[13];
	size_t				 len = 8;

	memcpy(out, sig, 8);
	put32(ihdr, w);
	put32(ihdr + 4, h);
	ihdr[8] = 8;		/* bit depth */
	ihdr[9] = 0;		/* greyscale */
	ihdr[10] = ihdr[11] = ihdr[12] = 0;
	png_chunk(out, &len, "IHDR", ihdr, sizeof(ihdr));
	png_chunk(out, &len, "IDAT", idat, sizeof(idat));
	png_chunk(out, &len, "IEND", NULL, 0);
	return len;
}

/* ---------------------------------------------------------------- JPEG */

/*
 * Writes the marker segments of a JPEG of w × h pixels with the given
 * start-of-frame marker (0xc0 baseline, 0xc2 progressive, 0xc3
 * lossless), a few bytes of scan data and EOI; returns its length.
 */
static size_t
make_jpeg(unsigned char *out, unsigned int w, unsigned int h,
    unsigned char sof)
{
	static const unsigned char	 app0[] = { 0xff, 0xe0, 0x00, 0x10,
					    'J', 'F', 'I', 'F', 0x00, 0x01,
					    0x01, 0x00, 0x00, 0x01, 0x00,
					    0x01, 0x00, 0x00 };
	static const unsigned char	 sos[] = { 0xff, 0xda, 0x00, 0x08,
					    0x01, 0x01, 0x00, 0x00, 0x3f,
					    0x00 };
	static const unsigned char	 scan[] = { 0x12, 0xff, 0x00, 0x34,
					    0xff, 0xd0, 0x56 };
	size_t				 len = 0;

	out[len++] = 0xff;
	out[len++] = 0xd8;
	memcpy(out + len, app0, sizeof(app0));
	len += sizeof(app0);
	out[len++] = 0xff;
	out[len++] = sof;
	out[len++] = 0x00;
	out[len++] = 11;		/* length: 8 + 3 per component */
	out[len++] = 8;			/* precision */
	out[len++] = (unsigned char)(h >> 8);
	out[len++] = (unsigned char)h;
	out[len++] = (unsigned char)(w >> 8);
	out[len++] = (unsigned char)w;
	out[len++] = 1;			/* components */
	out[len++] = 1;
	out[len++] = 0x11;
	out[len++] = 0;
	memcpy(out + len, sos, sizeof(sos));
	len += sizeof(sos);
	memcpy(out + len, scan, sizeof(scan));
	len += sizeof(scan);
	out[len++] = 0xff;
	out[len++] = 0xd9;
	return len;
}

/* Runs file_check_image and returns its result, with the message in err. */
static int
check(const unsigned char *data, size_t len, enum file_purpose purpose,
    struct stored_file *f, char *err, size_t errsz)
{
	memset(f, 0, sizeof(*f));
	err[0] = '\0';
	return file_check_image(data, len, purpose, f, err, errsz);
}

static void
test_png(void)
{
	unsigned char		 png[256];
	struct stored_file	 f;
	char			 err[256];
	size_t			 len;

	len = make_png(png, 1, 1);
	is_int(check(png, len, FILE_TEMPLATE_BACKGROUND, &f, err,
	    sizeof(err)), 0, "1 x 1 PNG accepted");
	is_str(f.content_type, "image/png", "PNG type from the content");
	is_int(f.width, 1, "PNG width read from IHDR");
	is_int(f.size_bytes, (long long)len, "PNG size recorded");

	len = make_png(png, 6000, 4000);
	is_int(check(png, len, FILE_TEMPLATE_BACKGROUND, &f, err,
	    sizeof(err)), 0, "6000 x 4000 PNG accepted as a background");
	is_int(f.width, 6000, "PNG width 6000");
	is_int(f.height, 4000, "PNG height 4000");

	len = make_png(png, 6001, 100);
	is_int(check(png, len, FILE_TEMPLATE_BACKGROUND, &f, err,
	    sizeof(err)), 1, "6001 pixels wide PNG rejected as a background");
	ok(strstr(err, "6001 × 100") != NULL, "message gives the size: %s",
	    err);
	ok(strstr(err, "6000 × 6000") != NULL, "message gives the limit");

	len = make_png(png, 2000, 2001);
	is_int(check(png, len, FILE_CERTIFICATION_IMAGE, &f, err,
	    sizeof(err)), 1, "2001 pixels high PNG rejected as an image");
	ok(strstr(err, "certification images can be at most 2000 × 2000") !=
	    NULL, "message names the image limit: %s", err);

	len = make_png(png, 513, 512);
	is_int(check(png, len, FILE_CERTIFICATION_ICON, &f, err,
	    sizeof(err)), 1, "513 pixels wide PNG rejected as an icon");
	len = make_png(png, 512, 512);
	is_int(check(png, len, FILE_CERTIFICATION_ICON, &f, err,
	    sizeof(err)), 0, "512 x 512 PNG accepted as an icon");

	len = make_png(png, 1, 1);
	is_int(check(png, len - 12, FILE_TEMPLATE_BACKGROUND, &f, err,
	    sizeof(err)), 1, "PNG without IEND rejected");
	ok(strstr(err, "incomplete or damaged") != NULL,
	    "truncated PNG called damaged: %s", err);
	is_int(check(png, 20, FILE_TEMPLATE_BACKGROUND, &f, err,
	    sizeof(err)), 1, "PNG cut inside IHDR rejected");
	is_int(check(png, 40, FILE_TEMPLATE_BACKGROUND, &f, err,
	    sizeof(err)), 1, "PNG cut inside IDAT rejected");

	png[1] = 'J';
	is_int(check(png, len, FILE_TEMPLATE_BACKGROUND, &f, err,
	    sizeof(err)), 1, "wrong PNG signature rejected");
	ok(strstr(err, "not a PNG or JPEG image") != NULL,
	    "wrong signature: not an image: %s", err);

	len = make_png(png, 0, 10);
	is_int(check(png, len, FILE_TEMPLATE_BACKGROUND, &f, err,
	    sizeof(err)), 1, "PNG 0 pixels wide rejected");
	len = make_png(png, 10, 10);
	png[8 + 8 + 9] = 5;	/* colour type 5 does not exist */
	is_int(check(png, len, FILE_TEMPLATE_BACKGROUND, &f, err,
	    sizeof(err)), 1, "PNG with an unknown colour type rejected");
}

static void
test_jpeg(void)
{
	unsigned char		 jpg[256];
	struct stored_file	 f;
	char			 err[256];
	size_t			 len;

	len = make_jpeg(jpg, 640, 480, 0xc0);
	is_int(check(jpg, len, FILE_CERTIFICATION_IMAGE, &f, err,
	    sizeof(err)), 0, "baseline JPEG accepted");
	is_str(f.content_type, "image/jpeg", "JPEG type from the content");
	is_int(f.width, 640, "JPEG width read from SOF0");
	is_int(f.height, 480, "JPEG height read from SOF0");

	len = make_jpeg(jpg, 300, 200, 0xc2);
	is_int(check(jpg, len, FILE_CERTIFICATION_IMAGE, &f, err,
	    sizeof(err)), 0, "progressive JPEG accepted");
	is_int(f.width, 300, "JPEG width read from SOF2");

	len = make_jpeg(jpg, 300, 200, 0xc3);
	is_int(check(jpg, len, FILE_CERTIFICATION_IMAGE, &f, err,
	    sizeof(err)), 1, "lossless JPEG rejected");
	ok(strstr(err, "standard JPEG") != NULL,
	    "lossless JPEG message: %s", err);

	len = make_jpeg(jpg, 2001, 100, 0xc0);
	is_int(check(jpg, len, FILE_CERTIFICATION_IMAGE, &f, err,
	    sizeof(err)), 1, "2001 pixels wide JPEG rejected as an image");
	ok(strstr(err, "2001 × 100") != NULL, "JPEG message gives the size");
	is_int(check(jpg, len, FILE_TEMPLATE_BACKGROUND, &f, err,
	    sizeof(err)), 0, "the same JPEG accepted as a background");

	len = make_jpeg(jpg, 640, 480, 0xc0);
	is_int(check(jpg, len - 2, FILE_CERTIFICATION_IMAGE, &f, err,
	    sizeof(err)), 1, "JPEG without EOI rejected");
	ok(strstr(err, "incomplete or damaged") != NULL,
	    "truncated JPEG called damaged: %s", err);
	is_int(check(jpg, 30, FILE_CERTIFICATION_IMAGE, &f, err,
	    sizeof(err)), 1, "JPEG cut before SOF rejected");
	is_int(check(jpg, 4, FILE_CERTIFICATION_IMAGE, &f, err,
	    sizeof(err)), 1, "JPEG of SOI and half a marker rejected");

	jpg[1] = 0xd9;
	is_int(check(jpg, len, FILE_CERTIFICATION_IMAGE, &f, err,
	    sizeof(err)), 1, "wrong JPEG signature rejected");
	ok(strstr(err, "not a PNG or JPEG image") != NULL,
	    "wrong JPEG signature: not an image");

	len = make_jpeg(jpg, 640, 0, 0xc0);
	is_int(check(jpg, len, FILE_CERTIFICATION_IMAGE, &f, err,
	    sizeof(err)), 1, "JPEG with height 0 (DNL) rejected");
}

static void
test_other_content(void)
{
	static const char	 text[] = "This is a text file, not a PNG.\n";
	static const char	 svg[] = "<svg xmlns=\"http://www.w3.org/2000/"
				    "svg\" width=\"10\" height=\"10\"/>";
	static const char	 gif[] = "GIF89a\x01\x00\x01\x00\x00\x00\x00;";
	struct stored_file	 f;
	unsigned char		*big;
	char			 err[256];

	is_int(check((const unsigned char *)text, sizeof(text) - 1,
	    FILE_TEMPLATE_BACKGROUND, &f, err, sizeof(err)), 1,
	    "text file rejected");
	is_str(err, "The file is not a PNG or JPEG image. Save it as PNG or "
	    "JPEG and upload it again.", "text file message");
	is_int(check((const unsigned char *)svg, sizeof(svg) - 1,
	    FILE_TEMPLATE_BACKGROUND, &f, err, sizeof(err)), 1,
	    "SVG rejected");
	is_int(check((const unsigned char *)gif, sizeof(gif) - 1,
	    FILE_TEMPLATE_BACKGROUND, &f, err, sizeof(err)), 1,
	    "GIF rejected");
	is_int(check((const unsigned char *)"", 0, FILE_TEMPLATE_BACKGROUND,
	    &f, err, sizeof(err)), 1, "empty file rejected");
	ok(strstr(err, "empty") != NULL, "empty file message: %s", err);

	/* Sizes: a PNG signature followed by zeros, one byte over each
	 * limit; the size is checked before the content. */
	if ((big = calloc(1, 5 * 1024 * 1024 + 1)) == NULL)
		return;
	make_png(big, 1, 1);
	is_int(check(big, 5 * 1024 * 1024 + 1, FILE_TEMPLATE_BACKGROUND, &f,
	    err, sizeof(err)), 1, "background of 5 MB + 1 byte rejected");
	is_str(err, "The file is 5.1 MB, but template backgrounds can be at "
	    "most 5 MB. Make it smaller and upload it again.",
	    "background size message");
	is_int(check(big, 2 * 1024 * 1024 + 1, FILE_CERTIFICATION_IMAGE, &f,
	    err, sizeof(err)), 1, "image of 2 MB + 1 byte rejected");
	ok(strstr(err, "certification images can be at most 2 MB") != NULL,
	    "image size message: %s", err);
	is_int(check(big, 512 * 1024 + 1, FILE_CERTIFICATION_ICON, &f, err,
	    sizeof(err)), 1, "icon of 512 KB + 1 byte rejected");
	is_str(err, "The file is 513 KB, but certification icons can be at "
	    "most 512 KB. Make it smaller and upload it again.",
	    "icon size message");
	free(big);
}

/* ---------------------------------------------------------------- storage */

/* Counts the entries of Storage.Dir, temporary names included. */
static int
count_stored(void)
{
	DIR		*d;
	struct dirent	*e;
	int		 n = 0;

	if ((d = opendir(cfg->storage_dir)) == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

/* Counts the files rows whose original name or storage name is name. */
static long long
count_rows(const char *name)
{
	struct db_res	*res;
	long long	 n = -1;

	if (db_query(db, &res, "SELECT COUNT(*) FROM files WHERE "
	    "original_name = ? OR storage_name = ?", "ss", name, name) !=
	    DB_OK)
		return -1;
	if (db_next(res) == 1)
		n = db_int(res, 0);
	db_res_free(res);
	return n;
}

/* Writes data to a new temporary file, as the multipart parser does. */
static int
write_upload(char *path, size_t pathsz, const void *data, size_t len)
{
	FILE	*fp;
	int	 fd;

	snprintf(path, pathsz, "%s/test-upload.XXXXXX",
	    cfg->server_tmp_dir);
	if ((fd = mkstemp(path)) == -1 || (fp = fdopen(fd, "wb")) == NULL)
		return -1;
	fwrite(data, 1, len, fp);
	return fclose(fp);
}

/* Returns 1 when the stored copy of f contains exactly data. */
static int
stored_equals(const struct stored_file *f, const void *data, size_t len)
{
	char		 path[1024];
	unsigned char	 buf[512];
	FILE		*fp;
	size_t		 n;

	snprintf(path, sizeof(path), "%s/%s", cfg->storage_dir,
	    f->storage_name);
	if ((fp = fopen(path, "rb")) == NULL)
		return 0;
	n = fread(buf, 1, sizeof(buf), fp);
	fclose(fp);
	return n == len && memcmp(buf, data, len) == 0;
}

static void
test_store(void)
{
	static const char	 text[] = "not an image\n";
	unsigned char		 png[256];
	struct stored_file	 f, got;
	char			 path[1024], err[256], name[64];
	char			 missing_dir[] = "/nonexistent/laurel-storage";
	char			*saved_dir;
	size_t			 len = make_png(png, 1, 1), i;
	int			 files = count_stored(), hex = 1;

	ok(files == 0, "private storage folder %s empty", cfg->storage_dir);
	if (write_upload(path, sizeof(path), text, sizeof(text) - 1) != 0) {
		ok(0, "temporary upload written");
		return;
	}
	snprintf(name, sizeof(name), "fake-%s.png", suffix);
	is_int(file_store_image(db, cfg, path, name,
	    FILE_TEMPLATE_BACKGROUND, 0, &f, err, sizeof(err)), 1,
	    "text named fake.png not stored");
	ok(strstr(err, "not a PNG or JPEG") != NULL, "its message: %s", err);
	is_int(count_rows(name), 0, "no files row for it");
	is_int(count_stored(), files, "no file in the storage folder for it");
	unlink(path);

	if (write_upload(path, sizeof(path), png, len) != 0) {
		ok(0, "temporary upload written");
		return;
	}
	snprintf(name, sizeof(name), "Zeugnis Hintergrund %s.png", suffix);
	is_int(file_store_image(db, cfg, path, name,
	    FILE_CERTIFICATION_ICON, 0, &f, err, sizeof(err)), DB_OK,
	    "real PNG stored");
	unlink(path);
	ok(f.id > 0, "row id set");
	is_int(strlen(f.storage_name), 36, "storage name is 32 hex + .png");
	for (i = 0; i < 32; i++)
		if (strchr("0123456789abcdef", f.storage_name[i]) == NULL)
			hex = 0;
	ok(hex && strcmp(f.storage_name + 32, ".png") == 0,
	    "storage name %s is random hex", f.storage_name);
	ok(stored_equals(&f, png, len), "stored copy equals the upload");
	is_int(count_stored(), files + 1, "one file added, no temporary left");

	is_int(file_get(db, f.id, &got), DB_OK, "file row loads");
	is_str(got.storage_name, f.storage_name, "same storage name");
	is_str(got.original_name, name, "original name kept");
	is_str(got.content_type, "image/png", "content type kept");
	is_int(got.purpose, FILE_CERTIFICATION_ICON, "purpose kept");
	is_int(got.width, 1, "width kept");
	is_int(file_get(db, f.id + 1000000, &got), 1, "unknown id: 1");

	is_int(file_delete(db, f.id), DB_OK, "row deleted");
	file_remove_copy(cfg, f.storage_name);
	is_int(count_stored(), files, "copy removed");

	/* A copy that cannot be written leaves no row behind. */
	if (write_upload(path, sizeof(path), png, len) != 0) {
		ok(0, "temporary upload written");
		return;
	}
	saved_dir = cfg->storage_dir;
	cfg->storage_dir = missing_dir;
	snprintf(name, sizeof(name), "unwritable-%s.png", suffix);
	is_int(file_store_image(db, cfg, path, name,
	    FILE_CERTIFICATION_ICON, 0, &f, err, sizeof(err)), DB_ERROR,
	    "missing storage folder: DB_ERROR");
	cfg->storage_dir = saved_dir;
	unlink(path);
	is_int(count_rows(name), 0, "no files row when the copy fails");
}

/* ---------------------------------------------------------------- templates */

/* Stores png as a new background copy, as the form does before saving. */
static int
stage(struct stored_file *f, const unsigned char *png, size_t len)
{
	char	 path[1024], err[256];
	int	 rc;

	if (write_upload(path, sizeof(path), png, len) != 0)
		return -1;
	rc = file_store_copy(cfg, path, "background.png",
	    FILE_TEMPLATE_BACKGROUND, f, err, sizeof(err));
	unlink(path);
	return rc;
}

static long long
count_audit(long long id, const char *action)
{
	struct db_res	*res;
	long long	 n = -1;

	if (db_query(db, &res, "SELECT COUNT(*) FROM audit_log WHERE "
	    "target_type = 'certificate_template' AND target_id = ? AND "
	    "action = ?", "ls", id, action) != DB_OK)
		return -1;
	if (db_next(res) == 1)
		n = db_int(res, 0);
	db_res_free(res);
	return n;
}

static void
test_templates(void)
{
	struct cert_template	 t, got, dup;
	struct stored_file	 first, second;
	unsigned char		 png[256];
	char			 old[101];
	size_t			 len = make_png(png, 1, 1);
	int			 w, h, files;

	cert_template_page_tenths(CERT_PAGE_LETTER, CERT_LANDSCAPE, &w, &h);
	is_int(w, 2794, "Letter landscape is 279.4 mm wide");
	is_int(h, 2159, "Letter landscape is 215.9 mm high");
	cert_template_page_tenths(CERT_PAGE_A4, CERT_PORTRAIT, &w, &h);
	is_int(w, 2100, "A4 portrait is 210 mm wide");

	cert_template_defaults(&t);
	snprintf(t.name, sizeof(t.name), "Diplôme %s", suffix);
	t.boxes[CERT_FIELD_CREDIT_HOURS].x = 1234;
	t.boxes[CERT_FIELD_CREDIT_HOURS].font_size = 105;
	is_int(stage(&first, png, len), 0, "first background copied");
	files = count_stored();
	is_int(cert_template_save(db, &t, &first, 0, 0, 0, old, sizeof(old)),
	    DB_OK, "template with background saved");
	ok(t.id > 0, "template id set");
	is_int(t.background_id, first.id, "background row inserted with it");
	is_int(count_audit(t.id, "template_create"), 1, "creation audited");

	is_int(cert_template_get(db, t.id, &got), DB_OK, "template loads");
	is_str(got.name, t.name, "name kept byte for byte");
	is_int(got.orientation, CERT_LANDSCAPE, "orientation kept");
	is_int(got.boxes[CERT_FIELD_CREDIT_HOURS].x, 1234,
	    "x 123.4 mm kept exactly");
	is_int(got.boxes[CERT_FIELD_CREDIT_HOURS].font_size, 105,
	    "font size 10.5 pt kept exactly");
	is_int(got.boxes[CERT_FIELD_VERIFICATION_CODE].align,
	    CERT_ALIGN_RIGHT, "alignment kept");

	/* A duplicate name rolls back the background row as well. */
	cert_template_defaults(&dup);
	snprintf(dup.name, sizeof(dup.name), "DIPLÔME %s", suffix);
	is_int(stage(&second, png, len), 0, "second background copied");
	is_int(cert_template_save(db, &dup, &second, 0, 0, 0, old,
	    sizeof(old)), DB_DUPLICATE, "name differing in case: duplicate");
	is_int(count_rows(second.storage_name), 0,
	    "no files row left by the duplicate");
	is_int(dup.id, 0, "duplicate keeps id 0");

	/* Replacing the background deletes the old row and names the old
	 * copy for removal. */
	got.page_size = CERT_PAGE_LETTER;
	is_int(cert_template_save(db, &got, &second, 0, 0, 0, old,
	    sizeof(old)), DB_OK, "background replaced");
	is_str(old, first.storage_name, "old copy named for removal");
	is_int(file_get(db, first.id, &first), 1, "old files row deleted");
	file_remove_copy(cfg, old);
	is_int(count_stored(), files, "old copy removed, new one kept");
	ok(count_audit(t.id, "template_update") == 1, "update audited");

	is_int(cert_template_save(db, &got, NULL, 1, 0, 0, old, sizeof(old)),
	    DB_OK, "background removed");
	is_str(old, second.storage_name, "removed copy named");
	is_int(got.background_id, 0, "no background any more");
	file_remove_copy(cfg, old);

	got.id = t.id + 1000000;
	is_int(cert_template_save(db, &got, NULL, 0, 0, 0, old, sizeof(old)),
	    1, "update of an unknown template: 1");
}

int
main(void)
{
	const char	*path = getenv("LAUREL_TEST_CONFIG");
	char		 err[256], storage[1024];

	test_png();
	test_jpeg();
	test_other_content();

	if (path == NULL) {
		printf("Bail out! LAUREL_TEST_CONFIG is not set\n");
		return 1;
	}
	if ((cfg = config_load(path, err, sizeof(err))) == NULL) {
		printf("Bail out! %s\n", err);
		return 1;
	}
	auth_init();
	db_library_init();
	clock_init("UTC");
	db = db_open(cfg);
	if (db_connect(db) != DB_OK) {
		printf("Bail out! cannot connect: %s\n", db_error(db));
		return 1;
	}
	auth_random_password(suffix, 8);

	/* A storage folder of this test alone, so counting its files is
	 * exact while other tests upload to the stack's folder. */
	snprintf(storage, sizeof(storage), "%s/test-files.XXXXXX",
	    cfg->server_tmp_dir);
	if (mkdtemp(storage) == NULL) {
		printf("Bail out! cannot create %s\n", storage);
		return 1;
	}
	free(cfg->storage_dir);
	cfg->storage_dir = strdup(storage);

	test_store();
	test_templates();

	rmdir(storage);
	db_close(db);
	config_free(cfg);
	return tap_done();
}
