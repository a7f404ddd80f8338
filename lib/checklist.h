/*
 * Learners' progress on the checklists of courses: which items of a
 * course's checklist (course.h) a learner has ticked, when, and who
 * ticked them.
 */
#ifndef LAUREL_CHECKLIST_H
#define LAUREL_CHECKLIST_H

#include <stddef.h>

struct db;

/* One item of a course's checklist with the learner's tick. */
struct checklist_entry {
	long long	 item_id;
	char		 text[500 * 4 + 1];
	int		 ticked;
	char		 ticked_at[27];	/* UTC; "" when not ticked */
	long long	 ticked_by_id;	/* 0 when not ticked or unknown */
	char		 ticked_by[100 * 4 + 1];	/* login; "" when unknown */
};

/* Lists the checklist of the course in order with the user's ticks;
 * *out is freed by the caller. */
int	 checklist_progress(struct db *, long long user_id, long long course_id,
	    struct checklist_entry **out, size_t *n);

/* A course the user is registered in that has a checklist. */
struct checklist_course {
	long long	 course_id;
	char		 code[50 * 4 + 1];
	char		 name[200 * 4 + 1];
	char		 status[16];	/* of the registration */
	long long	 items;
	long long	 ticked;
};

/* Lists the courses of the user's registrations, cancelled ones included,
 * whose checklist has items, by course name; *out is freed by the
 * caller. */
int	 checklist_courses(struct db *, long long user_id,
	    struct checklist_course **out, size_t *n);

/*
 * Makes the user's ticks on the course's checklist match ticked[0..n):
 * ticks the listed items that are not ticked, unticks the others that
 * are, and writes an audit log entry for each change, in one
 * transaction.  Ids that are not items of the course are ignored, so an
 * item deleted while the form was open does no harm.  actor_id is the
 * user who ticks (the learner or an administrator).  *changes receives
 * the number of items ticked or unticked.
 */
int	 checklist_save(struct db *, long long user_id, long long course_id,
	    const long long *ticked, size_t n, long long actor_id,
	    long long impersonator_id, int *changes);

#endif
