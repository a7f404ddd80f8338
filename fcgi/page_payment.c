/*
 * Paying for priced certifications: the admin pages of vouchers and
 * purchase orders, and the learner's voucher and purchase order forms on
 * a certification's page.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "db.h"
#include "input.h"
#include "pages.h"
#include "payment.h"
#include "request.h"
#include "response.h"
#include "str.h"
#include "view.h"

static const char *const voucher_sort_keys[] = PAYMENT_VOUCHER_SORT_KEYS;
static const char *const po_sort_keys[] = { "status", NULL };
static const char *const po_status_keys[] = PAYMENT_PO_STATUS_KEYS;
static const char *const voucher_states[] = { "valid", "expired",
    "used_up" };

/* Parses a positive id, or returns 0. */
static long long
parse_id(const char *s)
{
	char		*end;
	long long	 id;

	if (s == NULL || *s < '1' || *s > '9')
		return 0;
	id = strtoll(s, &end, 10);
	return *end == '\0' && id > 0 && id < LLONG_MAX ? id : 0;
}

static void
view_families(struct view *v, const char *list,
    const struct payment_family *f, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		view_set_int_item(v, list, (int)i, "Id", f[i].family_id);
		view_set_item(v, list, (int)i, "Name", f[i].name);
		view_set_int_item(v, list, (int)i, "Version", f[i].version);
	}
}

/* ------------------------------------------------------------ vouchers */

static void
view_vouchers(struct view *v, const struct payment_voucher *r, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		view_set_int_item(v, "Vouchers", (int)i, "Id", r[i].id);
		view_set_item(v, "Vouchers", (int)i, "Code", r[i].code);
		view_set_int_item(v, "Vouchers", (int)i, "FamilyId",
		    r[i].family_id);
		view_set_item(v, "Vouchers", (int)i, "Certification",
		    r[i].certification);
		view_set_int_item(v, "Vouchers", (int)i, "UsesAllowed",
		    r[i].uses_allowed);
		view_set_int_item(v, "Vouchers", (int)i, "UsesCount",
		    r[i].uses_count);
		view_set_item(v, "Vouchers", (int)i, "ExpiresOn",
		    r[i].expires_on);
		view_set_item(v, "Vouchers", (int)i, "Created",
		    r[i].created_at);
		view_set_item(v, "Vouchers", (int)i, "State",
		    voucher_states[r[i].state]);
	}
}

int
page_vouchers(struct ctx *ctx)
{
	struct view		*v = ctx->resp->view;
	struct payment_voucher	*rows;
	struct payment_family	*families;
	struct listing		 l;
	struct buf		 extra = { 0 };
	long long		 family;
	size_t			 n, nf, shown;
	int			 more;

	list_read(ctx, voucher_sort_keys, &l);
	buf_puts(&extra, "");
	if ((family = parse_id(request_query(ctx->req, "family"))) != 0) {
		query_append(&extra, "family",
		    request_query(ctx->req, "family"));
		view_set_int(v, "Filter.family", family);
	}
	if (payment_voucher_list(ctx->db, &l, family, &rows, &n) != DB_OK) {
		buf_free(&extra);
		return 503;
	}
	if (payment_voucher_families(ctx->db, 0, &families, &nf) != DB_OK) {
		free(rows);
		buf_free(&extra);
		return 503;
	}
	more = listing_has_next(&l, n, &shown);
	page_common(ctx, "admin", "Vouchers");
	list_view(ctx, &l, voucher_sort_keys, more, shown, extra.data);
	view_vouchers(v, rows, shown);
	view_families(v, "Families", families, nf);
	free(rows);
	free(families);
	buf_free(&extra);
	ctx->resp->page = "admin/vouchers.cs";
	return 200;
}

/* Shows the voucher form with the families that can have vouchers. */
static int
show_voucher_form(struct ctx *ctx, int status)
{
	struct view		*v = ctx->resp->view;
	struct payment_family	*families;
	char			 today[11];
	size_t			 n;

	if (payment_voucher_families(ctx->db, 1, &families, &n) != DB_OK)
		return 503;
	page_common(ctx, "admin", "New voucher");
	view_families(v, "Families", families, n);
	free(families);
	date_format(clock_site_day(clock_now()), today);
	view_set(v, "Today", today);
	ctx->resp->page = "admin/voucher.cs";
	return status;
}

