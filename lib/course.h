/*
 * Courses, their dated classes, their checklists and their follow-ups
 * (prescriptive learning: a result in one course enrols the learner in
 * another).
 */
#ifndef LAUREL_COURSE_H
#define LAUREL_COURSE_H

#include <stddef.h>

#include "clock.h"

struct db;
struct listing;

/* Limits in characters, except where a unit is given. */
#define COURSE_CODE_MAX			50
#define COURSE_NAME_MAX			200
#define COURSE_DESC_MAX			20000
#define COURSE_LANGUAGE_MAX		16	/* languages.code */
#define COURSE_LANGUAGE_NAME_MAX	100	/* languages.name */
#define COURSE_CREDIT_MAX		99999	/* hundredths: 999.99 hours */
#define COURSE_SCORE_MAX		100	/* percent */
#define COURSE_CLASS_TEXT_MAX		200	/* location, instructor */
#define COURSE_CLASS_CAPACITY_MAX	100000	/* seats */
#define COURSE_CHECKLIST_TEXT_MAX	500
#define COURSE_FOLLOWUP_MAX		200	/* follow-ups of one course */

enum course_kind {
	COURSE_ONLINE,
	COURSE_ILT		/* instructor-led */
};

/* Names of enum course_kind as stored, in enum order. */
#define COURSE_KIND_NAMES	{ "online", "ilt", NULL }

struct course {
	long long	 id;		/* 0 for a new course */
	char		 code[COURSE_CODE_MAX * 4 + 1];
	char		 name[COURSE_NAME_MAX * 4 + 1];
	char		 description[COURSE_DESC_MAX * 4 + 1];
	char		 language[COURSE_LANGUAGE_MAX * 4 + 1];	/* a code */
	long long	 credit_hundredths;	/* 150 is 1.50 hours */
	int		 passing_score;		/* percent */
	enum course_kind kind;
	int		 active;
};

/* One row of the course list: a course without its description, so that
 * a page of rows stays small. */
struct course_row {
	long long	 id;
	char		 code[COURSE_CODE_MAX * 4 + 1];
	char		 name[COURSE_NAME_MAX * 4 + 1];
	char		 language_name[COURSE_LANGUAGE_NAME_MAX * 4 + 1];
	long long	 credit_hundredths;
	int		 passing_score;
	enum course_kind kind;
	int		 active;
};

/* Sort keys of course_list, in the order of its sort field. */
#define COURSE_SORT_KEYS	{ "name", "code", "credit", NULL }

/* Filters of course_list besides the search text and the letter. */
struct course_filter {
	int	 kind;		/* an enum course_kind, or -1 for any */
	int	 active;	/* 1 active, 0 inactive, -1 any */
};

/*
 * Lists one page of courses whose code or name starts with the search
 * text, whose name starts with the letter, and that pass the filter.
 * *out (freed by the caller) receives up to l->limit rows.
 */
int	 course_list(struct db *, const struct listing *l,
	    const struct course_filter *f, struct course_row **out,
	    size_t *n);

/*
 * Lists up to max courses other than except_id (0 for none) by code, for
 * choosing one; *out is freed by the caller.  Ask for one more than will
 * be shown to learn whether the list was cut.
 */
int	 course_choices(struct db *, long long except_id, size_t max,
	    struct course_row **out, size_t *n);

/* Return DB_OK, 1 when there is no such course, or a db_status.  Codes
 * compare without regard to case, as the UNIQUE key on them does. */
int	 course_get(struct db *, long long id, struct course *);
int	 course_find_by_code(struct db *, const char *code, struct course *);

/*
 * Inserts (id 0) or updates a course and records it in the audit log with
 * the changed fields, in one transaction.  Sets c->id of a new course.
 * Returns DB_DUPLICATE when another course has the code, 1 when the
 * course to update does not exist.
 */
int	 course_save(struct db *, struct course *c, long long actor_id,
	    long long impersonator_id);

/* Returns 1 when code is 1 to COURSE_CODE_MAX ASCII letters, digits, '-',
 * '_' and '.', else 0. */
int	 course_code_valid(const char *code);

/* Formats hundredths as "12.50"; out must hold 24 bytes. */
void	 course_format_hundredths(long long hundredths, char out[24]);

/* A language that a course can be given in. */
struct course_language {
	char	 code[COURSE_LANGUAGE_MAX * 4 + 1];
	char	 name[COURSE_LANGUAGE_NAME_MAX * 4 + 1];
};

/* Lists the languages by name; *out is freed by the caller. */
int	 course_languages(struct db *, struct course_language **out,
	    size_t *n);

/* ------------------------------------------------------------ classes */

struct course_class {
	long long	 id;		/* 0 for a new class */
	long long	 course_id;
	usec_t		 starts_at;	/* UTC */
	usec_t		 ends_at;	/* UTC, not before starts_at */
	char		 location[COURSE_CLASS_TEXT_MAX * 4 + 1];
	char		 instructor[COURSE_CLASS_TEXT_MAX * 4 + 1];
	long long	 capacity;	/* seats; 0 for no limit */
};

