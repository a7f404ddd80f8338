#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "assessment.h"
#include "audit.h"
#include "clock.h"
#include "completion.h"
#include "content.h"
#include "db.h"
#include "files.h"
#include "str.h"

int
content_get(struct db *db, long long course_id, struct course_content *c)
{
	struct db_res	*res;
	int		 rc;

	memset(c, 0, sizeof(*c));
	c->course_id = course_id;
	rc = db_query(db, &res, "SELECT c.body, IFNULL(c.document_file_id, 0), "
	    "IFNULL(f.original_name, ''), IFNULL(f.size_bytes, 0) "
	    "FROM course_contents c LEFT JOIN files f "
	    "ON f.id = c.document_file_id WHERE c.course_id = ?", "l",
	    course_id);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_next(res)) == 1) {
		str_copy(c->body, db_str(res, 0), sizeof(c->body));
		c->document_id = db_int(res, 1);
		str_copy(c->document_name, db_str(res, 2),
		    sizeof(c->document_name));
		c->document_bytes = db_int(res, 3);
	}
	db_res_free(res);
	return rc < 0 ? rc : DB_OK;
}

struct save {
	struct course_content	*c;
	struct course_content	 old;
	struct stored_file	*document;	/* new one, or NULL */
	int			 remove_document;
	long long		 actor, impersonator;
	char			 old_storage[101];	/* set by every run */
};

/* Returns DB_OK when the course exists, 1 when not, or a db_status. */
static int
course_exists(struct db *db, long long course_id)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, "SELECT 1 FROM courses WHERE id = ?", "l",
	    course_id);
	if (rc != DB_OK)
		return rc;
	rc = db_next(res);
	db_res_free(res);
	return db_found(rc);
}

/* Deletes the row of a document that no content names any more, and
 * notes its storage name for removal after COMMIT. */
static int
drop_old_document(struct db *db, struct save *s)
{
	struct stored_file	 f;
	int			 rc;

	if ((rc = file_get(db, s->old.document_id, &f)) < 0)
		return rc;
	if (rc == DB_OK)
		str_copy(s->old_storage, f.storage_name, sizeof(s->old_storage));
	return file_delete(db, s->old.document_id);
}

static int
save_audit(struct db *db, struct save *s)
{
	struct course_content	*c = s->c;
	struct buf		 changes = { 0 };
	int			 rc;

	audit_change(&changes, "text", s->old.body, c->body);
	if (s->old.document_id != c->document_id)
		audit_change(&changes, "document", s->old.document_id ?
		    s->old.document_name : "(none)", c->document_id ?
		    c->document_name : "(none)");
	rc = audit_record(db, s->actor, s->impersonator,
	    "course_content_update", "course", c->course_id,
	    changes.data ? changes.data : "no change");
	buf_free(&changes);
	return rc;
}

static int
save_txn(struct db *db, void *arg)
{
	struct save		*s = arg;
	struct course_content	*c = s->c;
	char			 now[27], doc[24];
	int			 rc;

	s->old_storage[0] = '\0';
	if ((rc = course_exists(db, c->course_id)) != DB_OK)
		return rc;
	if ((rc = content_get(db, c->course_id, &s->old)) != DB_OK)
		return rc;

	c->document_id = s->old.document_id;
	str_copy(c->document_name, s->old.document_name,
	    sizeof(c->document_name));
	c->document_bytes = s->old.document_bytes;
	if (s->document != NULL) {
		if ((rc = file_insert(db, s->document, s->actor)) != DB_OK)
			return rc;
		c->document_id = s->document->id;
		str_copy(c->document_name, s->document->original_name,
		    sizeof(c->document_name));
		c->document_bytes = s->document->size_bytes;
	} else if (s->remove_document) {
		c->document_id = 0;
		c->document_name[0] = '\0';
		c->document_bytes = 0;
	}

	/* The id goes in as text so that 0 can bind SQL NULL. */
	snprintf(doc, sizeof(doc), "%lld", c->document_id);
	clock_format_sql(clock_now(), now);
	rc = db_exec(db, "INSERT INTO course_contents (course_id, body, "
	    "document_file_id, updated_at) VALUES (?, ?, ?, ?) "
	    "ON DUPLICATE KEY UPDATE body = VALUES(body), "
	    "document_file_id = VALUES(document_file_id), "
	    "updated_at = VALUES(updated_at)", "lsss", c->course_id, c->body,
	    c->document_id ? doc : NULL, now);
	if (rc != DB_OK)
		return rc;

	/* A document belongs to one course's content alone. */
	if (s->old.document_id != 0 && s->old.document_id != c->document_id &&
	    (rc = drop_old_document(db, s)) != DB_OK)
		return rc;
	return save_audit(db, s);
}

