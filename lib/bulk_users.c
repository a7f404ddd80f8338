/*
 * Rows of a users file: login, email, first_name, last_name and the
 * optional user_type, language and groups.  A row creates the user with
 * that login (a learner, active, without a password) or updates the one
 * that has it.  A user type or language column that is present sets the
 * value, and an empty cell clears the user type or chooses the default
 * language.  The groups cell adds the user to each group it names and
 * leaves other memberships alone.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "bulk_row.h"
#include "db.h"
#include "settings.h"
#include "str.h"
#include "user.h"

/* Groups one cell may name. */
#define ROW_GROUPS_MAX	50

/* The lookups return DB_OK with *id set, 1 when there is no such row,
 * or a db_status. */
static int
user_type_id(struct db *db, const char *name, long long *id)
{
	return db_query_int(db, id, "SELECT id FROM user_types WHERE name = ?",
	    "s", name);
}

static int
group_id(struct db *db, const char *name, long long *id)
{
	return db_query_int(db, id, "SELECT id FROM user_groups WHERE name = ?",
	    "s", name);
}

static int
language_exists(struct db *db, const char *code)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, "SELECT code FROM languages WHERE code = ?",
	    "s", code);
	if (rc != DB_OK)
		return rc;
	rc = db_next(res);
	db_res_free(res);
	return db_found(rc);
}

/* Checks the text columns into d.  Reports what is invalid. */
static void
read_text(struct bulk_run *run, struct user_details *d)
{
	const char	**v = run->value, *why;

	if ((why = user_login_invalid(v[USERS_LOGIN])) != NULL)
		bulk_error(run, "login", "%s", why);
	str_copy(d->user.login, v[USERS_LOGIN], sizeof(d->user.login));

	if (v[USERS_EMAIL][0] == '\0')
		bulk_error(run, "email", "the e-mail address is missing");
	else if ((why = user_email_invalid(v[USERS_EMAIL])) != NULL)
		bulk_error(run, "email", "%s", why);
	str_copy(d->user.email, v[USERS_EMAIL], sizeof(d->user.email));

	if (v[USERS_FIRST_NAME][0] == '\0')
		bulk_error(run, "first_name", "the first name is missing");
	else if (bulk_chars(v[USERS_FIRST_NAME]) > USER_NAME_MAX)
		bulk_error(run, "first_name", "the first name is longer than "
		    "%d characters", USER_NAME_MAX);
	str_copy(d->user.first_name, v[USERS_FIRST_NAME],
	    sizeof(d->user.first_name));

	if (v[USERS_LAST_NAME][0] == '\0')
		bulk_error(run, "last_name", "the last name is missing");
	else if (bulk_chars(v[USERS_LAST_NAME]) > USER_NAME_MAX)
		bulk_error(run, "last_name", "the last name is longer than "
		    "%d characters", USER_NAME_MAX);
	str_copy(d->user.last_name, v[USERS_LAST_NAME],
	    sizeof(d->user.last_name));
}

/* Checks the user type and language columns into d, when present. */
static int
read_choices(struct bulk_run *run, struct user_details *d)
{
	const char	*type = run->value[USERS_USER_TYPE];
	const char	*lang = run->value[USERS_LANGUAGE];
	int		 rc;

	if (type != NULL) {
		d->user_type_id = 0;
		if (type[0] != '\0' &&
		    (rc = user_type_id(run->db, type, &d->user_type_id)) != DB_OK) {
			if (rc != 1)
				return rc;
			bulk_error(run, "user_type", "there is no user type "
			    "named \"%s\"; add it under Settings first, or "
			    "leave the cell empty", type);
		}
	}
	if (lang != NULL) {
		str_copy(d->language, lang[0] ? lang : LANGUAGE_DEFAULT,
		    sizeof(d->language));
		if ((rc = language_exists(run->db, d->language)) != DB_OK) {
			if (rc != 1)
				return rc;
			bulk_error(run, "language", "there is no language with "
			    "the code \"%s\"; use a code listed under "
			    "Settings, Languages, such as \"%s\"", lang,
			    LANGUAGE_DEFAULT);
		}
	}
	return DB_OK;
}

/* Splits the groups cell at BULK_GROUP_SEPARATOR into group ids.
 * Returns DB_OK after reporting unknown groups, or a db_status. */
