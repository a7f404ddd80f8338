# Tests and data files of the groups pages; included from Makefile.am.
