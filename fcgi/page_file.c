/*
 * Admin pages of certificate templates (the list, and the create and edit
 * form with its background upload), and the serving of uploaded files.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cert_template.h"
#include "conf.h"
#include "content.h"
#include "db.h"
#include "files.h"
#include "input.h"
#include "log.h"
#include "pages.h"
#include "request.h"
#include "response.h"
#include "view.h"

static const char *const sort_keys[] = CERT_TEMPLATE_SORT_KEYS;

/* Labels of the printed fields, indexed by enum cert_field. */
static const char *const field_labels[CERT_FIELD_COUNT] = {
	"Learner name",
	"Name on certificate",
	"Completion date",
	"Expiry date",
	"Certificate number",
	"Credit hours",
	"Verification code",
};

/* Labels of the page sizes and orientations, as the list shows them. */
static const char *const page_size_labels[] = { "A4", "Letter" };
static const char *const orientation_labels[] = { "Portrait", "Landscape" };

int
page_templates(struct ctx *ctx)
{
	struct view		*v = ctx->resp->view;
	struct listing		 l;
	struct cert_template	*rows;
	size_t			 n, shown, i;
	int			 more;

	list_read(ctx, sort_keys, &l);
	if (cert_template_list(ctx->db, &l, &rows, &n) != DB_OK)
		return 503;
	more = listing_has_next(&l, n, &shown);
	page_common(ctx, "admin", "Certificate templates");
	list_view(ctx, &l, sort_keys, more, shown, "");
	for (i = 0; i < shown; i++) {
		view_set_int_item(v, "Templates", (int)i, "Id", rows[i].id);
		view_set_item(v, "Templates", (int)i, "Name", rows[i].name);
		view_set_item(v, "Templates", (int)i, "PageSize",
		    page_size_labels[rows[i].page_size]);
		view_set_item(v, "Templates", (int)i, "Orientation",
		    orientation_labels[rows[i].orientation]);
		if (rows[i].background_id != 0) {
			view_set_int_item(v, "Templates", (int)i,
			    "BackgroundId", rows[i].background_id);
			view_set_item(v, "Templates", (int)i,
			    "BackgroundName", rows[i].background_name);
		}
		view_set_int_item(v, "Templates", (int)i, "Certifications",
		    rows[i].certifications);
		view_set_item(v, "Templates", (int)i, "Updated",
		    rows[i].updated_at);
	}
	free(rows);
	ctx->resp->page = "admin/templates.cs";
	return 200;
}

/* Writes tenths as a decimal with one place, leaving out ".0". */
static void
format_tenths(int tenths, char *out, size_t outsz)
{
	if (tenths % 10 == 0)
		snprintf(out, outsz, "%d", tenths / 10);
	else
		snprintf(out, outsz, "%d.%d", tenths / 10, tenths % 10);
}

/* The form field names of one printed field's inputs. */
struct box_names {
	char	 x[48], y[48], width[48], height[48], font_size[48], align[48];
};

static void
box_names(int f, struct box_names *n)
{
	const char	*key = cert_field_names[f];

	snprintf(n->x, sizeof(n->x), "%s_x", key);
	snprintf(n->y, sizeof(n->y), "%s_y", key);
	snprintf(n->width, sizeof(n->width), "%s_width", key);
	snprintf(n->height, sizeof(n->height), "%s_height", key);
	snprintf(n->font_size, sizeof(n->font_size), "%s_font_size", key);
	snprintf(n->align, sizeof(n->align), "%s_align", key);
}

/* Sets Form.<name> as input_* would, for a form shown with stored values. */
static void
set_form(struct view *v, const char *name, const char *value)
{
	char	 path[96];

	snprintf(path, sizeof(path), "Form.%s", name);
	view_set(v, path, value);
}

static void
set_form_tenths(struct view *v, const char *name, int tenths)
{
	char	 value[16];

	format_tenths(tenths, value, sizeof(value));
	set_form(v, name, value);
}

