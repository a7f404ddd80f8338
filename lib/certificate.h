/*
 * Certificates: issued when a completed certification is first printed,
 * with a number from the family's numbering and a verification code for
 * /verify/<code>.  A reprint of the same completion finds the same row,
 * so it shows the same number and issue date.  laurel-worker writes the
 * PDF; the row then names the file.
 */
#ifndef LAUREL_CERTIFICATE_H
#define LAUREL_CERTIFICATE_H

#include <stddef.h>

struct db;

#define CERTIFICATE_CODE_LEN	16	/* characters of a verification code */
#define CERTIFICATE_NOT_FOUND	1
#define CERTIFICATE_NOT_ISSUABLE 2	/* not completed, or revoked */

struct certificate {
	long long	 id;
	long long	 enrollment_id;
	long long	 user_id;
	long long	 family_id;
	long long	 certification_id;
	long long	 number;
	char		 number_text[100 * 4 + 1];
	char		 code[CERTIFICATE_CODE_LEN + 1];
	char		 completed_on[11];
	char		 expires_on[11];	/* "" when it never expires */
	char		 issued_on[11];
	char		 file_name[101];	/* "" until the PDF is written */
	long long	 job_id;		/* the PDF job, 0 for none */
	char		 job_state[8];		/* of that job, "" for none */
	int		 job_progress;
	char		 job_error[1000 * 4 + 1];
	/* The enrolment is completed or expired, and this is the
	 * certificate of its current completion: not revoked, not
	 * superseded by a later completion. */
	int		 printable;
};

/*
 * Issues the certificate of enrolment enrollment_id of user_id (of any
 * user when user_id is 0) for its
 * current completion, or finds the one already issued, and queues the
 * PDF job when the file is not written yet (again, when an earlier job
 * failed).  The number comes from the family's next_number in the same
 * transaction, so numbers are distinct and none is skipped.  actor and
 * impersonator are recorded in the audit log.  Returns DB_OK with *out
 * filled, CERTIFICATE_NOT_FOUND when the user has no such enrolment,
 * CERTIFICATE_NOT_ISSUABLE when it is not completed (or expired) or was
 * revoked, or a db_status.
 */
int	 certificate_issue(struct db *, long long user_id,
	    long long enrollment_id, long long actor, long long impersonator,
	    struct certificate *out);

/*
 * Loads certificate id of user_id (any user when user_id is 0) with the
 * state of its PDF job.  Returns DB_OK, CERTIFICATE_NOT_FOUND or a
 * db_status.
 */
int	 certificate_get(struct db *, long long id, long long user_id,
	    struct certificate *out);

/* Records the PDF file of certificate id. */
int	 certificate_set_file(struct db *, long long id, const char *file_name);

/* Writes a new random verification code. */
void	 certificate_new_code(char out[CERTIFICATE_CODE_LEN + 1]);

/* Returns 1 when code has the form of a verification code. */
int	 certificate_code_valid(const char *code);

/* The fields of the /verify/<code> page, and nothing more. */
struct certificate_check {
	char	 learner_name[201 * 4 + 1];
	char	 certification[200 * 4 + 1];
	char	 completed_on[11];
	char	 expires_on[11];	/* "" when it never expires */
	char	 status[8];		/* valid, expired or revoked */
};

/*
 * Looks up a verification code, in either case.  A certificate is revoked
 * when its enrolment was revoked or cancelled, expired from its
 * expires-on date, and valid before.
 * Returns DB_OK, CERTIFICATE_NOT_FOUND or a db_status.
 */
int	 certificate_check(struct db *, const char *code,
	    struct certificate_check *out);

/* The fields a certificate prints, for laurel-worker.  The learner's
 * name is the first and last name, or the login when both are empty. */
struct certificate_print {
	struct certificate	 cert;
	char			 learner_name[201 * 4 + 1];
	char			 certificate_name[200 * 4 + 1];
	char			 credit_hours[16];	/* "" when none */
	long long		 template_id;		/* 0: the default */
};

/* Loads what certificate id prints.  Returns DB_OK,
 * CERTIFICATE_NOT_FOUND or a db_status. */
int	 certificate_print_data(struct db *, long long id,
	    struct certificate_print *out);

#endif
