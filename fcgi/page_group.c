/*
 * Admin pages of user groups: the list, the create and edit form with the
 * group's subscribed certifications, the members page, and the picker of
 * certifications to subscribe to.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "access.h"
#include "db.h"
#include "group.h"
#include "input.h"
#include "pages.h"
#include "request.h"
#include "response.h"
#include "str.h"
#include "view.h"

/*
 * Maximum number of ids one checkbox list may send.  The request parser
 * rejects forms with more than Limits.Fields fields (200 in
 * conf/laurel.hdf), so this cap matters only when that limit is raised.
 */
#define IDS_MAX		1000

/*
 * Maximum number of family ids in the hidden list of the subscriptions
 * section.  NOTE: every checked Auto Enroll or Remove box is still a field
 * of its own, so a Save with more than 197 boxes checked exceeds the
 * default Limits.Fields of 200 and is rejected with 400.
 */
#define SHOWN_MAX	5000

static const char *const sort_keys[] = GROUP_SORT_KEYS;
static const char *const picker_sort_keys[] = { "name", NULL };

/* Loads the group of the route's {id}; returns 0, 404 or 503. */
static int
load_group(struct ctx *ctx, struct group *g)
{
	int	 rc;

	rc = group_get(ctx->db, ctx->req->param_id, g);
	if (rc == 1)
		return 404;
	if (rc != DB_OK)
		return 503;
	return 0;
}

/* Redirects (303) to the path in b and queues text for the next page. */
static int
redirect_flash(struct ctx *ctx, struct buf *b, const char *text)
{
	page_flash_next(ctx, "success", text);
	response_redirect(ctx->resp, b->data);
	buf_free(b);
	return 303;
}

static void
set_group(struct view *v, const struct group *g)
{
	view_set_int(v, "Group.Id", g->id);
	view_set(v, "Group.Name", g->name);
	view_set_int(v, "Group.Members", g->members);
	view_set_int(v, "Group.Subscriptions", g->subscriptions);
}

/* ---------------------------------------------------------------- list */

int
page_groups(struct ctx *ctx)
{
	struct view	*v = ctx->resp->view;
	struct listing	 l;
	struct group	*rows;
	size_t		 n, shown, i;
	int		 more;

	list_read(ctx, sort_keys, &l);
	if (group_list(ctx->db, &l, &rows, &n) != DB_OK)
		return 503;
	more = listing_has_next(&l, n, &shown);
	page_common(ctx, "admin", "User groups");
	list_view(ctx, &l, sort_keys, more, shown, "");
	for (i = 0; i < shown; i++) {
		view_set_int_item(v, "Groups", (int)i, "Id", rows[i].id);
		view_set_item(v, "Groups", (int)i, "Name", rows[i].name);
		view_set_int_item(v, "Groups", (int)i, "Members",
		    rows[i].members);
		view_set_int_item(v, "Groups", (int)i, "Subscriptions",
		    rows[i].subscriptions);
	}
	free(rows);
	ctx->resp->page = "admin/groups.cs";
	return 200;
}

/* ---------------------------------------------------------------- form */

/* Fills Subscriptions.N for the section below the form. */
static int
set_subscriptions(struct ctx *ctx, long long group_id)
{
	struct view			*v = ctx->resp->view;
	struct group_certification	*rows;
	size_t				 n, i;

	if (group_subscriptions(ctx->db, group_id, &rows, &n) != DB_OK)
		return -1;
	for (i = 0; i < n; i++) {
		view_set_int_item(v, "Subscriptions", (int)i, "FamilyId",
		    rows[i].family_id);
		view_set_int_item(v, "Subscriptions", (int)i,
		    "CertificationId", rows[i].certification_id);
		view_set_item(v, "Subscriptions", (int)i, "Name",
		    rows[i].name);
		view_set_int_item(v, "Subscriptions", (int)i, "Version",
		    rows[i].version);
		view_set_item(v, "Subscriptions", (int)i, "Active",
		    rows[i].active ? "1" : "0");
		view_set_item(v, "Subscriptions", (int)i, "AutoEnroll",
		    rows[i].auto_enroll ? "1" : "0");
		if (rows[i].auto_enroll)
			view_set_int_item(v, "Subscriptions", (int)i,
			    "Pending", access_auto_enroll_pending(ctx->db,
			    group_id, rows[i].family_id));
	}
	free(rows);
	return 0;
}

