/*
 * The user functions of the admin pages against the real MariaDB of the
 * test stack ($LAUREL_TEST_CONFIG): input checks, the list with its
 * search and filters, saving with memberships, password reset and
 * (de)activation with the sessions they end.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "clock.h"
#include "conf.h"
#include "db.h"
#include "listing.h"
#include "str.h"
#include "tap.h"
#include "user.h"

static struct config	*cfg;
static struct db	*db;
static char		 token[16];	/* unique to this run, letters first */

/* Counts the "members", "sessions" or audit rows of user id; returns -1
 * when the query fails. */
static long long
count_for(const char *what, long long id)
{
	struct db_res	*res;
	long long	 n = -1;
	int		 rc;

	if (strcmp(what, "members") == 0)
		rc = db_query(db, &res, "SELECT COUNT(*) FROM user_group_members "
		    "WHERE user_id = ?", "l", id);
	else if (strcmp(what, "sessions") == 0)
		rc = db_query(db, &res, "SELECT COUNT(*) FROM sessions "
		    "WHERE user_id = ? OR impersonator_id = ?", "ll", id, id);
	else
		rc = db_query(db, &res, "SELECT COUNT(*) FROM audit_log "
		    "WHERE target_type = 'user' AND target_id = ?", "l", id);
	if (rc != DB_OK)
		return -1;
	if (db_next(res) == 1)
		n = db_int(res, 0);
	db_res_free(res);
	return n;
}

/* Copies the details of the newest audit row of a user into out. */
static void
last_audit(long long id, char *out, size_t outsz)
{
	struct db_res	*res;

	out[0] = '\0';
	if (db_query(db, &res, "SELECT CONCAT(action, ': ', details) "
	    "FROM audit_log WHERE target_type = 'user' AND target_id = ? "
	    "ORDER BY id DESC LIMIT 1", "l", id) != DB_OK)
		return;
	if (db_next(res) == 1)
		str_copy(out, db_str(res, 0), outsz);
	db_res_free(res);
}

static long long
make_group(const char *name)
{
	char	 full[200];

	snprintf(full, sizeof(full), "%s %s", name, token);
	if (db_exec(db, "INSERT INTO user_groups (name, created_at, "
	    "updated_at) VALUES (?, NOW(6), NOW(6))", "s", full) != DB_OK)
		return 0;
	return (long long)db_insert_id(db);
}

/* Fills d with a valid new learner named login-token. */
static void
new_details(struct user_details *d, const char *login, const char *first,
    const char *last)
{
	memset(d, 0, sizeof(*d));
	snprintf(d->user.login, sizeof(d->user.login), "%s-%s", token, login);
	snprintf(d->user.email, sizeof(d->user.email), "%s@example.com",
	    d->user.login);
	snprintf(d->user.first_name, sizeof(d->user.first_name), "%s%s",
	    first, token);
	snprintf(d->user.last_name, sizeof(d->user.last_name), "%s%s", last,
	    token);
	d->user.role = ROLE_LEARNER;
	d->user.active = 1;
	str_copy(d->language, "en", sizeof(d->language));
	auth_hash_password(cfg, "first pass 123", d->user.password_hash);
}

