/* laurelctl import users|results|completions: see cli/import_bulk.c. */
#ifndef LAUREL_CLI_IMPORT_BULK_H
#define LAUREL_CLI_IMPORT_BULK_H

struct config;
struct db;

/* Runs "import KIND FILE [--admin LOGIN]"; argv[0] is the kind.  Returns the exit
 * status: 0 after an import, 1 when the file has errors or the database
 * failed, 2 for a wrong command line. */
int	 cmd_import_bulk(struct db *, const struct config *, int argc,
	    char **argv);

#endif
