/*
 * Certificate PDFs with libharu 2.3.0 and libqrencode.
 *
 * A certificate is laid out first (struct layout: each text with its
 * font, size and position, measured with worker/ttf.c), then drawn: the
 * subset fonts are built from the characters the layout uses, so each
 * PDF embeds only the glyphs it shows.  Lengths are PDF points (1/72
 * inch) from the bottom left corner of the page, except in the template
 * boxes, which are tenths of a millimetre from the top left.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hpdf.h>
#include <qrencode.h>

#include "cert_template.h"
#include "pdf.h"
#include "ttf.h"
#include "utf8.h"

#define FONT_DIR	"/usr/share/fonts/truetype"
#define MAX_LINES	24
#define ELLIPSIS	0x2026
#define REPLACEMENT	0xfffd

enum face {
	FACE_SANS,
	FACE_SANS_BOLD,
	FACE_SERIF_BOLD,
	FACE_CJK,
	FACE_COUNT
};

static const struct {
	const char	*file;		/* under the font folder */
	unsigned	 index;		/* in a collection */
} face_files[FACE_COUNT] = {
	[FACE_SANS] = { "dejavu/DejaVuSans.ttf", 0 },
	[FACE_SANS_BOLD] = { "dejavu/DejaVuSans-Bold.ttf", 0 },
	[FACE_SERIF_BOLD] = { "dejavu/DejaVuSerif-Bold.ttf", 0 },
	[FACE_CJK] = { "wqy/wqy-microhei.ttc", 0 },
};

enum style {
	STYLE_TEXT,
	STYLE_STRONG,
	STYLE_TITLE
};

/* The faces tried for a text of each style, in order; -1 ends a list. */
static const int style_faces[][4] = {
	[STYLE_TEXT] = { FACE_SANS, FACE_CJK, -1, -1 },
	[STYLE_STRONG] = { FACE_SANS_BOLD, FACE_CJK, -1, -1 },
	[STYLE_TITLE] = { FACE_SERIF_BOLD, FACE_SANS_BOLD, FACE_CJK, -1 },
};

struct pdf_fonts {
	struct ttf	*face[FACE_COUNT];
	/* The last background image read, kept while the file is unchanged. */
	char		 bg_path[PATH_MAX];
	struct stat	 bg_stat;
	unsigned char	*bg;
	size_t		 bg_len;
};

struct rgb {
	float	 r, g, b;
};

static const struct rgb ink = { 0.13f, 0.13f, 0.15f };
static const struct rgb navy = { 0.11f, 0.20f, 0.36f };
static const struct rgb muted = { 0.40f, 0.42f, 0.46f };
static const struct rgb gold = { 0.72f, 0.57f, 0.24f };

/* A rectangle in points: x, y of its top left corner from the page's top
 * left, so that template boxes convert without arithmetic on the page. */
struct area {
	double	 x, y, w, h;
};

/* One line of text, ready to draw. */
struct line {
	uint32_t	 cp[PDF_TEXT_MAX + 1];	/* in drawing order */
	size_t		 n;
	int		 face;
	double		 size;			/* points */
	double		 x, y;			/* baseline start, from bottom */
	struct rgb	 color;
};

struct layout {
	struct pdf_fonts *fonts;
	double		 width, height;		/* page, points */
	int		 framed;		/* draw the built-in border */
	struct line	 lines[MAX_LINES];
	size_t		 nlines;
	const char	*qr_text;
	struct area	 qr;			/* qr.w 0: no QR code */
};

static double
mm(double v)
{
	return v * 72.0 / 25.4;
}

static double
tenths(int v)
{
	return mm(v / 10.0);
}

/* ------------------------------------------------------------ fonts */

struct pdf_fonts *
pdf_fonts_open(const char *dir, char *err, size_t errsz)
{
	struct pdf_fonts *f;
	char		 path[PATH_MAX];
	int		 i;

	if ((f = calloc(1, sizeof(*f))) == NULL) {
		snprintf(err, errsz, "Out of memory loading the fonts.");
		return NULL;
	}
	if (dir == NULL)
		dir = FONT_DIR;
	for (i = 0; i < FACE_COUNT; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, face_files[i].file);
		f->face[i] = ttf_open(path, face_files[i].index, err, errsz);
		if (f->face[i] == NULL) {
			pdf_fonts_close(f);
			return NULL;
		}
	}
	return f;
}

