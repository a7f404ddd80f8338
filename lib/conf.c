#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "conf.h"
#include "mailmsg.h"
#include "str.h"

#define MAX_DEPTH	8
#define MAX_LINE	4096

struct parser {
	struct config	*cfg;
	const char	*path;
	int		 line;
	char		*prefix[MAX_DEPTH];
	int		 depth;
	char		*err;
	size_t		 errsz;
};

static char *
trim(char *s)
{
	char	*end;

	while (isspace((unsigned char)*s))
		s++;
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		*--end = '\0';
	return s;
}

static int
valid_name(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (!isalnum((unsigned char)*s) && *s != '_' && *s != '.' &&
		    *s != '-')
			return 0;
	return 1;
}

static int
fail(struct parser *p, const char *why)
{
	snprintf(p->err, p->errsz, "%s:%d: %s", p->path, p->line, why);
	return -1;
}

/* Sets name (prefixed by the open blocks) to value; a later assignment of
 * the same name replaces the earlier one. */
static int
set_entry(struct parser *p, const char *name, const char *value)
{
	struct config		*cfg = p->cfg;
	struct conf_entry	*e;
	struct buf		 full = { 0 };
	size_t			 i;
	int			 d;

	for (d = 0; d < p->depth; d++) {
		buf_puts(&full, p->prefix[d]);
		buf_puts(&full, ".");
	}
	if (buf_puts(&full, name) == -1)
		return fail(p, "out of memory");

	for (i = 0; i < cfg->nentries; i++) {
		if (strcmp(cfg->entries[i].name, full.data) == 0) {
			free(cfg->entries[i].value);
			cfg->entries[i].value = strdup(value);
			buf_free(&full);
			return cfg->entries[i].value ? 0 : fail(p, "out of memory");
		}
	}
	e = reallocarray(cfg->entries, cfg->nentries + 1, sizeof(*e));
	if (e == NULL) {
		buf_free(&full);
		return fail(p, "out of memory");
	}
	cfg->entries = e;
	e[cfg->nentries].name = full.data;
	e[cfg->nentries].value = strdup(value);
	if (e[cfg->nentries].value == NULL)
		return fail(p, "out of memory");
	cfg->nentries++;
	return 0;
}

static int
parse_line(struct parser *p, char *raw)
{
	char	*s = trim(raw), *eq, *name;

	if (*s == '\0' || *s == '#')
		return 0;
	if (strcmp(s, "}") == 0) {
		if (p->depth == 0)
			return fail(p, "'}' without an open block");
		free(p->prefix[--p->depth]);
		return 0;
	}
	if ((eq = strchr(s, '=')) != NULL) {
		*eq = '\0';
		name = trim(s);
		if (!valid_name(name))
			return fail(p, "invalid name before '='");
		return set_entry(p, name, trim(eq + 1));
	}
	if (s[strlen(s) - 1] == '{') {
		s[strlen(s) - 1] = '\0';
		name = trim(s);
		if (!valid_name(name))
			return fail(p, "invalid block name before '{'");
		if (p->depth == MAX_DEPTH)
			return fail(p, "blocks nested too deep");
		if ((p->prefix[p->depth] = strdup(name)) == NULL)
			return fail(p, "out of memory");
		p->depth++;
		return 0;
	}
	return fail(p, "expected 'Name = value', 'Name {' or '}'");
}

static long
get_long(const struct config *cfg, const char *name, long def, int base,
    int *bad)
{
	const char	*v = config_get(cfg, name);
	char		*end;
	long		 n;

	if (v == NULL || *v == '\0')
		return def;
	errno = 0;
	n = strtol(v, &end, base);
	if (errno != 0 || *end != '\0' || n < 0) {
		*bad = 1;
		return def;
	}
	return n;
}

static char *
get_str(const struct config *cfg, const char *name, const char *def)
{
	const char	*v = config_get(cfg, name);

	return strdup(v != NULL ? v : def);
}

