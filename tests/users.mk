# Tests and data files of the users pages; included from Makefile.am.

nobase_dist_pkgdata_DATA += \
	templates/admin/users.cs \
	templates/admin/user.cs \
	templates/admin/user_password.cs \
	templates/admin/user_deactivate.cs

check_PROGRAMS += tests/unit/test_user
TESTS += tests/unit/test_user tests/http/users.sh
tests_unit_test_user_CFLAGS = $(AM_CFLAGS) -I$(top_srcdir)/tests/unit
tests_unit_test_user_SOURCES = tests/unit/test_user.c
tests_unit_test_user_LDADD = $(LAUREL_LIBS)
EXTRA_DIST += tests/http/users.sh
