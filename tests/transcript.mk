# Transcripts, Remove completed status and the mail outbox; included from
# Makefile.am.
lib_liblaurel_a_SOURCES += lib/transcript.c lib/transcript.h \
	lib/outbox.c lib/outbox.h
fcgi_laurel_fcgi_SOURCES += fcgi/page_transcript.c fcgi/page_outbox.c

nobase_dist_pkgdata_DATA += \
	templates/transcript.cs \
	templates/admin/transcript_revoke.cs \
	templates/admin/outbox.cs \
	sql/0013_outbox_created.sql

TESTS += tests/http/transcript.sh
EXTRA_DIST += tests/http/transcript.sh
