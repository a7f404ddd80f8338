/*
 * Admin pages of users: the list with its filters, the create and edit
 * form with group memberships, the password reset, and deactivation.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "conf.h"
#include "db.h"
#include "group.h"
#include "input.h"
#include "pages.h"
#include "request.h"
#include "response.h"
#include "settings.h"
#include "str.h"
#include "user.h"
#include "view.h"

/* Groups offered in the list's group filter, because a longer select box
 * is hard to use. */
#define FILTER_GROUPS_MAX	1000

static const char *const sort_keys[] = USER_SORT_KEYS;
static const char *const role_choices[] = { "learner", "admin", NULL };

/*
 * Time zones offered on the form: one or more per region, enough for the
 * usual offices.  Any other IANA name that is installed is accepted too,
 * and a user's current zone is always offered.
 */
static const char *const time_zones[] = {
	"UTC",
	"Africa/Cairo", "Africa/Casablanca", "Africa/Johannesburg",
	"Africa/Lagos", "Africa/Nairobi",
	"America/Anchorage", "America/Argentina/Buenos_Aires",
	"America/Bogota", "America/Chicago", "America/Denver",
	"America/Halifax", "America/Lima", "America/Los_Angeles",
	"America/Mexico_City", "America/New_York", "America/Phoenix",
	"America/Santiago", "America/Sao_Paulo", "America/St_Johns",
	"America/Toronto", "America/Vancouver",
	"Asia/Bangkok", "Asia/Dhaka", "Asia/Dubai", "Asia/Hong_Kong",
	"Asia/Jakarta", "Asia/Jerusalem", "Asia/Karachi", "Asia/Kathmandu",
	"Asia/Kolkata", "Asia/Manila", "Asia/Riyadh", "Asia/Seoul",
	"Asia/Shanghai", "Asia/Singapore", "Asia/Taipei", "Asia/Tehran",
	"Asia/Tokyo",
	"Atlantic/Azores", "Atlantic/Reykjavik",
	"Australia/Adelaide", "Australia/Brisbane", "Australia/Perth",
	"Australia/Sydney",
	"Europe/Amsterdam", "Europe/Athens", "Europe/Berlin",
	"Europe/Brussels", "Europe/Bucharest", "Europe/Dublin",
	"Europe/Helsinki", "Europe/Istanbul", "Europe/Lisbon",
	"Europe/London", "Europe/Madrid", "Europe/Moscow", "Europe/Paris",
	"Europe/Prague", "Europe/Rome", "Europe/Stockholm", "Europe/Warsaw",
	"Europe/Zurich",
	"Pacific/Auckland", "Pacific/Honolulu",
	NULL
};

/* Returns 1 when s is a positive whole number written in digits only. */
static int
parse_id(const char *s, long long *out)
{
	char	*end;

	if (s == NULL || !isdigit((unsigned char)s[0]))
		return 0;
	*out = strtoll(s, &end, 10);
	return *end == '\0' && *out > 0;
}

/* Writes a user's fields that the list and the pages share. */
static void
set_user_item(struct view *v, const char *list, int i,
    const struct user_details *d)
{
	view_set_int_item(v, list, i, "Id", d->user.id);
	view_set_item(v, list, i, "Login", d->user.login);
	view_set_item(v, list, i, "Email", d->user.email);
	view_set_item(v, list, i, "FirstName", d->user.first_name);
	view_set_item(v, list, i, "LastName", d->user.last_name);
	view_set_item(v, list, i, "Role", user_role_name(d->user.role));
	view_set_item(v, list, i, "UserType", d->user_type);
	view_set_item(v, list, i, "Active", d->user.active ? "1" : "0");
	view_set_item(v, list, i, "LastSignIn", d->last_sign_in_at);
}

