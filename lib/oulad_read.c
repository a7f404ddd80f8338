/*
 * Reading and checking the OULAD files into the import's model.  Each
 * check stops the import with "FILE:LINE: reason": a wrong header, a row
 * with too few or too many fields, a value that is not a number where one
 * belongs, a date outside the calendar, and rows that refer to a
 * presentation, assessment or registration that does not exist.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "oulad_csv.h"
#include "oulad_model.h"
#include "utf8.h"

#define PROGRESS_EVERY	5000	/* rows between progress calls */
#define ID_MAX		999999999999LL
#define DAYS_MAX	36600	/* relative days, either way: 100 years */

/* An assessment of assessments.csv and the presentation it belongs to. */
struct assessment {
	long long	 id;
	int		 presentation;
	long long	 line;
};

/* A row of studentAssessment.csv, kept to find duplicates. */
struct submission {
	long long	 assessment, student;
	long long	 line;
};

struct reader {
	struct oulad_model	*m;
	struct assessment	*assessments;
	size_t			 nassessments;
};

/* ------------------------------------------------------------------ values */

static int
read_module(struct csv *c, size_t i, char out[OULAD_MODULE_MAX + 1])
{
	const char	*s = c->field[i];
	size_t		 n;

	for (n = 0; s[n] != '\0'; n++) {
		if (!((s[n] >= 'A' && s[n] <= 'Z') ||
		    (s[n] >= 'a' && s[n] <= 'z') || (s[n] >= '0' && s[n] <= '9')))
			return csv_fail(c, "code_module \"%.40s\" must be 1 to "
			    "%d letters and digits", s, OULAD_MODULE_MAX);
	}
	if (n == 0 || n > OULAD_MODULE_MAX)
		return csv_fail(c, "code_module \"%.40s\" must be 1 to %d "
		    "letters and digits", s, OULAD_MODULE_MAX);
	memcpy(out, s, n + 1);
	return 0;
}

/* Checks a presentation code: a year, then B (February) or J (October). */
static int
read_presentation_code(struct csv *c, size_t i, char out[6])
{
	const char	*s = c->field[i];

	if (strlen(s) != 5 || s[0] < '1' || s[0] > '9' ||
	    strspn(s, "0123456789") != 4 || (s[4] != 'B' && s[4] != 'J'))
		return csv_fail(c, "code_presentation \"%.40s\" must be a year "
		    "followed by B or J, such as 2013J", s);
	memcpy(out, s, 6);
	return 0;
}

/* Sets *out to day + offset, which must lie in the years 1000 to 9999. */
static int
add_days(struct csv *c, const char *what, day_t day, long long offset,
    day_t *out)
{
	day_t	 lo, hi;

	date_from_ymd(1000, 1, 1, &lo);
	date_from_ymd(9999, 12, 31, &hi);
	if ((long long)day + offset < lo || (long long)day + offset > hi)
		return csv_fail(c, "%s gives a date outside the years 1000 to "
		    "9999", what);
	*out = (day_t)(day + offset);
	return 0;
}

static int
find_presentation(const struct oulad_model *m, const char *module,
    const char *code)
{
	size_t	 i;

	for (i = 0; i < m->npresentations; i++)
		if (strcmp(m->presentations[i].module, module) == 0 &&
		    strcmp(m->presentations[i].code, code) == 0)
			return (int)i;
	return -1;
}

/* Reads columns i and i + 1 (module and presentation) and finds the
 * presentation in courses.csv. */
static int
read_presentation_ref(struct reader *r, struct csv *c, size_t i, int *out)
{
	char	 module[OULAD_MODULE_MAX + 1], code[6];

	if (read_module(c, i, module) == -1 ||
	    read_presentation_code(c, i + 1, code) == -1)
		return -1;
	if ((*out = find_presentation(r->m, module, code)) == -1)
		return csv_fail(c, "presentation %s %s is not in courses.csv",
		    module, code);
	return 0;
}

static void
progress(struct oulad_model *m, const struct csv *c, long long done)
{
	if (m->progress != NULL)
		m->progress(strrchr(c->path, '/') + 1, done, c->rows,
		    m->progress_arg);
}

