/*
 * laurelctl: the operator's command.
 *
 *   laurelctl [-c config] migrate
 *   laurelctl [-c config] admin-init
 *   laurelctl [-c config] user add --login L --role admin|learner
 *       [--password-file F] [--first-name N] [--last-name N] [--email E]
 *   laurelctl [-c config] demo [--scale N]
 *   laurelctl [-c config] import oulad DIR [--base-date YYYY-MM-DD]
 *   laurelctl [-c config] import users|results|completions FILE
 *       [--admin LOGIN]
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "audit.h"
#include "auth.h"
#include "clock.h"
#include "conf.h"
#include "db.h"
#include "demo.h"
#include "import_bulk.h"
#include "import_oulad.h"
#include "log.h"
#include "migrate.h"
#include "str.h"
#include "user.h"

#define ADMIN_PASSWORD_LEN	20

static void
usage(void)
{
	fprintf(stderr,
	    "usage: laurelctl [-c config] migrate\n"
	    "       laurelctl [-c config] admin-init\n"
	    "       laurelctl [-c config] user add --login LOGIN "
	    "--role admin|learner\n"
	    "                 [--password-file FILE] [--first-name NAME] "
	    "[--last-name NAME] [--email EMAIL]\n"
	    "       laurelctl [-c config] demo [--scale LEARNERS]\n"
	    "       laurelctl [-c config] import oulad DIR "
	    "[--base-date YYYY-MM-DD]\n"
	    "       laurelctl [-c config] import users|results|completions "
	    "FILE [--admin LOGIN]\n");
}

static int
cmd_migrate(struct db *db, const struct config *cfg)
{
	char	 err[512];

	if (migrate_run(db, cfg->db_migrations, 1, err, sizeof(err)) == -1) {
		fprintf(stderr, "laurelctl: migrate: %s\n", err);
		return 1;
	}
	printf("schema is at version %d\n", migrate_current(db));
	return 0;
}

struct add_user {
	struct user	 user;
	long long	 id;
	int		 only_if_no_admin;
	int		 skipped;
};

static int
add_user_txn(struct db *db, void *arg)
{
	struct add_user	*a = arg;
	struct db_res	*res;
	int		 rc;

	a->skipped = 0;
	if (a->only_if_no_admin) {
		rc = db_query(db, &res, "SELECT id FROM users "
		    "WHERE role = 'admin' LIMIT 1", "");
		if (rc != DB_OK)
			return rc;
		rc = db_next(res);
		db_res_free(res);
		if (rc < 0)
			return rc;
		if (rc == 1) {
			a->skipped = 1;
			return DB_OK;
		}
	}
	if ((rc = user_insert(db, &a->user, &a->id)) != DB_OK)
		return rc;
	return audit_record(db, 0, 0, "user_create", "user", a->id,
	    "created with laurelctl");
}

/*
 * Creates the first administrator when there is none, and prints its
 * generated password once.  The unique login keeps two concurrent runs
 * from creating two.
 */
static int
cmd_admin_init(struct db *db, const struct config *cfg)
{
	struct add_user	 a;
	char		 password[ADMIN_PASSWORD_LEN + 1];
	int		 rc;

	memset(&a, 0, sizeof(a));
	a.only_if_no_admin = 1;
	str_copy(a.user.login, "admin", sizeof(a.user.login));
	str_copy(a.user.first_name, "Site", sizeof(a.user.first_name));
	str_copy(a.user.last_name, "Administrator", sizeof(a.user.last_name));
	a.user.role = ROLE_ADMIN;
	a.user.active = 1;
	auth_random_password(password, ADMIN_PASSWORD_LEN);
	if (auth_hash_password(cfg, password, a.user.password_hash) == -1) {
		fprintf(stderr, "laurelctl: out of memory hashing\n");
		return 1;
	}
	rc = db_txn(db, add_user_txn, &a);
	if (rc == DB_DUPLICATE || (rc == DB_OK && a.skipped))
		return 0;
	if (rc != DB_OK) {
		fprintf(stderr, "laurelctl: admin-init: %s\n", db_error(db));
		return 1;
	}
	printf("login: admin  password: %s\n", password);
	sodium_memzero(password, sizeof(password));
	return 0;
}

/* Reads a line without echo from the terminal. */
static int
prompt_secret(const char *prompt, char *out, size_t outsz)
{
	struct termios	 old, quiet;
	FILE		*tty;
	int		 ok;

	if ((tty = fopen("/dev/tty", "r+")) == NULL)
		return -1;
	fputs(prompt, tty);
	fflush(tty);
	tcgetattr(fileno(tty), &old);
	quiet = old;
	quiet.c_lflag &= ~(tcflag_t)ECHO;
	tcsetattr(fileno(tty), TCSAFLUSH, &quiet);
	ok = fgets(out, (int)outsz, tty) != NULL;
	tcsetattr(fileno(tty), TCSAFLUSH, &old);
	fputs("\n", tty);
	fclose(tty);
	if (!ok)
		return -1;
	out[strcspn(out, "\r\n")] = '\0';
	return 0;
}

