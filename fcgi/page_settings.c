/* Admin pages of user types and languages. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "input.h"
#include "pages.h"
#include "request.h"
#include "response.h"
#include "settings.h"
#include "view.h"

static const char *const type_sort_keys[] = USER_TYPE_SORT_KEYS;

/* The list of user types with the form that adds one. */
static int
show_types(struct ctx *ctx, int status)
{
	struct view		*v = ctx->resp->view;
	struct listing		 l;
	struct user_type	*rows;
	size_t			 n, shown, i;
	int			 more;

	list_read(ctx, type_sort_keys, &l);
	if (user_type_list(ctx->db, &l, &rows, &n) != DB_OK)
		return 503;
	more = listing_has_next(&l, n, &shown);
	page_common(ctx, "admin", "User types");
	list_view(ctx, &l, type_sort_keys, more, shown, "");
	for (i = 0; i < shown; i++) {
		view_set_int_item(v, "Types", (int)i, "Id", rows[i].id);
		view_set_item(v, "Types", (int)i, "Name", rows[i].name);
		view_set_item(v, "Types", (int)i, "Description",
		    rows[i].description);
		view_set_int_item(v, "Types", (int)i, "Users", rows[i].users);
	}
	free(rows);
	ctx->resp->page = "admin/user_types.cs";
	return status;
}

int
page_user_types(struct ctx *ctx)
{
	return show_types(ctx, 200);
}

static int
show_type_form(struct ctx *ctx, const struct user_type *t, int status)
{
	struct view	*v = ctx->resp->view;

	page_common(ctx, "admin", "Edit user type");
	view_set_int(v, "Type.Id", t->id);
	view_set_int(v, "Type.Users", t->users);
	if (status == 200) {
		view_set(v, "Form.name", t->name);
		view_set(v, "Form.description", t->description);
	}
	ctx->resp->page = "admin/user_type.cs";
	return status;
}

int
page_user_type_edit(struct ctx *ctx)
{
	struct user_type	 t;
	int			 rc;

	rc = user_type_get(ctx->db, ctx->req->param_id, &t);
	if (rc == 1)
		return 404;
	if (rc != DB_OK)
		return 503;
	return show_type_form(ctx, &t, 200);
}

/* Creates (POST /admin/user-types, from the list page) or updates. */
int
page_user_type_save(struct ctx *ctx)
{
	struct request		*req = ctx->req;
	struct user_type	 t = { .id = req->param_id };
	struct input		 in;
	int			 rc, status = 400;

	if (t.id != 0) {
		rc = user_type_get(ctx->db, t.id, &t);
		if (rc == 1)
			return 404;
		if (rc != DB_OK)
			return 503;
	}
	input_init(&in, ctx);
	snprintf(t.name, sizeof(t.name), "%s", input_text(&in, "name", "Name",
	    1, USER_TYPE_NAME_MAX, 0));
	snprintf(t.description, sizeof(t.description), "%s",
	    input_text(&in, "description", "Description", 0,
	    USER_TYPE_DESC_MAX, 1));
	if (input_ok(&in)) {
		rc = user_type_save(ctx->db, &t, req->session.user_id,
		    req->session.impersonator_id);
		if (rc == DB_DUPLICATE) {
			input_error(&in, "name", "Another user type already "
			    "has this name. Choose a different name.");
			status = 409;
		} else if (rc == 1) {
			return 404;
		} else if (rc != DB_OK) {
			return 503;
		} else {
			page_flash_next(ctx, "success", req->param_id ?
			    "User type saved." : "User type created.");
			response_redirect(ctx->resp, "/admin/user-types");
			return 303;
		}
	}
	if (req->param_id == 0)
		return show_types(ctx, status);
	return show_type_form(ctx, &t, status);
}

