# Bulk CSV imports by administrators: the library, the admin pages,
# laurelctl import users|results|completions and their tests; included
# from Makefile.am.
lib_liblaurel_a_SOURCES += lib/csvread.c lib/csvread.h \
	lib/bulk.c lib/bulk.h lib/bulk_row.h lib/bulk_users.c \
	lib/bulk_results.c lib/bulk_completions.c
cli_laurelctl_SOURCES += cli/import_bulk.c cli/import_bulk.h
fcgi_laurel_fcgi_SOURCES += fcgi/page_import.c

nobase_dist_pkgdata_DATA += templates/admin/imports.cs \
	templates/admin/import_preview.cs \
	static/imports/users.csv static/imports/results.csv \
	static/imports/completions.csv

TESTS += tests/http/bulk.sh
EXTRA_DIST += tests/http/bulk.sh