void
pdf_fonts_close(struct pdf_fonts *f)
{
	int	 i;

	if (f == NULL)
		return;
	for (i = 0; i < FACE_COUNT; i++)
		ttf_close(f->face[i]);
	free(f->bg);
	free(f);
}

/* ------------------------------------------------------------ text */

/*
 * Decodes UTF-8 into at most max code points.  Invalid bytes and code
 * points above U+FFFF become U+FFFD, control characters spaces.  Sets
 * *cut when the text had more.
 */
static size_t
decode(const char *s, uint32_t *out, size_t max, int *cut)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t		 len = strlen(s), i = 0, n = 0, k, j;
	uint32_t	 cp;

	*cut = 0;
	while (i < len) {
		if (n == max) {
			*cut = 1;
			break;
		}
		k = p[i] < 0x80 ? 1 : p[i] >= 0xc2 && p[i] <= 0xdf ? 2 :
		    p[i] >= 0xe0 && p[i] <= 0xef ? 3 :
		    p[i] >= 0xf0 && p[i] <= 0xf4 ? 4 : 0;
		if (k == 0 || k > len - i || !utf8_valid(s + i, k)) {
			out[n++] = REPLACEMENT;
			i++;
			continue;
		}
		cp = k == 1 ? p[i] : p[i] & (0x7f >> k);
		for (j = 1; j < k; j++)
			cp = cp << 6 | (p[i + j] & 0x3f);
		if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
			cp = ' ';
		else if (cp > 0xffff)
			cp = REPLACEMENT;
		out[n++] = cp;
		i += k;
	}
	return n;
}

/* Returns how many of cps[0..n) the face has no glyph for. */
static size_t
missing(const struct ttf *face, const uint32_t *cps, size_t n)
{
	size_t	 i, m = 0;

	for (i = 0; i < n; i++)
		if (ttf_glyph(face, cps[i]) == 0)
			m++;
	return m;
}

/* Returns the first face of the style that has every character, or the
 * one that misses the fewest. */
static int
choose_face(const struct pdf_fonts *f, int style, const uint32_t *cps,
    size_t n)
{
	const int	*list = style_faces[style];
	size_t		 m, best_missing = (size_t)-1;
	int		 i, best = list[0];

	for (i = 0; i < 4 && list[i] != -1; i++) {
		m = missing(f->face[list[i]], cps, n);
		if (m == 0)
			return list[i];
		if (m < best_missing) {
			best_missing = m;
			best = list[i];
		}
	}
	return best;
}

/* Returns the width of cps[0..n) at 1 point, in points. */
static double
measure(const struct ttf *face, const uint32_t *cps, size_t n)
{
	unsigned long	 units = 0;
	size_t		 i;

	for (i = 0; i < n; i++)
		units += ttf_advance(face, ttf_glyph(face, cps[i]));
	return (double)units / ttf_units_per_em(face);
}

static int
is_rtl(uint32_t cp)
{
	return (cp >= 0x0590 && cp <= 0x08ff) ||
	    (cp >= 0xfb1d && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfefe);
}

/* Letters and digits of left-to-right scripts. */
static int
is_ltr(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
	    (cp >= 'a' && cp <= 'z') || (cp >= 0xc0 && !is_rtl(cp) &&
	    cp != 0xd7 && cp != 0xf7 && (cp < 0x2000 || cp >= 0x3040));
}

static void
reverse(uint32_t *cps, size_t n)
{
	size_t		 i;
	uint32_t	 c;

	for (i = 0; i < n / 2; i++) {
		c = cps[i];
		cps[i] = cps[n - 1 - i];
		cps[n - 1 - i] = c;
	}
}

/*
 * Puts a text with right-to-left letters into drawing order: the whole
 * text reversed, then each run from a left-to-right letter or digit to
 * the last one before the next right-to-left letter reversed back.
 */
static void
visual_order(uint32_t *cps, size_t n)
{
	size_t	 i, start, end;
	int	 rtl = 0;

	for (i = 0; i < n && !rtl; i++)
		rtl = is_rtl(cps[i]);
	if (!rtl)
		return;
	reverse(cps, n);
	for (i = 0; i < n; i++) {
		if (!is_ltr(cps[i]))
			continue;
		start = end = i;
		while (i < n && !is_rtl(cps[i])) {
			if (is_ltr(cps[i]))
				end = i;
			i++;
		}
		reverse(cps + start, end - start + 1);
	}
}

