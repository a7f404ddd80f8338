/*
 * TrueType reading and subsetting, after the OpenType specification
 * (tables head, hhea, maxp, hmtx, loca, glyf, cmap format 4 and post
 * format 3).  Font files are mapped read-only and never written.
 */
#include "config.h"

#include <sys/mman.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ttf.h"

/* Tables copied into a subset as they are, besides those rebuilt. */
static const char *const copied_tags[] = { "OS/2", "name", "cvt ", "fpgm",
    "prep", NULL };

struct span {
	const unsigned char	*p;
	size_t			 len;	/* 0 when the table is absent */
};

struct ttf {
	unsigned char	*map;
	size_t		 mapsz;
	struct span	 head, hhea, maxp, hmtx, loca, glyf, post;
	struct span	 copied[5];	/* in the order of copied_tags */
	const unsigned char *cmap4;	/* format 4 subtable, platform 3/1 */
	unsigned	 segs;		/* its segment count */
	unsigned	 glyphs, hmetrics, upem;
	int		 long_loca;
	int		 ascent, descent;
};

/* One table of a font being written. */
struct table {
	char		 tag[5];
	unsigned char	*data;		/* owned when own is 1 */
	size_t		 len;
	int		 own;
};

static unsigned
u16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static int
s16(const unsigned char *p)
{
	int	 v = (int)u16(p);

	return v >= 0x8000 ? v - 0x10000 : v;
}

static uint32_t
u32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

static void
put16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)(v >> 8);
	p[1] = (unsigned char)v;
}

static void
put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

/* Finds a table in the directory at dir; a span of length 0 when absent
 * or when it does not fit in the file. */
static struct span
find_table(const struct ttf *t, const unsigned char *dir, const char *tag)
{
	struct span	 s = { NULL, 0 };
	unsigned	 i, n = u16(dir + 4);
	uint32_t	 off, len;

	for (i = 0; i < n; i++) {
		const unsigned char *rec = dir + 12 + 16 * i;

		if ((size_t)(rec + 16 - t->map) > t->mapsz)
			break;
		if (memcmp(rec, tag, 4) != 0)
			continue;
		off = u32(rec + 8);
		len = u32(rec + 12);
		if (off > t->mapsz || len > t->mapsz - off)
			break;
		s.p = t->map + off;
		s.len = len;
		break;
	}
	return s;
}

/* Sets t->cmap4 to the Windows Unicode BMP subtable.  Returns 0 or -1. */
static int
find_cmap4(struct ttf *t, struct span cmap)
{
	unsigned	 i, n;
	uint32_t	 off;
	const unsigned char *sub;

	if (cmap.len < 4)
		return -1;
	n = u16(cmap.p + 2);
	for (i = 0; i < n && 4 + 8 * (size_t)(i + 1) <= cmap.len; i++) {
		const unsigned char *rec = cmap.p + 4 + 8 * i;

		if (u16(rec) != 3 || u16(rec + 2) != 1)
			continue;
		off = u32(rec + 4);
		if (off + 14 > cmap.len)
			return -1;
		sub = cmap.p + off;
		if (u16(sub) != 4 || off + u16(sub + 2) > cmap.len)
			return -1;
		t->segs = u16(sub + 6) / 2;
		if (14 + 8 * (size_t)t->segs + 2 > u16(sub + 2))
			return -1;
		t->cmap4 = sub;
		return 0;
	}
	return -1;
}

