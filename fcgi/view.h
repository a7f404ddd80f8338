/*
 * Pages rendered with ClearSilver.  This header hides ClearSilver from the
 * rest of the program: handlers fill a view through these functions, whose
 * names are always built by the program (string literals and numbers),
 * never from user text, because HDF splits names at dots.
 */
#ifndef LAUREL_VIEW_H
#define LAUREL_VIEW_H

#include "str.h"

struct view;

/* Initialises ClearSilver's error machinery; call once before forking. */
void		 view_global_init(void);

/* Returns a new empty view or NULL. */
struct view	*view_new(void);
void		 view_free(struct view *);

/* Each setter returns 0, or -1 when memory runs out. */
int		 view_set(struct view *, const char *name, const char *value);
int		 view_set_int(struct view *, const char *name, long long);
/* Sets list.index.key, e.g. ("Flash", 0, "Text") -> Flash.0.Text. */
int		 view_set_item(struct view *, const char *list, int index,
		    const char *key, const char *value);

/* Sets list.index.key to a number. */
int		 view_set_int_item(struct view *, const char *list, int index,
		    const char *key, long long);

/* Returns the value of name, or NULL. */
const char	*view_get(struct view *, const char *name);

/*
 * Renders templates/macros.cs, then the page template, then
 * templates/layout.cs, with HTML escaping of every variable, appending
 * the document to out.  Returns 0, or -1 after logging the template
 * error.
 */
int		 view_render(struct view *, const char *template_dir,
		    const char *page, struct buf *out);

#endif
