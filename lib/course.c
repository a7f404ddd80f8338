/*
 * Courses, their checklists and follow-ups, and the helpers of
 * course_db.h.  Classes are in course_class.c.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "clock.h"
#include "course.h"
#include "course_db.h"
#include "db.h"
#include "listing.h"
#include "str.h"

static const char *const kind_names[] = COURSE_KIND_NAMES;
static const char *const trigger_names[] = COURSE_TRIGGER_NAMES;

const char *
course_excerpt(const char *s, char out[COURSE_EXCERPT_MAX + 4])
{
	size_t	 len = strlen(s);

	if (len <= COURSE_EXCERPT_MAX)
		return s;
	len = COURSE_EXCERPT_MAX;
	while (len > 0 && ((unsigned char)s[len] & 0xc0) == 0x80)
		len--;
	memcpy(out, s, len);
	memcpy(out + len, "...", 4);
	return out;
}

void
course_change_text(struct buf *changes, const char *label,
    const char *old_value, const char *new_value)
{
	char		 a[COURSE_EXCERPT_MAX + 4], b[COURSE_EXCERPT_MAX + 4];
	const char	*old_part, *new_part;

	if (strcmp(old_value, new_value) == 0)
		return;
	old_part = course_excerpt(old_value, a);
	new_part = course_excerpt(new_value, b);
	/* The excerpts are equal when only the part after the cut differs. */
	if (strcmp(old_part, new_part) == 0)
		buf_printf(changes, "%s: changed after the first %d bytes; ",
		    label, COURSE_EXCERPT_MAX);
	else
		audit_change(changes, label, old_part, new_part);
}

static enum course_kind
kind_parse(const char *s)
{
	return strcmp(s, "ilt") == 0 ? COURSE_ILT : COURSE_ONLINE;
}

static enum course_trigger
trigger_parse(const char *s)
{
	if (strcmp(s, "fail") == 0)
		return COURSE_ON_FAIL;
	if (strcmp(s, "complete") == 0)
		return COURSE_ON_COMPLETE;
	return COURSE_ON_PASS;
}

void
course_format_hundredths(long long hundredths, char out[24])
{
	snprintf(out, 24, "%s%lld.%02lld", hundredths < 0 ? "-" : "",
	    llabs(hundredths) / 100, llabs(hundredths) % 100);
}

int
course_code_valid(const char *code)
{
	size_t	 n;

	for (n = 0; code[n] != '\0'; n++) {
		if (!((code[n] >= 'A' && code[n] <= 'Z') ||
		    (code[n] >= 'a' && code[n] <= 'z') ||
		    (code[n] >= '0' && code[n] <= '9') || code[n] == '-' ||
		    code[n] == '_' || code[n] == '.'))
			return 0;
	}
	return n >= 1 && n <= COURSE_CODE_MAX;
}

int
course_collect(struct db_res *res, size_t size, void (*fill)(void *,
    struct db_res *), void **out, size_t *n)
{
	char	*rows;
	size_t	 i = 0;
	int	 rc;

	*out = NULL;
	*n = 0;
	rows = calloc(db_rows(res) ? db_rows(res) : 1, size);
	if (rows == NULL) {
		db_res_free(res);
		return DB_ERROR;
	}
	while ((rc = db_next(res)) == 1)
		fill(rows + size * i++, res);
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
course_first_row(struct db_res *res, void *row, void (*fill)(void *,
    struct db_res *))
{
	int	 rc;