/* Writes the user that a page shows to User.* */
static void
set_user(struct ctx *ctx, const struct user_details *d)
{
	struct view	*v = ctx->resp->view;

	view_set_int(v, "User.Id", d->user.id);
	view_set(v, "User.Login", d->user.login);
	view_set(v, "User.FirstName", d->user.first_name);
	view_set(v, "User.LastName", d->user.last_name);
	view_set(v, "User.Active", d->user.active ? "1" : "0");
	view_set(v, "User.Role", user_role_name(d->user.role));
	view_set(v, "User.Created", d->created_at);
	view_set(v, "User.LastSignIn", d->last_sign_in_at);
	if (d->user.id == ctx->req->session.user_id)
		view_set(v, "User.IsSelf", "1");
}

/* Loads the user of the route's {id}; returns 0, or 404 or 503. */
static int
load_user(struct ctx *ctx, struct user_details *d)
{
	int	 rc = user_get(ctx->db, ctx->req->param_id, d);

	if (rc == 1)
		return 404;
	return rc == DB_OK ? 0 : 503;
}

/* ---------------------------------------------------------------- list */

/*
 * Reads the list filters from the query string into f, echoes them to
 * Filter.* for the select boxes, and appends them to extra for the links
 * of the sort headers, letters and pages.  Unknown values mean "any".
 */
static void
read_filter(struct ctx *ctx, struct user_filter *f, struct buf *extra)
{
	struct view	*v = ctx->resp->view;
	const char	*type = request_query(ctx->req, "type");
	const char	*group = request_query(ctx->req, "group");
	const char	*role = request_query(ctx->req, "role");
	const char	*status = request_query(ctx->req, "status");

	memset(f, 0, sizeof(*f));
	f->active = -1;
	buf_puts(extra, "");
	if (type != NULL && strcmp(type, "none") == 0)
		f->user_type_id = -1;
	else if (!parse_id(type, &f->user_type_id))
		type = NULL;
	if (!parse_id(group, &f->group_id))
		group = NULL;
	if (role != NULL && (f->role = user_role_parse(role)) == ROLE_NONE)
		role = NULL;
	if (status != NULL && strcmp(status, "active") == 0)
		f->active = 1;
	else if (status != NULL && strcmp(status, "inactive") == 0)
		f->active = 0;
	else
		status = NULL;

	if (type != NULL) {
		query_append(extra, "type", type);
		view_set(v, "Filter.type", type);
	}
	if (group != NULL) {
		query_append(extra, "group", group);
		view_set(v, "Filter.group", group);
	}
	if (role != NULL) {
		query_append(extra, "role", role);
		view_set(v, "Filter.role", role);
	}
	if (status != NULL) {
		query_append(extra, "status", status);
		view_set(v, "Filter.status", status);
	}
}

/* Writes types[0..n) to UserTypes.* for a select box. */
static void
set_type_options(struct view *v, const struct user_type *types, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		view_set_int_item(v, "UserTypes", (int)i, "Id", types[i].id);
		view_set_item(v, "UserTypes", (int)i, "Name", types[i].name);
	}
}

/* Writes the groups of the filter to FilterGroups.*, including the one
 * chosen when it is past the first FILTER_GROUPS_MAX. */
static int
set_filter_groups(struct ctx *ctx, long long chosen)
{
	struct view		*v = ctx->resp->view;
	struct user_group	*groups;
	struct group		 g;
	size_t			 n, i;
	int			 found = chosen == 0, rc;

	if (user_group_choices(ctx->db, 0, FILTER_GROUPS_MAX, &groups,
	    &n) != DB_OK)
		return -1;
	if (n > FILTER_GROUPS_MAX)
		n = FILTER_GROUPS_MAX;
	for (i = 0; i < n; i++) {
		view_set_int_item(v, "FilterGroups", (int)i, "Id",
		    groups[i].id);
		view_set_item(v, "FilterGroups", (int)i, "Name",
		    groups[i].name);
		found |= groups[i].id == chosen;
	}
	free(groups);
	if (found)
		return 0;
	rc = group_get(ctx->db, chosen, &g);
	if (rc == 1)
		return 0;
	if (rc != DB_OK)
		return -1;
	view_set_int_item(v, "FilterGroups", (int)n, "Id", g.id);
	view_set_item(v, "FilterGroups", (int)n, "Name", g.name);
	return 0;
}