/* ------------------------------------------------------------- courses.csv */

static int
presentation_start(struct csv *c, const struct oulad_model *m,
    const char *code, day_t *out)
{
	day_t	 first, default_base;

	/* 2013B starts on the base date, so every start moves by the days
	 * between the base date and 2013-02-01. */
	date_from_ymd(atoi(code), code[4] == 'B' ? 2 : 10, 1, &first);
	date_parse(OULAD_DEFAULT_BASE, &default_base);
	return add_days(c, "the presentation code with the base date",
	    first, (long long)m->base_date - default_base, out);
}

static int
add_module(struct oulad_model *m, const char *code)
{
	size_t	 i;
	void	*grown;

	for (i = 0; i < m->nmodules; i++)
		if (strcmp(m->modules[i], code) == 0)
			return 0;
	grown = reallocarray(m->modules, m->nmodules + 1, sizeof(*m->modules));
	if (grown == NULL)
		return -1;
	m->modules = grown;
	memcpy(m->modules[m->nmodules++], code, OULAD_MODULE_MAX + 1);
	return 0;
}

static int
read_courses(struct reader *r)
{
	static const char *const header[] = { "code_module",
	    "code_presentation", "module_presentation_length" };
	struct oulad_model		*m = r->m;
	struct oulad_presentation	*p;
	struct csv			 c;
	long long			 length;
	int				 rc;

	if (csv_open(&c, m->dir, "courses.csv", header, 3, m->err,
	    m->errsz) == -1)
		goto fail;
	m->presentations = calloc((size_t)c.rows + 1, sizeof(*p));
	if (m->presentations == NULL)
		goto nomem;
	while ((rc = csv_next(&c, 3)) == 1) {
		p = &m->presentations[m->npresentations];
		memset(p, 0, sizeof(*p));
		if (read_module(&c, 0, p->module) == -1 ||
		    read_presentation_code(&c, 1, p->code) == -1 ||
		    csv_int(&c, 2, "module_presentation_length", 0, DAYS_MAX,
		    &length) == -1 ||
		    presentation_start(&c, m, p->code, &p->starts_on) == -1 ||
		    add_days(&c, "module_presentation_length", p->starts_on,
		    length, &p->ends_on) == -1)
			goto fail;
		if (find_presentation(m, p->module, p->code) != -1) {
			csv_fail(&c, "presentation %s %s appears twice",
			    p->module, p->code);
			goto fail;
		}
		snprintf(p->class_code, sizeof(p->class_code), "%s-%s",
		    p->module, p->code);
		if (add_module(m, p->module) == -1)
			goto nomem;
		m->npresentations++;
	}
	if (rc == -1)
		goto fail;
	progress(m, &c, c.rows);
	csv_close(&c);
	return 0;
nomem:
	snprintf(m->err, m->errsz, "%s: out of memory", c.path);
fail:
	csv_close(&c);
	return -1;
}

/* --------------------------------------------------------- assessments.csv */

