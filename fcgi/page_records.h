/*
 * Parts shared by the pages of learners' records: page_records.c (course
 * results recorded by hand), page_attendance.c, page_external.c and
 * page_checklist.c.
 */
#ifndef LAUREL_PAGE_RECORDS_H
#define LAUREL_PAGE_RECORDS_H

#include "clock.h"

struct ctx;
struct input;
struct user;
struct view;

/* Loads the user of the route's {id}.  Returns 0, or the HTTP status to
 * return: 404 when there is no such user, 503 when the database
 * failed. */
int		 records_load_user(struct ctx *, struct user *);

/* Sets User.Id, User.Login and User.Name (the full name, or the login
 * when the user has no name). */
void		 records_set_user(struct view *, const struct user *);

/* Returns the positive id written in value, or 0 when value is NULL or
 * not such a number. */
long long	 records_id(const char *value);

/* Earliest year of a date that a record accepts.  An earlier date is
 * taken for a typing error. */
#define RECORDS_YEAR_MIN	1900

/*
 * Reads a date field like input_date and also rejects a day before
 * RECORDS_YEAR_MIN-01-01 and, when not_future, a day after today in the
 * site time zone.  Returns 1 with *day set, 0 when the field is empty (an
 * error when required), and -1 when it is invalid.
 */
int		 records_read_day(struct input *, const char *name,
		    const char *label, int required, int not_future,
		    day_t *day);

/*
 * Reads a select field whose value must be one of choices (a
 * NULL-terminated list).  Returns the index, or -1 when the field is
 * empty ("label is required.") or contains another value.
 */
int		 records_read_choice(struct input *, const char *name,
		    const char *label, const char *const *choices);

/* Writes today's site calendar day as "YYYY-MM-DD" to Today. */
void		 records_set_today(struct view *);

#endif