int
page_voucher_new(struct ctx *ctx)
{
	view_set(ctx->resp->view, "Form.uses", "1");
	return show_voucher_form(ctx, 200);
}

/* Reads the certification field: the id of a family that can have
 * vouchers.  Returns the id, 0 after marking the field invalid, or -1
 * when the database failed. */
static long long
input_voucher_family(struct input *in, struct ctx *ctx)
{
	struct payment_family	*families;
	const char		*s;
	long long		 id;
	size_t			 n, i;
	int			 found = 0;

	s = input_text(in, "family", "Certification", 1, 20, 0);
	if (*s == '\0')
		return 0;
	if ((id = parse_id(s)) != 0) {
		if (payment_voucher_families(ctx->db, 1, &families, &n) != DB_OK)
			return -1;
		for (i = 0; i < n; i++)
			if (families[i].family_id == id)
				found = 1;
		free(families);
	}
	if (!found) {
		input_error(in, "family", "Certification has an unknown value; "
		    "choose one of the offered certifications.");
		return 0;
	}
	return id;
}

/* Reads the code field into v->code: "" to generate one. */
static void
input_voucher_code(struct input *in, struct payment_voucher *v)
{
	const char	*s;

	s = input_text(in, "code", "Code", 0, PAYMENT_CODE_MAX, 0);
	v->code[0] = '\0';
	if (*s == '\0')
		return;
	if (payment_code_normalize(s, v->code) == -1)
		input_error(in, "code", "Code must be 4 to 40 characters of "
		    "letters A-Z, digits and hyphens. Leave it empty to have "
		    "one generated.");
}

/* Reads the expiry date, which must be today or later in the site
 * calendar. */
static void
input_voucher_expiry(struct input *in, struct payment_voucher *v)
{
	day_t	 today = clock_site_day(clock_now());
	char	 msg[96], date[11];
	int	 day;

	if (input_date(in, "expires_on", "Expiry date", 1, &day) != 1)
		return;
	if (day < today) {
		date_format(today, date);
		snprintf(msg, sizeof(msg), "Expiry date must be today (%s) or "
		    "later.", date);
		input_error(in, "expires_on", msg);
		return;
	}
	date_format(day, v->expires_on);
}

int
page_voucher_create(struct ctx *ctx)
{
	struct request		*req = ctx->req;
	struct payment_voucher	 v;
	struct input		 in;
	char			 location[80], msg[80];
	int			 rc;

	memset(&v, 0, sizeof(v));
	input_init(&in, ctx);
	if ((v.family_id = input_voucher_family(&in, ctx)) == -1)
		return 503;
	input_voucher_code(&in, &v);
	input_int(&in, "uses", "Uses", 1, 1, PAYMENT_USES_MAX,
	    &v.uses_allowed);
	input_voucher_expiry(&in, &v);
	if (!input_ok(&in))
		return show_voucher_form(ctx, 400);

	rc = payment_voucher_create(ctx->db, &v, req->session.user_id,
	    req->session.impersonator_id);
	if (rc == DB_DUPLICATE) {
		input_error(&in, "code", "Another voucher already has this "
		    "code. Choose a different code, or leave it empty to have "
		    "one generated.");
		return show_voucher_form(ctx, 409);
	}
	if (rc == PAYMENT_NOT_OFFERED) {
		input_error(&in, "family", "This certification no longer "
		    "accepts vouchers; choose another one.");
		return show_voucher_form(ctx, 409);
	}
	if (rc != DB_OK)
		return 503;
	snprintf(msg, sizeof(msg), "Voucher %s created.", v.code);
	page_flash_next(ctx, "success", msg);
	snprintf(location, sizeof(location), "/admin/vouchers?q=%s", v.code);
	response_redirect(ctx->resp, location);
	return 303;
}

/* ------------------------------------------------------ purchase orders */

