/* The admin search panel's results and the audit log. */
#include "config.h"

#include "pages.h"

int
page_admin_search(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}

int
page_audit(struct ctx *ctx)
{
	(void)ctx;
	return 404;
}
