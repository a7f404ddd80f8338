#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "conf.h"
#include "request.h"
#include "str.h"
#include "utf8.h"

void
request_limits(const struct config *cfg, struct form_limits *lim)
{
	lim->max_fields = cfg->limit_fields;
	lim->max_name = cfg->limit_name;
	lim->max_value = cfg->limit_value;
	lim->max_body = cfg->limit_body;
	lim->max_files = cfg->limit_files;
}

static enum http_method
parse_method(const char *m)
{
	if (strcmp(m, "GET") == 0)
		return METHOD_GET;
	if (strcmp(m, "HEAD") == 0)
		return METHOD_HEAD;
	if (strcmp(m, "POST") == 0)
		return METHOD_POST;
	return METHOD_OTHER;
}

const char *
request_param(const struct request *req, const char *name)
{
	return FCGX_GetParam(name, req->fcgi->envp);
}

/* Reader for the multipart parser: the FastCGI input stream. */
static ssize_t
read_stdin(void *ctx, char *buf, size_t len)
{
	FCGX_Stream	*in = ctx;
	int		 n;

	if (len > 65536)
		len = 65536;
	n = FCGX_GetStr(buf, (int)len, in);
	if (n < 0)
		return -1;
	return n;
}

/* Reads a whole urlencoded body of at most max bytes. */
static int
read_body(FCGX_Stream *in, size_t length, struct buf *body)
{
	char	 chunk[8192];
	int	 n;

	while (body->len < length) {
		n = FCGX_GetStr(chunk, (int)sizeof(chunk), in);
		if (n <= 0)
			break;
		if (buf_append(body, chunk, (size_t)n) == -1)
			return -1;
	}
	return 0;
}

static int
status_of(enum form_status st)
{
	switch (st) {
	case FORM_OK:
		return 200;
	case FORM_BAD:
		return 400;
	case FORM_TOO_LARGE:
		return 413;
	default:
		return 500;
	}
}

static int
read_form(struct request *req, const struct config *cfg,
    const struct form_limits *lim, struct form_error *err)
{
	const char	*type = request_param(req, "CONTENT_TYPE");
	const char	*lenstr = request_param(req, "CONTENT_LENGTH");
	struct buf	 body = { 0 };
	unsigned long	 length = 0;
	enum form_status st;
	char		*end;

	if (lenstr != NULL && *lenstr != '\0') {
		errno = 0;
		length = strtoul(lenstr, &end, 10);
		if (errno != 0 || *end != '\0') {
			snprintf(err->message, sizeof(err->message),
			    "invalid Content-Length");
			return 400;
		}
	}
	if (length > lim->max_body) {
		snprintf(err->message, sizeof(err->message),
		    "body larger than %zu bytes", lim->max_body);
		return 413;
	}
	if (type == NULL || length == 0)
		return 200;

	if (strncasecmp(type, "multipart/form-data", 19) == 0) {
		st = form_parse_multipart(read_stdin, req->fcgi->in, type,
		    cfg->server_tmp_dir, lim, &req->form, &req->files, err);
		return status_of(st);
	}
	if (strncasecmp(type, "application/x-www-form-urlencoded", 33) == 0) {
		if (read_body(req->fcgi->in, length, &body) == -1)
			return 500;
		st = form_parse_urlencoded(body.data ? body.data : "",
		    body.len, lim, &req->form, err);
		buf_free(&body);
		return status_of(st);
	}
	/* Other bodies are not read; no route accepts them. */
	return 200;
}

int
request_read(struct request *req, FCGX_Request *fcgi,
    const struct config *cfg, struct form_error *err)
{
	struct form_limits	 lim;
	const char		*v, *uri;
	enum form_status	 st;
	unsigned char		 raw[8];

	memset(req, 0, sizeof(*req));
	memset(err, 0, sizeof(*err));
	req->fcgi = fcgi;
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(req->id, sizeof(req->id), raw, sizeof(raw));
	request_limits(cfg, &lim);

	v = request_param(req, "REQUEST_METHOD");
	req->method_name = v != NULL ? v : "GET";
	req->method = parse_method(req->method_name);
	v = request_param(req, "REMOTE_ADDR");
	req->remote_addr = v != NULL ? v : "";
	v = request_param(req, "HTTPS");
	req->https = v != NULL && strcasecmp(v, "on") == 0;

	/* nginx passes the decoded, normalised path as DOCUMENT_URI. */
	uri = request_param(req, "DOCUMENT_URI");
	if (uri == NULL)
		uri = "/";
	if (!utf8_valid(uri, strlen(uri))) {
		snprintf(err->message, sizeof(err->message),
		    "the path is not valid UTF-8");
		req->path = strdup("/");
		return 400;
	}
	if ((req->path = strdup(uri)) == NULL)
		return 500;

	v = request_param(req, "QUERY_STRING");
	if (v != NULL && *v != '\0') {
		st = form_parse_urlencoded(v, strlen(v), &lim, &req->query,
		    err);
		if (st != FORM_OK)
			return status_of(st);
	}
	v = request_param(req, "HTTP_COOKIE");
	if (v != NULL && *v != '\0') {
		st = form_parse_cookies(v, &lim, &req->cookies, err);
		if (st != FORM_OK)
			return status_of(st);
	}
	if (req->method == METHOD_POST)
		return read_form(req, cfg, &lim, err);
	return 200;
}

const char *
request_query(const struct request *req, const char *name)
{
	return field_get(&req->query, name);
}

const char *
request_form(const struct request *req, const char *name)
{
	return field_get(&req->form, name);
}

const char *
request_cookie(const struct request *req, const char *name)
{
	return field_get(&req->cookies, name);
}

void
request_free(struct request *req)
{
	field_list_free(&req->query);
	field_list_free(&req->form);
	field_list_free(&req->cookies);
	upload_list_free(&req->files);
	free(req->path);
	req->path = NULL;
}
