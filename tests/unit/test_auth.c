/*
 * Passwords, sessions, throttling, transactions and migrations against
 * the real MariaDB of the test stack ($LAUREL_TEST_CONFIG).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "clock.h"
#include "conf.h"
#include "db.h"
#include "migrate.h"
#include "str.h"
#include "tap.h"
#include "user.h"

#define HOUR	(3600LL * 1000000)

static struct config	*cfg;
static struct db	*db;
static char		 suffix[16];

static void
test_passwords(void)
{
	char	 hash[AUTH_HASH_LEN], long_pw[300], prefix[300];

	ok(auth_password_invalid("short") != NULL, "7 characters rejected");
	ok(auth_password_invalid("12345678") == NULL, "8 characters accepted");
	ok(auth_password_invalid("ααααααα") != NULL,
	    "7 Greek characters rejected although 14 bytes");
	ok(auth_password_invalid("\xc3\x28xxxxxxxx") != NULL,
	    "invalid UTF-8 rejected");

	memset(long_pw, 'p', 200);
	long_pw[200] = '\0';
	ok(auth_password_invalid(long_pw) == NULL, "200 characters accepted");
	ok(auth_hash_password(cfg, long_pw, hash) == 0, "long password hashed");
	ok(auth_verify_password(hash, long_pw), "long password verifies");
	memcpy(prefix, long_pw, 199);
	prefix[199] = '\0';
	ok(!auth_verify_password(hash, prefix),
	    "199-character prefix does not verify (no truncation)");
	ok(strncmp(hash, "$argon2id$", 10) == 0, "hash is Argon2id");
	ok(!auth_verify_password("", "anything"), "empty hash never matches");
}

static long long
make_user(const char *login, enum user_role role)
{
	struct user	 u;
	long long	 id = 0;

	memset(&u, 0, sizeof(u));
	snprintf(u.login, sizeof(u.login), "%s-%s", login, suffix);
	u.role = role;
	u.active = 1;
	auth_hash_password(cfg, "correct horse", u.password_hash);
	if (user_insert(db, &u, &id) != DB_OK)
		return 0;
	return id;
}

static void
test_users(void)
{
	struct user	 u;
	char		 login[64];
	long long	 id;

	id = make_user("ursula", ROLE_LEARNER);
	ok(id > 0, "user inserted");
	memset(&u, 0, sizeof(u));
	snprintf(u.login, sizeof(u.login), "URSULA-%s", suffix);
	u.role = ROLE_LEARNER;
	is_int(user_insert(db, &u, NULL), DB_DUPLICATE,
	    "login differing only in case is a duplicate");
	snprintf(login, sizeof(login), "ursula-%s", suffix);
	is_int(user_find_login(db, login, &u), DB_OK, "found by login");
	is_int(u.id, id, "same id");
	is_int(u.role, ROLE_LEARNER, "role kept");
	is_int(user_find_login(db, "nobody-at-all", &u), 1, "unknown login");
	ok(user_login_invalid(" lead") != NULL, "leading space rejected");
	ok(user_login_invalid("a\tb") != NULL, "control character rejected");
	ok(user_login_invalid("Ωμέγα") == NULL, "Greek login accepted");
	ok(user_login_invalid("bad login!") != NULL, "space and ! rejected");
	ok(user_login_invalid("ann.lee+x@example.org") == NULL,
	    "an e-mail address is a valid login");
}

static void
test_sessions(void)
{
	struct session	 s;
	char		 token[AUTH_TOKEN_LEN + 1], csrf[AUTH_TOKEN_LEN + 1];
	long long	 id = make_user("sam", ROLE_ADMIN);
	usec_t		 start;

	clock_parse_iso("2026-03-01T12:00:00Z", &start);
	clock_fix(start);
	is_int(session_create(db, cfg, id, 0, token, csrf), DB_OK,
	    "session created");
	is_int(strlen(token), AUTH_TOKEN_LEN, "token is 43 characters");
	is_int(session_load(db, cfg, token, &s), DB_OK, "session loads");
	is_int(s.user_id, id, "session user");
	is_str(s.csrf, csrf, "CSRF token stored");
	is_int(s.user.role, ROLE_ADMIN, "role from the user");

	clock_fix(start + (usec_t)cfg->session_idle_minutes * 60 * 1000000 -
	    1000000);
	is_int(session_load(db, cfg, token, &s), DB_OK,
	    "alive just before the idle timeout");
	clock_fix(start + 2 * (usec_t)cfg->session_idle_minutes * 60 *
	    1000000 - 2000000);
	is_int(session_load(db, cfg, token, &s), DB_OK,
	    "use refreshed the idle timeout");
	clock_fix(start + (usec_t)cfg->session_absolute_hours * HOUR + 1);
	is_int(session_load(db, cfg, token, &s), 1,
	    "absolute timeout ends the session");

	clock_fix(start);
	session_create(db, cfg, id, 0, token, csrf);
	clock_fix(start + (usec_t)cfg->session_idle_minutes * 60 * 1000000 +
	    1000000);
	is_int(session_load(db, cfg, token, &s), 1,
	    "idle timeout ends the session");

	clock_fix(start);
	session_create(db, cfg, id, 0, token, csrf);
	is_int(session_delete(db, token), DB_OK, "session deleted");
	is_int(session_load(db, cfg, token, &s), 1, "deleted session is gone");
	is_int(session_load(db, cfg, "short", &s), 1, "malformed token");
}

static void
test_throttle(void)
{
	char	 login[64], addr[64];
	usec_t	 start;
	int	 i;

	snprintf(login, sizeof(login), "victim-%s", suffix);
	snprintf(addr, sizeof(addr), "192.0.2.%d", (int)(suffix[0] % 200));
	clock_parse_iso("2026-03-01T12:00:00Z", &start);
	clock_fix(start);
	is_int(auth_throttle_check(db, cfg, login, addr), 0, "no wait at first");
	for (i = 0; i < cfg->throttle_account; i++)
		auth_throttle_fail(db, login, addr);
	ok(auth_throttle_check(db, cfg, login, addr) > 0,
	    "wait after the account limit");
	for (i = 0; i < 30; i++)
		auth_throttle_fail(db, login, addr);
	ok(auth_throttle_check(db, cfg, login, "198.51.100.1") <= 60,
	    "an account waits at most a minute");
	clock_fix(start + 16 * 60 * 1000000LL);
	is_int(auth_throttle_check(db, cfg, login, "198.51.100.1"), 0,
	    "failures are forgotten after 15 minutes");
	clock_fix(start);
	auth_throttle_clear(db, login);
	ok(auth_throttle_check(db, cfg, login, "198.51.100.2") == 0,
	    "cleared after a sign-in");
}

static int	 txn_runs;

static int
conflict_once(struct db *d, void *arg)
{
	(void)arg;
	txn_runs++;
	if (audit_record(d, 0, 0, "test_txn", "test", 0, suffix) != DB_OK)
		return DB_ERROR;
	return txn_runs == 1 ? DB_RETRY : DB_OK;
}

static int
fail_after_write(struct db *d, void *arg)
{
	(void)arg;
	if (audit_record(d, 0, 0, "test_rollback", "test", 0, suffix) != DB_OK)
		return DB_ERROR;
	return 7;
}

static long long
count_audit(const char *action)
{
	struct db_res	*res;
	long long	 n = -1;

	if (db_query(db, &res, "SELECT COUNT(*) FROM audit_log "
	    "WHERE action = ? AND details = ?", "ss", action, suffix) != DB_OK)
		return -1;
	if (db_next(res) == 1)
		n = db_int(res, 0);
	db_res_free(res);
	return n;
}

static void
test_transactions(void)
{
	txn_runs = 0;
	is_int(db_txn(db, conflict_once, NULL), DB_OK, "retried txn commits");
	is_int(txn_runs, 2, "function ran twice");
	is_int(count_audit("test_txn"), 1, "only the second run's row kept");
	is_int(db_txn(db, fail_after_write, NULL), 7, "own status returned");
	is_int(count_audit("test_rollback"), 0, "failed txn rolled back");
}

static void
test_migrations(void)
{
	char	 err[512];
	int	 before;

	before = migrate_current(db);
	ok(before >= 1, "schema migrated");
	is_int(migrate_run(db, cfg->db_migrations, 0, err, sizeof(err)), 0,
	    "migrate again succeeds");
	is_int(migrate_current(db), before, "and applies nothing");

	db_exec(db, "INSERT INTO schema_migrations (version, name, "
	    "applied_at) VALUES (9999, '9999_future.sql', NOW())", "");
	is_int(migrate_run(db, cfg->db_migrations, 0, err, sizeof(err)), -1,
	    "newer schema refused");
	ok(strstr(err, "9999") != NULL, "message names the version");
	db_exec(db, "DELETE FROM schema_migrations WHERE version = 9999", "");
}

int
main(void)
{
	const char	*path = getenv("LAUREL_TEST_CONFIG");
	char		 err[256];

	if (path == NULL) {
		printf("Bail out! LAUREL_TEST_CONFIG is not set\n");
		return 1;
	}
	if ((cfg = config_load(path, err, sizeof(err))) == NULL) {
		printf("Bail out! %s\n", err);
		return 1;
	}
	auth_init();
	db_library_init();
	clock_init("UTC");
	db = db_open(cfg);
	if (db_connect(db) != DB_OK) {
		printf("Bail out! cannot connect: %s\n", db_error(db));
		return 1;
	}
	auth_random_password(suffix, 8);

	test_passwords();
	test_users();
	test_sessions();
	test_throttle();
	test_transactions();
	test_migrations();

	db_close(db);
	config_free(cfg);
	return tap_done();
}
