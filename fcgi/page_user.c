/* Admin pages; being written. */
#include "config.h"

#include "pages.h"

int
page_users(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_user_new(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_user_edit(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_user_save(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_user_password_form(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_user_password(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_user_deactivate_confirm(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_user_deactivate(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_user_activate(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

