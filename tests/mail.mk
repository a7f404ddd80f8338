# Delivery of the mail outbox over SMTP by laurel-worker; included from
# Makefile.am.
lib_liblaurel_a_SOURCES += lib/mailmsg.c lib/mailmsg.h

check_PROGRAMS += tests/unit/test_mailmsg
TESTS += tests/unit/test_mailmsg
tests_unit_test_mailmsg_CFLAGS = $(AM_CFLAGS) $(SODIUM_CFLAGS) \
	-I$(top_srcdir)/tests/unit
tests_unit_test_mailmsg_SOURCES = tests/unit/test_mailmsg.c
tests_unit_test_mailmsg_LDADD = $(LAUREL_LIBS)