static void
view_po(struct view *v, const char *list, int i, const struct payment_po *p)
{
	view_set_int_item(v, list, i, "Id", p->id);
	view_set_int_item(v, list, i, "UserId", p->user_id);
	view_set_item(v, list, i, "Login", p->login);
	view_set_item(v, list, i, "UserName", p->user_name);
	view_set_item(v, list, i, "Certification", p->certification);
	view_set_item(v, list, i, "PoNumber", p->po_number);
	view_set_item(v, list, i, "Status", p->status);
	view_set_item(v, list, i, "Reason", p->reason);
	view_set_item(v, list, i, "Submitted", p->submitted_at);
	view_set_item(v, list, i, "Decided", p->decided_at);
	view_set_item(v, list, i, "DecidedBy", p->decided_by);
}

/* The list of purchase orders, with status (200, or 409 after a decision
 * that came too late). */
static int
show_purchase_orders(struct ctx *ctx, int status)
{
	struct view		*v = ctx->resp->view;
	struct payment_po	*rows;
	struct listing		 l;
	struct buf		 extra = { 0 };
	const char		*filter = request_query(ctx->req, "status");
	size_t			 n, shown, i;
	int			 more, k;

	list_read(ctx, po_sort_keys, &l);
	buf_puts(&extra, "");
	for (k = 0; filter != NULL && po_status_keys[k] != NULL; k++)
		if (strcmp(filter, po_status_keys[k]) == 0)
			break;
	if (filter == NULL || po_status_keys[k] == NULL)
		filter = "";
	else {
		query_append(&extra, "status", filter);
		view_set(v, "Filter.status", filter);
	}
	if (payment_po_list(ctx->db, &l, filter, &rows, &n) != DB_OK) {
		buf_free(&extra);
		return 503;
	}
	more = listing_has_next(&l, n, &shown);
	page_common(ctx, "admin", "Purchase orders");
	list_view(ctx, &l, po_sort_keys, more, shown, extra.data);
	for (i = 0; i < shown; i++)
		view_po(v, "Orders", (int)i, &rows[i]);
	free(rows);
	buf_free(&extra);
	ctx->resp->page = "admin/purchase_orders.cs";
	return status;
}

int
page_purchase_orders(struct ctx *ctx)
{
	return show_purchase_orders(ctx, 200);
}

/* Responds with 409 to a decision on an order that is no longer pending:
 * the list, with a message saying who decided it and how. */
static int
decided_already(struct ctx *ctx)
{
	struct payment_po	 p;
	char			 msg[PAYMENT_LOGIN_MAX * 4 + 128];
	int			 rc;

	rc = payment_po_get(ctx->db, ctx->req->param_id, &p);
	if (rc == PAYMENT_NOT_FOUND)
		return 404;
	if (rc != DB_OK)
		return 503;
	snprintf(msg, sizeof(msg), "Nothing was changed: this purchase "
	    "order was already %s%s%s at %.16s UTC.", p.status,
	    p.decided_by[0] != '\0' ? " by " : "", p.decided_by, p.decided_at);
	response_flash(ctx->resp, "error", msg);
	return show_purchase_orders(ctx, 409);
}

int
page_purchase_order_approve(struct ctx *ctx)
{
	struct request	*req = ctx->req;
	int		 rc;

	rc = payment_po_approve(ctx->db, ctx->cfg, req->param_id,
	    req->session.user_id, req->session.impersonator_id);
	switch (rc) {
	case DB_OK:
		page_flash_next(ctx, "success", "Purchase order approved. The "
		    "learner is enrolled.");
		response_redirect(ctx->resp, "/admin/purchase-orders");
		return 303;
	case PAYMENT_NOT_FOUND:
		return 404;
	case PAYMENT_DECIDED:
		return decided_already(ctx);
	case PAYMENT_NO_ACCESS:
		response_flash(ctx->resp, "error", "Nothing was approved: the "
		    "learner may no longer enrol in this certification (check "
		    "its status, user types, groups and prerequisites). Restore "
		    "their access, or reject the purchase order.");
		return show_purchase_orders(ctx, 409);
	case PAYMENT_ENROLLED:
		response_flash(ctx->resp, "error", "Nothing was approved: the "
		    "learner is already enrolled in this certification. Reject "
		    "the purchase order instead.");
		return show_purchase_orders(ctx, 409);
	default:
		return 503;
	}
}