static int
read_groups(struct bulk_run *run, long long *ids, size_t *n)
{
	const char	*cell = run->value[USERS_GROUPS], *p, *end;
	char		 name[USER_GROUP_NAME_MAX * 4 + 1];
	size_t		 len;
	int		 rc;

	*n = 0;
	for (p = cell; p != NULL && *p != '\0'; p = *end ? end + 1 : end) {
		if ((end = strchr(p, BULK_GROUP_SEPARATOR)) == NULL)
			end = p + strlen(p);
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		len = (size_t)(end - p);
		while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t'))
			len--;
		if (len == 0)
			continue;
		if (len >= sizeof(name) || *n == ROW_GROUPS_MAX) {
			bulk_error(run, "groups", "the cell names more than %d "
			    "groups or a name that is too long", ROW_GROUPS_MAX);
			return DB_OK;
		}
		memcpy(name, p, len);
		name[len] = '\0';
		rc = group_id(run->db, name, &ids[*n]);
		if (rc == 1)
			bulk_error(run, "groups", "there is no user group named "
			    "\"%s\"; create it first, and separate group names "
			    "with \"%c\"", name, BULK_GROUP_SEPARATOR);
		else if (rc != DB_OK)
			return rc;
		else
			(*n)++;
	}
	return DB_OK;
}

/*
 * Returns in *all (freed by the caller) the listed ids[0..n) followed by
 * the user's other current groups, and in *added how many listed groups
 * the user is not in yet.
 */
static int
merge_groups(struct bulk_run *run, long long user_id, const long long *ids,
    size_t n, long long **all, size_t *n_all, size_t *added)
{
	struct user_group	*cur;
	size_t			 ncur, i, k;
	int			 rc;

	*added = n;
	if ((rc = user_groups_of(run->db, user_id, &cur, &ncur)) != DB_OK)
		return rc;
	if ((*all = calloc(n + ncur + 1, sizeof(**all))) == NULL) {
		free(cur);
		return DB_ERROR;
	}
	memcpy(*all, ids, n * sizeof(*ids));
	*n_all = n;
	for (i = 0; i < ncur; i++) {
		for (k = 0; k < n && ids[k] != cur[i].id; k++)
			continue;
		if (k < n)
			(*added)--;
		else
			(*all)[(*n_all)++] = cur[i].id;
	}
	free(cur);
	return DB_OK;
}

static int
same_user(const struct user_details *a, const struct user_details *b)
{
	return strcmp(a->user.email, b->user.email) == 0 &&
	    strcmp(a->user.first_name, b->user.first_name) == 0 &&
	    strcmp(a->user.last_name, b->user.last_name) == 0 &&
	    a->user_type_id == b->user_type_id &&
	    strcmp(a->language, b->language) == 0;
}

/* Writes a checked row: creates or updates the user unless nothing
 * would change. */
static int
write_user(struct bulk_run *run, int exists, const struct user_details *old,
    struct user_details *d, const long long *ids, size_t n)
{
	long long	*all = NULL;
	size_t		 n_all = n, added = n;
	int		 rc;

	if (exists && (rc = merge_groups(run, d->user.id, ids, n, &all,
	    &n_all, &added)) != DB_OK)
		return rc;
	if (exists && added == 0 && same_user(old, d)) {
		free(all);
		run->report->unchanged++;
		return DB_OK;
	}
	rc = user_save_in_txn(run->db, d, exists ? all : ids, n_all,
	    added > 0, run->actor, run->impersonator);
	free(all);
	if (rc == DB_DUPLICATE) {
		bulk_error(run, "login", "another user has the login \"%s\"",
		    d->user.login);
		return DB_OK;
	}
	if (rc != DB_OK)
		return rc;
	if (exists)
		run->report->updated++;
	else
		run->report->created++;
	return DB_OK;
}

int
bulk_users_row(struct bulk_run *run)
{
	struct user_details	 old, d;
	struct user		 found;
	long long		 ids[ROW_GROUPS_MAX];
	size_t			 n = 0;
	int			 rc, exists, seen;

	memset(&old, 0, sizeof(old));
	memset(&d, 0, sizeof(d));
	rc = user_find_login(run->db, run->value[USERS_LOGIN], &found);
	if (rc < 0)
		return rc;
	exists = rc == DB_OK;
	if (exists) {
		if ((rc = user_get(run->db, found.id, &old)) != DB_OK)
			return rc == 1 ? DB_ERROR : rc;
		d = old;
	} else {
		d.user.role = ROLE_LEARNER;
		d.user.active = 1;
	}
	read_text(run, &d);
	if (exists)	/* the stored login keeps its letter case */
		str_copy(d.user.login, old.user.login, sizeof(d.user.login));
	if ((rc = read_choices(run, &d)) != DB_OK)
		return rc;
	if ((rc = read_groups(run, ids, &n)) != DB_OK)
		return rc;
	if (exists &&
	    (seen = bulk_seen(run, found.id, "login", "login")) != 0)
		return seen == 1 ? DB_OK : DB_ERROR;
	if (run->row_failed)
		return DB_OK;

	if ((rc = write_user(run, exists, &old, &d, ids, n)) != DB_OK)
		return rc;
	if (!exists && !run->row_failed &&
	    bulk_seen(run, d.user.id, "login", "login") == -1)
		return DB_ERROR;
	return DB_OK;
}