static int
check_tables(struct ttf *t, const unsigned char *dir)
{
	size_t	 i;

	t->head = find_table(t, dir, "head");
	t->hhea = find_table(t, dir, "hhea");
	t->maxp = find_table(t, dir, "maxp");
	t->hmtx = find_table(t, dir, "hmtx");
	t->loca = find_table(t, dir, "loca");
	t->glyf = find_table(t, dir, "glyf");
	t->post = find_table(t, dir, "post");
	for (i = 0; copied_tags[i] != NULL; i++)
		t->copied[i] = find_table(t, dir, copied_tags[i]);
	if (t->head.len < 54 || t->hhea.len < 36 || t->maxp.len < 6 ||
	    t->post.len < 32 || t->copied[0].len == 0 ||
	    t->copied[1].len == 0 || t->glyf.len == 0)
		return -1;

	t->upem = u16(t->head.p + 18);
	t->long_loca = s16(t->head.p + 50) == 1;
	t->ascent = s16(t->hhea.p + 4);
	t->descent = s16(t->hhea.p + 6);
	t->hmetrics = u16(t->hhea.p + 34);
	t->glyphs = u16(t->maxp.p + 4);
	if (t->upem == 0 || t->hmetrics == 0 || t->hmetrics > t->glyphs)
		return -1;
	if (t->hmtx.len < 4 * (size_t)t->hmetrics +
	    2 * (size_t)(t->glyphs - t->hmetrics))
		return -1;
	if (t->loca.len < (t->long_loca ? 4 : 2) * ((size_t)t->glyphs + 1))
		return -1;
	return find_cmap4(t, find_table(t, dir, "cmap"));
}

struct ttf *
ttf_open(const char *path, unsigned index, char *err, size_t errsz)
{
	struct ttf	*t;
	struct stat	 st;
	const unsigned char *dir;
	int		 fd;

	if ((t = calloc(1, sizeof(*t))) == NULL) {
		snprintf(err, errsz, "Out of memory loading %s.", path);
		return NULL;
	}
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1 ||
	    fstat(fd, &st) == -1) {
		snprintf(err, errsz, "Cannot open the font %s: %s.", path,
		    strerror(errno));
		goto fail;
	}
	t->mapsz = (size_t)st.st_size;
	t->map = t->mapsz < 12 ? MAP_FAILED :
	    mmap(NULL, t->mapsz, PROT_READ, MAP_PRIVATE, fd, 0);
	if (t->map == MAP_FAILED) {
		t->map = NULL;
		snprintf(err, errsz, "Cannot map the font %s.", path);
		goto fail;
	}
	close(fd);
	fd = -1;

	dir = t->map;
	if (memcmp(t->map, "ttcf", 4) == 0) {
		if (index >= u32(t->map + 8) ||
		    16 + 4 * (size_t)index > t->mapsz ||
		    u32(t->map + 12 + 4 * index) > t->mapsz - 12) {
			snprintf(err, errsz, "The font collection %s has no "
			    "face %u.", path, index);
			goto fail;
		}
		dir = t->map + u32(t->map + 12 + 4 * index);
	} else if (index != 0) {
		snprintf(err, errsz, "The font %s is not a collection.", path);
		goto fail;
	}
	if (u32(dir) != 0x00010000 || check_tables(t, dir) == -1) {
		snprintf(err, errsz, "The font %s is not a TrueType font with "
		    "a Unicode cmap.", path);
		goto fail;
	}
	return t;

fail:
	if (fd != -1)
		close(fd);
	ttf_close(t);
	return NULL;
}

void
ttf_close(struct ttf *t)
{
	if (t == NULL)
		return;
	if (t->map != NULL)
		munmap(t->map, t->mapsz);
	free(t);
}

unsigned
ttf_glyph(const struct ttf *t, uint32_t cp)
{
	const unsigned char *ends = t->cmap4 + 14;
	const unsigned char *starts = ends + 2 * t->segs + 2;
	const unsigned char *deltas = starts + 2 * t->segs;
	const unsigned char *ranges = deltas + 2 * t->segs;
	const unsigned char *g;
	unsigned	 lo = 0, hi = t->segs, mid, start, glyph;

	if (cp > 0xffff)
		return 0;
	/* The first segment whose end code is at least cp. */
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (u16(ends + 2 * mid) < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == t->segs || (start = u16(starts + 2 * lo)) > cp)
		return 0;
	if (u16(ranges + 2 * lo) == 0)
		glyph = (cp + u16(deltas + 2 * lo)) & 0xffff;
	else {
		g = ranges + 2 * lo + u16(ranges + 2 * lo) + 2 * (cp - start);
		if (g + 2 > t->cmap4 + u16(t->cmap4 + 2) || u16(g) == 0)
			return 0;
		glyph = (u16(g) + u16(deltas + 2 * lo)) & 0xffff;
	}
	return glyph < t->glyphs ? glyph : 0;
}

