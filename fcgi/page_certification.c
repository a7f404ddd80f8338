/*
 * Admin pages of certifications and course groups: the list, the create
 * and edit form with its sections (images, courses, prerequisites,
 * versions, user groups), new versions and image uploads.  The Select
 * Courses and Select Prerequisites pages are in
 * page_certification_requirements.c.
 */
#include "config.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "certification.h"
#include "clock.h"
#include "db.h"
#include "enroll.h"
#include "files.h"
#include "input.h"
#include "page_certification.h"
#include "pages.h"
#include "request.h"
#include "response.h"
#include "str.h"
#include "view.h"

static const char *const sort_keys[] = CERT_SORT_KEYS;
static const char *const status_keys[] = { "active", "inactive", NULL };

/* ------------------------------------------------------------ shared */

int
cert_page_load(struct ctx *ctx, struct certification *c)
{
	int	 rc = cert_get(ctx->db, ctx->req->param_id, c);

	if (rc == CERT_NOT_FOUND)
		return 404;
	return rc == DB_OK ? 0 : 503;
}

int
cert_page_read_only(struct ctx *ctx, const struct certification *c)
{
	char	 msg[256];

	snprintf(msg, sizeof(msg), "Version %d of this certification is "
	    "read-only because version %d exists. Make changes in version "
	    "%d.", c->version, c->newest_version, c->newest_version);
	page_common(ctx, "admin", "Read-only version");
	response_error(ctx->resp, 409, msg);
	return 409;
}

void
cert_page_heading(struct ctx *ctx, const struct certification *c)
{
	struct view	*v = ctx->resp->view;

	view_set_int(v, "Cert.Id", c->id);
	view_set(v, "Cert.Name", c->name);
	view_set_int(v, "Cert.Version", c->version);
	view_set_int(v, "Cert.NewestVersion", c->newest_version);
	view_set_int(v, "Cert.NewestId", c->newest_id);
	view_set(v, "Cert.Availability",
	    cert_availability_keys[c->availability]);
	if (c->version != c->newest_version)
		view_set(v, "Cert.ReadOnly", "1");
}

/* Parses a positive id from the query or returns 0. */
static long long
query_id(struct ctx *ctx, const char *name)
{
	const char	*s = request_query(ctx->req, name);
	char		*end;
	long long	 id;

	if (s == NULL || !isdigit((unsigned char)*s))
		return 0;
	id = strtoll(s, &end, 10);
	return *end == '\0' && id > 0 ? id : 0;
}

/* ------------------------------------------------------------ list */

static void
read_filter(struct ctx *ctx, struct cert_filter *f, struct buf *extra)
{
	const char	*s;
	char		 id[24];

	memset(f, 0, sizeof(*f));
	f->availability = -1;
	f->active = -1;
	buf_puts(extra, "");
	if ((f->catalog_id = query_id(ctx, "catalog")) != 0) {
		snprintf(id, sizeof(id), "%lld", f->catalog_id);
		query_append(extra, "catalog", id);
		view_set(ctx->resp->view, "Filter.catalog", id);
	}
	s = request_query(ctx->req, "availability");
	if (s != NULL && (f->availability = cert_key_index(
	    cert_availability_keys, s)) >= 0) {
		query_append(extra, "availability", s);
		view_set(ctx->resp->view, "Filter.availability", s);
	}
	s = request_query(ctx->req, "status");
	if (s != NULL && cert_key_index(status_keys, s) >= 0) {
		f->active = strcmp(s, "active") == 0;
		query_append(extra, "status", s);
		view_set(ctx->resp->view, "Filter.status", s);
	}
}

static void
view_options(struct view *v, const char *list, const struct cert_option *o,
    size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		view_set_int_item(v, list, (int)i, "Id", o[i].id);
		view_set_item(v, list, (int)i, "Code", o[i].code);
		view_set_item(v, list, (int)i, "Name", o[i].name);
		view_set_int_item(v, list, (int)i, "Active", o[i].active);
	}
}

static void
view_rows(struct view *v, const char *list, const struct cert_row *r,
    size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		view_set_int_item(v, list, (int)i, "Id", r[i].id);
		view_set_int_item(v, list, (int)i, "FamilyId", r[i].family_id);
		view_set_int_item(v, list, (int)i, "Version", r[i].version);
		view_set_int_item(v, list, (int)i, "Versions", r[i].versions);
		view_set_item(v, list, (int)i, "Name", r[i].name);
		view_set_item(v, list, (int)i, "Catalog", r[i].catalog_name);
		view_set_item(v, list, (int)i, "Availability",
		    cert_availability_keys[r[i].availability]);
		view_set_int_item(v, list, (int)i, "Active", r[i].active);
		view_set_item(v, list, (int)i, "Updated", r[i].updated_at);
	}
}

