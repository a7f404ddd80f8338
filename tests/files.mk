# Tests and data files of the files pages; included from Makefile.am.

nobase_dist_pkgdata_DATA += \
	templates/admin/template.cs \
	templates/admin/templates.cs

check_PROGRAMS += tests/unit/test_files
TESTS += tests/unit/test_files tests/http/files.sh
EXTRA_DIST += tests/http/files.sh
tests_unit_test_files_CFLAGS = $(AM_CFLAGS) $(SODIUM_CFLAGS) \
	-I$(top_srcdir)/tests/unit
tests_unit_test_files_SOURCES = tests/unit/test_files.c
tests_unit_test_files_LDADD = $(LAUREL_LIBS)