static int
show_languages(struct ctx *ctx, int status)
{
	struct view	*v = ctx->resp->view;
	struct language	*rows;
	size_t		 n, i;

	if (language_all(ctx->db, &rows, &n) != DB_OK)
		return 503;
	page_common(ctx, "admin", "Languages");
	for (i = 0; i < n; i++) {
		view_set_item(v, "Languages", (int)i, "Code", rows[i].code);
		view_set_item(v, "Languages", (int)i, "Name", rows[i].name);
		view_set_int_item(v, "Languages", (int)i, "Uses", rows[i].uses);
		view_set_int_item(v, "Languages", (int)i, "Default",
		    strcmp(rows[i].code, LANGUAGE_DEFAULT) == 0);
	}
	free(rows);
	ctx->resp->page = "admin/languages.cs";
	return status;
}

int
page_languages(struct ctx *ctx)
{
	return show_languages(ctx, 200);
}

int
page_language_add(struct ctx *ctx)
{
	struct request	*req = ctx->req;
	struct language	 lang;
	struct input	 in;
	const char	*code, *why;
	int		 rc;

	memset(&lang, 0, sizeof(lang));
	input_init(&in, ctx);
	code = input_text(&in, "code", "Code", 1, 16, 0);
	if (*code != '\0' && (why = language_code_invalid(code)) != NULL)
		input_error(&in, "code", why);
	snprintf(lang.code, sizeof(lang.code), "%s", code);
	snprintf(lang.name, sizeof(lang.name), "%s", input_text(&in, "name",
	    "Name", 1, 100, 0));
	if (!input_ok(&in))
		return show_languages(ctx, 400);
	rc = language_add(ctx->db, &lang, req->session.user_id,
	    req->session.impersonator_id);
	if (rc == DB_DUPLICATE) {
		input_error(&in, "code", "This language code is already in "
		    "the list.");
		return show_languages(ctx, 409);
	}
	if (rc != DB_OK)
		return 503;
	page_flash_next(ctx, "success", "Language added.");
	response_redirect(ctx->resp, "/admin/languages");
	return 303;
}

/* Finds the language named by the code field of the query or form. */
static int
find_language(struct ctx *ctx, const char *code, struct language *out)
{
	struct language	*rows;
	size_t		 n, i;
	int		 found = 0;

	if (code == NULL)
		return 404;
	if (language_all(ctx->db, &rows, &n) != DB_OK)
		return 503;
	for (i = 0; i < n; i++) {
		if (strcmp(rows[i].code, code) == 0) {
			*out = rows[i];
			found = 1;
		}
	}
	free(rows);
	return found ? 0 : 404;
}

int
page_language_remove_confirm(struct ctx *ctx)
{
	struct view	*v = ctx->resp->view;
	struct language	 lang;
	int		 rc;

	if ((rc = find_language(ctx, request_query(ctx->req, "code"),
	    &lang)) != 0)
		return rc;
	page_common(ctx, "admin", "Remove a language");
	view_set(v, "Language.Code", lang.code);
	view_set(v, "Language.Name", lang.name);
	view_set_int(v, "Language.Uses", lang.uses);
	view_set_int(v, "Language.Default",
	    strcmp(lang.code, LANGUAGE_DEFAULT) == 0);
	ctx->resp->page = "admin/language_remove.cs";
	return 200;
}

int
page_language_remove(struct ctx *ctx)
{
	struct request	*req = ctx->req;
	struct language	 lang;
	int		 rc;

	if ((rc = find_language(ctx, request_form(req, "code"), &lang)) != 0)
		return rc;
	rc = language_remove(ctx->db, lang.code, req->session.user_id,
	    req->session.impersonator_id);
	if (rc == 1 || rc == 2) {
		show_languages(ctx, 409);
		response_flash(ctx->resp, "error", rc == 1 ?
		    "English is the default language and cannot be removed." :
		    "This language is still used by users, courses or "
		    "certifications. Change them first.");
		return 409;
	}
	if (rc == 3)
		return 404;
	if (rc != DB_OK)
		return 503;
	page_flash_next(ctx, "success", "Language removed.");
	response_redirect(ctx->resp, "/admin/languages");
	return 303;
}
