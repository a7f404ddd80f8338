#include "config.h"

#include <fcntl.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit.h"
#include "clock.h"
#include "db.h"
#include "listing.h"
#include "settings.h"
#include "str.h"
#include "user.h"
#include "utf8.h"

/* Compiled time zones (TZif files) as the tzdata package installs them. */
#define ZONEINFO_DIR	"/usr/share/zoneinfo"

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
	/* Letters of any script and digits, plus the punctuation of e-mail
	 * addresses, so that an e-mail address can serve as a login. */
	for (p = (const unsigned char *)login; *p != '\0'; p++)
		if (*p < 0x80 && !isalnum(*p) && strchr("._-@+", *p) == NULL)
			return "The login may contain only letters, digits and "
			    ". _ - @ +, without spaces.";
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
	return db_found(rc);
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

/* ---------------------------------------------------------------- checks */

const char *
user_email_invalid(const char *email)
{
	size_t			 len = strlen(email);
	const unsigned char	*p;
	const char		*at, *domain;

	if (len == 0)
		return "Enter an e-mail address.";
	if (!utf8_valid(email, len))
		return "The e-mail address contains invalid characters.";
	if (utf8_chars(email) > USER_EMAIL_MAX)
		return "The e-mail address is longer than 254 characters.";
	for (p = (const unsigned char *)email; *p != '\0'; p++)
		if (*p <= 0x20 || *p == 0x7f)
			return "The e-mail address cannot contain spaces or "
			    "control characters.";
	at = strchr(email, '@');
	if (at == NULL || strchr(at + 1, '@') != NULL)
		return "The e-mail address must contain exactly one @, as in "
		    "name@example.com.";
	if (at == email)
		return "The e-mail address needs a name before the @, as in "
		    "name@example.com.";
	domain = at + 1;
	if (strchr(domain, '.') == NULL || domain[0] == '.' ||
	    domain[strlen(domain) - 1] == '.')
		return "The part after the @ must be a domain with a dot, as "
		    "in name@example.com.";
	return NULL;
}

/* Returns 1 when path is readable and starts with the TZif magic of a
 * compiled zone (RFC 8536), which the tables in the same folder lack. */
static int
is_zone_file(const char *path)
{
	char	 magic[4];
	int	 fd, ok;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return 0;
	ok = read(fd, magic, sizeof(magic)) == (ssize_t)sizeof(magic) &&
	    memcmp(magic, "TZif", sizeof(magic)) == 0;
	close(fd);
	return ok;
}

const char *
user_time_zone_invalid(const char *time_zone)
{
	const char	*p;
	char		 path[sizeof(ZONEINFO_DIR) + USER_TIME_ZONE_MAX + 2];

	if (time_zone[0] == '\0')
		return NULL;
	if (strlen(time_zone) > USER_TIME_ZONE_MAX)
		return "The time zone name is too long; choose a time zone "
		    "from the list.";
	/* Letters, digits, "_", "+", "-" and "/" between names: no ".", so
	 * the name cannot leave the zoneinfo folder. */
	for (p = time_zone; *p != '\0'; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '_' || *p == '+' ||
		    *p == '-' || (*p == '/' && p > time_zone && p[1] != '\0' &&
		    p[1] != '/')))
			return "The time zone is not a valid name; choose a "
			    "time zone from the list.";
	snprintf(path, sizeof(path), "%s/%s", ZONEINFO_DIR, time_zone);
	if (!is_zone_file(path))
		return "The time zone is unknown; choose a time zone from the "
		    "list.";
	return NULL;
}

/* ---------------------------------------------------------------- reading */

#define SELECT_DETAILS \
	"SELECT u.id, u.login, u.email, u.first_name, u.last_name, u.role, " \
	"u.active, COALESCE(u.user_type_id, 0), COALESCE(t.name, ''), " \
	"u.language_code, u.time_zone, u.created_at, u.last_sign_in_at "
#define FROM_USERS \
	"FROM users u LEFT JOIN user_types t ON t.id = u.user_type_id "

