/*
 * Demo data: a small, realistic catalog to try Laurel with, and generated
 * data of any size for benchmarks.  Both go only into a database that has
 * no certifications, courses or learners yet.  User types and catalogs
 * that already exist under a demo name are reused, and so are user groups
 * by the small demo.
 */
#ifndef LAUREL_DEMO_H
#define LAUREL_DEMO_H

#include "user.h"

struct config;
struct db;

#define DEMO_LEARNERS		8	/* learners of the small demo */
#define DEMO_PASSWORD_LEN	16	/* characters of their passwords */
#define DEMO_SCALE_MAX		1000000	/* learners of the largest data set */

/* Returned, besides the db_status values, when the database is not empty. */
#define DEMO_NOT_EMPTY		1

/* The rows that make a database not empty. */
struct demo_contents {
	long long	 certifications;	/* versions, all families */
	long long	 courses;
	long long	 learners;
};

/* A learner of the small demo and the password it was given. */
struct demo_account {
	char		 login[USER_LOGIN_MAX * 4 + 1];
	char		 password[DEMO_PASSWORD_LEN + 1];
};

/*
 * Counts what makes the database not empty into *found.  Returns DB_OK
 * when it is empty, DEMO_NOT_EMPTY when not, or a negative db_status.
 * Runs in the caller's transaction when there is one.
 */
int	 demo_check_empty(struct db *, struct demo_contents *found);

/*
 * Inserts the user types Employee, Partner and Customer unless they exist,
 * and sets ids[0..2] to their ids.  Also inserts the language French (fr)
 * unless there is one with that code.  Runs in the caller's transaction.
 */
int	 demo_add_user_types(struct db *, long long ids[3]);

/*
 * Loads the small demo in one transaction audited as "demo_load".  It
 * contains user types, French, user groups, two catalogs, eight courses
 * with classes, checklist items and a follow-up, and subscriptions.  Of
 * its four certifications, one is a course group, one has a prerequisite
 * and one is priced.  accounts receives the login and random password of
 * each of the DEMO_LEARNERS learners, to be shown once, because the
 * database stores only hashes.  Returns DB_OK, DEMO_NOT_EMPTY (with
 * *found filled), DB_DUPLICATE when a login or course code of the demo is
 * taken, or a negative db_status.
 */
int	 demo_load(struct db *, const struct config *,
	    struct demo_account accounts[DEMO_LEARNERS],
	    struct demo_contents *found);

/* Called after each committed transaction of demo_load_scale: "what" is
 * "courses", "certifications" or "users"; done counts up to total. */
typedef void	(*demo_progress_fn)(const char *what, long long done,
		    long long total, void *arg);

/*
 * Generates a data set for benchmarks with learners learners (1 to
 * DEMO_SCALE_MAX), learners / 10 certifications, learners / 50 courses
 * and learners / 500 user groups (each at least 1).  Group memberships,
 * subscriptions, course requirements and user types link them.  All
 * learners share the hash of a random password that is never shown.
 * Names come from lists in several scripts with skewed frequencies, and
 * the same count always gives the same data.  Rows go in by 500 per
 * statement, in transactions of a few thousand rows, each audited as
 * "demo_load".  progress (may be NULL) is called after each transaction.
 * A failure leaves the transactions committed so far in place.  Returns
 * as demo_load does.
 */
int	 demo_load_scale(struct db *, const struct config *, long long learners,
	    demo_progress_fn progress, void *arg, struct demo_contents *found);

#endif