/*
 * Shows the form of the group stored, or of a new group when stored is
 * NULL.  With status 200 the fields show the stored values.  Otherwise
 * the form is shown again after invalid input, and the fields keep what
 * input_* read from the request.
 */
static int
show_form(struct ctx *ctx, const struct group *stored, int status)
{
	struct view	*v = ctx->resp->view;

	page_common(ctx, "admin", stored ? "Edit user group" :
	    "New user group");
	if (stored == NULL) {
		ctx->resp->page = "admin/group.cs";
		return status;
	}
	if (set_subscriptions(ctx, stored->id) == -1)
		return 503;
	set_group(v, stored);
	if (status == 200) {
		view_set(v, "Form.name", stored->name);
		view_set(v, "Form.description", stored->description);
	}
	ctx->resp->page = "admin/group.cs";
	return status;
}

int
page_group_new(struct ctx *ctx)
{
	return show_form(ctx, NULL, 200);
}

int
page_group_edit(struct ctx *ctx)
{
	struct group	 g;
	int		 rc;

	if ((rc = load_group(ctx, &g)) != 0)
		return rc;
	return show_form(ctx, &g, 200);
}

/* Creates (POST /admin/groups) or updates (POST /admin/groups/{id}). */
int
page_group_save(struct ctx *ctx)
{
	struct request	*req = ctx->req;
	struct group	 stored, g = { .id = req->param_id };
	struct input	 in;
	struct buf	 location = { 0 };
	int		 rc;

	if (g.id != 0 && (rc = load_group(ctx, &stored)) != 0)
		return rc;
	input_init(&in, ctx);
	str_copy(g.name, input_text(&in, "name", "Name", 1, GROUP_NAME_MAX,
	    0), sizeof(g.name));
	str_copy(g.description, input_text(&in, "description", "Description",
	    0, GROUP_DESC_MAX, 1), sizeof(g.description));
	if (!input_ok(&in))
		return show_form(ctx, g.id ? &stored : NULL, 400);

	rc = group_save(ctx->db, &g, req->session.user_id,
	    req->session.impersonator_id);
	if (rc == DB_DUPLICATE) {
		input_error(&in, "name", "Another user group already has this "
		    "name. Choose a different name.");
		return show_form(ctx, g.id ? &stored : NULL, 409);
	}
	if (rc == 1)
		return 404;
	if (rc != DB_OK)
		return 503;
	buf_printf(&location, "/admin/groups/%lld", g.id);
	return redirect_flash(ctx, &location, req->param_id ?
	    "User group saved." : "User group created.");
}

/* ---------------------------------------------------------------- members */

/* Returns the page number in query field name, 1 when absent or invalid. */
static int
query_page(struct ctx *ctx, const char *name)
{
	const char	*v = request_query(ctx->req, name);
	int		 page = v != NULL ? atoi(v) : 1;

	return page >= 1 && page <= 100000 ? page : 1;
}

/*
 * The members page contains two lists: the members (query field page) and
 * the users found by the search q (query field qpage).  Every link and
 * form of the page carries both, so either list keeps its place.
 */
struct members_state {
	long long	 group_id;
	int		 page;
	const char	*q;
	int		 qpage;
};

static void
members_read(struct ctx *ctx, struct members_state *s)
{
	const char	*q = request_query(ctx->req, "q");

	s->group_id = ctx->req->param_id;
	s->page = query_page(ctx, "page");
	s->q = q != NULL ? q : "";
	s->qpage = query_page(ctx, "qpage");
}

/* Appends the members page's path plus suffix and the state to b. */
static void
members_href(struct buf *b, const struct members_state *s,
    const char *suffix, int page, int qpage)
{
	buf_printf(b, "/admin/groups/%lld/members%s?page=%d", s->group_id,
	    suffix, page);
	if (s->q[0] == '\0')
		return;
	query_append(b, "q", s->q);
	buf_printf(b, "&qpage=%d", qpage);
}