/* Fills Form.* from a stored or new template. */
static void
form_from_template(struct view *v, const struct cert_template *t)
{
	struct box_names	 n;
	const struct cert_box	*b;
	int			 f;

	view_set(v, "Form.name", t->name);
	view_set(v, "Form.page_size", cert_page_size_names[t->page_size]);
	view_set(v, "Form.orientation",
	    cert_orientation_names[t->orientation]);
	for (f = 0; f < CERT_FIELD_COUNT; f++) {
		b = &t->boxes[f];
		box_names(f, &n);
		set_form_tenths(v, n.x, b->x);
		set_form_tenths(v, n.y, b->y);
		set_form_tenths(v, n.width, b->width);
		set_form_tenths(v, n.height, b->height);
		set_form_tenths(v, n.font_size, b->font_size);
		set_form(v, n.align, cert_align_names[b->align]);
	}
}

/* Copies Form.<name> and Form.Errors.<name> into Layout.<i>.<key> and
 * Layout.<i>.<key>Error. */
static void
layout_item(struct view *v, int i, const char *key, const char *name)
{
	char		 path[96], error_key[32];
	const char	*value;

	snprintf(path, sizeof(path), "Form.%s", name);
	if ((value = view_get(v, path)) != NULL)
		view_set_item(v, "Layout", i, key, value);
	snprintf(path, sizeof(path), "Form.Errors.%s", name);
	snprintf(error_key, sizeof(error_key), "%sError", key);
	if ((value = view_get(v, path)) != NULL)
		view_set_item(v, "Layout", i, error_key, value);
}

/* Lays the field inputs out as Layout.N, one row per printed field, so
 * the template loops over them. */
static void
layout_view(struct view *v)
{
	struct box_names	 n;
	int			 f;

	for (f = 0; f < CERT_FIELD_COUNT; f++) {
		box_names(f, &n);
		view_set_item(v, "Layout", f, "Key", cert_field_names[f]);
		view_set_item(v, "Layout", f, "Label", field_labels[f]);
		layout_item(v, f, "X", n.x);
		layout_item(v, f, "Y", n.y);
		layout_item(v, f, "Width", n.width);
		layout_item(v, f, "Height", n.height);
		layout_item(v, f, "FontSize", n.font_size);
		layout_item(v, f, "Align", n.align);
	}
}

/*
 * Shows the form.  With status 200 the values come from t; otherwise the
 * input_* functions have set them from the request.  file_dropped is 1
 * when a valid background was sent but not kept.
 */
static int
show_form(struct ctx *ctx, const struct cert_template *t, int status,
    int file_dropped)
{
	struct view		*v = ctx->resp->view;
	struct stored_file	 bg;

	page_common(ctx, "admin", t->id ? "Edit certificate template" :
	    "New certificate template");
	if (status == 200)
		form_from_template(v, t);
	layout_view(v);
	if (t->id != 0) {
		view_set_int(v, "Template.Id", t->id);
		view_set_int(v, "Template.Certifications", t->certifications);
	}
	if (t->background_id != 0 &&
	    file_get(ctx->db, t->background_id, &bg) == DB_OK) {
		view_set_int(v, "Template.BackgroundId", bg.id);
		view_set(v, "Template.BackgroundName", bg.original_name);
		view_set_int(v, "Template.BackgroundWidth", bg.width);
		view_set_int(v, "Template.BackgroundHeight", bg.height);
	}
	if (file_dropped)
		view_set(v, "Template.FileDropped", "1");
	ctx->resp->page = "admin/template.cs";
	return status;
}

int
page_template_new(struct ctx *ctx)
{
	struct cert_template	 t;

	cert_template_defaults(&t);
	return show_form(ctx, &t, 200, 0);
}

int
page_template_edit(struct ctx *ctx)
{
	struct cert_template	 t;
	int			 rc;

	rc = cert_template_get(ctx->db, ctx->req->param_id, &t);
	if (rc == 1)
		return 404;
	if (rc != DB_OK)
		return 503;
	return show_form(ctx, &t, 200, 0);
}

/*
 * Reads a length or font size written with at most one decimal place,
 * such as "28.5", as tenths in [min, max].  Returns 1 with *out set, or 0
 * after marking the field invalid.
 */
