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

# The CSV reader: a unit test and the replay of its fuzz target's seed
# corpus.  Both compile the reader alone, without MariaDB.  To fuzz it
# with libFuzzer for a minute:
#	clang -g -O1 -fsanitize=fuzzer,address,undefined -Ilib -I. \
#	    tests/fuzz/fuzz_csvread.c lib/csvread.c lib/utf8.c lib/str.c \
#	    -o fuzz_csvread && ./fuzz_csvread -max_total_time=60 CORPUS
check_PROGRAMS += tests/unit/test_csvread tests/fuzz/replay_csvread
TESTS += tests/unit/test_csvread tests/fuzz/check_csvread.sh
tests_unit_test_csvread_CFLAGS = $(AM_CFLAGS) -I$(top_srcdir)/tests/unit
tests_unit_test_csvread_SOURCES = tests/unit/test_csvread.c \
	lib/csvread.c lib/utf8.c
tests_fuzz_replay_csvread_SOURCES = tests/fuzz/fuzz_csvread.c \
	tests/fuzz/replay.c lib/csvread.c lib/utf8.c lib/str.c
EXTRA_DIST += tests/fuzz/check_csvread.sh tests/fuzz/corpus/csvread