/* Reads the first line of a password file, without its line end. */
static char *
read_secret(const char *path, char *err, size_t errsz)
{
	FILE	*f;
	char	 line[512];

	if ((f = fopen(path, "r")) == NULL) {
		snprintf(err, errsz, "%s: cannot open Database.PasswordFile: "
		    "%s", path, strerror(errno));
		return NULL;
	}
	if (fgets(line, sizeof(line), f) == NULL)
		line[0] = '\0';
	fclose(f);
	line[strcspn(line, "\r\n")] = '\0';
	return strdup(line);
}

/*
 * Reads the Mail.* settings.  Mail.From is checked even when Mail.Relay is
 * empty, so a mistake shows when the file is read and not when delivery
 * is switched on.  Returns 0, or -1 with a message in err.
 */
static int
apply_mail(struct config *cfg, int *bad, char *err, size_t errsz)
{
	const char	*from = config_get(cfg, "Mail.From");
	char		 name[256], address[MAILMSG_ADDRESS_MAX + 1];

	cfg->mail_completion_template = get_str(cfg, "Mail.CompletionTemplate",
	    "conf/completion-email.txt");
	cfg->mail_relay = get_str(cfg, "Mail.Relay", "");
	cfg->mail_user = get_str(cfg, "Mail.User", "");
	cfg->mail_password_file = get_str(cfg, "Mail.PasswordFile", "");
	cfg->mail_starttls = get_str(cfg, "Mail.StartTLS", "required");
	cfg->mail_max_attempts = (int)get_long(cfg, "Mail.MaxAttempts", 8, 10,
	    bad);
	cfg->mail_retry_seconds = (int)get_long(cfg, "Mail.RetrySeconds", 300,
	    10, bad);
	cfg->mail_timeout_seconds = (int)get_long(cfg, "Mail.TimeoutSeconds",
	    60, 10, bad);

	if (from == NULL || *from == '\0') {
		name[0] = '\0';
		address[0] = '\0';
	} else if (mailmsg_parse_from(from, name, sizeof(name), address,
	    sizeof(address)) == -1) {
		snprintf(err, errsz, "%s: Mail.From must be an address, or a "
		    "name followed by <address>, as in Laurel "
		    "<laurel@example.org>", cfg->path);
		return -1;
	}
	cfg->mail_from_name = strdup(name);
	cfg->mail_from_address = strdup(address);

	if (cfg->mail_relay[0] == '\0')
		return 0;
	if (strncmp(cfg->mail_relay, "smtp://", 7) != 0 &&
	    strncmp(cfg->mail_relay, "smtps://", 8) != 0) {
		snprintf(err, errsz, "%s: Mail.Relay must start with smtp:// "
		    "or smtps://, or be empty", cfg->path);
		return -1;
	}
	if (strchr(cfg->mail_relay, '@') != NULL) {
		snprintf(err, errsz, "%s: Mail.Relay must not contain a user "
		    "name or password: set Mail.User and Mail.PasswordFile",
		    cfg->path);
		return -1;
	}
	if (address[0] == '\0') {
		snprintf(err, errsz, "%s: Mail.From is required when "
		    "Mail.Relay is set", cfg->path);
		return -1;
	}
	if (strcmp(cfg->mail_starttls, "required") != 0 &&
	    strcmp(cfg->mail_starttls, "optional") != 0 &&
	    strcmp(cfg->mail_starttls, "no") != 0) {
		snprintf(err, errsz, "%s: Mail.StartTLS must be required, "
		    "optional or no", cfg->path);
		return -1;
	}
	if (cfg->mail_max_attempts < 1 || cfg->mail_retry_seconds < 1 ||
	    cfg->mail_timeout_seconds < 1) {
		snprintf(err, errsz, "%s: Mail.MaxAttempts, Mail.RetrySeconds "
		    "and Mail.TimeoutSeconds must be at least 1", cfg->path);
		return -1;
	}
	return 0;
}