/* Removes spaces around the search text; the copy in *copy (freed by
 * the caller) backs l->q. */
static int
trim_search(struct listing *l, char **copy)
{
	const char	*q = l->q;
	size_t		 len;

	*copy = NULL;
	while (*q == ' ')
		q++;
	len = strlen(q);
	while (len > 0 && q[len - 1] == ' ')
		len--;
	if (q == l->q && len == strlen(l->q))
		return 0;
	if ((*copy = str_ndup(q, len)) == NULL)
		return -1;
	l->q = *copy;
	listing_prepare(l);
	return 0;
}

int
page_users(struct ctx *ctx)
{
	struct view		*v = ctx->resp->view;
	struct listing		 l;
	struct user_filter	 f;
	struct user_details	*rows = NULL;
	struct user_type	*types = NULL;
	struct buf		 extra = { 0 };
	char			*q = NULL;
	size_t			 n, ntypes, shown, i;
	int			 more, status = 503;

	list_read(ctx, sort_keys, &l);
	read_filter(ctx, &f, &extra);
	if (trim_search(&l, &q) == -1 ||
	    user_list(ctx->db, &l, &f, &rows, &n) != DB_OK)
		goto out;
	if (user_type_all(ctx->db, &types, &ntypes) != DB_OK ||
	    set_filter_groups(ctx, f.group_id) == -1)
		goto out;
	more = listing_has_next(&l, n, &shown);
	page_common(ctx, "admin", "Users");
	list_view(ctx, &l, sort_keys, more, shown, extra.data);
	set_type_options(v, types, ntypes);
	for (i = 0; i < shown; i++)
		set_user_item(v, "Users", (int)i, &rows[i]);
	ctx->resp->page = "admin/users.cs";
	status = 200;
out:
	free(rows);
	free(types);
	free(q);
	buf_free(&extra);
	return status;
}

/* ---------------------------------------------------------------- form */

/* The choices the form offers, loaded once per request. */
struct choices {
	struct user_type	*types;
	size_t			 ntypes;
	struct language		*languages;
	size_t			 nlanguages;
	struct user_group	*groups;	/* with the user's marked */
	size_t			 ngroups;
	int			 many_groups;	/* more than the form offers */
};

static void
choices_free(struct choices *c)
{
	free(c->types);
	free(c->languages);
	free(c->groups);
}

static int
choices_load(struct ctx *ctx, long long user_id, struct choices *c)
{
	memset(c, 0, sizeof(*c));
	if (user_type_all(ctx->db, &c->types, &c->ntypes) != DB_OK ||
	    language_all(ctx->db, &c->languages, &c->nlanguages) != DB_OK ||
	    user_group_choices(ctx->db, user_id, USER_FORM_GROUPS_MAX,
	    &c->groups, &c->ngroups) != DB_OK)
		return -1;
	if (c->ngroups > USER_FORM_GROUPS_MAX) {
		c->many_groups = 1;
		c->ngroups = USER_FORM_GROUPS_MAX;
	}
	return 0;
}

/* Writes the time zones to TimeZones.*, with current added when the
 * list lacks it. */
static void
set_time_zones(struct view *v, const char *current)
{
	int	 i, found = current[0] == '\0';

	for (i = 0; time_zones[i] != NULL; i++) {
		view_set_item(v, "TimeZones", i, "Name", time_zones[i]);
		found |= strcmp(time_zones[i], current) == 0;
	}
	if (!found)
		view_set_item(v, "TimeZones", i, "Name", current);
}

/* Writes groups[0..n) that the user belongs to to MemberGroups.* */
static void
set_member_groups(struct view *v, const struct user_group *groups, size_t n)
{
	size_t	 i;
	int	 k = 0;

	for (i = 0; i < n; i++) {
		if (!groups[i].member)
			continue;
		view_set_int_item(v, "MemberGroups", k, "Id", groups[i].id);
		view_set_item(v, "MemberGroups", k, "Name", groups[i].name);
		k++;
	}
}

