/*
 * ClearSilver's installed cs_config.h defines PACKAGE_NAME, PACKAGE_VERSION
 * and friends as empty strings, so its headers are included here only,
 * after our config.h values are saved and before they are restored.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#pragma push_macro("PACKAGE")
#pragma push_macro("PACKAGE_BUGREPORT")
#pragma push_macro("PACKAGE_NAME")
#pragma push_macro("PACKAGE_STRING")
#pragma push_macro("PACKAGE_TARNAME")
#pragma push_macro("PACKAGE_URL")
#pragma push_macro("PACKAGE_VERSION")
#pragma push_macro("VERSION")
#undef PACKAGE
#undef PACKAGE_BUGREPORT
#undef PACKAGE_NAME
#undef PACKAGE_STRING
#undef PACKAGE_TARNAME
#undef PACKAGE_URL
#undef PACKAGE_VERSION
#undef VERSION
#include <ClearSilver.h>
#undef PACKAGE
#undef PACKAGE_BUGREPORT
#undef PACKAGE_NAME
#undef PACKAGE_STRING
#undef PACKAGE_TARNAME
#undef PACKAGE_URL
#undef PACKAGE_VERSION
#undef VERSION
#pragma pop_macro("PACKAGE")
#pragma pop_macro("PACKAGE_BUGREPORT")
#pragma pop_macro("PACKAGE_NAME")
#pragma pop_macro("PACKAGE_STRING")
#pragma pop_macro("PACKAGE_TARNAME")
#pragma pop_macro("PACKAGE_URL")
#pragma pop_macro("PACKAGE_VERSION")
#pragma pop_macro("VERSION")

#include "log.h"
#include "view.h"

struct view {
	HDF	*hdf;
};

void
view_global_init(void)
{
	nerr_init();
}

/* Logs and frees a ClearSilver error; returns -1. */
static int
report(NEOERR *err, const char *what)
{
	STRING	 s;

	string_init(&s);
	nerr_error_string(err, &s);
	log_error("template error in %s: %s", what, s.buf ? s.buf : "?");
	string_clear(&s);
	nerr_ignore(&err);
	return -1;
}

struct view *
view_new(void)
{
	struct view	*v;
	NEOERR		*err;

	if ((v = calloc(1, sizeof(*v))) == NULL)
		return NULL;
	if ((err = hdf_init(&v->hdf)) != STATUS_OK) {
		report(err, "hdf_init");
		free(v);
		return NULL;
	}
	return v;
}

void
view_free(struct view *v)
{
	if (v == NULL)
		return;
	hdf_destroy(&v->hdf);
	free(v);
}

int
view_set(struct view *v, const char *name, const char *value)
{
	NEOERR	*err;

	if ((err = hdf_set_value(v->hdf, name, value)) != STATUS_OK)
		return report(err, name);
	return 0;
}

int
view_set_int(struct view *v, const char *name, long long n)
{
	char	 s[24];

	snprintf(s, sizeof(s), "%lld", n);
	return view_set(v, name, s);
}

int
view_set_item(struct view *v, const char *list, int index, const char *key,
    const char *value)
{
	char	 name[128];

	snprintf(name, sizeof(name), "%s.%d.%s", list, index, key);
	return view_set(v, name, value);
}

int
view_set_int_item(struct view *v, const char *list, int index,
    const char *key, long long n)
{
	char	 s[24];

	snprintf(s, sizeof(s), "%lld", n);
	return view_set_item(v, list, index, key, s);
}

const char *
view_get(struct view *v, const char *name)
{
	return hdf_get_value(v->hdf, name, NULL);
}

static NEOERR *
append_output(void *ctx, char *s)
{
	struct buf	*out = ctx;

	if (buf_puts(out, s) == -1)
		return nerr_raise(NERR_NOMEM, "out of memory");
	return STATUS_OK;
}

/*
 * Parsed templates, kept for the life of the worker.  Parsing three files
 * costs far more than rendering them, so each page is parsed once with a
 * dataset that holds only the configuration, and rendered with the
 * request's dataset put in its place.  This relies on the templates reading
 * data only while rendering: ClearSilver evaluates data at parse time only
 * for evar and include, which the templates do not use.  A template whose
 * file changed on disk is parsed again.
 */