/* Shows the rejection form for purchase order p. */
static int
show_reject_form(struct ctx *ctx, const struct payment_po *p, int status)
{
	page_common(ctx, "admin", "Reject a purchase order");
	view_po(ctx->resp->view, "Orders", 0, p);
	ctx->resp->page = "admin/purchase_order_reject.cs";
	return status;
}

/* Loads the pending order of the route; returns 0 or the status to
 * return. */
static int
load_pending(struct ctx *ctx, struct payment_po *p)
{
	int	 rc = payment_po_get(ctx->db, ctx->req->param_id, p);

	if (rc == PAYMENT_NOT_FOUND)
		return 404;
	if (rc != DB_OK)
		return 503;
	if (strcmp(p->status, "pending") != 0)
		return decided_already(ctx);
	return 0;
}

int
page_purchase_order_reject_confirm(struct ctx *ctx)
{
	struct payment_po	 p;
	int			 rc;

	if ((rc = load_pending(ctx, &p)) != 0)
		return rc;
	return show_reject_form(ctx, &p, 200);
}

int
page_purchase_order_reject(struct ctx *ctx)
{
	struct request		*req = ctx->req;
	struct payment_po	 p;
	struct input		 in;
	const char		*reason;
	int			 rc;

	if ((rc = load_pending(ctx, &p)) != 0)
		return rc;
	input_init(&in, ctx);
	reason = input_text(&in, "reason", "Reason", 1, PAYMENT_REASON_MAX, 1);
	if (!input_ok(&in))
		return show_reject_form(ctx, &p, 400);

	rc = payment_po_reject(ctx->db, p.id, reason, req->session.user_id,
	    req->session.impersonator_id);
	if (rc == PAYMENT_NOT_FOUND)
		return 404;
	if (rc == PAYMENT_DECIDED)
		return decided_already(ctx);
	if (rc != DB_OK)
		return 503;
	page_flash_next(ctx, "success", "Purchase order rejected. The learner "
	    "sees your reason on the certification's page.");
	response_redirect(ctx->resp, "/admin/purchase-orders");
	return 303;
}

/* ------------------------------------------------------------ learner */

int
page_payment_options(struct ctx *ctx, long long family_id)
{
	struct view		*v = ctx->resp->view;
	struct payment_terms	 t;
	struct payment_po	 p;
	size_t			 i;
	int			 rc;

	if (payment_terms(ctx->db, family_id, &t) != DB_OK)
		return -1;
	for (i = 0; i < t.n_prices; i++) {
		view_set_item(v, "Pay.Prices", (int)i, "Currency",
		    t.prices[i].currency);
		view_set_item(v, "Pay.Prices", (int)i, "Amount",
		    t.prices[i].amount);
	}
	/* No card payment provider is built, so that option is never
	 * offered to learners, whatever the certification's setting. */
	view_set_int(v, "Pay.Voucher", t.pay_voucher);
	view_set_int(v, "Pay.PurchaseOrder", t.pay_purchase_order);

	rc = payment_po_latest(ctx->db, ctx->req->session.user_id, family_id,
	    &p);
	if (rc == PAYMENT_NOT_FOUND)
		return 0;
	if (rc != DB_OK)
		return -1;
	view_set(v, "Pay.PoNumber", p.po_number);
	if (strcmp(p.status, "pending") == 0)
		view_set(v, "Pay.Pending", "1");
	else if (strcmp(p.status, "rejected") == 0) {
		view_set(v, "Pay.Rejected", "1");
		view_set(v, "Pay.Reason", p.reason);
	}
	return 0;
}

/* Shows the certification's page again, with status, after a payment
 * that did not go through.  The message goes next to field, or to the
 * top of the page when field is NULL. */
static int
show_certification(struct ctx *ctx, struct input *in, const char *field,
    const char *message, int status)
{
	int	 rc;

	if (field != NULL)
		input_error(in, field, message);
	else if (message != NULL)
		response_flash(ctx->resp, "error", message);
	rc = page_learn_certification(ctx);
	return rc == 200 ? status : rc;
}

