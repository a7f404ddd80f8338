/*
 * Course results and what follows from them, in one transaction:
 * the registration's new status, the follow-up courses it triggers, and
 * the re-evaluation of every certification the learner is enrolled in.
 *
 * A certification is completed when every Required course and at least
 * "required electives" of its Elective courses are completed and its
 * prerequisites are met under its rule; Not Applicable courses never
 * count.  Its completion date is the first calendar day on which all of
 * that held.  Interval certifications expire expire_days after it; a
 * certification reads as expired from its expires-on date.
 */
#ifndef LAUREL_COMPLETION_H
#define LAUREL_COMPLETION_H

struct config;
struct db;

enum course_result {
	RESULT_IN_PROGRESS,
	RESULT_COMPLETED,	/* passed, or completed without a score */
	RESULT_FAILED
};

struct result {
	long long		 user_id;
	long long		 course_id;
	enum course_result	 status;
	int			 has_score;
	long long		 score_hundredths;	/* 0-10000 */
	int			 day;		/* site calendar day of the result */
	long long		 actor_id;	/* 0 when the learner acted */
	long long		 impersonator_id;
};

/*
 * Records a course result inside the caller's transaction: registers the
 * learner in the course if needed, sets status, score and date (a later
 * pass replaces an earlier fail), registers the learner in the follow-up
 * courses the result triggers (never twice), and re-evaluates the
 * learner's certifications.  *completed receives the number of
 * certifications this result completed.
 */
int	 completion_record_in_txn(struct db *, const struct config *,
	    const struct result *, int *completed);

/* Runs completion_record_in_txn in a transaction of its own. */
int	 completion_record(struct db *, const struct config *,
	    const struct result *, int *completed);

/*
 * Re-evaluates every live enrolment of the user inside the caller's
 * transaction; completes those whose rules now hold, and queues their
 * completion e-mail (Mail.CompletionTemplate) unless the certification
 * disables it or the learner has no e-mail address.  A completion can
 * meet another certification's prerequisite, so evaluation repeats until
 * nothing changes.  *completed receives the count.
 */
int	 completion_evaluate_in_txn(struct db *, const struct config *,
	    long long user_id, int *completed);

/* The kind of the job that completion_queue_recheck queues. */
#define COMPLETION_RECHECK_JOB	"completion_recheck"

/*
 * Queues, inside the caller's transaction, the re-evaluation of the
 * enrolments in progress in a certification version whose completion
 * rules the transaction changes.  Queues nothing when there are none.
 */
int	 completion_queue_recheck(struct db *, long long certification_id,
	    long long actor_id);

/* Counts the enrolments in progress in a certification version. */
int	 completion_recheck_count(struct db *, long long certification_id,
	    long long *count);

/*
 * Re-evaluates, in one transaction, up to limit learners with an
 * enrolment in progress in certification_id, in user id order after
 * after_user_id.  *last_user_id receives the last learner re-evaluated
 * (0 when none was left), *learners their number and *completed the
 * certifications completed.
 */
int	 completion_recheck_batch(struct db *, const struct config *,
	    long long certification_id, long long after_user_id, int limit,
	    long long *last_user_id, int *learners, int *completed);

/*
 * Removes the completed status of a provisional certification: the
 * enrolment reads as revoked with the reason (required), audited.
 * Returns 1 when the enrolment is not a completed provisional one.
 */
int	 completion_revoke(struct db *, long long enrollment_id,
	    const char *reason, long long actor_id, long long impersonator_id);

#endif
