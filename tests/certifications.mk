# Tests and data files of the certifications pages; included from Makefile.am.
nobase_dist_pkgdata_DATA += \
	templates/admin/certifications.cs \
	templates/admin/certification.cs \
	templates/admin/certification_version.cs \
	templates/admin/certification_prerequisites.cs \
	templates/admin/certification_courses.cs \
	sql/0006_certification_lists.sql

check_PROGRAMS += tests/unit/test_certification
TESTS += tests/unit/test_certification tests/http/certifications.sh
EXTRA_DIST += tests/http/certifications.sh
tests_unit_test_certification_CFLAGS = $(AM_CFLAGS) \
	-I$(top_srcdir)/tests/unit
tests_unit_test_certification_SOURCES = tests/unit/test_certification.c
tests_unit_test_certification_LDADD = $(LAUREL_LIBS)