/*
 * Sets line's size so that the text fits width at most size points, and
 * cuts it with an ellipsis when it does not fit at PDF_FONT_MIN.  cut
 * forces the ellipsis (the text had more than PDF_TEXT_MAX characters).
 */
static void
fit(struct line *l, const struct ttf *face, double size, double width,
    int cut)
{
	uint32_t	 dots = ELLIPSIS;
	double		 w = measure(face, l->cp, l->n), dw;

	l->size = size;
	if (w * size > width)
		l->size = width / w;
	if (l->size >= PDF_FONT_MIN && !cut)
		return;
	if (l->size > size)
		l->size = size;
	if (l->size < PDF_FONT_MIN)
		l->size = PDF_FONT_MIN;
	if (ttf_glyph(face, ELLIPSIS) == 0)
		dots = '.';
	dw = measure(face, &dots, 1);
	while (l->n > 0 && (w + dw) * l->size > width) {
		l->n--;
		w -= measure(face, &l->cp[l->n], 1);
	}
	l->cp[l->n++] = dots;
}

/*
 * Adds a line of text in the area, shrunk or cut to fit its width, centred
 * on the area's height.  Returns the line, or NULL for an empty text.
 */
static struct line *
add_text(struct layout *lay, int style, const char *text, double size,
    struct area a, int align, struct rgb color)
{
	struct line	*l;
	const struct ttf *face;
	int		 cut, ascent, descent;
	double		 w, upem;

	if (text == NULL || *text == '\0' || lay->nlines == MAX_LINES)
		return NULL;
	l = &lay->lines[lay->nlines];
	l->n = decode(text, l->cp, PDF_TEXT_MAX, &cut);
	l->face = choose_face(lay->fonts, style, l->cp, l->n);
	face = lay->fonts->face[l->face];
	fit(l, face, size, a.w, cut);
	visual_order(l->cp, l->n);

	w = measure(face, l->cp, l->n) * l->size;
	l->x = a.x;
	if (align == CERT_ALIGN_CENTER)
		l->x += (a.w - w) / 2;
	else if (align == CERT_ALIGN_RIGHT)
		l->x += a.w - w;
	ttf_vertical(face, &ascent, &descent);
	upem = ttf_units_per_em(face);
	l->y = lay->height - (a.y + a.h / 2) -
	    (ascent + descent) / upem / 2 * l->size;
	l->color = color;
	lay->nlines++;
	return l;
}

/* ------------------------------------------------------------ layouts */

/*
 * Lays out the verification box: the QR code at the box's height (at most
 * 40% of its width) on the left, or on the right for right alignment, and
 * beside it the code above the URL.
 */
static void
layout_verification(struct layout *lay, const struct pdf_certificate *c,
    struct area box, double size, int align)
{
	struct area	 text = box;
	double		 side, gap;

	side = box.h < box.w * 0.4 ? box.h : box.w * 0.4;
	gap = side * 0.12;
	lay->qr_text = c->verification_url;
	lay->qr = (struct area){ box.x, box.y + (box.h - side) / 2, side, side };
	if (align == CERT_ALIGN_RIGHT)
		lay->qr.x = box.x + box.w - side;
	else
		text.x += side + gap;
	text.w -= side + gap;

	text.h = size * 1.25;
	text.y = box.y + box.h / 2 - size * 1.1;
	add_text(lay, STYLE_STRONG, c->verification_code, size, text, align,
	    ink);
	text.y += text.h;
	text.h = size * 0.95;
	add_text(lay, STYLE_TEXT, c->verification_url, size * 0.75, text,
	    align, muted);
}

