# The page cache of laurel-fcgi and the change_log that validates it;
# included from Makefile.am.
lib_liblaurel_a_SOURCES += lib/change_log.c lib/change_log.h
fcgi_laurel_fcgi_SOURCES += fcgi/pagecache.c fcgi/pagecache.h

nobase_dist_pkgdata_DATA += sql/0017_change_log.sql

TESTS += tests/http/pagecache.sh
EXTRA_DIST += tests/http/pagecache.sh