static int
by_assessment(const void *a, const void *b)
{
	const struct assessment	*x = a, *y = b;

	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

static int
read_assessments(struct reader *r)
{
	static const char *const header[] = { "code_module",
	    "code_presentation", "id_assessment", "assessment_type", "date",
	    "weight" };
	struct oulad_model	*m = r->m;
	struct assessment	*a;
	struct csv		 c;
	long long		 ignored, weight;
	size_t			 i;
	int			 rc;

	if (csv_open(&c, m->dir, "assessments.csv", header, 6, m->err,
	    m->errsz) == -1)
		goto fail;
	if ((r->assessments = calloc((size_t)c.rows + 1, sizeof(*a))) == NULL)
		goto nomem;
	while ((rc = csv_next(&c, 6)) == 1) {
		a = &r->assessments[r->nassessments];
		a->line = c.line;
		if (read_presentation_ref(r, &c, 0, &a->presentation) == -1 ||
		    csv_int(&c, 2, "id_assessment", 1, ID_MAX, &a->id) == -1)
			goto fail;
		if (strcmp(c.field[3], "TMA") != 0 &&
		    strcmp(c.field[3], "CMA") != 0 &&
		    strcmp(c.field[3], "Exam") != 0) {
			csv_fail(&c, "assessment_type \"%.40s\" must be TMA, "
			    "CMA or Exam", c.field[3]);
			goto fail;
		}
		if ((!csv_missing(&c, 4) && csv_int(&c, 4, "date", -DAYS_MAX,
		    DAYS_MAX, &ignored) == -1) ||
		    csv_score(&c, 5, "weight", &weight) == -1)
			goto fail;
		r->nassessments++;
	}
	if (rc == -1)
		goto fail;

	qsort(r->assessments, r->nassessments, sizeof(*a), by_assessment);
	for (i = 1; i < r->nassessments; i++) {
		if (r->assessments[i].id == r->assessments[i - 1].id) {
			c.line = r->assessments[i].line;
			csv_fail(&c, "id_assessment %lld appears twice (also "
			    "on line %lld)", r->assessments[i].id,
			    r->assessments[i - 1].line);
			goto fail;
		}
	}
	progress(m, &c, c.rows);
	csv_close(&c);
	return 0;
nomem:
	snprintf(m->err, m->errsz, "%s: out of memory", c.path);
fail:
	csv_close(&c);
	return -1;
}

/* --------------------------------------------------------- studentInfo.csv */

/* Returns the index of region name, adding it when new, or -1. */
static int
region_index(struct oulad_model *m, const char *name)
{
	size_t	 i;
	void	*grown;

	for (i = 0; i < m->nregions; i++)
		if (strcmp(m->regions[i], name) == 0)
			return (int)i;
	grown = reallocarray(m->regions, m->nregions + 1, sizeof(*m->regions));
	if (grown == NULL)
		return -1;
	m->regions = grown;
	snprintf(m->regions[m->nregions], sizeof(m->regions[0]), "%s", name);
	return (int)m->nregions++;
}

static int
read_region(struct reader *r, struct csv *c, size_t i, int *out)
{
	const char	*s = c->field[i];
	size_t		 len = strlen(s);

	if (len == 0 || len > OULAD_REGION_MAX || !utf8_valid(s, len) ||
	    strpbrk(s, "\t\n") != NULL)
		return csv_fail(c, "region must be 1 to %d bytes of UTF-8 text",
		    OULAD_REGION_MAX);
	if ((*out = region_index(r->m, s)) == -1)
		return csv_fail(c, "out of memory");
	return 0;
}

static int
read_result(struct csv *c, size_t i, enum oulad_result *out)
{
	static const struct {
		const char		*name;
		enum oulad_result	 result;
	} results[] = {
		{ "Pass", OULAD_PASS }, { "Distinction", OULAD_DISTINCTION },
		{ "Fail", OULAD_FAIL }, { "Withdrawn", OULAD_WITHDRAWN },
	};
	size_t	 k;

	for (k = 0; k < sizeof(results) / sizeof(results[0]); k++) {
		if (strcmp(c->field[i], results[k].name) == 0) {
			*out = results[k].result;
			return 0;
		}
	}
	return csv_fail(c, "final_result \"%.40s\" must be Pass, Distinction, "
	    "Fail or Withdrawn", c->field[i]);
}

static int
by_key(const void *a, const void *b)
{
	const struct oulad_registration	*x = a, *y = b;

	if (x->presentation != y->presentation)
		return x->presentation < y->presentation ? -1 : 1;
	if (x->student_id != y->student_id)
		return x->student_id < y->student_id ? -1 : 1;
	return (x->info_line > y->info_line) - (x->info_line < y->info_line);
}

/* Returns the row of studentInfo.csv for student in presentation, or
 * NULL.  The registrations must be sorted with by_key. */
static struct oulad_registration *
find_registration(struct oulad_model *m, int presentation, long long student)
{
	struct oulad_registration	*g;
	size_t				 lo = 0, hi = m->nregistrations, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		g = &m->registrations[mid];
		if (g->presentation < presentation ||
		    (g->presentation == presentation &&
		    g->student_id < student))
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == m->nregistrations)
		return NULL;
	g = &m->registrations[lo];
	return g->presentation == presentation && g->student_id == student ?
	    g : NULL;
}