static int
apply_typed(struct config *cfg, char *err, size_t errsz)
{
	const char	*pwfile, *v;
	int		 bad = 0;

	cfg->site_name = get_str(cfg, "Site.Name", "Laurel");
	cfg->site_base_url = get_str(cfg, "Site.BaseURL",
	    "http://127.0.0.1:8080");
	cfg->site_time_zone = get_str(cfg, "Site.TimeZone", "UTC");

	cfg->db_socket = get_str(cfg, "Database.Socket", "var/run/mysqld.sock");
	cfg->db_host = get_str(cfg, "Database.Host", "");
	cfg->db_port = (int)get_long(cfg, "Database.Port", 3306, 10, &bad);
	cfg->db_name = get_str(cfg, "Database.Name", "laurel");
	cfg->db_user = get_str(cfg, "Database.User", "root");
	cfg->db_migrations = get_str(cfg, "Database.Migrations", "sql");
	pwfile = config_get(cfg, "Database.PasswordFile");
	if (pwfile != NULL && *pwfile != '\0') {
		cfg->db_password = read_secret(pwfile, err, errsz);
		if (cfg->db_password == NULL)
			return -1;
	}

	cfg->server_socket = get_str(cfg, "Server.Socket",
	    "var/run/laurel-fcgi.sock");
	cfg->server_socket_mode = (int)get_long(cfg, "Server.SocketMode",
	    0660, 8, &bad);
	cfg->server_workers = (int)get_long(cfg, "Server.Workers", 0, 10, &bad);
	cfg->server_pid_file = get_str(cfg, "Server.PidFile",
	    "var/run/laurel-fcgi.pid");
	cfg->server_templates = get_str(cfg, "Server.Templates", "templates");
	cfg->server_tmp_dir = get_str(cfg, "Server.TmpDir", "var/tmp");
	cfg->server_stop_seconds = (int)get_long(cfg, "Server.StopSeconds",
	    30, 10, &bad);
	cfg->server_page_cache_bytes = (size_t)get_long(cfg,
	    "Server.PageCacheBytes", 32 * 1024 * 1024, 10, &bad);
	cfg->storage_dir = get_str(cfg, "Storage.Dir", "var/storage");
	cfg->storage_export_days = (int)get_long(cfg, "Storage.ExportDays", 7,
	    10, &bad);
	cfg->worker_pid_file = get_str(cfg, "Worker.PidFile",
	    "var/run/laurel-worker.pid");
	cfg->worker_lease_seconds = (int)get_long(cfg, "Worker.LeaseSeconds",
	    60, 10, &bad);
	cfg->worker_poll_ms = (int)get_long(cfg, "Worker.PollMilliseconds",
	    100, 10, &bad);
	if (apply_mail(cfg, &bad, err, errsz) == -1)
		return -1;
	v = config_get(cfg, "Reports.CsvByteOrderMark");
	if (v == NULL || *v == '\0' || strcmp(v, "yes") == 0)
		cfg->reports_csv_bom = 1;
	else if (strcmp(v, "no") == 0)
		cfg->reports_csv_bom = 0;
	else {
		snprintf(err, errsz, "%s: Reports.CsvByteOrderMark must be yes "
		    "or no, not \"%s\"", cfg->path, v);
		return -1;
	}

	cfg->limit_body = (size_t)get_long(cfg, "Limits.BodyBytes",
	    10 * 1024 * 1024, 10, &bad);
	cfg->limit_fields = (size_t)get_long(cfg, "Limits.Fields", 200, 10,
	    &bad);
	cfg->limit_name = (size_t)get_long(cfg, "Limits.NameBytes", 128, 10,
	    &bad);
	cfg->limit_value = (size_t)get_long(cfg, "Limits.ValueBytes", 262144,
	    10, &bad);
	cfg->limit_files = (size_t)get_long(cfg, "Limits.Files", 10, 10, &bad);

	cfg->session_idle_minutes = (int)get_long(cfg, "Session.IdleMinutes",
	    120, 10, &bad);
	cfg->session_absolute_hours = (int)get_long(cfg,
	    "Session.AbsoluteHours", 12, 10, &bad);
	cfg->session_secure_cookie = get_str(cfg, "Session.SecureCookie",
	    "auto");

	cfg->password_ops = (unsigned long)get_long(cfg, "Auth.PasswordOps",
	    crypto_pwhash_OPSLIMIT_INTERACTIVE, 10, &bad);
	cfg->password_mem = (size_t)get_long(cfg, "Auth.PasswordMemoryKiB",
	    crypto_pwhash_MEMLIMIT_INTERACTIVE / 1024, 10, &bad) * 1024;
	cfg->throttle_account = (int)get_long(cfg, "Auth.AccountFailures", 5,
	    10, &bad);
	cfg->throttle_address = (int)get_long(cfg, "Auth.AddressFailures", 50,
	    10, &bad);

	if (bad) {
		snprintf(err, errsz, "%s: a numeric setting is not a "
		    "non-negative number", cfg->path);
		return -1;
	}
	if (cfg->worker_lease_seconds < 5 || cfg->worker_poll_ms < 1) {
		snprintf(err, errsz, "%s: Worker.LeaseSeconds must be at least "
		    "5 and Worker.PollMilliseconds at least 1", cfg->path);
		return -1;
	}
	if (cfg->limit_fields == 0 || cfg->limit_name == 0 ||
	    cfg->limit_value == 0 || cfg->limit_body == 0 ||
	    cfg->limit_files == 0) {
		snprintf(err, errsz, "%s: Limits.* settings must be above 0",
		    cfg->path);
		return -1;
	}
	return 0;
}

