/*
 * Certifications and course groups.  A family (certification_families)
 * contains what stays across versions: the certificate numbering and the
 * subscriptions of user groups.  Each version is a certifications row
 * with its settings, user types, prices, courses and prerequisites.  Only
 * the newest version of a family can be changed.
 *
 * Positive return values of the functions below are the enum cert_status
 * outcomes a user can act on, and negative ones are enum db_status.
 */
#ifndef LAUREL_CERTIFICATION_H
#define LAUREL_CERTIFICATION_H

#include <stddef.h>

#include "clock.h"

struct db;
struct listing;

#define CERT_NAME_MAX		200	/* characters */
#define CERT_DESC_MAX		5000
#define CERT_EXTERNAL_ID_MAX	50
#define CERT_PREFIX_MAX		30
#define CERT_WIDTH_MAX		12	/* digits of the zero-padded number */
#define CERT_DAYS_MAX		365
#define CERT_EXPIRE_DAYS_MAX	36500	/* 100 years */
#define CERT_NUMBER_MAX		999999999999LL	/* 12 digits */
#define CERT_AMOUNT_MAX		999999999999LL	/* hundredths, DECIMAL(12,2) */
#define CERT_USER_TYPES_MAX	100
#define CERT_PRICES_MAX		30	/* one per currency offered */
#define CERT_ERRORS_MAX		64
#define CERT_OPTION_NAME_MAX	200	/* longest name of a choice */
#define CERT_COURSES_MAX	200
#define CERT_PREREQUISITES_MAX	200

enum cert_status {
	CERT_OK = 0,
	CERT_NOT_FOUND = 1,	/* no such certification, or a version of
				   another family */
	CERT_READ_ONLY,		/* a newer version exists */
	CERT_NEXT_TOO_LOW,	/* next number not above the highest issued */
	CERT_ELECTIVES,		/* more required electives than electives */
	CERT_CYCLE,		/* prerequisites would require themselves */
	CERT_UNKNOWN_CHOICE	/* a course or certification that is gone */
};

/* The enums below index the NULL-terminated key arrays after them, which
 * hold the values stored in the database and sent by forms. */
enum cert_availability {
	CERT_AVAIL_CERTIFICATION,
	CERT_AVAIL_COURSE_GROUP
};
extern const char *const cert_availability_keys[];

enum cert_expiration {
	CERT_EXPIRE_INTERVAL,
	CERT_EXPIRE_PERPETUAL
};
extern const char *const cert_expiration_keys[];

enum cert_number_format {
	CERT_NUMBER_PLAIN,		/* 000042 */
	CERT_NUMBER_PREFIX,		/* CERT-000042 */
	CERT_NUMBER_YEAR,		/* 2026-000042 */
	CERT_NUMBER_EXTERNAL_YEAR_MONTH	/* EXT9202612-000042 */
};
extern const char *const cert_number_format_keys[];

enum cert_rule {
	CERT_RULE_ALL,
	CERT_RULE_ANY
};
extern const char *const cert_rule_keys[];

enum cert_requirement {
	CERT_REQ_REQUIRED,
	CERT_REQ_ELECTIVE,
	CERT_REQ_NONE
};
extern const char *const cert_requirement_keys[];

/* ISO 4217 currencies that prices can be given in, ending with a NULL
 * code. */
struct cert_currency {
	const char	*code;
	const char	*name;
};
extern const struct cert_currency cert_currencies[];

struct cert_price {
	char		 currency[4];	/* ISO 4217 code */
	long long	 amount;	/* hundredths */
	int		 row;		/* form row, for error messages */
};

struct certification {
	long long	 id;		/* 0 for a new certification */
	long long	 family_id;
	int		 version;

	char		 name[CERT_NAME_MAX * 4 + 1];
	char		 description[CERT_DESC_MAX * 4 + 1];
	char		 language_code[17];
	int		 active;
	int		 limit_days;	/* days_to_complete applies */
	int		 days_to_complete;
	enum cert_availability availability;
	long long	 template_id;	/* 0 for none */
	long long	 catalog_id;	/* 0 for none */
	int		 required_electives;
	char		 name_on_certificate[CERT_NAME_MAX * 4 + 1];
	int		 display_individually;
	int		 show_progress_bar;
	enum cert_expiration expiration;
	int		 expire_days;	/* 0 when perpetual */
	int		 provisional;
	char		 external_id[CERT_EXTERNAL_ID_MAX * 4 + 1];
	long long	 image_file_id;	/* 0 for the default image */
	long long	 icon_file_id;
	int		 disable_completion_email;
	int		 priced;
	int		 pay_credit_card;
	int		 pay_purchase_order;
	int		 pay_voucher;
	enum cert_rule	 prerequisite_rule;

