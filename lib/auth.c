#include "config.h"

#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "auth.h"
#include "clock.h"
#include "conf.h"
#include "db.h"
#include "str.h"
#include "utf8.h"

#define THROTTLE_WINDOW_SEC	(15 * 60)
#define ACCOUNT_MAX_WAIT_SEC	60	/* keeps a real user's wait short */
#define ADDRESS_MAX_WAIT_SEC	(15 * 60)

static char	 dummy_hash[AUTH_HASH_LEN];

int
auth_init(void)
{
	return sodium_init() < 0 ? -1 : 0;
}

const char *
auth_password_invalid(const char *password)
{
	size_t			 len = strlen(password), chars = 0;
	const unsigned char	*p;

	if (!utf8_valid(password, len))
		return "The password contains invalid characters.";
	for (p = (const unsigned char *)password; *p != '\0'; p++)
		if ((*p & 0xc0) != 0x80)
			chars++;
	if (chars < AUTH_PASSWORD_MIN)
		return "The password must be at least 8 characters long.";
	if (chars > AUTH_PASSWORD_MAX)
		return "The password must be at most 1024 characters long.";
	return NULL;
}

int
auth_hash_password(const struct config *cfg, const char *password,
    char out[AUTH_HASH_LEN])
{
	char	 hash[crypto_pwhash_STRBYTES];

	if (crypto_pwhash_str_alg(hash, password, strlen(password),
	    cfg->password_ops, cfg->password_mem,
	    crypto_pwhash_ALG_ARGON2ID13) != 0)
		return -1;
	str_copy(out, hash, AUTH_HASH_LEN);
	return 0;
}

int
auth_verify_password(const char *hash, const char *password)
{
	if (hash == NULL || hash[0] == '\0')
		return 0;
	return crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
}

void
auth_verify_dummy(const struct config *cfg, const char *password)
{
	if (dummy_hash[0] == '\0' &&
	    auth_hash_password(cfg, "not a real password", dummy_hash) == -1)
		return;
	(void)auth_verify_password(dummy_hash, password);
}

void
auth_random_token(char out[AUTH_TOKEN_LEN + 1])
{
	unsigned char	 raw[32];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(out, AUTH_TOKEN_LEN + 1, raw, sizeof(raw),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof(raw));
}

void
auth_random_password(char *out, size_t len)
{
	static const char	 alphabet[] =
	    "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	size_t			 i;

	for (i = 0; i < len; i++)
		out[i] = alphabet[randombytes_uniform(sizeof(alphabet) - 1)];
	out[len] = '\0';
}

static void
token_hash(const char *token, unsigned char out[crypto_hash_sha256_BYTES])
{
	crypto_hash_sha256(out, (const unsigned char *)token, strlen(token));
}

int
session_create(struct db *db, const struct config *cfg, long long user_id,
    long long impersonator_id, char token[AUTH_TOKEN_LEN + 1],
    char csrf[AUTH_TOKEN_LEN + 1])
{
	unsigned char	 hash[crypto_hash_sha256_BYTES];
	char		 now[27], expires[27], imp[24];
	usec_t		 t = clock_now();

	auth_random_token(token);
	auth_random_token(csrf);
	token_hash(token, hash);
	clock_format_sql(t, now);
	clock_format_sql(t + (usec_t)cfg->session_absolute_hours * 3600 *
	    USEC_PER_SEC, expires);
	snprintf(imp, sizeof(imp), "%lld", impersonator_id);
	return db_exec(db, "INSERT INTO sessions (token_hash, user_id, "
	    "impersonator_id, csrf_token, created_at, last_seen_at, "
	    "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)", "blsssss",
	    hash, sizeof(hash), user_id, impersonator_id ? imp : NULL, csrf,
	    now, now, expires);
}

int
session_load(struct db *db, const struct config *cfg, const char *token,
    struct session *s)
{
	unsigned char	 hash[crypto_hash_sha256_BYTES];
	char		 now[27], idle_since[27];
	struct db_res	*res;
	usec_t		 t = clock_now(), seen;
	int		 rc;

