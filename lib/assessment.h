/*
 * A course's assessment: multiple-choice questions, the attempt limit,
 * and the learners' attempts.  Grading happens on the server: a question
 * scores only when exactly its correct options were chosen, and the score
 * is the share of questions that scored.  The result of each attempt
 * becomes the course result (completed at or above the course's passing
 * score, failed below it) in the transaction that closes the attempt.
 */
#ifndef LAUREL_ASSESSMENT_H
#define LAUREL_ASSESSMENT_H

#include <stddef.h>

struct config;
struct db;

/* Limits in characters, except where a unit is given. */
#define ASSESSMENT_PROMPT_MAX		2000
#define ASSESSMENT_LABEL_MAX		500
#define ASSESSMENT_OPTIONS_MIN		2	/* options of a question */
#define ASSESSMENT_OPTIONS_MAX		10
#define ASSESSMENT_QUESTIONS_MAX	100	/* questions of a course */
#define ASSESSMENT_ATTEMPT_LIMIT_MAX	100	/* highest attempt limit */

struct assessment_option {
	long long	 id;		/* 0 for a new option */
	char		 label[ASSESSMENT_LABEL_MAX * 4 + 1];
	int		 correct;
};

struct assessment_question {
	long long		 id;		/* 0 for a new question */
	long long		 course_id;
	int			 position;	/* orders the questions */
	int			 number;	/* 1 for the first question */
	char			 prompt[ASSESSMENT_PROMPT_MAX * 4 + 1];
	int			 multiple;	/* learners may choose several */
	struct assessment_option options[ASSESSMENT_OPTIONS_MAX];
	int			 noptions;
};

/* Problems that assessment_question_check finds in a question. */
enum assessment_problem {
	ASSESSMENT_VALID,
	ASSESSMENT_TOO_FEW_OPTIONS,	/* fewer than ASSESSMENT_OPTIONS_MIN */
	ASSESSMENT_NO_CORRECT,
	ASSESSMENT_SEVERAL_CORRECT	/* but multiple is not set */
};

/* Checks the options of q against the rules above. */
enum assessment_problem assessment_question_check(
	    const struct assessment_question *q);

/* Lists the questions of a course with their options, in order; *out is
 * freed by the caller. */
int	 assessment_questions(struct db *, long long course_id,
	    struct assessment_question **out, size_t *n);

/* Counts the questions of a course into *n; a course has an assessment
 * when it has at least one. */
int	 assessment_question_count(struct db *, long long course_id,
	    long long *n);

/* Returns DB_OK, 1 when there is no such question, or a db_status. */
int	 assessment_question_get(struct db *, long long id,
	    struct assessment_question *);

/* Results of the question changes besides DB_OK and the db_status
 * values. */
enum assessment_refusal {
	ASSESSMENT_MISSING = 1,		/* no such course or question */
	ASSESSMENT_FULL,		/* ASSESSMENT_QUESTIONS_MAX reached */
	ASSESSMENT_INVALID		/* assessment_question_check failed */
};

/*
 * Inserts (id 0, at the end of the course's questions) or updates a
 * question with its options, in one transaction with its audit row.  An
 * option with an id of the question keeps it; the question's other
 * options are deleted.  Sets q->id and the options' ids.  Returns DB_OK,
 * an enum assessment_refusal, or a db_status.
 */
int	 assessment_question_save(struct db *, struct assessment_question *q,
	    long long actor_id, long long impersonator_id);

/* Deletes a question with its options (audited).  Returns DB_OK,
 * ASSESSMENT_MISSING or a db_status. */
int	 assessment_question_delete(struct db *, long long id,
	    long long actor_id, long long impersonator_id);

/*
 * Swaps a question with the one before it (up) or after it, audited.
 * Moving the first question up or the last down changes nothing.
 * Returns DB_OK, ASSESSMENT_MISSING or a db_status.
 */
int	 assessment_question_move(struct db *, long long id, int up,
	    long long actor_id, long long impersonator_id);

struct assessment_settings {
	int		 attempt_limit;		/* 0 for no limit */
	long long	 attempts;		/* every learner's, so far */
	long long	 learners;		/* who made them */
};

/* Loads the settings and attempt counts of a course's assessment. */
int	 assessment_settings_get(struct db *, long long course_id,
	    struct assessment_settings *);

/* Sets the attempt limit (0 for none), audited.  Returns DB_OK,
 * ASSESSMENT_MISSING when the course does not exist, or a db_status. */
int	 assessment_settings_save(struct db *, long long course_id,
	    int attempt_limit, long long actor_id, long long impersonator_id);

/* ------------------------------------------------------------ grading */

struct assessment_grade {
	int		 questions;
	int		 correct;		/* questions answered exactly */
	long long	 score_hundredths;	/* 0-10000, rounded down */
	int		 passed;
};

/*
 * Returns 1 when chosen, a bit mask over q->options (bit i for
 * options[i]), is exactly the set of correct options.
 */
int	 assessment_question_correct(const struct assessment_question *q,
	    unsigned int chosen);

/*
 * Grades n questions with chosen[i] the bit mask of question i:
 * score = correct questions / questions × 100%, in hundredths of a
 * percent rounded down, so 2 of 3 is 6666 (66.66%); passed when the score
 * is at least passing_score percent.  No questions score 0.
 */
void	 assessment_grade(const struct assessment_question *qs, size_t n,
	    const unsigned int *chosen, int passing_score,
	    struct assessment_grade *out);

/* ------------------------------------------------------------ attempts */

struct assessment_attempt {
	long long	 id;
	long long	 user_id;
	long long	 course_id;
	int		 number;		/* 1 for the first */
	char		 started_at[27];
	char		 finished_at[27];	/* "" while open */
	int		 questions;
	int		 correct;
	long long	 score_hundredths;
	int		 passed;
};

/* Lists the user's attempts at a course's assessment by number; *out is
 * freed by the caller. */
int	 assessment_attempts(struct db *, long long user_id,
	    long long course_id, struct assessment_attempt **out, size_t *n);

/* Returns DB_OK, 1 when there is no such attempt, or a db_status. */
int	 assessment_attempt_get(struct db *, long long id,
	    struct assessment_attempt *);

/* Results of assessment_start and assessment_submit besides DB_OK and the
 * db_status values. */
enum assessment_attempt_refusal {
	ASSESSMENT_LIMIT_REACHED = 1,	/* every allowed attempt was made */
	ASSESSMENT_SUBMITTED		/* the attempt was already submitted */
};

/*
 * Returns in *attempt_id the user's open attempt at the course, or
 * starts a new one when there is none and the attempt limit allows.
 * Returns DB_OK, ASSESSMENT_LIMIT_REACHED or a db_status.
 */
int	 assessment_start(struct db *, long long user_id, long long course_id,
	    long long *attempt_id);

/*
 * Closes an open attempt with its grade and the chosen options, and
 * records the course result through completion_record_in_txn (completed
 * with the score when passed, else failed), in one transaction with an
 * audit row.  *completed receives the number of certifications the
 * result completed.  Returns DB_OK, ASSESSMENT_SUBMITTED or a db_status.
 */
int	 assessment_submit(struct db *, const struct config *,
	    const struct assessment_attempt *a, const struct assessment_grade *g,
	    const long long *option_ids, size_t noptions,
	    long long impersonator_id, int *completed);

#endif
