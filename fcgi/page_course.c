/* Admin pages; being written. */
#include "config.h"

#include "pages.h"

int
page_courses(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_course_new(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_course_edit(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_course_save(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_class_edit(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_class_save(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_class_delete(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_checklist_add(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_checklist_delete(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_followups_save(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

