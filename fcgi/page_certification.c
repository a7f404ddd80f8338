/* Admin pages; being written. */
#include "config.h"

#include "pages.h"

int
page_certifications(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_certification_new(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_certification_edit(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_certification_save(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_certification_prerequisites(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_certification_prerequisites_save(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_certification_courses(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_certification_courses_save(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_certification_new_version(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_certification_image(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

