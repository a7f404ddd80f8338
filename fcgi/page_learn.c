/* The learner's site: the Training page, a certification's page and
 * self-enrolment. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "access.h"
#include "db.h"
#include "enroll.h"
#include "pages.h"
#include "request.h"
#include "response.h"
#include "training.h"
#include "view.h"

static void
set_enrolment(struct view *v, int i, const struct enrolment_view *e)
{
	view_set_int_item(v, "Enrolled", i, "FamilyId", e->family_id);
	view_set_item(v, "Enrolled", i, "Name", e->name);
	view_set_int_item(v, "Enrolled", i, "Version", e->version);
	view_set_item(v, "Enrolled", i, "Status", e->status);
	view_set_int_item(v, "Enrolled", i, "CourseGroup", e->course_group);
	view_set_int_item(v, "Enrolled", i, "ShowProgress", e->show_progress);
	view_set_int_item(v, "Enrolled", i, "Progress", e->progress);
	view_set_item(v, "Enrolled", i, "EnrolledOn", e->enrolled_on);
	view_set_item(v, "Enrolled", i, "CompleteBy", e->complete_by);
	view_set_item(v, "Enrolled", i, "CompletedOn", e->completed_on);
	view_set_item(v, "Enrolled", i, "ExpiresOn", e->expires_on);
	view_set_int_item(v, "Enrolled", i, "Overdue", e->overdue);
}

/* Fills Courses.N with courses taken on their own. */
static void
set_courses(struct view *v, const struct registration_view *r, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		view_set_int_item(v, "OwnCourses", (int)i, "Id", r[i].id);
		view_set_int_item(v, "OwnCourses", (int)i, "CourseId",
		    r[i].course_id);
		view_set_item(v, "OwnCourses", (int)i, "Code", r[i].code);
		view_set_item(v, "OwnCourses", (int)i, "Name", r[i].name);
		view_set_item(v, "OwnCourses", (int)i, "Status", r[i].status);
		view_set_item(v, "OwnCourses", (int)i, "RegisteredOn",
		    r[i].registered_on);
		view_set_item(v, "OwnCourses", (int)i, "CompletedOn",
		    r[i].completed_on);
	}
}

/* Returns 1 when the family is among the user's enrolments. */
static int
is_enrolled(const struct enrolment_view *e, size_t n, long long family_id)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (e[i].family_id == family_id)
			return 1;
	return 0;
}

int
page_learn_home(struct ctx *ctx)
{
	struct view		*v = ctx->resp->view;
	long long		 uid = ctx->req->session.user_id;
	struct enrolment_view	*enrolled = NULL;
	struct access_item	*items = NULL;
	struct registration_view *courses = NULL;
	const char		*all = request_query(ctx->req, "languages");
	char			 lang[17];
	size_t			 ne, na, nc = 0, i;
	int			 shown = 0, other = 0, rc;

	rc = training_enrolments(ctx->db, uid, &enrolled, &ne);
	if (rc == DB_OK)
		rc = training_independent(ctx->db, uid, &courses, &nc);
	if (rc == DB_OK)
		rc = access_list(ctx->db, uid, &items, &na);
	if (rc == DB_OK)
		rc = training_user_language(ctx->db, uid, lang);
	if (rc != DB_OK) {
		free(enrolled);
		free(items);
		free(courses);
		return 503;
	}
	page_common(ctx, "learn", "Training");
	for (i = 0; i < ne; i++)
		set_enrolment(v, (int)i, &enrolled[i]);
	set_courses(v, courses, nc);
	free(courses);

	/* Available training: what access allows or only prerequisites
	 * hold back, in the learner's language unless all are asked for. */
	for (i = 0; i < na; i++) {
		const struct access_item *it = &items[i];

		if (is_enrolled(enrolled, ne, it->family_id) ||
		    (it->denied & ~(unsigned)DENY_PREREQUISITES) != 0)
			continue;
		if (strcmp(it->language, lang) != 0 &&
		    (all == NULL || strcmp(all, "all") != 0)) {
			other++;
			continue;
		}
		view_set_int_item(v, "Available", shown, "FamilyId",
		    it->family_id);
		view_set_item(v, "Available", shown, "Name", it->name);
		view_set_int_item(v, "Available", shown, "CourseGroup",
		    it->course_group);
		view_set_int_item(v, "Available", shown, "Locked",
		    it->denied != 0);
		view_set_int_item(v, "Available", shown, "Priced", it->priced);
		shown++;
	}
	view_set_int(v, "OtherLanguages", other);
	view_set(v, "AllLanguages", all != NULL && strcmp(all, "all") == 0 ?
	    "1" : "0");
	free(enrolled);
	free(items);
	ctx->resp->page = "learn/home.cs";
	return 200;
}