static void
layout_template(struct layout *lay, const struct pdf_certificate *c)
{
	const struct cert_template *t = c->tmpl;
	const char	*texts[CERT_FIELD_COUNT];
	struct area	 a;
	int		 i, w, h;

	cert_template_page_tenths(t->page_size, t->orientation, &w, &h);
	lay->width = tenths(w);
	lay->height = tenths(h);
	texts[CERT_FIELD_LEARNER_NAME] = c->learner_name;
	texts[CERT_FIELD_CERTIFICATE_NAME] = c->certificate_name;
	texts[CERT_FIELD_COMPLETED_ON] = c->completed_on;
	texts[CERT_FIELD_EXPIRES_ON] = c->expires_on;
	texts[CERT_FIELD_CERTIFICATE_NUMBER] = c->certificate_number;
	texts[CERT_FIELD_CREDIT_HOURS] = c->credit_hours;
	texts[CERT_FIELD_VERIFICATION_CODE] = c->verification_code;

	for (i = 0; i < CERT_FIELD_COUNT; i++) {
		const struct cert_box *b = &t->boxes[i];

		a = (struct area){ tenths(b->x), tenths(b->y),
		    tenths(b->width), tenths(b->height) };
		if (i == CERT_FIELD_VERIFICATION_CODE)
			layout_verification(lay, c, a, b->font_size / 10.0,
			    b->align);
		else
			add_text(lay, i == CERT_FIELD_LEARNER_NAME ?
			    STYLE_STRONG : STYLE_TEXT, texts[i],
			    b->font_size / 10.0, a, b->align, ink);
	}
}

/* An area of the built-in design, in millimetres from the top left. */
static struct area
at(double x, double y, double w, double h)
{
	return (struct area){ mm(x), mm(y), mm(w), mm(h) };
}

/* Adds "label value" as one line, so that a reader sees both. */
static void
add_labelled(struct layout *lay, const char *label, const char *value,
    double size, struct area a, int align, struct rgb color)
{
	char	 buf[PDF_TEXT_MAX * 4 + 64];

	if (value == NULL || *value == '\0')
		return;
	snprintf(buf, sizeof(buf), "%s %s", label, value);
	add_text(lay, STYLE_TEXT, buf, size, a, align, color);
}

/* The built-in design: landscape A4 (297 × 210 mm) with a double border. */
static void
layout_default(struct layout *lay, const struct pdf_certificate *c)
{
	lay->width = mm(297);
	lay->height = mm(210);
	lay->framed = 1;

	add_text(lay, STYLE_TITLE, "Certificate", 40, at(25, 26, 247, 20),
	    CERT_ALIGN_CENTER, navy);
	add_text(lay, STYLE_TEXT, "This certifies that", 13,
	    at(25, 54, 247, 8), CERT_ALIGN_CENTER, muted);
	add_text(lay, STYLE_TITLE, c->learner_name, 32, at(25, 64, 247, 18),
	    CERT_ALIGN_CENTER, navy);
	add_text(lay, STYLE_TEXT, "has been awarded the certification", 13,
	    at(25, 91, 247, 8), CERT_ALIGN_CENTER, muted);
	add_text(lay, STYLE_STRONG, c->certificate_name, 20,
	    at(25, 101, 247, 12), CERT_ALIGN_CENTER, ink);
	add_labelled(lay, "Completed on", c->completed_on, 12,
	    at(25, 121, 247, 7), CERT_ALIGN_CENTER, ink);
	add_labelled(lay, "Expires on", c->expires_on, 12,
	    at(25, 129, 247, 7), CERT_ALIGN_CENTER, ink);

	add_text(lay, STYLE_TEXT, "Certificate number", 9,
	    at(30, 156, 110, 5), CERT_ALIGN_LEFT, muted);
	add_text(lay, STYLE_STRONG, c->certificate_number, 12,
	    at(30, 161, 110, 7), CERT_ALIGN_LEFT, ink);
	if (c->credit_hours != NULL && *c->credit_hours != '\0') {
		add_text(lay, STYLE_TEXT, "Credit hours", 9,
		    at(30, 171, 110, 5), CERT_ALIGN_LEFT, muted);
		add_text(lay, STYLE_STRONG, c->credit_hours, 12,
		    at(30, 176, 110, 7), CERT_ALIGN_LEFT, ink);
	}

	add_text(lay, STYLE_TEXT, "Verify this certificate", 9,
	    at(120, 156, 117, 5), CERT_ALIGN_RIGHT, muted);
	add_text(lay, STYLE_STRONG, c->verification_code, 12,
	    at(120, 161, 117, 7), CERT_ALIGN_RIGHT, ink);
	add_text(lay, STYLE_TEXT, c->verification_url, 8,
	    at(120, 169, 117, 5), CERT_ALIGN_RIGHT, muted);
	lay->qr_text = c->verification_url;
	lay->qr = at(240, 150, 32, 32);
}

