/*
 * Courses a learner took with another provider, kept in their record by
 * an administrator.  No certification counts them.
 */
#ifndef LAUREL_EXTERNAL_COURSE_H
#define LAUREL_EXTERNAL_COURSE_H

#include <stddef.h>

struct db;

#define EXTERNAL_TITLE_MAX	200	/* characters */
#define EXTERNAL_PROVIDER_MAX	200

enum external_status {
	EXTERNAL_COMPLETED,
	EXTERNAL_IN_PROGRESS,
	EXTERNAL_FAILED
};

/* Names of enum external_status as stored, in enum order. */
#define EXTERNAL_STATUS_NAMES	{ "completed", "in_progress", "failed", NULL }

struct external_course {
	long long		 id;		/* 0 for a new record */
	long long		 user_id;
	char			 title[EXTERNAL_TITLE_MAX * 4 + 1];
	char			 provider[EXTERNAL_PROVIDER_MAX * 4 + 1];
	char			 starts_on[11];	/* YYYY-MM-DD */
	char			 ends_on[11];	/* "" when not set */
	enum external_status	 status;
	int			 attended;
	char			 updated_at[27];	/* UTC */
};

/* Returns the stored name of a status. */
const char	*external_status_name(enum external_status);

/* Lists the user's external courses, the latest start first; *out is
 * freed by the caller. */
int	 external_course_list(struct db *, long long user_id,
	    struct external_course **out, size_t *n);

/* Returns DB_OK, 1 when there is no such record, or a db_status. */
int	 external_course_get(struct db *, long long id,
	    struct external_course *);

/*
 * Inserts (id 0) or updates a record and writes the audit log entry with
 * the changed fields, in one transaction.  Sets e->id of a new record.
 * The caller has checked the fields: ends_on, when set, is not before
 * starts_on.  Returns 1 when the record to update does not exist or
 * belongs to another user.
 */
int	 external_course_save(struct db *, struct external_course *e,
	    long long actor_id, long long impersonator_id);

/* Deletes a record of user_id and writes the audit log entry.  Returns 1
 * when the user has no such record. */
int	 external_course_delete(struct db *, long long user_id, long long id,
	    long long actor_id, long long impersonator_id);

#endif
