/*
 * The Select Prerequisites and Select Courses pages of a certification:
 * each shows the current set and a searchable, paged list to add from,
 * and its Save replaces the whole set.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "certification.h"
#include "db.h"
#include "input.h"
#include "page_certification.h"
#include "pages.h"
#include "request.h"
#include "response.h"
#include "str.h"
#include "view.h"

static const char *const prereq_sort_keys[] = { "name", NULL };
static const char *const course_sort_keys[] = { "code", NULL };

/* Labels of enum cert_requirement, in its order. */
static const char *const requirement_labels[] = {
	"Required", "Elective", "Not Applicable", NULL
};

static int
contains(const long long *ids, size_t n, long long id)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

static void
view_cert_item(struct view *v, const char *list, int i,
    const struct cert_row *r)
{
	view_set_int_item(v, list, i, "FamilyId", r->family_id);
	view_set_int_item(v, list, i, "Id", r->id);
	view_set_int_item(v, list, i, "Version", r->version);
	view_set_item(v, list, i, "Name", r->name);
	view_set_item(v, list, i, "Availability",
	    cert_availability_keys[r->availability]);
	view_set_int_item(v, list, i, "Active", r->active);
}

/* ------------------------------------------------------------ prerequisites */

/*
 * Fills the prerequisites page.  The selected list shows the stored
 * prerequisites and, after a rejected save, the families that were sent
 * (sent != NULL), checked as sent.
 */
static int
show_prerequisites(struct ctx *ctx, const struct certification *c,
    const long long *sent, size_t n_sent, int status)
{
	struct view		*v = ctx->resp->view;
	struct listing		 l;
	struct cert_filter	 f = { 0, -1, -1, c->family_id };
	struct cert_row		*current = NULL, *cand = NULL, extra;
	size_t			 n_current, n_cand, shown, i, j;
	int			 more, k, rc = 503;

	list_read(ctx, prereq_sort_keys, &l);
	if (cert_prerequisites(ctx->db, c->id, &current, &n_current) !=
	    DB_OK || cert_list(ctx->db, &l, &f, &cand, &n_cand) != DB_OK)
		goto out;
	more = listing_has_next(&l, n_cand, &shown);
	page_common(ctx, "admin", "Select prerequisites");
	cert_page_heading(ctx, c);
	list_view(ctx, &l, prereq_sort_keys, more, shown, "");

	for (i = 0, k = 0; i < n_current; i++, k++) {
		view_cert_item(v, "Selected", k, &current[i]);
		if (sent == NULL || contains(sent, n_sent, current[i].family_id))
			view_set_item(v, "Selected", k, "Checked", "1");
	}
	for (i = 0; sent != NULL && i < n_sent; i++) {
		for (j = 0; j < n_current; j++)
			if (current[j].family_id == sent[i])
				break;
		if (j < n_current || cert_family_newest(ctx->db, sent[i],
		    &extra) != DB_OK)
			continue;
		view_cert_item(v, "Selected", k, &extra);
		view_set_item(v, "Selected", k++, "Checked", "1");
	}
	for (i = 0; i < shown; i++) {
		view_cert_item(v, "Candidates", (int)i, &cand[i]);
		for (k = 0; (size_t)k < n_current; k++)
			if (current[k].family_id == cand[i].family_id)
				view_set_item(v, "Candidates", (int)i,
				    "Selected", "1");
		if (sent != NULL && contains(sent, n_sent, cand[i].family_id))
			view_set_item(v, "Candidates", (int)i, "Selected", "1");
	}
	if (view_get(v, "Form.rule") == NULL)
		view_set(v, "Form.rule", cert_rule_keys[c->prerequisite_rule]);
	ctx->resp->page = "admin/certification_prerequisites.cs";
	rc = status;
out:
	free(current);
	free(cand);
	return rc;
}

int
page_certification_prerequisites(struct ctx *ctx)
{
	struct certification	*c;
	int			 status;

	if ((c = malloc(sizeof(*c))) == NULL)
		return 503;
	if ((status = cert_page_load(ctx, c)) == 0)
		status = show_prerequisites(ctx, c, NULL, 0, 200);
	free(c);
	return status;
}

