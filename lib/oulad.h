/*
 * Import of OULAD, the Open University Learning Analytics Dataset
 * (Kuzilek, Hlosta and Zdrahal, Scientific Data 4, 170171, 2017; CC BY
 * 4.0): its modules become courses, its presentations classes, its
 * students learners with course registrations, and three certifications
 * are built on the modules.
 *
 * The import reads and checks every file before it writes anything, and
 * then writes in one transaction.  Every row is found again by a natural
 * key (login, course code, class code, group name, the family's import
 * key), so a second run with the same files and base date changes
 * nothing and keeps every id.
 */
#ifndef LAUREL_OULAD_H
#define LAUREL_OULAD_H

#include <stddef.h>

#include "clock.h"

struct db;

/* Returned, besides the db_status values, when a file is malformed; the
 * message is "FILE:LINE: reason". */
#define OULAD_INVALID		1

/* The first day of the first presentation, 2013B, when no base date is
 * given. */
#define OULAD_DEFAULT_BASE	"2013-02-01"

/*
 * Called while files are read ("courses.csv" ...) and rows are written
 * ("learners", "registrations" ...): done counts up to total.  Writing
 * happens in a transaction that may run again after a conflict, and its
 * progress then starts again from 0.
 */
typedef void	(*oulad_progress_fn)(const char *what, long long done,
		    long long total, void *arg);

/* Counts of the rows an import read and wrote. */
struct oulad_summary {
	long long	 learners;
	long long	 courses;
	long long	 classes;
	long long	 registrations;	/* rows of studentInfo.csv */
	long long	 retakes;	/* of them, in the registration history */
	long long	 enrolments;
	long long	 completions;	/* enrolments with a completion date */
	long long	 changed;	/* rows inserted or changed */
};

/*
 * Imports the CSV files of OULAD in dir, with the first presentation
 * (2013B) starting on base_date.  Returns DB_OK with *summary filled,
 * OULAD_INVALID with the reason in err when a file is missing or
 * malformed (nothing is written then), or a negative db_status.
 */
int	 oulad_import(struct db *, const char *dir, day_t base_date,
	    oulad_progress_fn progress, void *arg,
	    struct oulad_summary *summary, char *err, size_t errsz);

#endif