/*
 * Writes the groups of the form.  Up to USER_FORM_GROUPS_MAX groups, each
 * is a checkbox, checked as in checked[0..nchecked) when the form is shown
 * again, else by membership.  Past that, only the user's groups are
 * listed.  MemberGroups always lists the stored memberships.
 */
static int
set_groups_view(struct ctx *ctx, const struct choices *c, long long user_id,
    const long long *checked, size_t nchecked, int again)
{
	struct view		*v = ctx->resp->view;
	struct user_group	*mine;
	size_t			 n, i, k;
	int			 on;

	if (c->many_groups) {
		view_set_int(v, "Form.GroupsMax", USER_FORM_GROUPS_MAX);
		if (user_id == 0)
			return 0;
		if (user_groups_of(ctx->db, user_id, &mine, &n) != DB_OK)
			return -1;
		set_member_groups(v, mine, n);
		free(mine);
		return 0;
	}

	view_set(v, "Form.GroupsShown", "1");
	set_member_groups(v, c->groups, c->ngroups);
	for (i = 0; i < c->ngroups; i++) {
		on = c->groups[i].member;
		if (again)
			for (on = 0, k = 0; k < nchecked; k++)
				on |= checked[k] == c->groups[i].id;
		view_set_int_item(v, "Groups", (int)i, "Id", c->groups[i].id);
		view_set_item(v, "Groups", (int)i, "Name", c->groups[i].name);
		view_set_item(v, "Groups", (int)i, "Checked", on ? "1" : "0");
	}
	return 0;
}

/* Writes the values of d to Form.* for a form shown the first time. */
static void
set_form_values(struct view *v, const struct user_details *d)
{
	view_set(v, "Form.login", d->user.login);
	view_set(v, "Form.email", d->user.email);
	view_set(v, "Form.first_name", d->user.first_name);
	view_set(v, "Form.last_name", d->user.last_name);
	view_set(v, "Form.role", user_role_name(d->user.role));
	if (d->user_type_id > 0)
		view_set_int(v, "Form.user_type", d->user_type_id);
	view_set(v, "Form.language", d->language);
	view_set(v, "Form.time_zone", d->time_zone);
	view_set(v, "Form.active", d->user.active ? "1" : "0");
}

/*
 * Shows the form with status.  For 200 the values come from d.  A form
 * shown again after invalid input keeps what was typed, which is already
 * in Form.*, and the group boxes checked in checked[0..nchecked).
 */
static int
show_form(struct ctx *ctx, const struct user_details *d,
    const struct choices *c, const long long *checked, size_t nchecked,
    int status)
{
	struct view	*v = ctx->resp->view;
	const char	*tz = d->time_zone;
	size_t		 i;

	page_common(ctx, "admin", d->user.id ? "Edit user" : "New user");
	if (d->user.id != 0)
		set_user(ctx, d);
	if (status == 200)
		set_form_values(v, d);
	set_type_options(v, c->types, c->ntypes);
	for (i = 0; i < c->nlanguages; i++) {
		view_set_item(v, "Languages", (int)i, "Code",
		    c->languages[i].code);
		view_set_item(v, "Languages", (int)i, "Name",
		    c->languages[i].name);
	}
	if (status != 200 && (tz = view_get(v, "Form.time_zone")) == NULL)
		tz = "";
	set_time_zones(v, tz);
	view_set(v, "Site.TimeZone", ctx->cfg->site_time_zone ?
	    ctx->cfg->site_time_zone : "UTC");
	if (set_groups_view(ctx, c, d->user.id, checked, nchecked,
	    status != 200) == -1)
		return 503;
	ctx->resp->page = "admin/user.cs";
	return status;
}

