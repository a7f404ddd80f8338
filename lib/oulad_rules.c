/*
 * The rules that turn OULAD rows into Laurel's records: the result and
 * dates of each registration, its score, which registration of a learner
 * in a course is the current one, and the enrolments in the three
 * certifications with their completion and expiry dates.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "oulad_model.h"

enum { SOCIAL_FOUNDATION, STEM_FOUNDATION, STEM_PRACTITIONER };

/* A prerequisite comes before the certification that requires it, so
 * enrolments can be worked out in this order. */
const struct oulad_cert oulad_certs[OULAD_CERTS] = {
	{ "Social Sciences Foundation", "Any one of the social sciences "
	    "modules AAA, BBB and GGG of the Open University.",
	    "oulad:Social Sciences Foundation",
	    { "AAA", "BBB", "GGG" }, { 0, 0, 0 }, 3, 1, 730, -1 },
	{ "STEM Foundation", "Any one of the science, technology, "
	    "engineering and mathematics modules CCC, DDD, EEE and FFF of "
	    "the Open University.", "oulad:STEM Foundation",
	    { "CCC", "DDD", "EEE", "FFF" }, { 0, 0, 0, 0 }, 4, 1, 0, -1 },
	{ "STEM Practitioner", "Module CCC and one of DDD, EEE and FFF of "
	    "the Open University, after the STEM Foundation.",
	    "oulad:STEM Practitioner",
	    { "CCC", "DDD", "EEE", "FFF" }, { 1, 0, 0, 0 }, 4, 1, 1095,
	    STEM_FOUNDATION },
};

static void
apply_result(const struct oulad_model *m, struct oulad_registration *g)
{
	const struct oulad_presentation	*p = &m->presentations[g->presentation];

	g->completed_on = OULAD_NO_DAY;
	switch (g->result) {
	case OULAD_PASS:
	case OULAD_DISTINCTION:
		g->status = "completed";
		g->completed_on = p->ends_on;
		g->cancelled_on = OULAD_NO_DAY;
		break;
	case OULAD_FAIL:
		g->status = "failed";
		g->completed_on = p->ends_on;
		g->cancelled_on = OULAD_NO_DAY;
		break;
	case OULAD_WITHDRAWN:
		/* cancelled_on is start + date_unregistration when given. */
		g->status = "cancelled";
		if (!g->has_unregistration)
			g->cancelled_on = p->ends_on;
		break;
	}

	/* The mean of the scores in hundredths, rounded half up to a whole
	 * number: floor(sum / (100 n) + 1/2). */
	g->has_score = g->score_count > 0;
	if (g->has_score)
		g->score = (g->score_sum + 50 * g->score_count) /
		    (100 * g->score_count);
}

static const struct oulad_model	*sort_model;	/* for by_learner */

/* Orders registrations by learner, then course, then start date. */
static int
by_learner(const void *a, const void *b)
{
	const struct oulad_registration	*x = *(const void *const *)a;
	const struct oulad_registration	*y = *(const void *const *)b;
	const struct oulad_presentation	*p, *q;

	if (x->student_id != y->student_id)
		return x->student_id < y->student_id ? -1 : 1;
	p = &sort_model->presentations[x->presentation];
	q = &sort_model->presentations[y->presentation];
	if (p->module_index != q->module_index)
		return p->module_index < q->module_index ? -1 : 1;
	if (p->starts_on != q->starts_on)
		return p->starts_on < q->starts_on ? -1 : 1;
	return strcmp(p->code, q->code);
}

static int
module_of(const struct oulad_model *m, const struct oulad_registration *g)
{
	return m->presentations[g->presentation].module_index;
}

/*
 * Marks all but one of a learner's registrations in a course [first,
 * end) as history.  The current one decides the learner's standing: the
 * earliest completed one, since a completed course stays completed, else
 * the latest.
 */
static void
choose_current(struct oulad_registration **first,
    struct oulad_registration **end)
{
	struct oulad_registration	**g, *current = end[-1];

	for (g = first; g < end; g++) {
		if (strcmp((*g)->status, "completed") != 0)
			continue;
		if (strcmp(current->status, "completed") != 0 ||
		    (*g)->completed_on < current->completed_on)
			current = *g;
	}
	for (g = first; g < end; g++)
		(*g)->in_history = *g != current;
}

static int
cert_has_module(const struct oulad_cert *c, const char *module, int *required)
{
	int	 i;

	for (i = 0; i < c->ncourses; i++) {
		if (strcmp(c->courses[i], module) == 0) {
			*required = c->required[i];
			return 1;
		}
	}
	return 0;
}

static int
by_day(const void *a, const void *b)
{
	day_t	 x = *(const day_t *)a, y = *(const day_t *)b;

	return (x > y) - (x < y);
}

static day_t
later(day_t a, day_t b)
{
	return a > b ? a : b;
}

