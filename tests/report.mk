# Reports, their CSV export through laurel-worker and the admin's jobs
# pages; included from Makefile.am.
lib_liblaurel_a_SOURCES += lib/report.c lib/report.h
fcgi_laurel_fcgi_SOURCES += fcgi/page_report.c fcgi/page_jobs.c
worker_laurel_worker_SOURCES += worker/job_csv_export.c
worker_laurel_worker_LDADD += $(CSV_LIBS)

nobase_dist_pkgdata_DATA += \
	templates/admin/reports.cs \
	templates/admin/report_expiration.cs \
	templates/admin/jobs.cs \
	templates/admin/job.cs \
	sql/0020_enrollments_report_key.sql

check_PROGRAMS += tests/unit/test_db_stream
TESTS += tests/unit/test_db_stream tests/http/report.sh
tests_unit_test_db_stream_CFLAGS = $(AM_CFLAGS) -I$(top_srcdir)/tests/unit
tests_unit_test_db_stream_SOURCES = tests/unit/test_db_stream.c
tests_unit_test_db_stream_LDADD = $(LAUREL_LIBS)
EXTRA_DIST += tests/http/report.sh tests/http/report_rows.py bench/csv.sh
