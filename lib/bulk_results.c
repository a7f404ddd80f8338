/*
 * Rows of a results file: login, course (its code), status and the
 * optional score and date.  "registered" registers the learner in the
 * course.  in_progress, completed and failed record the result through
 * completion_record_in_txn, as the admin results page does.  So a
 * completed course re-evaluates the learner's certifications, completes
 * those whose rules now hold and queues their completion e-mail.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "bulk_row.h"
#include "clock.h"
#include "completion.h"
#include "db.h"
#include "registration.h"
#include "user.h"

/* The statuses of the status column; the last three are in the order of
 * enum course_result. */
static const char *const status_names[] = { "registered", "in_progress",
	"completed", "failed", NULL };
#define STATUS_REGISTERED	0

struct course_ref {
	long long	 id;
	int		 passing_score;		/* percent */
};

static int
find_course(struct db *db, const char *code, struct course_ref *c)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, "SELECT id, passing_score FROM courses "
	    "WHERE code = ?", "s", code);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_next(res)) == 1) {
		c->id = db_int(res, 0);
		c->passing_score = (int)db_int(res, 1);
	}
	db_res_free(res);
	return db_found(rc);
}

/* Returns the index of a status name (spaces count as underscores, any
 * letter case), or -1. */
static int
parse_status(const char *s)
{
	char	 key[16];
	size_t	 i;
	int	 k;

	for (i = 0; s[i] != '\0' && i + 1 < sizeof(key); i++)
		key[i] = s[i] == ' ' ? '_' : (s[i] >= 'A' && s[i] <= 'Z' ?
		    (char)(s[i] - 'A' + 'a') : s[i]);
	if (s[i] != '\0')
		return -1;
	key[i] = '\0';
	for (k = 0; status_names[k] != NULL; k++)
		if (strcmp(key, status_names[k]) == 0)
			return k;
	return -1;
}

/*
 * Parses a percentage of 0 to 100 with at most two decimals, written with
 * a point or a comma, into hundredths.  Returns -1 when invalid.
 */
static int
parse_score(const char *s, long long *hundredths)
{
	long long	 whole = 0, frac = 0;
	int		 digits = 0, decimals = 0;

	for (; *s >= '0' && *s <= '9' && digits < 4; s++, digits++)
		whole = whole * 10 + (*s - '0');
	if (digits == 0)
		return -1;
	if (*s == '.' || *s == ',') {
		for (s++; *s >= '0' && *s <= '9' && decimals < 2; s++)
			frac = frac * 10 + (*s - '0'), decimals++;
		if (decimals == 0)
			return -1;
		if (decimals == 1)
			frac *= 10;
	}
	if (*s != '\0' || whole * 100 + frac > 10000)
		return -1;
	*hundredths = whole * 100 + frac;
	return 0;
}

/* Checks the row into r and *status.  Reports what is invalid. */
static int
read_row(struct bulk_run *run, struct result *r, int *status,
    struct course_ref *course)
{
	const char	**v = run->value;
	struct user	 u;
	int		 rc;

	rc = user_find_login(run->db, v[RESULTS_LOGIN], &u);
	if (rc < 0)
		return rc;
	if (rc == 1)
		bulk_error(run, "login", "no user has the login \"%s\"",
		    v[RESULTS_LOGIN]);
	r->user_id = u.id;

	if ((rc = find_course(run->db, v[RESULTS_COURSE], course)) < 0)
		return rc;
	if (rc == 1)
		bulk_error(run, "course", "no course has the code \"%s\"",
		    v[RESULTS_COURSE]);
	r->course_id = course->id;

	if ((*status = parse_status(v[RESULTS_STATUS])) < 0)
		bulk_error(run, "status", "\"%s\" is not a status; write "
		    "registered, in_progress, completed or failed",
		    v[RESULTS_STATUS]);
	else if (*status != STATUS_REGISTERED)
		r->status = (enum course_result)(*status - 1);

	if (v[RESULTS_SCORE] != NULL && v[RESULTS_SCORE][0] != '\0') {
		if (parse_score(v[RESULTS_SCORE], &r->score_hundredths) == -1)
			bulk_error(run, "score", "\"%s\" is not a score; write "
			    "a percentage from 0 to 100 with at most two "
			    "decimals, such as 85.5", v[RESULTS_SCORE]);
		else
			r->has_score = 1;
	}

	r->day = clock_site_day(clock_now());
	if (v[RESULTS_DATE] != NULL && v[RESULTS_DATE][0] != '\0')
		bulk_date(run, "date", v[RESULTS_DATE], &r->day);
	else if (*status == RESULT_COMPLETED + 1 ||
	    *status == RESULT_FAILED + 1)
		bulk_error(run, "date", "a %s result needs the date it was "
		    "reached", status_names[*status]);
	return DB_OK;
}

