#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fcgiapp.h>

#include "conf.h"
#include "log.h"
#include "request.h"
#include "response.h"
#include "view.h"

#define SECURITY_HEADERS \
	"Content-Security-Policy: default-src 'self'; script-src 'self'; " \
	"style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; " \
	"form-action 'self'; base-uri 'none'\r\n" \
	"X-Content-Type-Options: nosniff\r\n" \
	"Referrer-Policy: same-origin\r\n" \
	"X-Frame-Options: DENY\r\n"

/* Served when even the error page cannot be rendered. */
#define PLAIN_500 \
	"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">" \
	"<title>Server error</title></head><body><h1>Server error</h1>" \
	"<p>Something went wrong on our side. Please try again later.</p>" \
	"</body></html>\n"

int
response_init(struct response *r)
{
	memset(r, 0, sizeof(*r));
	r->status = 200;
	if ((r->view = view_new()) == NULL)
		return -1;
	return 0;
}

void
response_free(struct response *r)
{
	view_free(r->view);
	free(r->location);
	buf_free(&r->headers);
	buf_free(&r->body);
	memset(r, 0, sizeof(*r));
}

int
response_header(struct response *r, const char *name, const char *fmt, ...)
{
	struct buf	 value = { 0 };
	va_list		 ap;
	int		 rc;

	va_start(ap, fmt);
	rc = buf_vprintf(&value, fmt, ap);
	va_end(ap);
	if (rc == -1 || strpbrk(value.data, "\r\n") != NULL) {
		buf_free(&value);
		return -1;
	}
	rc = buf_printf(&r->headers, "%s: %s\r\n", name, value.data);
	buf_free(&value);
	return rc;
}

int
response_cookie(struct response *r, const char *name, const char *value,
    long max_age, int secure)
{
	char	 age[96] = "";

	if (strpbrk(value, ";\r\n ,") != NULL)
		return -1;
	/* Expires in the past as well, since some clients keep a cookie
	 * whose Max-Age is 0. */
	if (max_age == 0)
		snprintf(age, sizeof(age), "; Max-Age=0; "
		    "Expires=Thu, 01 Jan 1970 00:00:00 GMT");
	else if (max_age > 0)
		snprintf(age, sizeof(age), "; Max-Age=%ld", max_age);
	return buf_printf(&r->headers,
	    "Set-Cookie: %s=%s; Path=/; HttpOnly; SameSite=Lax%s%s\r\n",
	    name, value, age, secure ? "; Secure" : "");
}

int
response_redirect(struct response *r, const char *location)
{
	free(r->location);
	if ((r->location = strdup(location)) == NULL)
		return -1;
	r->status = 303;
	return 0;
}

int
response_flash(struct response *r, const char *kind, const char *text)
{
	if (view_set_item(r->view, "Flash", r->flashes, "Kind", kind) == -1 ||
	    view_set_item(r->view, "Flash", r->flashes, "Text", text) == -1)
		return -1;
	r->flashes++;
	return 0;
}

const char *
http_reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 303: return "See Other";
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 413: return "Content Too Large";
	case 429: return "Too Many Requests";
	case 503: return "Service Unavailable";
	default: return status >= 500 ? "Internal Server Error" : "Error";
	}
}

struct error_text {
	int		 status;
	const char	*title;
	const char	*message;
};

static const struct error_text error_texts[] = {
	{ 400, "Bad request",
	  "The request could not be understood. Check what you entered and "
	  "try again." },
	{ 401, "Sign-in failed", "The login or password is not correct." },
	{ 403, "Access denied",
	  "You do not have permission to do this. If the page was open for "
	  "a long time, reload it and try again." },
	{ 404, "Page not found",
	  "There is no page at this address. Check the address, or go back "
	  "to the start page." },
	{ 405, "Method not allowed",
	  "This page cannot be used in that way." },
	{ 409, "Conflict",
	  "Someone else changed this at the same time. Reload the page and "
	  "try again." },
	{ 413, "Too large",
	  "The file or form you sent is larger than the site accepts." },
	{ 429, "Too many attempts",
	  "There were too many attempts. Wait a moment and try again." },
	{ 503, "Service unavailable",
	  "The site is temporarily unavailable. Please try again in a "
	  "minute." },
	{ 500, "Server error",
	  "Something went wrong on our side. The problem was logged; please "
	  "try again later." },
};

void
response_error(struct response *r, int status, const char *message)
{
	const struct error_text	*t = &error_texts[9];
	size_t			 i;

	for (i = 0; i < sizeof(error_texts) / sizeof(error_texts[0]); i++)
		if (error_texts[i].status == status)
			t = &error_texts[i];
	r->status = status;
	r->page = "error.cs";
	view_set_int(r->view, "Error.Status", status);
	view_set(r->view, "Error.Title", t->title);
	view_set(r->view, "Error.Message", message ? message : t->message);
	view_set(r->view, "Page.Title", t->title);
}

static void
put(FCGX_Request *f, const char *s, size_t len)
{
	FCGX_PutStr(s, (int)len, f->out);
}

void
response_render(struct response *r, struct request *req,
    const struct config *cfg)
{
	struct buf	 page = { 0 };

	if (r->page == NULL)
		return;
	view_set(r->view, "Error.RequestId", req->id);
	buf_free(&r->body);
	if (view_render(r->view, cfg->server_templates, r->page, &page) == 0) {
		r->body = page;
	} else {
		buf_free(&page);
		r->status = 500;
		buf_puts(&r->body, PLAIN_500);
	}
	r->content_type = NULL;
	r->page = NULL;
}

void
response_send(struct response *r, struct request *req,
    const struct config *cfg)
{
	FCGX_Request	*f = req->fcgi;
	struct buf	 head = { 0 };
	const char	*type = RESPONSE_HTML;
	const char	*body = NULL;
	size_t		 bodylen = 0;

	response_render(r, req, cfg);
	if (r->body.len > 0) {
		body = r->body.data;
		bodylen = r->body.len;
		if (r->content_type != NULL)
			type = r->content_type;
	}

	buf_printf(&head, "Status: %d %s\r\n", r->status,
	    http_reason(r->status));
	buf_puts(&head, SECURITY_HEADERS);
	buf_printf(&head, "Cache-Control: %s\r\n",
	    r->cache_control != NULL ? r->cache_control : "no-store");
	if (r->location != NULL)
		buf_printf(&head, "Location: %s\r\n", r->location);
	if (body != NULL)
		buf_printf(&head, "Content-Type: %s\r\nContent-Length: %zu\r\n",
		    type, bodylen);
	else
		buf_puts(&head, "Content-Length: 0\r\n");
	if (r->headers.len > 0)
		buf_append(&head, r->headers.data, r->headers.len);
	buf_puts(&head, "\r\n");

	put(f, head.data, head.len);
	if (body != NULL && req->method != METHOD_HEAD)
		put(f, body, bodylen);
	buf_free(&head);
}
