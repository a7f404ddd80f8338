/*
 * Uploaded files (certificate template backgrounds, certification images
 * and icons): checked by content, stored in Storage.Dir under names the
 * server makes, recorded in the files table.
 */
#ifndef LAUREL_FILES_H
#define LAUREL_FILES_H

#include <stddef.h>
#include <sys/types.h>

struct config;
struct db;

enum file_purpose {
	FILE_TEMPLATE_BACKGROUND,
	FILE_CERTIFICATION_IMAGE,
	FILE_CERTIFICATION_ICON
};

struct stored_file {
	long long	 id;
	char		 storage_name[101];
	char		 content_type[51];	/* image/png or image/jpeg */
	long long	 size_bytes;
	int		 width, height;
	char		 original_name[256 * 4];
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

/* Loads a file's row; DB_OK, 1 when there is none, or a db_status. */
int	 file_get(struct db *, long long id, struct stored_file *);

#endif