static int
input_tenths(struct input *in, const char *name, const char *label,
    int min, int max, const char *unit, int *out)
{
	const char	*v, *p;
	char		 msg[256], lo[16], hi[16];
	long		 whole = 0;
	int		 frac = 0, digits = 0;

	v = input_text(in, name, label, 1, 32, 0);
	if (*v == '\0')
		return 0;
	for (p = v; isdigit((unsigned char)*p) && digits < 6; p++, digits++)
		whole = whole * 10 + (*p - '0');
	if (*p == '.' && digits > 0 && isdigit((unsigned char)p[1])) {
		frac = p[1] - '0';
		p += 2;
	}
	if (digits > 0 && *p == '\0' && whole * 10 + frac >= min &&
	    whole * 10 + frac <= max) {
		*out = (int)(whole * 10 + frac);
		return 1;
	}
	format_tenths(min, lo, sizeof(lo));
	format_tenths(max, hi, sizeof(hi));
	snprintf(msg, sizeof(msg), "%s must be a number from %s to %s %s "
	    "with at most one decimal place, such as 12.5.", label, lo, hi,
	    unit);
	input_error(in, name, msg);
	return 0;
}

/* Returns 1 when the form marked name invalid. */
static int
has_error(struct ctx *ctx, const char *name)
{
	char	 path[96];

	snprintf(path, sizeof(path), "Form.Errors.%s", name);
	return view_get(ctx->resp->view, path) != NULL;
}

/*
 * Reads the box of printed field f.  page_ok is 1 when the page size and
 * orientation were valid, so the box can be checked against the page.
 */
static void
read_box(struct input *in, int f, int page_ok, int page_w, int page_h,
    const char *page_name, struct cert_box *b)
{
	struct box_names	 n;
	char			 label[64], msg[320], start[16], size[16];
	char			 end[16], page[16];
	int			 ok = 1;

	box_names(f, &n);
	snprintf(label, sizeof(label), "%s x", field_labels[f]);
	ok &= input_tenths(in, n.x, label, 0, CERT_TEMPLATE_LENGTH_MAX, "mm",
	    &b->x);
	snprintf(label, sizeof(label), "%s y", field_labels[f]);
	ok &= input_tenths(in, n.y, label, 0, CERT_TEMPLATE_LENGTH_MAX, "mm",
	    &b->y);
	snprintf(label, sizeof(label), "%s width", field_labels[f]);
	ok &= input_tenths(in, n.width, label, 0, CERT_TEMPLATE_LENGTH_MAX,
	    "mm", &b->width);
	snprintf(label, sizeof(label), "%s height", field_labels[f]);
	ok &= input_tenths(in, n.height, label, 0, CERT_TEMPLATE_LENGTH_MAX,
	    "mm", &b->height);
	snprintf(label, sizeof(label), "%s font size", field_labels[f]);
	input_tenths(in, n.font_size, label, CERT_TEMPLATE_FONT_MIN,
	    CERT_TEMPLATE_FONT_MAX, "points", &b->font_size);
	snprintf(label, sizeof(label), "%s alignment", field_labels[f]);
	b->align = input_choice(in, n.align, label, cert_align_names,
	    CERT_ALIGN_CENTER);
	if (!ok || !page_ok)
		return;

	if (b->x + b->width > page_w) {
		format_tenths(b->x, start, sizeof(start));
		format_tenths(b->width, size, sizeof(size));
		format_tenths(b->x + b->width, end, sizeof(end));
		format_tenths(page_w, page, sizeof(page));
		snprintf(msg, sizeof(msg), "%s does not fit across the page: "
		    "x %s mm plus width %s mm ends at %s mm, but the %s page "
		    "is %s mm wide. Reduce x or the width.", field_labels[f],
		    start, size, end, page_name, page);
		input_error(in, n.width, msg);
	}
	if (b->y + b->height > page_h) {
		format_tenths(b->y, start, sizeof(start));
		format_tenths(b->height, size, sizeof(size));
		format_tenths(b->y + b->height, end, sizeof(end));
		format_tenths(page_h, page, sizeof(page));
		snprintf(msg, sizeof(msg), "%s does not fit down the page: "
		    "y %s mm plus height %s mm ends at %s mm, but the %s page "
		    "is %s mm high. Reduce y or the height.", field_labels[f],
		    start, size, end, page_name, page);
		input_error(in, n.height, msg);
	}
}

