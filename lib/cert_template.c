#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "cert_template.h"
#include "clock.h"
#include "db.h"
#include "files.h"
#include "listing.h"
#include "str.h"

const char *const cert_page_size_names[] = { "A4", "Letter", NULL };
const char *const cert_orientation_names[] = { "portrait", "landscape",
    NULL };
const char *const cert_align_names[] = { "left", "center", "right", NULL };
const char *const cert_field_names[] = { "learner_name", "certificate_name",
    "completed_on", "expires_on", "certificate_number", "credit_hours",
    "verification_code", NULL };

#define SELECT_TEMPLATES \
	"SELECT t.id, t.name, t.page_size, t.orientation, " \
	"IFNULL(t.background_file_id, 0), IFNULL(f.original_name, ''), " \
	"t.updated_at, (SELECT COUNT(*) FROM certifications c " \
	"WHERE c.certificate_template_id = t.id) " \
	"FROM certificate_templates t " \
	"LEFT JOIN files f ON f.id = t.background_file_id " \
	"WHERE (? = '' OR t.name LIKE ?) AND (? = '' OR t.name LIKE ?) "
#define PAGE	" LIMIT ? OFFSET ?"

/* A centred layout for an A4 landscape page (297 × 210 mm), in tenths. */
static const struct cert_box default_boxes[CERT_FIELD_COUNT] = {
	[CERT_FIELD_LEARNER_NAME] =
	    { 285, 800, 2400, 160, 280, CERT_ALIGN_CENTER },
	[CERT_FIELD_CERTIFICATE_NAME] =
	    { 285, 1050, 2400, 120, 180, CERT_ALIGN_CENTER },
	[CERT_FIELD_COMPLETED_ON] =
	    { 285, 1300, 2400, 80, 120, CERT_ALIGN_CENTER },
	[CERT_FIELD_EXPIRES_ON] =
	    { 285, 1400, 2400, 80, 120, CERT_ALIGN_CENTER },
	[CERT_FIELD_CERTIFICATE_NUMBER] =
	    { 200, 1800, 800, 60, 100, CERT_ALIGN_LEFT },
	[CERT_FIELD_CREDIT_HOURS] =
	    { 1085, 1800, 800, 60, 100, CERT_ALIGN_CENTER },
	[CERT_FIELD_VERIFICATION_CODE] =
	    { 1970, 1800, 800, 60, 100, CERT_ALIGN_RIGHT },
};

void
cert_template_defaults(struct cert_template *t)
{
	memset(t, 0, sizeof(*t));
	t->page_size = CERT_PAGE_A4;
	t->orientation = CERT_LANDSCAPE;
	memcpy(t->boxes, default_boxes, sizeof(t->boxes));
}

void
cert_template_page_tenths(int page_size, int orientation, int *width,
    int *height)
{
	int	 w = 2100, h = 2970;

	if (page_size == CERT_PAGE_LETTER) {
		w = 2159;
		h = 2794;
	}
	*width = orientation == CERT_LANDSCAPE ? h : w;
	*height = orientation == CERT_LANDSCAPE ? w : h;
}

/* Returns the index of name in a NULL-terminated list, or def. */
static int
name_index(const char *const *names, const char *name, int def)
{
	int	 i;

	for (i = 0; names[i] != NULL; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	return def;
}

static void
fill(struct cert_template *t, struct db_res *res)
{
	cert_template_defaults(t);
	t->id = db_int(res, 0);
	str_copy(t->name, db_str(res, 1), sizeof(t->name));
	t->page_size = name_index(cert_page_size_names, db_str(res, 2),
	    CERT_PAGE_A4);
	t->orientation = name_index(cert_orientation_names, db_str(res, 3),
	    CERT_LANDSCAPE);
	t->background_id = db_int(res, 4);
	str_copy(t->background_name, db_str(res, 5),
	    sizeof(t->background_name));
	str_copy(t->updated_at, db_str(res, 6), sizeof(t->updated_at));
	t->certifications = db_int(res, 7);
}

/* Reads every row of res into a new array. */
static int
collect(struct db_res *res, struct cert_template **out, size_t *n)
{
	struct cert_template	*rows;
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
		fill(&rows[i++], res);
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
cert_template_list(struct db *db, const struct listing *l,
    struct cert_template **out, size_t *n)
{
	struct db_res	*res;
	int		 rc;

	/* ORDER BY cannot take a placeholder, so each order is a statement. */
	switch (l->sort * 2 + l->desc) {
	case 1:
		rc = db_query(db, &res, SELECT_TEMPLATES
		    "ORDER BY t.name DESC" PAGE, "ssssll", l->q_pattern,
		    l->q_pattern, l->letter_pattern, l->letter_pattern,
		    l->limit, l->offset);
		break;
	case 2:
		rc = db_query(db, &res, SELECT_TEMPLATES
		    "ORDER BY t.updated_at, t.id" PAGE, "ssssll", l->q_pattern,
		    l->q_pattern, l->letter_pattern, l->letter_pattern,
		    l->limit, l->offset);
		break;
	case 3:
		rc = db_query(db, &res, SELECT_TEMPLATES
		    "ORDER BY t.updated_at DESC, t.id DESC" PAGE, "ssssll",
		    l->q_pattern, l->q_pattern, l->letter_pattern,
		    l->letter_pattern, l->limit, l->offset);
		break;
	default:
		rc = db_query(db, &res, SELECT_TEMPLATES
		    "ORDER BY t.name" PAGE, "ssssll", l->q_pattern,
		    l->q_pattern, l->letter_pattern, l->letter_pattern,
		    l->limit, l->offset);
		break;
	}
	if (rc != DB_OK)
		return rc;
	return collect(res, out, n);
}

int
cert_template_all(struct db *db, struct cert_template **out, size_t *n)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, SELECT_TEMPLATES "ORDER BY t.name", "ssss",
	    "", "", "", "");
	if (rc != DB_OK)
		return rc;
	return collect(res, out, n);
}

