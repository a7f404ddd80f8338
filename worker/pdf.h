/*
 * Certificate PDFs: one A4 or Letter page per certificate, drawn with
 * libharu either from a certificate template (lib/cert_template.h) or
 * from the built-in design, with a QR code of the verification URL.
 *
 * Text: every string is UTF-8.  Invalid bytes, and characters above
 * U+FFFF (which libharu 2.3.0 cannot encode), are drawn as U+FFFD;
 * control characters as spaces.  Each text is set in one font, the first
 * of DejaVu (Latin, Greek, Cyrillic, Hebrew, Arabic) and WenQuanYi Micro
 * Hei (Chinese, Japanese kana, Korean hangul) that has all of its
 * characters.  Each PDF embeds a subset of each font used (worker/ttf.h).
 *
 * A text wider than its box is set in a smaller size, down to
 * PDF_FONT_MIN points, on one line; a text still too wide at that size
 * is cut and ends with an ellipsis.  Texts longer than PDF_TEXT_MAX
 * characters are cut the same way.
 *
 * NOTE: libharu does no shaping or bidirectional layout.  A text with
 * Hebrew or Arabic letters is drawn right to left as a whole: its
 * characters are reversed, then runs of Latin letters and digits inside
 * it are put back in reading order.  Hebrew reads correctly; Arabic
 * letters appear in their isolated forms, unjoined.  Mixed paragraphs
 * that need the full Unicode bidirectional algorithm can come out in the
 * wrong order.  Text extraction (pdftotext) returns the original
 * characters in logical order.
 */
#ifndef LAUREL_PDF_H
#define LAUREL_PDF_H

#include <stddef.h>

#define PDF_FONT_MIN	5	/* points */
#define PDF_TEXT_MAX	500	/* characters per text */

struct cert_template;
struct pdf_fonts;

/*
 * Maps the font files from dir (NULL: /usr/share/fonts/truetype, which
 * holds dejavu/ and wqy/ from the Debian packages fonts-dejavu-core and
 * fonts-wqy-microhei), once per process.  The result also caches the last
 * background image read.  Returns NULL with a sentence in err.
 * pdf_fonts_close(NULL) does nothing.
 */
struct pdf_fonts	*pdf_fonts_open(const char *dir, char *err,
			    size_t errsz);
void			 pdf_fonts_close(struct pdf_fonts *);

struct pdf_certificate {
	const char	*learner_name;		/* full name */
	const char	*certificate_name;	/* certification's name */
	const char	*completed_on;		/* a formatted date */
	const char	*expires_on;		/* "" when it never expires */
	const char	*certificate_number;
	const char	*credit_hours;		/* "" when none */
	const char	*verification_code;
	const char	*verification_url;	/* absolute, for the QR code */
	const struct cert_template *tmpl;	/* NULL: the built-in design */
	const char	*background_path;	/* PNG or JPEG, NULL for none */
};

/*
 * Writes the certificate to path, replacing the file.  The caller writes
 * to a temporary name and renames it.  Returns 0, or -1 with a sentence
 * in err.
 */
int	 pdf_certificate_write(struct pdf_fonts *,
	    const struct pdf_certificate *, const char *path, char *err,
	    size_t errsz);

#endif