static void
fill_details(struct user_details *d, struct db_res *res)
{
	memset(d, 0, sizeof(*d));
	d->user.id = db_int(res, 0);
	str_copy(d->user.login, db_str(res, 1), sizeof(d->user.login));
	str_copy(d->user.email, db_str(res, 2), sizeof(d->user.email));
	str_copy(d->user.first_name, db_str(res, 3),
	    sizeof(d->user.first_name));
	str_copy(d->user.last_name, db_str(res, 4), sizeof(d->user.last_name));
	d->user.role = user_role_parse(db_str(res, 5));
	d->user.active = (int)db_int(res, 6);
	d->user_type_id = db_int(res, 7);
	str_copy(d->user_type, db_str(res, 8), sizeof(d->user_type));
	str_copy(d->language, db_str(res, 9), sizeof(d->language));
	str_copy(d->time_zone, db_str(res, 10), sizeof(d->time_zone));
	str_copy(d->created_at, db_str(res, 11), sizeof(d->created_at));
	str_copy(d->last_sign_in_at, db_str(res, 12),
	    sizeof(d->last_sign_in_at));
}

/* Reads every row of res into a new array of user_details. */
static int
collect_details(struct db_res *res, struct user_details **out, size_t *n)
{
	struct user_details	*rows;
	size_t			 i = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	rows = calloc(db_rows(res) ? db_rows(res) : 1, sizeof(*rows));
	if (rows == NULL) {
		db_res_free(res);
		return DB_ERROR;
	}
	while ((rc = db_next(res)) == 1)
		fill_details(&rows[i++], res);
	db_res_free(res);
	if (rc < 0) {
		free(rows);
		return rc;
	}
	*out = rows;
	*n = i;
	return DB_OK;
}

int
user_get(struct db *db, long long id, struct user_details *d)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, SELECT_DETAILS FROM_USERS "WHERE u.id = ?",
	    "l", id);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_next(res)) == 1)
		fill_details(d, res);
	db_res_free(res);
	if (rc == 1)
		return DB_OK;
	return rc == 0 ? 1 : rc;
}

/*
 * The list statement comes in three forms that differ only in FROM, so
 * that the optimizer can pick a fast plan on large tables:
 * - LIST_PLAIN for no search or a search without a space: each prefix
 *   LIKE is a range of one index, and without search the rows are read
 *   in the order of the sort column's index.
 * - LIST_TWO_WORDS for a search with a space.  MariaDB 10.11 misjudges
 *   how rare "first name AND last name" matches are and reads most of an
 *   index in sort order.  With 100,000 generated users that took 0.07 to
 *   0.1 s, against under 0.01 s without it.  So the hint rules out
 *   reading in index order, and the matches are merged and sorted.  It
 *   names indexes of sql/0001_base.sql and sql/0002_catalog.sql.
 * - LIST_GROUP for a group filter, which reads the group's members
 *   through the membership key instead of testing every user.
 * The WHERE clause is shared; a guard such as "? = ''" is constant once
 * the values are bound, so MariaDB drops the conditions it turns off.
 */
#define LIST_WHERE \
	"WHERE (? = '' OR u.login LIKE ? OR u.email LIKE ? " \
	"OR u.first_name LIKE ? OR u.last_name LIKE ? " \
	"OR (? <> '' AND u.first_name LIKE ? AND u.last_name LIKE ?)) " \
	"AND (? = '' OR u.last_name LIKE ?) " \
	"AND (? = 0 OR u.user_type_id = ? " \
	"OR (? = -1 AND u.user_type_id IS NULL)) " \
	"AND (? = '' OR u.role = ?) AND (? = -1 OR u.active = ?) "
#define LIST_PLAIN	SELECT_DETAILS FROM_USERS LIST_WHERE
#define LIST_TWO_WORDS	SELECT_DETAILS \
	"FROM users u IGNORE INDEX FOR ORDER BY " \
	"(users_login, users_email, users_last_name) " \
	"LEFT JOIN user_types t ON t.id = u.user_type_id " LIST_WHERE
#define LIST_GROUP	SELECT_DETAILS \
	"FROM users u JOIN user_group_members m ON m.user_id = u.id " \
	"LEFT JOIN user_types t ON t.id = u.user_type_id " LIST_WHERE \
	"AND m.group_id = ? "
#define LIST_TYPES	"sssssssssslllssii"
#define LIST_PAGE	" LIMIT ? OFFSET ?"

/*
 * Runs the list statement select with the ORDER BY of order (sort key
 * times two plus one for descending); ORDER BY cannot take a placeholder,
 * so each order is its own statement.  The arguments end with the limit
 * and the offset.
 */
