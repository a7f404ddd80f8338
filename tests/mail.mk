# Delivery of the mail outbox over SMTP by laurel-worker; included from
# Makefile.am.
lib_liblaurel_a_SOURCES += lib/mailmsg.c lib/mailmsg.h
worker_laurel_worker_SOURCES += worker/mail.c worker/mail.h
worker_laurel_worker_CFLAGS += $(CURL_CFLAGS)
worker_laurel_worker_LDADD += $(CURL_LIBS)

nobase_dist_pkgdata_DATA += sql/0015_mail_delivery.sql

check_PROGRAMS += tests/unit/test_mailmsg
TESTS += tests/unit/test_mailmsg
tests_unit_test_mailmsg_CFLAGS = $(AM_CFLAGS) $(SODIUM_CFLAGS) \
	-I$(top_srcdir)/tests/unit
tests_unit_test_mailmsg_SOURCES = tests/unit/test_mailmsg.c
tests_unit_test_mailmsg_LDADD = $(LAUREL_LIBS)

TESTS += tests/http/mail.sh
EXTRA_DIST += tests/http/mail.sh tests/smtp-sink