int
page_certifications(struct ctx *ctx)
{
	struct view		*v = ctx->resp->view;
	struct listing		 l;
	struct cert_filter	 f;
	struct cert_row		*rows = NULL;
	struct cert_option	*catalogs = NULL;
	struct buf		 extra = { 0 };
	size_t			 n, n_catalogs, shown;
	int			 more, status = 503;

	list_read(ctx, sort_keys, &l);
	read_filter(ctx, &f, &extra);
	if (cert_list(ctx->db, &l, &f, &rows, &n) != DB_OK ||
	    cert_options(ctx->db, CERT_OPTION_CATALOGS, &catalogs,
	    &n_catalogs) != DB_OK)
		goto out;
	more = listing_has_next(&l, n, &shown);
	page_common(ctx, "admin", "Certifications");
	list_view(ctx, &l, sort_keys, more, shown, extra.data);
	view_rows(v, "Certs", rows, shown);
	view_options(v, "Catalogs", catalogs, n_catalogs);
	ctx->resp->page = "admin/certifications.cs";
	status = 200;
out:
	free(rows);
	free(catalogs);
	buf_free(&extra);
	return status;
}

/* ------------------------------------------------------------ the form */

/* Choices of the edit form. */
struct choices {
	struct cert_option	*languages, *templates, *user_types, *catalogs;
	size_t			 n_languages, n_templates, n_user_types,
				 n_catalogs;
};

static void
choices_free(struct choices *ch)
{
	free(ch->languages);
	free(ch->templates);
	free(ch->user_types);
	free(ch->catalogs);
}

static int
choices_load(struct ctx *ctx, struct choices *ch)
{
	memset(ch, 0, sizeof(*ch));
	if (cert_options(ctx->db, CERT_OPTION_LANGUAGES, &ch->languages,
	    &ch->n_languages) != DB_OK ||
	    cert_options(ctx->db, CERT_OPTION_TEMPLATES, &ch->templates,
	    &ch->n_templates) != DB_OK ||
	    cert_options(ctx->db, CERT_OPTION_USER_TYPES, &ch->user_types,
	    &ch->n_user_types) != DB_OK ||
	    cert_options(ctx->db, CERT_OPTION_CATALOGS, &ch->catalogs,
	    &ch->n_catalogs) != DB_OK) {
		choices_free(ch);
		return -1;
	}
	return 0;
}

static int
has_id(const struct cert_option *o, size_t n, long long id)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (o[i].id == id)
			return 1;
	return 0;
}

static int
has_code(const struct cert_option *o, size_t n, const char *code)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(o[i].code, code) == 0)
			return 1;
	return 0;
}

static void
set_form_int(struct view *v, const char *name, long long value, int shown)
{
	char	 path[64];

	snprintf(path, sizeof(path), "Form.%s", name);
	if (shown)
		view_set_int(v, path, value);
	else
		view_set(v, path, "");
}

static void
set_form_flag(struct view *v, const char *name, int on)
{
	char	 path[64];

	snprintf(path, sizeof(path), "Form.%s", name);
	view_set(v, path, on ? "1" : "0");
}