/* Lists the classes of a course by start time; *out is freed by the
 * caller. */
int	 course_class_list(struct db *, long long course_id,
	    struct course_class **out, size_t *n);

/* Returns DB_OK, 1 when there is no such class, or a db_status. */
int	 course_class_get(struct db *, long long id, struct course_class *);

/*
 * Inserts (id 0) or updates a class and records it in the audit log, in
 * one transaction.  Sets k->id of a new class.  Returns 1 when the class
 * to update does not exist.
 */
int	 course_class_save(struct db *, struct course_class *k,
	    long long actor_id, long long impersonator_id);

/* Counts the registrations of learners in a class that are not
 * cancelled into *n. */
int	 course_class_registrations(struct db *, long long id, long long *n);

/* Deletes a class and records it in the audit log.  Registrations in it
 * stay, without a class.  Returns 1 when there is no such class. */
int	 course_class_delete(struct db *, long long id, long long actor_id,
	    long long impersonator_id);

/* Results of course_class_local_time. */
#define COURSE_TIME_OK		0
#define COURSE_TIME_INVALID	-1	/* malformed or impossible */
#define COURSE_TIME_SKIPPED	-2	/* skipped when clocks went forward */

/*
 * Converts a date "YYYY-MM-DD" and a time "HH:MM" in the site time zone
 * (the process's TZ, set by clock_init) to an instant.  A local time that
 * occurs twice, when clocks go back, gives the earlier instant.  Returns
 * COURSE_TIME_OK, COURSE_TIME_INVALID for text that is not such a date
 * and time (2023-02-30, 24:00), or COURSE_TIME_SKIPPED for a time that
 * does not exist in the zone, such as 02:30 on the day clocks go forward
 * from 02:00 to 03:00.
 */
int	 course_class_local_time(const char *date, const char *time,
	    usec_t *out);

/* Formats an instant in the site time zone as "YYYY-MM-DD" and "HH:MM". */
void	 course_class_format_local(usec_t t, char date[11], char time[6]);

/* ---------------------------------------------------------- checklist */

struct course_checklist_item {
	long long	 id;
	long long	 course_id;
	long long	 position;	/* ascending; ties are ordered by id */
	char		 text[COURSE_CHECKLIST_TEXT_MAX * 4 + 1];
};

/* Lists the checklist of a course in order; *out is freed by the
 * caller. */
int	 course_checklist_list(struct db *, long long course_id,
	    struct course_checklist_item **out, size_t *n);

/* Returns DB_OK, 1 when there is no such item, or a db_status. */
int	 course_checklist_get(struct db *, long long id,
	    struct course_checklist_item *);

/*
 * Appends an item after the last one of its course and records it in the
 * audit log, in one transaction.  Sets item->id and item->position.
 */
int	 course_checklist_add(struct db *, struct course_checklist_item *item,
	    long long actor_id, long long impersonator_id);

/* Deletes an item and records it in the audit log.  Returns 1 when there
 * is no such item. */
int	 course_checklist_delete(struct db *, long long id,
	    long long actor_id, long long impersonator_id);

/* ---------------------------------------------------------- follow-ups */

enum course_trigger {
	COURSE_ON_PASS,
	COURSE_ON_FAIL,
	COURSE_ON_COMPLETE
};

/* Names of enum course_trigger as stored, in enum order. */
#define COURSE_TRIGGER_NAMES	{ "pass", "fail", "complete", NULL }

struct course_followup {
	long long		 course_id;	/* the course to enrol in */
	enum course_trigger	 trigger;
	/* Filled by course_followup_list: */
	char			 code[COURSE_CODE_MAX * 4 + 1];
	char			 name[COURSE_NAME_MAX * 4 + 1];
};

/* Lists the follow-ups of a course by code and trigger; *out is freed by
 * the caller. */
int	 course_followup_list(struct db *, long long course_id,
	    struct course_followup **out, size_t *n);

/* Results of course_followup_replace besides the db_status values. */
#define COURSE_FOLLOWUP_NO_COURSE	1	/* course_id does not exist */
#define COURSE_FOLLOWUP_UNKNOWN		2	/* a follow-up does not exist */
#define COURSE_FOLLOWUP_SELF		3	/* a follow-up is course_id */
#define COURSE_FOLLOWUP_TOO_MANY	4	/* over COURSE_FOLLOWUP_MAX */

/*
 * Replaces the follow-ups of course_id with set[0..n) in one transaction
 * and records the additions and removals in the audit log.  The same
 * course and trigger given twice is one follow-up.  On
 * COURSE_FOLLOWUP_UNKNOWN or COURSE_FOLLOWUP_SELF, *bad (when not NULL)
 * is the index in set of the first follow-up at fault, and nothing is
 * changed.
 */
int	 course_followup_replace(struct db *, long long course_id,
	    const struct course_followup *set, size_t n, size_t *bad,
	    long long actor_id, long long impersonator_id);

#endif
