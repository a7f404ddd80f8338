/*
 * pdf_sample: writes certificate PDFs from the command line, for the
 * tests and the benchmark of worker/pdf.c.
 *
 *   pdf_sample --out FILE [--name TEXT] [--certification TEXT]
 *       [--completed TEXT] [--expires TEXT] [--number TEXT] [--hours TEXT]
 *       [--code TEXT] [--url URL] [--background FILE] [--fonts DIR]
 *       [--template] [--page A4|Letter] [--landscape | --portrait]
 *       [--box FIELD=X,Y,W,H,SIZE,ALIGN]... [--count N] [--baseline]
 *
 * Without --template, --box, --page or an orientation the certificate has
 * the built-in design.  Otherwise it starts from cert_template_defaults()
 * and each --box replaces one field's box (tenths of a millimetre and of
 * a point; ALIGN is left, center or right).  --count writes the same
 * certificate N times to FILE and prints the time taken.  --baseline
 * writes the built-in design's texts the plain libharu way instead (two
 * whole DejaVu faces, no subsetting), as the benchmark's reference.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hpdf.h>
#include <qrencode.h>

#include "cert_template.h"
#include "pdf.h"

static void
usage(void)
{
	fprintf(stderr, "usage: pdf_sample --out FILE [--name TEXT] "
	    "[--certification TEXT] [--completed TEXT] [--expires TEXT] "
	    "[--number TEXT] [--hours TEXT] [--code TEXT] [--url URL] "
	    "[--background FILE] [--fonts DIR] [--template] "
	    "[--page A4|Letter] [--landscape|--portrait] "
	    "[--box FIELD=X,Y,W,H,SIZE,ALIGN]... [--count N] [--baseline]\n");
	exit(2);
}

static int
name_index(const char *const *names, const char *name)
{
	int	 i;

	for (i = 0; names[i] != NULL; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	return -1;
}

/* Parses FIELD=X,Y,W,H,SIZE,ALIGN into the template.  Returns 0 or -1. */
static int
parse_box(struct cert_template *t, const char *arg)
{
	char		 field[32], align[16];
	struct cert_box	 b;
	int		 i, a;

	if (sscanf(arg, "%31[a-z_]=%d,%d,%d,%d,%d,%15s", field, &b.x, &b.y,
	    &b.width, &b.height, &b.font_size, align) != 7 ||
	    (i = name_index(cert_field_names, field)) == -1 ||
	    (a = name_index(cert_align_names, align)) == -1)
		return -1;
	b.align = a;
	t->boxes[i] = b;
	return 0;
}

/* ------------------------------------------------ the plain libharu way */

static void
baseline_error(HPDF_STATUS code, HPDF_STATUS detail, void *arg)
{
	int	*failed = arg;

	fprintf(stderr, "pdf_sample: libharu error 0x%04X (%u)\n",
	    (unsigned)code, (unsigned)detail);
	*failed = 1;
}

static void
baseline_text(HPDF_Page page, HPDF_Font font, double size, double y_mm,
    const char *text)
{
	double	 w;

	if (text == NULL || *text == '\0')
		return;
	HPDF_Page_SetFontAndSize(page, font, size);
	w = HPDF_Page_TextWidth(page, text);
	HPDF_Page_BeginText(page);
	HPDF_Page_TextOut(page, (HPDF_Page_GetWidth(page) - w) / 2,
	    HPDF_Page_GetHeight(page) - y_mm * 72 / 25.4, text);
	HPDF_Page_EndText(page);
}

/* Writes the certificate's texts and QR code with two whole DejaVu faces,
 * as a straightforward libharu program would. */
static int
baseline_write(const char *fonts, const struct pdf_certificate *c,
    const char *path)
{
	HPDF_Doc	 pdf;
	HPDF_Page	 page;
	HPDF_Font	 regular, bold;
	QRcode		*qr;
	char		 file[512];
	int		 failed = 0, x, y;
	double		 unit;

	if ((pdf = HPDF_New(baseline_error, &failed)) == NULL)
		return -1;
	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(pdf);
	HPDF_SetCurrentEncoder(pdf, "UTF-8");
	snprintf(file, sizeof(file), "%s/dejavu/DejaVuSans.ttf", fonts);
	regular = HPDF_GetFont(pdf, HPDF_LoadTTFontFromFile(pdf, file,
	    HPDF_TRUE), "UTF-8");
	snprintf(file, sizeof(file), "%s/dejavu/DejaVuSans-Bold.ttf", fonts);
	bold = HPDF_GetFont(pdf, HPDF_LoadTTFontFromFile(pdf, file,
	    HPDF_TRUE), "UTF-8");
	page = HPDF_AddPage(pdf);
	HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_LANDSCAPE);

	baseline_text(page, bold, 40, 40, "Certificate");
	baseline_text(page, bold, 32, 76, c->learner_name);
	baseline_text(page, regular, 20, 110, c->certificate_name);
	baseline_text(page, regular, 12, 126, c->completed_on);
	baseline_text(page, regular, 12, 134, c->expires_on);
	baseline_text(page, regular, 12, 166, c->certificate_number);
	baseline_text(page, regular, 12, 174, c->credit_hours);
	baseline_text(page, bold, 12, 182, c->verification_code);
	baseline_text(page, regular, 8, 190, c->verification_url);

	if ((qr = QRcode_encodeString8bit(c->verification_url, 0,
	    QR_ECLEVEL_M)) != NULL) {
		unit = 90.0 / qr->width;
		for (y = 0; y < qr->width; y++)
			for (x = 0; x < qr->width; x++)
				if (qr->data[y * qr->width + x] & 1)
					HPDF_Page_Rectangle(page,
					    680 + x * unit, 120 - y * unit,
					    unit, unit);
		HPDF_Page_Fill(page);
		QRcode_free(qr);
	}
	if (!failed)
		HPDF_SaveToFile(pdf, path);
	HPDF_Free(pdf);
	return failed ? -1 : 0;
}