	long long	 user_types[CERT_USER_TYPES_MAX];
	size_t		 n_user_types;
	struct cert_price prices[CERT_PRICES_MAX];
	size_t		 n_prices;

	/* Family: certificate numbering, shared by every version. */
	enum cert_number_format number_format;
	char		 number_prefix[CERT_PREFIX_MAX * 4 + 1];
	int		 number_width;
	long long	 start_number;
	long long	 next_number;
	long long	 last_issued_number;	/* read-only here */

	/* Read by cert_get, ignored by cert_save. */
	int		 newest_version;
	long long	 newest_id;
	int		 elective_courses;	/* courses marked Elective */
	char		 created_at[27];
	char		 updated_at[27];
};

/* One invalid field: field is the form field's name, such as "name" or
 * "currency_2", and message a sentence for the user. */
struct cert_error {
	char	 field[32];
	char	 message[512];
};

struct cert_errors {
	struct cert_error items[CERT_ERRORS_MAX];
	size_t		 count;
};

/* A certification version in a list. */
struct cert_row {
	long long	 id;
	long long	 family_id;
	int		 version;
	int		 versions;	/* of its family */
	char		 name[CERT_NAME_MAX * 4 + 1];
	char		 catalog_name[150 * 4 + 1];
	enum cert_availability availability;
	int		 active;
	char		 updated_at[27];
};

/* Filters of cert_list besides the search text and letter. */
struct cert_filter {
	long long	 catalog_id;	/* 0 for any */
	int		 availability;	/* an enum cert_availability, or -1 */
	int		 active;	/* 1, 0, or -1 for any */
	long long	 exclude_family_id;	/* 0 for none */
};

/* Sort keys of cert_list, in the order of its sort field. */
#define CERT_SORT_KEYS	{ "name", "updated", NULL }

/* A choice for a form: a language (code), a certificate template, a
 * user type or a catalog (id). */
struct cert_option {
	long long	 id;
	char		 code[17];
	char		 name[CERT_OPTION_NAME_MAX * 4 + 1];
	int		 active;
};

enum cert_option_kind {
	CERT_OPTION_LANGUAGES,
	CERT_OPTION_TEMPLATES,
	CERT_OPTION_USER_TYPES,
	CERT_OPTION_CATALOGS
};

/* A user group subscribed to a family. */
struct cert_group {
	long long	 id;
	char		 name[150 * 4 + 1];
	int		 auto_enroll;
};

/* A course of a certification version, or one that can be added. */
struct cert_course {
	long long	 course_id;
	char		 code[50 * 4 + 1];
	char		 name[200 * 4 + 1];
	int		 active;
	enum cert_requirement requirement;
	long long	 position;
};

/* Fills c with the settings of a new certification. */
void	 cert_init(struct certification *c);

/*
 * Checks every rule of c that needs no database: required fields,
 * lengths, ranges, the rules between fields, prices and the next number
 * against c->last_issued_number and c->start_number.  Required electives
 * are checked against c->elective_courses.  Appends one error per invalid
 * field to e (after e->count = 0) and returns the number appended.
 */
size_t	 cert_validate(const struct certification *c, struct cert_errors *e);

/*
 * Checks the next number to issue: at least start and above the highest
 * number issued.  Returns 0, or -1 with a sentence for the user in msg.
 */
int	 cert_check_next_number(long long next, long long start,
	    long long last_issued, char *msg, size_t msgsz);

/*
 * Writes the certificate number that number gets under the format on
 * day: the number zero-padded to width digits, after the prefix (prefix
 * format), "YYYY-" (year format) or the external id and "YYYYMM-"
 * (external_year_month format).  Returns 0, or -1 when out is too small
 * (out then contains as much as fits).
 */
int	 cert_number_preview(enum cert_number_format format,
	    const char *prefix, int width, const char *external_id,
	    long long number, day_t day, char *out, size_t outsz);

/*
 * Lists one page of newest versions, one per family, whose name starts
 * with the search text and the letter and that pass the filter.  *out
 * (freed by the caller) receives up to l->limit rows.
 */
int	 cert_list(struct db *, const struct listing *l,
	    const struct cert_filter *f, struct cert_row **out, size_t *n);

/* Loads a version with its family, user types and prices.  Returns
 * DB_OK, CERT_NOT_FOUND or a db_status. */
int	 cert_get(struct db *, long long id, struct certification *c);