/* Writes the saved values of c to Form.*, as the form shows them. */
static void
set_form_values(struct view *v, const struct certification *c)
{
	char	 name[64], amount[32];
	size_t	 i;

	view_set(v, "Form.name", c->name);
	view_set(v, "Form.description", c->description);
	view_set(v, "Form.language_code", c->language_code);
	set_form_flag(v, "active", c->active);
	for (i = 0; i < c->n_user_types; i++) {
		snprintf(name, sizeof(name), "Form.user_type.%lld",
		    c->user_types[i]);
		view_set(v, name, "1");
	}
	set_form_flag(v, "limit_days", c->limit_days);
	set_form_int(v, "days_to_complete", c->days_to_complete,
	    c->limit_days);
	view_set(v, "Form.availability",
	    cert_availability_keys[c->availability]);
	set_form_int(v, "certificate_template_id", c->template_id,
	    c->template_id != 0);
	set_form_int(v, "catalog_id", c->catalog_id, c->catalog_id != 0);
	set_form_int(v, "required_electives", c->required_electives, 1);
	view_set(v, "Form.name_on_certificate", c->name_on_certificate);
	set_form_flag(v, "display_individually", c->display_individually);
	set_form_flag(v, "show_progress_bar", c->show_progress_bar);
	view_set(v, "Form.expiration_type",
	    cert_expiration_keys[c->expiration]);
	set_form_int(v, "expire_days", c->expire_days, c->expire_days != 0);
	set_form_flag(v, "provisional", c->provisional);
	view_set(v, "Form.external_id", c->external_id);
	set_form_flag(v, "disable_completion_email",
	    c->disable_completion_email);
	set_form_flag(v, "priced", c->priced);
	for (i = 0; i < c->n_prices; i++) {
		snprintf(name, sizeof(name), "Form.currency_%zu", i);
		view_set(v, name, c->prices[i].currency);
		snprintf(name, sizeof(name), "Form.amount_%zu", i);
		snprintf(amount, sizeof(amount), "%lld.%02lld",
		    c->prices[i].amount / 100, c->prices[i].amount % 100);
		view_set(v, name, amount);
	}
	set_form_flag(v, "pay_credit_card", c->pay_credit_card);
	set_form_flag(v, "pay_purchase_order", c->pay_purchase_order);
	set_form_flag(v, "pay_voucher", c->pay_voucher);
	view_set(v, "Form.number_format",
	    cert_number_format_keys[c->number_format]);
	view_set(v, "Form.number_prefix", c->number_prefix);
	set_form_int(v, "number_width", c->number_width, 1);
	set_form_int(v, "start_number", c->start_number, 1);
	/* A new certification's next number starts empty, so it follows the
	 * start number unless the admin types one. */
	set_form_int(v, "next_number", c->next_number, c->id != 0);
}

/* Names of every single-valued field of the form, for echo_form. */
static const char *const form_fields[] = {
	"name", "description", "language_code", "days_to_complete",
	"availability", "certificate_template_id", "catalog_id",
	"required_electives", "name_on_certificate", "expiration_type",
	"expire_days", "external_id", "number_format", "number_prefix",
	"number_width", "start_number", "next_number", NULL
};
static const char *const form_flags[] = {
	"active", "limit_days", "display_individually", "show_progress_bar",
	"provisional", "disable_completion_email", "priced",
	"pay_credit_card", "pay_purchase_order", "pay_voucher", NULL
};

/* Copies the submitted form to Form.* as sent, without checking it: the
 * "Add Prices" button shows the form again with one more price row. */
static void
echo_form(struct ctx *ctx, int rows)
{
	struct view		*v = ctx->resp->view;
	struct field_list	*form = &ctx->req->form;
	const char		*s;
	char			 name[64], path[80], *end;
	long long		 id;
	size_t			 i;
	int			 r;

	for (i = 0; form_fields[i] != NULL; i++) {
		s = request_form(ctx->req, form_fields[i]);
		snprintf(path, sizeof(path), "Form.%s", form_fields[i]);
		view_set(v, path, s != NULL ? s : "");
	}
	for (i = 0; form_flags[i] != NULL; i++) {
		s = request_form(ctx->req, form_flags[i]);
		set_form_flag(v, form_flags[i], s != NULL && *s != '\0' &&
		    strcmp(s, "0") != 0);
	}
	for (i = 0; i < form->count; i++) {
		if (strcmp(form->items[i].name, "user_type") != 0)
			continue;
		id = strtoll(form->items[i].value, &end, 10);
		if (*end != '\0' || id <= 0)
			continue;
		snprintf(path, sizeof(path), "Form.user_type.%lld", id);
		view_set(v, path, "1");
	}
	for (r = 0; r < rows; r++) {
		snprintf(name, sizeof(name), "currency_%d", r);
		s = request_form(ctx->req, name);
		snprintf(path, sizeof(path), "Form.%s", name);
		view_set(v, path, s != NULL ? s : "");
		snprintf(name, sizeof(name), "amount_%d", r);
		s = request_form(ctx->req, name);
		snprintf(path, sizeof(path), "Form.%s", name);
		view_set(v, path, s != NULL ? s : "");
	}
}

/* Copies Form.<name> (as sent) to the view when a field is not read. */
static void
echo_field(struct ctx *ctx, const char *name)
{
	const char	*s = request_form(ctx->req, name);
	char		 path[64];

	snprintf(path, sizeof(path), "Form.%s", name);
	view_set(ctx->resp->view, path, s != NULL ? s : "");
}

/* Returns the number of price rows the form showed, from its hidden
 * field, within [0, CERT_PRICES_MAX]. */