#define QUERY_SORTED(select, types, ...) \
	switch (order) { \
	case 1: \
		rc = db_query(db, &res, select "ORDER BY u.last_name DESC, " \
		    "u.first_name DESC, u.id DESC" LIST_PAGE, types, \
		    __VA_ARGS__); \
		break; \
	case 2: \
		rc = db_query(db, &res, select "ORDER BY u.login" LIST_PAGE, \
		    types, __VA_ARGS__); \
		break; \
	case 3: \
		rc = db_query(db, &res, select "ORDER BY u.login DESC" \
		    LIST_PAGE, types, __VA_ARGS__); \
		break; \
	case 4: \
		rc = db_query(db, &res, select "ORDER BY u.email, u.id" \
		    LIST_PAGE, types, __VA_ARGS__); \
		break; \
	case 5: \
		rc = db_query(db, &res, select "ORDER BY u.email DESC, " \
		    "u.id DESC" LIST_PAGE, types, __VA_ARGS__); \
		break; \
	case 6: \
		rc = db_query(db, &res, select "ORDER BY u.last_sign_in_at, " \
		    "u.id" LIST_PAGE, types, __VA_ARGS__); \
		break; \
	case 7: \
		rc = db_query(db, &res, select "ORDER BY u.last_sign_in_at " \
		    "DESC, u.id DESC" LIST_PAGE, types, __VA_ARGS__); \
		break; \
	default: \
		rc = db_query(db, &res, select "ORDER BY u.last_name, " \
		    "u.first_name, u.id" LIST_PAGE, types, __VA_ARGS__); \
		break; \
	}

/* Copies src with '\', '%' and '_' escaped and appends '%', for a LIKE
 * that matches values starting with src. */
static void
prefix_pattern(const char *src, size_t len, char *out, size_t outsz)
{
	size_t	 n = 0, i;

	for (i = 0; i < len && n + 3 < outsz; i++) {
		if (src[i] == '\\' || src[i] == '%' || src[i] == '_')
			out[n++] = '\\';
		out[n++] = src[i];
	}
	out[n++] = '%';
	out[n] = '\0';
}

/* Splits a search text at its first space into patterns for the first
 * name and the last name.  Both are "" when the text has no space. */
static void
split_name_search(const char *q, char *first, char *last, size_t sz)
{
	const char	*space = strchr(q, ' '), *rest;

	first[0] = last[0] = '\0';
	if (space == NULL || space == q)
		return;
	for (rest = space; *rest == ' '; rest++)
		continue;
	if (*rest == '\0')
		return;
	prefix_pattern(q, (size_t)(space - q), first, sz);
	prefix_pattern(rest, strlen(rest), last, sz);
}

int
user_list(struct db *db, const struct listing *l,
    const struct user_filter *f, struct user_details **out, size_t *n)
{
	struct db_res	*res;
	char		 first[LISTING_PATTERN_MAX], last[LISTING_PATTERN_MAX];
	const char	*q = l->q_pattern, *letter = l->letter_pattern;
	const char	*role = user_role_name(f->role);
	long long	 type = f->user_type_id;
	int		 order = l->sort * 2 + l->desc, rc;

	split_name_search(l->q, first, last, sizeof(first));
	if (f->group_id > 0) {
		QUERY_SORTED(LIST_GROUP, LIST_TYPES "lll", q, q, q, q, q,
		    first, first, last, letter, letter, type, type, type,
		    role, role, f->active, f->active, f->group_id, l->limit,
		    l->offset);
	} else if (first[0] != '\0') {
		QUERY_SORTED(LIST_TWO_WORDS, LIST_TYPES "ll", q, q, q, q, q,
		    first, first, last, letter, letter, type, type, type,
		    role, role, f->active, f->active, l->limit, l->offset);
	} else {
		QUERY_SORTED(LIST_PLAIN, LIST_TYPES "ll", q, q, q, q, q,
		    first, first, last, letter, letter, type, type, type,
		    role, role, f->active, f->active, l->limit, l->offset);
	}
	if (rc != DB_OK)
		return rc;
	return collect_details(res, out, n);
}

/* ---------------------------------------------------------------- choices */

