/* Admin pages of user types and languages. */
#include "config.h"

#include "pages.h"

int
page_user_types(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_user_type_edit(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_user_type_save(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_languages(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_language_add(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_language_remove_confirm(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_language_remove(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}