static int
price_rows_sent(struct ctx *ctx)
{
	const char	*s = request_form(ctx->req, "price_rows");
	int		 n = s != NULL ? atoi(s) : 0;

	if (n < 0)
		return 0;
	return n > CERT_PRICES_MAX ? CERT_PRICES_MAX : n;
}

static void
read_prices(struct input *in, struct certification *c, int rows)
{
	struct cert_price	*p;
	char			 cur[32], amt[32];
	const char		*code;
	long long		 amount = 0;
	int			 r, got;

	c->n_prices = 0;
	for (r = 0; r < rows; r++) {
		snprintf(cur, sizeof(cur), "currency_%d", r);
		snprintf(amt, sizeof(amt), "amount_%d", r);
		code = input_text(in, cur, "Currency", 0, 3, 0);
		got = input_hundredths(in, amt, "Amount", 0, 0,
		    CERT_AMOUNT_MAX, &amount);
		if (*code == '\0' && got == 0)
			continue;	/* an empty row adds nothing */
		if (*code == '\0') {
			input_error(in, cur, "Choose a currency for this "
			    "amount, or clear the amount.");
			continue;
		}
		if (got == 0) {
			input_error(in, amt, "Amount is required for a "
			    "currency. Enter 0.00 or more.");
			continue;
		}
		if (got < 0)
			continue;
		p = &c->prices[c->n_prices++];
		str_copy(p->currency, code, sizeof(p->currency));
		p->amount = amount;
		p->row = r;
	}
}

static void
read_choice_ids(struct input *in, struct certification *c,
    const struct choices *ch)
{
	long long	 id = 0;
	int		 n;
	size_t		 i;

	c->template_id = 0;
	if (input_int(in, "certificate_template_id", "Certificate template",
	    0, 1, LLONG_MAX, &id) == 1) {
		if (has_id(ch->templates, ch->n_templates, id))
			c->template_id = id;
		else
			input_error(in, "certificate_template_id",
			    "Certificate template has an unknown value. "
			    "Choose one of the offered templates.");
	}
	c->catalog_id = 0;
	if (input_int(in, "catalog_id", "Catalog", 0, 1,
	    LLONG_MAX, &id) == 1) {
		if (has_id(ch->catalogs, ch->n_catalogs, id))
			c->catalog_id = id;
		else
			input_error(in, "catalog_id", "Catalog has an unknown "
			    "value. Choose one of the offered catalogs.");
	}
	n = input_ids(in, "user_type", "User types", c->user_types,
	    CERT_USER_TYPES_MAX);
	c->n_user_types = n > 0 ? (size_t)n : 0;
	for (i = 0; i < c->n_user_types; i++)
		if (!has_id(ch->user_types, ch->n_user_types,
		    c->user_types[i])) {
			input_error(in, "user_type", "User types contains a "
			    "type that no longer exists. Reload the page.");
			break;
		}
}

static void
read_completion(struct input *in, struct certification *c)
{
	long long	 n = 0;

	c->limit_days = input_checkbox(in, "limit_days");
	c->days_to_complete = 0;
	if (c->limit_days) {
		if (input_int(in, "days_to_complete", "Days to complete", 0, 1,
		    CERT_DAYS_MAX, &n) == 1)
			c->days_to_complete = (int)n;
	} else
		echo_field(in->ctx, "days_to_complete");
	c->availability = input_choice(in, "availability", "Availability",
	    cert_availability_keys, CERT_AVAIL_CERTIFICATION);
	n = 0;
	if (input_int(in, "required_electives", "Required electives", 0, 0,
	    CERT_COURSES_MAX, &n) >= 0)
		c->required_electives = (int)n;
	c->display_individually = input_checkbox(in, "display_individually");
	c->show_progress_bar = input_checkbox(in, "show_progress_bar");
	c->expiration = input_choice(in, "expiration_type", "Expiration",
	    cert_expiration_keys, CERT_EXPIRE_PERPETUAL);
	c->expire_days = 0;
	if (c->expiration == CERT_EXPIRE_INTERVAL) {
		if (input_int(in, "expire_days", "Expire in days", 0, 1,
		    CERT_EXPIRE_DAYS_MAX, &n) == 1)
			c->expire_days = (int)n;
	} else
		echo_field(in->ctx, "expire_days");
}

