/*
 * A learner's transcript: every certification with its courses, the
 * courses taken on their own, what was cancelled, the external courses,
 * and the credit hours earned.  The admin's View Transcript and the
 * learner's Transcript tab show the same transcript_load result.
 */
#ifndef LAUREL_TRANSCRIPT_H
#define LAUREL_TRANSCRIPT_H

#include <stddef.h>

struct db;

#define TRANSCRIPT_REASON_MAX	1000	/* characters of a revocation reason */

/* The class a learner is registered in. */
struct transcript_class {
	char		 starts_on[11];	/* site calendar day */
	char		 instructor[200 * 4 + 1];
	char		 location[200 * 4 + 1];
};

/* A registration of the learner in a course. */
struct transcript_registration {
	long long		 id;
	long long		 course_id;
	char			 code[50 * 4 + 1];
	char			 name[200 * 4 + 1];
	char			 credit_hours[16];
	/* registered, in_progress, completed, failed or cancelled */
	char			 status[16];
	char			 completed_on[11];
	char			 score[16];		/* "" when none */
	char			 cancelled_on[11];
	char			 registered_at[27];	/* UTC */
	int			 has_checklist;	/* its checklist has items */
	struct transcript_class	*class;		/* NULL when in none */
};

/* A course of an enrolled certification version. */
struct transcript_course {
	long long				 enrollment_id;
	long long				 course_id;
	char					 code[50 * 4 + 1];
	char					 name[200 * 4 + 1];
	char					 credit_hours[16];
	/* The learner's registration; NULL when not registered. */
	const struct transcript_registration	*reg;
};

/* A certification row and the range of its courses in
 * transcript.courses. */
struct transcript_cert {
	long long	 enrollment_id;
	long long	 family_id;
	char		 name[200 * 4 + 1];
	int		 version;
	/* in_progress, completed, expired or revoked.  A certification whose
	 * expires-on date has come reads as expired whatever the stored
	 * status, except a revoked one. */
	char		 status[16];
	char		*reason;	/* of a revocation; NULL when none */
	int		 provisional;
	char		 completed_on[11];
	char		 complete_by[11];	/* "" when no limit */
	char		 expires_on[11];
	int		 overdue;	/* in progress and past complete-by */
	/* The number of the certificate issued for the current
	 * completion, "" when none was printed. */
	char		 certificate_number[100 * 4 + 1];
	size_t		 first_course;
	size_t		 ncourses;
};

/* A cancelled enrolment or course registration. */
struct transcript_cancelled {
	int		 is_certification;
	long long	 id;		/* of the enrolment or registration */
	char		 name[200 * 4 + 1];
	char		 cancelled_on[11];	/* "" when not recorded */
	/* The day the registration's class starts, "" for none. */
	char		 class_on[11];
};

/* A course taken with another provider, as an administrator recorded
 * it. */
struct transcript_external {
	long long	 id;
	char		 title[200 * 4 + 1];
	char		 provider[200 * 4 + 1];
	char		 starts_on[11];
	char		 ends_on[11];		/* "" when not set */
	char		 status[16];	/* completed, in_progress, failed */
	int		 attended;
};

struct transcript {
	struct transcript_cert		*certs;		/* by name */
	size_t				 ncerts;
	struct transcript_course	*courses;	/* of the certs */
	size_t				 ncourses;
	/* Every registration, cancelled ones included, oldest first. */
	struct transcript_registration	*registrations;
	size_t				 nregistrations;
	/* The live registrations that no live enrolment contains. */
	const struct transcript_registration **independent;
	size_t				 nindependent;
	/* The other attempts at courses the user took more than once, oldest
	 * first: registrations that the current one, which decides the
	 * result, replaced (course_registration_history).  A new attempt
	 * after a cancellation or a fail keeps the old one there, and the
	 * OULAD import keeps every attempt but the first pass, or else the
	 * latest attempt. */
	struct transcript_registration	*attempts;
	size_t				 nattempts;
	struct transcript_cancelled	*cancelled;	/* newest first */
	size_t				 ncancelled;
	struct transcript_external	*external;	/* latest start first */
	size_t				 nexternal;
	/* Credit hours of the completed courses, each course counted
	 * once, as a decimal such as "12.50". */
	char				 credit_hours[24];
};

/*
 * Loads the transcript of user_id in six statements, whatever the
 * number of rows.  Returns DB_OK or a db_status; on success the caller
 * frees the transcript with transcript_free.
 */
int	 transcript_load(struct db *, long long user_id, struct transcript *);

/* Frees what transcript_load allocated; a zeroed transcript is fine. */
void	 transcript_free(struct transcript *);

/*
 * Loads one live enrolment of user_id as a certification row, without
 * its courses and its revocation reason.  Returns DB_OK, 1 when the user
 * has no such live enrolment, or a db_status.
 */
int	 transcript_cert(struct db *, long long user_id,
	    long long enrollment_id, struct transcript_cert *);

/* Returns 1 when the row's certificate can be printed: a completed
 * certification, expired or not. */
int	 transcript_printable(const struct transcript_cert *);

/* Returns 1 when the row offers "Remove completed status": a provisional
 * certification that reads as completed. */
int	 transcript_revocable(const struct transcript_cert *);

#endif
