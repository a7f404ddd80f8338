# Tests and data files of the certifications pages; included from Makefile.am.
