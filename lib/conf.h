/*
 * Configuration: a subset of ClearSilver's HDF syntax, read without
 * ClearSilver so every program can use it.  Supported:
 *   Name.Key = value        value runs to the end of the line, trimmed
 *   Name { Key = value }    nested blocks, one assignment per line
 *   # comment               whole-line comments
 * Values cannot span lines.  Unknown keys are kept and ignored.
 */
#ifndef LAUREL_CONF_H
#define LAUREL_CONF_H

#include <stddef.h>

struct conf_entry {
	char	*name;
	char	*value;
};

/* Typed settings with defaults applied.  Paths are as written; relative
 * ones are relative to the working directory. */
struct config {
	char	*path;			/* the file this was read from */

	char	*site_name;		/* Site.Name */
	char	*site_base_url;		/* Site.BaseURL */
	char	*site_time_zone;	/* Site.TimeZone, an IANA name */

	char	*db_socket;		/* Database.Socket */
	char	*db_host;		/* Database.Host; "" uses the socket */
	int	 db_port;		/* Database.Port */
	char	*db_name;		/* Database.Name */
	char	*db_user;		/* Database.User */
	char	*db_password;		/* read from Database.PasswordFile */
	char	*db_migrations;		/* Database.Migrations, a folder */

	char	*server_socket;		/* Server.Socket */
	int	 server_socket_mode;	/* Server.SocketMode, octal */
	int	 server_workers;	/* Server.Workers; 0 is 2 per core */
	char	*server_pid_file;	/* Server.PidFile */
	char	*server_templates;	/* Server.Templates, a folder */
	char	*server_tmp_dir;	/* Server.TmpDir */
	int	 server_stop_seconds;	/* Server.StopSeconds */
	size_t	 server_page_cache_bytes; /* Server.PageCacheBytes, per worker;
					  * 0 turns the page cache off */

	char	*storage_dir;		/* Storage.Dir */
	int	 storage_export_days;	/* Storage.ExportDays */
	char	*worker_pid_file;	/* Worker.PidFile */
	int	 worker_lease_seconds;	/* Worker.LeaseSeconds */
	int	 worker_poll_ms;	/* Worker.PollMilliseconds */

	char	*mail_completion_template; /* Mail.CompletionTemplate */
	char	*mail_relay;		/* Mail.Relay, smtp:// or smtps://; "" off */
	char	*mail_from_name;	/* display name of Mail.From, may be "" */
	char	*mail_from_address;	/* address of Mail.From */
	char	*mail_user;		/* Mail.User; "" sends no AUTH */
	char	*mail_password_file;	/* Mail.PasswordFile, read by the worker */
	char	*mail_starttls;		/* Mail.StartTLS: required|optional|no */
	int	 mail_max_attempts;	/* Mail.MaxAttempts */
	int	 mail_retry_seconds;	/* Mail.RetrySeconds, the first back-off */
	int	 mail_timeout_seconds;	/* Mail.TimeoutSeconds, per message */

	int	 reports_csv_bom;	/* Reports.CsvByteOrderMark: yes 1, no 0 */

	size_t	 limit_body;		/* Limits.BodyBytes */
	size_t	 limit_fields;		/* Limits.Fields */
	size_t	 limit_name;		/* Limits.NameBytes */
	size_t	 limit_value;		/* Limits.ValueBytes */
	size_t	 limit_files;		/* Limits.Files */

	int	 session_idle_minutes;	/* Session.IdleMinutes */
	int	 session_absolute_hours; /* Session.AbsoluteHours */
	char	*session_secure_cookie;	/* Session.SecureCookie: auto|yes|no */

	unsigned long	 password_ops;	/* Auth.PasswordOps (Argon2id passes) */
	size_t		 password_mem;	/* Auth.PasswordMemoryKiB, as bytes */
	int	 throttle_account;	/* Auth.AccountFailures before delay */
	int	 throttle_address;	/* Auth.AddressFailures before delay */

	struct conf_entry	*entries;
	size_t			 nentries;
};

/*
 * Reads path into a new config.  Returns NULL on failure with a message
 * ("FILE:LINE: reason") in err.  Free the result with config_free().
 */
struct config	*config_load(const char *path, char *err, size_t errsz);

/* Returns the raw value of name, or NULL when it is not set. */
const char	*config_get(const struct config *, const char *name);

void		 config_free(struct config *);

/* Returns the config path from -c, else $LAUREL_CONFIG, else the
 * development default "conf/laurel.hdf". */
const char	*config_default_path(const char *from_option);

#endif
