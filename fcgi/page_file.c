/* Admin pages; being written. */
#include "config.h"

#include "pages.h"

int
page_templates(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_template_new(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_template_edit(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_template_save(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_file(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