/* Sets name to the link, or leaves it unset when show is 0. */
static void
set_href(struct view *v, const char *name, int show,
    const struct members_state *s, int page, int qpage)
{
	struct buf	 b = { 0 };

	if (!show)
		return;
	members_href(&b, s, "", page, qpage);
	view_set(v, name, b.data);
	buf_free(&b);
}

static int
marked(const long long *ids, size_t n, long long id)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

/* Fills list.N with the users; Checked is 1 for those in checked. */
static void
set_users(struct view *v, const char *list, const struct group_user *rows,
    size_t n, const long long *checked, size_t n_checked)
{
	struct buf	 name = { 0 };
	size_t		 i;

	for (i = 0; i < n; i++) {
		buf_reset(&name);
		buf_printf(&name, "%s%s%s", rows[i].first_name,
		    rows[i].first_name[0] && rows[i].last_name[0] ? " " : "",
		    rows[i].last_name);
		view_set_int_item(v, list, (int)i, "Id", rows[i].id);
		view_set_item(v, list, (int)i, "Name", name.data);
		view_set_item(v, list, (int)i, "Login", rows[i].login);
		view_set_item(v, list, (int)i, "Email", rows[i].email);
		view_set_item(v, list, (int)i, "Active",
		    rows[i].active ? "1" : "0");
		view_set_item(v, list, (int)i, "Checked",
		    marked(checked, n_checked, rows[i].id) ? "1" : "0");
	}
	buf_free(&name);
}

/* Fills Members.*: one page of the group's members. */
static int
set_members(struct ctx *ctx, const struct members_state *s,
    const long long *checked, size_t n_checked)
{
	struct view		*v = ctx->resp->view;
	struct listing		 l = { .page = s->page };
	struct group_user	*rows;
	size_t			 n, shown;
	int			 more;

	listing_prepare(&l);
	if (group_members(ctx->db, s->group_id, &l, &rows, &n) != DB_OK)
		return -1;
	more = listing_has_next(&l, n, &shown);
	set_users(v, "Members", rows, shown, checked, n_checked);
	free(rows);
	view_set_int(v, "MemberPages.First", shown ? l.offset + 1 : 0);
	view_set_int(v, "MemberPages.Last", l.offset + (long long)shown);
	set_href(v, "MemberPages.Prev", s->page > 1, s, s->page - 1,
	    s->qpage);
	set_href(v, "MemberPages.Next", more, s, s->page + 1, s->qpage);
	return 0;
}

/* Fills Candidates.*: one page of the users the search found who are not
 * members yet. */
static int
set_candidates(struct ctx *ctx, const struct members_state *s,
    const long long *checked, size_t n_checked)
{
	struct view		*v = ctx->resp->view;
	struct listing		 l = { .q = s->q, .page = s->qpage };
	struct group_user	*rows;
	size_t			 n, shown;
	int			 more;

	view_set(v, "Candidates.q", s->q);
	if (s->q[0] == '\0')
		return 0;
	listing_prepare(&l);
	if (group_candidates(ctx->db, s->group_id, &l, &rows, &n) != DB_OK)
		return -1;
	more = listing_has_next(&l, n, &shown);
	set_users(v, "Candidates.Users", rows, shown, checked, n_checked);
	free(rows);
	view_set(v, "Candidates.Searched", "1");
	view_set_int(v, "Candidates.First", shown ? l.offset + 1 : 0);
	view_set_int(v, "Candidates.Last", l.offset + (long long)shown);
	set_href(v, "Candidates.Prev", s->qpage > 1, s, s->page,
	    s->qpage - 1);
	set_href(v, "Candidates.Next", more, s, s->page, s->qpage + 1);
	return 0;
}

/*
 * Shows the members page of g; checked lists the users whose boxes stay
 * checked when a form is shown again after invalid input.
 */
