# Tests and data files of the courses pages; included from Makefile.am.
