/* Page handlers.  Each returns the HTTP status of its response. */
#ifndef LAUREL_PAGES_H
#define LAUREL_PAGES_H

struct config;
struct db;
struct request;
struct response;

/* Everything a handler works with during one request. */
struct ctx {
	struct request		*req;
	struct response		*resp;
	struct db		*db;
	const struct config	*cfg;
};

#define SESSION_COOKIE		"laurel_session"
#define PRESESSION_COOKIE	"laurel_csrf"
#define FLASH_COOKIE		"laurel_flash"

/* page_auth.c */
int	 page_root(struct ctx *);
int	 page_signin_form(struct ctx *);
int	 page_signin(struct ctx *);
int	 page_signout(struct ctx *);

/* page_home.c */
int	 page_admin_home(struct ctx *);
int	 page_healthz(struct ctx *);
int	 page_add_slash(struct ctx *);

/* page_learn.c: the learner's site */
/* page_certificate.c: printing certificates and /verify/<code>. */
int	 page_learn_certificate_print(struct ctx *);
int	 page_learn_certificate(struct ctx *);
int	 page_admin_certificate_print(struct ctx *);
int	 page_admin_certificate(struct ctx *);
int	 page_verify(struct ctx *);

int	 page_learn_home(struct ctx *);
int	 page_learn_certification(struct ctx *);
int	 page_learn_enroll(struct ctx *);
int	 page_learn_course_enroll(struct ctx *);

/* page_registrations.c: a user's training, Login as Learner */
int	 page_user_registrations(struct ctx *);
int	 page_user_registration_cancel_confirm(struct ctx *);
int	 page_user_registration_cancel(struct ctx *);
int	 page_user_courseware(struct ctx *);
int	 page_user_courseware_enroll(struct ctx *);
int	 page_user_impersonate(struct ctx *);
int	 page_return_to_admin(struct ctx *);

/* page_admin.c: search panel results and the audit log */
int	 page_admin_search(struct ctx *);
int	 page_audit(struct ctx *);

/* page_catalog.c */
int	 page_catalogs(struct ctx *);
int	 page_catalog_new(struct ctx *);
int	 page_catalog_edit(struct ctx *);
int	 page_catalog_save(struct ctx *);

/* page_settings.c: user types and languages */
int	 page_user_types(struct ctx *);
int	 page_user_type_edit(struct ctx *);
int	 page_user_type_save(struct ctx *);
int	 page_languages(struct ctx *);
int	 page_language_add(struct ctx *);
int	 page_language_remove_confirm(struct ctx *);
int	 page_language_remove(struct ctx *);

/* page_user.c */
int	 page_users(struct ctx *);
int	 page_user_new(struct ctx *);
int	 page_user_edit(struct ctx *);
int	 page_user_save(struct ctx *);
int	 page_user_password_form(struct ctx *);
int	 page_user_password(struct ctx *);
int	 page_user_deactivate_confirm(struct ctx *);
int	 page_user_deactivate(struct ctx *);
int	 page_user_activate(struct ctx *);

/* page_group.c */
int	 page_groups(struct ctx *);
int	 page_group_new(struct ctx *);
int	 page_group_edit(struct ctx *);
int	 page_group_save(struct ctx *);
int	 page_group_members(struct ctx *);
int	 page_group_members_add(struct ctx *);
int	 page_group_members_remove(struct ctx *);
int	 page_group_certification_picker(struct ctx *);
int	 page_group_certifications_add(struct ctx *);
int	 page_group_subscriptions_save(struct ctx *);

/* page_course.c and page_course_sections.c */
int	 page_courses(struct ctx *);
int	 page_course_new(struct ctx *);
int	 page_course_edit(struct ctx *);
int	 page_course_save(struct ctx *);
int	 page_class_edit(struct ctx *);
int	 page_class_save(struct ctx *);
int	 page_class_delete(struct ctx *);
int	 page_checklist_add(struct ctx *);
int	 page_checklist_delete(struct ctx *);
int	 page_followups_save(struct ctx *);

/* page_certification.c */
int	 page_certifications(struct ctx *);
int	 page_certification_new(struct ctx *);
int	 page_certification_edit(struct ctx *);
int	 page_certification_save(struct ctx *);
int	 page_certification_prerequisites(struct ctx *);
int	 page_certification_prerequisites_save(struct ctx *);
int	 page_certification_courses(struct ctx *);
int	 page_certification_courses_save(struct ctx *);
int	 page_certification_new_version(struct ctx *);
int	 page_certification_image(struct ctx *);

/* page_file.c: certificate templates and uploaded files */
int	 page_templates(struct ctx *);
int	 page_template_new(struct ctx *);
int	 page_template_edit(struct ctx *);
int	 page_template_save(struct ctx *);
int	 page_file(struct ctx *);

