/* laurelctl import oulad: see cli/import_oulad.c. */
#ifndef LAUREL_CLI_IMPORT_OULAD_H
#define LAUREL_CLI_IMPORT_OULAD_H

struct db;

/* Runs "import oulad DIR [--base-date YYYY-MM-DD]"; argv[0] is "oulad".
 * Returns the exit status. */
int	 cmd_import_oulad(struct db *, int argc, char **argv);

#endif
