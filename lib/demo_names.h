/*
 * Names for generated demo data: people in several scripts, course and
 * certification subjects in English and French, user groups and
 * catalogs.  Everything is drawn from a seeded random stream, so the same
 * index always gives the same name.
 */
#ifndef LAUREL_DEMO_NAMES_H
#define LAUREL_DEMO_NAMES_H

#include <stddef.h>
#include <stdint.h>

/* Returns the start of the random stream for row index of a table.  Each
 * table has its own salt, so equal indexes of two tables differ. */
uint64_t	 demo_seed(uint64_t salt, long long index);

/* Returns the next 64 random bits of a stream (splitmix64). */
uint64_t	 demo_random(uint64_t *state);

/* Returns a number in [0, n), n > 0, each equally likely. */
size_t		 demo_uniform(uint64_t *state, size_t n);

/* Returns a number in [0, n), n > 0, small ones more likely: the first
 * quarter of [0, n) comes up half of the time, as common names do. */
size_t		 demo_skewed(uint64_t *state, size_t n);

struct demo_person {
	const char	*first_name;
	const char	*last_name;
	const char	*language;	/* "en" or "fr", in the languages table */
	const char	*time_zone;	/* IANA name */
};

/* Draws a person: a region by its share of learners, then a gender and
 * names of that region, common ones more often. */
void		 demo_person(uint64_t *state, struct demo_person *);

struct demo_subject {
	const char	*name;
	const char	*code;		/* course code prefix, e.g. "NET" */
	const char	*language;	/* "en" or "fr" */
};

extern const struct demo_subject	 demo_subjects[];
extern const size_t			 demo_nsubjects;

/* Writes a course name for subject s ("Network Engineering: Hands-on
 * Lab") into out. */
void		 demo_course_name(uint64_t *state, size_t s, char *out,
		    size_t outsz);

/* Writes a certification name for subject s ("Network Engineering
 * Professional for Healthcare") and its level into out. */
void		 demo_certification_name(uint64_t *state, size_t s, char *out,
		    size_t outsz);

/* Writes the name of user group i ("Sales EMEA", later "Sales EMEA –
 * Team 2"); different i give different names. */
void		 demo_group_name(long long i, char *out, size_t outsz);

/* Writes the name of catalog i; different i give different names, and
 * the first two are those of the small demo. */
void		 demo_catalog_name(long long i, char *out, size_t outsz);

#endif