/*
 * Inserts (id 0: a new family with version 1) or updates the newest
 * version and its family, with user types and prices, and records the
 * changed fields in the audit log, in one transaction.  Sets c->id,
 * c->family_id and c->version of a new certification.  Returns DB_OK,
 * CERT_NOT_FOUND, CERT_READ_ONLY, CERT_NEXT_TOO_LOW (with
 * c->last_issued_number set to the highest issued number),
 * CERT_ELECTIVES (with c->elective_courses set) or a db_status.
 */
int	 cert_save(struct db *, struct certification *c, long long actor_id,
	    long long impersonator_id);

/*
 * Copies the newest version id, with its user types, courses,
 * prerequisites and prices, to version n + 1 of the family.  Sets
 * *new_id.  Returns DB_OK, CERT_NOT_FOUND, CERT_READ_ONLY (id is not the
 * newest, or another version was made at the same time) or a db_status.
 */
int	 cert_new_version(struct db *, long long id, long long *new_id,
	    long long actor_id, long long impersonator_id);

/* Lists the versions of a family, newest first; *out is freed by the
 * caller. */
int	 cert_versions(struct db *, long long family_id,
	    struct cert_row **out, size_t *n);

/* Lists the user groups subscribed to a family by name; *out is freed by
 * the caller. */
int	 cert_groups(struct db *, long long family_id,
	    struct cert_group **out, size_t *n);

/* Lists the choices of one kind by name; *out is freed by the caller. */
int	 cert_options(struct db *, enum cert_option_kind,
	    struct cert_option **out, size_t *n);

/*
 * Sets the display image (icon 0) or icon (icon 1) of the newest version
 * id to file_id, or back to the default with 0, and records it in the
 * audit log.  Returns DB_OK, CERT_NOT_FOUND, CERT_READ_ONLY or a
 * db_status.
 */
int	 cert_set_image(struct db *, long long id, int icon, long long file_id,
	    long long actor_id, long long impersonator_id);

/* Loads the newest version of a family as a list row.  Returns DB_OK,
 * CERT_NOT_FOUND or a db_status. */
int	 cert_family_newest(struct db *, long long family_id,
	    struct cert_row *r);

/* Lists the prerequisites of version id as the newest versions of the
 * required families, by name; *out is freed by the caller. */
int	 cert_prerequisites(struct db *, long long id, struct cert_row **out,
	    size_t *n);

/*
 * Looks for a cycle that would exist if the newest version of family
 * required the families in required[0..n), following the prerequisites
 * of the newest versions of the other families (a depth-first search).
 * Returns 0 when there is none, a db_status on failure, or 1 when there
 * is one.  Then path contains the families of the cycle, starting and
 * ending with family_id, and *pathlen their count.  A cycle longer than
 * pathmax entries is cut short but still ends with family_id.
 */
int	 cert_find_cycle(struct db *, long long family_id,
	    const long long *required, size_t n, long long *path,
	    size_t *pathlen, size_t pathmax);

/*
 * Replaces the prerequisites of the newest version id with the families
 * in required[0..n) and sets its rule, in one transaction with an audit
 * row.  Returns DB_OK, CERT_NOT_FOUND, CERT_READ_ONLY,
 * CERT_UNKNOWN_CHOICE (a family that does not exist), CERT_CYCLE (with
 * the names of the cycle, "A → B → A", in cycle) or a db_status.
 */
int	 cert_prerequisites_save(struct db *, long long id,
	    const long long *required, size_t n, enum cert_rule rule,
	    char *cycle, size_t cyclesz, long long actor_id,
	    long long impersonator_id);

/* Lists the courses of version id in their order; *out is freed by the
 * caller. */
int	 cert_courses(struct db *, long long id, struct cert_course **out,
	    size_t *n);

/*
 * Lists one page of courses that version id does not have yet, whose
 * code or name starts with the search text, by code.  *out is freed by
 * the caller.
 */
int	 cert_course_candidates(struct db *, long long id,
	    const struct listing *l, struct cert_course **out, size_t *n);

/*
 * Replaces the courses of the newest version id with courses[0..n),
 * numbered 1..n in the order of their position (ties keep the array
 * order), in one transaction with an audit row.  Returns DB_OK,
 * CERT_NOT_FOUND, CERT_READ_ONLY, CERT_UNKNOWN_CHOICE (a course that does
 * not exist), CERT_ELECTIVES (fewer electives than the certification's
 * required electives; *required_electives is set) or a db_status.
 */
int	 cert_courses_save(struct db *, long long id,
	    struct cert_course *courses, size_t n, int *required_electives,
	    long long actor_id, long long impersonator_id);

/* Returns the index of key in a NULL-terminated key array, or -1. */
int	 cert_key_index(const char *const *keys, const char *key);

#endif