/* Reads rows of (id, name, member) into a new array of groups. */
static int
collect_groups(struct db_res *res, struct user_group **out, size_t *n)
{
	struct user_group	*rows;
	size_t			 i = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	rows = calloc(db_rows(res) ? db_rows(res) : 1, sizeof(*rows));
	if (rows == NULL) {
		db_res_free(res);
		return DB_ERROR;
	}
	while ((rc = db_next(res)) == 1) {
		rows[i].id = db_int(res, 0);
		str_copy(rows[i].name, db_str(res, 1), sizeof(rows[i].name));
		rows[i].member = db_int(res, 2) != 0;
		i++;
	}
	db_res_free(res);
	if (rc < 0) {
		free(rows);
		return rc;
	}
	*out = rows;
	*n = i;
	return DB_OK;
}

int
user_group_choices(struct db *db, long long user_id, size_t max,
    struct user_group **out, size_t *n)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, "SELECT g.id, g.name, EXISTS (SELECT 1 "
	    "FROM user_group_members m WHERE m.group_id = g.id "
	    "AND m.user_id = ?) FROM user_groups g ORDER BY g.name LIMIT ?",
	    "ll", user_id, (long long)max + 1);
	if (rc != DB_OK)
		return rc;
	return collect_groups(res, out, n);
}

int
user_groups_of(struct db *db, long long user_id, struct user_group **out,
    size_t *n)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, "SELECT g.id, g.name, 1 "
	    "FROM user_group_members m JOIN user_groups g ON g.id = m.group_id "
	    "WHERE m.user_id = ? ORDER BY g.name", "l", user_id);
	if (rc != DB_OK)
		return rc;
	return collect_groups(res, out, n);
}

/* Loads the name of a group; returns DB_OK, 1 when there is no such
 * group, or a negative db_status. */
static int
group_name(struct db *db, long long group_id,
    char name[USER_GROUP_NAME_MAX * 4 + 1])
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, "SELECT name FROM user_groups WHERE id = ?",
	    "l", group_id);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_next(res)) == 1)
		str_copy(name, db_str(res, 0), USER_GROUP_NAME_MAX * 4 + 1);
	db_res_free(res);
	if (rc == 1)
		return DB_OK;
	return rc == 0 ? 1 : rc;
}

/* ---------------------------------------------------------------- changes */

/* Deletes the sessions of a user and those in which the user views the
 * site as someone else; *ended receives their number. */
static int
end_sessions(struct db *db, long long id, long long *ended)
{
	int	 rc;

	rc = db_exec(db, "DELETE FROM sessions WHERE user_id = ? "
	    "OR impersonator_id = ?", "ll", id, id);
	*ended = rc == DB_OK ? (long long)db_affected(db) : 0;
	return rc;
}

/* Appends what differs between two states of a user, for the audit log;
 * never the password hash. */
static void
describe_changes(struct buf *changes, const struct user_details *old,
    const struct user_details *now)
{
	audit_change(changes, "login", old->user.login, now->user.login);
	audit_change(changes, "e-mail", old->user.email, now->user.email);
	audit_change(changes, "first name", old->user.first_name,
	    now->user.first_name);
	audit_change(changes, "last name", old->user.last_name,
	    now->user.last_name);
	audit_change(changes, "role", user_role_name(old->user.role),
	    user_role_name(now->user.role));
	audit_change(changes, "user type", old->user_type, now->user_type);
	audit_change(changes, "language", old->language, now->language);
	audit_change(changes, "time zone", old->time_zone, now->time_zone);
	audit_change_int(changes, "active", old->user.active,
	    now->user.active);
}

/* Returns 1 when id is one of ids[0..n). */
static int
has_id(const long long *ids, size_t n, long long id)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

/* Adds one membership; *added is 0 when the group no longer exists or
 * the user is already in it. */
static int
add_membership(struct db *db, long long user_id, long long group_id,
    const char *now, char name[USER_GROUP_NAME_MAX * 4 + 1], int *added)
{
	int	 rc;

	*added = 0;
	rc = group_name(db, group_id, name);
	if (rc == 1)
		return DB_OK;
	if (rc != DB_OK)
		return rc;
	rc = db_exec(db, "INSERT INTO user_group_members (group_id, user_id, "
	    "added_at) VALUES (?, ?, ?)", "lls", group_id, user_id, now);
	if (rc == DB_DUPLICATE)
		return DB_OK;
	*added = rc == DB_OK;
	return rc;
}

/* Makes ids[0..n) the groups of user_id and appends the groups added and
 * removed to changes. */
