# Tests of the request parsers in fcgi/form.c, included from the top-level
# Makefile.am.  "make check" runs the TAP unit test and replays the seed
# corpus of each fuzz target.  "make fuzz" builds the targets with clang and
# libFuzzer and runs each for FUZZ_SECONDS seconds:
#
#	make fuzz FUZZ_SECONDS=60
#
# The tests compile lib/utf8.c themselves instead of linking liblaurel.a,
# whose other modules need MariaDB and libsodium.

FORM_TEST_INCLUDES = $(AM_CPPFLAGS) -I$(top_srcdir)/fcgi

# ---------------------------------------------------------------- unit test
check_PROGRAMS += tests/unit/test_form
TESTS += tests/unit/test_form
tests_unit_test_form_CPPFLAGS = $(FORM_TEST_INCLUDES)
tests_unit_test_form_SOURCES = tests/unit/test_form.c tests/unit/tap.h \
	lib/utf8.c
tests_unit_test_form_LDADD = fcgi/libform.a

# ---------------------------------------------------------------- replays
# Each replay program is a fuzz target linked with replay.c instead of
# libFuzzer; its script runs it on the corpus in the source tree.
FUZZ_REPLAY_COMMON = tests/fuzz/replay.c fcgi/form.c fcgi/form.h \
	fcgi/form_parse.h fcgi/multipart.c \
	lib/utf8.c lib/utf8.h

check_PROGRAMS += tests/fuzz/replay_urlencoded tests/fuzz/replay_multipart \
	tests/fuzz/replay_cookie
tests_fuzz_replay_urlencoded_CPPFLAGS = $(FORM_TEST_INCLUDES)
tests_fuzz_replay_urlencoded_SOURCES = tests/fuzz/fuzz_urlencoded.c \
	$(FUZZ_REPLAY_COMMON)
tests_fuzz_replay_multipart_CPPFLAGS = $(FORM_TEST_INCLUDES)
tests_fuzz_replay_multipart_SOURCES = tests/fuzz/fuzz_multipart.c \
	$(FUZZ_REPLAY_COMMON)
tests_fuzz_replay_cookie_CPPFLAGS = $(FORM_TEST_INCLUDES)
tests_fuzz_replay_cookie_SOURCES = tests/fuzz/fuzz_cookie.c \
	$(FUZZ_REPLAY_COMMON)

FUZZ_REPLAY_TESTS = tests/fuzz/check_urlencoded.sh \
	tests/fuzz/check_multipart.sh tests/fuzz/check_cookie.sh
TESTS += $(FUZZ_REPLAY_TESTS)
EXTRA_DIST += $(FUZZ_REPLAY_TESTS) tests/fuzz/corpus

# ---------------------------------------------------------------- make fuzz
# Each target runs on a copy of its corpus in tests/fuzz/fuzz_work/, so the
# inputs that libFuzzer adds stay in the build directory, and so do the
# inputs it saves on a failure (fuzz_work/TARGET-crash-*, -leak-*,
# -timeout-*).  The multipart target gets a 1 KiB read buffer, so that the
# short inputs libFuzzer writes also exercise the code that refills it.
FUZZ_SECONDS = 60
FUZZ_CC = clang
FUZZ_CFLAGS = -g -O1 -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=undefined
FUZZ_MULTIPART_DEFS = -DMP_BUFSZ=1024 -DMP_MAX_HEADER=512
FUZZ_TARGETS = urlencoded multipart cookie
FUZZ_WORK = tests/fuzz/fuzz_work

fuzz:
	@set -e; \
	for t in $(FUZZ_TARGETS); do \
		extra=; \
		if test "$$t" = multipart; then \
			extra='$(FUZZ_MULTIPART_DEFS)'; \
		fi; \
		rm -rf $(FUZZ_WORK)/corpus_$$t; \
		$(MKDIR_P) $(FUZZ_WORK)/corpus_$$t; \
		echo "fuzz: building fuzz_$$t"; \
		$(FUZZ_CC) $(FUZZ_CFLAGS) $$extra -I$(top_srcdir)/lib \
		    -I$(top_srcdir)/fcgi -o $(FUZZ_WORK)/fuzz_$$t \
		    $(srcdir)/tests/fuzz/fuzz_$$t.c $(srcdir)/fcgi/form.c \
		    $(srcdir)/fcgi/multipart.c \
		    $(srcdir)/lib/utf8.c; \
		cp $(srcdir)/tests/fuzz/corpus/$$t/* $(FUZZ_WORK)/corpus_$$t/; \
		echo "fuzz: running fuzz_$$t for $(FUZZ_SECONDS) s"; \
		$(FUZZ_WORK)/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) \
		    -artifact_prefix=$(FUZZ_WORK)/$$t- \
		    $(FUZZ_WORK)/corpus_$$t; \
	done

clean-fuzz:
	rm -rf $(FUZZ_WORK)

clean-local: clean-fuzz

.PHONY: fuzz clean-fuzz