static int
save_prerequisites(struct ctx *ctx, const struct certification *c)
{
	struct request	*req = ctx->req;
	struct input	 in;
	long long	 ids[CERT_PREREQUISITES_MAX];
	char		 cycle[2048], msg[2400], location[80];
	int		 n, rule, rc;

	input_init(&in, ctx);
	rule = input_choice(&in, "rule", "Rule", cert_rule_keys,
	    CERT_RULE_ALL);
	n = input_ids(&in, "family", "Prerequisites", ids,
	    CERT_PREREQUISITES_MAX);
	if (!input_ok(&in))
		return show_prerequisites(ctx, c, ids, n > 0 ? (size_t)n : 0,
		    400);

	rc = cert_prerequisites_save(ctx->db, c->id, ids, (size_t)n, rule,
	    cycle, sizeof(cycle), req->session.user_id,
	    req->session.impersonator_id);
	switch (rc) {
	case DB_OK:
		break;
	case CERT_CYCLE:
		snprintf(msg, sizeof(msg), "These prerequisites would form a "
		    "cycle: %s. A certification cannot require itself, "
		    "directly or through other certifications.", cycle);
		input_error(&in, "family", msg);
		return show_prerequisites(ctx, c, ids, (size_t)n, 400);
	case CERT_UNKNOWN_CHOICE:
		input_error(&in, "family", "A chosen certification no longer "
		    "exists. Check the selection and save again.");
		return show_prerequisites(ctx, c, ids, (size_t)n, 400);
	case CERT_READ_ONLY:
		return cert_page_read_only(ctx, c);
	case CERT_NOT_FOUND:
		return 404;
	default:
		return 503;
	}
	page_flash_next(ctx, "success", "Prerequisites saved.");
	snprintf(location, sizeof(location),
	    "/admin/certifications/%lld/prerequisites", c->id);
	response_redirect(ctx->resp, location);
	return 303;
}

int
page_certification_prerequisites_save(struct ctx *ctx)
{
	struct certification	*c;
	int			 status;

	if ((c = malloc(sizeof(*c))) == NULL)
		return 503;
	if ((status = cert_page_load(ctx, c)) == 0)
		status = c->version != c->newest_version ?
		    cert_page_read_only(ctx, c) : save_prerequisites(ctx, c);
	free(c);
	return status;
}

/* ------------------------------------------------------------ courses */

static void
view_course(struct view *v, const char *list, int i,
    const struct cert_course *c)
{
	view_set_int_item(v, list, i, "CourseId", c->course_id);
	view_set_item(v, list, i, "Code", c->code);
	view_set_item(v, list, i, "Name", c->name);
	view_set_int_item(v, list, i, "Active", c->active);
	view_set_item(v, list, i, "Requirement",
	    cert_requirement_keys[c->requirement]);
	view_set_int_item(v, list, i, "Position", c->position);
}

/*
 * Fills the courses page.  rows are the courses shown in the table of
 * the certification, with the values to show (stored, or as sent after a
 * rejected save, whose position fields are then echoed from Form.*).
 */
static int
show_courses(struct ctx *ctx, const struct certification *c,
    const struct cert_course *rows, size_t n, int sent, int status)
{
	struct view		*v = ctx->resp->view;
	struct listing		 l;
	struct cert_course	*cand = NULL;
	size_t			 n_cand, shown, i;
	const char		*s;
	char			 path[80];
	int			 more;

	list_read(ctx, course_sort_keys, &l);
	if (cert_course_candidates(ctx->db, c->id, &l, &cand, &n_cand) !=
	    DB_OK)
		return 503;
	more = listing_has_next(&l, n_cand, &shown);
	page_common(ctx, "admin", "Select courses");
	cert_page_heading(ctx, c);
	view_set_int(v, "Cert.RequiredElectives", c->required_electives);
	list_view(ctx, &l, course_sort_keys, more, shown, "");
	for (i = 0; requirement_labels[i] != NULL; i++) {
		view_set_item(v, "Requirements", (int)i, "Key",
		    cert_requirement_keys[i]);
		view_set_item(v, "Requirements", (int)i, "Label",
		    requirement_labels[i]);
	}
	for (i = 0; i < n; i++) {
		view_course(v, "Current", (int)i, &rows[i]);
		snprintf(path, sizeof(path), "Form.position_%lld",
		    rows[i].course_id);
		if (sent && (s = view_get(v, path)) != NULL)
			view_set_item(v, "Current", (int)i, "Position", s);
		snprintf(path, sizeof(path), "Form.requirement_%lld",
		    rows[i].course_id);
		if (sent && (s = view_get(v, path)) != NULL)
			view_set_item(v, "Current", (int)i, "Requirement", s);
		snprintf(path, sizeof(path), "Form.remove.%lld",
		    rows[i].course_id);
		if (sent && view_get(v, path) != NULL)
			view_set_item(v, "Current", (int)i, "Remove", "1");
		snprintf(path, sizeof(path), "Form.Errors.position_%lld",
		    rows[i].course_id);
		if ((s = view_get(v, path)) != NULL)
			view_set_item(v, "Current", (int)i, "PositionError", s);
		snprintf(path, sizeof(path), "Form.Errors.requirement_%lld",
		    rows[i].course_id);
		if ((s = view_get(v, path)) != NULL)
			view_set_item(v, "Current", (int)i, "RequirementError",
			    s);
	}
	for (i = 0; i < shown; i++) {
		view_course(v, "Candidates", (int)i, &cand[i]);
		snprintf(path, sizeof(path), "Form.add.%lld",
		    cand[i].course_id);
		if (sent && view_get(v, path) != NULL)
			view_set_item(v, "Candidates", (int)i, "Checked", "1");
	}
	free(cand);
	ctx->resp->page = "admin/certification_courses.cs";
	return status;
}

