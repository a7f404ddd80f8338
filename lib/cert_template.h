/*
 * Certificate templates: the page size and orientation of a certificate,
 * its background image, and where each printed field goes.
 *
 * Lengths are whole tenths of a millimetre and font sizes whole tenths of
 * a point, matching the DECIMAL(…,1) columns, so no value is rounded on
 * its way to the database and back.
 */
#ifndef LAUREL_CERT_TEMPLATE_H
#define LAUREL_CERT_TEMPLATE_H

#include <stddef.h>

struct config;
struct db;
struct listing;
struct stored_file;

#define CERT_TEMPLATE_NAME_MAX	150	/* characters */

/* The largest position or size of a box accepted, in tenths of a
 * millimetre (432 mm).  On A4 and Letter pages the check that a box fits
 * on the page is the tighter limit. */
#define CERT_TEMPLATE_LENGTH_MAX	4320
#define CERT_TEMPLATE_FONT_MIN		60	/* tenths of a point */
#define CERT_TEMPLATE_FONT_MAX		960

enum cert_page_size {
	CERT_PAGE_A4,
	CERT_PAGE_LETTER
};

enum cert_orientation {
	CERT_PORTRAIT,
	CERT_LANDSCAPE
};

enum cert_align {
	CERT_ALIGN_LEFT,
	CERT_ALIGN_CENTER,
	CERT_ALIGN_RIGHT
};

/* The printed fields, in the order the form shows them. */
enum cert_field {
	CERT_FIELD_LEARNER_NAME,
	CERT_FIELD_CERTIFICATE_NAME,
	CERT_FIELD_COMPLETED_ON,
	CERT_FIELD_EXPIRES_ON,
	CERT_FIELD_CERTIFICATE_NUMBER,
	CERT_FIELD_CREDIT_HOURS,
	CERT_FIELD_VERIFICATION_CODE,
	CERT_FIELD_COUNT
};

/* Names as the database and the form write them, NULL-terminated lists
 * indexed by the enums above. */
extern const char *const cert_page_size_names[];	/* "A4", "Letter" */
extern const char *const cert_orientation_names[];
extern const char *const cert_align_names[];
extern const char *const cert_field_names[];	/* "learner_name", … */

/* One field's box, from the top left corner of the page. */
struct cert_box {
	int	 x, y, width, height;	/* tenths of a millimetre */
	int	 font_size;		/* tenths of a point */
	int	 align;			/* enum cert_align */
};

struct cert_template {
	long long	 id;		/* 0 for a new template */
	char		 name[CERT_TEMPLATE_NAME_MAX * 4 + 1];
	int		 page_size;	/* enum cert_page_size */
	int		 orientation;	/* enum cert_orientation */
	long long	 background_id;	/* files.id, 0 for none */
	char		 background_name[256 * 4];	/* as uploaded */
	long long	 certifications;	/* certifications using it */
	char		 updated_at[27];
	struct cert_box	 boxes[CERT_FIELD_COUNT];
};

/* Sort keys of cert_template_list, in the order of its sort field. */
#define CERT_TEMPLATE_SORT_KEYS	{ "name", "updated", NULL }

/* Sets t to a new A4 landscape template with every field centred. */
void	 cert_template_defaults(struct cert_template *t);

/* Sets *width and *height to the page's size in tenths of a millimetre:
 * A4 is 210 × 297 mm and Letter 215.9 × 279.4 mm, swapped for landscape. */
void	 cert_template_page_tenths(int page_size, int orientation,
	    int *width, int *height);

/*
 * Lists one page of templates whose name starts with the search text and
 * the letter, without their boxes.  *out (freed by the caller) receives
 * up to l->limit rows.
 */
int	 cert_template_list(struct db *, const struct listing *l,
	    struct cert_template **out, size_t *n);

/* Lists every template by name, without boxes, for choosing one; *out is
 * freed by the caller. */
int	 cert_template_all(struct db *, struct cert_template **out,
	    size_t *n);

/* Loads a template with its boxes.  Returns DB_OK, 1 when there is no
 * such template, or a db_status. */
int	 cert_template_get(struct db *, long long id, struct cert_template *);

/*
 * Inserts (id 0) or updates a template with its seven boxes and records
 * it in the audit log, in one transaction.  new_background, when not
 * NULL, is a file copied by file_store_copy, and its row is inserted in
 * the same transaction.  Without one, remove_background 1 drops the old
 * background and 0 keeps it.  A replaced or dropped background's row is
 * deleted too.
 *
 * Returns DB_OK with t->id set, DB_DUPLICATE when another template has
 * the name, 1 when the template to update does not exist, or a db_status.
 * On DB_OK, *old_storage (at least 101 bytes) contains the storage name of
 * the background that no row names any more, or "", for the caller to
 * remove with file_remove_copy.
 */
int	 cert_template_save(struct db *, struct cert_template *t,
	    struct stored_file *new_background, int remove_background,
	    long long actor_id, long long impersonator_id,
	    char *old_storage, size_t old_storage_sz);

#endif
