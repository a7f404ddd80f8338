#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "clock.h"
#include "conf.h"
#include "db.h"
#include "files.h"
#include "log.h"
#include "str.h"

#define KIB	1024LL
#define MIB	(1024LL * 1024)

/* Limits of each purpose.  The size limits keep certificate PDFs small,
 * and the pixel limits bound the memory that decoding an image takes.
 * Course documents stay under the 10 MB request body limit of the default
 * configuration (Limits.BodyBytes), so the user sees this module's
 * message rather than nginx's 413 page for most files that are too big. */
struct file_limits {
	const char	*purpose;	/* the files table's name */
	const char	*plural;	/* for messages */
	const char	*kind;		/* for messages: what to choose */
	long long	 max_bytes;
	int		 max_width, max_height;
};

static const struct file_limits limits[] = {
	[FILE_TEMPLATE_BACKGROUND] = { "template_background",
	    "template backgrounds", "a PNG or JPEG image", 5 * MIB, 6000,
	    6000 },
	[FILE_CERTIFICATION_IMAGE] = { "certification_image",
	    "certification images", "a PNG or JPEG image", 2 * MIB, 2000,
	    2000 },
	[FILE_CERTIFICATION_ICON] = { "certification_icon",
	    "certification icons", "a PNG or JPEG image", 512 * KIB, 512,
	    512 },
	[FILE_COURSE_DOCUMENT] = { "course_document",
	    "course documents", "a PDF document", 8 * MIB, 0, 0 },
};

#define MSG_NOT_IMAGE \
	"The file is not a PNG or JPEG image. Save it as PNG or JPEG and " \
	"upload it again."
#define MSG_NOT_PDF \
	"The file is not a PDF document. Save or export it as PDF and " \
	"upload it again."

/* ISO 32000-1 puts the "%%EOF" marker on the last line of a PDF, but
 * Adobe's readers accept it anywhere in the last 1024 bytes, and so does
 * this check. */
#define PDF_EOF_WINDOW	1024

const char *
file_purpose_name(enum file_purpose p)
{
	return limits[p].purpose;
}

static unsigned long
be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	    (unsigned long)p[2] << 8 | p[3];
}

static unsigned int
be16(const unsigned char *p)
{
	return (unsigned int)p[0] << 8 | p[1];
}

static int
damaged(const char *kind, char *err, size_t errsz)
{
	snprintf(err, errsz, "The file looks like a %s image but is "
	    "incomplete or damaged. Export it again and upload the new file.",
	    kind);
	return 1;
}

/* Returns 1 when the IHDR fields are a combination that PNG defines. */
static int
png_header_valid(const unsigned char *ihdr)
{
	unsigned int	 depth = ihdr[8], color = ihdr[9];

	if (ihdr[10] != 0 || ihdr[11] != 0 || ihdr[12] > 1)
		return 0;
	switch (color) {
	case 0:		/* greyscale */
		return depth == 1 || depth == 2 || depth == 4 || depth == 8 ||
		    depth == 16;
	case 3:		/* palette */
		return depth == 1 || depth == 2 || depth == 4 || depth == 8;
	case 2:		/* RGB */
	case 4:		/* greyscale with alpha */
	case 6:		/* RGB with alpha */
		return depth == 8 || depth == 16;
	default:
		return 0;
	}
}

/*
 * Walks the chunks of a PNG from the signature to IEND: the first chunk
 * must be IHDR, at least one IDAT must follow, and every chunk must fit in
 * the file, so a cut-off upload is rejected.
 * NOTE: chunk CRCs and the compressed pixel data are not checked, so a
 * file damaged inside its IDAT data passes here and fails when a
 * certificate is drawn.
 */
static int
check_png(const unsigned char *p, size_t len, struct stored_file *out,
    char *err, size_t errsz)
{
	size_t		 pos = 8;
	unsigned long	 chunk_len, width, height;
	int		 idat = 0;

	if (len < 8 + 8 + 13 + 4 || be32(p + 8) != 13 ||
	    memcmp(p + 12, "IHDR", 4) != 0)
		return damaged("PNG", err, errsz);
	width = be32(p + 16);
	height = be32(p + 20);
	if (width == 0 || height == 0 || width > INT_MAX || height > INT_MAX ||
	    !png_header_valid(p + 16))
		return damaged("PNG", err, errsz);

	for (;;) {
		if (len - pos < 12)
			return damaged("PNG", err, errsz);
		chunk_len = be32(p + pos);
		if (chunk_len > INT_MAX || chunk_len > len - pos - 12)
			return damaged("PNG", err, errsz);
		if (memcmp(p + pos + 4, "IDAT", 4) == 0)
			idat = 1;
		if (memcmp(p + pos + 4, "IEND", 4) == 0)
			break;
		pos += 12 + chunk_len;
	}
	if (!idat)
		return damaged("PNG", err, errsz);
	str_copy(out->content_type, "image/png", sizeof(out->content_type));
	out->width = (int)width;
	out->height = (int)height;
	return 0;
}