	if ((rc = db_next(res)) == 1)
		fill(row, res);
	db_res_free(res);
	if (rc == 1)
		return DB_OK;
	return rc == 0 ? 1 : rc;
}

/* ------------------------------------------------------------ courses */

#define SELECT_ROWS \
	"SELECT c.id, c.code, c.name, COALESCE(g.name, c.language_code), " \
	"CAST(c.credit_hours * 100 AS SIGNED), c.passing_score, c.kind, " \
	"c.active FROM courses c " \
	"LEFT JOIN languages g ON g.code = c.language_code "
#define LIST_WHERE \
	"WHERE (? = '' OR c.code LIKE ? OR c.name LIKE ?) " \
	"AND (? = '' OR c.name LIKE ?) AND (? = '' OR c.kind = ?) " \
	"AND (? < 0 OR c.active = ?) "
#define PAGE	" LIMIT ? OFFSET ?"

static void
fill_row(void *row, struct db_res *res)
{
	struct course_row	*c = row;

	memset(c, 0, sizeof(*c));
	c->id = db_int(res, 0);
	str_copy(c->code, db_str(res, 1), sizeof(c->code));
	str_copy(c->name, db_str(res, 2), sizeof(c->name));
	str_copy(c->language_name, db_str(res, 3), sizeof(c->language_name));
	c->credit_hundredths = db_int(res, 4);
	c->passing_score = (int)db_int(res, 5);
	c->kind = kind_parse(db_str(res, 6));
	c->active = (int)db_int(res, 7);
}

int
course_list(struct db *db, const struct listing *l,
    const struct course_filter *f, struct course_row **out, size_t *n)
{
	struct db_res	*res;
	const char	*kind = "";
	int		 rc;

	if (f->kind == COURSE_ONLINE || f->kind == COURSE_ILT)
		kind = kind_names[f->kind];

/* The values bound to SELECT_ROWS LIST_WHERE ... PAGE. */
#define LIST_ARGS \
	"sssssssiill", l->q_pattern, l->q_pattern, l->q_pattern, \
	l->letter_pattern, l->letter_pattern, kind, kind, f->active, \
	f->active, l->limit, l->offset

	/* ORDER BY cannot take a placeholder, so each order is a statement.
	 * The last key makes each order total, so pages never overlap. */
	switch (l->sort * 2 + l->desc) {
	case 1:
		rc = db_query(db, &res, SELECT_ROWS LIST_WHERE
		    "ORDER BY c.name DESC, c.id DESC" PAGE, LIST_ARGS);
		break;
	case 2:
		rc = db_query(db, &res, SELECT_ROWS LIST_WHERE
		    "ORDER BY c.code" PAGE, LIST_ARGS);
		break;
	case 3:
		rc = db_query(db, &res, SELECT_ROWS LIST_WHERE
		    "ORDER BY c.code DESC" PAGE, LIST_ARGS);
		break;
	case 4:
		rc = db_query(db, &res, SELECT_ROWS LIST_WHERE
		    "ORDER BY c.credit_hours, c.name, c.id" PAGE, LIST_ARGS);
		break;
	case 5:
		rc = db_query(db, &res, SELECT_ROWS LIST_WHERE
		    "ORDER BY c.credit_hours DESC, c.name DESC, c.id DESC"
		    PAGE, LIST_ARGS);
		break;
	default:
		rc = db_query(db, &res, SELECT_ROWS LIST_WHERE
		    "ORDER BY c.name, c.id" PAGE, LIST_ARGS);
		break;
	}
#undef LIST_ARGS
	if (rc != DB_OK)
		return rc;
	return course_collect(res, sizeof(**out), fill_row, (void **)out, n);
}

int
course_choices(struct db *db, long long except_id, size_t max,
    struct course_row **out, size_t *n)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, SELECT_ROWS "WHERE c.id <> ? "
	    "ORDER BY c.code LIMIT ?", "ll", except_id, (long long)max);
	if (rc != DB_OK)
		return rc;
	return course_collect(res, sizeof(**out), fill_row, (void **)out, n);
}

#define SELECT_COURSE \
	"SELECT id, code, name, description, language_code, " \
	"CAST(credit_hours * 100 AS SIGNED), passing_score, kind, active " \
	"FROM courses "

static void
fill_course(void *row, struct db_res *res)
{
	struct course	*c = row;

	memset(c, 0, sizeof(*c));
	c->id = db_int(res, 0);
	str_copy(c->code, db_str(res, 1), sizeof(c->code));
	str_copy(c->name, db_str(res, 2), sizeof(c->name));
	str_copy(c->description, db_str(res, 3), sizeof(c->description));
	str_copy(c->language, db_str(res, 4), sizeof(c->language));
	c->credit_hundredths = db_int(res, 5);
	c->passing_score = (int)db_int(res, 6);
	c->kind = kind_parse(db_str(res, 7));
	c->active = (int)db_int(res, 8);
}

int
course_get(struct db *db, long long id, struct course *c)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, SELECT_COURSE "WHERE id = ?", "l", id);
	if (rc != DB_OK)
		return rc;
	return course_first_row(res, c, fill_course);
}

int
course_find_by_code(struct db *db, const char *code, struct course *c)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, SELECT_COURSE "WHERE code = ?", "s", code);
	if (rc != DB_OK)
		return rc;
	return course_first_row(res, c, fill_course);
}

struct course_save {
	struct course	*c;
	long long	 actor, impersonator;
	int		 is_new;	/* fixed before the first run */
};

