/*
 * TrueType fonts for the certificate renderer: reading glyph metrics from
 * a mapped font file, and writing a subset font that contains only the
 * glyphs of one document.
 *
 * libharu 2.3.0 embeds a TrueType font with every table except the
 * unused glyph outlines, so a whole DejaVu face adds about 90 KB to each
 * PDF and a CJK face several hundred.  It also reads composite glyph
 * component numbers as signed 16-bit values, which breaks fonts with more
 * than 32,767 glyphs.  A subset font built here for each document has a
 * few dozen glyphs, numbered from 1, so both problems disappear.
 */
#ifndef LAUREL_TTF_H
#define LAUREL_TTF_H

#include <stddef.h>
#include <stdint.h>

struct ttf;

/* Maps face number index of a TrueType (.ttf) or collection (.ttc) file.
 * Returns NULL with a sentence in err when the file is missing or is not
 * a TrueType font with a Unicode BMP cmap.  ttf_close(NULL) does nothing. */
struct ttf	*ttf_open(const char *path, unsigned index, char *err,
		    size_t errsz);
void		 ttf_close(struct ttf *);

/* Returns the glyph of code point cp, or 0 (.notdef) when the face has
 * none.  Code points above U+FFFF always return 0. */
unsigned	 ttf_glyph(const struct ttf *, uint32_t cp);

/* Returns the advance width of a glyph, in font units. */
unsigned	 ttf_advance(const struct ttf *, unsigned glyph);

unsigned	 ttf_units_per_em(const struct ttf *);

/* Sets *ascent and *descent (negative below the baseline) to the face's
 * hhea values, in font units. */
void		 ttf_vertical(const struct ttf *, int *ascent, int *descent);

/*
 * Writes a TrueType font that maps the code points cps[0..n) (duplicates
 * allowed) to their glyphs, numbered from 1 in the order of the original
 * font.  A glyph that is only a component of a composite glyph is mapped
 * to a private use code point: *pua receives those code points as a
 * NUL-terminated UTF-8 string (freed by the caller), for the caller to
 * measure with libharu, which embeds only the glyphs it has measured and
 * their direct components.
 *
 * Returns a buffer of *len bytes that the caller frees, or NULL with a
 * sentence in err.
 */
unsigned char	*ttf_subset(const struct ttf *, const uint32_t *cps, size_t n,
		    size_t *len, char **pua, char *err, size_t errsz);

#endif
