#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "clock.h"
#include "db.h"
#include "listing.h"
#include "settings.h"
#include "str.h"

#define SELECT_TYPES \
	"SELECT t.id, t.name, t.description, " \
	"(SELECT COUNT(*) FROM users u WHERE u.user_type_id = t.id) AS n " \
	"FROM user_types t WHERE (? = '' OR t.name LIKE ?) " \
	"AND (? = '' OR t.name LIKE ?) "
#define PAGE	" LIMIT ? OFFSET ?"

static int
collect_types(struct db_res *res, struct user_type **out, size_t *n)
{
	struct user_type	*rows;
	size_t			 i = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	if ((rows = calloc(db_rows(res) + 1, sizeof(*rows))) == NULL) {
		db_res_free(res);
		return DB_ERROR;
	}
	while ((rc = db_next(res)) == 1) {
		rows[i].id = db_int(res, 0);
		str_copy(rows[i].name, db_str(res, 1), sizeof(rows[i].name));
		str_copy(rows[i].description, db_str(res, 2),
		    sizeof(rows[i].description));
		rows[i].users = db_int(res, 3);
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
user_type_list(struct db *db, const struct listing *l,
    struct user_type **out, size_t *n)
{
	struct db_res	*res;
	int		 rc;

	switch (l->sort * 2 + l->desc) {
	case 1:
		rc = db_query(db, &res, SELECT_TYPES "ORDER BY t.name DESC"
		    PAGE, "ssssll", l->q_pattern, l->q_pattern,
		    l->letter_pattern, l->letter_pattern, l->limit, l->offset);
		break;
	case 2:
		rc = db_query(db, &res, SELECT_TYPES "ORDER BY n, t.name"
		    PAGE, "ssssll", l->q_pattern, l->q_pattern,
		    l->letter_pattern, l->letter_pattern, l->limit, l->offset);
		break;
	case 3:
		rc = db_query(db, &res, SELECT_TYPES "ORDER BY n DESC, t.name"
		    PAGE, "ssssll", l->q_pattern, l->q_pattern,
		    l->letter_pattern, l->letter_pattern, l->limit, l->offset);
		break;
	default:
		rc = db_query(db, &res, SELECT_TYPES "ORDER BY t.name" PAGE,
		    "ssssll", l->q_pattern, l->q_pattern, l->letter_pattern,
		    l->letter_pattern, l->limit, l->offset);
		break;
	}
	if (rc != DB_OK)
		return rc;
	return collect_types(res, out, n);
}

int
user_type_all(struct db *db, struct user_type **out, size_t *n)
{
	struct db_res	*res;
	int		 rc;

	/* Without the per-type user count, which costs a scan of users. */
	rc = db_query(db, &res, "SELECT t.id, t.name, t.description, 0 "
	    "FROM user_types t ORDER BY t.name", "");
	if (rc != DB_OK)
		return rc;
	return collect_types(res, out, n);
}

int
user_type_get(struct db *db, long long id, struct user_type *t)
{
	struct db_res		*res;
	struct user_type	*rows;
	size_t			 n;
	int			 rc;

	rc = db_query(db, &res, SELECT_TYPES "AND t.id = ?", "ssssl", "", "",
	    "", "", id);
	if (rc != DB_OK)
		return rc;
	if ((rc = collect_types(res, &rows, &n)) != DB_OK)
		return rc;
	if (n == 1)
		*t = rows[0];
	free(rows);
	return n == 1 ? DB_OK : 1;
}

struct type_save {
	struct user_type	*t;
	long long		 actor, impersonator;
	int			 is_new;
};

static int
type_save_txn(struct db *db, void *arg)
{
	struct type_save	*s = arg;
	struct user_type	*t = s->t, old;
	struct buf		 changes = { 0 };
	char			 now[27];
	int			 rc;

	clock_format_sql(clock_now(), now);
	if (s->is_new) {
		rc = db_exec(db, "INSERT INTO user_types (name, description, "
		    "created_at, updated_at) VALUES (?, ?, ?, ?)", "ssss",
		    t->name, t->description, now, now);
		if (rc != DB_OK)
			return rc;
		t->id = (long long)db_insert_id(db);
		return audit_record(db, s->actor, s->impersonator,
		    "user_type_create", "user_type", t->id, t->name);
	}
	if ((rc = user_type_get(db, t->id, &old)) != DB_OK)
		return rc;
	audit_change(&changes, "name", old.name, t->name);
	audit_change(&changes, "description", old.description,
	    t->description);
	rc = db_exec(db, "UPDATE user_types SET name = ?, description = ?, "
	    "updated_at = ? WHERE id = ?", "sssl", t->name, t->description,
	    now, t->id);
	if (rc == DB_OK)
		rc = audit_record(db, s->actor, s->impersonator,
		    "user_type_update", "user_type", t->id,
		    changes.data ? changes.data : "no change");
	buf_free(&changes);
	return rc;
}

int
user_type_save(struct db *db, struct user_type *t, long long actor_id,
    long long impersonator_id)
{
	struct type_save	 s = { t, actor_id, impersonator_id, t->id == 0 };
	long long		 id = t->id;
	int			 rc;

	if ((rc = db_txn(db, type_save_txn, &s)) != DB_OK)
		t->id = id;
	return rc;
}

int
language_all(struct db *db, struct language **out, size_t *n)
{
	struct db_res	*res;
	struct language	*rows;
	size_t		 i = 0;
	int		 rc;

	*out = NULL;
	*n = 0;
	rc = db_query(db, &res, "SELECT l.code, l.name, "
	    "(SELECT COUNT(*) FROM users u WHERE u.language_code = l.code) + "
	    "(SELECT COUNT(*) FROM courses c WHERE c.language_code = l.code) + "
	    "(SELECT COUNT(*) FROM certifications x "
	    "WHERE x.language_code = l.code) "
	    "FROM languages l ORDER BY l.code <> 'en', l.name", "");
	if (rc != DB_OK)
		return rc;
	if ((rows = calloc(db_rows(res) + 1, sizeof(*rows))) == NULL) {
		db_res_free(res);
		return DB_ERROR;
	}
	while ((rc = db_next(res)) == 1) {
		str_copy(rows[i].code, db_str(res, 0), sizeof(rows[i].code));
		str_copy(rows[i].name, db_str(res, 1), sizeof(rows[i].name));
		rows[i].uses = db_int(res, 2);
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

const char *
language_code_invalid(const char *code)
{
	size_t	 len = strlen(code), i, run = 0, first = 1;

	if (len == 0)
		return "Enter a language code such as fr or pt-BR.";
	if (len > 16)
		return "The code must be at most 16 characters long.";
	for (i = 0; i <= len; i++) {
		if (code[i] == '-' || code[i] == '\0') {
			if ((first && (run < 2 || run > 3)) ||
			    (!first && (run < 2 || run > 8)))
				return "The code must be a language tag such "
				    "as fr, de-CH or pt-BR.";
			first = 0;
			run = 0;
		} else if (isalpha((unsigned char)code[i]) ||
		    (!first && isdigit((unsigned char)code[i]))) {
			run++;
		} else {
			return "The code may contain only letters, digits "
			    "and hyphens, such as fr or pt-BR.";
		}
	}
	return NULL;
}

struct lang_change {
	const struct language	*lang;
	const char		*code;
	long long		 actor, impersonator;
	int			 result;
};

static int
language_add_txn(struct db *db, void *arg)
{
	struct lang_change	*c = arg;
	int			 rc;

	rc = db_exec(db, "INSERT INTO languages (code, name) VALUES (?, ?)",
	    "ss", c->lang->code, c->lang->name);
	if (rc != DB_OK)
		return rc;
	return audit_record(db, c->actor, c->impersonator, "language_add",
	    "language", 0, c->lang->code);
}

int
language_add(struct db *db, const struct language *lang, long long actor_id,
    long long impersonator_id)
{
	struct lang_change	 c = { lang, NULL, actor_id, impersonator_id, 0 };

	return db_txn(db, language_add_txn, &c);
}

static int
language_remove_txn(struct db *db, void *arg)
{
	struct lang_change	*c = arg;
	struct db_res		*res;
	long long		 uses = 0;
	int			 rc;

	/* The count gives the user a clear message; the foreign keys are
	 * what stop a row added meanwhile from losing its language. */
	rc = db_query(db, &res, "SELECT "
	    "(SELECT COUNT(*) FROM users WHERE language_code = ?) + "
	    "(SELECT COUNT(*) FROM courses WHERE language_code = ?) + "
	    "(SELECT COUNT(*) FROM certifications WHERE language_code = ?)",
	    "sss", c->code, c->code, c->code);
	if (rc != DB_OK)
		return rc;
	if (db_next(res) == 1)
		uses = db_int(res, 0);
	db_res_free(res);
	if (uses > 0) {
		c->result = 2;
		return 2;
	}
	rc = db_exec(db, "DELETE FROM languages WHERE code = ?", "s", c->code);
	if (rc != DB_OK)
		return rc;
	if (db_affected(db) == 0) {
		c->result = 3;
		return 3;
	}
	return audit_record(db, c->actor, c->impersonator, "language_remove",
	    "language", 0, c->code);
}

int
language_remove(struct db *db, const char *code, long long actor_id,
    long long impersonator_id)
{
	struct lang_change	 c = { NULL, code, actor_id, impersonator_id, 0 };
	int			 rc;

	if (strcmp(code, LANGUAGE_DEFAULT) == 0)
		return 1;
	rc = db_txn(db, language_remove_txn, &c);
	if (rc == DB_ERROR && strstr(db_error(db), "1451") != NULL)
		return 2;
	return rc;
}
