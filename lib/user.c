#include "config.h"

#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "db.h"
#include "str.h"
#include "user.h"
#include "utf8.h"

const char *
user_role_name(enum user_role role)
{
	switch (role) {
	case ROLE_ADMIN:
		return "admin";
	case ROLE_LEARNER:
		return "learner";
	default:
		return "";
	}
}

enum user_role
user_role_parse(const char *s)
{
	if (strcmp(s, "admin") == 0)
		return ROLE_ADMIN;
	if (strcmp(s, "learner") == 0)
		return ROLE_LEARNER;
	return ROLE_NONE;
}

/* Counts UTF-8 characters; the text must be valid UTF-8. */
static size_t
utf8_chars(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

const char *
user_login_invalid(const char *login)
{
	size_t			 len = strlen(login);
	const unsigned char	*p;

	if (len == 0)
		return "Enter a login.";
	if (!utf8_valid(login, len))
		return "The login contains invalid characters.";
	if (utf8_chars(login) > USER_LOGIN_MAX)
		return "The login is longer than 100 characters.";
	for (p = (const unsigned char *)login; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f)
			return "The login contains control characters.";
	if (login[0] == ' ' || login[len - 1] == ' ')
		return "The login cannot start or end with a space.";
	return NULL;
}

static void
fill(struct user *u, struct db_res *res)
{
	memset(u, 0, sizeof(*u));
	u->id = db_int(res, 0);
	str_copy(u->login, db_str(res, 1), sizeof(u->login));
	str_copy(u->email, db_str(res, 2), sizeof(u->email));
	str_copy(u->first_name, db_str(res, 3), sizeof(u->first_name));
	str_copy(u->last_name, db_str(res, 4), sizeof(u->last_name));
	str_copy(u->password_hash, db_str(res, 5), sizeof(u->password_hash));
	u->role = user_role_parse(db_str(res, 6));
	u->active = (int)db_int(res, 7);
}

static int
fetch_one(struct db_res *res, struct user *u)
{
	int	 rc = db_next(res);

	if (rc == 1)
		fill(u, res);
	db_res_free(res);
	return rc == 1 ? DB_OK : rc == 0 ? 1 : rc;
}

int
user_find_login(struct db *db, const char *login, struct user *u)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, "SELECT id, login, email, first_name, "
	    "last_name, COALESCE(password_hash, ''), role, active "
	    "FROM users WHERE login = ?", "s", login);
	if (rc != DB_OK)
		return rc;
	return fetch_one(res, u);
}

int
user_find_id(struct db *db, long long id, struct user *u)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, "SELECT id, login, email, first_name, "
	    "last_name, COALESCE(password_hash, ''), role, active "
	    "FROM users WHERE id = ?", "l", id);
	if (rc != DB_OK)
		return rc;
	return fetch_one(res, u);
}

int
user_insert(struct db *db, const struct user *u, long long *id)
{
	char	 now[27];
	int	 rc;

	clock_format_sql(clock_now(), now);
	rc = db_exec(db, "INSERT INTO users (login, email, first_name, "
	    "last_name, password_hash, role, active, created_at, updated_at) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", "ssssssiss", u->login,
	    u->email, u->first_name, u->last_name,
	    u->password_hash[0] ? u->password_hash : NULL,
	    user_role_name(u->role), u->active, now, now);
	if (rc == DB_OK && id != NULL)
		*id = (long long)db_insert_id(db);
	return rc;
}

long long
user_count_role(struct db *db, enum user_role role)
{
	struct db_res	*res;
	long long	 n = -1;

	if (db_query(db, &res, "SELECT COUNT(*) FROM users "
	    "WHERE role = ? AND active = 1", "s", user_role_name(role)) != DB_OK)
		return -1;
	if (db_next(res) == 1)
		n = db_int(res, 0);
	db_res_free(res);
	return n;
}