int
page_user_new(struct ctx *ctx)
{
	struct user_details	 d;
	struct choices		 c;
	int			 status = 503;

	memset(&d, 0, sizeof(d));
	d.user.role = ROLE_LEARNER;
	d.user.active = 1;
	str_copy(d.language, LANGUAGE_DEFAULT, sizeof(d.language));
	if (choices_load(ctx, 0, &c) == 0)
		status = show_form(ctx, &d, &c, NULL, 0, 200);
	choices_free(&c);
	return status;
}

int
page_user_edit(struct ctx *ctx)
{
	struct user_details	 d;
	struct choices		 c;
	int			 status;

	if ((status = load_user(ctx, &d)) != 0)
		return status;
	status = 503;
	if (choices_load(ctx, d.user.id, &c) == 0)
		status = show_form(ctx, &d, &c, NULL, 0, 200);
	choices_free(&c);
	return status;
}

/* Reads the user type and language selects, which must name one of the
 * choices ("" for no user type). */
static void
read_choices(struct input *in, const struct choices *c,
    struct user_details *d)
{
	const char	*type, *language;
	size_t		 i;

	type = input_text(in, "user_type", "User type", 0, 20, 0);
	d->user_type_id = 0;
	if (type[0] != '\0') {
		if (!parse_id(type, &d->user_type_id))
			d->user_type_id = 0;
		for (i = 0; i < c->ntypes; i++)
			if (c->types[i].id == d->user_type_id)
				break;
		if (i == c->ntypes)
			input_error(in, "user_type", "User type has an unknown "
			    "value; choose one of the offered types.");
	}

	language = input_text(in, "language", "Language", 1,
	    USER_LANGUAGE_MAX, 0);
	for (i = 0; i < c->nlanguages; i++)
		if (strcmp(language, c->languages[i].code) == 0)
			break;
	if (language[0] != '\0' && i == c->nlanguages)
		input_error(in, "language", "Language has an unknown value; "
		    "choose one of the offered languages.");
	str_copy(d->language, language, sizeof(d->language));
}

/* Reads the fields of the user row into d. */
static void
read_fields(struct ctx *ctx, struct input *in, const struct choices *c,
    struct user_details *d)
{
	const char	*v, *why;
	int		 self = d->user.id != 0 &&
	    d->user.id == ctx->req->session.user_id;

	v = input_text(in, "login", "Login", 1, USER_LOGIN_MAX, 0);
	if (v[0] != '\0' && (why = user_login_invalid(v)) != NULL)
		input_error(in, "login", why);
	str_copy(d->user.login, v, sizeof(d->user.login));

	v = input_text(in, "email", "E-mail", 1, USER_EMAIL_MAX, 0);
	if (v[0] != '\0' && (why = user_email_invalid(v)) != NULL)
		input_error(in, "email", why);
	str_copy(d->user.email, v, sizeof(d->user.email));

	str_copy(d->user.first_name, input_text(in, "first_name",
	    "First name", 1, USER_NAME_MAX, 0), sizeof(d->user.first_name));
	str_copy(d->user.last_name, input_text(in, "last_name", "Last name",
	    1, USER_NAME_MAX, 0), sizeof(d->user.last_name));

	d->user.role = input_choice(in, "role", "Role", role_choices, 0) ==
	    1 ? ROLE_ADMIN : ROLE_LEARNER;
	if (self && d->user.role != ROLE_ADMIN)
		input_error(in, "role", "You cannot remove your own "
		    "administrator role. Another administrator can.");
	read_choices(in, c, d);

	v = input_text(in, "time_zone", "Time zone", 0, USER_TIME_ZONE_MAX,
	    0);
	if ((why = user_time_zone_invalid(v)) != NULL)
		input_error(in, "time_zone", why);
	str_copy(d->time_zone, v, sizeof(d->time_zone));

	d->user.active = input_checkbox(in, "active");
	if (self && !d->user.active)
		input_error(in, "active", "You cannot deactivate your own "
		    "account. Another administrator can.");
}