static int
course_insert_txn(struct db *db, struct course_save *s, const char *now)
{
	struct course	*c = s->c;
	struct buf	 details = { 0 };
	char		 credit[24], name[COURSE_EXCERPT_MAX + 4];
	int		 rc;

	course_format_hundredths(c->credit_hundredths, credit);
	rc = db_exec(db, "INSERT INTO courses (code, name, description, "
	    "language_code, credit_hours, passing_score, kind, active, "
	    "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	    "sssssisiss", c->code, c->name, c->description, c->language,
	    credit, c->passing_score, kind_names[c->kind], c->active, now,
	    now);
	if (rc != DB_OK)
		return rc;
	c->id = (long long)db_insert_id(db);
	buf_printf(&details, "code: %s; name: %s; language: %s; "
	    "credit hours: %s; passing score: %d; kind: %s; active: %d",
	    c->code, course_excerpt(c->name, name), c->language, credit,
	    c->passing_score, kind_names[c->kind], c->active);
	rc = details.data != NULL ? audit_record(db, s->actor,
	    s->impersonator, "course_create", "course", c->id,
	    details.data) : DB_ERROR;
	buf_free(&details);
	return rc;
}

static int
course_update_txn(struct db *db, struct course_save *s, const char *now)
{
	struct course	*c = s->c, *old;
	struct buf	 changes = { 0 };
	char		 credit[24], old_credit[24];
	int		 rc;

	/* A struct course is about 82 KB, too much for the stack. */
	if ((old = malloc(sizeof(*old))) == NULL)
		return DB_ERROR;
	if ((rc = course_get(db, c->id, old)) != DB_OK)
		goto out;
	course_format_hundredths(c->credit_hundredths, credit);
	course_format_hundredths(old->credit_hundredths, old_credit);
	course_change_text(&changes, "code", old->code, c->code);
	course_change_text(&changes, "name", old->name, c->name);
	course_change_text(&changes, "description", old->description,
	    c->description);
	audit_change(&changes, "language", old->language, c->language);
	audit_change(&changes, "credit hours", old_credit, credit);
	audit_change_int(&changes, "passing score", old->passing_score,
	    c->passing_score);
	audit_change(&changes, "kind", kind_names[old->kind],
	    kind_names[c->kind]);
	audit_change_int(&changes, "active", old->active, c->active);

	rc = db_exec(db, "UPDATE courses SET code = ?, name = ?, "
	    "description = ?, language_code = ?, credit_hours = ?, "
	    "passing_score = ?, kind = ?, active = ?, updated_at = ? "
	    "WHERE id = ?", "sssssisisl", c->code, c->name, c->description,
	    c->language, credit, c->passing_score, kind_names[c->kind],
	    c->active, now, c->id);
	if (rc == DB_OK)
		rc = audit_record(db, s->actor, s->impersonator,
		    "course_update", "course", c->id,
		    changes.data ? changes.data : "no change");
out:
	buf_free(&changes);
	free(old);
	return rc;
}

static int
course_save_txn(struct db *db, void *arg)
{
	struct course_save	*s = arg;
	char			 now[27];

	clock_format_sql(clock_now(), now);
	if (s->is_new)
		return course_insert_txn(db, s, now);
	return course_update_txn(db, s, now);
}

int
course_save(struct db *db, struct course *c, long long actor_id,
    long long impersonator_id)
{
	struct course_save	 s = { c, actor_id, impersonator_id,
				    c->id == 0 };
	long long		 id = c->id;
	int			 rc;

	rc = db_txn(db, course_save_txn, &s);
	if (rc != DB_OK)
		c->id = id;
	return rc;
}

static void
fill_language(void *row, struct db_res *res)
{
	struct course_language	*g = row;

	str_copy(g->code, db_str(res, 0), sizeof(g->code));
	str_copy(g->name, db_str(res, 1), sizeof(g->name));
}

int
course_languages(struct db *db, struct course_language **out, size_t *n)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, "SELECT code, name FROM languages "
	    "ORDER BY name, code", "");
	if (rc != DB_OK)
		return rc;
	return course_collect(res, sizeof(**out), fill_language, (void **)out,
	    n);
}

/* ---------------------------------------------------------- checklist */

#define SELECT_ITEM \
	"SELECT id, course_id, position, text FROM checklist_items "

static void
fill_item(void *row, struct db_res *res)
{
	struct course_checklist_item	*item = row;

	memset(item, 0, sizeof(*item));
	item->id = db_int(res, 0);
	item->course_id = db_int(res, 1);
	item->position = db_int(res, 2);
	str_copy(item->text, db_str(res, 3), sizeof(item->text));
}

