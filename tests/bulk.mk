# Bulk CSV imports by administrators: the library, the admin pages,
# laurelctl import users|results|completions and their tests; included
# from Makefile.am.
lib_liblaurel_a_SOURCES += lib/csvread.c lib/csvread.h \
	lib/bulk.c lib/bulk.h lib/bulk_row.h lib/bulk_users.c \
	lib/bulk_results.c lib/bulk_completions.c
cli_laurelctl_SOURCES += cli/import_bulk.c cli/import_bulk.h