/* ------------------------------------------------------------ drawing */

/* The first libharu error of a document. */
struct hpdf_error {
	HPDF_STATUS	 code, detail;
};

static void
on_error(HPDF_STATUS code, HPDF_STATUS detail, void *arg)
{
	struct hpdf_error *e = arg;

	if (e->code == 0) {
		e->code = code;
		e->detail = detail;
	}
}

/* Appends cp (at most U+FFFF) to a UTF-8 string. */
static char *
encode(char *s, uint32_t cp)
{
	if (cp < 0x80)
		*s++ = (char)cp;
	else if (cp < 0x800) {
		*s++ = (char)(0xc0 | cp >> 6);
		*s++ = (char)(0x80 | (cp & 0x3f));
	} else {
		*s++ = (char)(0xe0 | cp >> 12);
		*s++ = (char)(0x80 | (cp >> 6 & 0x3f));
		*s++ = (char)(0x80 | (cp & 0x3f));
	}
	return s;
}

/*
 * Embeds a subset of one face with the characters of the lines set in
 * it.  libharu reads fonts only from files, so the subset goes through a
 * temporary file that is removed once loaded (libharu keeps it open).
 * Returns the font, or NULL with a sentence in err.
 */
static HPDF_Font
embed_face(HPDF_Doc pdf, const struct layout *lay, int face, char *err,
    size_t errsz)
{
	uint32_t	*cps;
	char		 path[PATH_MAX], *pua = NULL;
	const char	*tmp, *name = NULL;
	unsigned char	*font;
	size_t		 i, n = 0, len;
	HPDF_Font	 f = NULL;
	FILE		*fp;
	int		 fd;

	if ((cps = calloc(MAX_LINES * (PDF_TEXT_MAX + 1), sizeof(*cps))) ==
	    NULL) {
		snprintf(err, errsz, "Out of memory embedding a font.");
		return NULL;
	}
	for (i = 0; i < lay->nlines; i++)
		if (lay->lines[i].face == face) {
			memcpy(cps + n, lay->lines[i].cp,
			    lay->lines[i].n * sizeof(*cps));
			n += lay->lines[i].n;
		}
	font = ttf_subset(lay->fonts->face[face], cps, n, &len, &pua, err,
	    errsz);
	free(cps);
	if (font == NULL)
		return NULL;

	if ((tmp = getenv("TMPDIR")) == NULL || *tmp == '\0')
		tmp = "/tmp";
	snprintf(path, sizeof(path), "%s/laurel-font-XXXXXX", tmp);
	if ((fd = mkstemp(path)) == -1 || (fp = fdopen(fd, "wb")) == NULL) {
		snprintf(err, errsz, "Cannot create a temporary font file in "
		    "%s: %s.", tmp, strerror(errno));
		if (fd != -1) {
			close(fd);
			unlink(path);
		}
		goto out;
	}
	if (fwrite(font, 1, len, fp) != len || fclose(fp) == EOF)
		snprintf(err, errsz, "Cannot write the temporary font file "
		    "%s: %s.", path, strerror(errno));
	else
		name = HPDF_LoadTTFontFromFile(pdf, path, HPDF_TRUE);
	unlink(path);
	if (name != NULL && (f = HPDF_GetFont(pdf, name, "UTF-8")) != NULL &&
	    *pua != '\0')
		HPDF_Font_TextWidth(f, (const HPDF_BYTE *)pua, strlen(pua));
	if (name != NULL && f == NULL)
		snprintf(err, errsz, "libharu rejected the subset of %s.",
		    face_files[face].file);
out:
	free(font);
	free(pua);
	return f;
}