/* Returns 1 for the start-of-frame markers of codings other than
 * baseline, extended and progressive Huffman (SOF0, SOF1, SOF2). */
static int
jpeg_other_sof(unsigned int marker)
{
	return marker == 0xc3 || (marker >= 0xc5 && marker <= 0xc7) ||
	    (marker >= 0xc9 && marker <= 0xcb) ||
	    (marker >= 0xcd && marker <= 0xcf);
}

/*
 * Walks the marker segments of a JPEG from SOI to the first SOS, taking
 * the dimensions from SOF0, SOF1 or SOF2, then looks for the EOI marker
 * after the scan data, so a cut-off upload is rejected.
 */
static int
check_jpeg(const unsigned char *p, size_t len, struct stored_file *out,
    char *err, size_t errsz)
{
	size_t		 pos = 2, segment_len;
	unsigned int	 marker, width = 0, height = 0;

	for (;;) {
		if (pos >= len || p[pos] != 0xff)
			return damaged("JPEG", err, errsz);
		while (pos < len && p[pos] == 0xff)	/* fill bytes */
			pos++;
		if (pos >= len)
			return damaged("JPEG", err, errsz);
		marker = p[pos++];
		if ((marker >= 0xd0 && marker <= 0xd7) || marker == 0x01)
			continue;	/* markers without a length */
		if (marker == 0x00 || marker == 0xd8 || marker == 0xd9 ||
		    len - pos < 2)
			return damaged("JPEG", err, errsz);
		segment_len = be16(p + pos);
		if (segment_len < 2 || segment_len > len - pos)
			return damaged("JPEG", err, errsz);
		if (marker == 0xc0 || marker == 0xc1 || marker == 0xc2) {
			if (segment_len < 8)
				return damaged("JPEG", err, errsz);
			height = be16(p + pos + 3);
			width = be16(p + pos + 5);
			/* A height of 0 defers it to a DNL marker, which
			 * few decoders support. */
			if (width == 0 || height == 0)
				return damaged("JPEG", err, errsz);
		} else if (jpeg_other_sof(marker)) {
			snprintf(err, errsz, "The JPEG image uses a lossless "
			    "or arithmetic coding that certificates cannot "
			    "show. Save it again as a standard JPEG.");
			return 1;
		}
		pos += segment_len;
		if (marker == 0xda)
			break;
	}
	if (width == 0)
		return damaged("JPEG", err, errsz);
	for (; pos + 1 < len; pos++)
		if (p[pos] == 0xff && p[pos + 1] == 0xd9)
			break;
	if (pos + 1 >= len)
		return damaged("JPEG", err, errsz);
	str_copy(out->content_type, "image/jpeg", sizeof(out->content_type));
	out->width = (int)width;
	out->height = (int)height;
	return 0;
}

/* Writes a size in the unit of the limit it is compared with, rounded up
 * so that a file just over "5 MB" never reads as "5.0 MB". */
static void
format_size(long long bytes, long long limit, char *out, size_t outsz)
{
	if (limit >= MIB)
		snprintf(out, outsz, "%lld.%lld MB",
		    (bytes * 10 + MIB - 1) / MIB / 10,
		    (bytes * 10 + MIB - 1) / MIB % 10);
	else
		snprintf(out, outsz, "%lld KB", (bytes + KIB - 1) / KIB);
}

static void
format_limit(long long limit, char *out, size_t outsz)
{
	if (limit >= MIB)
		snprintf(out, outsz, "%lld MB", limit / MIB);
	else
		snprintf(out, outsz, "%lld KB", limit / KIB);
}

/* Returns 0 when size is within the purpose's limit, else 1 with a
 * message. */
