/*
 * A learner's course registrations as an administrator keeps them: the
 * list with status, score and dates, and cancelling one.  Results are
 * written by the completion engine (completion.h), never here.
 */
#ifndef LAUREL_REGISTRATION_H
#define LAUREL_REGISTRATION_H

#include <stddef.h>

#include "clock.h"

struct db;

struct registration {
	long long	 id;
	long long	 user_id;
	long long	 course_id;
	long long	 class_id;	/* 0 when not in a class */
	char		 code[50 * 4 + 1];
	char		 name[200 * 4 + 1];
	int		 passing_score;	/* percent */
	char		 status[16];	/* registered, in_progress, completed, … */
	char		 score[8];	/* "85.50", or "" without a score */
	char		 registered_on[11];	/* site calendar day */
	char		 completed_on[11];	/* of a pass or a fail, or "" */
	char		 cancelled_on[11];	/* "" when not cancelled */
};

/* Lists every registration of the user, cancelled ones included, by
 * course name; *out is freed by the caller. */
int	 registration_list(struct db *, long long user_id,
	    struct registration **out, size_t *n);

/* Returns DB_OK, 1 when the user has no registration in the course, or a
 * db_status. */
int	 registration_get(struct db *, long long user_id, long long course_id,
	    struct registration *);

/* Returns 1 when a registration with this status can be cancelled: it is
 * registered, in progress or failed.  A completed course stays in the
 * learner's record. */
int	 registration_cancellable(const char *status);

/* Result of registration_cancel besides DB_OK, 1 and the db_status
 * values. */
#define REGISTRATION_NOT_CANCELLABLE	2

/*
 * Cancels the user's registration in the course on day (a site calendar
 * day) and records it in the audit log, in one transaction.  Returns 1
 * when there is no such registration and REGISTRATION_NOT_CANCELLABLE
 * when it is completed or already cancelled.
 */
int	 registration_cancel(struct db *, long long user_id,
	    long long course_id, day_t day, long long actor_id,
	    long long impersonator_id);

/*
 * Copies the user's registration in the course to
 * course_registration_history, inside the caller's transaction, when a
 * new attempt is about to replace it: when it is cancelled, or, with
 * failed_too, failed.  The transcript lists the copy under Other
 * attempts.
 */
int	 registration_keep_attempt(struct db *, long long user_id,
	    long long course_id, int failed_too);

#endif
