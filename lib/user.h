/* Users: accounts of administrators and learners. */
#ifndef LAUREL_USER_H
#define LAUREL_USER_H

struct db;

enum user_role {
	ROLE_NONE = 0,		/* not signed in */
	ROLE_LEARNER,
	ROLE_ADMIN
};

#define USER_LOGIN_MAX	100	/* characters, as in users.login */
#define USER_NAME_MAX	100

struct user {
	long long	 id;
	char		 login[USER_LOGIN_MAX * 4 + 1];
	char		 email[254 + 1];
	char		 first_name[USER_NAME_MAX * 4 + 1];
	char		 last_name[USER_NAME_MAX * 4 + 1];
	char		 password_hash[256];
	enum user_role	 role;
	int		 active;
};

/* Returns "admin" or "learner" (or "" for ROLE_NONE). */
const char	*user_role_name(enum user_role);

/* Returns the role for "admin" or "learner", else ROLE_NONE. */
enum user_role	 user_role_parse(const char *);

/*
 * Checks a login: 1 to 100 characters of valid UTF-8 without control
 * characters or spaces at either end.  Returns NULL when valid, else a
 * message for the user.
 */
const char	*user_login_invalid(const char *login);

/* Loads the user with this login; returns DB_OK, 1 when there is none, or
 * a negative db_status. */
int		 user_find_login(struct db *, const char *login, struct user *);

int		 user_find_id(struct db *, long long id, struct user *);

/*
 * Inserts a user; *id receives the new id.  Returns DB_DUPLICATE when the
 * login is taken.  Runs in the caller's transaction when there is one.
 */
int		 user_insert(struct db *, const struct user *, long long *id);

/* Returns the number of active users with the role, or -1. */
long long	 user_count_role(struct db *, enum user_role);

#endif
