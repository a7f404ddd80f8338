# Tests and data files of the files pages; included from Makefile.am.