static int
read_info_row(struct reader *r, struct csv *c, struct oulad_registration *g)
{
	long long	 ignored;

	memset(g, 0, sizeof(*g));
	g->info_line = (int)c->line;
	if (read_presentation_ref(r, c, 0, &g->presentation) == -1 ||
	    csv_int(c, 2, "id_student", 1, ID_MAX, &g->student_id) == -1 ||
	    read_region(r, c, 4, &g->region) == -1 ||
	    csv_int(c, 8, "num_of_prev_attempts", 0, 1000, &ignored) == -1 ||
	    csv_int(c, 9, "studied_credits", 0, 100000, &ignored) == -1 ||
	    read_result(c, 11, &g->result) == -1)
		return -1;
	return 0;
}

/* Sorts the regions by name and renumbers the registrations' regions. */
static int
sort_regions(struct oulad_model *m)
{
	char	(*sorted)[OULAD_REGION_MAX + 1];
	size_t	 i, k;
	int	*map;

	map = calloc(m->nregions + 1, sizeof(*map));
	sorted = calloc(m->nregions + 1, sizeof(*sorted));
	if (map == NULL || sorted == NULL) {
		free(map);
		free(sorted);
		return -1;
	}
	for (i = 0; i < m->nregions; i++) {
		map[i] = 0;
		for (k = 0; k < m->nregions; k++)
			if (strcmp(m->regions[k], m->regions[i]) < 0)
				map[i]++;
		memcpy(sorted[map[i]], m->regions[i], sizeof(sorted[0]));
	}
	for (i = 0; i < m->nregistrations; i++)
		m->registrations[i].region = map[m->registrations[i].region];
	free(m->regions);
	m->regions = sorted;
	free(map);
	return 0;
}

static int
read_info(struct reader *r)
{
	static const char *const header[] = { "code_module",
	    "code_presentation", "id_student", "gender", "region",
	    "highest_education", "imd_band", "age_band",
	    "num_of_prev_attempts", "studied_credits", "disability",
	    "final_result" };
	struct oulad_model		*m = r->m;
	struct oulad_registration	*g;
	struct csv			 c;
	size_t				 i;
	int				 rc;

	if (csv_open(&c, m->dir, "studentInfo.csv", header, 12, m->err,
	    m->errsz) == -1)
		goto fail;
	if ((m->registrations = calloc((size_t)c.rows + 1, sizeof(*g))) == NULL)
		goto nomem;
	while ((rc = csv_next(&c, 12)) == 1) {
		if (read_info_row(r, &c, &m->registrations[m->nregistrations])
		    == -1)
			goto fail;
		if (++m->nregistrations % PROGRESS_EVERY == 0)
			progress(m, &c, (long long)m->nregistrations);
	}
	if (rc == -1)
		goto fail;

	qsort(m->registrations, m->nregistrations, sizeof(*g), by_key);
	for (i = 1; i < m->nregistrations; i++) {
		g = &m->registrations[i];
		if (g->presentation == g[-1].presentation &&
		    g->student_id == g[-1].student_id) {
			c.line = g->info_line;
			csv_fail(&c, "student %lld appears twice in %s (also "
			    "on line %d)", g->student_id,
			    m->presentations[g->presentation].class_code,
			    g[-1].info_line);
			goto fail;
		}
	}
	if (sort_regions(m) == -1)
		goto nomem;
	progress(m, &c, c.rows);
	csv_close(&c);
	return 0;
nomem:
	snprintf(m->err, m->errsz, "%s: out of memory", c.path);
fail:
	csv_close(&c);
	return -1;
}

/* ------------------------------------------------- studentRegistration.csv */