static int
read_password(const char *file, char *out, size_t outsz)
{
	char	 again[4200];
	FILE	*f;

	if (file != NULL) {
		if ((f = fopen(file, "r")) == NULL) {
			fprintf(stderr, "laurelctl: %s: %s\n", file,
			    strerror(errno));
			return -1;
		}
		if (fgets(out, (int)outsz, f) == NULL)
			out[0] = '\0';
		fclose(f);
		out[strcspn(out, "\r\n")] = '\0';
		return 0;
	}
	if (prompt_secret("Password: ", out, outsz) == -1 ||
	    prompt_secret("Password again: ", again, sizeof(again)) == -1) {
		fprintf(stderr, "laurelctl: no terminal to ask for the "
		    "password: use --password-file\n");
		return -1;
	}
	if (strcmp(out, again) != 0) {
		fprintf(stderr, "laurelctl: the passwords differ\n");
		return -1;
	}
	sodium_memzero(again, sizeof(again));
	return 0;
}

static int
cmd_user_add(struct db *db, const struct config *cfg, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "login", required_argument, NULL, 'l' },
		{ "role", required_argument, NULL, 'r' },
		{ "password-file", required_argument, NULL, 'p' },
		{ "first-name", required_argument, NULL, 'f' },
		{ "last-name", required_argument, NULL, 'n' },
		{ "email", required_argument, NULL, 'e' },
		{ NULL, 0, NULL, 0 }
	};
	struct add_user	 a;
	const char	*login = NULL, *role = NULL, *pwfile = NULL, *why;
	char		 password[4200];
	int		 ch, rc;

	memset(&a, 0, sizeof(a));
	optind = 1;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'l': login = optarg; break;
		case 'r': role = optarg; break;
		case 'p': pwfile = optarg; break;
		case 'f': str_copy(a.user.first_name, optarg,
		    sizeof(a.user.first_name)); break;
		case 'n': str_copy(a.user.last_name, optarg,
		    sizeof(a.user.last_name)); break;
		case 'e': str_copy(a.user.email, optarg,
		    sizeof(a.user.email)); break;
		default: usage(); return 2;
		}
	}
	if (login == NULL || role == NULL) {
		usage();
		return 2;
	}
	if ((why = user_login_invalid(login)) != NULL) {
		fprintf(stderr, "laurelctl: --login: %s\n", why);
		return 2;
	}
	if ((a.user.role = user_role_parse(role)) == ROLE_NONE) {
		fprintf(stderr, "laurelctl: --role must be admin or learner\n");
		return 2;
	}
	if (read_password(pwfile, password, sizeof(password)) == -1)
		return 1;
	if ((why = auth_password_invalid(password)) != NULL) {
		fprintf(stderr, "laurelctl: %s\n", why);
		return 2;
	}
	str_copy(a.user.login, login, sizeof(a.user.login));
	a.user.active = 1;
	rc = auth_hash_password(cfg, password, a.user.password_hash);
	sodium_memzero(password, sizeof(password));
	if (rc == -1) {
		fprintf(stderr, "laurelctl: out of memory hashing\n");
		return 1;
	}
	rc = db_txn(db, add_user_txn, &a);
	if (rc == DB_DUPLICATE) {
		fprintf(stderr, "laurelctl: the login \"%s\" is taken\n", login);
		return 1;
	}
	if (rc != DB_OK) {
		fprintf(stderr, "laurelctl: user add: %s\n", db_error(db));
		return 1;
	}
	printf("created %s %s (id %lld)\n", role, login, a.id);
	return 0;
}

/* Prints the progress of demo --scale, one line per transaction. */
static void
demo_progress(const char *what, long long done, long long total, void *arg)
{
	(void)arg;
	fprintf(stderr, "%s %lld/%lld\n", what, done, total);
}

static int
demo_failed(int rc, struct db *db, const struct demo_contents *found)
{
	if (rc == DEMO_NOT_EMPTY)
		fprintf(stderr, "laurelctl: demo: the database already has "
		    "%lld certifications and course groups, %lld courses and "
		    "%lld learners; demo data goes only into an empty "
		    "database\n",
		    found->certifications, found->courses, found->learners);
	else if (rc == DB_DUPLICATE)
		fprintf(stderr, "laurelctl: demo: a name, login or course code "
		    "of the demo data is taken (%s); demo data goes only into "
		    "an empty database\n", db_error(db));
	else
		fprintf(stderr, "laurelctl: demo: %s\n", db_error(db));
	return 1;
}