int
course_checklist_list(struct db *db, long long course_id,
    struct course_checklist_item **out, size_t *n)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, SELECT_ITEM "WHERE course_id = ? "
	    "ORDER BY position, id", "l", course_id);
	if (rc != DB_OK)
		return rc;
	return course_collect(res, sizeof(**out), fill_item, (void **)out, n);
}

int
course_checklist_get(struct db *db, long long id,
    struct course_checklist_item *item)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, SELECT_ITEM "WHERE id = ?", "l", id);
	if (rc != DB_OK)
		return rc;
	return course_first_row(res, item, fill_item);
}

struct checklist_change {
	struct course_checklist_item	*item;
	long long			 id;	/* of the item to delete */
	long long			 actor, impersonator;
};

static int
checklist_add_txn(struct db *db, void *arg)
{
	struct checklist_change		*s = arg;
	struct course_checklist_item	*item = s->item, added;
	struct buf			 details = { 0 };
	char				 text[COURSE_EXCERPT_MAX + 4];
	int				 rc;

	/*
	 * Two items added at the same time can get the same position,
	 * because no key makes positions unique.  Lists order such ties by
	 * id.
	 */
	rc = db_exec(db, "INSERT INTO checklist_items (course_id, position, "
	    "text) SELECT ?, COALESCE(MAX(position), 0) + 1, ? "
	    "FROM checklist_items WHERE course_id = ?", "lsl",
	    item->course_id, item->text, item->course_id);
	if (rc != DB_OK)
		return rc;
	if ((rc = course_checklist_get(db, (long long)db_insert_id(db),
	    &added)) != DB_OK)
		return rc == 1 ? DB_ERROR : rc;
	item->id = added.id;
	item->position = added.position;
	buf_printf(&details, "item %lld; position: %lld; text: %s", item->id,
	    item->position, course_excerpt(item->text, text));
	rc = details.data != NULL ? audit_record(db, s->actor,
	    s->impersonator, "checklist_add", "course", item->course_id,
	    details.data) : DB_ERROR;
	buf_free(&details);
	return rc;
}

int
course_checklist_add(struct db *db, struct course_checklist_item *item,
    long long actor_id, long long impersonator_id)
{
	struct checklist_change	 s = { item, 0, actor_id, impersonator_id };

	return db_txn(db, checklist_add_txn, &s);
}

static int
checklist_delete_txn(struct db *db, void *arg)
{
	struct checklist_change		*s = arg;
	struct course_checklist_item	 old;
	struct buf			 details = { 0 };
	char				 text[COURSE_EXCERPT_MAX + 4];
	int				 rc;

	if ((rc = course_checklist_get(db, s->id, &old)) != DB_OK)
		return rc;
	rc = db_exec(db, "DELETE FROM checklist_items WHERE id = ?", "l",
	    s->id);
	if (rc != DB_OK)
		return rc;
	if (db_affected(db) == 0)
		return 1;
	buf_printf(&details, "item %lld; text: %s", s->id,
	    course_excerpt(old.text, text));
	rc = details.data != NULL ? audit_record(db, s->actor,
	    s->impersonator, "checklist_delete", "course", old.course_id,
	    details.data) : DB_ERROR;
	buf_free(&details);
	return rc;
}

int
course_checklist_delete(struct db *db, long long id, long long actor_id,
    long long impersonator_id)
{
	struct checklist_change	 s = { NULL, id, actor_id, impersonator_id };

	return db_txn(db, checklist_delete_txn, &s);
}

/* ---------------------------------------------------------- follow-ups */

static void
fill_followup(void *row, struct db_res *res)
{
	struct course_followup	*f = row;

	memset(f, 0, sizeof(*f));
	f->course_id = db_int(res, 0);
	f->trigger = trigger_parse(db_str(res, 1));
	str_copy(f->code, db_str(res, 2), sizeof(f->code));
	str_copy(f->name, db_str(res, 3), sizeof(f->name));
}

int
course_followup_list(struct db *db, long long course_id,
    struct course_followup **out, size_t *n)
{
	struct db_res	*res;
	int		 rc;

	/* ENUM values sort in their declared order: pass, fail, complete. */
	rc = db_query(db, &res, "SELECT f.followup_course_id, f.on_result, "
	    "c.code, c.name FROM course_followups f "
	    "JOIN courses c ON c.id = f.followup_course_id "
	    "WHERE f.course_id = ? ORDER BY c.code, f.on_result", "l",
	    course_id);
	if (rc != DB_OK)
		return rc;
	return course_collect(res, sizeof(**out), fill_followup, (void **)out,
	    n);
}