static int
read_registration_row(struct reader *r, struct csv *c)
{
	struct oulad_model		*m = r->m;
	struct oulad_registration	*g;
	int				 presentation;
	long long			 student, day = 0;

	if (read_presentation_ref(r, c, 0, &presentation) == -1 ||
	    csv_int(c, 2, "id_student", 1, ID_MAX, &student) == -1)
		return -1;
	if ((g = find_registration(m, presentation, student)) == NULL)
		return csv_fail(c, "student %lld in %s is not in "
		    "studentInfo.csv", student,
		    m->presentations[presentation].class_code);
	if (g->has_registration_row)
		return csv_fail(c, "student %lld in %s appears twice (also on "
		    "line %d)", student,
		    m->presentations[presentation].class_code,
		    g->registration_line);
	g->has_registration_row = 1;
	g->registration_line = (int)c->line;

	/* Registered on start + date_registration, or on the start date
	 * when it is missing. */
	if (!csv_missing(c, 3) && csv_int(c, 3, "date_registration",
	    -DAYS_MAX, DAYS_MAX, &day) == -1)
		return -1;
	if (add_days(c, "date_registration",
	    m->presentations[presentation].starts_on, day,
	    &g->registered_on) == -1)
		return -1;
	if (!csv_missing(c, 4)) {
		if (csv_int(c, 4, "date_unregistration", -DAYS_MAX, DAYS_MAX,
		    &g->unregistration) == -1 ||
		    add_days(c, "date_unregistration",
		    m->presentations[presentation].starts_on,
		    g->unregistration, &g->cancelled_on) == -1)
			return -1;
		g->has_unregistration = 1;
	}
	return 0;
}

static int
read_registrations(struct reader *r)
{
	static const char *const header[] = { "code_module",
	    "code_presentation", "id_student", "date_registration",
	    "date_unregistration" };
	struct oulad_model	*m = r->m;
	struct csv		 c;
	size_t			 i;
	int			 rc;

	if (csv_open(&c, m->dir, "studentRegistration.csv", header, 5, m->err,
	    m->errsz) == -1)
		goto fail;
	while ((rc = csv_next(&c, 5)) == 1) {
		if (read_registration_row(r, &c) == -1)
			goto fail;
		if ((c.line - 1) % PROGRESS_EVERY == 0)
			progress(m, &c, c.line - 1);
	}
	if (rc == -1)
		goto fail;
	csv_close(&c);

	/* Each row of studentInfo.csv needs its registration row. */
	for (i = 0; i < m->nregistrations; i++) {
		if (m->registrations[i].has_registration_row)
			continue;
		snprintf(c.path, sizeof(c.path), "%s/studentInfo.csv", m->dir);
		c.line = m->registrations[i].info_line;
		csv_fail(&c, "student %lld in %s has no row in "
		    "studentRegistration.csv", m->registrations[i].student_id,
		    m->presentations[m->registrations[i].presentation]
		    .class_code);
		return -1;
	}
	progress(m, &c, c.rows);
	return 0;
fail:
	csv_close(&c);
	return -1;
}

/* --------------------------------------------------- studentAssessment.csv */

