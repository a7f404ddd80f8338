/*
 * The learners of instructor-led classes and their attendance.  A
 * learner is in a class when their course registration names it
 * (course_registrations.class_id); attendance is one row per class and
 * learner.
 */
#ifndef LAUREL_ATTENDANCE_H
#define LAUREL_ATTENDANCE_H

#include <stddef.h>

#include "clock.h"

struct config;
struct db;
struct listing;

enum attendance_status {
	ATTENDANCE_ATTENDED,
	ATTENDANCE_COMPLETED,	/* also completes the course */
	ATTENDANCE_NO_SHOW,
	ATTENDANCE_CANCELLED	/* also cancels the course registration */
};

/* Names of enum attendance_status as stored, in enum order. */
#define ATTENDANCE_STATUS_NAMES \
	{ "attended", "completed", "no_show", "cancelled", NULL }

/* A class with its course and the number of its learners. */
struct attendance_class {
	long long	 id;
	long long	 course_id;
	usec_t		 starts_at;	/* UTC */
	usec_t		 ends_at;
	char		 location[200 * 4 + 1];
	char		 instructor[200 * 4 + 1];
	long long	 capacity;	/* seats; 0 for no limit */
	char		 course_code[50 * 4 + 1];
	char		 course_name[200 * 4 + 1];
	long long	 learners;	/* registrations in it, not cancelled */
};

/* Returns DB_OK, 1 when there is no such class, or a db_status. */
int	 attendance_class_get(struct db *, long long class_id,
	    struct attendance_class *);

/* A learner of a class with their attendance. */
struct attendance_row {
	long long	 user_id;
	char		 login[100 * 4 + 1];
	char		 first_name[100 * 4 + 1];
	char		 last_name[100 * 4 + 1];
	char		 registration_status[16];
	char		 status[16];	/* "" when nothing is recorded */
	char		 status_on[11];
	char		 recorded_by[100 * 4 + 1];	/* login, or "" */
	char		 recorded_at[27];	/* UTC */
};

/* Lists the learners of a class by last name; *out is freed by the
 * caller. */
int	 attendance_list(struct db *, long long class_id,
	    struct attendance_row **out, size_t *n);

/* A learner registered in the course who is not in the class yet. */
struct attendance_candidate {
	long long	 user_id;
	char		 login[100 * 4 + 1];
	char		 first_name[100 * 4 + 1];
	char		 last_name[100 * 4 + 1];
	char		 registration_status[16];
	usec_t		 other_class_starts;	/* 0 when in no class */
};

/* Sort keys of attendance_candidates, in the order of its sort field. */
#define ATTENDANCE_SORT_KEYS	{ "name", "login", NULL }

/*
 * Lists one page of the active users registered in the class's course,
 * not cancelled, who are not in this class: those in no class and those
 * in another class of the course.  The search text matches the start of
 * the last name, first name or login, the letter the start of the last
 * name.  *out (freed by the caller) receives up to l->limit rows.
 */
int	 attendance_candidates(struct db *, const struct attendance_class *,
	    const struct listing *l, struct attendance_candidate **out,
	    size_t *n);

/* Result of attendance_add besides DB_OK, 1 and the db_status values. */
#define ATTENDANCE_FULL		2

/*
 * Puts the users of user_ids[0..n) in the class, moving them from another
 * class of the course if needed, and writes an audit log entry for each,
 * in one transaction.  Users who are not candidates (see
 * attendance_candidates) are skipped.  *added receives the number put in
 * the class.  Returns 1 when the class does not exist, and
 * ATTENDANCE_FULL, changing nothing, when the learners would outnumber
 * its capacity; *seats_left then receives the free seats.
 */
int	 attendance_add(struct db *, long long class_id,
	    const long long *user_ids, size_t n, long long actor_id,
	    long long impersonator_id, int *added, long long *seats_left);

/* One save of the attendance form: a status and a day for some of the
 * class's learners. */
struct attendance_entry {
	long long		 class_id;
	const long long		*user_ids;
	size_t			 n;
	enum attendance_status	 status;
	day_t			 day;	/* site calendar day */
	long long		 actor_id;
	long long		 impersonator_id;
};

/*
 * Records the status for each learner in one transaction, with an audit
 * log entry each.  Completed records the course result "completed" on
 * the day through the completion engine.  Cancelled cancels the learner's
 * course registration unless it is completed.  Attended and no-show
 * restore a registration that was cancelled.  Users who are not learners
 * of the class are skipped.  *recorded receives the number of learners
 * recorded and *completed the certifications completed as a result.
 * Returns 1 when the class does not exist.
 */
int	 attendance_record(struct db *, const struct config *,
	    const struct attendance_entry *, int *recorded, int *completed);

#endif