/* Reads the boxes of template id into t; fields without a row keep the
 * defaults. */
static int
get_boxes(struct db *db, long long id, struct cert_template *t)
{
	struct db_res	*res;
	struct cert_box	*b;
	int		 rc, f;

	rc = db_query(db, &res, "SELECT field, "
	    "CAST(ROUND(x_mm * 10) AS SIGNED), "
	    "CAST(ROUND(y_mm * 10) AS SIGNED), "
	    "CAST(ROUND(width_mm * 10) AS SIGNED), "
	    "CAST(ROUND(height_mm * 10) AS SIGNED), "
	    "CAST(ROUND(font_size * 10) AS SIGNED), align "
	    "FROM certificate_template_fields WHERE template_id = ?", "l", id);
	if (rc != DB_OK)
		return rc;
	while ((rc = db_next(res)) == 1) {
		if ((f = name_index(cert_field_names, db_str(res, 0), -1)) < 0)
			continue;
		b = &t->boxes[f];
		b->x = (int)db_int(res, 1);
		b->y = (int)db_int(res, 2);
		b->width = (int)db_int(res, 3);
		b->height = (int)db_int(res, 4);
		b->font_size = (int)db_int(res, 5);
		b->align = name_index(cert_align_names, db_str(res, 6),
		    CERT_ALIGN_CENTER);
	}
	db_res_free(res);
	return rc < 0 ? rc : DB_OK;
}

int
cert_template_get(struct db *db, long long id, struct cert_template *t)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, SELECT_TEMPLATES "AND t.id = ?", "ssssl", "",
	    "", "", "", id);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_next(res)) == 1)
		fill(t, res);
	db_res_free(res);
	if (rc != 1)
		return rc == 0 ? 1 : rc;
	return get_boxes(db, id, t);
}

/* Writes a box as "x,y width×height size pt align" in millimetres, for
 * the audit log. */
static void
describe_box(const struct cert_box *b, char *out, size_t outsz)
{
	snprintf(out, outsz, "%d.%d,%d.%d %d.%d×%d.%d mm %d.%d pt %s",
	    b->x / 10, b->x % 10, b->y / 10, b->y % 10, b->width / 10,
	    b->width % 10, b->height / 10, b->height % 10, b->font_size / 10,
	    b->font_size % 10, cert_align_names[b->align]);
}

static int
save_boxes(struct db *db, const struct cert_template *t)
{
	const struct cert_box	*b;
	int			 f, rc;

	for (f = 0; f < CERT_FIELD_COUNT; f++) {
		b = &t->boxes[f];
		rc = db_exec(db, "INSERT INTO certificate_template_fields "
		    "(template_id, field, x_mm, y_mm, width_mm, height_mm, "
		    "font_size, align) VALUES (?, ?, ? / 10, ? / 10, ? / 10, "
		    "? / 10, ? / 10, ?) ON DUPLICATE KEY UPDATE "
		    "x_mm = VALUES(x_mm), y_mm = VALUES(y_mm), "
		    "width_mm = VALUES(width_mm), "
		    "height_mm = VALUES(height_mm), "
		    "font_size = VALUES(font_size), align = VALUES(align)",
		    "lsiiiiis", t->id, cert_field_names[f], b->x, b->y,
		    b->width, b->height, b->font_size,
		    cert_align_names[b->align]);
		if (rc != DB_OK)
			return rc;
	}
	return DB_OK;
}

struct save {
	struct cert_template	*t;
	struct stored_file	*background;	/* new one, or NULL */
	int			 remove_background;
	long long		 actor, impersonator;
	int			 is_new;	/* fixed before the first run */
	char			 old_storage[101];	/* set by every run */
};