/* Reads the name, page and boxes of the form into t. */
static void
read_template(struct ctx *ctx, struct input *in, struct cert_template *t)
{
	char	 page_name[32];
	int	 f, page_w, page_h, page_ok;

	snprintf(t->name, sizeof(t->name), "%s", input_text(in, "name",
	    "Name", 1, CERT_TEMPLATE_NAME_MAX, 0));
	t->page_size = input_choice(in, "page_size", "Page size",
	    cert_page_size_names, CERT_PAGE_A4);
	t->orientation = input_choice(in, "orientation", "Orientation",
	    cert_orientation_names, CERT_LANDSCAPE);
	page_ok = !has_error(ctx, "page_size") &&
	    !has_error(ctx, "orientation");
	cert_template_page_tenths(t->page_size, t->orientation, &page_w,
	    &page_h);
	snprintf(page_name, sizeof(page_name), "%s %s",
	    page_size_labels[t->page_size],
	    t->orientation == CERT_LANDSCAPE ? "landscape" : "portrait");
	for (f = 0; f < CERT_FIELD_COUNT; f++)
		read_box(in, f, page_ok, page_w, page_h, page_name,
		    &t->boxes[f]);
}

/* Returns the background upload of the request, or NULL when none was
 * chosen (browsers send an empty part without a file name then). */
static const struct upload *
background_upload(const struct request *req)
{
	size_t	 i;

	for (i = 0; i < req->files.count; i++) {
		if (strcmp(req->files.items[i].field, "background") != 0)
			continue;
		if (req->files.items[i].filename[0] == '\0' &&
		    req->files.items[i].size == 0)
			return NULL;
		return &req->files.items[i];
	}
	return NULL;
}

/* Checks the background upload and the remove checkbox.  Returns 1 when
 * an upload was sent and is acceptable, 0 when none was, -1 after marking
 * the field invalid, or 500 after a logged system error. */
static int
read_background(struct input *in, const struct upload *up,
    int drop_background)
{
	struct stored_file	 checked;
	char			 err[256];
	int			 rc;

	if (up == NULL)
		return 0;
	if (drop_background) {
		input_error(in, "background", "Choose a new background image "
		    "or tick \"Remove the background\", not both.");
		return -1;
	}
	rc = file_check_upload(up->path, FILE_TEMPLATE_BACKGROUND, &checked,
	    err, sizeof(err));
	if (rc == -1)
		return 500;
	if (rc == 1) {
		input_error(in, "background", err);
		return -1;
	}
	return 1;
}

/* Saves t with the background that the form chose and returns the HTTP
 * status.  A stored copy that no committed row names is removed. */
static int
save(struct ctx *ctx, struct input *in, struct cert_template *t,
    const struct upload *up, int drop_background)
{
	struct request		*req = ctx->req;
	struct stored_file	 bg;
	char			 err[256], old_storage[101], location[64];
	int			 rc;

	if (up != NULL) {
		rc = file_store_copy(ctx->cfg, up->path, up->filename,
		    FILE_TEMPLATE_BACKGROUND, &bg, err, sizeof(err));
		if (rc == -1)
			return 500;
		if (rc == 1) {
			input_error(in, "background", err);
			return show_form(ctx, t, 400, 0);
		}
	}

	rc = cert_template_save(ctx->db, t, up != NULL ? &bg : NULL,
	    drop_background, req->session.user_id, req->session.impersonator_id, old_storage,
	    sizeof(old_storage));
	if (rc != DB_OK && up != NULL) {
		/* With the connection lost during COMMIT the row may exist,
		 * so its file stays. */
		if (rc == DB_GONE)
			log_warn("kept stored file %s: the database "
			    "connection was lost, so the outcome of its "
			    "transaction is unknown", bg.storage_name);
		else
			file_remove_copy(ctx->cfg, bg.storage_name);
	}
	if (rc == DB_DUPLICATE) {
		input_error(in, "name", "Another certificate template already "
		    "has this name. Choose a different name.");
		return show_form(ctx, t, 409, up != NULL);
	}
	if (rc == 1)
		return 404;
	if (rc != DB_OK)
		return 503;

	if (old_storage[0] != '\0')
		file_remove_copy(ctx->cfg, old_storage);
	page_flash_next(ctx, "success", req->param_id ?
	    "Certificate template saved." : "Certificate template created.");
	snprintf(location, sizeof(location), "/admin/templates/%lld", t->id);
	response_redirect(ctx->resp, location);
	return 303;
}

