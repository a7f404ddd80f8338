/*
 * Schema migrations: files named NNNN_name.sql in one folder, applied in
 * order of NNNN and recorded in schema_migrations.  Statements in a file
 * are separated by a semicolon at the end of a line; lines starting with
 * "--" are comments.
 */
#ifndef LAUREL_MIGRATE_H
#define LAUREL_MIGRATE_H

struct db;

/*
 * Applies every migration in dir that schema_migrations does not list,
 * in order of number (a file numbered below the newest applied one still
 * runs), printing one
 * line per file applied to stdout when verbose.  Returns 0 on success, or
 * -1 with a message in err: a failed statement, or a database that has a
 * migration newer than any in dir (it was migrated by a newer Laurel).
 * Running it again applies nothing.
 */
int	 migrate_run(struct db *, const char *dir, int verbose,
	    char *err, size_t errsz);

/* Returns the highest applied version, 0 for none, or -1 on error. */
int	 migrate_current(struct db *);

#endif
