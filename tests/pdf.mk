# Certificate PDFs: the renderer the job worker links, pdf_sample, its
# test and benchmark; included from Makefile.am.
#
# laurel-worker links worker/libpdf.a $(PDF_LIBS) $(LAUREL_LIBS).
noinst_LIBRARIES += worker/libpdf.a
worker_libpdf_a_CFLAGS = $(AM_CFLAGS) $(QRENCODE_CFLAGS)
worker_libpdf_a_SOURCES = worker/pdf.c worker/pdf.h worker/ttf.c worker/ttf.h
PDF_LIBS = worker/libpdf.a $(HPDF_LIBS) $(QRENCODE_LIBS)

# Built with the programs so that bench/pdf.sh runs after "make".
noinst_PROGRAMS = worker/pdf_sample
worker_pdf_sample_CFLAGS = $(AM_CFLAGS) $(QRENCODE_CFLAGS)
worker_pdf_sample_SOURCES = worker/pdf_sample.c
worker_pdf_sample_LDADD = $(PDF_LIBS) $(LAUREL_LIBS)

TESTS += tests/pdf.sh
EXTRA_DIST += tests/pdf.sh bench/pdf.sh
