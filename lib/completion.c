#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "clock.h"
#include "completion.h"
#include "conf.h"
#include "db.h"
#include "log.h"
#include "registration.h"
#include "str.h"

#define MAX_PASSES	8	/* prerequisite chains completed at once */

/* One in-progress enrolment and what its rules need. */
struct pending {
	long long	 id;
	long long	 certification_id;
	long long	 family_id;
	int		 electives;		/* required electives */
	int		 rule_any;
	int		 interval;
	int		 expire_days;
	int		 no_email;
	char		 name[801];
	/* Gathered from the courses and prerequisites: */
	int		 required, required_done;
	day_t		 required_day;		/* latest required completion */
	day_t		*elective_days;		/* completed electives' days */
	int		 nelective;
	int		 prerequisites, prerequisites_met;
	day_t		 pre_all_day, pre_any_day;
};

static const char *const result_names[] = {
	"in_progress", "completed", "failed"
};

static int
day_of(const char *s, day_t *out)
{
	return date_parse(s, out);
}

static int
load_pending(struct db *db, long long user_id, struct pending **out,
    size_t *n)
{
	struct pending	*rows;
	struct db_res	*res;
	size_t		 i = 0;
	int		 rc;

	*out = NULL;
	*n = 0;
	rc = db_query(db, &res, "SELECT e.id, e.certification_id, c.family_id, "
	    "c.required_electives, c.prerequisite_rule = 'any', "
	    "c.expiration_type = 'interval', COALESCE(c.expire_days, 0), "
	    "c.disable_completion_email, c.name "
	    "FROM enrollments e JOIN certifications c "
	    "ON c.id = e.certification_id "
	    "WHERE e.user_id = ? AND e.status = 'in_progress'", "l", user_id);
	if (rc != DB_OK)
		return rc;
	if ((rows = calloc(db_rows(res) + 1, sizeof(*rows))) == NULL) {
		db_res_free(res);
		return DB_ERROR;
	}
	while ((rc = db_next(res)) == 1) {
		struct pending *p = &rows[i++];

		p->id = db_int(res, 0);
		p->certification_id = db_int(res, 1);
		p->family_id = db_int(res, 2);
		p->electives = (int)db_int(res, 3);
		p->rule_any = (int)db_int(res, 4);
		p->interval = (int)db_int(res, 5);
		p->expire_days = (int)db_int(res, 6);
		p->no_email = (int)db_int(res, 7);
		str_copy(p->name, db_str(res, 8), sizeof(p->name));
	}
	db_res_free(res);
	if (rc < 0) {
		free(rows);
		return rc;
	}
	*out = rows;
	*n = i;
	return DB_OK;
}

static struct pending *
find(struct pending *rows, size_t n, long long certification_id)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (rows[i].certification_id == certification_id)
			return &rows[i];
	return NULL;
}

/* Reads the courses of every pending enrolment with the learner's
 * completion days. */
static int
load_courses(struct db *db, long long user_id, struct pending *rows,
    size_t n)
{
	struct pending	*p;
	struct db_res	*res;
	day_t		*grown, day;
	int		 rc, done;

	rc = db_query(db, &res, "SELECT cc.certification_id, cc.requirement, "
	    "r.status = 'completed' AND r.completed_on IS NOT NULL, "
	    "COALESCE(r.completed_on, '') FROM enrollments e "
	    "JOIN certification_courses cc "
	    "ON cc.certification_id = e.certification_id "
	    "LEFT JOIN course_registrations r ON r.user_id = e.user_id "
	    "AND r.course_id = cc.course_id "
	    "WHERE e.user_id = ? AND e.status = 'in_progress' "
	    "AND cc.requirement <> 'none'", "l", user_id);
	if (rc != DB_OK)
		return rc;
	while ((rc = db_next(res)) == 1) {
		if ((p = find(rows, n, db_int(res, 0))) == NULL)
			continue;
		done = (int)db_int(res, 2) && day_of(db_str(res, 3), &day) == 0;
		if (strcmp(db_str(res, 1), "required") == 0) {
			p->required++;
			if (done) {
				p->required_done++;
				if (day > p->required_day)
					p->required_day = day;
			}
		} else if (done) {
			grown = reallocarray(p->elective_days,
			    (size_t)p->nelective + 1, sizeof(*grown));
			if (grown == NULL) {
				db_res_free(res);
				return DB_ERROR;
			}
			p->elective_days = grown;
			p->elective_days[p->nelective++] = day;
		}
	}
	db_res_free(res);
	return rc < 0 ? rc : DB_OK;
}

/* Reads the prerequisites of every pending enrolment with the day each
 * was met (a completed, unexpired enrolment in the required family). */