struct followup_replace {
	long long			 course_id;
	const struct course_followup	*set;
	size_t				 n;
	size_t				*bad;
	long long			 actor, impersonator;
};

/* Returns 1 when set[0..n) contains the course and trigger of f. */
static int
followup_in(const struct course_followup *set, size_t n,
    const struct course_followup *f)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (set[i].course_id == f->course_id &&
		    set[i].trigger == f->trigger)
			return 1;
	return 0;
}

/* Copies the code of course id to code.  Returns DB_OK, 1 when there is
 * no such course, or a db_status. */
static int
course_code_of(struct db *db, long long id, char *code, size_t size)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, "SELECT code FROM courses WHERE id = ?", "l",
	    id);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_next(res)) == 1)
		str_copy(code, db_str(res, 0), size);
	db_res_free(res);
	if (rc == 1)
		return DB_OK;
	return rc == 0 ? 1 : rc;
}

/* Checks the new set and appends each follow-up that is not in old to
 * details as added. */
static int
followups_check(struct db *db, struct followup_replace *r,
    const struct course_followup *old, size_t nold, struct buf *details)
{
	char	 code[COURSE_CODE_MAX * 4 + 1];
	size_t	 i;
	int	 rc;

	for (i = 0; i < r->n; i++) {
		if (r->set[i].course_id == r->course_id) {
			*r->bad = i;
			return COURSE_FOLLOWUP_SELF;
		}
		rc = course_code_of(db, r->set[i].course_id, code,
		    sizeof(code));
		if (rc == 1) {
			*r->bad = i;
			return COURSE_FOLLOWUP_UNKNOWN;
		}
		if (rc != DB_OK)
			return rc;
		if (followup_in(r->set, i, &r->set[i]) ||
		    followup_in(old, nold, &r->set[i]))
			continue;
		buf_printf(details, "added: %s on %s; ", code,
		    trigger_names[r->set[i].trigger]);
	}
	return DB_OK;
}

static int
followup_replace_txn(struct db *db, void *arg)
{
	struct followup_replace	*r = arg;
	struct course_followup	*old = NULL;
	struct buf		 details = { 0 };
	char			 code[COURSE_CODE_MAX * 4 + 1];
	size_t			 nold = 0, i;
	int			 rc;

	if ((rc = course_code_of(db, r->course_id, code, sizeof(code))) !=
	    DB_OK)
		return rc == 1 ? COURSE_FOLLOWUP_NO_COURSE : rc;
	if ((rc = course_followup_list(db, r->course_id, &old, &nold)) !=
	    DB_OK)
		return rc;
	if ((rc = followups_check(db, r, old, nold, &details)) != DB_OK)
		goto out;
	for (i = 0; i < nold; i++)
		if (!followup_in(r->set, r->n, &old[i]))
			buf_printf(&details, "removed: %s on %s; ", old[i].code,
			    trigger_names[old[i].trigger]);

	rc = db_exec(db, "DELETE FROM course_followups WHERE course_id = ?",
	    "l", r->course_id);
	for (i = 0; i < r->n && rc == DB_OK; i++) {
		rc = db_exec(db, "INSERT INTO course_followups (course_id, "
		    "followup_course_id, on_result) VALUES (?, ?, ?)", "lls",
		    r->course_id, r->set[i].course_id,
		    trigger_names[r->set[i].trigger]);
		/* The same course and trigger twice is one follow-up. */
		if (rc == DB_DUPLICATE)
			rc = DB_OK;
	}
	if (rc == DB_OK)
		rc = audit_record(db, r->actor, r->impersonator,
		    "followups_update", "course", r->course_id,
		    details.data ? details.data : "no change");
out:
	buf_free(&details);
	free(old);
	return rc;
}

int
course_followup_replace(struct db *db, long long course_id,
    const struct course_followup *set, size_t n, size_t *bad,
    long long actor_id, long long impersonator_id)
{
	struct followup_replace	 r;
	size_t			 unused;

	if (n > COURSE_FOLLOWUP_MAX)
		return COURSE_FOLLOWUP_TOO_MANY;
	r.course_id = course_id;
	r.set = set;
	r.n = n;
	r.bad = bad != NULL ? bad : &unused;
	r.actor = actor_id;
	r.impersonator = impersonator_id;
	return db_txn(db, followup_replace_txn, &r);
}