/*
 * Reads the group checkboxes into ids and returns their number.  The form
 * sends groups_shown only when it offered the checkboxes.  Without it, or
 * when there are now too many groups, *set is 0: the memberships stay as
 * they are and any group values are ignored.
 */
static size_t
read_groups(struct ctx *ctx, struct input *in, const struct choices *c,
    long long *ids, int *set)
{
	const char	*shown = request_form(ctx->req, "groups_shown");
	int		 n;
	size_t		 i, k;

	*set = shown != NULL && strcmp(shown, "1") == 0 && !c->many_groups;
	if (!*set)
		return 0;
	n = input_ids(in, "groups", "User groups", ids, USER_FORM_GROUPS_MAX);
	if (n <= 0)
		return 0;
	for (i = 0; i < (size_t)n; i++) {
		for (k = 0; k < c->ngroups && c->groups[k].id != ids[i]; k++)
			continue;
		if (k == c->ngroups) {
			input_error(in, "groups", "User groups contains a group "
			    "that no longer exists; check the groups again.");
			break;
		}
	}
	return (size_t)n;
}

/*
 * Checks a new password typed twice, which is never written back to the
 * form.  Returns it, or NULL after marking the field in error.
 */
static const char *
read_password(struct ctx *ctx, struct input *in)
{
	const char	*pw = request_form(ctx->req, "password");
	const char	*again = request_form(ctx->req, "password_confirm");
	const char	*why;

	if (pw == NULL || pw[0] == '\0') {
		input_error(in, "password", "Password is required.");
		return NULL;
	}
	if ((why = auth_password_invalid(pw)) != NULL) {
		input_error(in, "password", why);
		return NULL;
	}
	if (again == NULL || strcmp(pw, again) != 0) {
		input_error(in, "password_confirm", "The two passwords differ. "
		    "Enter the same password in both fields.");
		return NULL;
	}
	return pw;
}

/* Saves a valid form and returns 303 with the redirect, or 409 with the
 * form shown again when the login is taken. */
static int
save_valid(struct ctx *ctx, struct input *in, struct user_details *d,
    const struct choices *c, const long long *ids, size_t n, int set)
{
	struct request	*req = ctx->req;
	long long	 id = d->user.id;
	char		 location[64];
	int		 rc;

	rc = user_save(ctx->db, d, ids, n, set, req->session.user_id,
	    req->session.impersonator_id);
	if (rc == DB_DUPLICATE) {
		input_error(in, "login", "Another user already has this login; "
		    "logins do not distinguish upper and lower case. Choose a "
		    "different login.");
		return show_form(ctx, d, c, ids, n, 409);
	}
	if (rc == 1)
		return 404;
	if (rc != DB_OK)
		return 503;
	page_flash_next(ctx, "success", id ? "User saved." : "User created.");
	snprintf(location, sizeof(location), "/admin/users/%lld", d->user.id);
	response_redirect(ctx->resp, location);
	return 303;
}

/* Creates (POST /admin/users) or updates (POST /admin/users/{id}). */
int
page_user_save(struct ctx *ctx)
{
	struct user_details	 d, *stored;
	struct choices		 c;
	struct input		 in;
	long long		 ids[USER_FORM_GROUPS_MAX];
	size_t			 n;
	int			 set, status;

	const char		*pw = NULL;

	memset(&d, 0, sizeof(d));
	if (ctx->req->param_id != 0 && (status = load_user(ctx, &d)) != 0)
		return status;
	/* The heading shows the stored user, not the rejected input. */
	if ((stored = malloc(sizeof(*stored))) == NULL)
		return 503;
	*stored = d;
	if (choices_load(ctx, d.user.id, &c) == -1) {
		choices_free(&c);
		return 503;
	}
	input_init(&in, ctx);
	read_fields(ctx, &in, &c, &d);
	n = read_groups(ctx, &in, &c, ids, &set);
	if (d.user.id == 0)
		pw = read_password(ctx, &in);

	if (!input_ok(&in))
		status = show_form(ctx, stored, &c, ids, n, 400);
	else if (pw != NULL &&
	    auth_hash_password(ctx->cfg, pw, d.user.password_hash) == -1)
		status = 503;
	else
		status = save_valid(ctx, &in, &d, &c, ids, n, set);
	choices_free(&c);
	free(stored);
	return status;
}

