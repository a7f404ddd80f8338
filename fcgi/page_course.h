/*
 * Parts of the course edit page shared by page_course.c, which shows the
 * page, and page_course_sections.c, which handles the forms of its
 * classes, checklist and follow-up sections.
 */
#ifndef LAUREL_PAGE_COURSE_H
#define LAUREL_PAGE_COURSE_H

struct course;
struct course_followup;
struct ctx;
struct request;

/* The form of the edit page that was sent with invalid input.  The other
 * forms show stored values. */
enum course_section {
	COURSE_SECTION_NONE,
	COURSE_SECTION_COURSE,
	COURSE_SECTION_CLASS,
	COURSE_SECTION_CHECKLIST,
	COURSE_SECTION_FOLLOWUPS
};

/* Rows of the follow-up form for adding courses, and their field names:
 * a select of courses, a course code field that replaces the select when
 * there are too many courses, and a trigger select. */
#define COURSE_ADD_ROWS	3
extern const char *const course_add_course_fields[COURSE_ADD_ROWS];
extern const char *const course_add_code_fields[COURSE_ADD_ROWS];
extern const char *const course_add_trigger_fields[COURSE_ADD_ROWS];

/*
 * Shows the new-course or edit page.  saved is the course as stored, or
 * id 0 with the defaults for a new one.  failed names the form that is
 * shown again with the input and its errors.  Returns status, or 503 when
 * the page's data cannot be read.
 */
int	 course_page_show(struct ctx *, const struct course *saved,
	    int status, enum course_section failed);

/* Loads course id into a new struct course, which is about 82 KB and so
 * not put on the stack; the caller frees it.  Returns 200, or the
 * response status 404, 500 or 503. */
int	 course_page_load(struct ctx *, long long id, struct course **out);

/* Queues message and redirects to the edit page of a course, at anchor
 * ("" or "#section").  Returns 303. */
int	 course_page_redirect(struct ctx *, long long course_id,
	    const char *anchor, const char *message);

/* Returns 1 when the POSTed form has the field name with value. */
int	 course_page_form_has(const struct request *, const char *name,
	    const char *value);

/* Writes the key of a follow-up, "course id:trigger", which is the value
 * of its remove checkbox. */
void	 course_page_followup_key(const struct course_followup *,
	    char out[48]);

#endif