static int
load_prerequisites(struct db *db, long long user_id, struct pending *rows,
    size_t n)
{
	struct pending	*p;
	struct db_res	*res;
	char		 today[11];
	day_t		 day;
	int		 rc;

	date_format(clock_site_day(clock_now()), today);
	rc = db_query(db, &res, "SELECT p.certification_id, "
	    "COALESCE(d.completed_on, '') FROM enrollments e "
	    "JOIN certification_prerequisites p "
	    "ON p.certification_id = e.certification_id "
	    "LEFT JOIN enrollments d ON d.user_id = e.user_id "
	    "AND d.family_id = p.required_family_id "
	    "AND d.status = 'completed' "
	    "AND (d.expires_on IS NULL OR d.expires_on > ?) "
	    "WHERE e.user_id = ? AND e.status = 'in_progress'", "sl", today,
	    user_id);
	if (rc != DB_OK)
		return rc;
	while ((rc = db_next(res)) == 1) {
		if ((p = find(rows, n, db_int(res, 0))) == NULL)
			continue;
		p->prerequisites++;
		if (day_of(db_str(res, 1), &day) != 0)
			continue;
		p->prerequisites_met++;
		if (day > p->pre_all_day)
			p->pre_all_day = day;
		if (p->pre_any_day == 0 || day < p->pre_any_day)
			p->pre_any_day = day;
	}
	db_res_free(res);
	return rc < 0 ? rc : DB_OK;
}

static int
by_day(const void *a, const void *b)
{
	day_t	 x = *(const day_t *)a, y = *(const day_t *)b;

	return (x > y) - (x < y);
}

/*
 * Returns 1 and the completion day when the enrolment's rules hold.  The
 * day is the latest of: the last required course, the elective that
 * reached the required number (the Nth earliest), and the prerequisites
 * (the last one under "all", the first under "any").
 */
static int
completed_day(struct pending *p, day_t *out)
{
	day_t	 day = 0;

	if (p->required == 0 && p->electives == 0)
		return 0;	/* nothing to complete */
	if (p->required_done < p->required || p->nelective < p->electives)
		return 0;
	if (p->prerequisites > 0 && (p->rule_any ? p->prerequisites_met == 0 :
	    p->prerequisites_met < p->prerequisites))
		return 0;
	if (p->required > 0)
		day = p->required_day;
	if (p->electives > 0) {
		qsort(p->elective_days, (size_t)p->nelective,
		    sizeof(*p->elective_days), by_day);
		if (p->elective_days[p->electives - 1] > day)
			day = p->elective_days[p->electives - 1];
	}
	if (p->prerequisites > 0) {
		day_t pre = p->rule_any ? p->pre_any_day : p->pre_all_day;

		if (pre > day)
			day = pre;
	}
	*out = day;
	return 1;
}

/* Replaces each {name} in text with its value. */
static void
fill_template(struct buf *out, const char *text, const char *const *names,
    const char *const *values, size_t n)
{
	const char	*p = text, *close;
	size_t		 i, len;

	while (*p != '\0') {
		if (*p == '{' && (close = strchr(p, '}')) != NULL) {
			len = (size_t)(close - p - 1);
			for (i = 0; i < n; i++)
				if (strlen(names[i]) == len &&
				    strncmp(p + 1, names[i], len) == 0)
					break;
			if (i < n) {
				buf_puts(out, values[i]);
				p = close + 1;
				continue;
			}
		}
		buf_append(out, p, 1);
		p++;
	}
}

/* Reads the completion template: the first line is the subject, the rest
 * after one blank line the body.  Returns -1 when it cannot be read. */
