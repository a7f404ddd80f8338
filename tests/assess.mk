# Online courses: the content learners open and the assessment that
# grades their answers; included from Makefile.am.
lib_liblaurel_a_SOURCES += lib/assessment.c lib/assessment.h \
	lib/content.c lib/content.h
fcgi_laurel_fcgi_SOURCES += fcgi/page_assessment.c fcgi/page_learn_course.c

nobase_dist_pkgdata_DATA += \
	templates/admin/course_content.cs \
	templates/admin/assessment.cs \
	templates/admin/question.cs \
	templates/admin/question_delete.cs \
	templates/learn/course.cs \
	templates/learn/attempt.cs \
	sql/0011_assessments.sql

check_PROGRAMS += tests/unit/test_assessment
TESTS += tests/unit/test_assessment tests/http/assess.sh
EXTRA_DIST += tests/http/assess.sh
tests_unit_test_assessment_CFLAGS = $(AM_CFLAGS) -I$(top_srcdir)/tests/unit
tests_unit_test_assessment_SOURCES = tests/unit/test_assessment.c
tests_unit_test_assessment_LDADD = $(LAUREL_LIBS)
