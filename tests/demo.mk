# The test of laurelctl demo; included from Makefile.am.
TESTS += tests/http/demo.sh
EXTRA_DIST += tests/http/demo.sh
