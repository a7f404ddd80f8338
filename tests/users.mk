# Tests and data files of the users pages; included from Makefile.am.
