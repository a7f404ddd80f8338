#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "db.h"
#include "migrate.h"
#include "str.h"

struct migration {
	int	 version;
	char	 name[128];
};

static int
by_version(const void *a, const void *b)
{
	const struct migration	*x = a, *y = b;

	return (x->version > y->version) - (x->version < y->version);
}

/* Accepts "NNNN_name.sql" with a lower-case name; returns the version. */
static int
parse_name(const char *file)
{
	size_t	 len = strlen(file), i;

	if (len < 10 || len > 120 || strcmp(file + len - 4, ".sql") != 0 ||
	    file[4] != '_')
		return -1;
	for (i = 0; i < 4; i++)
		if (!isdigit((unsigned char)file[i]))
			return -1;
	for (i = 5; i < len - 4; i++)
		if (!islower((unsigned char)file[i]) &&
		    !isdigit((unsigned char)file[i]) && file[i] != '_')
			return -1;
	return atoi(file);
}

/* Lists the migration files of dir sorted by version; returns the count or
 * -1.  *out must be freed. */
static int
list_migrations(const char *dir, struct migration **out, char *err,
    size_t errsz)
{
	DIR			*d;
	struct dirent		*de;
	struct migration	*list = NULL, *p;
	int			 n = 0, v, i;

	if ((d = opendir(dir)) == NULL) {
		snprintf(err, errsz, "%s: cannot open the migrations folder: "
		    "%s", dir, strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		if ((v = parse_name(de->d_name)) < 0)
			continue;
		if ((p = reallocarray(list, n + 1, sizeof(*p))) == NULL) {
			free(list);
			closedir(d);
			snprintf(err, errsz, "out of memory");
			return -1;
		}
		list = p;
		list[n].version = v;
		str_copy(list[n].name, de->d_name, sizeof(list[n].name));
		n++;
	}
	closedir(d);
	qsort(list, n, sizeof(*list), by_version);
	for (i = 1; i < n; i++) {
		if (list[i].version == list[i - 1].version) {
			snprintf(err, errsz, "%s and %s have the same number",
			    list[i - 1].name, list[i].name);
			free(list);
			return -1;
		}
	}
	*out = list;
	return n;
}

static int
read_file(const char *path, struct buf *b, char *err, size_t errsz)
{
	FILE	*f;
	char	 chunk[8192];
	size_t	 n;

	if ((f = fopen(path, "r")) == NULL) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_append(b, chunk, n);
	fclose(f);
	return 0;
}

/* Runs each statement of the script; a statement ends at a line whose last
 * non-blank character is ';'. */
static int
run_script(struct db *db, const char *file, char *text, char *err,
    size_t errsz)
{
	struct buf	 stmt = { 0 };
	char		*line, *next, *end;
	int		 lineno = 0, start = 1, rc = 0;

	for (line = text; line != NULL && rc == 0; line = next) {
		lineno++;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		end = line + strlen(line);
		while (end > line && isspace((unsigned char)end[-1]))
			*--end = '\0';
		if (stmt.len == 0 && (line[0] == '\0' ||
		    strncmp(line, "--", 2) == 0))
			continue;
		if (stmt.len == 0)
			start = lineno;
		buf_puts(&stmt, line);
		buf_puts(&stmt, "\n");
		if (end > line && end[-1] == ';') {
			if (db_exec_script_statement(db, stmt.data,
			    stmt.len) != DB_OK) {
				snprintf(err, errsz, "%s:%d: %s", file, start,
				    db_error(db));
				rc = -1;
			}
			buf_reset(&stmt);
		}
	}
	if (rc == 0 && stmt.len > 0) {
		snprintf(err, errsz, "%s:%d: statement without a final ';'",
		    file, start);
		rc = -1;
	}
	buf_free(&stmt);
	return rc;
}

static int
ensure_table(struct db *db)
{
	return db_exec(db,
	    "CREATE TABLE IF NOT EXISTS schema_migrations ("
	    " version INT UNSIGNED NOT NULL PRIMARY KEY,"
	    " name VARCHAR(128) NOT NULL,"
	    " applied_at DATETIME(6) NOT NULL"
	    ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4", "");
}

int
migrate_current(struct db *db)
{
	struct db_res	*res;
	int		 v = -1;

	if (ensure_table(db) != DB_OK)
		return -1;
	if (db_query(db, &res,
	    "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
	    "") != DB_OK)
		return -1;
	if (db_next(res) == 1)
		v = (int)db_int(res, 0);
	db_res_free(res);
	return v;
}

/* Returns 1 when version is recorded as applied, 0 when not, -1 on error. */
static int
is_applied(struct db *db, int version)
{
	struct db_res	*res;
	int		 rc;

	if (db_query(db, &res, "SELECT 1 FROM schema_migrations "
	    "WHERE version = ?", "i", version) != DB_OK)
		return -1;
	rc = db_next(res);
	db_res_free(res);
	return rc;
}

int
migrate_run(struct db *db, const char *dir, int verbose, char *err,
    size_t errsz)
{
	struct migration	*list = NULL;
	struct buf		 text = { 0 };
	char			 path[1024], now[27];
	int			 n, i, current, applied, rc = 0;

	if ((n = list_migrations(dir, &list, err, errsz)) < 0)
		return -1;
	if ((current = migrate_current(db)) < 0) {
		snprintf(err, errsz, "cannot read schema_migrations: %s",
		    db_error(db));
		free(list);
		return -1;
	}
	if (current > 0 && (n == 0 || current > list[n - 1].version)) {
		snprintf(err, errsz, "the database is at schema version %d, "
		    "newer than the newest migration here (%d): use a newer "
		    "Laurel", current, n > 0 ? list[n - 1].version : 0);
		free(list);
		return -1;
	}
	/* Each file is checked on its own, so a migration numbered below
	 * one already applied (merged from another branch) still runs. */
	for (i = 0; i < n && rc == 0; i++) {
		if ((applied = is_applied(db, list[i].version)) != 0) {
			if (applied < 0) {
				snprintf(err, errsz, "cannot read "
				    "schema_migrations: %s", db_error(db));
				rc = -1;
			}
			continue;
		}
		snprintf(path, sizeof(path), "%s/%s", dir, list[i].name);
		buf_reset(&text);
		if (read_file(path, &text, err, errsz) == -1 ||
		    run_script(db, list[i].name, text.data ? text.data : "",
		    err, errsz) == -1) {
			rc = -1;
			break;
		}
		clock_format_sql(clock_now(), now);
		if (db_exec(db, "INSERT INTO schema_migrations "
		    "(version, name, applied_at) VALUES (?, ?, ?)", "iss",
		    list[i].version, list[i].name, now) != DB_OK) {
			snprintf(err, errsz, "%s: cannot record: %s",
			    list[i].name, db_error(db));
			rc = -1;
		} else if (verbose) {
			printf("applied %s\n", list[i].name);
		}
	}
	buf_free(&text);
	free(list);
	return rc;
}
