/*
 * The Imports page: an administrator uploads a CSV file of users, course
 * results or certification completions, gets a preview with every row's
 * errors and the counts the import would reach, and confirms.
 *
 * Between preview and confirmation the file is kept under Server.TmpDir
 * as import-USER-KIND-TOKEN.csv, where TOKEN is random and USER the
 * administrator's id, so only the administrator who previewed it can
 * confirm it and the confirmed file is exactly the previewed one.
 * Confirming removes it; files left by abandoned previews are removed by
 * the next preview once they are a day old.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "auth.h"
#include "bulk.h"
#include "conf.h"
#include "db.h"
#include "log.h"
#include "pages.h"
#include "request.h"
#include "response.h"
#include "view.h"

/* Previews older than this are removed (seconds). */
#define PREVIEW_MAX_AGE		(24 * 60 * 60)
/* Bytes of an import file; nginx's client_max_body_size limits uploads
 * first. */
#define IMPORT_FILE_MAX		(64L * 1024 * 1024)

static const char *const kind_titles[] = { "Users", "Course results",
	"Certification completions" };

/* Lists the columns of every kind for the upload forms, under the view
 * names in the order of enum bulk_kind. */
static void
set_columns(struct view *v)
{
	static const char *const lists[] = { "Kinds.users.Columns",
		"Kinds.results.Columns", "Kinds.completions.Columns" };
	const char *const	*names;
	const int		*required;
	size_t			 n, i;
	int			 kind;

	for (kind = BULK_USERS; kind <= BULK_COMPLETIONS; kind++) {
		names = bulk_columns((enum bulk_kind)kind, &required, &n);
		for (i = 0; i < n; i++) {
			view_set_item(v, lists[kind], (int)i, "Name", names[i]);
			view_set_int_item(v, lists[kind], (int)i, "Required",
			    required[i]);
		}
	}
}

static int
show_imports(struct ctx *ctx, int status)
{
	page_common(ctx, "admin", "Imports");
	set_columns(ctx->resp->view);
	ctx->resp->page = "admin/imports.cs";
	return status;
}

int
page_imports(struct ctx *ctx)
{
	return show_imports(ctx, 200);
}

/* ------------------------------------------------------------ files */

static int
token_valid(const char *t)
{
	size_t	 i;

	if (t == NULL || strlen(t) != AUTH_TOKEN_LEN)
		return 0;
	for (i = 0; i < AUTH_TOKEN_LEN; i++)
		if (!((t[i] >= 'A' && t[i] <= 'Z') || (t[i] >= 'a' &&
		    t[i] <= 'z') || (t[i] >= '0' && t[i] <= '9') ||
		    t[i] == '-' || t[i] == '_'))
			return 0;
	return 1;
}

static void
preview_path(struct ctx *ctx, enum bulk_kind kind, const char *token,
    char *out, size_t outsz)
{
	snprintf(out, outsz, "%s/import-%lld-%s-%s.csv",
	    ctx->cfg->server_tmp_dir, ctx->req->session.user_id,
	    bulk_kind_name(kind), token);
}

/* Reads a whole file of at most IMPORT_FILE_MAX bytes into *out (freed
 * by the caller).  Returns 0, 1 when it is too large or missing, or -1. */
static int
slurp(const char *path, char **out, size_t *len)
{
	struct stat	 st;
	char		*data;
	ssize_t		 got;
	size_t		 n = 0;
	int		 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return errno == ENOENT ? 1 : -1;
	if (fstat(fd, &st) == -1 || st.st_size > IMPORT_FILE_MAX) {
		close(fd);
		return 1;
	}
	if ((data = malloc((size_t)st.st_size + 1)) == NULL) {
		close(fd);
		return -1;
	}
	while (n < (size_t)st.st_size &&
	    (got = read(fd, data + n, (size_t)st.st_size - n)) > 0)
		n += (size_t)got;
	close(fd);
	data[n] = '\0';
	*out = data;
	*len = n;
	return 0;
}

/* Writes the previewed file for the confirmation, readable only by the
 * server.  Returns 0 or -1. */
static int
keep_file(const char *path, const char *data, size_t len)
{
	ssize_t	 put;
	size_t	 n = 0;
	int	 fd;

	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd == -1)
		return -1;
	while (n < len && (put = write(fd, data + n, len - n)) > 0)
		n += (size_t)put;
	if (close(fd) == -1 || n < len) {
		unlink(path);
		return -1;
	}
	return 0;
}

/* Removes previews of any administrator older than PREVIEW_MAX_AGE. */
static void
remove_old_previews(const char *dir)
{
	struct dirent	*e;
	struct stat	 st;
	char		 path[4096];
	DIR		*d;
	time_t		 now = time(NULL);

	if ((d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, "import-", 7) != 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (stat(path, &st) == 0 && now - st.st_mtime > PREVIEW_MAX_AGE)
			unlink(path);
	}
	closedir(d);
}

/* ---------------------------------------------------------- preview */