/* Parses the --scale value: a whole number of learners in range. */
static long long
parse_scale(const char *text)
{
	char		*end;
	long long	 n;

	errno = 0;
	n = strtoll(text, &end, 10);
	if (errno != 0 || end == text || *end != '\0' || n < 1 ||
	    n > DEMO_SCALE_MAX) {
		fprintf(stderr, "laurelctl: --scale must be a whole number of "
		    "learners from 1 to %d, not \"%s\"\n", DEMO_SCALE_MAX, text);
		return -1;
	}
	return n;
}

/*
 * Loads the small demo and prints each learner's password once, or with
 * --scale generates a data set for benchmarks and reports its progress
 * and duration on stderr.
 */
static int
cmd_demo(struct db *db, const struct config *cfg, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "scale", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	struct demo_account	 accounts[DEMO_LEARNERS];
	struct demo_contents	 found;
	struct timespec		 start, end;
	long long		 scale = 0;
	int			 ch, i, rc;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch != 's') {
			usage();
			return 2;
		}
		if ((scale = parse_scale(optarg)) == -1)
			return 2;
	}
	if (optind != argc) {
		usage();
		return 2;
	}

	if (scale == 0) {
		rc = demo_load(db, cfg, accounts, &found);
		if (rc != DB_OK)
			return demo_failed(rc, db, &found);
		for (i = 0; i < DEMO_LEARNERS; i++)
			printf("login: %s  password: %s\n", accounts[i].login,
			    accounts[i].password);
		sodium_memzero(accounts, sizeof(accounts));
		return 0;
	}

	clock_gettime(CLOCK_MONOTONIC, &start);
	rc = demo_load_scale(db, cfg, scale, demo_progress, NULL, &found);
	if (rc != DB_OK)
		return demo_failed(rc, db, &found);
	clock_gettime(CLOCK_MONOTONIC, &end);
	fprintf(stderr, "generated the data of %lld learners in %.1f s\n",
	    scale, (double)(end.tv_sec - start.tv_sec) +
	    (double)(end.tv_nsec - start.tv_nsec) / 1e9);
	return 0;
}

int
main(int argc, char *argv[])
{
	struct config	*cfg;
	struct db	*db;
	const char	*conf_path = NULL;
	char		 err[512];
	int		 rc = 2;

	if (argc >= 3 && strcmp(argv[1], "-c") == 0) {
		conf_path = argv[2];
		argc -= 2;
		argv += 2;
	}
	if (argc < 2) {
		usage();
		return 2;
	}
	log_init("laurelctl");
	if ((cfg = config_load(config_default_path(conf_path), err,
	    sizeof(err))) == NULL) {
		fprintf(stderr, "laurelctl: %s\n", err);
		return 1;
	}
	if (clock_init(cfg->site_time_zone) == -1 || auth_init() == -1 ||
	    db_library_init() == -1) {
		fprintf(stderr, "laurelctl: invalid LAUREL_NOW or "
		    "Site.TimeZone, or libraries failed to start\n");
		config_free(cfg);
		return 1;
	}
	if ((db = db_open(cfg)) == NULL || db_connect(db) != DB_OK) {
		fprintf(stderr, "laurelctl: cannot connect to the database: "
		    "%s\n", db ? db_error(db) : "out of memory");
		db_close(db);
		config_free(cfg);
		return 1;
	}

	if (strcmp(argv[1], "migrate") == 0 && argc == 2)
		rc = cmd_migrate(db, cfg);
	else if (strcmp(argv[1], "admin-init") == 0 && argc == 2)
		rc = cmd_admin_init(db, cfg);
	else if (strcmp(argv[1], "user") == 0 && argc >= 3 &&
	    strcmp(argv[2], "add") == 0)
		rc = cmd_user_add(db, cfg, argc - 2, argv + 2);
	else if (strcmp(argv[1], "demo") == 0)
		rc = cmd_demo(db, cfg, argc - 1, argv + 1);
	else if (strcmp(argv[1], "import") == 0 && argc >= 3 &&
	    strcmp(argv[2], "oulad") == 0)
		rc = cmd_import_oulad(db, argc - 2, argv + 2);
	else if (strcmp(argv[1], "import") == 0 && argc >= 3)
		rc = cmd_import_bulk(db, cfg, argc - 2, argv + 2);
	else
		usage();

	db_close(db);
	config_free(cfg);
	db_library_end();
	return rc;
}
