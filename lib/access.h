/*
 * The one place that decides whether a user may enrol in a certification
 * or course group.  A user may when all of these hold for the newest
 * version of its family:
 *   - it is active;
 *   - the user's type is one of its user types;
 *   - at least one of the user's groups subscribes to the family;
 *   - its prerequisites are met under its rule: "all" needs every
 *     required certification completed and not expired, "any" needs one
 *     (no prerequisites always counts as met).
 * The admin's Add Courseware list, the learner's Training page,
 * self-enrolment and auto-enrolment all call access_list or access_check.
 */
#ifndef LAUREL_ACCESS_H
#define LAUREL_ACCESS_H

#include <stddef.h>

struct db;

#define ACCESS_MISSING_MAX	8

/* Reasons a subscribed certification is closed to the user, as bits; 0
 * means it is open. */
enum access_denial {
	DENY_INACTIVE = 1 << 0,
	DENY_USER_TYPE = 1 << 1,
	DENY_PREREQUISITES = 1 << 2
};

struct access_item {
	long long	 family_id;
	long long	 certification_id;	/* the newest version */
	int		 version;
	char		 name[200 * 4 + 1];
	char		 language[17];
	int		 course_group;		/* availability course_group */
	int		 display_individually;
	int		 priced;
	int		 auto_enroll;		/* a group subscribes with it */
	unsigned	 denied;		/* enum access_denial bits */
	/* Families of the required certifications not yet completed; see
	 * access_missing_name for their names. */
	long long	 missing[ACCESS_MISSING_MAX];
	int		 nmissing;
};

/*
 * Lists every certification family that one of the user's groups
 * subscribes to, with the verdict for each, in two queries whatever their
 * number.  *out is freed by the caller.
 */
int	 access_list(struct db *, long long user_id, struct access_item **out,
	    size_t *n);

/*
 * Fills *item for one family.  Returns DB_OK when the user's groups
 * subscribe to it (item->denied is then 0 when the user may enrol),
 * 1 when none does, or a db_status.
 */
int	 access_check(struct db *, long long user_id, long long family_id,
	    struct access_item *item);

/* Copies the name of the newest version of a family into out (801
 * bytes); returns DB_OK, 1 when there is none, or a db_status. */
int	 access_family_name(struct db *, long long family_id, char *out);

/*
 * Counts the members of a group that Auto Enroll would enrol in the
 * family at their next sign-in: active learners without an enrolment in
 * it (a cancelled one counts, since auto-enrolment does not undo an
 * admin's cancellation) whom the rules above allow.  The rules are
 * written here once more in SQL, so that one query covers every member;
 * a test checks the count against real sign-ins.
 */
long long access_auto_enroll_pending(struct db *, long long group_id,
	    long long family_id);

#endif
