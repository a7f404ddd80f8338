/* Users: accounts of administrators and learners. */
#ifndef LAUREL_USER_H
#define LAUREL_USER_H

#include <stddef.h>

struct db;
struct listing;

enum user_role {
	ROLE_NONE = 0,		/* not signed in */
	ROLE_LEARNER,
	ROLE_ADMIN
};

#define USER_LOGIN_MAX	100	/* characters, as in users.login */
#define USER_NAME_MAX	100
#define USER_EMAIL_MAX	254	/* characters, as in users.email */
#define USER_TIME_ZONE_MAX	64	/* bytes of an IANA name, users.time_zone */
#define USER_LANGUAGE_MAX	16	/* characters of languages.code */
#define USER_GROUP_NAME_MAX	150	/* characters of user_groups.name */

/*
 * The user form offers every group as a checkbox up to this many groups;
 * beyond it, membership is changed on the group pages.  It also keeps the
 * form under the limit on form fields (Limits.Fields, 200 by default).
 */
#define USER_FORM_GROUPS_MAX	100

struct user {
	long long	 id;
	char		 login[USER_LOGIN_MAX * 4 + 1];
	char		 email[USER_EMAIL_MAX * 4 + 1];
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

/*
 * A user as the admin pages list, show and edit it.  In user.password_hash
 * only user_save of a new user reads a value; the loaders leave it empty.
 */
struct user_details {
	struct user	 user;
	long long	 user_type_id;	/* 0 for none */
	char		 user_type[100 * 4 + 1];	/* user_types.name */
	char		 language[USER_LANGUAGE_MAX * 4 + 1];	/* languages.code */
	char		 time_zone[USER_TIME_ZONE_MAX + 1];	/* "" for the site's */
	char		 created_at[27];	/* UTC, "YYYY-MM-DD HH:MM:SS.uuuuuu" */
	char		 last_sign_in_at[27];	/* UTC, "" when never */
};

/* Filters of user_list besides the search text and the letter. */
struct user_filter {
	long long	 user_type_id;	/* 0 for any, -1 for users without one */
	long long	 group_id;	/* 0 for any */
	enum user_role	 role;		/* ROLE_NONE for any */
	int		 active;	/* -1 for any, else 0 or 1 */
};

/* Sort keys of user_list, in the order of its sort field: last and first
 * name, login, e-mail, last sign-in. */
#define USER_SORT_KEYS	{ "name", "login", "email", "signin", NULL }

/*
 * Lists one page of users.  The search text matches the start of the
 * login, e-mail, first name or last name.  A text with a space also
 * matches a first name that starts with the part before the first space
 * and a last name that starts with the rest, so "Ann Sm" finds Ann Smith.
 * The letter is the first letter of the last name.  *out (freed by the
 * caller) receives up to l->limit rows.
 */
int		 user_list(struct db *, const struct listing *l,
		    const struct user_filter *, struct user_details **out,
		    size_t *n);

/* Loads a user with its type name; returns DB_OK, 1 when there is no
 * such user, or a negative db_status. */
int		 user_get(struct db *, long long id, struct user_details *);

/*
 * Checks an e-mail address with a plain syntax check: at most 254
 * characters, one "@" with text before it, no spaces or control
 * characters, and a domain with a dot that neither starts nor ends it.
 * Returns NULL when valid, else a message for the user.
 */
const char	*user_email_invalid(const char *email);

/*
 * Checks a time zone: "" (the site's zone) or an IANA name such as
 * "Europe/Paris" whose file under /usr/share/zoneinfo is a compiled zone.
 * Returns NULL when valid, else a message for the user.
 */
const char	*user_time_zone_invalid(const char *time_zone);

/* A user group, and whether the user asked about belongs to it. */
struct user_group {
	long long	 id;
	char		 name[USER_GROUP_NAME_MAX * 4 + 1];
	int		 member;
};

/*
 * Lists the groups by name, at most max + 1 of them so that the caller
 * can tell when there are more than max, with member set for the groups
 * of user_id (0 for none).  *out is freed by the caller.
 */
int		 user_group_choices(struct db *, long long user_id, size_t max,
		    struct user_group **out, size_t *n);

/* Lists the groups user_id belongs to, by name; *out is freed by the
 * caller. */
int		 user_groups_of(struct db *, long long user_id,
		    struct user_group **out, size_t *n);

/*
 * Inserts (user.id 0) or updates a user and records it in the audit log,
 * in one transaction.  When set_groups is 1 the user ends up in exactly
 * the groups of group_ids (ids of groups deleted meanwhile are skipped),
 * and the audit row names the groups added and removed.  Deactivating a
 * user ends their sessions.  Sets user.id of a new user.  Returns
 * DB_DUPLICATE when another user has the login (compared without case),
 * 1 when the user to update does not exist.
 */
int		 user_save(struct db *, struct user_details *u,
		    const long long *group_ids, size_t n_groups, int set_groups,
		    long long actor_id, long long impersonator_id);

/*
 * Does what user_save does inside the caller's transaction.  A new user's
 * id is set even when the caller's transaction later rolls back.
 */
int		 user_save_in_txn(struct db *, struct user_details *u,
		    const long long *group_ids, size_t n_groups, int set_groups,
		    long long actor_id, long long impersonator_id);

/*
 * Replaces the password hash of a user, audited without the hash.  Also
 * deletes the user's sessions and those in which they view the site as
 * another user, so they must sign in again.  Returns DB_OK, 1 when there
 * is no such user, or a negative db_status.
 */
int		 user_set_password(struct db *, long long id, const char *hash,
		    long long actor_id, long long impersonator_id);

/*
 * Activates or deactivates a user, audited; deactivating deletes their
 * sessions as user_set_password does.  *changed is 0 when the user
 * already had that state (nothing is recorded then).  Returns DB_OK, 1
 * when there is no such user, or a negative db_status.
 */
int		 user_set_active(struct db *, long long id, int active,
		    long long actor_id, long long impersonator_id, int *changed);

#endif