static void
read_numbering(struct input *in, struct certification *c)
{
	long long	 n = 0;
	int		 got;

	c->number_format = input_choice(in, "number_format",
	    "Certificate number format", cert_number_format_keys,
	    CERT_NUMBER_PLAIN);
	str_copy(c->number_prefix, input_text(in, "number_prefix",
	    "Number prefix", 0, CERT_PREFIX_MAX, 0), sizeof(c->number_prefix));
	if (input_int(in, "number_width", "Number width", 1, 1,
	    CERT_WIDTH_MAX, &n) == 1)
		c->number_width = (int)n;
	if (input_int(in, "start_number", "Start number", 1, 1,
	    CERT_NUMBER_MAX, &n) == 1)
		c->start_number = n;
	/* A new certification starts numbering at its start number unless
	 * another next number is given. */
	got = input_int(in, "next_number", "Next number", c->id != 0, 1,
	    CERT_NUMBER_MAX, &n);
	if (got == 1)
		c->next_number = n;
	else if (got == 0 && c->id == 0)
		c->next_number = c->start_number;
}

/* Reads the whole form into c; invalid fields are marked in the view. */
static void
read_form(struct input *in, struct certification *c,
    const struct choices *ch, int rows)
{
	const char	*lang;

	str_copy(c->name, input_text(in, "name", "Name", 1, CERT_NAME_MAX, 0),
	    sizeof(c->name));
	str_copy(c->description, input_text(in, "description", "Description",
	    0, CERT_DESC_MAX, 1), sizeof(c->description));
	lang = input_text(in, "language_code", "Language", 1, 16, 0);
	if (*lang != '\0' && !has_code(ch->languages, ch->n_languages, lang))
		input_error(in, "language_code", "Language has an unknown "
		    "value. Choose one of the offered languages.");
	str_copy(c->language_code, lang, sizeof(c->language_code));
	c->active = input_checkbox(in, "active");
	read_choice_ids(in, c, ch);
	read_completion(in, c);
	str_copy(c->name_on_certificate, input_text(in, "name_on_certificate",
	    "Name on certificate", 0, CERT_NAME_MAX, 0),
	    sizeof(c->name_on_certificate));
	c->provisional = input_checkbox(in, "provisional");
	str_copy(c->external_id, input_text(in, "external_id",
	    "External certification ID", 0, CERT_EXTERNAL_ID_MAX, 0),
	    sizeof(c->external_id));
	c->disable_completion_email = input_checkbox(in,
	    "disable_completion_email");
	c->priced = input_checkbox(in, "priced");
	read_prices(in, c, rows);
	c->pay_credit_card = input_checkbox(in, "pay_credit_card");
	c->pay_purchase_order = input_checkbox(in, "pay_purchase_order");
	c->pay_voucher = input_checkbox(in, "pay_voucher");
	read_numbering(in, c);
}

/* Puts the choices and the price rows in the view, marking what Form.*
 * selects. */
static void
view_form_lists(struct view *v, const struct choices *ch, int rows)
{
	char		 path[80];
	const char	*s;
	size_t		 i;
	int		 r;

	view_options(v, "Languages", ch->languages, ch->n_languages);
	view_options(v, "Templates", ch->templates, ch->n_templates);
	view_options(v, "Catalogs", ch->catalogs, ch->n_catalogs);
	view_options(v, "UserTypes", ch->user_types, ch->n_user_types);
	for (i = 0; i < ch->n_user_types; i++) {
		snprintf(path, sizeof(path), "Form.user_type.%lld",
		    ch->user_types[i].id);
		if (view_get(v, path) != NULL)
			view_set_item(v, "UserTypes", (int)i, "Checked", "1");
	}
	for (i = 0; cert_currencies[i].code != NULL; i++) {
		view_set_item(v, "Currencies", (int)i, "Code",
		    cert_currencies[i].code);
		view_set_item(v, "Currencies", (int)i, "Name",
		    cert_currencies[i].name);
	}
	view_set_int(v, "Form.price_rows", rows);
	for (r = 0; r < rows; r++) {
		view_set_int_item(v, "Prices", r, "Row", r);
		snprintf(path, sizeof(path), "Form.currency_%d", r);
		s = view_get(v, path);
		view_set_item(v, "Prices", r, "Currency", s ? s : "");
		snprintf(path, sizeof(path), "Form.amount_%d", r);
		s = view_get(v, path);
		view_set_item(v, "Prices", r, "Amount", s ? s : "");
		snprintf(path, sizeof(path), "Form.Errors.currency_%d", r);
		if ((s = view_get(v, path)) != NULL)
			view_set_item(v, "Prices", r, "CurrencyError", s);
		snprintf(path, sizeof(path), "Form.Errors.amount_%d", r);
		if ((s = view_get(v, path)) != NULL)
			view_set_item(v, "Prices", r, "AmountError", s);
	}
}