unsigned
ttf_advance(const struct ttf *t, unsigned glyph)
{
	if (glyph >= t->hmetrics)
		glyph = t->hmetrics - 1;
	return u16(t->hmtx.p + 4 * glyph);
}

static int
lsb(const struct ttf *t, unsigned glyph)
{
	if (glyph < t->hmetrics)
		return s16(t->hmtx.p + 4 * glyph + 2);
	return s16(t->hmtx.p + 4 * t->hmetrics + 2 * (glyph - t->hmetrics));
}

unsigned
ttf_units_per_em(const struct ttf *t)
{
	return t->upem;
}

void
ttf_vertical(const struct ttf *t, int *ascent, int *descent)
{
	*ascent = t->ascent;
	*descent = t->descent;
}

/* Sets *data and *len to a glyph's outline, *len 0 for an empty glyph. */
static void
outline(const struct ttf *t, unsigned glyph, const unsigned char **data,
    size_t *len)
{
	size_t	 a, b;

	if (t->long_loca) {
		a = u32(t->loca.p + 4 * glyph);
		b = u32(t->loca.p + 4 * glyph + 4);
	} else {
		a = 2 * (size_t)u16(t->loca.p + 2 * glyph);
		b = 2 * (size_t)u16(t->loca.p + 2 * glyph + 2);
	}
	*data = t->glyf.p + a;
	*len = b > a && b <= t->glyf.len ? b - a : 0;
}

/*
 * Calls fn for each component of a composite glyph outline, with the
 * offset of its glyph number in data.  Returns 0, or -1 when the outline
 * is truncated.
 */
static int
each_component(const unsigned char *data, size_t len,
    void (*fn)(const unsigned char *, size_t, void *), void *arg)
{
	size_t		 pos = 10;
	unsigned	 flags;

	if (len < 10 || s16(data) >= 0)
		return 0;
	do {
		if (pos + 4 > len)
			return -1;
		flags = u16(data + pos);
		fn(data, pos + 2, arg);
		pos += 4 + (flags & 0x0001 ? 4 : 2);	/* ARG_1_AND_2_ARE_WORDS */
		if (flags & 0x0008)			/* WE_HAVE_A_SCALE */
			pos += 2;
		else if (flags & 0x0040)		/* X_AND_Y_SCALE */
			pos += 4;
		else if (flags & 0x0080)		/* TWO_BY_TWO */
			pos += 8;
	} while (flags & 0x0020);			/* MORE_COMPONENTS */
	return 0;
}

/* The glyph set of a subset: marks over the original glyph numbers and a
 * stack of marked glyphs whose components are still to be visited. */
struct closure {
	unsigned char	*marked;
	unsigned	*stack;
	size_t		 depth;
	unsigned	 glyphs;
};

static void
mark(struct closure *c, unsigned glyph)
{
	if (glyph >= c->glyphs || c->marked[glyph])
		return;
	c->marked[glyph] = 1;
	c->stack[c->depth++] = glyph;
}

static void
mark_component(const unsigned char *data, size_t pos, void *arg)
{
	mark(arg, u16(data + pos));
}

/* A composite glyph being copied into a subset. */
struct copy {
	unsigned char	*out;
	const uint16_t	*renumber;
};

static void
renumber_component(const unsigned char *data, size_t pos, void *arg)
{
	struct copy	*c = arg;

	put16(c->out + pos, c->renumber[u16(data + pos)]);
}

