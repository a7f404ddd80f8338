/*
 * Passwords, sessions and sign-in throttling.
 *
 * Passwords are hashed with Argon2id (libsodium crypto_pwhash_str); the
 * cost comes from Auth.PasswordOps and Auth.PasswordMemoryKiB and is
 * stored in each hash, so changing it affects only new hashes.
 *
 * A session is a 256-bit random token sent in a cookie and stored only as
 * its SHA-256.  Each session has its own CSRF token.
 */
#ifndef LAUREL_AUTH_H
#define LAUREL_AUTH_H

#include <stddef.h>

#include "user.h"

struct config;
struct db;

#define AUTH_PASSWORD_MIN	8	/* characters */
#define AUTH_PASSWORD_MAX	1024	/* characters */
#define AUTH_TOKEN_LEN		43	/* base64url of 32 bytes, no padding */
#define AUTH_HASH_LEN		128	/* >= crypto_pwhash_STRBYTES */

/* Initialises libsodium; returns -1 when it cannot. */
int		 auth_init(void);

/* Returns NULL when the password is acceptable, else a message. */
const char	*auth_password_invalid(const char *password);

/* Hashes a password into out; returns 0, or -1 when memory runs out. */
int		 auth_hash_password(const struct config *, const char *password,
		    char out[AUTH_HASH_LEN]);

/* Returns 1 when password matches hash, else 0. */
int		 auth_verify_password(const char *hash, const char *password);

/* Spends the time of one verification, for unknown logins, so that an
 * unknown login and a wrong password take equally long. */
void		 auth_verify_dummy(const struct config *, const char *password);

/* Fills out with a new random token of AUTH_TOKEN_LEN characters. */
void		 auth_random_token(char out[AUTH_TOKEN_LEN + 1]);

/* Fills out with a random password of len characters (letters and digits
 * without look-alikes); out must hold len + 1 bytes. */
void		 auth_random_password(char *out, size_t len);

struct session {
	long long	 user_id;
	long long	 impersonator_id;	/* 0 when none */
	char		 csrf[AUTH_TOKEN_LEN + 1];
	struct user	 user;
	char		 impersonator_login[USER_LOGIN_MAX * 4 + 1];
	unsigned char	 token_hash[32];	/* SHA-256 of the cookie token */
	/* Versions of the change_log scopes (sql/0017_change_log.sql) as
	 * the session statement read them: the newest id of the catalog
	 * scope, of this user's scope, and of any scope; 0 when empty. */
	long long	 catalog_version;
	long long	 user_version;
	long long	 any_version;
};

/*
 * Creates a session for user_id; token and csrf receive the new cookie
 * token and CSRF token.  Meant to run inside the sign-in transaction.
 */
int		 session_create(struct db *, const struct config *,
		    long long user_id, long long impersonator_id,
		    char token[AUTH_TOKEN_LEN + 1],
		    char csrf[AUTH_TOKEN_LEN + 1]);

/*
 * Loads the live session for a cookie token: not past the absolute
 * timeout, seen within the idle timeout, of an active user, with the
 * change_log versions, in one statement.  Refreshes last_seen_at at most
 * once a minute.  Returns DB_OK, 1 when there is no such session, or a
 * negative db_status.
 */
int		 session_load(struct db *, const struct config *,
		    const char *token, struct session *);

/* Deletes the session of a token; deleting none is not an error. */
int		 session_delete(struct db *, const char *token);

/* Returns the number of live sessions, or -1. */
long long	 session_count(struct db *, const struct config *);

/* Deletes sessions past their timeouts; returns the number or -1. */
long long	 session_purge(struct db *, const struct config *);

/*
 * Sign-in throttling.  auth_throttle_check returns 0 when a sign-in may
 * be tried now, else the seconds to wait (for Retry-After), or -1 on
 * error.  After Auth.AccountFailures failures for one login, each
 * further try waits 2^k seconds after the last failure, where k counts
 * the failures past the limit.  The wait is at most a minute for a login,
 * so an attacker cannot keep the real user out for long, and at most
 * 15 minutes after Auth.AddressFailures failures from one address.
 * Failures older than 15 minutes are forgotten.
 */
long		 auth_throttle_check(struct db *, const struct config *,
		    const char *login, const char *address);
int		 auth_throttle_fail(struct db *, const char *login,
		    const char *address);
int		 auth_throttle_clear(struct db *, const char *login);

#endif