static void
view_preview(struct view *v, const struct certification *c)
{
	char	 out[512];

	cert_number_preview(c->number_format, c->number_prefix,
	    c->number_width, c->external_id, c->next_number,
	    clock_site_day(clock_now()), out, sizeof(out));
	view_set(v, "Cert.NumberPreview", out);
	view_set_int(v, "Cert.LastIssued", c->last_issued_number);
}

/* Fills the sections below the form of a saved certification. */
static int
view_sections(struct ctx *ctx, const struct certification *c)
{
	struct view		*v = ctx->resp->view;
	struct cert_row		*versions = NULL, *prereqs = NULL;
	struct cert_group	*groups = NULL;
	struct cert_course	*courses = NULL;
	size_t			 nv, np, ng, nc, i;
	long long		 enrolled, on_version;
	int			 rc = -1;

	if (cert_versions(ctx->db, c->family_id, &versions, &nv) != DB_OK ||
	    cert_prerequisites(ctx->db, c->id, &prereqs, &np) != DB_OK ||
	    cert_groups(ctx->db, c->family_id, &groups, &ng) != DB_OK ||
	    cert_courses(ctx->db, c->id, &courses, &nc) != DB_OK)
		goto out;
	view_rows(v, "Versions", versions, nv);
	view_rows(v, "Prerequisites", prereqs, np);
	view_set(v, "Cert.Rule", cert_rule_keys[c->prerequisite_rule]);
	if (enroll_counts(ctx->db, c->family_id, c->id, &enrolled,
	    &on_version) != DB_OK)
		goto out;
	view_set_int(v, "Cert.Enrolled", enrolled);
	view_set_int(v, "Cert.EnrolledOnVersion", on_version);
	for (i = 0; i < ng; i++) {
		view_set_int_item(v, "Groups", (int)i, "Id", groups[i].id);
		view_set_item(v, "Groups", (int)i, "Name", groups[i].name);
		view_set_int_item(v, "Groups", (int)i, "AutoEnroll",
		    groups[i].auto_enroll);
	}
	for (i = 0; i < nc; i++) {
		view_set_item(v, "Courses", (int)i, "Code", courses[i].code);
		view_set_item(v, "Courses", (int)i, "Name", courses[i].name);
		view_set_item(v, "Courses", (int)i, "Requirement",
		    cert_requirement_keys[courses[i].requirement]);
		view_set_int_item(v, "Courses", (int)i, "Position",
		    courses[i].position);
	}
	if (c->image_file_id != 0)
		view_set_int(v, "Cert.ImageFileId", c->image_file_id);
	if (c->icon_file_id != 0)
		view_set_int(v, "Cert.IconFileId", c->icon_file_id);
	view_set_int(v, "Cert.ElectiveCourses", c->elective_courses);
	rc = 0;
out:
	free(versions);
	free(prereqs);
	free(groups);
	free(courses);
	return rc;
}

/*
 * Shows the form with status.  With fill, the values come from c (the
 * saved certification); otherwise Form.* already contains what was sent.
 * saved is the stored version for the sections below the form, or NULL
 * for a new certification.
 */
static int
show_form(struct ctx *ctx, const struct certification *c,
    const struct certification *saved, const struct choices *ch, int rows,
    int fill, int status)
{
	struct view	*v = ctx->resp->view;

	page_common(ctx, "admin", saved == NULL ? "New certification" :
	    saved->version != saved->newest_version ?
	    "Certification (read-only version)" : "Edit certification");
	if (fill)
		set_form_values(v, c);
	view_form_lists(v, ch, rows);
	/* A rejected save shows the stored numbering's next number, which
	 * is what the next certificate gets. */
	view_preview(v, status >= 400 && saved != NULL ? saved : c);
	if (saved != NULL) {
		cert_page_heading(ctx, saved);
		if (view_sections(ctx, saved) == -1)
			return 503;
	}
	ctx->resp->page = "admin/certification.cs";
	return status;
}

/* Price rows to show: the saved prices and one empty row to fill in. */
static int
rows_for(const struct certification *c)
{
	return c->n_prices < CERT_PRICES_MAX ? (int)c->n_prices + 1 :
	    CERT_PRICES_MAX;
}

int
page_certification_new(struct ctx *ctx)
{
	struct certification	*c;
	struct choices		 ch;
	int			 status;

	if ((c = malloc(sizeof(*c))) == NULL)
		return 503;
	cert_init(c);
	if (choices_load(ctx, &ch) == -1) {
		free(c);
		return 503;
	}
	status = show_form(ctx, c, NULL, &ch, rows_for(c), 1, 200);
	choices_free(&ch);
	free(c);
	return status;
}