	if (strlen(token) != AUTH_TOKEN_LEN)
		return 1;
	token_hash(token, hash);
	clock_format_sql(t, now);
	clock_format_sql(t - (usec_t)cfg->session_idle_minutes * 60 *
	    USEC_PER_SEC, idle_since);
	rc = db_query(db, &res, "SELECT s.user_id, "
	    "COALESCE(s.impersonator_id, 0), s.csrf_token, s.last_seen_at, "
	    "u.login, u.email, u.first_name, u.last_name, u.role, "
	    "COALESCE(i.login, ''), "
	    "COALESCE((SELECT MAX(id) FROM change_log WHERE user_id IS NULL), 0), "
	    "COALESCE((SELECT MAX(id) FROM change_log "
	    "WHERE user_id = s.user_id), 0), "
	    "COALESCE((SELECT MAX(id) FROM change_log), 0) "
	    "FROM sessions s JOIN users u ON u.id = s.user_id "
	    "LEFT JOIN users i ON i.id = s.impersonator_id "
	    "WHERE s.token_hash = ? AND s.expires_at > ? "
	    "AND s.last_seen_at > ? AND u.active = 1",
	    "bss", hash, sizeof(hash), now, idle_since);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_next(res)) != 1) {
		db_res_free(res);
		return rc == 0 ? 1 : rc;
	}
	memset(s, 0, sizeof(*s));
	s->user_id = db_int(res, 0);
	s->impersonator_id = db_int(res, 1);
	str_copy(s->csrf, db_str(res, 2), sizeof(s->csrf));
	seen = 0;
	clock_parse_sql(db_str(res, 3), &seen);
	s->user.id = s->user_id;
	str_copy(s->user.login, db_str(res, 4), sizeof(s->user.login));
	str_copy(s->user.email, db_str(res, 5), sizeof(s->user.email));
	str_copy(s->user.first_name, db_str(res, 6),
	    sizeof(s->user.first_name));
	str_copy(s->user.last_name, db_str(res, 7), sizeof(s->user.last_name));
	s->user.role = user_role_parse(db_str(res, 8));
	s->user.active = 1;
	str_copy(s->impersonator_login, db_str(res, 9),
	    sizeof(s->impersonator_login));
	s->catalog_version = db_int(res, 10);
	s->user_version = db_int(res, 11);
	s->any_version = db_int(res, 12);
	memcpy(s->token_hash, hash, sizeof(s->token_hash));
	db_res_free(res);

	/* Writing last_seen_at on every request would make every page a
	 * write; once a minute keeps the idle timeout accurate enough. */
	if (t - seen > 60 * USEC_PER_SEC)
		(void)db_exec(db, "UPDATE sessions SET last_seen_at = ? "
		    "WHERE token_hash = ?", "sb", now, hash, sizeof(hash));
	return DB_OK;
}

int
session_delete(struct db *db, const char *token)
{
	unsigned char	 hash[crypto_hash_sha256_BYTES];

	if (strlen(token) != AUTH_TOKEN_LEN)
		return DB_OK;
	token_hash(token, hash);
	return db_exec(db, "DELETE FROM sessions WHERE token_hash = ?", "b",
	    hash, sizeof(hash));
}

long long
session_purge(struct db *db, const struct config *cfg)
{
	char	 now[27], idle_since[27];
	usec_t	 t = clock_now();

	clock_format_sql(t, now);
	clock_format_sql(t - (usec_t)cfg->session_idle_minutes * 60 *
	    USEC_PER_SEC, idle_since);
	if (db_exec(db, "DELETE FROM sessions WHERE expires_at <= ? "
	    "OR last_seen_at <= ?", "ss", now, idle_since) != DB_OK)
		return -1;
	return (long long)db_affected(db);
}