static int
show_members(struct ctx *ctx, const struct group *g, int status,
    const long long *checked, size_t n_checked)
{
	struct view		*v = ctx->resp->view;
	struct members_state	 s;
	struct buf		 action = { 0 };

	members_read(ctx, &s);
	if (set_members(ctx, &s, checked, n_checked) == -1 ||
	    set_candidates(ctx, &s, checked, n_checked) == -1)
		return 503;
	page_common(ctx, "admin", "User group members");
	set_group(v, g);

	/* The forms post to URLs that carry the page state, so a form shown
	 * again after invalid input shows the same rows. */
	members_href(&action, &s, "/remove", s.page, s.qpage);
	view_set(v, "MemberPages.Action", action.data);
	buf_reset(&action);
	members_href(&action, &s, "", s.page, s.qpage);
	view_set(v, "Candidates.Action", action.data);
	buf_free(&action);
	ctx->resp->page = "admin/group_members.cs";
	return status;
}

int
page_group_members(struct ctx *ctx)
{
	struct group	 g;
	int		 rc;

	if ((rc = load_group(ctx, &g)) != 0)
		return rc;
	return show_members(ctx, &g, 200, NULL, 0);
}

/* Appends the members page with the search text of the request to b, the
 * place to return to after a change. */
static void
members_return(struct ctx *ctx, struct buf *b)
{
	struct members_state	 s;

	members_read(ctx, &s);
	members_href(b, &s, "", 1, 1);
}

/* Adds the checked users: POST /admin/groups/{id}/members. */
int
page_group_members_add(struct ctx *ctx)
{
	struct request	*req = ctx->req;
	struct group	 g;
	struct input	 in;
	struct buf	 location = { 0 };
	long long	 ids[IDS_MAX];
	size_t		 added;
	int		 n, rc;

	if ((rc = load_group(ctx, &g)) != 0)
		return rc;
	input_init(&in, ctx);
	n = input_ids(&in, "user", "The list of users", ids, IDS_MAX);
	if (n == 0)
		input_error(&in, "user", "Select at least one user to add.");
	if (!input_ok(&in))
		return show_members(ctx, &g, 400, ids, n > 0 ? (size_t)n : 0);

	rc = group_members_add(ctx->db, g.id, ids, (size_t)n,
	    req->session.user_id, req->session.impersonator_id, &added);
	if (rc != DB_OK)
		return 503;
	members_return(ctx, &location);
	if (added == 0)
		return redirect_flash(ctx, &location,
		    "The selected users were already members.");
	return redirect_flash(ctx, &location, added == 1 ?
	    "1 user added to the group." : "Users added to the group.");
}

/* Removes the checked members once "I understand" is checked too:
 * POST /admin/groups/{id}/members/remove. */
int
page_group_members_remove(struct ctx *ctx)
{
	struct request	*req = ctx->req;
	struct group	 g;
	struct input	 in;
	struct buf	 location = { 0 };
	long long	 ids[IDS_MAX];
	size_t		 removed;
	int		 n, rc, confirmed;

	if ((rc = load_group(ctx, &g)) != 0)
		return rc;
	input_init(&in, ctx);
	n = input_ids(&in, "member", "The list of members", ids, IDS_MAX);
	confirmed = input_checkbox(&in, "confirm");
	if (n == 0)
		input_error(&in, "member",
		    "Select at least one member to remove.");
	else if (n > 0 && !confirmed)
		input_error(&in, "confirm", "Check \"I understand\" to "
		    "confirm that the selected members leave the group.");
	if (!input_ok(&in))
		return show_members(ctx, &g, 400, ids, n > 0 ? (size_t)n : 0);

	rc = group_members_remove(ctx->db, g.id, ids, (size_t)n,
	    req->session.user_id, req->session.impersonator_id, &removed);
	if (rc != DB_OK)
		return 503;
	members_return(ctx, &location);
	if (removed == 0)
		return redirect_flash(ctx, &location,
		    "The selected users were no longer members.");
	return redirect_flash(ctx, &location, removed == 1 ?
	    "1 member removed from the group." :
	    "Members removed from the group.");
}

/* ---------------------------------------------------------------- picker */

/* Shows the certifications g can subscribe to; checked as in
 * show_members. */