static void
test_checks(void)
{
	char	 mail[300];

	ok(user_email_invalid("anna@example.com") == NULL, "plain e-mail valid");
	ok(user_email_invalid("zoë@exämple.de") == NULL,
	    "non-ASCII e-mail valid");
	ok(user_email_invalid("") != NULL, "empty e-mail invalid");
	ok(user_email_invalid("anna.example.com") != NULL, "e-mail without @");
	ok(user_email_invalid("a@b@example.com") != NULL, "e-mail with two @");
	ok(user_email_invalid("@example.com") != NULL, "e-mail without name");
	ok(user_email_invalid("anna@localhost") != NULL, "domain without dot");
	ok(user_email_invalid("anna@.example.com") != NULL,
	    "domain starting with a dot");
	ok(user_email_invalid("anna@example.") != NULL,
	    "domain ending with a dot");
	ok(user_email_invalid("an na@example.com") != NULL, "space in e-mail");
	ok(user_email_invalid("anna@exa\tmple.com") != NULL, "tab in e-mail");
	memset(mail, 'a', 242);
	strcpy(mail + 242, "@example.com");
	ok(user_email_invalid(mail) == NULL, "254-character e-mail valid");
	memset(mail, 'a', 243);
	strcpy(mail + 243, "@example.com");
	ok(user_email_invalid(mail) != NULL, "255-character e-mail invalid");

	ok(user_time_zone_invalid("") == NULL, "empty zone is the site's");
	ok(user_time_zone_invalid("UTC") == NULL, "UTC valid");
	ok(user_time_zone_invalid("Europe/Paris") == NULL, "Europe/Paris valid");
	ok(user_time_zone_invalid("America/Argentina/Buenos_Aires") == NULL,
	    "three-part zone valid");
	ok(user_time_zone_invalid("Etc/GMT+5") == NULL, "zone with + valid");
	ok(user_time_zone_invalid("Mars/Olympus_Mons") != NULL,
	    "unknown zone invalid");
	ok(user_time_zone_invalid("../../etc/passwd") != NULL,
	    "path out of the folder invalid");
	ok(user_time_zone_invalid("/etc/passwd") != NULL, "absolute path invalid");
	ok(user_time_zone_invalid("Europe//Paris") != NULL,
	    "empty name part invalid");
	ok(user_time_zone_invalid("Europe/") != NULL, "trailing slash invalid");
	ok(user_time_zone_invalid("Europe") != NULL, "folder invalid");
	ok(user_time_zone_invalid("zone.tab") != NULL, "table file invalid");
	ok(user_time_zone_invalid("leapseconds") != NULL,
	    "file that is no compiled zone invalid");
}

static void
test_save(void)
{
	struct user_details	 d, got;
	struct session		 s;
	char			 tok[AUTH_TOKEN_LEN + 1], csrf[AUTH_TOKEN_LEN + 1];
	char			 audit[2000];
	long long		 g1 = make_group("Sales"), g2 = make_group("Support");
	long long		 gone = make_group("Gone"), both[3], id;
	int			 i;

	ok(g1 > 0 && g2 > 0 && gone > 0, "groups created");
	new_details(&d, "save", "Sue", "Save");
	d.user_type_id = 0;
	str_copy(d.time_zone, "Europe/Paris", sizeof(d.time_zone));
	both[0] = g1;
	both[1] = g2;
	both[2] = gone;
	db_exec(db, "DELETE FROM user_groups WHERE id = ?", "l", gone);
	is_int(user_save(db, &d, both, 3, 1, 0, 0), DB_OK, "new user saved");
	id = d.user.id;
	ok(id > 0, "new user has an id");
	is_int(count_for("members", id), 2,
	    "memberships saved, deleted group skipped");
	is_int(user_get(db, id, &got), DB_OK, "user loads");
	is_str(got.user.login, d.user.login, "login stored");
	is_str(got.time_zone, "Europe/Paris", "time zone stored");
	is_str(got.language, "en", "language stored");
	ok(got.last_sign_in_at[0] == '\0', "never signed in");
	ok(got.created_at[0] == '2', "creation time stored");
	last_audit(id, audit, sizeof(audit));
	ok(strncmp(audit, "user_create: ", 13) == 0, "creation audited");
	ok(strstr(audit, "groups added: \"Sales ") != NULL,
	    "creation audit names the groups");
	ok(strstr(audit, "argon2") == NULL, "creation audit has no hash");

	new_details(&d, "SAVE", "Dup", "Dup");
	is_int(user_save(db, &d, NULL, 0, 1, 0, 0), DB_DUPLICATE,
	    "login differing in case is a duplicate");
	is_int(d.user.id, 0, "failed insert leaves the id 0");

	got.user.id = id;
	both[0] = g2;
	is_int(user_save(db, &got, both, 1, 1, 0, 0), DB_OK, "groups changed");
	is_int(count_for("members", id), 1, "one membership left");
	last_audit(id, audit, sizeof(audit));
	ok(strstr(audit, "groups removed: \"Sales ") != NULL,
	    "update audit names the removed group");
	ok(strstr(audit, "groups added") == NULL,
	    "update audit adds nothing kept");

	is_int(user_save(db, &got, NULL, 0, 0, 0, 0), DB_OK,
	    "save leaving groups alone");
	is_int(count_for("members", id), 1, "memberships left alone");
	last_audit(id, audit, sizeof(audit));
	is_str(audit, "user_update: no change", "unchanged save audited");

	session_create(db, cfg, id, 0, tok, csrf);
	got.user.active = 0;
	is_int(user_save(db, &got, NULL, 0, 0, 0, 0), DB_OK,
	    "deactivated through the form");
	is_int(count_for("sessions", id), 0, "deactivation ended the session");
	is_int(session_load(db, cfg, tok, &s), 1, "session token no longer loads");

	/* 100 characters of 3 bytes: the audit row cuts the value at 200
	 * bytes, which must not split a character. */
	got.user.active = 1;
	got.user.first_name[0] = '\0';
	for (i = 0; i < 100; i++)
		strcat(got.user.first_name, "\xe2\x82\xac");
	is_int(user_save(db, &got, NULL, 0, 0, 0, 0), DB_OK,
	    "100 three-byte characters saved");
	last_audit(id, audit, sizeof(audit));
	ok(strstr(audit, "\xe2\x82\xac\" -> ") == NULL &&
	    strstr(audit, "\xe2\x82\xac\xe2\x82\xac\"") != NULL,
	    "audit row cut between characters");

	got.user.id = 999999999;
	is_int(user_save(db, &got, NULL, 0, 0, 0, 0), 1,
	    "updating an unknown user returns 1");
}