static int
draw_lines(HPDF_Doc pdf, HPDF_Page page, const struct layout *lay,
    char *err, size_t errsz)
{
	HPDF_Font	 fonts[FACE_COUNT] = { NULL };
	char		 text[(PDF_TEXT_MAX + 1) * 3 + 1], *s;
	size_t		 i, j;

	for (i = 0; i < lay->nlines; i++) {
		int face = lay->lines[i].face;

		if (fonts[face] == NULL &&
		    (fonts[face] = embed_face(pdf, lay, face, err, errsz)) ==
		    NULL)
			return -1;
	}
	HPDF_Page_BeginText(page);
	for (i = 0; i < lay->nlines; i++) {
		const struct line *l = &lay->lines[i];

		for (s = text, j = 0; j < l->n; j++)
			s = encode(s, l->cp[j]);
		*s = '\0';
		HPDF_Page_SetRGBFill(page, l->color.r, l->color.g, l->color.b);
		HPDF_Page_SetFontAndSize(page, fonts[l->face], l->size);
		HPDF_Page_TextOut(page, l->x, l->y, text);
	}
	HPDF_Page_EndText(page);
	return 0;
}

/* Draws the QR code of lay->qr_text on a white square with a quiet zone
 * of two modules, one filled rectangle per run of dark modules. */
static int
draw_qr(HPDF_Page page, const struct layout *lay, char *err, size_t errsz)
{
	QRcode		*qr;
	double		 unit, left, top;
	int		 x, y, run;

	if (lay->qr.w <= 0 || lay->qr_text == NULL || *lay->qr_text == '\0')
		return 0;
	qr = QRcode_encodeString8bit(lay->qr_text, 0, QR_ECLEVEL_M);
	if (qr == NULL) {
		snprintf(err, errsz, "Cannot encode the verification URL as a "
		    "QR code: %s.", strerror(errno));
		return -1;
	}
	unit = lay->qr.w / (qr->width + 4);
	left = lay->qr.x + 2 * unit;
	top = lay->height - lay->qr.y - 2 * unit;

	HPDF_Page_SetRGBFill(page, 1, 1, 1);
	HPDF_Page_Rectangle(page, lay->qr.x, lay->height - lay->qr.y -
	    lay->qr.h, lay->qr.w, lay->qr.h);
	HPDF_Page_Fill(page);
	HPDF_Page_SetRGBFill(page, 0, 0, 0);
	for (y = 0; y < qr->width; y++)
		for (x = 0; x < qr->width; x += run ? run : 1) {
			const unsigned char *row = qr->data + y * qr->width;

			for (run = 0; x + run < qr->width &&
			    (row[x + run] & 1); run++)
				continue;
			if (run > 0)
				HPDF_Page_Rectangle(page, left + x * unit,
				    top - (y + 1) * unit, run * unit, unit);
		}
	HPDF_Page_Fill(page);
	QRcode_free(qr);
	return 0;
}

/* The double border of the built-in design. */
static void
draw_frame(HPDF_Page page, const struct layout *lay)
{
	HPDF_Page_SetRGBStroke(page, navy.r, navy.g, navy.b);
	HPDF_Page_SetLineWidth(page, 2.5);
	HPDF_Page_Rectangle(page, mm(8), mm(8), lay->width - mm(16),
	    lay->height - mm(16));
	HPDF_Page_Stroke(page);
	HPDF_Page_SetRGBStroke(page, gold.r, gold.g, gold.b);
	HPDF_Page_SetLineWidth(page, 0.8);
	HPDF_Page_Rectangle(page, mm(11), mm(11), lay->width - mm(22),
	    lay->height - mm(22));
	HPDF_Page_Stroke(page);
	HPDF_Page_SetLineWidth(page, 0.6);
	HPDF_Page_MoveTo(page, mm(98.5), lay->height - mm(87));
	HPDF_Page_LineTo(page, mm(198.5), lay->height - mm(87));
	HPDF_Page_Stroke(page);
}

/*
 * Reads the background image unless it is the one read last and its file
 * has not changed since.  Returns 0, or -1 with a sentence in err.
 */
