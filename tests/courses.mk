# Tests and data files of the courses pages; included from Makefile.am.

nobase_dist_pkgdata_DATA += \
	templates/admin/courses.cs \
	templates/admin/course.cs \
	templates/admin/class.cs \
	templates/admin/course_delete.cs \
	sql/0005_course_description.sql

check_PROGRAMS += tests/unit/test_course
TESTS += tests/unit/test_course tests/http/courses.sh
EXTRA_DIST += tests/http/courses.sh
tests_unit_test_course_CFLAGS = $(AM_CFLAGS) -I$(top_srcdir)/tests/unit
tests_unit_test_course_SOURCES = tests/unit/test_course.c
tests_unit_test_course_LDADD = $(LAUREL_LIBS)