static int
set_groups(struct db *db, long long user_id, const long long *ids, size_t n,
    const char *now, struct buf *changes)
{
	struct user_group	*cur;
	struct buf		 added = { 0 }, removed = { 0 };
	char			 name[USER_GROUP_NAME_MAX * 4 + 1];
	size_t			 ncur, i;
	int			 rc, done;

	if ((rc = user_groups_of(db, user_id, &cur, &ncur)) != DB_OK)
		return rc;
	for (i = 0; i < ncur && rc == DB_OK; i++) {
		if (has_id(ids, n, cur[i].id))
			continue;
		rc = db_exec(db, "DELETE FROM user_group_members "
		    "WHERE group_id = ? AND user_id = ?", "ll", cur[i].id,
		    user_id);
		if (rc == DB_OK && db_affected(db) > 0)
			buf_printf(&removed, "%s\"%s\"", removed.len ? ", " : "",
			    cur[i].name);
	}
	for (i = 0; i < n && rc == DB_OK; i++) {
		size_t	 k;

		for (k = 0; k < ncur && cur[k].id != ids[i]; k++)
			continue;
		if (k < ncur)
			continue;
		rc = add_membership(db, user_id, ids[i], now, name, &done);
		if (rc == DB_OK && done)
			buf_printf(&added, "%s\"%s\"", added.len ? ", " : "",
			    name);
	}
	if (rc == DB_OK && added.len)
		buf_printf(changes, "groups added: %s; ", added.data);
	if (rc == DB_OK && removed.len)
		buf_printf(changes, "groups removed: %s; ", removed.data);
	buf_free(&added);
	buf_free(&removed);
	free(cur);
	return rc;
}

/* Binds user_type_id: the id as text, or NULL for none. */
static const char *
type_param(long long id, char buf[24])
{
	if (id <= 0)
		return NULL;
	snprintf(buf, 24, "%lld", id);
	return buf;
}

static int
insert_details(struct db *db, const struct user_details *u, const char *now)
{
	char	 type[24];

	return db_exec(db, "INSERT INTO users (login, email, first_name, "
	    "last_name, password_hash, role, user_type_id, language_code, "
	    "time_zone, active, created_at, updated_at) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "sssssssssiss",
	    u->user.login, u->user.email, u->user.first_name,
	    u->user.last_name,
	    u->user.password_hash[0] ? u->user.password_hash : NULL,
	    user_role_name(u->user.role), type_param(u->user_type_id, type),
	    u->language[0] ? u->language : LANGUAGE_DEFAULT, u->time_zone, u->user.active,
	    now, now);
}

static int
update_details(struct db *db, const struct user_details *u, const char *now)
{
	char	 type[24];

	return db_exec(db, "UPDATE users SET login = ?, email = ?, "
	    "first_name = ?, last_name = ?, role = ?, user_type_id = ?, "
	    "language_code = ?, time_zone = ?, active = ?, updated_at = ? "
	    "WHERE id = ?", "ssssssssisl", u->user.login, u->user.email,
	    u->user.first_name, u->user.last_name,
	    user_role_name(u->user.role), type_param(u->user_type_id, type),
	    u->language[0] ? u->language : LANGUAGE_DEFAULT, u->time_zone, u->user.active,
	    now, u->user.id);
}

struct save {
	struct user_details	*u;
	const long long		*group_ids;
	size_t			 n_groups;
	int			 set_groups;
	long long		 actor, impersonator;
	int			 is_new;	/* fixed before the first run */
};

/* Writes the user row; old receives the state before (all empty for a
 * new user). */
static int
write_user(struct db *db, struct save *s, struct user_details *old,
    const char *now)
{
	struct user_details	*u = s->u;
	long long		 ended;
	int			 rc;

	memset(old, 0, sizeof(*old));
	if (s->is_new) {
		if ((rc = insert_details(db, u, now)) != DB_OK)
			return rc;
		u->user.id = (long long)db_insert_id(db);
		return DB_OK;
	}
	if ((rc = user_get(db, u->user.id, old)) != DB_OK)
		return rc;
	if ((rc = update_details(db, u, now)) != DB_OK)
		return rc;
	if (old->user.active && !u->user.active)
		return end_sessions(db, u->user.id, &ended);
	return DB_OK;
}