static int
compare_cp(const void *a, const void *b)
{
	uint32_t	 x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

static uint32_t
checksum(const unsigned char *p, size_t len)
{
	uint32_t	 sum = 0;
	unsigned char	 last[4] = { 0, 0, 0, 0 };
	size_t		 i;

	for (i = 0; i + 4 <= len; i += 4)
		sum += u32(p + i);
	if (i < len) {
		memcpy(last, p + i, len - i);
		sum += u32(last);
	}
	return sum;
}

static int
table_new(struct table *tab, const char *tag, size_t len)
{
	memcpy(tab->tag, tag, 5);
	tab->len = len;
	tab->own = 1;
	tab->data = calloc(1, len ? len : 1);
	return tab->data == NULL ? -1 : 0;
}

static int
table_copy(struct table *tab, const char *tag, struct span s)
{
	if (table_new(tab, tag, s.len) == -1)
		return -1;
	memcpy(tab->data, s.p, s.len);
	return 0;
}

/* One entry of a subset's cmap. */
struct mapping {
	uint32_t	 cp;
	unsigned	 glyph;
};

static int
compare_mapping(const void *a, const void *b)
{
	return compare_cp(&((const struct mapping *)a)->cp,
	    &((const struct mapping *)b)->cp);
}

/* Writes a cmap with one format 4 segment per code point. */
static int
build_cmap(struct table *tab, const struct mapping *m, size_t n)
{
	unsigned char	*p;
	size_t		 segs = n + 1, i, sublen = 16 + 8 * segs;
	unsigned	 range = 1, selector = 0;

	if (sublen > 0xffff || table_new(tab, "cmap", 12 + sublen) == -1)
		return -1;
	while (range * 2 <= segs) {
		range *= 2;
		selector++;
	}
	p = tab->data;
	put16(p + 2, 1);			/* one subtable */
	put16(p + 4, 3);			/* Windows */
	put16(p + 6, 1);			/* Unicode BMP */
	put32(p + 8, 12);
	p += 12;
	put16(p, 4);
	put16(p + 2, (unsigned)sublen);
	put16(p + 6, (unsigned)(2 * segs));
	put16(p + 8, 2 * range);
	put16(p + 10, selector);
	put16(p + 12, (unsigned)(2 * segs - 2 * range));
	for (i = 0; i < n; i++) {
		put16(p + 14 + 2 * i, m[i].cp);				/* end */
		put16(p + 16 + 2 * segs + 2 * i, m[i].cp);		/* start */
		put16(p + 16 + 4 * segs + 2 * i,
		    (m[i].glyph - m[i].cp) & 0xffff);			/* delta */
	}
	/* The final segment maps U+FFFF to glyph 0, as the format requires. */
	put16(p + 14 + 2 * i, 0xffff);
	put16(p + 16 + 2 * segs + 2 * i, 0xffff);
	put16(p + 16 + 4 * segs + 2 * i, 1);
	return 0;
}

/* Writes glyf, loca (long offsets) and hmtx for the glyphs in order. */
static int
build_glyphs(const struct ttf *t, const unsigned *order, unsigned count,
    const uint16_t *renumber, struct table *glyf, struct table *loca,
    struct table *hmtx)
{
	const unsigned char *data;
	struct copy	 c;
	size_t		 len, total = 0, pos = 0;
	unsigned	 i;

	for (i = 0; i < count; i++) {
		outline(t, order[i], &data, &len);
		total += (len + 3) & ~(size_t)3;
	}
	if (table_new(glyf, "glyf", total) == -1 ||
	    table_new(loca, "loca", 4 * ((size_t)count + 1)) == -1 ||
	    table_new(hmtx, "hmtx", 4 * (size_t)count) == -1)
		return -1;
	for (i = 0; i < count; i++) {
		put32(loca->data + 4 * i, (uint32_t)pos);
		put16(hmtx->data + 4 * i, ttf_advance(t, order[i]));
		put16(hmtx->data + 4 * i + 2, (unsigned)lsb(t, order[i]) & 0xffff);
		outline(t, order[i], &data, &len);
		memcpy(glyf->data + pos, data, len);
		c.out = glyf->data + pos;
		c.renumber = renumber;
		if (each_component(data, len, renumber_component, &c) == -1)
			return -1;
		pos += (len + 3) & ~(size_t)3;
	}
	put32(loca->data + 4 * i, (uint32_t)pos);
	return 0;
}

/* Writes head, hhea, maxp and post for count glyphs. */
static int
build_headers(const struct ttf *t, unsigned count, struct table *tabs)
{
	if (table_copy(&tabs[0], "head", t->head) == -1 ||
	    table_copy(&tabs[1], "hhea", t->hhea) == -1 ||
	    table_copy(&tabs[2], "maxp", t->maxp) == -1 ||
	    table_new(&tabs[3], "post", 32) == -1)
		return -1;
	put32(tabs[0].data + 8, 0);		/* checkSumAdjustment, later */
	put16(tabs[0].data + 50, 1);		/* long loca offsets */
	put16(tabs[1].data + 34, count);	/* numberOfHMetrics */
	put16(tabs[2].data + 4, count);		/* numGlyphs */
	/* Format 3 has no glyph names; the other header fields are kept. */
	memcpy(tabs[3].data, t->post.p, 16);
	put32(tabs[3].data, 0x00030000);
	return 0;
}

static int
compare_tag(const void *a, const void *b)
{
	return memcmp(((const struct table *)a)->tag,
	    ((const struct table *)b)->tag, 4);
}

/* Concatenates the tables behind a table directory. */
static unsigned char *
assemble(struct table *tabs, unsigned n, size_t *lenp)
{
	unsigned char	*font, *head = NULL;
	size_t		 len = 12 + 16 * (size_t)n, pos;
	unsigned	 i, range = 1, selector = 0;

	qsort(tabs, n, sizeof(*tabs), compare_tag);
	for (i = 0; i < n; i++)
		len += (tabs[i].len + 3) & ~(size_t)3;
	if ((font = calloc(1, len)) == NULL)
		return NULL;
	while (range * 2 <= n) {
		range *= 2;
		selector++;
	}
	put32(font, 0x00010000);
	put16(font + 4, n);
	put16(font + 6, 16 * range);
	put16(font + 8, selector);
	put16(font + 10, 16 * (n - range));
	pos = 12 + 16 * (size_t)n;
	for (i = 0; i < n; i++) {
		unsigned char *rec = font + 12 + 16 * i;

		memcpy(rec, tabs[i].tag, 4);
		put32(rec + 4, checksum(tabs[i].data, tabs[i].len));
		put32(rec + 8, (uint32_t)pos);
		put32(rec + 12, (uint32_t)tabs[i].len);
		memcpy(font + pos, tabs[i].data, tabs[i].len);
		if (memcmp(tabs[i].tag, "head", 4) == 0)
			head = font + pos;
		pos += (tabs[i].len + 3) & ~(size_t)3;
	}
	if (head != NULL)
		put32(head + 8, 0xb1b0afbaU - checksum(font, len));
	*lenp = len;
	return font;
}

/* Sorts and deduplicates the requested code points, dropping those
 * above U+FFFF and those the face has no glyph for. */
static size_t
usable_cps(const struct ttf *t, const uint32_t *cps, size_t n, uint32_t *out)
{
	size_t	 i, m = 0;

	for (i = 0; i < n; i++)
		if (cps[i] <= 0xffff && ttf_glyph(t, cps[i]) != 0)
			out[m++] = cps[i];
	qsort(out, m, sizeof(*out), compare_cp);
	for (i = 0, n = m, m = 0; i < n; i++)
		if (m == 0 || out[m - 1] != out[i])
			out[m++] = out[i];
	return m;
}

/* Appends cp to a UTF-8 string; cp is at most U+FFFF. */
static char *
put_utf8(char *s, uint32_t cp)
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
 * Fills the cmap of a subset: the requested code points, then a private
 * use code point (from U+E000, skipping requested ones) for each glyph
 * that no requested code point maps to, also written to pua.  m has room
 * for ncps + count entries.  Returns the number of entries.
 */
static size_t
map_glyphs(const struct ttf *t, const uint32_t *cps, size_t ncps,
    unsigned count, const uint16_t *renumber, unsigned char *direct,
    struct mapping *m, char *pua)
{
	uint32_t	 next = 0xe000;
	size_t		 i, n = 0, k = 0;
	unsigned	 g;

	for (i = 0; i < ncps; i++) {
		g = renumber[ttf_glyph(t, cps[i])];
		m[n].cp = cps[i];
		m[n++].glyph = g;
		direct[g] = 1;
	}
	for (g = 1; g < count; g++) {
		if (direct[g])
			continue;
		while (k < ncps && cps[k] <= next) {
			if (cps[k] == next)
				next++;
			k++;
		}
		m[n].cp = next;
		m[n++].glyph = g;
		pua = put_utf8(pua, next++);
	}
	*pua = '\0';
	qsort(m, n, sizeof(*m), compare_mapping);
	return n;
}

/* Collects the glyphs of cps and, recursively, their components into
 * order[0..*count) by original number, and sets renumber[old] = new. */
static int
close_glyphs(const struct ttf *t, const uint32_t *cps, size_t ncps,
    unsigned *order, unsigned *count, uint16_t *renumber)
{
	struct closure	 c;
	const unsigned char *data;
	size_t		 i, len;
	unsigned	 g;
	int		 rc = -1;

	c.glyphs = t->glyphs;
	c.depth = 0;
	c.marked = calloc(t->glyphs, 1);
	c.stack = calloc(t->glyphs, sizeof(*c.stack));
	if (c.marked == NULL || c.stack == NULL)
		goto out;
	mark(&c, 0);
	for (i = 0; i < ncps; i++)
		mark(&c, ttf_glyph(t, cps[i]));
	while (c.depth > 0) {
		g = c.stack[--c.depth];
		outline(t, g, &data, &len);
		if (each_component(data, len, mark_component, &c) == -1)
			goto out;
	}
	*count = 0;
	for (g = 0; g < t->glyphs; g++)
		if (c.marked[g]) {
			renumber[g] = (uint16_t)*count;
			order[(*count)++] = g;
		}
	rc = 0;
out:
	free(c.marked);
	free(c.stack);
	return rc;
}

unsigned char *
ttf_subset(const struct ttf *t, const uint32_t *cps, size_t n, size_t *len,
    char **pua, char *err, size_t errsz)
{
	struct table	 tabs[13];
	struct mapping	*map = NULL;
	uint32_t	*sorted = NULL;
	unsigned	*order = NULL, count = 0, ntabs = 0, i;
	uint16_t	*renumber = NULL;
	unsigned char	*direct = NULL, *font = NULL;
	size_t		 ncps, nmap;

	*pua = NULL;
	memset(tabs, 0, sizeof(tabs));
	sorted = calloc(n ? n : 1, sizeof(*sorted));
	order = calloc(t->glyphs, sizeof(*order));
	renumber = calloc(t->glyphs, sizeof(*renumber));
	if (sorted == NULL || order == NULL || renumber == NULL)
		goto fail;
	ncps = usable_cps(t, cps, n, sorted);
	if (close_glyphs(t, sorted, ncps, order, &count, renumber) == -1)
		goto fail;

	direct = calloc(count, 1);
	map = calloc(ncps + count, sizeof(*map));
	*pua = malloc(3 * (size_t)count + 1);
	if (direct == NULL || map == NULL || *pua == NULL)
		goto fail;
	nmap = map_glyphs(t, sorted, ncps, count, renumber, direct, map, *pua);

	if (build_cmap(&tabs[ntabs++], map, nmap) == -1 ||
	    build_glyphs(t, order, count, renumber, &tabs[ntabs],
	    &tabs[ntabs + 1], &tabs[ntabs + 2]) == -1)
		goto fail;
	ntabs += 3;
	if (build_headers(t, count, &tabs[ntabs]) == -1)
		goto fail;
	ntabs += 4;
	for (i = 0; copied_tags[i] != NULL; i++) {
		if (t->copied[i].len == 0)
			continue;
		memcpy(tabs[ntabs].tag, copied_tags[i], 5);
		tabs[ntabs].data = (unsigned char *)t->copied[i].p;
		tabs[ntabs++].len = t->copied[i].len;
	}
	font = assemble(tabs, ntabs, len);
	if (font == NULL)
		goto fail;
	goto out;

fail:
	snprintf(err, errsz, "Cannot build a subset of a font "
	    "(out of memory or a damaged glyph).");
	free(*pua);
	*pua = NULL;
out:
	for (i = 0; i < sizeof(tabs) / sizeof(tabs[0]); i++)
		if (tabs[i].own)
			free(tabs[i].data);
	free(sorted);
	free(order);
	free(renumber);
	free(direct);
	free(map);
	return font;
}
