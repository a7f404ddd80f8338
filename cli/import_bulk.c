/*
 * laurelctl import users|results|completions FILE [--admin LOGIN]: the
 * command-line form of the admin Imports page.  --admin names the
 * administrator recorded as the one who imported.  The file is checked and imported in one
 * transaction; any error keeps nothing and is printed as
 * "FILE:LINE: column: message".
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bulk.h"
#include "db.h"
#include "import_bulk.h"
#include "user.h"

/* Files larger than this are rejected before reading; the web form's
 * limit is nginx's client_max_body_size. */
#define IMPORT_FILE_MAX	(256L * 1024 * 1024)

/* Reads a whole file into *out (freed by the caller). */
static int
read_file(const char *path, char **out, size_t *len)
{
	FILE	*f;
	char	*data = NULL, *p;
	size_t	 cap = 0, n = 0, got;

	if ((f = fopen(path, "rb")) == NULL) {
		fprintf(stderr, "laurelctl: %s: %s\n", path, strerror(errno));
		return -1;
	}
	for (;;) {
		if (n == cap) {
			cap = cap ? cap * 2 : 65536;
			if (cap > (size_t)IMPORT_FILE_MAX + 1 ||
			    (p = realloc(data, cap)) == NULL) {
				fprintf(stderr, "laurelctl: %s: the file is "
				    "larger than %ld MB or memory ran out\n",
				    path, IMPORT_FILE_MAX / (1024 * 1024));
				free(data);
				fclose(f);
				return -1;
			}
			data = p;
		}
		if ((got = fread(data + n, 1, cap - n, f)) == 0)
			break;
		n += got;
	}
	if (ferror(f)) {
		fprintf(stderr, "laurelctl: %s: %s\n", path, strerror(errno));
		free(data);
		fclose(f);
		return -1;
	}
	fclose(f);
	*out = data;
	*len = n;
	return 0;
}

static void
print_errors(const char *path, const struct bulk_report *rep)
{
	size_t	 i;

	for (i = 0; i < rep->n_errors; i++) {
		if (rep->errors[i].field[0] != '\0')
			fprintf(stderr, "%s:%ld: %s: %s\n", path,
			    rep->errors[i].line, rep->errors[i].field,
			    rep->errors[i].message);
		else
			fprintf(stderr, "%s:%ld: %s\n", path,
			    rep->errors[i].line, rep->errors[i].message);
	}
	if (rep->errors_total > (long)rep->n_errors)
		fprintf(stderr, "%s: %ld more errors not shown\n", path,
		    rep->errors_total - (long)rep->n_errors);
	fprintf(stderr, "laurelctl: %s: nothing was imported; correct the "
	    "errors above and run the import again\n", path);
}

/* Reads the --admin option into *actor: the id of an active
 * administrator, recorded as the one who imported.  Returns 0 or -1. */
static int
read_actor(struct db *db, const char *login, long long *actor)
{
	struct user	 u;
	int		 rc;

	*actor = 0;
	if (login == NULL)
		return 0;
	rc = user_find_login(db, login, &u);
	if (rc == DB_OK && u.role == ROLE_ADMIN && u.active) {
		*actor = u.id;
		return 0;
	}
	if (rc < 0)
		fprintf(stderr, "laurelctl: %s\n", db_error(db));
	else
		fprintf(stderr, "laurelctl: --admin: \"%s\" is not the login "
		    "of an active administrator\n", login);
	return -1;
}

int
cmd_import_bulk(struct db *db, const struct config *cfg, int argc,
    char **argv)
{
	struct bulk_report	 rep;
	const char		*path, *base, *admin = NULL;
	char			*data;
	size_t			 len;
	long long		 actor;
	int			 kind, rc;

	if (argc == 4 && strcmp(argv[2], "--admin") == 0) {
		admin = argv[3];
		argc = 2;
	}
	if (argc != 2 || (kind = bulk_kind_parse(argv[0])) < 0) {
		fprintf(stderr, "usage: laurelctl import "
		    "users|results|completions FILE [--admin LOGIN]\n");
		return 2;
	}
	if (read_actor(db, admin, &actor) == -1)
		return 2;
	path = argv[1];
	if (read_file(path, &data, &len) == -1)
		return 1;
	base = strrchr(path, '/') != NULL ? strrchr(path, '/') + 1 : path;

	/* NOTE: without --admin the command acts as no user (actor 0),
	 * which the audit log shows as the system, and which
	 * completion_record_in_txn takes for the learner: results then
	 * read as the learner's own (method "self"). */
	rc = bulk_import(db, cfg, (enum bulk_kind)kind, data, len, base, 1,
	    actor, 0, &rep);
	free(data);
	if (rc == BULK_INVALID) {
		print_errors(path, &rep);
		bulk_report_free(&rep);
		return 1;
	}
	if (rc != DB_OK) {
		fprintf(stderr, "laurelctl: import %s: %s; nothing was "
		    "imported\n", argv[0], db_error(db));
		bulk_report_free(&rep);
		return 1;
	}
	printf("%s: imported %ld rows of %s: %ld created, %ld updated, "
	    "%ld unchanged\n", path, rep.rows, argv[0], rep.created,
	    rep.updated, rep.unchanged);
	bulk_report_free(&rep);
	return 0;
}