static void
test_password_and_activation(void)
{
	struct user_details	 d;
	struct user		 u;
	char			 tok[AUTH_TOKEN_LEN + 1], csrf[AUTH_TOKEN_LEN + 1];
	char			 hash[AUTH_HASH_LEN], audit[2000];
	long long		 id, other;
	int			 changed;

	new_details(&d, "pw", "Pat", "Word");
	user_save(db, &d, NULL, 0, 0, 0, 0);
	id = d.user.id;
	new_details(&d, "pw-other", "Oli", "Other");
	user_save(db, &d, NULL, 0, 0, 0, 0);
	other = d.user.id;

	session_create(db, cfg, id, 0, tok, csrf);
	session_create(db, cfg, other, id, tok, csrf);
	is_int(count_for("sessions", id), 2,
	    "own session and one viewing as another user");
	auth_hash_password(cfg, "second pass 456", hash);
	is_int(user_set_password(db, id, hash, 0, 0), DB_OK, "password reset");
	is_int(count_for("sessions", id), 0, "reset ended both sessions");
	user_find_id(db, id, &u);
	ok(auth_verify_password(u.password_hash, "second pass 456"),
	    "new password verifies");
	ok(!auth_verify_password(u.password_hash, "first pass 123"),
	    "old password fails");
	last_audit(id, audit, sizeof(audit));
	is_str(audit, "user_password_reset: password replaced by an "
	    "administrator; sessions ended: 2", "reset audited");
	is_int(user_set_password(db, 999999999, hash, 0, 0), 1,
	    "reset of an unknown user returns 1");

	session_create(db, cfg, id, 0, tok, csrf);
	is_int(user_set_active(db, id, 0, 0, 0, &changed), DB_OK, "deactivated");
	is_int(changed, 1, "deactivation changed the user");
	is_int(count_for("sessions", id), 0, "deactivation ended the session");
	user_find_id(db, id, &u);
	is_int(u.active, 0, "user stored inactive");
	last_audit(id, audit, sizeof(audit));
	is_str(audit, "user_deactivate: active: 1 -> 0; sessions ended: 1",
	    "deactivation audited");
	is_int(count_for("audit", id), 3, "three audit rows so far");
	is_int(user_set_active(db, id, 0, 0, 0, &changed), DB_OK,
	    "deactivated again");
	is_int(changed, 0, "second deactivation changed nothing");
	is_int(count_for("audit", id), 3, "second deactivation not audited");
	is_int(user_set_active(db, id, 1, 0, 0, &changed), DB_OK, "activated");
	is_int(changed, 1, "activation changed the user");
	user_find_id(db, id, &u);
	is_int(u.active, 1, "user stored active");
	last_audit(id, audit, sizeof(audit));
	is_str(audit, "user_activate: active: 0 -> 1", "activation audited");
	is_int(user_set_active(db, 999999999, 1, 0, 0, &changed), 1,
	    "activating an unknown user returns 1");
}