static int
show_picker(struct ctx *ctx, const struct group *g, int status,
    const long long *checked, size_t n_checked)
{
	struct view			*v = ctx->resp->view;
	struct listing			 l;
	struct group_certification	*rows;
	struct buf			 base = { 0 };
	size_t				 n, shown, i;
	int				 more;

	list_read(ctx, picker_sort_keys, &l);
	if (group_available(ctx->db, g->id, &l, &rows, &n) != DB_OK)
		return 503;
	more = listing_has_next(&l, n, &shown);
	page_common(ctx, "admin", "Available Certifications");
	set_group(v, g);
	list_view(ctx, &l, picker_sort_keys, more, shown, "");
	buf_printf(&base, "/admin/groups/%lld/certifications", g->id);
	view_set(v, "Picker.Base", base.data);
	buf_free(&base);
	for (i = 0; i < shown; i++) {
		view_set_int_item(v, "Available", (int)i, "FamilyId",
		    rows[i].family_id);
		view_set_item(v, "Available", (int)i, "Name", rows[i].name);
		view_set_int_item(v, "Available", (int)i, "Version",
		    rows[i].version);
		view_set_item(v, "Available", (int)i, "Active",
		    rows[i].active ? "1" : "0");
		view_set_item(v, "Available", (int)i, "Checked",
		    marked(checked, n_checked, rows[i].family_id) ? "1" : "0");
	}
	free(rows);
	ctx->resp->page = "admin/group_certifications.cs";
	return status;
}

int
page_group_certification_picker(struct ctx *ctx)
{
	struct group	 g;
	int		 rc;

	if ((rc = load_group(ctx, &g)) != 0)
		return rc;
	return show_picker(ctx, &g, 200, NULL, 0);
}

/* Subscribes the group to the checked certification families:
 * POST /admin/groups/{id}/certifications. */
int
page_group_certifications_add(struct ctx *ctx)
{
	struct request	*req = ctx->req;
	struct group	 g;
	struct input	 in;
	struct buf	 location = { 0 };
	long long	 ids[IDS_MAX];
	size_t		 added;
	int		 n, rc;

	if ((rc = load_group(ctx, &g)) != 0)
		return rc;
	input_init(&in, ctx);
	n = input_ids(&in, "family", "The list of certifications", ids,
	    IDS_MAX);
	if (n == 0)
		input_error(&in, "family",
		    "Select at least one certification to add.");
	if (!input_ok(&in))
		return show_picker(ctx, &g, 400, ids, n > 0 ? (size_t)n : 0);

	rc = group_subscribe(ctx->db, g.id, ids, (size_t)n,
	    req->session.user_id, req->session.impersonator_id, &added);
	if (rc != DB_OK)
		return 503;
	buf_printf(&location, "/admin/groups/%lld", g.id);
	if (added == 0)
		return redirect_flash(ctx, &location, "The group already "
		    "subscribes to the selected certifications.");
	return redirect_flash(ctx, &location, added == 1 ?
	    "1 certification added to the group." :
	    "Certifications added to the group.");
}

/* -------------------------------------------------------- subscriptions */

/*
 * Parses the space-separated family ids of the hidden field "families"
 * (one field, so that a long section stays within the form field limit).
 * Returns the number of distinct ids, or -1 when a value is not a
 * positive whole number or there are more than max.
 */
static int
parse_id_list(const char *s, long long *out, size_t max)
{
	size_t		 n = 0;
	long long	 id;
	char		*end;

	while (*s != '\0') {
		if (*s == ' ') {
			s++;
			continue;
		}
		if (!isdigit((unsigned char)*s))
			return -1;
		errno = 0;
		id = strtoll(s, &end, 10);
		if (errno != 0 || id <= 0 || (*end != ' ' && *end != '\0'))
			return -1;
		s = end;
		if (marked(out, n, id))
			continue;
		if (n == max)
			return -1;
		out[n++] = id;
	}
	return (int)n;
}

/*
 * Shows the confirmation of a Save that removes subscriptions: the names
 * of those that will go, and a form that posts the same section again
 * with confirm=1.  Returns 0 after setting the page, 1 when none of the
 * families to remove is still subscribed (nothing to confirm), or 503.
 */