/* ------------------------------------------------------------ main */

int
main(int argc, char *argv[])
{
	static const struct option opts[] = {
		{ "out", required_argument, NULL, 'o' },
		{ "name", required_argument, NULL, 'n' },
		{ "certification", required_argument, NULL, 'c' },
		{ "completed", required_argument, NULL, 'd' },
		{ "expires", required_argument, NULL, 'e' },
		{ "number", required_argument, NULL, 'N' },
		{ "hours", required_argument, NULL, 'h' },
		{ "code", required_argument, NULL, 'v' },
		{ "url", required_argument, NULL, 'u' },
		{ "background", required_argument, NULL, 'b' },
		{ "fonts", required_argument, NULL, 'f' },
		{ "template", no_argument, NULL, 't' },
		{ "page", required_argument, NULL, 'p' },
		{ "landscape", no_argument, NULL, 'L' },
		{ "portrait", no_argument, NULL, 'P' },
		{ "box", required_argument, NULL, 'B' },
		{ "count", required_argument, NULL, 'C' },
		{ "baseline", no_argument, NULL, 'R' },
		{ NULL, 0, NULL, 0 }
	};
	struct pdf_certificate c = {
		"Ana Lúcia Pereira", "Certified Safety Officer", "2025-03-14",
		"", "CERT-000123", "", "7KX2-9PQM",
		"https://laurel.example/verify/7KX2-9PQM", NULL, NULL
	};
	struct cert_template t;
	struct pdf_fonts *fonts;
	struct timespec	 start, end;
	const char	*out = NULL, *dir = NULL;
	char		 err[512];
	long		 count = 1, i;
	int		 ch, use_template = 0, baseline = 0;

	cert_template_defaults(&t);
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'o': out = optarg; break;
		case 'n': c.learner_name = optarg; break;
		case 'c': c.certificate_name = optarg; break;
		case 'd': c.completed_on = optarg; break;
		case 'e': c.expires_on = optarg; break;
		case 'N': c.certificate_number = optarg; break;
		case 'h': c.credit_hours = optarg; break;
		case 'v': c.verification_code = optarg; break;
		case 'u': c.verification_url = optarg; break;
		case 'b': c.background_path = optarg; break;
		case 'f': dir = optarg; break;
		case 't': use_template = 1; break;
		case 'p':
			if ((t.page_size = name_index(cert_page_size_names,
			    optarg)) == -1)
				usage();
			use_template = 1;
			break;
		case 'L':
			t.orientation = CERT_LANDSCAPE;
			use_template = 1;
			break;
		case 'P':
			t.orientation = CERT_PORTRAIT;
			use_template = 1;
			break;
		case 'B':
			if (parse_box(&t, optarg) == -1)
				usage();
			use_template = 1;
			break;
		case 'C':
			if ((count = strtol(optarg, NULL, 10)) < 1)
				usage();
			break;
		case 'R': baseline = 1; break;
		default: usage();
		}
	}
	if (out == NULL || optind != argc)
		usage();
	if (use_template)
		c.tmpl = &t;

	if ((fonts = pdf_fonts_open(dir, err, sizeof(err))) == NULL) {
		fprintf(stderr, "pdf_sample: %s\n", err);
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &start);
	for (i = 0; i < count; i++) {
		if (baseline ? baseline_write(dir ? dir :
		    "/usr/share/fonts/truetype", &c, out) == -1 :
		    pdf_certificate_write(fonts, &c, out, err,
		    sizeof(err)) == -1) {
			fprintf(stderr, "pdf_sample: %s\n", baseline ?
			    "the baseline document failed" : err);
			pdf_fonts_close(fonts);
			return 1;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &end);
	if (count > 1)
		printf("%ld certificates in %.3f s\n", count,
		    (double)(end.tv_sec - start.tv_sec) +
		    (end.tv_nsec - start.tv_nsec) / 1e9);
	pdf_fonts_close(fonts);
	return 0;
}