/* Returns the seconds still to wait after failures past limit. */
static long
wait_seconds(long long failures, int limit, usec_t last, usec_t now,
    long max_wait)
{
	long long	 k = failures - limit, wait;
	usec_t		 until;

	if (limit <= 0 || k < 0)
		return 0;
	wait = k >= 20 ? max_wait : 1LL << k;
	if (wait > max_wait)
		wait = max_wait;
	until = last + wait * USEC_PER_SEC;
	if (until <= now)
		return 0;
	return (long)((until - now + USEC_PER_SEC - 1) / USEC_PER_SEC);
}

long
auth_throttle_check(struct db *db, const struct config *cfg,
    const char *login, const char *address)
{
	struct db_res	*res;
	char		 since[27];
	usec_t		 now = clock_now(), last;
	long		 wait = 0, w;
	int		 rc;

	clock_format_sql(now - THROTTLE_WINDOW_SEC * USEC_PER_SEC, since);
	rc = db_query(db, &res, "SELECT kind, failures, last_failure "
	    "FROM login_attempts WHERE ((kind = 'account' AND subject = ?) "
	    "OR (kind = 'address' AND subject = ?)) AND last_failure > ?",
	    "sss", login, address, since);
	if (rc != DB_OK)
		return -1;
	while ((rc = db_next(res)) == 1) {
		last = 0;
		clock_parse_sql(db_str(res, 2), &last);
		if (strcmp(db_str(res, 0), "account") == 0)
			w = wait_seconds(db_int(res, 1), cfg->throttle_account,
			    last, now, ACCOUNT_MAX_WAIT_SEC);
		else
			w = wait_seconds(db_int(res, 1), cfg->throttle_address,
			    last, now, ADDRESS_MAX_WAIT_SEC);
		if (w > wait)
			wait = w;
	}
	db_res_free(res);
	return rc < 0 ? -1 : wait;
}

static int
record_failure(struct db *db, const char *kind, const char *subject,
    const char *now, const char *window_start)
{
	/* MariaDB applies the assignments left to right, so failures and
	 * window_start still see the old last_failure. */
	return db_exec(db, "INSERT INTO login_attempts (kind, subject, "
	    "failures, window_start, last_failure) VALUES (?, ?, 1, ?, ?) "
	    "ON DUPLICATE KEY UPDATE "
	    "failures = IF(last_failure <= ?, 1, failures + 1), "
	    "window_start = IF(last_failure <= ?, VALUES(window_start), "
	    "window_start), last_failure = VALUES(last_failure)",
	    "ssssss", kind, subject, now, now, window_start, window_start);
}

int
auth_throttle_fail(struct db *db, const char *login, const char *address)
{
	char	 now[27], since[27];
	usec_t	 t = clock_now();
	int	 rc;

	clock_format_sql(t, now);
	clock_format_sql(t - THROTTLE_WINDOW_SEC * USEC_PER_SEC, since);
	if ((rc = record_failure(db, "account", login, now, since)) != DB_OK)
		return rc;
	return record_failure(db, "address", address, now, since);
}

int
auth_throttle_clear(struct db *db, const char *login)
{
	return db_exec(db, "DELETE FROM login_attempts "
	    "WHERE kind = 'account' AND subject = ?", "s", login);
}

long long
session_count(struct db *db, const struct config *cfg)
{
	struct db_res	*res;
	char		 now[27], idle_since[27];
	usec_t		 t = clock_now();
	long long	 n = -1;

	clock_format_sql(t, now);
	clock_format_sql(t - (usec_t)cfg->session_idle_minutes * 60 *
	    USEC_PER_SEC, idle_since);
	if (db_query(db, &res, "SELECT COUNT(*) FROM sessions "
	    "WHERE expires_at > ? AND last_seen_at > ?", "ss", now,
	    idle_since) != DB_OK)
		return -1;
	if (db_next(res) == 1)
		n = db_int(res, 0);
	db_res_free(res);
	return n;
}