static int
show_confirm(struct ctx *ctx, const struct group *g,
    const struct group_subscription_edit *e)
{
	struct view			*v = ctx->resp->view;
	struct group_certification	*rows;
	struct buf			 families = { 0 };
	size_t				 n, i;
	int				 k = 0;

	if (group_subscriptions(ctx->db, g->id, &rows, &n) != DB_OK)
		return 503;
	for (i = 0; i < n; i++) {
		if (!marked(e->remove, e->n_remove, rows[i].family_id))
			continue;
		view_set_int_item(v, "Confirm.Remove", k, "FamilyId",
		    rows[i].family_id);
		view_set_item(v, "Confirm.Remove", k, "Name", rows[i].name);
		view_set_int_item(v, "Confirm.Remove", k, "Version",
		    rows[i].version);
		k++;
	}
	free(rows);
	if (k == 0)
		return 1;

	for (i = 0; i < e->n_shown; i++)
		buf_printf(&families, "%s%lld", i ? " " : "", e->shown[i]);
	view_set(v, "Confirm.Families", families.data ? families.data : "");
	buf_free(&families);
	for (i = 0; i < e->n_auto_enroll; i++)
		view_set_int_item(v, "Confirm.AutoEnroll", (int)i, "FamilyId",
		    e->auto_enroll[i]);
	page_common(ctx, "admin", "Remove certifications");
	set_group(v, g);
	ctx->resp->page = "admin/group_subscriptions_confirm.cs";
	return 0;
}

/* Composes the message after a Save of the subscriptions section. */
static void
saved_message(struct buf *b, size_t changed, size_t removed)
{
	if (changed == 0 && removed == 0) {
		buf_puts(b, "Nothing was changed.");
		return;
	}
	buf_puts(b, "Subscriptions saved:");
	if (changed > 0)
		buf_printf(b, " Auto Enroll changed for %zu %s%s", changed,
		    changed == 1 ? "certification" : "certifications",
		    removed > 0 ? "," : ".");
	if (removed > 0)
		buf_printf(b, " %zu %s removed.", removed,
		    removed == 1 ? "certification" : "certifications");
}

/*
 * Saves the "Currently Subscribed Certifications" section:
 * POST /admin/groups/{id}/subscriptions.  A Save that removes
 * subscriptions first shows a confirmation page; its form sends the same
 * fields with confirm=1.
 */
int
page_group_subscriptions_save(struct ctx *ctx)
{
	struct request			*req = ctx->req;
	struct group			 g;
	struct group_subscription_edit	 e;
	struct input			 in;
	struct buf			 location = { 0 }, message = { 0 };
	const char			*families, *confirm;
	long long			*shown, auto_ids[IDS_MAX], remove[IDS_MAX];
	size_t				 changed, removed;
	int				 n_shown, n_auto, n_remove, rc;

	if ((rc = load_group(ctx, &g)) != 0)
		return rc;
	if ((shown = calloc(SHOWN_MAX, sizeof(*shown))) == NULL)
		return 503;
	families = request_form(req, "families");
	n_shown = parse_id_list(families ? families : "", shown, SHOWN_MAX);
	input_init(&in, ctx);
	n_auto = input_ids(&in, "auto_enroll", "Auto Enroll", auto_ids,
	    IDS_MAX);
	n_remove = input_ids(&in, "remove", "Remove", remove, IDS_MAX);
	if (n_shown < 0 || !input_ok(&in)) {
		free(shown);
		return 400;
	}
	e = (struct group_subscription_edit){ shown, (size_t)n_shown,
	    auto_ids, (size_t)n_auto, remove, (size_t)n_remove };

	confirm = request_form(req, "confirm");
	if (n_remove > 0 && (confirm == NULL || strcmp(confirm, "1") != 0)) {
		rc = show_confirm(ctx, &g, &e);
		if (rc != 1) {
			free(shown);
			return rc == 0 ? 200 : rc;
		}
	}

	rc = group_subscriptions_save(ctx->db, g.id, &e, req->session.user_id,
	    req->session.impersonator_id, &changed, &removed);
	free(shown);
	if (rc != DB_OK)
		return 503;
	saved_message(&message, changed, removed);
	buf_printf(&location, "/admin/groups/%lld", g.id);
	rc = redirect_flash(ctx, &location, message.data);
	buf_free(&message);
	return rc;
}
