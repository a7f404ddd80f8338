/*
 * One HTTP request as the handlers see it: parsed, size-checked and valid
 * UTF-8.  request_free frees everything in it.
 */
#ifndef LAUREL_REQUEST_H
#define LAUREL_REQUEST_H

#include <fcgiapp.h>

#include "auth.h"
#include "form.h"

enum http_method {
	METHOD_GET = 1,
	METHOD_HEAD = 2,
	METHOD_POST = 4,
	METHOD_OTHER = 8
};

struct request {
	FCGX_Request		*fcgi;
	enum http_method	 method;
	const char		*method_name;	/* as sent */
	char			*path;		/* decoded, without the query */
	const char		*remote_addr;
	int			 https;
	char			 id[17];	/* request id for logs */

	struct field_list	 query;
	struct field_list	 form;		/* urlencoded or multipart */
	struct upload_list	 files;
	struct field_list	 cookies;

	/* Set after the session cookie was checked. */
	int			 signed_in;
	struct session		 session;
	const char		*session_token;	/* cookie value, or NULL */

	/* Route parameters, e.g. the 42 of /admin/users/42, and the
	 * letters and digits that "{code}" matched. */
	long long		 param_id;
	char			 param_code[65];
};

/* Limits for the parsers, from the configuration. */
struct config;
void		 request_limits(const struct config *, struct form_limits *);

/*
 * Reads the request's parameters, query string, cookies and body.  Returns
 * 200 when all is well, else the HTTP status to send (400 or 413 with
 * err filled in, 500 for system errors).
 */
int		 request_read(struct request *, FCGX_Request *,
		    const struct config *, struct form_error *err);

/* Returns the first query field, form field or NULL. */
const char	*request_query(const struct request *, const char *name);
const char	*request_form(const struct request *, const char *name);
const char	*request_cookie(const struct request *, const char *name);

/* Returns a FastCGI parameter such as HTTP_USER_AGENT, or NULL. */
const char	*request_param(const struct request *, const char *name);

void		 request_free(struct request *);

#endif