static int
check_size(long long size, const struct file_limits *lim, char *err,
    size_t errsz)
{
	char	 got[32], max[32];

	if (size == 0) {
		snprintf(err, errsz, "The file is empty. Choose %s.",
		    lim->kind);
		return 1;
	}
	if (size <= lim->max_bytes)
		return 0;
	format_size(size, lim->max_bytes, got, sizeof(got));
	format_limit(lim->max_bytes, max, sizeof(max));
	snprintf(err, errsz, "The file is %s, but %s can be at most %s. "
	    "Make it smaller and upload it again.", got, lim->plural, max);
	return 1;
}

int
file_check_image(const unsigned char *data, size_t len,
    enum file_purpose purpose, struct stored_file *out, char *err,
    size_t errsz)
{
	static const unsigned char	 png_sig[8] = { 0x89, 'P', 'N', 'G',
					    '\r', '\n', 0x1a, '\n' };
	const struct file_limits	*lim = &limits[purpose];
	int				 rc;

	if (check_size((long long)len, lim, err, errsz) != 0)
		return 1;
	if (len >= 8 && memcmp(data, png_sig, 8) == 0)
		rc = check_png(data, len, out, err, errsz);
	else if (len >= 3 && data[0] == 0xff && data[1] == 0xd8 &&
	    data[2] == 0xff)
		rc = check_jpeg(data, len, out, err, errsz);
	else {
		snprintf(err, errsz, "%s", MSG_NOT_IMAGE);
		return 1;
	}
	if (rc != 0)
		return rc;

	if (out->width > lim->max_width || out->height > lim->max_height) {
		snprintf(err, errsz, "The image is %d × %d pixels, but %s can "
		    "be at most %d × %d pixels. Scale it down and upload it "
		    "again.", out->width, out->height, lim->plural,
		    lim->max_width, lim->max_height);
		return 1;
	}
	out->size_bytes = (long long)len;
	out->purpose = purpose;
	return 0;
}

/*
 * Checks a PDF by its header ("%PDF-" and a version such as 1.7 at the
 * start) and its "%%EOF" marker near the end, so a file of another type
 * renamed to .pdf, or a cut-off upload, is rejected.
 * NOTE: the objects and cross-reference table between are not parsed, so
 * a PDF damaged in the middle passes here and fails in the reader.
 */
static int
check_pdf(const unsigned char *p, size_t len, struct stored_file *out,
    char *err, size_t errsz)
{
	size_t	 i, first;

	if (len < 8 || memcmp(p, "%PDF-", 5) != 0 ||
	    (p[5] != '1' && p[5] != '2') || p[6] != '.' || p[7] < '0' ||
	    p[7] > '9') {
		snprintf(err, errsz, "%s", MSG_NOT_PDF);
		return 1;
	}
	first = len > PDF_EOF_WINDOW ? len - PDF_EOF_WINDOW : 0;
	for (i = len - 5; memcmp(p + i, "%%EOF", 5) != 0; i--) {
		if (i == first) {
			snprintf(err, errsz, "The file looks like a PDF "
			    "document but is incomplete or damaged. Export it "
			    "again and upload the new file.");
			return 1;
		}
	}
	str_copy(out->content_type, "application/pdf",
	    sizeof(out->content_type));
	out->width = 0;
	out->height = 0;
	out->size_bytes = (long long)len;
	out->purpose = FILE_COURSE_DOCUMENT;
	return 0;
}

/* Checks data for the purpose: a PDF for course documents, else an
 * image. */
static int
check_content(const unsigned char *data, size_t len,
    enum file_purpose purpose, struct stored_file *out, char *err,
    size_t errsz)
{
	if (purpose != FILE_COURSE_DOCUMENT)
		return file_check_image(data, len, purpose, out, err, errsz);
	if (check_size((long long)len, &limits[purpose], err, errsz) != 0)
		return 1;
	return check_pdf(data, len, out, err, errsz);
}

/*
 * Reads the upload at path into memory after checking its size against
 * the purpose's limit, so the bytes checked are the bytes stored.
 * Returns 0 with *data (freed by the caller) and *len set, 1 with a
 * message, or -1 after logging.
 */
static int
read_upload(const char *path, const struct file_limits *lim,
    unsigned char **data, size_t *len, char *err, size_t errsz)
{
	struct stat	 st;
	unsigned char	*buf = NULL;
	size_t		 got = 0;
	ssize_t		 n;
	int		 fd, rc = -1;

	*data = NULL;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		log_error("failed to open the upload %s: %s", path,
		    strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		log_error("failed to read the upload %s: not a regular file",
		    path);
		goto out;
	}
	if ((rc = check_size((long long)st.st_size, lim, err, errsz)) != 0)
		goto out;
	rc = -1;
	if ((buf = malloc((size_t)st.st_size)) == NULL)
		goto out;
	while (got < (size_t)st.st_size) {
		n = read(fd, buf + got, (size_t)st.st_size - got);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0) {
			log_error("failed to read the upload %s: %s", path,
			    n == 0 ? "it became shorter" : strerror(errno));
			goto out;
		}
		got += (size_t)n;
	}
	*data = buf;
	*len = got;
	buf = NULL;
	rc = 0;