int
content_save(struct db *db, struct course_content *c,
    struct stored_file *document, int remove_document, long long actor_id,
    long long impersonator_id, char *old_storage, size_t old_storage_size)
{
	struct save	*s;
	int		 rc;

	/* The old content is as large as c, so it lives on the heap. */
	if ((s = calloc(1, sizeof(*s))) == NULL)
		return DB_ERROR;
	s->c = c;
	s->document = document;
	s->remove_document = remove_document;
	s->actor = actor_id;
	s->impersonator = impersonator_id;
	rc = db_txn(db, save_txn, s);
	str_copy(old_storage, rc == DB_OK ? s->old_storage : "",
	    old_storage_size);
	free(s);
	return rc;
}

int
content_document_readable(struct db *db, long long file_id, long long user_id)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, "SELECT 1 FROM course_contents c "
	    "JOIN course_registrations r ON r.course_id = c.course_id "
	    "WHERE c.document_file_id = ? AND r.user_id = ? "
	    "AND r.status <> 'cancelled'", "ll", file_id, user_id);
	if (rc != DB_OK)
		return rc;
	rc = db_next(res);
	db_res_free(res);
	return rc;
}

int
content_progress(struct db *db, long long user_id, long long course_id,
    struct course_progress *p)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, "SELECT c.id, c.code, c.name, "
	    "c.kind = 'online', c.passing_score, r.status, "
	    "r.score IS NOT NULL, CAST(ROUND(IFNULL(r.score, 0) * 100) AS "
	    "SIGNED), IFNULL(r.completed_on, ''), EXISTS (SELECT 1 FROM "
	    "course_content_opens o WHERE o.user_id = r.user_id "
	    "AND o.course_id = r.course_id) "
	    "FROM course_registrations r JOIN courses c ON c.id = r.course_id "
	    "WHERE r.user_id = ? AND r.course_id = ? "
	    "AND r.status <> 'cancelled'", "ll", user_id, course_id);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_next(res)) == 1) {
		memset(p, 0, sizeof(*p));
		p->course_id = db_int(res, 0);
		str_copy(p->code, db_str(res, 1), sizeof(p->code));
		str_copy(p->name, db_str(res, 2), sizeof(p->name));
		p->online = (int)db_int(res, 3);
		p->passing_score = (int)db_int(res, 4);
		str_copy(p->status, db_str(res, 5), sizeof(p->status));
		p->has_score = (int)db_int(res, 6);
		p->score_hundredths = db_int(res, 7);
		str_copy(p->completed_on, db_str(res, 8),
		    sizeof(p->completed_on));
		p->opened = (int)db_int(res, 9);
	}
	db_res_free(res);
	return db_found(rc);
}

struct learner_run {
	const struct config	*cfg;
	long long		 user_id, course_id, impersonator;
};

/* Records a result for the learner, who is the actor. */
static int
record(struct db *db, const struct learner_run *run, enum course_result status)
{
	struct result	 r;
	int		 completed;

	memset(&r, 0, sizeof(r));
	r.user_id = run->user_id;
	r.course_id = run->course_id;
	r.status = status;
	r.day = clock_site_day(clock_now());
	r.impersonator_id = run->impersonator;
	return completion_record_in_txn(db, run->cfg, &r, &completed);
}

static int
open_txn(struct db *db, void *arg)
{
	struct learner_run	*run = arg;
	struct course_progress	 p;
	char			 now[27];
	int			 rc;

	clock_format_sql(clock_now(), now);
	rc = db_exec(db, "INSERT INTO course_content_opens (user_id, "
	    "course_id, opened_at) VALUES (?, ?, ?) "
	    "ON DUPLICATE KEY UPDATE opened_at = opened_at", "lls",
	    run->user_id, run->course_id, now);
	if (rc != DB_OK)
		return rc;
	if ((rc = content_progress(db, run->user_id, run->course_id, &p)) < 0)
		return rc;
	if (rc == DB_OK && strcmp(p.status, "registered") == 0)
		return record(db, run, RESULT_IN_PROGRESS);
	return DB_OK;
}

int
content_open(struct db *db, const struct config *cfg, long long user_id,
    long long course_id, long long impersonator_id)
{
	struct learner_run	 run = { cfg, user_id, course_id,
				    impersonator_id };

	return db_txn(db, open_txn, &run);
}

static int
complete_txn(struct db *db, void *arg)
{
	struct learner_run	*run = arg;
	struct course_progress	 p;
	long long		 questions;
	int			 rc;

	rc = content_progress(db, run->user_id, run->course_id, &p);
	if (rc != DB_OK)
		return rc == 1 ? CONTENT_NOT_REGISTERED : rc;
	if (strcmp(p.status, "completed") == 0)
		return CONTENT_ALREADY_COMPLETED;
	if (!p.online)
		return CONTENT_NOT_ONLINE;
	if ((rc = assessment_question_count(db, run->course_id, &questions)) !=
	    DB_OK)
		return rc;
	if (questions > 0)
		return CONTENT_HAS_ASSESSMENT;
	if (!p.opened)
		return CONTENT_NOT_OPENED;
	return record(db, run, RESULT_COMPLETED);
}