static int
by_submission(const void *a, const void *b)
{
	const struct submission	*x = a, *y = b;

	if (x->assessment != y->assessment)
		return x->assessment < y->assessment ? -1 : 1;
	if (x->student != y->student)
		return x->student < y->student ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

static int
by_assessment_id(const void *a, const void *b)
{
	const struct assessment	*x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

static int
read_submission(struct reader *r, struct csv *c, struct submission *s)
{
	struct oulad_model		*m = r->m;
	struct oulad_registration	*g;
	struct assessment		 key, *a;
	long long			 ignored, score;

	s->line = c->line;
	if (csv_int(c, 0, "id_assessment", 1, ID_MAX, &s->assessment) == -1 ||
	    csv_int(c, 1, "id_student", 1, ID_MAX, &s->student) == -1 ||
	    csv_int(c, 2, "date_submitted", -DAYS_MAX, DAYS_MAX,
	    &ignored) == -1 ||
	    csv_int(c, 3, "is_banked", 0, 1, &ignored) == -1)
		return -1;
	memset(&key, 0, sizeof(key));
	key.id = s->assessment;
	a = bsearch(&key, r->assessments, r->nassessments, sizeof(key),
	    by_assessment_id);
	if (a == NULL)
		return csv_fail(c, "id_assessment %lld is not in "
		    "assessments.csv", s->assessment);
	if ((g = find_registration(m, a->presentation, s->student)) == NULL)
		return csv_fail(c, "student %lld has no row in studentInfo.csv "
		    "for %s, the presentation of assessment %lld", s->student,
		    m->presentations[a->presentation].class_code,
		    s->assessment);
	if (csv_missing(c, 4))
		return 0;
	if (csv_score(c, 4, "score", &score) == -1)
		return -1;
	g->score_sum += score;
	g->score_count++;
	return 0;
}

static int
read_submissions(struct reader *r)
{
	static const char *const header[] = { "id_assessment", "id_student",
	    "date_submitted", "is_banked", "score" };
	struct oulad_model	*m = r->m;
	struct submission	*s = NULL;
	struct csv		 c;
	size_t			 n = 0, i;
	int			 rc;

	if (csv_open(&c, m->dir, "studentAssessment.csv", header, 5, m->err,
	    m->errsz) == -1)
		goto fail;
	if ((s = calloc((size_t)c.rows + 1, sizeof(*s))) == NULL) {
		snprintf(m->err, m->errsz, "%s: out of memory", c.path);
		goto fail;
	}
	while ((rc = csv_next(&c, 5)) == 1) {
		if (read_submission(r, &c, &s[n]) == -1)
			goto fail;
		if (++n % PROGRESS_EVERY == 0)
			progress(m, &c, (long long)n);
	}
	if (rc == -1)
		goto fail;

	qsort(s, n, sizeof(*s), by_submission);
	for (i = 1; i < n; i++) {
		if (s[i].assessment == s[i - 1].assessment &&
		    s[i].student == s[i - 1].student) {
			c.line = s[i].line;
			csv_fail(&c, "student %lld has two results for "
			    "assessment %lld (also on line %lld)", s[i].student,
			    s[i].assessment, s[i - 1].line);
			goto fail;
		}
	}
	progress(m, &c, c.rows);
	free(s);
	csv_close(&c);
	return 0;
fail:
	free(s);
	csv_close(&c);
	return -1;
}

/* ---------------------------------------------------------------- students */

static int
by_long(const void *a, const void *b)
{
	long long	 x = *(const long long *)a, y = *(const long long *)b;

	return (x > y) - (x < y);
}

static int
collect_students(struct oulad_model *m)
{
	size_t	 i, n = 0;

	m->students = calloc(m->nregistrations + 1, sizeof(*m->students));
	if (m->students == NULL)
		return -1;
	for (i = 0; i < m->nregistrations; i++)
		m->students[i] = m->registrations[i].student_id;
	qsort(m->students, m->nregistrations, sizeof(*m->students), by_long);
	for (i = 0; i < m->nregistrations; i++)
		if (n == 0 || m->students[n - 1] != m->students[i])
			m->students[n++] = m->students[i];
	m->nstudents = n;
	return 0;
}

static int
by_module(const void *a, const void *b)
{
	return strcmp(a, b);
}

int
oulad_read(struct oulad_model *m)
{
	struct reader	 r;
	size_t		 i, k;
	int		 rc = -1;

	memset(&r, 0, sizeof(r));
	r.m = m;
	if (read_courses(&r) == -1 || read_assessments(&r) == -1 ||
	    read_info(&r) == -1 || read_registrations(&r) == -1 ||
	    read_submissions(&r) == -1)
		goto out;
	if (collect_students(m) == -1) {
		snprintf(m->err, m->errsz, "out of memory");
		goto out;
	}

	/* Courses are written in the order of their codes. */
	qsort(m->modules, m->nmodules, sizeof(*m->modules), by_module);
	for (i = 0; i < m->npresentations; i++)
		for (k = 0; k < m->nmodules; k++)
			if (strcmp(m->modules[k],
			    m->presentations[i].module) == 0)
				m->presentations[i].module_index = (int)k;
	rc = 0;
out:
	free(r.assessments);
	return rc;
}