static void
set_report(struct view *v, const struct bulk_report *rep)
{
	size_t	 i;

	view_set(v, "Report.Separator", rep->separator == ';' ?
	    "semicolon (;)" : "comma (,)");
	view_set_int(v, "Report.Bom", rep->bom);
	view_set_int(v, "Report.Rows", rep->rows);
	view_set_int(v, "Report.Created", rep->created);
	view_set_int(v, "Report.Updated", rep->updated);
	view_set_int(v, "Report.Unchanged", rep->unchanged);
	view_set_int(v, "Report.ErrorsTotal", rep->errors_total);
	view_set_int(v, "Report.ErrorsHidden", rep->errors_total -
	    (long)rep->n_errors);
	for (i = 0; i < rep->n_errors; i++) {
		view_set_int_item(v, "Errors", (int)i, "Line",
		    rep->errors[i].line);
		view_set_item(v, "Errors", (int)i, "Field",
		    rep->errors[i].field);
		view_set_item(v, "Errors", (int)i, "Message",
		    rep->errors[i].message);
	}
}

static int
show_preview(struct ctx *ctx, enum bulk_kind kind, const char *file_name,
    const struct bulk_report *rep, const char *token, int status)
{
	struct view	*v = ctx->resp->view;

	page_common(ctx, "admin", "Import preview");
	view_set(v, "Import.Kind", bulk_kind_name(kind));
	view_set(v, "Import.Title", kind_titles[kind]);
	view_set(v, "Import.FileName", file_name);
	if (token != NULL)
		view_set(v, "Import.Token", token);
	set_report(v, rep);
	set_columns(v);
	ctx->resp->page = "admin/import_preview.cs";
	return status;
}

/* Returns the uploaded file of the form, or NULL. */
static const struct upload *
uploaded_file(const struct request *req)
{
	size_t	 i;

	for (i = 0; i < req->files.count; i++)
		if (strcmp(req->files.items[i].field, "file") == 0 &&
		    (req->files.items[i].filename[0] != '\0' ||
		    req->files.items[i].size > 0))
			return &req->files.items[i];
	return NULL;
}

static int
upload_missing(struct ctx *ctx, const char *message)
{
	page_flash_next(ctx, "error", message);
	response_redirect(ctx->resp, "/admin/imports");
	return 303;
}

int
page_import_preview(struct ctx *ctx)
{
	struct request		*req = ctx->req;
	const struct upload	*up = uploaded_file(req);
	struct bulk_report	 rep;
	const char		*name;
	char			*data, token[AUTH_TOKEN_LEN + 1], path[4096];
	size_t			 len;
	int			 kind, rc;

	if ((kind = bulk_kind_parse(request_form(req, "kind"))) < 0)
		return 400;
	if (up == NULL)
		return upload_missing(ctx, "No file was chosen. Choose a CSV "
		    "file, then select Preview.");
	if ((rc = slurp(up->path, &data, &len)) != 0)
		return rc == 1 ? 413 : 500;
	name = up->filename[0] ? up->filename : "upload.csv";

	rc = bulk_import(ctx->db, ctx->cfg, (enum bulk_kind)kind, data, len,
	    name, 0, req->session.user_id, req->session.impersonator_id, &rep);
	if (rc == BULK_PREVIEWED) {
		remove_old_previews(ctx->cfg->server_tmp_dir);
		auth_random_token(token);
		preview_path(ctx, (enum bulk_kind)kind, token, path,
		    sizeof(path));
		if (keep_file(path, data, len) == -1) {
			log_error("cannot write %s: %s", path,
			    strerror(errno));
			rc = 500;
		} else
			rc = show_preview(ctx, (enum bulk_kind)kind, name, &rep,
			    token, 200);
	} else if (rc == BULK_INVALID)
		rc = show_preview(ctx, (enum bulk_kind)kind, name, &rep, NULL,
		    400);
	else
		rc = 503;
	free(data);
	bulk_report_free(&rep);
	return rc;
}

/* ---------------------------------------------------------- confirm */

int
page_import_confirm(struct ctx *ctx)
{
	struct request		*req = ctx->req;
	struct bulk_report	 rep;
	const char		*token = request_form(req, "token");
	const char		*name = request_form(req, "file_name");
	char			*data, path[4096], message[400];
	size_t			 len;
	int			 kind, rc;

	if ((kind = bulk_kind_parse(request_form(req, "kind"))) < 0 ||
	    !token_valid(token))
		return 400;
	if (name == NULL || name[0] == '\0')
		name = "upload.csv";
	preview_path(ctx, (enum bulk_kind)kind, token, path, sizeof(path));
	if ((rc = slurp(path, &data, &len)) == 1)
		return upload_missing(ctx, "Nothing was imported: the preview "
		    "was already imported or is more than a day old. Upload "
		    "the file again.");
	if (rc != 0)
		return 500;

	rc = bulk_import(ctx->db, ctx->cfg, (enum bulk_kind)kind, data, len,
	    name, 1, req->session.user_id, req->session.impersonator_id, &rep);
	free(data);
	if (rc == DB_OK || rc == BULK_INVALID)
		unlink(path);
	if (rc == DB_OK) {
		snprintf(message, sizeof(message), "Imported %ld rows of %s "
		    "from %.200s: %ld created, %ld updated, %ld unchanged.",
		    rep.rows, bulk_kind_name((enum bulk_kind)kind), name,
		    rep.created, rep.updated, rep.unchanged);
		page_flash_next(ctx, "success", message);
		response_redirect(ctx->resp, "/admin/imports");
		rc = 303;
	} else if (rc == BULK_INVALID)
		/* The data changed since the preview, e.g. a login was
		 * taken meanwhile. */
		rc = show_preview(ctx, (enum bulk_kind)kind, name, &rep, NULL,
		    409);
	else
		rc = 503;
	bulk_report_free(&rep);
	return rc;
}