/*
 * Works out the enrolment of the learner whose registrations are [first,
 * end) in certification c.  done[] contains the completion days of the
 * learner's earlier certifications.  Returns 0 when the learner has no
 * registration in its courses.
 */
static int
enrolment(const struct oulad_model *m, int c,
    struct oulad_registration **first, struct oulad_registration **end,
    const day_t done[OULAD_CERTS], struct oulad_enrolment *e)
{
	const struct oulad_cert	*cert = &oulad_certs[c];
	day_t			 completed[OULAD_CERT_COURSES];
	day_t			 electives[OULAD_CERT_COURSES];
	day_t			 day = OULAD_NO_DAY;
	struct oulad_registration **g;
	const char		*module;
	int			 i, n = 0, required, enrolled = 0;

	for (i = 0; i < cert->ncourses; i++)
		completed[i] = OULAD_NO_DAY;
	e->enrolled_on = OULAD_NO_DAY;
	for (g = first; g < end; g++) {
		module = m->modules[module_of(m, *g)];
		if (!cert_has_module(cert, module, &required))
			continue;
		if (!enrolled || (*g)->registered_on < e->enrolled_on)
			e->enrolled_on = (*g)->registered_on;
		enrolled = 1;
		if (strcmp((*g)->status, "completed") != 0)
			continue;
		/* A course counts as completed from its earliest pass. */
		for (i = 0; i < cert->ncourses; i++)
			if (strcmp(cert->courses[i], module) == 0 &&
			    (completed[i] == OULAD_NO_DAY ||
			    (*g)->completed_on < completed[i]))
				completed[i] = (*g)->completed_on;
	}
	if (!enrolled)
		return 0;

	/* The first day on which every required course, the required
	 * number of electives and the prerequisite were all complete. */
	for (i = 0; i < cert->ncourses; i++) {
		if (cert->required[i]) {
			if (completed[i] == OULAD_NO_DAY)
				goto incomplete;
			day = later(day, completed[i]);
		} else if (completed[i] != OULAD_NO_DAY)
			electives[n++] = completed[i];
	}
	if (n < cert->required_electives)
		goto incomplete;
	if (cert->required_electives > 0) {
		qsort(electives, (size_t)n, sizeof(*electives), by_day);
		day = later(day, electives[cert->required_electives - 1]);
	}
	if (cert->prerequisite >= 0) {
		if (done[cert->prerequisite] == OULAD_NO_DAY)
			goto incomplete;
		day = later(day, done[cert->prerequisite]);
	}
	e->completed_on = day;
	e->expires_on = cert->expire_days > 0 ? day + cert->expire_days :
	    OULAD_NO_DAY;
	return 1;
incomplete:
	e->completed_on = OULAD_NO_DAY;
	e->expires_on = OULAD_NO_DAY;
	return 1;
}

static void
set_status(struct oulad_enrolment *e, day_t today)
{
	if (e->completed_on == OULAD_NO_DAY)
		e->status = "in_progress";
	else if (e->expires_on != OULAD_NO_DAY && e->expires_on <= today)
		e->status = "expired";
	else
		e->status = "completed";
}

/* Adds the enrolments of the learner whose registrations are [first,
 * end). */
static void
add_enrolments(struct oulad_model *m, struct oulad_registration **first,
    struct oulad_registration **end, day_t today)
{
	struct oulad_enrolment	*e;
	day_t			 done[OULAD_CERTS];
	int			 c;

	for (c = 0; c < OULAD_CERTS; c++) {
		done[c] = OULAD_NO_DAY;
		e = &m->enrolments[m->nenrolments];
		memset(e, 0, sizeof(*e));
		if (!enrolment(m, c, first, end, done, e))
			continue;
		e->student_id = (*first)->student_id;
		e->cert = c;
		set_status(e, today);
		done[c] = e->completed_on;
		m->nenrolments++;
	}
}

int
oulad_apply_rules(struct oulad_model *m, day_t today)
{
	struct oulad_registration	**by, **g, **course, **learner, **end;
	size_t				  i;

	for (i = 0; i < m->nregistrations; i++)
		apply_result(m, &m->registrations[i]);

	by = calloc(m->nregistrations + 1, sizeof(*by));
	m->enrolments = calloc(m->nstudents * OULAD_CERTS + 1,
	    sizeof(*m->enrolments));
	if (by == NULL || m->enrolments == NULL) {
		free(by);
		return -1;
	}
	for (i = 0; i < m->nregistrations; i++)
		by[i] = &m->registrations[i];
	sort_model = m;
	qsort(by, m->nregistrations, sizeof(*by), by_learner);

	end = by + m->nregistrations;
	for (learner = by; learner < end; learner = g) {
		for (course = learner, g = learner; g < end &&
		    (*g)->student_id == (*learner)->student_id; g++) {
			if (module_of(m, *g) != module_of(m, *course)) {
				choose_current(course, g);
				course = g;
			}
		}
		choose_current(course, g);
		add_enrolments(m, learner, g, today);
	}
	free(by);
	return 0;
}
