/*
 * Uploaded files (certificate template backgrounds, certification images
 * and icons, course documents): checked by content, stored in Storage.Dir
 * under names the server makes, recorded in the files table.
 */
#ifndef LAUREL_FILES_H
#define LAUREL_FILES_H

#include <stddef.h>
#include <limits.h>
#include <sys/types.h>

struct config;
struct db;

enum file_purpose {
	FILE_TEMPLATE_BACKGROUND,
	FILE_CERTIFICATION_IMAGE,
	FILE_CERTIFICATION_ICON,
	FILE_COURSE_DOCUMENT		/* a PDF, the only purpose that is
					   not an image */
};

struct stored_file {
	long long	 id;
	char		 storage_name[101];
	char		 content_type[51];	/* image/png, image/jpeg or
						   application/pdf */
	long long	 size_bytes;
	int		 width, height;		/* 0 for a PDF */
	char		 original_name[256 * 4];
	enum file_purpose purpose;
};

/*
 * Checks the temporary upload at path by its content (PNG or JPEG
 * signature and header, not the name), its size and pixel dimensions for
 * the purpose, then copies it into Storage.Dir under a new random name
 * (written to a temporary name, synced and renamed) and inserts its row.
 * Returns DB_OK with *out filled, 1 with a message for the user in err
 * when the file is not acceptable (e.g. "The file is not a PNG or JPEG
 * image."), or a negative db_status.
 */
int	 file_store_image(struct db *, const struct config *, const char *path,
	    const char *original_name, enum file_purpose,
	    long long uploaded_by, struct stored_file *out, char *err,
	    size_t errsz);

/*
 * A file written under a temporary name in its folder and renamed into
 * place once complete and synced, so a half-written file is never served
 * under its final name:
 *
 *   file_output_open     creates dir/.NAME.PID.tmp and opens it as fd
 *   file_output_publish  syncs and closes it (reopening it when the
 *                        caller closed fd and set it to -1 to let another
 *                        library write the path), renames it to dir/NAME
 *                        and syncs the folder
 *   file_output_abort    closes and removes the temporary file
 *
 * Each returns 0 or -1 (logged); publish removes the file when it fails.
 */
struct file_output {
	char	 dir[PATH_MAX];
	char	 tmp[PATH_MAX];
	char	 final[PATH_MAX];
	int	 fd;
};

int	 file_output_open(const char *dir, const char *name,
	    struct file_output *);
int	 file_output_publish(struct file_output *);
void	 file_output_abort(struct file_output *);

/* Loads a file's row; DB_OK, 1 when there is none, or a db_status. */
int	 file_get(struct db *, long long id, struct stored_file *);

/*
 * The steps of file_store_image, for callers that insert the row in a
 * transaction of their own and publish the file only after COMMIT:
 *
 *   file_store_copy      checks and copies into Storage.Dir before the
 *                        transaction, because db_txn may run its
 *                        function several times
 *   file_insert          inserts the row inside the transaction
 *   file_remove_copy     removes the copy when the transaction failed
 */

/*
 * Checks an image held in memory for the purpose, as file_store_image
 * does.  Returns 0 with content_type, size_bytes, width and height of out
 * set, or 1 with a message for the user in err.
 */
int	 file_check_image(const unsigned char *data, size_t len,
	    enum file_purpose, struct stored_file *out, char *err,
	    size_t errsz);

/*
 * Checks the upload at path for the purpose without storing it, so a form
 * can report every invalid field at once.  Images are checked as
 * file_check_image does.  A FILE_COURSE_DOCUMENT must be a PDF, with the
 * "%PDF-" header at the start and "%%EOF" in the last 1024 bytes.
 * Returns 0 with content_type,
 * size_bytes, width and height of out set, 1 with a message for the user
 * in err, or -1 after logging a system error.
 */
int	 file_check_upload(const char *path, enum file_purpose,
	    struct stored_file *out, char *err, size_t errsz);

/*
 * Checks the upload at path as file_check_upload does and copies it into
 * Storage.Dir under a new random name, without touching the database.
 * Fills every field of out but id.  Returns 0, 1 with a message for the user in err, or -1 after
 * logging a system error.
 */
int	 file_store_copy(const struct config *, const char *path,
	    const char *original_name, enum file_purpose,
	    struct stored_file *out, char *err, size_t errsz);

/* Inserts the row of a file copied by file_store_copy and sets f->id;
 * runs in the caller's transaction, if any.  Returns a db_status. */
int	 file_insert(struct db *, struct stored_file *f, long long uploaded_by);

/* Deletes a file's row; runs in the caller's transaction.  The stored
 * copy stays until file_remove_copy, after COMMIT.  Returns a db_status. */
int	 file_delete(struct db *, long long id);

/* Removes a stored copy from Storage.Dir; logs a failure other than "no
 * such file". */
void	 file_remove_copy(const struct config *, const char *storage_name);

/* Returns the purpose as the files table writes it, such as
 * "template_background". */
const char *file_purpose_name(enum file_purpose);

#endif