int
content_complete(struct db *db, const struct config *cfg, long long user_id,
    long long course_id, long long impersonator_id)
{
	struct learner_run	 run = { cfg, user_id, course_id,
				    impersonator_id };

	return db_txn(db, complete_txn, &run);
}

/* ------------------------------------------------------------ splitting */

struct part_list {
	struct content_part	*items;
	size_t			 n, cap;
};

static int
push(struct part_list *l, enum content_part_kind kind, size_t start,
    size_t len)
{
	struct content_part	*grown;
	size_t			 cap;

	if (kind == CONTENT_TEXT && len == 0)
		return 0;
	if (l->n == l->cap) {
		cap = l->cap ? l->cap * 2 : 16;
		if ((grown = reallocarray(l->items, cap, sizeof(*grown))) ==
		    NULL)
			return -1;
		l->items = grown;
		l->cap = cap;
	}
	l->items[l->n].kind = kind;
	l->items[l->n].start = start;
	l->items[l->n].len = len;
	l->n++;
	return 0;
}

static int
is_ascii_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z');
}

/* Returns 1 for a byte that continues an address. */
static int
is_address_byte(unsigned char c)
{
	return c > 0x20 && c != 0x7f && c != '<' && c != '>' && c != '"';
}

static size_t
count_byte(const char *s, size_t len, char c)
{
	size_t	 i, n = 0;

	for (i = 0; i < len; i++)
		if (s[i] == c)
			n++;
	return n;
}

/*
 * Returns the length of the address at text + i, or 0 when none starts
 * there.  Punctuation that usually ends a sentence, and a closing bracket
 * whose opening one is outside the address, are left out.
 */
static size_t
address_at(const char *text, size_t i)
{
	const char	*s = text + i;
	size_t		 scheme, len;
	int		 trimmed;

	if (i > 0 && is_ascii_alnum((unsigned char)text[i - 1]))
		return 0;
	if (strncasecmp(s, "https://", 8) == 0)
		scheme = 8;
	else if (strncasecmp(s, "http://", 7) == 0)
		scheme = 7;
	else
		return 0;
	for (len = scheme; is_address_byte((unsigned char)s[len]); len++)
		;
	do {
		trimmed = 0;
		if (len > scheme && strchr(".,;:!?'", s[len - 1]) != NULL) {
			len--;
			trimmed = 1;
		} else if (len > scheme && s[len - 1] == ')' &&
		    count_byte(s, len, '(') < count_byte(s, len, ')')) {
			len--;
			trimmed = 1;
		} else if (len > scheme && s[len - 1] == ']' &&
		    count_byte(s, len, '[') < count_byte(s, len, ']')) {
			len--;
			trimmed = 1;
		}
	} while (trimmed);
	return len > scheme ? len : 0;
}

/* Returns the index after the line end at text + i ("\r\n", "\n" or
 * "\r"). */
static size_t
after_line_end(const char *text, size_t i)
{
	if (text[i] == '\r' && text[i + 1] == '\n')
		return i + 2;
	return i + 1;
}

/* Returns the index after the blank lines that start at i, or i when the
 * line at i has text. */
static size_t
after_blank_lines(const char *text, size_t i)
{
	size_t	 j = i, end = i;

	for (;;) {
		while (text[j] == ' ' || text[j] == '\t')
			j++;
		if (text[j] != '\r' && text[j] != '\n')
			return end;
		j = end = after_line_end(text, j);
	}
}

int
content_split(const char *text, struct content_part **out, size_t *n)
{
	struct part_list	 l = { 0 };
	size_t			 i = 0, run = 0, len, next;
	int			 rc = 0;

	while (text[i] != '\0' && rc == 0) {
		if (text[i] == '\r' || text[i] == '\n') {
			rc = push(&l, CONTENT_TEXT, run, i - run);
			next = after_line_end(text, i);
			len = after_blank_lines(text, next);
			if (rc == 0)
				rc = push(&l, len > next ? CONTENT_PARAGRAPH :
				    CONTENT_LINE_BREAK, i, len - i);
			i = run = len;
			continue;
		}
		if ((len = address_at(text, i)) > 0) {
			rc = push(&l, CONTENT_TEXT, run, i - run);
			if (rc == 0)
				rc = push(&l, CONTENT_LINK, i, len);
			i = run = i + len;
			continue;
		}
		i++;
	}
	if (rc == 0)
		rc = push(&l, CONTENT_TEXT, run, i - run);
	if (rc != 0) {
		free(l.items);
		*out = NULL;
		*n = 0;
		return -1;
	}
	*out = l.items;
	*n = l.n;
	return 0;
}