/* ---------------------------------------------------------------- password */

static int
show_password_form(struct ctx *ctx, const struct user_details *d, int status)
{
	page_common(ctx, "admin", "Reset password");
	set_user(ctx, d);
	ctx->resp->page = "admin/user_password.cs";
	return status;
}

int
page_user_password_form(struct ctx *ctx)
{
	struct user_details	 d;
	int			 status;

	if ((status = load_user(ctx, &d)) != 0)
		return status;
	return show_password_form(ctx, &d, 200);
}

int
page_user_password(struct ctx *ctx)
{
	struct request		*req = ctx->req;
	struct user_details	 d;
	struct input		 in;
	const char		*pw;
	char			 hash[AUTH_HASH_LEN], location[64];
	int			 status, rc;

	if ((status = load_user(ctx, &d)) != 0)
		return status;
	input_init(&in, ctx);
	if ((pw = read_password(ctx, &in)) == NULL)
		return show_password_form(ctx, &d, 400);
	if (auth_hash_password(ctx->cfg, pw, hash) == -1)
		return 503;

	rc = user_set_password(ctx->db, d.user.id, hash, req->session.user_id,
	    req->session.impersonator_id);
	if (rc == 1)
		return 404;
	if (rc != DB_OK)
		return 503;
	page_flash_next(ctx, "success", d.user.id == req->session.user_id ?
	    "Password changed. Sign in again with the new password." :
	    "Password changed. The user must sign in again with the new "
	    "password.");
	snprintf(location, sizeof(location), "/admin/users/%lld", d.user.id);
	response_redirect(ctx->resp, location);
	return 303;
}

/* ---------------------------------------------------------------- activation */

static int
show_deactivate(struct ctx *ctx, const struct user_details *d, int status)
{
	page_common(ctx, "admin", "Deactivate user");
	set_user(ctx, d);
	if (d->user.id == ctx->req->session.user_id)
		view_set(ctx->resp->view, "Form.Error", "You cannot deactivate "
		    "your own account. Another administrator can.");
	ctx->resp->page = "admin/user_deactivate.cs";
	return status;
}

int
page_user_deactivate_confirm(struct ctx *ctx)
{
	struct user_details	 d;
	int			 status;

	if ((status = load_user(ctx, &d)) != 0)
		return status;
	return show_deactivate(ctx, &d, 200);
}

/* Sets the state of the route's user and redirects to the edit page. */
static int
set_active(struct ctx *ctx, int active)
{
	struct request		*req = ctx->req;
	struct user_details	 d;
	char			 location[64];
	int			 status, rc, changed;

	if ((status = load_user(ctx, &d)) != 0)
		return status;
	if (!active && d.user.id == req->session.user_id)
		return show_deactivate(ctx, &d, 400);
	rc = user_set_active(ctx->db, d.user.id, active, req->session.user_id,
	    req->session.impersonator_id, &changed);
	if (rc == 1)
		return 404;
	if (rc != DB_OK)
		return 503;
	if (active)
		page_flash_next(ctx, "success", changed ? "User activated." :
		    "The user was already active.");
	else
		page_flash_next(ctx, "success", changed ? "User deactivated. "
		    "They can no longer sign in." :
		    "The user was already inactive.");
	snprintf(location, sizeof(location), "/admin/users/%lld", d.user.id);
	response_redirect(ctx->resp, location);
	return 303;
}

int
page_user_deactivate(struct ctx *ctx)
{
	return set_active(ctx, 0);
}

int
page_user_activate(struct ctx *ctx)
{
	return set_active(ctx, 1);
}