int
page_certification_edit(struct ctx *ctx)
{
	struct certification	*c;
	struct choices		 ch;
	int			 status;

	if ((c = malloc(sizeof(*c))) == NULL)
		return 503;
	if ((status = cert_page_load(ctx, c)) != 0) {
		free(c);
		return status;
	}
	if (choices_load(ctx, &ch) == -1) {
		free(c);
		return 503;
	}
	status = show_form(ctx, c, c, &ch, rows_for(c), 1, 200);
	choices_free(&ch);
	free(c);
	return status;
}

/* Saves the checked form in c; returns the status of the response. */
static int
save_checked(struct ctx *ctx, struct input *in, struct certification *c,
    const struct certification *saved, const struct choices *ch, int rows)
{
	struct request	*req = ctx->req;
	char		 msg[512], location[64];
	int		 rc;

	rc = cert_save(ctx->db, c, req->session.user_id,
	    req->session.impersonator_id);
	switch (rc) {
	case DB_OK:
		break;
	case CERT_NOT_FOUND:
		return 404;
	case CERT_READ_ONLY:
		return cert_page_read_only(ctx, saved);
	case CERT_NEXT_TOO_LOW:
		cert_check_next_number(c->next_number, c->start_number,
		    c->last_issued_number, msg, sizeof(msg));
		input_error(in, "next_number", msg);
		return show_form(ctx, c, saved, ch, rows, 0, 409);
	case CERT_ELECTIVES:
		snprintf(msg, sizeof(msg), "Required electives cannot be more "
		    "than %d, the number of courses marked Elective.",
		    c->elective_courses);
		input_error(in, "required_electives", msg);
		return show_form(ctx, c, saved, ch, rows, 0, 409);
	default:
		return 503;
	}
	page_flash_next(ctx, "success", saved != NULL ?
	    "Certification saved." : "Certification created.");
	snprintf(location, sizeof(location), "/admin/certifications/%lld",
	    c->id);
	response_redirect(ctx->resp, location);
	return 303;
}

static int
save(struct ctx *ctx, struct certification *c, struct certification *saved,
    const struct choices *ch)
{
	struct cert_errors	*errors;
	struct input		 in;
	int			 rows = price_rows_sent(ctx);
	size_t			 i;

	if (request_form(ctx->req, "add_price") != NULL) {
		if (rows < CERT_PRICES_MAX)
			rows++;
		echo_form(ctx, rows);
		return show_form(ctx, c, saved, ch, rows, 0, 200);
	}

	input_init(&in, ctx);
	read_form(&in, c, ch, rows);
	if ((errors = malloc(sizeof(*errors))) == NULL)
		return 503;
	cert_validate(c, errors);
	for (i = 0; i < errors->count; i++)
		input_error(&in, errors->items[i].field,
		    errors->items[i].message);
	free(errors);
	if (!input_ok(&in))
		return show_form(ctx, c, saved, ch, rows, 0, 400);
	return save_checked(ctx, &in, c, saved, ch, rows);
}

/* Creates (POST /admin/certifications) or updates the newest version
 * (POST /admin/certifications/{id}). */
int
page_certification_save(struct ctx *ctx)
{
	struct certification	*c, *saved = NULL;
	struct choices		 ch;
	int			 status;

	if ((c = malloc(2 * sizeof(*c))) == NULL)
		return 503;
	cert_init(c);
	if (ctx->req->param_id != 0) {
		saved = c + 1;
		if ((status = cert_page_load(ctx, saved)) != 0)
			goto out;
		if (saved->version != saved->newest_version) {
			status = cert_page_read_only(ctx, saved);
			goto out;
		}
		/* Read-only parts and the values the form does not send. */
		*c = *saved;
	}
	if (choices_load(ctx, &ch) == -1) {
		status = 503;
		goto out;
	}
	status = save(ctx, c, saved, &ch);
	choices_free(&ch);
out:
	free(c);
	return status;
}

/* ------------------------------------------------------------ versions */

