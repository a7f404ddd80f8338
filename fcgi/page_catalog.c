/* Admin pages of catalogs: the list, and the create and edit form. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "catalog.h"
#include "db.h"
#include "input.h"
#include "pages.h"
#include "request.h"
#include "response.h"
#include "view.h"

static const char *const sort_keys[] = CATALOG_SORT_KEYS;

int
page_catalogs(struct ctx *ctx)
{
	struct view	*v = ctx->resp->view;
	struct listing	 l;
	struct catalog	*rows;
	size_t		 n, shown, i;
	int		 more;

	list_read(ctx, sort_keys, &l);
	if (catalog_list(ctx->db, &l, &rows, &n) != DB_OK)
		return 503;
	more = listing_has_next(&l, n, &shown);
	page_common(ctx, "admin", "Catalogs");
	list_view(ctx, &l, sort_keys, more, shown, "");
	for (i = 0; i < shown; i++) {
		view_set_int_item(v, "Catalogs", (int)i, "Id", rows[i].id);
		view_set_item(v, "Catalogs", (int)i, "Name", rows[i].name);
		view_set_item(v, "Catalogs", (int)i, "Active",
		    rows[i].active ? "1" : "0");
		view_set_int_item(v, "Catalogs", (int)i, "Certifications",
		    rows[i].certifications);
		view_set_item(v, "Catalogs", (int)i, "Updated",
		    rows[i].updated_at);
	}
	free(rows);
	ctx->resp->page = "admin/catalogs.cs";
	return 200;
}

/* Shows the form; for an existing catalog the values come from c unless
 * the form is shown again after invalid input. */
static int
show_form(struct ctx *ctx, const struct catalog *c, int status)
{
	struct view	*v = ctx->resp->view;

	page_common(ctx, "admin", c->id ? "Edit catalog" : "New catalog");
	if (c->id != 0)
		view_set_int(v, "Catalog.Id", c->id);
	if (status == 200) {
		view_set(v, "Form.name", c->name);
		view_set(v, "Form.description", c->description);
		view_set(v, "Form.active", c->active ? "1" : "0");
	}
	ctx->resp->page = "admin/catalog.cs";
	return status;
}

int
page_catalog_new(struct ctx *ctx)
{
	struct catalog	 c = { .active = 1 };

	return show_form(ctx, &c, 200);
}

int
page_catalog_edit(struct ctx *ctx)
{
	struct catalog	 c;
	int		 rc;

	rc = catalog_get(ctx->db, ctx->req->param_id, &c);
	if (rc == 1)
		return 404;
	if (rc != DB_OK)
		return 503;
	return show_form(ctx, &c, 200);
}

/* Creates (POST /admin/catalogs) or updates (POST /admin/catalogs/{id}). */
int
page_catalog_save(struct ctx *ctx)
{
	struct request	*req = ctx->req;
	struct catalog	 c = { .id = req->param_id };
	struct input	 in;
	char		 location[64];
	int		 rc;

	if (c.id != 0) {
		rc = catalog_get(ctx->db, c.id, &c);
		if (rc == 1)
			return 404;
		if (rc != DB_OK)
			return 503;
	}
	input_init(&in, ctx);
	snprintf(c.name, sizeof(c.name), "%s", input_text(&in, "name",
	    "Name", 1, CATALOG_NAME_MAX, 0));
	snprintf(c.description, sizeof(c.description), "%s",
	    input_text(&in, "description", "Description", 0, CATALOG_DESC_MAX,
	    1));
	c.active = input_checkbox(&in, "active");
	if (!input_ok(&in))
		return show_form(ctx, &c, 400);

	rc = catalog_save(ctx->db, &c, req->session.user_id,
	    req->session.impersonator_id);
	if (rc == DB_DUPLICATE) {
		input_error(&in, "name", "Another catalog already has this "
		    "name. Choose a different name.");
		return show_form(ctx, &c, 409);
	}
	if (rc == 1)
		return 404;
	if (rc != DB_OK)
		return 503;
	page_flash_next(ctx, "success", req->param_id ? "Catalog saved." :
	    "Catalog created.");
	snprintf(location, sizeof(location), "/admin/catalogs/%lld", c.id);
	response_redirect(ctx->resp, location);
	return 303;
}
