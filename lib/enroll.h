/*
 * Enrolments in certifications and course groups.  Enrolling is
 * idempotent: the unique key on (user, family) makes a second request,
 * or any number at once, leave one enrolment.
 */
#ifndef LAUREL_ENROLL_H
#define LAUREL_ENROLL_H

#include <stddef.h>

#include "clock.h"

struct config;
struct db;

enum enroll_method {
	ENROLL_ADMIN,
	ENROLL_SELF,
	ENROLL_AUTO,
	ENROLL_VOUCHER,
	ENROLL_PURCHASE_ORDER,
	ENROLL_IMPORT
};

/*
 * Enrols user_id in the newest version of family_id inside the caller's
 * transaction, registering the user in its courses too.  Does not check
 * access: callers ask access_check first.  Sets *created to 1 when a new
 * enrolment was made, 0 when the user already had one.  actor_id is the
 * admin who enrolled the user (0 when the user or the system did).
 */
int	 enroll_in_txn(struct db *, long long user_id, long long family_id,
	    enum enroll_method, long long actor_id,
	    long long impersonator_id, int *created);

/*
 * Enrols the user in every family of families[] that access_check
 * allows, in one transaction.  *enrolled receives the number of new
 * enrolments; families the user may not enrol in are skipped and
 * counted in *refused.  A new enrolment whose rules already hold is
 * completed at once (cfg names the completion e-mail).
 */
int	 enroll_many(struct db *, const struct config *cfg, long long user_id,
	    const long long *families,
	    size_t n, enum enroll_method, long long actor_id,
	    long long impersonator_id, int *enrolled, int *refused);

/*
 * Auto-enrolment at sign-in, inside the sign-in transaction: enrols the
 * user in every family that one of their groups subscribes to with Auto
 * Enroll and that access allows.  *enrolled receives the count.  As with
 * enroll_many, new enrolments whose rules already hold are completed.
 */
int	 enroll_auto_in_txn(struct db *, const struct config *cfg,
	    long long user_id, int *enrolled);

/*
 * Cancels one of the user's enrolments (it keeps its row, with status
 * cancelled and the date), audited.  Returns 1 when the user has no such
 * live enrolment.  Enrolling again later starts it afresh.
 */
int	 enroll_cancel(struct db *, long long user_id, long long enrollment_id,
	    long long actor_id, long long impersonator_id);

/*
 * Registers the user in one course of a course group that shows its
 * courses individually, in one transaction: the course must belong to
 * the family's newest version and that version must have "display
 * courses individually".  Does not check access.  Returns DB_OK with
 * *created set, 1 when the course cannot be taken on its own, or a
 * db_status.
 */
int	 enroll_course(struct db *, long long user_id, long long family_id,
	    long long course_id, long long actor_id, long long impersonator_id,
	    int *created);

/* Counts live (not cancelled) enrolments in a family, and those of them on
 * version certification_id; returns DB_OK or a db_status. */
int	 enroll_counts(struct db *, long long family_id,
	    long long certification_id, long long *total,
	    long long *on_version);

/*
 * Marks completed certifications expired from their expires-on date: a
 * certification is valid on every day before expires_on.  Returns the
 * number of enrolments changed, or -1.
 */
long long enroll_expire_due(struct db *, day_t today);

#endif
