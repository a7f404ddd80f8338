# Certificates: issuing with numbers, the PDF job, printing from the
# transcript and /verify/<code>; included from Makefile.am.
lib_liblaurel_a_SOURCES += lib/certificate.c lib/certificate.h
fcgi_laurel_fcgi_SOURCES += fcgi/page_certificate.c
worker_laurel_worker_SOURCES += worker/job_certificate.c

nobase_dist_pkgdata_DATA += \
	templates/certificate.cs \
	templates/verify.cs \
	static/certificate.svg

TESTS += tests/http/certificate.sh
EXTRA_DIST += tests/http/certificate.sh
TESTS += tests/http/worker.sh
EXTRA_DIST += tests/http/worker.sh bench/certificate.sh
