/*
 * ClearSilver's installed cs_config.h defines PACKAGE_NAME, PACKAGE_VERSION
 * and friends as empty strings, so its headers are included here only,
 * after our config.h values are saved and before they are restored.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

int
view_render(struct view *v, const char *template_dir, const char *page,
    struct buf *out)
{
	CSPARSE	*cs = NULL;
	NEOERR	*err;
	char	 path[1024];

	/* Escaping applies only when set before cs_init. */
	if ((err = hdf_set_value(v->hdf, "Config.VarEscapeMode", "html")) ||
	    (err = hdf_set_value(v->hdf, "hdf.loadpaths.0", template_dir)) ||
	    (err = cs_init(&cs, v->hdf)) ||
	    (err = cgi_register_strfuncs(cs)))
		goto fail;
	snprintf(path, sizeof(path), "%s/macros.cs", template_dir);
	if ((err = cs_parse_file(cs, path)) != STATUS_OK)
		goto fail;
	snprintf(path, sizeof(path), "%s/%s", template_dir, page);
	if ((err = cs_parse_file(cs, path)) != STATUS_OK)
		goto fail;
	snprintf(path, sizeof(path), "%s/layout.cs", template_dir);
	if ((err = cs_parse_file(cs, path)) != STATUS_OK)
		goto fail;
	if ((err = cs_render(cs, out, append_output)) != STATUS_OK)
		goto fail;
	cs_destroy(&cs);
	return 0;
fail:
	cs_destroy(&cs);
	return report(err, page);
}