struct config *
config_load(const char *path, char *err, size_t errsz)
{
	struct parser	 p = { 0 };
	FILE		*f;
	char		 line[MAX_LINE];
	int		 rc = 0;

	if ((p.cfg = calloc(1, sizeof(*p.cfg))) == NULL) {
		snprintf(err, errsz, "out of memory");
		return NULL;
	}
	p.path = path;
	p.err = err;
	p.errsz = errsz;
	p.cfg->path = strdup(path);

	if ((f = fopen(path, "r")) == NULL) {
		snprintf(err, errsz, "%s: cannot open: %s", path,
		    strerror(errno));
		config_free(p.cfg);
		return NULL;
	}
	while (rc == 0 && fgets(line, sizeof(line), f) != NULL) {
		p.line++;
		if (strchr(line, '\n') == NULL && !feof(f))
			rc = fail(&p, "line longer than 4095 bytes");
		else
			rc = parse_line(&p, line);
	}
	fclose(f);
	if (rc == 0 && p.depth > 0)
		rc = fail(&p, "block not closed with '}'");
	while (p.depth > 0)
		free(p.prefix[--p.depth]);
	if (rc == 0)
		rc = apply_typed(p.cfg, err, errsz);
	if (rc != 0) {
		config_free(p.cfg);
		return NULL;
	}
	return p.cfg;
}

const char *
config_get(const struct config *cfg, const char *name)
{
	size_t	 i;

	for (i = 0; i < cfg->nentries; i++)
		if (strcmp(cfg->entries[i].name, name) == 0)
			return cfg->entries[i].value;
	return NULL;
}

void
config_free(struct config *cfg)
{
	size_t	 i;

	if (cfg == NULL)
		return;
	for (i = 0; i < cfg->nentries; i++) {
		free(cfg->entries[i].name);
		free(cfg->entries[i].value);
	}
	free(cfg->entries);
	free(cfg->path);
	free(cfg->site_name);
	free(cfg->site_base_url);
	free(cfg->site_time_zone);
	free(cfg->db_socket);
	free(cfg->db_host);
	free(cfg->db_name);
	free(cfg->db_user);
	if (cfg->db_password != NULL)
		sodium_memzero(cfg->db_password, strlen(cfg->db_password));
	free(cfg->db_password);
	free(cfg->db_migrations);
	free(cfg->server_socket);
	free(cfg->server_pid_file);
	free(cfg->server_templates);
	free(cfg->server_tmp_dir);
	free(cfg->storage_dir);
	free(cfg->worker_pid_file);
	free(cfg->mail_completion_template);
	free(cfg->mail_relay);
	free(cfg->mail_from_name);
	free(cfg->mail_from_address);
	free(cfg->mail_user);
	free(cfg->mail_password_file);
	free(cfg->mail_starttls);
	free(cfg->session_secure_cookie);
	free(cfg);
}

const char *
config_default_path(const char *from_option)
{
	const char	*env;

	if (from_option != NULL)
		return from_option;
	if ((env = getenv("LAUREL_CONFIG")) != NULL && *env != '\0')
		return env;
	return "conf/laurel.hdf";
}
