# Learners' records: course results by hand, class attendance, external
# courses and checklists; included from Makefile.am.
lib_liblaurel_a_SOURCES += lib/attendance.c lib/attendance.h \
	lib/checklist.c lib/checklist.h \
	lib/external_course.c lib/external_course.h \
	lib/registration.c lib/registration.h \
	lib/records_db.c lib/records_db.h
fcgi_laurel_fcgi_SOURCES += fcgi/page_records.c fcgi/page_records.h \
	fcgi/page_attendance.c fcgi/page_external.c fcgi/page_checklist.c

nobase_dist_pkgdata_DATA += \
	templates/admin/results.cs \
	templates/admin/result_cancel.cs \
	templates/admin/class_attendance.cs \
	templates/admin/class_learners.cs \
	templates/admin/external_courses.cs \
	templates/admin/external_course.cs \
	templates/admin/external_course_delete.cs \
	templates/admin/user_checklists.cs \
	templates/admin/user_checklist.cs \
	templates/learn/checklist.cs \
	sql/0012_records.sql

TESTS += tests/http/records.sh
EXTRA_DIST += tests/http/records.sh

check_PROGRAMS += tests/unit/test_records
TESTS += tests/unit/test_records
tests_unit_test_records_CFLAGS = $(AM_CFLAGS) -I$(top_srcdir)/tests/unit
tests_unit_test_records_SOURCES = tests/unit/test_records.c
tests_unit_test_records_LDADD = $(LAUREL_LIBS)