/* Redirects to the certification's page with a message. */
static int
to_certification(struct ctx *ctx, const char *kind, const char *message)
{
	char	 location[64];

	page_flash_next(ctx, kind, message);
	snprintf(location, sizeof(location), "/learn/certifications/%lld",
	    ctx->req->param_id);
	response_redirect(ctx->resp, location);
	return 303;
}

/* The message of an outcome that concerns the certification rather than
 * what was typed. */
static const char *
offer_message(int rc, const char *not_offered)
{
	switch (rc) {
	case PAYMENT_NO_ACCESS:
		return "You cannot enrol in this certification yet; see what "
		    "it requires below.";
	case PAYMENT_NOT_OFFERED:
		return not_offered;
	case PAYMENT_ENROLLED:
		return "You are already enrolled in this certification.";
	default:
		return NULL;
	}
}

int
page_learn_voucher(struct ctx *ctx)
{
	struct request	*req = ctx->req;
	struct input	 in;
	const char	*code, *msg;
	char		 expires_on[11], text[64];
	int		 rc;

	input_init(&in, ctx);
	code = input_text(&in, "code", "Voucher code", 1, PAYMENT_CODE_MAX, 0);
	if (!input_ok(&in))
		return show_certification(ctx, &in, NULL, NULL, 400);

	rc = payment_voucher_redeem(ctx->db, ctx->cfg, req->session.user_id,
	    req->param_id, code, req->session.impersonator_id, expires_on);
	switch (rc) {
	case DB_OK:
		return to_certification(ctx, "success", "Voucher accepted. You "
		    "are enrolled.");
	case PAYMENT_NOT_FOUND:
		return 404;
	case PAYMENT_UNKNOWN_CODE:
		return show_certification(ctx, &in, "code",
		    "No voucher has this code.", 400);
	case PAYMENT_OTHER_FAMILY:
		return show_certification(ctx, &in, "code",
		    "This voucher is for another certification.", 400);
	case PAYMENT_EXPIRED:
		snprintf(text, sizeof(text), "This voucher expired on %s.",
		    expires_on);
		return show_certification(ctx, &in, "code", text, 400);
	case PAYMENT_USED_BY_YOU:
		return show_certification(ctx, &in, "code",
		    "This voucher was already used by you.", 409);
	case PAYMENT_USED_UP:
		return show_certification(ctx, &in, "code",
		    "This voucher has been used up.", 409);
	default:
		if ((msg = offer_message(rc, "This certification does not "
		    "accept vouchers.")) == NULL)
			return 503;
		return show_certification(ctx, &in, NULL, msg, 409);
	}
}

int
page_learn_purchase_order(struct ctx *ctx)
{
	struct request	*req = ctx->req;
	struct input	 in;
	const char	*number, *msg;
	int		 rc, created;

	input_init(&in, ctx);
	number = input_text(&in, "po_number", "Purchase order number", 1,
	    PAYMENT_PO_MAX, 0);
	if (!input_ok(&in))
		return show_certification(ctx, &in, NULL, NULL, 400);

	rc = payment_po_submit(ctx->db, req->session.user_id, req->param_id,
	    number, req->session.impersonator_id, &created);
	switch (rc) {
	case DB_OK:
		return to_certification(ctx, "success", created ?
		    "Purchase order submitted. You are enrolled once an "
		    "administrator approves it." : "This purchase order was "
		    "already submitted and is waiting for approval.");
	case PAYMENT_PENDING:
		return show_certification(ctx, &in, NULL, "You already have a "
		    "purchase order waiting for approval. You can submit "
		    "another once it is decided.", 409);
	case PAYMENT_DECIDED:
		return show_certification(ctx, &in, "po_number", "You "
		    "submitted this purchase order number before, and it was "
		    "decided. Enter a new purchase order number.", 409);
	default:
		if ((msg = offer_message(rc, "This certification does not "
		    "accept purchase orders.")) == NULL)
			return 503;
		return show_certification(ctx, &in, NULL, msg, 409);
	}
}