static int
read_template(const char *path, struct buf *subject, struct buf *body)
{
	char	 line[1024];
	FILE	*f;
	int	 in_body = 0;

	if ((f = fopen(path, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL) {
		if (!in_body) {
			if (subject->len == 0) {
				line[strcspn(line, "\r\n")] = '\0';
				buf_puts(subject, line);
			} else if (line[0] == '\n' || line[0] == '\r') {
				in_body = 1;
			}
			continue;
		}
		buf_puts(body, line);
	}
	fclose(f);
	return subject->len > 0 ? 0 : -1;
}

static int
queue_mail(struct db *db, const struct config *cfg, long long user_id,
    const struct pending *p, const char *completed, const char *expires)
{
	static const char *const names[] = {
		"learner_name", "certification", "completed_on", "expires_on"
	};
	struct buf	 subject = { 0 }, body = { 0 }, text_s = { 0 };
	struct buf	 text_b = { 0 }, learner = { 0 };
	struct db_res	*res;
	const char	*values[4];
	char		 email[255], key[100], now[27];
	int		 rc;

	rc = db_query(db, &res, "SELECT email, first_name, last_name "
	    "FROM users WHERE id = ?", "l", user_id);
	if (rc != DB_OK)
		return rc;
	email[0] = '\0';
	if ((rc = db_next(res)) == 1) {
		str_copy(email, db_str(res, 0), sizeof(email));
		buf_printf(&learner, "%s %s", db_str(res, 1), db_str(res, 2));
	}
	db_res_free(res);
	if (rc < 0 || email[0] == '\0') {
		buf_free(&learner);
		return rc < 0 ? rc : DB_OK;
	}
	if (read_template(cfg->mail_completion_template, &subject,
	    &body) == -1) {
		log_error("cannot read the completion e-mail template %s",
		    cfg->mail_completion_template);
		buf_free(&learner);
		buf_free(&subject);
		buf_free(&body);
		return DB_OK;
	}
	values[0] = learner.data;
	values[1] = p->name;
	values[2] = completed;
	values[3] = expires[0] ? expires : "never";
	fill_template(&text_s, subject.data, names, values, 4);
	fill_template(&text_b, body.data ? body.data : "", names, values, 4);
	snprintf(key, sizeof(key), "completion:%lld:%s", p->id, completed);
	clock_format_sql(clock_now(), now);
	/* The key makes a re-run of the transaction queue one message. */
	rc = db_exec(db, "INSERT INTO mail_outbox (user_id, recipient, "
	    "subject, body, kind, dedupe_key, created_at) "
	    "VALUES (?, ?, ?, ?, 'completion', ?, ?) "
	    "ON DUPLICATE KEY UPDATE id = id", "lsssss", user_id, email,
	    text_s.data, text_b.data ? text_b.data : "", key, now);
	buf_free(&learner);
	buf_free(&subject);
	buf_free(&body);
	buf_free(&text_s);
	buf_free(&text_b);
	return rc;
}

static int
complete(struct db *db, const struct config *cfg, long long user_id,
    struct pending *p, day_t day)
{
	char	 completed[11], expires[11] = "", details[64];
	int	 rc;

	date_format(day, completed);
	if (p->interval && p->expire_days > 0)
		date_format(day + p->expire_days, expires);
	rc = db_exec(db, "UPDATE enrollments SET status = 'completed', "
	    "completed_on = ?, expires_on = ? WHERE id = ? "
	    "AND status = 'in_progress'", "ssl", completed,
	    expires[0] ? expires : NULL, p->id);
	if (rc != DB_OK)
		return rc;
	snprintf(details, sizeof(details), "enrollment %lld completed on %s",
	    p->id, completed);
	if ((rc = audit_record(db, 0, 0, "certification_complete", "user",
	    user_id, details)) != DB_OK)
		return rc;
	if (p->no_email)
		return DB_OK;
	return queue_mail(db, cfg, user_id, p, completed, expires);
}

static void
free_pending(struct pending *rows, size_t n)
{
	size_t	 i;

	for (i = 0; rows != NULL && i < n; i++)
		free(rows[i].elective_days);
	free(rows);
}

int
completion_evaluate_in_txn(struct db *db, const struct config *cfg,
    long long user_id, int *completed)
{
	struct pending	*rows;
	size_t		 n, i;
	day_t		 day;
	int		 rc, pass, changed;

	*completed = 0;
	for (pass = 0; pass < MAX_PASSES; pass++) {
		if ((rc = load_pending(db, user_id, &rows, &n)) != DB_OK)
			return rc;
		if (n == 0) {
			free_pending(rows, n);
			return DB_OK;
		}
		if ((rc = load_courses(db, user_id, rows, n)) != DB_OK ||
		    (rc = load_prerequisites(db, user_id, rows, n)) != DB_OK) {
			free_pending(rows, n);
			return rc;
		}
		changed = 0;
		for (i = 0; i < n && rc == DB_OK; i++) {
			if (!completed_day(&rows[i], &day))
				continue;
			rc = complete(db, cfg, user_id, &rows[i], day);
			changed++;
		}
		free_pending(rows, n);
		if (rc != DB_OK)
			return rc;
		*completed += changed;
		if (changed == 0)
			break;
	}
	return DB_OK;
}

int
completion_record_in_txn(struct db *db, const struct config *cfg,
    const struct result *r, int *completed)
{
	char	 now[27], day[11], score[32], details[96];
	int	 rc;

	clock_format_sql(clock_now(), now);
	date_format(r->day, day);
	snprintf(score, sizeof(score), "%lld.%02lld", r->score_hundredths / 100,
	    r->score_hundredths % 100);

	/*
	 * completed_on is the day of the result, a pass or a fail.  A
	 * completed course stays completed: a later failed attempt does not
	 * undo it, and a second completion keeps the first date.  A result
	 * after a cancellation or a fail starts a new attempt, so the old
	 * one is kept as another attempt and the registration gets today's
	 * date.  registered_at, score and completed_on are assigned before
	 * status because MariaDB evaluates the assignments left to right.
	 */
	if ((rc = registration_keep_attempt(db, r->user_id, r->course_id,
	    1)) != DB_OK)
		return rc;
	rc = db_exec(db, "INSERT INTO course_registrations (user_id, "
	    "course_id, method, registered_at, status, score, completed_on) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
	    "registered_at = IF(status IN ('cancelled', 'failed'), "
	    "VALUES(registered_at), registered_at), "
	    "score = IF(status = 'completed' AND VALUES(status) <> 'completed', "
	    "score, VALUES(score)), "
	    "completed_on = IF(status = 'completed', "
	    "LEAST(completed_on, COALESCE(VALUES(completed_on), completed_on)), "
	    "VALUES(completed_on)), "
	    "cancelled_on = NULL, "
	    "status = IF(status = 'completed', status, VALUES(status))",
	    "llsssss", r->user_id, r->course_id,
	    r->actor_id ? "admin" : "self", now, result_names[r->status],
	    r->has_score ? score : NULL,
	    r->status != RESULT_IN_PROGRESS ? day : NULL);
	if (rc != DB_OK)
		return rc;

	/* Follow-ups: completion triggers "pass" and "complete", failure
	 * "fail".  A follow-up the learner already has is left alone. */
	if (r->status != RESULT_IN_PROGRESS) {
		rc = db_exec(db, "INSERT INTO course_registrations (user_id, "
		    "course_id, method, registered_at) SELECT ?, "
		    "f.followup_course_id, 'followup', ? FROM course_followups f "
		    "WHERE f.course_id = ? AND f.on_result IN (?, ?) "
		    "ON DUPLICATE KEY UPDATE course_registrations.id = "
		    "course_registrations.id", "lslss", r->user_id, now,
		    r->course_id,
		    r->status == RESULT_COMPLETED ? "pass" : "fail",
		    r->status == RESULT_COMPLETED ? "complete" : "fail");
		if (rc != DB_OK)
			return rc;
	}
	snprintf(details, sizeof(details), "course %lld: %s%s%s%s%s",
	    r->course_id, result_names[r->status],
	    r->has_score ? ", score " : "", r->has_score ? score : "",
	    r->status != RESULT_IN_PROGRESS ? ", on " : "",
	    r->status != RESULT_IN_PROGRESS ? day : "");
	if ((rc = audit_record(db, r->actor_id ? r->actor_id : r->user_id,
	    r->impersonator_id, "course_result", "user", r->user_id,
	    details)) != DB_OK)
		return rc;
	return completion_evaluate_in_txn(db, cfg, r->user_id, completed);
}

struct record_run {
	const struct config	*cfg;
	const struct result	*r;
	int			 completed;
};

static int
record_txn(struct db *db, void *arg)
{
	struct record_run	*run = arg;

	return completion_record_in_txn(db, run->cfg, run->r, &run->completed);
}

int
completion_record(struct db *db, const struct config *cfg,
    const struct result *r, int *completed)
{
	struct record_run	 run = { cfg, r, 0 };
	int			 rc;

	rc = db_txn(db, record_txn, &run);
	*completed = run.completed;
	return rc;
}

struct revoke {
	long long	 id;
	const char	*reason;
	long long	 actor, impersonator;
};

static int
revoke_txn(struct db *db, void *arg)
{
	struct revoke	*r = arg;
	struct db_res	*res;
	struct buf	 details = { 0 };
	long long	 user_id = 0;
	int		 rc;

	rc = db_query(db, &res, "SELECT e.user_id FROM enrollments e "
	    "JOIN certifications c ON c.id = e.certification_id "
	    "WHERE e.id = ? AND e.status = 'completed' AND c.provisional = 1",
	    "l", r->id);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_next(res)) == 1)
		user_id = db_int(res, 0);
	db_res_free(res);
	if (rc != 1)
		return rc < 0 ? rc : 1;
	rc = db_exec(db, "UPDATE enrollments SET status = 'revoked', "
	    "status_reason = ? WHERE id = ? AND status = 'completed'", "sl",
	    r->reason, r->id);
	if (rc != DB_OK)
		return rc;
	if (db_affected(db) == 0)
		return 1;
	buf_printf(&details, "enrollment %lld revoked: %s", r->id, r->reason);
	rc = audit_record(db, r->actor, r->impersonator,
	    "certification_revoke", "user", user_id, details.data);
	buf_free(&details);
	return rc;
}

int
completion_revoke(struct db *db, long long enrollment_id, const char *reason,
    long long actor_id, long long impersonator_id)
{
	struct revoke	 r = { enrollment_id, reason, actor_id, impersonator_id };

	if (reason == NULL || reason[0] == '\0')
		return 1;
	return db_txn(db, revoke_txn, &r);
}