/* Lists with search text q and filter f, sorted by sort (desc when
 * desc), and writes the logins (without the token) joined by spaces. */
static void
list_logins(const char *q, const struct user_filter *f, int sort, int desc,
    char *out, size_t outsz)
{
	struct listing		 l;
	struct user_details	*rows;
	size_t			 n, i, len = strlen(token) + 1;

	memset(&l, 0, sizeof(l));
	l.q = q;
	l.sort = sort;
	l.desc = desc;
	listing_prepare(&l);
	out[0] = '\0';
	if (user_list(db, &l, f, &rows, &n) != DB_OK) {
		str_copy(out, "(error)", outsz);
		return;
	}
	for (i = 0; i < n; i++) {
		if (out[0] != '\0')
			strncat(out, " ", outsz - strlen(out) - 1);
		strncat(out, rows[i].user.login + len, outsz - strlen(out) - 1);
	}
	free(rows);
}

static void
test_list(void)
{
	struct user_details	 d;
	struct user_filter	 any = { 0, 0, ROLE_NONE, -1 }, f;
	char			 q[64], got[400];
	long long		 g = make_group("Listed");

	new_details(&d, "l-ann", "Ann", "Smith");
	user_save(db, &d, &g, 1, 1, 0, 0);
	new_details(&d, "l-bob", "Bob", "Annan");
	d.user.role = ROLE_ADMIN;
	user_save(db, &d, NULL, 0, 0, 0, 0);
	new_details(&d, "l-sam", "Sam", "Anders");
	d.user.active = 0;
	user_save(db, &d, NULL, 0, 0, 0, 0);

	snprintf(q, sizeof(q), "%s-l-", token);
	list_logins(q, &any, 0, 0, got, sizeof(got));
	is_str(got, "l-sam l-bob l-ann", "search by login, sorted by last name");
	list_logins(q, &any, 1, 0, got, sizeof(got));
	is_str(got, "l-ann l-bob l-sam", "sort by login");
	list_logins(q, &any, 1, 1, got, sizeof(got));
	is_str(got, "l-sam l-bob l-ann", "sort by login descending");
	snprintf(q, sizeof(q), "Ann%s", token);
	list_logins(q, &any, 0, 0, got, sizeof(got));
	is_str(got, "l-ann", "search by first name");
	snprintf(q, sizeof(q), "Ann%s Smi", token);
	list_logins(q, &any, 0, 0, got, sizeof(got));
	is_str(got, "l-ann", "first name and last name prefixes");
	snprintf(q, sizeof(q), "Ann%s   Smi", token);
	list_logins(q, &any, 0, 0, got, sizeof(got));
	is_str(got, "l-ann", "several spaces between the names");
	snprintf(q, sizeof(q), "Bob%s Smi", token);
	list_logins(q, &any, 0, 0, got, sizeof(got));
	is_str(got, "", "first name of one and last name of another");
	snprintf(q, sizeof(q), "%s-l_", token);
	list_logins(q, &any, 0, 0, got, sizeof(got));
	is_str(got, "", "underscore is no wildcard");

	snprintf(q, sizeof(q), "%s-l-", token);
	f = any;
	f.role = ROLE_ADMIN;
	list_logins(q, &f, 0, 0, got, sizeof(got));
	is_str(got, "l-bob", "role filter");
	f = any;
	f.active = 0;
	list_logins(q, &f, 0, 0, got, sizeof(got));
	is_str(got, "l-sam", "inactive filter");
	f = any;
	f.group_id = g;
	list_logins(q, &f, 0, 0, got, sizeof(got));
	is_str(got, "l-ann", "group filter");
	list_logins("", &f, 0, 0, got, sizeof(got));
	is_str(got, "l-ann", "group filter without a search");
	f = any;
	f.user_type_id = -1;
	list_logins(q, &f, 0, 0, got, sizeof(got));
	is_str(got, "l-sam l-bob l-ann", "filter for users without a type");
}

int
main(void)
{
	const char	*path = getenv("LAUREL_TEST_CONFIG");
	char		 err[256], digits[8];

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
	auth_random_password(digits, 7);
	snprintf(token, sizeof(token), "t%s", digits);

	test_checks();
	test_save();
	test_password_and_activation();
	test_list();

	db_close(db);
	config_free(cfg);
	return tap_done();
}
