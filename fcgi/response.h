/*
 * Building and sending a response.  Every response carries the security
 * headers; pages are rendered through the view with HTML escaping.
 */
#ifndef LAUREL_RESPONSE_H
#define LAUREL_RESPONSE_H

#include "str.h"

struct config;
struct request;
struct view;

struct response {
	int		 status;
	struct view	*view;
	const char	*page;		/* template to render, or NULL */
	char		*location;	/* redirect target (status 303) */
	struct buf	 headers;	/* extra "Name: value\r\n" lines */
	struct buf	 body;		/* a body that is not a page */
	const char	*content_type;	/* for body; NULL is RESPONSE_HTML */
	const char	*cache_control;	/* replaces "no-store" when set */
	int		 flashes;	/* Flash.N items set */
	const char	*cache_result;	/* "hit" or "miss" on a cacheable
					 * route, else NULL; for the log */
};

#define RESPONSE_HTML	"text/html; charset=utf-8"

/* Returns 0, or -1 when memory runs out. */
int	 response_init(struct response *);
void	 response_free(struct response *);

/* Adds a header line; name and value must not contain line breaks. */
int	 response_header(struct response *, const char *name,
	    const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Sets a cookie with HttpOnly, SameSite=Lax and Path=/; Secure when
 * secure is set.  max_age < 0 makes a session cookie, 0 deletes it. */
int	 response_cookie(struct response *, const char *name,
	    const char *value, long max_age, int secure);

/* Sets the response to 303 See Other with Location: location, a local
 * path. */
int	 response_redirect(struct response *, const char *location);

/* Adds a message for the page being rendered. kind is success, error or
 * info. */
int	 response_flash(struct response *, const char *kind, const char *text);

/*
 * Sets the status and the Error.* values of the error page for status;
 * message replaces the standard sentence when not NULL.
 */
void	 response_error(struct response *, int status, const char *message);

/* Returns the reason phrase of a status, e.g. "Not Found". */
const char *http_reason(int status);

/*
 * Renders the page template, when one is set, into the body and clears
 * page.  A template failure becomes a plain 500 page.
 */
void	 response_render(struct response *, struct request *,
	    const struct config *);

/*
 * Writes the response to the FastCGI stream: status, security headers,
 * cookies, then the rendered page or body.  A template failure becomes a
 * plain 500 page.  HEAD requests get the headers only.
 */
void	 response_send(struct response *, struct request *,
	    const struct config *);

#endif