int
page_certification_courses(struct ctx *ctx)
{
	struct certification	*c;
	struct cert_course	*rows = NULL;
	size_t			 n;
	int			 status;

	if ((c = malloc(sizeof(*c))) == NULL)
		return 503;
	if ((status = cert_page_load(ctx, c)) == 0) {
		if (cert_courses(ctx->db, c->id, &rows, &n) != DB_OK)
			status = 503;
		else
			status = show_courses(ctx, c, rows, n, 0, 200);
	}
	free(rows);
	free(c);
	return status;
}

/*
 * NOTE: every course of the certification sends two fields (order and
 * requirement), so with Limits.Fields = 200 the form of a certification
 * with more than about 90 courses exceeds the limit and is rejected
 * before it reaches this page.
 *
 * Builds the new set from the stored courses (each with its requirement
 * and order as sent, unless marked for removal) and the courses checked
 * to add, which go to the end as Not Applicable.  out has room for
 * CERT_COURSES_MAX entries; returns the count.
 */
static size_t
read_courses(struct input *in, const struct cert_course *stored,
    size_t n_stored, struct cert_course *out)
{
	long long	 removed[CERT_COURSES_MAX], added[CERT_COURSES_MAX], pos;
	char		 name[64];
	size_t		 i, n = 0;
	int		 n_removed, n_added, k;

	n_removed = input_ids(in, "remove", "Remove", removed,
	    CERT_COURSES_MAX);
	n_added = input_ids(in, "add", "Courses to add", added,
	    CERT_COURSES_MAX);
	for (i = 0; i < n_stored; i++) {
		if (n_removed > 0 && contains(removed, (size_t)n_removed,
		    stored[i].course_id))
			continue;
		out[n] = stored[i];
		snprintf(name, sizeof(name), "requirement_%lld",
		    stored[i].course_id);
		out[n].requirement = input_choice(in, name, "Requirement",
		    cert_requirement_keys, stored[i].requirement);
		snprintf(name, sizeof(name), "position_%lld",
		    stored[i].course_id);
		if (input_int(in, name, "Order", 0, 1, 9999, &pos) == 1)
			out[n].position = pos;
		n++;
	}
	for (k = 0; k < n_added; k++) {
		for (i = 0; i < n; i++)
			if (out[i].course_id == added[k])
				break;
		if (i < n)
			continue;
		if (n == CERT_COURSES_MAX) {
			input_error(in, "add", "A certification can have at "
			    "most 200 courses. Remove some before adding "
			    "more.");
			break;
		}
		memset(&out[n], 0, sizeof(out[n]));
		out[n].course_id = added[k];
		out[n].requirement = CERT_REQ_NONE;
		out[n].active = 1;
		out[n].position = 10000 + k;	/* after every typed order */
		n++;
	}
	return n;
}

static int
save_courses(struct ctx *ctx, const struct certification *c,
    const struct cert_course *stored, size_t n_stored,
    struct cert_course *rows)
{
	struct request	*req = ctx->req;
	struct input	 in;
	char		 msg[256], location[80];
	size_t		 n;
	int		 required = 0, rc;

	input_init(&in, ctx);
	n = read_courses(&in, stored, n_stored, rows);
	if (!input_ok(&in))
		return show_courses(ctx, c, stored, n_stored, 1, 400);

	rc = cert_courses_save(ctx->db, c->id, rows, n, &required,
	    req->session.user_id, req->session.impersonator_id);
	switch (rc) {
	case DB_OK:
		break;
	case CERT_ELECTIVES:
		snprintf(msg, sizeof(msg), "This certification requires %d "
		    "elective courses. Mark at least %d courses Elective, or "
		    "lower Required electives on the certification first.",
		    required, required);
		input_error(&in, "courses", msg);
		return show_courses(ctx, c, stored, n_stored, 1, 400);
	case CERT_UNKNOWN_CHOICE:
		input_error(&in, "courses", "A chosen course no longer exists. "
		    "Check the selection and save again.");
		return show_courses(ctx, c, stored, n_stored, 1, 400);
	case CERT_READ_ONLY:
		return cert_page_read_only(ctx, c);
	case CERT_NOT_FOUND:
		return 404;
	default:
		return 503;
	}
	page_flash_next(ctx, "success", "Courses saved.");
	snprintf(location, sizeof(location),
	    "/admin/certifications/%lld/courses", c->id);
	response_redirect(ctx->resp, location);
	return 303;
}

int
page_certification_courses_save(struct ctx *ctx)
{
	struct certification	*c;
	struct cert_course	*stored = NULL, *rows = NULL;
	size_t			 n_stored;
	int			 status;

	if ((c = malloc(sizeof(*c))) == NULL)
		return 503;
	if ((status = cert_page_load(ctx, c)) != 0)
		goto out;
	if (c->version != c->newest_version) {
		status = cert_page_read_only(ctx, c);
		goto out;
	}
	if (cert_courses(ctx->db, c->id, &stored, &n_stored) != DB_OK ||
	    (rows = calloc(CERT_COURSES_MAX, sizeof(*rows))) == NULL) {
		status = 503;
		goto out;
	}
	status = save_courses(ctx, c, stored, n_stored, rows);
out:
	free(stored);
	free(rows);
	free(c);
	return status;
}