int
page_learn_certification(struct ctx *ctx)
{
	struct view		*v = ctx->resp->view;
	long long		 uid = ctx->req->session.user_id;
	long long		 family = ctx->req->param_id, cert_id = 0;
	struct enrolment_view	*enrolled = NULL;
	struct course_view	*courses = NULL;
	struct access_item	 it;
	size_t			 ne, nc, i;
	int			 rc, listed, mine = -1;

	if ((rc = training_enrolments(ctx->db, uid, &enrolled, &ne)) != DB_OK)
		return 503;
	for (i = 0; i < ne; i++)
		if (enrolled[i].family_id == family)
			mine = (int)i;
	listed = access_check(ctx->db, uid, family, &it);
	if (listed < 0 || (mine < 0 && listed == 1)) {
		free(enrolled);
		return listed < 0 ? 503 : 404;
	}
	/* An enrolled learner stays on the version they enrolled in. */
	cert_id = mine >= 0 ? enrolled[mine].certification_id :
	    it.certification_id;
	if (training_courses(ctx->db, uid, cert_id, &courses, &nc) != DB_OK) {
		free(enrolled);
		return 503;
	}
	page_common(ctx, "learn", mine >= 0 ? enrolled[mine].name : it.name);
	view_set(v, "Cert.Name", mine >= 0 ? enrolled[mine].name : it.name);
	view_set_int(v, "Cert.FamilyId", family);
	if (mine >= 0) {
		view_set(v, "Cert.Enrolled", "1");
		set_enrolment(v, 0, &enrolled[mine]);
	} else {
		view_set_int(v, "Cert.CourseGroup", it.course_group);
		view_set_int(v, "Cert.Priced", it.priced);
		view_set_int(v, "Cert.Locked", it.denied != 0);
		view_set_int(v, "Cert.Individually", it.course_group &&
		    it.display_individually && it.denied == 0 && !it.priced);
		for (i = 0; i < (size_t)it.nmissing; i++) {
			char	 name[801];

			if (access_family_name(ctx->db, it.missing[i],
			    name) == DB_OK)
				view_set_item(v, "Missing", (int)i, "Name",
				    name);
		}
	}
	if (mine < 0 && it.priced && it.denied == 0 &&
	    page_payment_options(ctx, family) != 0) {
		free(enrolled);
		free(courses);
		return 503;
	}
	for (i = 0; i < nc; i++) {
		view_set_item(v, "Courses", (int)i, "Code", courses[i].code);
		view_set_item(v, "Courses", (int)i, "Name", courses[i].name);
		view_set_item(v, "Courses", (int)i, "Requirement",
		    courses[i].requirement);
		view_set_item(v, "Courses", (int)i, "Status", courses[i].status);
		view_set_item(v, "Courses", (int)i, "CompletedOn",
		    courses[i].completed_on);
		view_set_item(v, "Courses", (int)i, "CreditHours",
		    courses[i].credit_hours);
		view_set_int_item(v, "Courses", (int)i, "Id",
		    courses[i].course_id);
	}
	free(enrolled);
	free(courses);
	ctx->resp->page = "learn/certification.cs";
	return 200;
}

int
page_learn_enroll(struct ctx *ctx)
{
	struct request		*req = ctx->req;
	struct access_item	 it;
	long long		 family = req->param_id;
	char			 location[64];
	int			 rc, enrolled, refused;

	rc = access_check(ctx->db, req->session.user_id, family, &it);
	if (rc == 1)
		return 404;
	if (rc != DB_OK)
		return 503;
	snprintf(location, sizeof(location), "/learn/certifications/%lld",
	    family);
	if (it.priced) {
		page_flash_next(ctx, "error", "This certification is priced: "
		    "use one of its payment options below.");
		response_redirect(ctx->resp, location);
		return 303;
	}
	rc = enroll_many(ctx->db, ctx->cfg, req->session.user_id, &family, 1,
	    ENROLL_SELF, 0, req->session.impersonator_id, &enrolled, &refused);
	if (rc != DB_OK)
		return 503;
	if (refused)
		page_flash_next(ctx, "error", "You cannot enrol in this "
		    "certification yet; see what it requires below.");
	else
		page_flash_next(ctx, "success", enrolled ? "You are enrolled." :
		    "You were already enrolled.");
	response_redirect(ctx->resp, location);
	return 303;
}

/* Registers the learner in one course of a course group that shows its
 * courses individually. */
int
page_learn_course_enroll(struct ctx *ctx)
{
	struct request		*req = ctx->req;
	struct access_item	 it;
	const char		*fam = request_form(req, "family");
	long long		 family = fam != NULL ? atoll(fam) : 0;
	char			 location[64];
	int			 rc, created;

	rc = access_check(ctx->db, req->session.user_id, family, &it);
	if (rc == 1)
		return 404;
	if (rc != DB_OK)
		return 503;
	snprintf(location, sizeof(location), "/learn/certifications/%lld",
	    family);
	if (it.denied != 0 || it.priced) {
		page_flash_next(ctx, "error", "You cannot enrol in this "
		    "course on its own.");
		response_redirect(ctx->resp, location);
		return 303;
	}
	rc = enroll_course(ctx->db, req->session.user_id, family,
	    req->param_id, 0, req->session.impersonator_id, &created);
	if (rc < 0)
		return 503;
	if (rc == 1)
		page_flash_next(ctx, "error", "This course cannot be taken on "
		    "its own.");
	else
		page_flash_next(ctx, "success", created ? "You are registered "
		    "in the course." : "You were already registered.");
	response_redirect(ctx->resp, location);
	return 303;
}