static int
read_background(struct pdf_fonts *f, const char *path, char *err,
    size_t errsz)
{
	struct stat	 st;
	FILE		*fp;
	unsigned char	*buf;

	if (stat(path, &st) == -1) {
		snprintf(err, errsz, "Cannot read the background image %s: "
		    "%s.", path, strerror(errno));
		return -1;
	}
	if (f->bg != NULL && strcmp(f->bg_path, path) == 0 &&
	    st.st_ino == f->bg_stat.st_ino && st.st_dev == f->bg_stat.st_dev &&
	    st.st_size == f->bg_stat.st_size &&
	    st.st_mtime == f->bg_stat.st_mtime)
		return 0;
	free(f->bg);
	f->bg = NULL;
	if (strlen(path) >= sizeof(f->bg_path) ||
	    (buf = malloc(st.st_size ? (size_t)st.st_size : 1)) == NULL) {
		snprintf(err, errsz, "Cannot read the background image %s.",
		    path);
		return -1;
	}
	if ((fp = fopen(path, "rb")) == NULL ||
	    fread(buf, 1, (size_t)st.st_size, fp) != (size_t)st.st_size) {
		snprintf(err, errsz, "Cannot read the background image %s: "
		    "%s.", path, strerror(errno));
		if (fp != NULL)
			fclose(fp);
		free(buf);
		return -1;
	}
	fclose(fp);
	f->bg = buf;
	f->bg_len = (size_t)st.st_size;
	f->bg_stat = st;
	memcpy(f->bg_path, path, strlen(path) + 1);
	return 0;
}

/* Draws the background image over the whole page. */
static int
draw_background(HPDF_Doc pdf, HPDF_Page page, struct layout *lay,
    const char *path, char *err, size_t errsz)
{
	struct pdf_fonts *f = lay->fonts;
	HPDF_Image	 img = NULL;

	if (path == NULL || *path == '\0')
		return 0;
	if (read_background(f, path, err, errsz) == -1)
		return -1;
	if (f->bg_len > 8 && memcmp(f->bg, "\211PNG", 4) == 0)
		img = HPDF_LoadPngImageFromMem(pdf, f->bg, (HPDF_UINT)f->bg_len);
	else if (f->bg_len > 3 && memcmp(f->bg, "\377\330\377", 3) == 0)
		img = HPDF_LoadJpegImageFromMem(pdf, f->bg,
		    (HPDF_UINT)f->bg_len);
	if (img == NULL) {
		snprintf(err, errsz, "The background image %s is not a PNG "
		    "or JPEG image libharu can read.", path);
		return -1;
	}
	HPDF_Page_DrawImage(page, img, 0, 0, lay->width, lay->height);
	return 0;
}

static int
draw(HPDF_Doc pdf, struct layout *lay, const struct pdf_certificate *c,
    char *err, size_t errsz)
{
	HPDF_Page	 page;

	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(pdf);
	HPDF_SetCurrentEncoder(pdf, "UTF-8");
	HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, "Certificate");
	if ((page = HPDF_AddPage(pdf)) == NULL) {
		snprintf(err, errsz, "libharu cannot add a page.");
		return -1;
	}
	HPDF_Page_SetWidth(page, lay->width);
	HPDF_Page_SetHeight(page, lay->height);

	if (draw_background(pdf, page, lay, c->background_path, err,
	    errsz) == -1)
		return -1;
	if (lay->framed)
		draw_frame(page, lay);
	if (draw_qr(page, lay, err, errsz) == -1)
		return -1;
	return draw_lines(pdf, page, lay, err, errsz);
}

int
pdf_certificate_write(struct pdf_fonts *f, const struct pdf_certificate *c,
    const char *path, char *err, size_t errsz)
{
	struct layout	*lay;
	struct hpdf_error e = { 0, 0 };
	HPDF_Doc	 pdf;
	int		 rc;

	/* About 50 KB, too much for a stack frame. */
	if ((lay = calloc(1, sizeof(*lay))) == NULL) {
		snprintf(err, errsz, "Out of memory laying out a certificate.");
		return -1;
	}
	lay->fonts = f;
	if (c->tmpl != NULL)
		layout_template(lay, c);
	else
		layout_default(lay, c);

	if ((pdf = HPDF_New(on_error, &e)) == NULL) {
		snprintf(err, errsz, "libharu cannot start a document.");
		free(lay);
		return -1;
	}
	rc = draw(pdf, lay, c, err, errsz);
	if (rc == 0 && e.code == 0 && HPDF_SaveToFile(pdf, path) != HPDF_OK)
		rc = -1;
	if (rc == 0 && e.code != 0) {
		snprintf(err, errsz, "libharu error 0x%04X (detail %u) writing "
		    "%s.", (unsigned)e.code, (unsigned)e.detail, path);
		rc = -1;
	}
	HPDF_Free(pdf);
	free(lay);
	return rc;
}
