/* Admin pages; being written. */
#include "config.h"

#include "pages.h"

int
page_groups(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_group_new(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_group_edit(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_group_save(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_group_members(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_group_members_add(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_group_members_remove(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_group_certification_picker(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_group_certifications_add(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_group_subscriptions_save(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