out:
	free(buf);
	close(fd);
	return rc;
}

int
file_check_upload(const char *path, enum file_purpose purpose,
    struct stored_file *out, char *err, size_t errsz)
{
	unsigned char	*data;
	size_t		 len;
	int		 rc;

	memset(out, 0, sizeof(*out));
	rc = read_upload(path, &limits[purpose], &data, &len, err, errsz);
	if (rc != 0)
		return rc;
	rc = check_content(data, len, purpose, out, err, errsz);
	free(data);
	return rc;
}

static int
write_all(int fd, const unsigned char *p, size_t len)
{
	ssize_t	 n;

	while (len > 0) {
		n = write(fd, p, len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Flushes the directory entry of a rename to disk. */
static void
sync_dir(const char *dir)
{
	int	 fd;

	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
		return;
	if (fsync(fd) == -1)
		log_warn("failed to sync the folder %s: %s", dir,
		    strerror(errno));
	close(fd);
}

int
file_output_open(const char *dir, const char *name, struct file_output *o)
{
	int	 n;

	memset(o, 0, sizeof(*o));
	o->fd = -1;
	n = snprintf(o->final, sizeof(o->final), "%s/%s", dir, name);
	if (n < 0 || (size_t)n >= sizeof(o->final) ||
	    snprintf(o->dir, sizeof(o->dir), "%s", dir) >=
	    (int)sizeof(o->dir) ||
	    snprintf(o->tmp, sizeof(o->tmp), "%s/.%s.%ld.tmp", dir, name,
	    (long)getpid()) >= (int)sizeof(o->tmp)) {
		log_error("Storage.Dir path too long: %s", dir);
		return -1;
	}
	/* A file of the same name is left over from a process with this
	 * pid that died while writing it. */
	o->fd = open(o->tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (o->fd == -1) {
		log_error("failed to create %s: %s", o->tmp, strerror(errno));
		return -1;
	}
	return 0;
}

int
file_output_publish(struct file_output *o)
{
	if (o->fd == -1 &&
	    (o->fd = open(o->tmp, O_RDONLY | O_CLOEXEC)) == -1) {
		log_error("failed to open %s: %s", o->tmp, strerror(errno));
		return -1;
	}
	if (fsync(o->fd) == -1) {
		log_error("failed to write %s: %s", o->tmp, strerror(errno));
		file_output_abort(o);
		return -1;
	}
	if (close(o->fd) == -1 || rename(o->tmp, o->final) == -1) {
		o->fd = -1;
		log_error("failed to rename to %s: %s", o->final,
		    strerror(errno));
		file_output_abort(o);
		return -1;
	}
	o->fd = -1;
	sync_dir(o->dir);
	return 0;
}

void
file_output_abort(struct file_output *o)
{
	if (o->fd != -1)
		close(o->fd);
	o->fd = -1;
	if (o->tmp[0] != '\0')
		unlink(o->tmp);
}

/*
 * Writes data to dir/name through a temporary name in the same folder,
 * synced and then renamed, so nginx never serves a half-written file.
 */
static int
write_stored(const char *dir, const char *name, const unsigned char *data,
    size_t len)
{
	struct file_output	 o;

	if (file_output_open(dir, name, &o) == -1)
		return -1;
	if (write_all(o.fd, data, len) == -1) {
		log_error("failed to write %s: %s", o.tmp, strerror(errno));
		file_output_abort(&o);
		return -1;
	}
	return file_output_publish(&o);
}

/* Copies at most 255 characters of a UTF-8 name (the files column's
 * length), cutting only between characters. */
static void
copy_original_name(char *dst, size_t dstsz, const char *src)
{
	size_t	 i, chars = 0;

	for (i = 0; src[i] != '\0' && i + 1 < dstsz; i++) {
		if (((unsigned char)src[i] & 0xc0) != 0x80 && ++chars > 255)
			break;
		dst[i] = src[i];
	}
	dst[i] = '\0';
}

int
file_store_copy(const struct config *cfg, const char *path,
    const char *original_name, enum file_purpose purpose,
    struct stored_file *out, char *err, size_t errsz)
{
	unsigned char	*data;
	unsigned char	 raw[16];
	char		 hex[sizeof(raw) * 2 + 1];
	size_t		 len;
	int		 rc;

	memset(out, 0, sizeof(*out));
	rc = read_upload(path, &limits[purpose], &data, &len, err, errsz);
	if (rc != 0)
		return rc;
	if ((rc = check_content(data, len, purpose, out, err, errsz)) != 0) {
		free(data);
		return rc;
	}

	/* 128 random bits: names cannot be guessed or collide. */
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(hex, sizeof(hex), raw, sizeof(raw));
	snprintf(out->storage_name, sizeof(out->storage_name), "%s%s", hex,
	    strcmp(out->content_type, "image/png") == 0 ? ".png" :
	    strcmp(out->content_type, "application/pdf") == 0 ? ".pdf" :
	    ".jpg");
	copy_original_name(out->original_name, sizeof(out->original_name),
	    original_name);
	rc = write_stored(cfg->storage_dir, out->storage_name, data, len);
	free(data);
	return rc;
}

int
file_insert(struct db *db, struct stored_file *f, long long uploaded_by)
{
	char	 now[27], by[24];
	int	 rc;

	/* The id goes in as text so that 0 can bind SQL NULL. */
	snprintf(by, sizeof(by), "%lld", uploaded_by);
	clock_format_sql(clock_now(), now);
	rc = db_exec(db, "INSERT INTO files (storage_name, purpose, "
	    "content_type, size_bytes, width, height, original_name, "
	    "uploaded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
	    "sssliisss", f->storage_name, file_purpose_name(f->purpose),
	    f->content_type, f->size_bytes, f->width, f->height,
	    f->original_name, uploaded_by ? by : NULL, now);
	if (rc == DB_OK)
		f->id = (long long)db_insert_id(db);
	return rc;
}

int
file_delete(struct db *db, long long id)
{
	return db_exec(db, "DELETE FROM files WHERE id = ?", "l", id);
}

void
file_remove_copy(const struct config *cfg, const char *storage_name)
{
	char	 path[PATH_MAX];
	int	 n;

	n = snprintf(path, sizeof(path), "%s/%s", cfg->storage_dir,
	    storage_name);
	if (n < 0 || (size_t)n >= sizeof(path) || storage_name[0] == '\0')
		return;
	if (unlink(path) == -1 && errno != ENOENT)
		log_error("failed to remove %s: %s", path, strerror(errno));
}

int
file_store_image(struct db *db, const struct config *cfg, const char *path,
    const char *original_name, enum file_purpose purpose,
    long long uploaded_by, struct stored_file *out, char *err, size_t errsz)
{
	int	 rc;

	rc = file_store_copy(cfg, path, original_name, purpose, out, err,
	    errsz);
	if (rc == -1)
		return DB_ERROR;
	if (rc != 0)
		return rc;
	rc = file_insert(db, out, uploaded_by);
	/* After a connection lost during the insert the row may exist, and
	 * a file it names must stay. */
	if (rc != DB_OK && rc != DB_GONE)
		file_remove_copy(cfg, out->storage_name);
	return rc;
}

int
file_get(struct db *db, long long id, struct stored_file *f)
{
	struct db_res	*res;
	const char	*purpose;
	int		 rc, i;

	rc = db_query(db, &res, "SELECT id, storage_name, purpose, "
	    "content_type, size_bytes, width, height, original_name "
	    "FROM files WHERE id = ?", "l", id);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_next(res)) == 1) {
		memset(f, 0, sizeof(*f));
		f->id = db_int(res, 0);
		str_copy(f->storage_name, db_str(res, 1),
		    sizeof(f->storage_name));
		purpose = db_str(res, 2);
		for (i = 0; i < (int)(sizeof(limits) / sizeof(limits[0])); i++)
			if (strcmp(purpose, limits[i].purpose) == 0)
				f->purpose = (enum file_purpose)i;
		str_copy(f->content_type, db_str(res, 3),
		    sizeof(f->content_type));
		f->size_bytes = db_int(res, 4);
		f->width = (int)db_int(res, 5);
		f->height = (int)db_int(res, 6);
		str_copy(f->original_name, db_str(res, 7),
		    sizeof(f->original_name));
	}
	db_res_free(res);
	if (rc == 1)
		return DB_OK;
	return rc == 0 ? 1 : rc;
}