static int
save_txn(struct db *db, void *arg)
{
	struct save		*s = arg;
	struct user_details	 old, stored;
	struct buf		 changes = { 0 };
	char			 now[27];
	int			 rc;

	clock_format_sql(clock_now(), now);
	if ((rc = write_user(db, s, &old, now)) != DB_OK)
		return rc;

	/* The stored row names the user type, so the audit row shows names
	 * rather than ids. */
	if ((rc = user_get(db, s->u->user.id, &stored)) != DB_OK)
		return rc == 1 ? DB_ERROR : rc;
	describe_changes(&changes, &old, &stored);
	if (s->set_groups)
		rc = set_groups(db, stored.user.id, s->group_ids, s->n_groups,
		    now, &changes);
	if (rc == DB_OK)
		rc = audit_record(db, s->actor, s->impersonator,
		    s->is_new ? "user_create" : "user_update", "user",
		    stored.user.id, changes.len ? changes.data : "no change");
	buf_free(&changes);
	return rc;
}

int
user_save_in_txn(struct db *db, struct user_details *u,
    const long long *group_ids, size_t n_groups, int set_groups,
    long long actor_id, long long impersonator_id)
{
	struct save	 s = { u, group_ids, n_groups, set_groups, actor_id,
	    impersonator_id, u->user.id == 0 };

	return save_txn(db, &s);
}

int
user_save(struct db *db, struct user_details *u, const long long *group_ids,
    size_t n_groups, int set_groups, long long actor_id,
    long long impersonator_id)
{
	struct save	 s = { u, group_ids, n_groups, set_groups, actor_id,
	    impersonator_id, u->user.id == 0 };
	long long	 id = u->user.id;
	int		 rc;

	rc = db_txn(db, save_txn, &s);
	if (rc != DB_OK)
		u->user.id = id;
	return rc;
}

struct password {
	long long	 id;
	const char	*hash;
	long long	 actor, impersonator;
};

static int
password_txn(struct db *db, void *arg)
{
	struct password	*p = arg;
	struct user	 u;
	struct buf	 details = { 0 };
	char		 now[27];
	long long	 ended;
	int		 rc;

	if ((rc = user_find_id(db, p->id, &u)) != DB_OK)
		return rc;
	clock_format_sql(clock_now(), now);
	rc = db_exec(db, "UPDATE users SET password_hash = ?, updated_at = ? "
	    "WHERE id = ?", "ssl", p->hash, now, p->id);
	if (rc == DB_OK)
		rc = end_sessions(db, p->id, &ended);
	if (rc == DB_OK) {
		buf_printf(&details, "password replaced by an administrator; "
		    "sessions ended: %lld", ended);
		rc = audit_record(db, p->actor, p->impersonator,
		    "user_password_reset", "user", p->id, details.data);
	}
	buf_free(&details);
	return rc;
}

int
user_set_password(struct db *db, long long id, const char *hash,
    long long actor_id, long long impersonator_id)
{
	struct password	 p = { id, hash, actor_id, impersonator_id };

	return db_txn(db, password_txn, &p);
}

struct activation {
	long long	 id;
	int		 active;
	long long	 actor, impersonator;
	int		 changed;
};

static int
activation_txn(struct db *db, void *arg)
{
	struct activation	*a = arg;
	struct user		 u;
	struct buf		 details = { 0 };
	char			 now[27];
	long long		 ended = 0;
	int			 rc;

	a->changed = 0;
	if ((rc = user_find_id(db, a->id, &u)) != DB_OK)
		return rc;
	if (u.active == a->active)
		return DB_OK;
	clock_format_sql(clock_now(), now);
	rc = db_exec(db, "UPDATE users SET active = ?, updated_at = ? "
	    "WHERE id = ?", "isl", a->active, now, a->id);
	if (rc == DB_OK && !a->active)
		rc = end_sessions(db, a->id, &ended);
	if (rc != DB_OK)
		return rc;
	if (a->active)
		buf_puts(&details, "active: 0 -> 1");
	else
		buf_printf(&details, "active: 1 -> 0; sessions ended: %lld",
		    ended);
	rc = audit_record(db, a->actor, a->impersonator, a->active ?
	    "user_activate" : "user_deactivate", "user", a->id, details.data);
	buf_free(&details);
	a->changed = rc == DB_OK;
	return rc;
}

int
user_set_active(struct db *db, long long id, int active, long long actor_id,
    long long impersonator_id, int *changed)
{
	struct activation	 a = { id, active != 0, actor_id,
	    impersonator_id, 0 };
	int			 rc;

	rc = db_txn(db, activation_txn, &a);
	*changed = rc == DB_OK && a.changed;
	return rc;
}