int
page_certification_new_version(struct ctx *ctx)
{
	struct request		*req = ctx->req;
	struct certification	*c;
	struct view		*v = ctx->resp->view;
	char			 location[64], msg[128];
	long long		 new_id = 0;
	int			 status, rc;

	if ((c = malloc(sizeof(*c))) == NULL)
		return 503;
	if ((status = cert_page_load(ctx, c)) != 0)
		goto out;
	if (c->version != c->newest_version) {
		status = cert_page_read_only(ctx, c);
		goto out;
	}
	/* A POST without confirm=1 shows the confirmation page. */
	if (request_form(req, "confirm") == NULL) {
		page_common(ctx, "admin", "Create a new version");
		cert_page_heading(ctx, c);
		view_set_int(v, "Cert.NextVersion", c->version + 1);
		ctx->resp->page = "admin/certification_version.cs";
		status = 200;
		goto out;
	}
	rc = cert_new_version(ctx->db, c->id, &new_id, req->session.user_id,
	    req->session.impersonator_id);
	if (rc == CERT_READ_ONLY) {
		c->newest_version = c->version + 1;
		status = cert_page_read_only(ctx, c);
		goto out;
	}
	if (rc != DB_OK) {
		status = rc == CERT_NOT_FOUND ? 404 : 503;
		goto out;
	}
	snprintf(msg, sizeof(msg), "Version %d created. Version %d is now "
	    "read-only.", c->version + 1, c->version);
	page_flash_next(ctx, "success", msg);
	snprintf(location, sizeof(location), "/admin/certifications/%lld",
	    new_id);
	response_redirect(ctx->resp, location);
	status = 303;
out:
	free(c);
	return status;
}

/* ------------------------------------------------------------ images */

static const struct upload *
find_upload(const struct request *req, const char *field)
{
	size_t	 i;

	for (i = 0; i < req->files.count; i++)
		if (strcmp(req->files.items[i].field, field) == 0)
			return &req->files.items[i];
	return NULL;
}

/* Shows the edit page again with an error at the upload field. */
static int
image_error(struct ctx *ctx, const struct certification *c, int icon,
    const char *message)
{
	struct choices	 ch;
	struct input	 in;
	int		 status;

	if (choices_load(ctx, &ch) == -1)
		return 503;
	input_init(&in, ctx);
	input_error(&in, icon ? "icon_file" : "image_file", message);
	status = show_form(ctx, c, c, &ch, rows_for(c), 1, 400);
	choices_free(&ch);
	return status;
}

static int
store_image(struct ctx *ctx, const struct certification *c, int icon,
    long long *file_id)
{
	const struct upload	*up = find_upload(ctx->req, "file");
	struct stored_file	 f;
	char			 err[256];
	int			 rc;

	if (up == NULL || up->size == 0)
		return image_error(ctx, c, icon, "Choose an image file (PNG or "
		    "JPEG) to upload.");
	rc = file_store_image(ctx->db, ctx->cfg, up->path, up->filename,
	    icon ? FILE_CERTIFICATION_ICON : FILE_CERTIFICATION_IMAGE,
	    ctx->req->session.user_id, &f, err, sizeof(err));
	if (rc == 1)
		return image_error(ctx, c, icon, err);
	if (rc != DB_OK)
		return 503;
	*file_id = f.id;
	return 0;
}

/* POST /admin/certifications/{id}/image: kind=image|icon with a file, or
 * reset=1 for the default. */
int
page_certification_image(struct ctx *ctx)
{
	static const char *const kinds[] = { "image", "icon", NULL };
	struct request		*req = ctx->req;
	struct certification	*c;
	const char		*kind = request_form(req, "kind");
	char			 location[64];
	long long		 file_id = 0;
	int			 icon, reset, status, rc;

	if ((c = malloc(sizeof(*c))) == NULL)
		return 503;
	if ((status = cert_page_load(ctx, c)) != 0)
		goto out;
	if (c->version != c->newest_version) {
		status = cert_page_read_only(ctx, c);
		goto out;
	}
	if (kind == NULL || (icon = cert_key_index(kinds, kind)) < 0) {
		status = 400;
		goto out;
	}
	reset = request_form(req, "reset") != NULL;
	if (!reset && (status = store_image(ctx, c, icon, &file_id)) != 0)
		goto out;
	rc = cert_set_image(ctx->db, c->id, icon, file_id, req->session.user_id,
	    req->session.impersonator_id);
	if (rc == CERT_READ_ONLY) {
		status = cert_page_read_only(ctx, c);
		goto out;
	}
	if (rc != DB_OK) {
		status = rc == CERT_NOT_FOUND ? 404 : 503;
		goto out;
	}
	page_flash_next(ctx, "success", reset ? (icon ? "Icon set to the "
	    "default." : "Display image set to the default.") :
	    (icon ? "Icon uploaded." : "Display image uploaded."));
	snprintf(location, sizeof(location), "/admin/certifications/%lld",
	    c->id);
	response_redirect(ctx->resp, location);
	status = 303;
out:
	free(c);
	return status;
}
