/*
 * The training of one learner as the pages show it: enrolments with their progress,
 * and a certification's courses with the learner's status in each.
 */
#ifndef LAUREL_TRAINING_H
#define LAUREL_TRAINING_H

#include <stddef.h>

struct db;

struct enrolment_view {
	long long	 id;
	long long	 family_id;
	long long	 certification_id;	/* the version enrolled in */
	int		 version;
	char		 name[200 * 4 + 1];
	int		 course_group;
	int		 show_progress;
	char		 status[16];	/* in_progress, completed, expired, … */
	char		 enrolled_on[11];
	char		 complete_by[11];	/* "" when no limit */
	char		 completed_on[11];
	char		 expires_on[11];
	int		 overdue;	/* not completed and past complete-by */
	int		 progress;	/* percent, 0-100 */
};

/*
 * Lists the user's enrolments (cancelled ones excluded), newest name
 * order, in one query.  A completed enrolment whose expires-on has come
 * reads as "expired" whatever the stored status.  Progress is the share
 * of required courses plus the needed electives completed.  *out is
 * freed by the caller.
 */
int	 training_enrolments(struct db *, long long user_id,
	    struct enrolment_view **out, size_t *n);

struct course_view {
	long long	 course_id;
	char		 code[51];
	char		 name[200 * 4 + 1];
	char		 requirement[16];	/* required, elective, none */
	char		 status[16];	/* the learner's; "" when not registered */
	char		 completed_on[11];
	char		 credit_hours[16];
};

/*
 * Lists the courses of a certification version in their order, with the
 * learner's registration status; *out is freed by the caller.
 */
int	 training_courses(struct db *, long long user_id,
	    long long certification_id, struct course_view **out, size_t *n);

struct registration_view {
	long long	 id;
	long long	 course_id;
	char		 code[51];
	char		 name[200 * 4 + 1];
	char		 status[16];
	char		 registered_on[11];
	char		 completed_on[11];
};

/*
 * Lists the user's live course registrations that no live enrolment
 * covers: courses taken on their own.  *out is freed by the caller.
 */
int	 training_independent(struct db *, long long user_id,
	    struct registration_view **out, size_t *n);

/* Copies the user's preferred language code into out (17 bytes). */
int	 training_user_language(struct db *, long long user_id, char *out);

#endif
