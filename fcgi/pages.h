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
int	 page_learn_home(struct ctx *);
int	 page_healthz(struct ctx *);

/* Sets the values every page shows: site name, area, path, the session
 * user and the CSRF token. */
void	 page_common(struct ctx *, const char *area, const char *title);

/* Returns 1 when the request came over https or the configuration says
 * cookies are always Secure. */
int	 page_secure_cookies(const struct ctx *);

/* Queues a message for the next page after a redirect. */
int	 page_flash_next(struct ctx *, const char *kind, const char *text);

#endif