/* Reports combinations that the admin results page rejects too. */
static void
check_row(struct bulk_run *run, const struct result *r, int status,
    const struct course_ref *course)
{
	if (status == STATUS_REGISTERED && r->has_score)
		bulk_error(run, "score", "a registration has no score; leave "
		    "the score empty or give a result status");
	if (status == RESULT_COMPLETED + 1 && r->has_score &&
	    r->score_hundredths < (long long)course->passing_score * 100)
		bulk_error(run, "score", "a score of %lld.%02lld%% is below "
		    "the course's passing score of %d%%; record the result "
		    "as failed, or give a passing score",
		    r->score_hundredths / 100, r->score_hundredths % 100,
		    course->passing_score);
}

/* Returns 1 when recording r over the registration reg changes nothing,
 * following the rules of completion_record_in_txn: a completed course
 * stays completed with its first date. */
static int
result_unchanged(const struct registration *reg, const struct result *r)
{
	char	 score[32], day[11];

	if (strcmp(reg->status, "completed") == 0) {
		if (r->status != RESULT_COMPLETED)
			return 1;
		date_format(r->day, day);
		snprintf(score, sizeof(score), "%lld.%02lld",
		    r->score_hundredths / 100, r->score_hundredths % 100);
		return strcmp(day, reg->completed_on) >= 0 &&
		    strcmp(r->has_score ? score : "", reg->score) == 0;
	}
	snprintf(score, sizeof(score), "%lld.%02lld", r->score_hundredths / 100,
	    r->score_hundredths % 100);
	return r->status != RESULT_COMPLETED &&
	    strcmp(reg->status, r->status == RESULT_FAILED ? "failed" :
	    "in_progress") == 0 &&
	    strcmp(r->has_score ? score : "", reg->score) == 0;
}

/* Registers the learner in the course, or starts a cancelled
 * registration again, audited as the courseware page does. */
static int
register_learner(struct bulk_run *run, const struct result *r)
{
	char	 now[27], details[64];
	int	 rc;

	clock_format_sql(clock_now(), now);
	/* A cancelled registration starts again, kept as another attempt. */
	if ((rc = registration_keep_attempt(run->db, r->user_id, r->course_id,
	    0)) != DB_OK)
		return rc;
	rc = db_exec(run->db, "INSERT INTO course_registrations (user_id, "
	    "course_id, method, registered_at) VALUES (?, ?, 'admin', ?) "
	    "ON DUPLICATE KEY UPDATE "
	    "registered_at = IF(status = 'cancelled', VALUES(registered_at), "
	    "registered_at), "
	    "cancelled_on = IF(status = 'cancelled', NULL, cancelled_on), "
	    "status = IF(status = 'cancelled', 'registered', status)", "lls",
	    r->user_id, r->course_id, now);
	if (rc != DB_OK)
		return rc;
	snprintf(details, sizeof(details), "course %lld", r->course_id);
	return audit_record(run->db, run->actor, run->impersonator,
	    "course_register", "user", r->user_id, details);
}

/* Writes a checked row, counting it as created, updated or unchanged. */
static int
write_row(struct bulk_run *run, const struct result *r, int status,
    int exists, const struct registration *reg)
{
	int	 rc, completed;

	if (exists && (status == STATUS_REGISTERED ?
	    strcmp(reg->status, "cancelled") != 0 :
	    result_unchanged(reg, r))) {
		run->report->unchanged++;
		return DB_OK;
	}
	if (status == STATUS_REGISTERED)
		rc = register_learner(run, r);
	else
		rc = completion_record_in_txn(run->db, run->cfg, r,
		    &completed);
	if (rc != DB_OK)
		return rc;
	if (exists)
		run->report->updated++;
	else
		run->report->created++;
	return DB_OK;
}

int
bulk_results_row(struct bulk_run *run)
{
	struct registration	 reg;
	struct course_ref	 course = { 0, 0 };
	struct result		 r;
	int			 rc, status = -1, exists, seen;

	memset(&r, 0, sizeof(r));
	r.actor_id = run->actor;
	r.impersonator_id = run->impersonator;
	if ((rc = read_row(run, &r, &status, &course)) != DB_OK)
		return rc;
	if (run->row_failed)
		return DB_OK;
	check_row(run, &r, status, &course);
	if (run->row_failed)
		return DB_OK;

	rc = registration_get(run->db, r.user_id, r.course_id, &reg);
	if (rc < 0)
		return rc;
	exists = rc == DB_OK;
	if (exists && (seen = bulk_seen(run, reg.id, "course",
	    "login and course")) != 0)
		return seen == 1 ? DB_OK : DB_ERROR;
	if ((rc = write_row(run, &r, status, exists, &reg)) != DB_OK)
		return rc;
	if (exists)
		return DB_OK;
	if ((rc = registration_get(run->db, r.user_id, r.course_id, &reg))
	    != DB_OK)
		return rc == 1 ? DB_ERROR : rc;
	return bulk_seen(run, reg.id, "course", "login and course") == -1 ?
	    DB_ERROR : DB_OK;
}