/* page_payment.c: vouchers, purchase orders, the learner's payment */
int	 page_vouchers(struct ctx *);
int	 page_voucher_new(struct ctx *);
int	 page_voucher_create(struct ctx *);
int	 page_purchase_orders(struct ctx *);
int	 page_purchase_order_approve(struct ctx *);
int	 page_purchase_order_reject_confirm(struct ctx *);
int	 page_purchase_order_reject(struct ctx *);
int	 page_learn_voucher(struct ctx *);
int	 page_learn_purchase_order(struct ctx *);
/* Sets Pay.* for the payment section of a priced certification's page:
 * prices, the options offered and the learner's latest purchase order.
 * Returns 0, or -1 when the database failed. */
int	 page_payment_options(struct ctx *, long long family_id);

/* page_transcript.c: transcripts and Remove completed status */
int	 page_learn_transcript(struct ctx *);
int	 page_user_transcript(struct ctx *);
int	 page_user_transcript_revoke_confirm(struct ctx *);
int	 page_user_transcript_revoke(struct ctx *);

/* page_import.c: bulk CSV imports with a preview */
int	 page_imports(struct ctx *);
int	 page_import_preview(struct ctx *);
int	 page_import_confirm(struct ctx *);

/* page_outbox.c: the mail outbox */
int	 page_outbox(struct ctx *);
int	 page_outbox_retry(struct ctx *);

/* page_assessment.c: a course's content and assessment (admin) */
int	 page_course_content(struct ctx *);
int	 page_course_content_save(struct ctx *);
int	 page_assessment(struct ctx *);
int	 page_assessment_save(struct ctx *);
int	 page_question_new(struct ctx *);
int	 page_question_create(struct ctx *);
int	 page_question_edit(struct ctx *);
int	 page_question_update(struct ctx *);
int	 page_question_delete_confirm(struct ctx *);
int	 page_question_delete(struct ctx *);
int	 page_question_move(struct ctx *);

/* page_learn_course.c: a course's content and assessment (learner) */
int	 page_learn_course(struct ctx *);
int	 page_learn_course_complete(struct ctx *);
int	 page_learn_attempt_start(struct ctx *);
int	 page_learn_attempt(struct ctx *);
int	 page_learn_attempt_submit(struct ctx *);
/* Sets prefix.N.Kind ("text", "link", "br" or "p"), .Text and, for links,
 * .Href from text cut by content_split.  prefix is a program literal.
 * Returns 0, or -1 when memory runs out. */
struct view;
int	 page_text_parts(struct view *, const char *prefix, const char *text);

/* page_records.c, page_attendance.c, page_external.c, page_checklist.c:
 * learners' records (results by hand, class attendance, external
 * courses, checklists) */
int	 page_user_results(struct ctx *);
int	 page_user_result_save(struct ctx *);
int	 page_user_result_cancel_confirm(struct ctx *);
int	 page_user_result_cancel(struct ctx *);
int	 page_class_attendance(struct ctx *);
int	 page_class_attendance_save(struct ctx *);
int	 page_class_learners(struct ctx *);
int	 page_class_learners_add(struct ctx *);
int	 page_user_external(struct ctx *);
int	 page_user_external_new(struct ctx *);
int	 page_user_external_create(struct ctx *);
int	 page_user_external_edit(struct ctx *);
int	 page_user_external_save(struct ctx *);
int	 page_user_external_delete_confirm(struct ctx *);
int	 page_user_external_delete(struct ctx *);
int	 page_user_checklist(struct ctx *);
int	 page_user_checklist_save(struct ctx *);
int	 page_learn_checklist(struct ctx *);
int	 page_learn_checklist_save(struct ctx *);

/* page_report.c: the Reporting tab and the Certification Expiration
 * Report */
int	 page_reports(struct ctx *);
int	 page_report_expiration(struct ctx *);
int	 page_report_expiration_csv(struct ctx *);

/* page_jobs.c: background jobs, their progress and their files */
int	 page_jobs(struct ctx *);
int	 page_job(struct ctx *);
int	 page_job_download(struct ctx *);
int	 page_job_retry(struct ctx *);

/* Sets the values every page shows: site name, area, path, the session
 * user and the CSRF token. */
void	 page_common(struct ctx *, const char *area, const char *title);

/* Returns 1 when the request came over https, or when
 * Session.SecureCookie is "yes" ("no" returns 0). */
int	 page_secure_cookies(const struct ctx *);

/* Queues a message for the next page after a redirect. */
int	 page_flash_next(struct ctx *, const char *kind, const char *text);

#endif
