# laurelctl import oulad, its fixture and its test; included from
# Makefile.am.
lib_liblaurel_a_SOURCES += lib/oulad.c lib/oulad.h lib/oulad_model.h \
	lib/oulad_csv.c lib/oulad_csv.h lib/oulad_read.c lib/oulad_rules.c \
	lib/oulad_write.c
cli_laurelctl_SOURCES += cli/import_oulad.c cli/import_oulad.h

nobase_dist_pkgdata_DATA += sql/0018_import_keys.sql \
	sql/0019_change_log_history.sql

TESTS += tests/http/oulad.sh tests/http/oulad-full.sh
EXTRA_DIST += tests/http/oulad.sh tests/http/oulad-full.sh \
	bench/oulad.sh bench/oulad-pages.sh script/oulad-unpack \
	tests/data/oulad-full/README.md tests/data/oulad-full/SHA256SUMS \
	tests/data/oulad-full/courses.csv.gz \
	tests/data/oulad-full/assessments.csv.gz \
	tests/data/oulad-full/studentInfo.csv.gz \
	tests/data/oulad-full/studentRegistration.csv.gz \
	tests/data/oulad-full/studentAssessment.csv.gz \
	tests/data/oulad/courses.csv tests/data/oulad/assessments.csv \
	tests/data/oulad/studentInfo.csv \
	tests/data/oulad/studentRegistration.csv \
	tests/data/oulad/studentAssessment.csv tests/data/oulad/README.md