#define CACHE_SLOTS	64
#define CACHE_FILES	3

struct cached_page {
	char		 page[128];
	CSPARSE		*cs;
	HDF		*parse_hdf;
	struct timespec	 mtime[CACHE_FILES];
};

static struct cached_page	 cache[CACHE_SLOTS];

static void
cache_drop(struct cached_page *c)
{
	cs_destroy(&c->cs);
	hdf_destroy(&c->parse_hdf);
	c->page[0] = '\0';
}

static void
cache_paths(const char *dir, const char *page, char path[][1024])
{
	snprintf(path[0], sizeof(path[0]), "%s/macros.cs", dir);
	snprintf(path[1], sizeof(path[1]), "%s/%s", dir, page);
	snprintf(path[2], sizeof(path[2]), "%s/layout.cs", dir);
}

/* Returns 1 when every file still has the modification time it had when
 * the page was parsed. */
static int
cache_fresh(const struct cached_page *c, char path[][1024])
{
	struct stat	 st;
	int		 i;

	for (i = 0; i < CACHE_FILES; i++) {
		if (stat(path[i], &st) == -1 ||
		    st.st_mtim.tv_sec != c->mtime[i].tv_sec ||
		    st.st_mtim.tv_nsec != c->mtime[i].tv_nsec)
			return 0;
	}
	return 1;
}

static NEOERR *
cache_parse(struct cached_page *c, const char *dir, const char *page,
    char path[][1024])
{
	struct stat	 st;
	NEOERR		*err;
	int		 i;

	/* Escaping applies only when set before cs_init. */
	if ((err = hdf_init(&c->parse_hdf)) ||
	    (err = hdf_set_value(c->parse_hdf, "Config.VarEscapeMode",
	    "html")) ||
	    (err = hdf_set_value(c->parse_hdf, "hdf.loadpaths.0", dir)) ||
	    (err = cs_init(&c->cs, c->parse_hdf)) ||
	    (err = cgi_register_strfuncs(c->cs)))
		return err;
	for (i = 0; i < CACHE_FILES; i++) {
		if (stat(path[i], &st) == 0)
			c->mtime[i] = st.st_mtim;
		if ((err = cs_parse_file(c->cs, path[i])) != STATUS_OK)
			return err;
	}
	snprintf(c->page, sizeof(c->page), "%s", page);
	return STATUS_OK;
}

/* Returns the cached parse of page, parsing it when needed. */
static struct cached_page *
cache_get(const char *dir, const char *page, NEOERR **err)
{
	char			 path[CACHE_FILES][1024];
	struct cached_page	*c, *slot = NULL;
	int			 i;

	cache_paths(dir, page, path);
	for (i = 0; i < CACHE_SLOTS; i++) {
		c = &cache[i];
		if (c->page[0] == '\0') {
			if (slot == NULL)
				slot = c;
			continue;
		}
		if (strcmp(c->page, page) != 0)
			continue;
		if (cache_fresh(c, path))
			return c;
		cache_drop(c);
		slot = c;
		break;
	}
	if (slot == NULL) {
		slot = &cache[0];
		cache_drop(slot);
	}
	if ((*err = cache_parse(slot, dir, page, path)) != STATUS_OK) {
		cache_drop(slot);
		return NULL;
	}
	return slot;
}

int
view_render(struct view *v, const char *template_dir, const char *page,
    struct buf *out)
{
	struct cached_page	*c;
	NEOERR			*err = STATUS_OK;

	if ((c = cache_get(template_dir, page, &err)) == NULL)
		return report(err, page);
	c->cs->hdf = v->hdf;
	err = cs_render(c->cs, out, append_output);
	c->cs->hdf = c->parse_hdf;
	if (err != STATUS_OK) {
		/* A render stopped half-way may leave local variables
		 * behind, so the parse is not used again. */
		cache_drop(c);
		return report(err, page);
	}
	return 0;
}
