/*
 * The OULAD import: read and check every file, work out the records, then
 * write them in one transaction.  The rules are those of the data set's
 * mapping to Laurel; oulad_rules.c states each where it applies.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "oulad.h"
#include "oulad_model.h"

void
oulad_model_free(struct oulad_model *m)
{
	free(m->modules);
	free(m->presentations);
	free(m->regions);
	free(m->students);
	free(m->registrations);
	free(m->enrolments);
	memset(m, 0, sizeof(*m));
}

int
oulad_import(struct db *db, const char *dir, day_t base_date,
    oulad_progress_fn progress, void *arg, struct oulad_summary *summary,
    char *err, size_t errsz)
{
	struct oulad_model	 m;
	int			 rc;

	memset(summary, 0, sizeof(*summary));
	memset(&m, 0, sizeof(m));
	m.dir = dir;
	m.base_date = base_date;
	m.err = err;
	m.errsz = errsz;
	m.progress = progress;
	m.progress_arg = arg;
	err[0] = '\0';

	if (oulad_read(&m) == -1) {
		oulad_model_free(&m);
		return OULAD_INVALID;
	}
	if (oulad_apply_rules(&m, clock_site_day(clock_now())) == -1) {
		snprintf(err, errsz, "out of memory");
		oulad_model_free(&m);
		return OULAD_INVALID;
	}
	rc = oulad_write(db, &m, summary);
	oulad_model_free(&m);
	return rc;
}