/* Creates (POST /admin/templates) or updates (POST /admin/templates/{id}). */
int
page_template_save(struct ctx *ctx)
{
	struct request		*req = ctx->req;
	struct cert_template	 t;
	const struct upload	*up;
	struct input		 in;
	int			 rc, drop_background, upload_ok;

	cert_template_defaults(&t);
	if (req->param_id != 0) {
		rc = cert_template_get(ctx->db, req->param_id, &t);
		if (rc == 1)
			return 404;
		if (rc != DB_OK)
			return 503;
	}
	input_init(&in, ctx);
	read_template(ctx, &in, &t);
	up = background_upload(req);
	drop_background = t.background_id != 0 &&
	    input_checkbox(&in, "remove_background");
	upload_ok = read_background(&in, up, drop_background);
	if (upload_ok == 500)
		return 500;
	if (!input_ok(&in))
		return show_form(ctx, &t, 400, upload_ok == 1);
	return save(ctx, &in, &t, up, drop_background);
}

/* Returns 1 when the signed-in user may see the file, 0 when not, or a
 * negative db_status.  A course document is for admins and the learners
 * registered in its course. */
static int
file_visible(const struct ctx *ctx, const struct stored_file *f)
{
	switch (f->purpose) {
	case FILE_CERTIFICATION_IMAGE:
	case FILE_CERTIFICATION_ICON:
		return 1;
	case FILE_COURSE_DOCUMENT:
		if (ctx->req->session.user.role == ROLE_ADMIN)
			return 1;
		return content_document_readable(ctx->db, f->id,
		    ctx->req->session.user_id);
	case FILE_TEMPLATE_BACKGROUND:
	default:
		return ctx->req->session.user.role == ROLE_ADMIN;
	}
}

/*
 * Writes the uploaded name as a file name of letters, digits, '.', '-'
 * and '_' for Content-Disposition, with the extension of the checked
 * type, so no quote, control character or non-ASCII byte reaches the
 * header.
 */
static void
safe_file_name(const struct stored_file *f, char *out, size_t outsz)
{
	const char	*ext = ".jpg", *fallback = "image";
	const char	*s = f->original_name, *dot;
	size_t		 len = 0, stem;

	if (strcmp(f->content_type, "image/png") == 0)
		ext = ".png";
	else if (strcmp(f->content_type, "application/pdf") == 0) {
		ext = ".pdf";
		fallback = "document";
	}
	dot = strrchr(s, '.');
	stem = dot != NULL ? (size_t)(dot - s) : strlen(s);
	for (; stem > 0 && *s != '\0' && len + 5 < outsz && len < 100;
	    s++, stem--) {
		if (isalnum((unsigned char)*s) || *s == '-' || *s == '_' ||
		    (*s == '.' && len > 0))
			out[len++] = *s;
		else if (len > 0 && out[len - 1] != '_')
			out[len++] = '_';
	}
	while (len > 0 && out[len - 1] == '_')
		len--;
	if (len == 0)
		len = (size_t)snprintf(out, outsz, "%s", fallback);
	snprintf(out + len, outsz - len, "%s", ext);
}

/* Returns 1 when a storage name holds only the characters that
 * file_store_copy writes. */
static int
storage_name_valid(const char *name)
{
	return name[0] != '\0' && name[0] != '.' &&
	    strspn(name, "0123456789abcdef.pngjp") == strlen(name);
}

/* GET /files/{id}: checks access, then lets nginx send the file. */
int
page_file(struct ctx *ctx)
{
	struct response		*resp = ctx->resp;
	struct stored_file	 f;
	char			 name[128];
	int			 rc;

	rc = file_get(ctx->db, ctx->req->param_id, &f);
	if (rc == 1)
		return 404;
	if (rc != DB_OK)
		return 503;
	/* A file the user may not see looks like a missing one. */
	if ((rc = file_visible(ctx, &f)) < 0)
		return 503;
	if (rc == 0)
		return 404;
	if (!storage_name_valid(f.storage_name)) {
		log_error("invalid storage name \"%s\" in files row %lld",
		    f.storage_name, f.id);
		return 500;
	}

	/* nginx (1.22, checked by tests/http/files.sh) sends the file in place
	 * of this empty body, with the file's Content-Length instead of 0,
	 * and keeps Content-Type, Content-Disposition and Cache-Control. */
	safe_file_name(&f, name, sizeof(name));
	if (response_header(resp, "X-Accel-Redirect", "/_files/%s",
	    f.storage_name) == -1 ||
	    response_header(resp, "Content-Type", "%s", f.content_type) ==
	    -1 ||
	    response_header(resp, "Content-Disposition",
	    "inline; filename=\"%s\"", name) == -1)
		return 500;
	resp->cache_control = "private, max-age=3600";
	return 200;
}
