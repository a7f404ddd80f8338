/*
 * The completion_recheck job: after a certification version's
 * completion rules changed, completes each learner in progress whose
 * rules now hold (lib/completion_recheck.c).  Each batch of learners is a
 * transaction of its own, so a second run after a crash re-evaluates
 * only what is still in progress.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "completion.h"
#include "db.h"
#include "log.h"
#include "worker.h"

/* Learners per transaction. */
#define RECHECK_BATCH	200

enum job_outcome
job_completion_recheck(struct worker *w, const struct job *j,
    char *result_file, size_t result_filesz, char *result_name,
    size_t result_namesz, char *err, size_t errsz)
{
	long long	 certification_id, total, done = 0, after = 0, last;
	char		 value[24], *end;
	int		 learners, completed, completed_all = 0;

	(void)result_filesz;
	result_file[0] = '\0';
	result_name[0] = '\0';
	if (job_param(j->payload, "certification", value, sizeof(value)) == -1 ||
	    (certification_id = strtoll(value, &end, 10)) <= 0 || *end != '\0') {
		snprintf(err, errsz, "The job names no certification.");
		return JOB_OUTCOME_FAIL;
	}
	if (completion_recheck_count(w->db, certification_id, &total) != DB_OK) {
		snprintf(err, errsz, "Counting the enrolments in progress "
		    "failed: %s", db_error(w->db));
		return JOB_OUTCOME_RETRY;
	}
	for (;;) {
		if (completion_recheck_batch(w->db, w->cfg, certification_id,
		    after, RECHECK_BATCH, &last, &learners, &completed) !=
		    DB_OK) {
			snprintf(err, errsz, "Re-evaluating the learners after "
			    "user %lld failed: %s", after, db_error(w->db));
			return JOB_OUTCOME_RETRY;
		}
		if (learners == 0)
			break;
		after = last;
		done += learners;
		completed_all += completed;
		if (worker_progress(w, j, total > 0 && done < total ?
		    (int)(done * 100 / total) : 99) == -1) {
			snprintf(err, errsz, "The job's lease ended while it "
			    "ran.");
			return JOB_OUTCOME_RETRY;
		}
	}
	log_info("job %lld: certification %lld: %lld learners re-evaluated, "
	    "%d certifications completed", j->id, certification_id, done,
	    completed_all);
	snprintf(result_name, result_namesz, "%lld %s in progress checked, "
	    "%d %s completed.", done, done == 1 ? "learner" : "learners",
	    completed_all, completed_all == 1 ? "certification" :
	    "certifications");
	return JOB_OUTCOME_DONE;
}