static int
insert_txn(struct db *db, struct save *s)
{
	struct cert_template	*t = s->t;
	char			 now[27], bg[24];
	int			 rc;

	t->background_id = 0;
	if (s->background != NULL) {
		if ((rc = file_insert(db, s->background, s->actor)) != DB_OK)
			return rc;
		t->background_id = s->background->id;
		str_copy(t->background_name, s->background->original_name,
		    sizeof(t->background_name));
	}
	snprintf(bg, sizeof(bg), "%lld", t->background_id);
	clock_format_sql(clock_now(), now);
	rc = db_exec(db, "INSERT INTO certificate_templates (name, page_size, "
	    "orientation, background_file_id, created_at, updated_at) "
	    "VALUES (?, ?, ?, ?, ?, ?)", "ssssss", t->name,
	    cert_page_size_names[t->page_size],
	    cert_orientation_names[t->orientation],
	    t->background_id ? bg : NULL, now, now);
	if (rc != DB_OK)
		return rc;
	t->id = (long long)db_insert_id(db);
	if ((rc = save_boxes(db, t)) != DB_OK)
		return rc;
	return audit_record(db, s->actor, s->impersonator, "template_create",
	    "certificate_template", t->id, t->name);
}

/* Appends what changed between old and t to changes. */
static void
describe_changes(struct buf *changes, const struct cert_template *old,
    const struct cert_template *t)
{
	char	 was[96], now[96];
	int	 f;

	audit_change(changes, "name", old->name, t->name);
	audit_change(changes, "page size",
	    cert_page_size_names[old->page_size],
	    cert_page_size_names[t->page_size]);
	audit_change(changes, "orientation",
	    cert_orientation_names[old->orientation],
	    cert_orientation_names[t->orientation]);
	if (old->background_id != t->background_id)
		audit_change(changes, "background",
		    old->background_id ? old->background_name : "(none)",
		    t->background_id ? t->background_name : "(none)");
	for (f = 0; f < CERT_FIELD_COUNT; f++) {
		describe_box(&old->boxes[f], was, sizeof(was));
		describe_box(&t->boxes[f], now, sizeof(now));
		audit_change(changes, cert_field_names[f], was, now);
	}
}

static int
update_txn(struct db *db, struct save *s)
{
	struct cert_template	*t = s->t, old;
	struct stored_file	 old_file;
	struct buf		 changes = { 0 };
	char			 now[27], bg[24];
	int			 rc;

	if ((rc = cert_template_get(db, t->id, &old)) != DB_OK)
		return rc;
	t->background_id = old.background_id;
	str_copy(t->background_name, old.background_name,
	    sizeof(t->background_name));
	if (s->background != NULL) {
		if ((rc = file_insert(db, s->background, s->actor)) != DB_OK)
			return rc;
		t->background_id = s->background->id;
		str_copy(t->background_name, s->background->original_name,
		    sizeof(t->background_name));
	} else if (s->remove_background)
		t->background_id = 0;

	snprintf(bg, sizeof(bg), "%lld", t->background_id);
	clock_format_sql(clock_now(), now);
	rc = db_exec(db, "UPDATE certificate_templates SET name = ?, "
	    "page_size = ?, orientation = ?, background_file_id = ?, "
	    "updated_at = ? WHERE id = ?", "sssssl", t->name,
	    cert_page_size_names[t->page_size],
	    cert_orientation_names[t->orientation],
	    t->background_id ? bg : NULL, now, t->id);
	if (rc != DB_OK)
		return rc;
	if ((rc = save_boxes(db, t)) != DB_OK)
		return rc;

	/* The old background belongs to this template alone. */
	if (old.background_id != 0 && old.background_id != t->background_id) {
		if ((rc = file_get(db, old.background_id, &old_file)) < 0)
			return rc;
		if (rc == DB_OK)
			str_copy(s->old_storage, old_file.storage_name,
			    sizeof(s->old_storage));
		if ((rc = file_delete(db, old.background_id)) != DB_OK)
			return rc;
	}

	describe_changes(&changes, &old, t);
	rc = audit_record(db, s->actor, s->impersonator, "template_update",
	    "certificate_template", t->id,
	    changes.data ? changes.data : "no change");
	buf_free(&changes);
	return rc;
}

static int
save_txn(struct db *db, void *arg)
{
	struct save	*s = arg;

	s->old_storage[0] = '\0';
	return s->is_new ? insert_txn(db, s) : update_txn(db, s);
}

int
cert_template_save(struct db *db, struct cert_template *t,
    struct stored_file *new_background, int remove_background,
    long long actor_id, long long impersonator_id, char *old_storage,
    size_t old_storage_sz)
{
	struct save	 s;
	long long	 id = t->id, background_id = t->background_id;
	char		 background_name[sizeof(t->background_name)];
	int		 rc;

	memset(&s, 0, sizeof(s));
	s.t = t;
	s.background = new_background;
	s.remove_background = remove_background;
	s.actor = actor_id;
	s.impersonator = impersonator_id;
	s.is_new = t->id == 0;
	old_storage[0] = '\0';
	str_copy(background_name, t->background_name,
	    sizeof(background_name));

	/* A failed transaction leaves t as the caller passed it. */
	rc = db_txn(db, save_txn, &s);
	if (rc != DB_OK) {
		t->id = id;
		t->background_id = background_id;
		str_copy(t->background_name, background_name,
		    sizeof(t->background_name));
		return rc;
	}
	str_copy(old_storage, s.old_storage, old_storage_sz);
	return DB_OK;
}
