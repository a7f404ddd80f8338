/*
 * The certification model in the database: reading, listing and saving
 * versions with their families, new versions, images and the choices of
 * the edit form.  The rules that need no database are in
 * certification_rules.c, courses and prerequisites in
 * certification_requirements.c.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "certification.h"
#include "clock.h"
#include "completion.h"
#include "db.h"
#include "listing.h"
#include "str.h"

/* ------------------------------------------------------------ reading */

/* Reads a DECIMAL(12,2) such as "12.50" as hundredths. */
static long long
parse_hundredths(const char *s)
{
	long long	 whole = 0, frac = 0;
	int		 places = 0;

	for (; *s >= '0' && *s <= '9'; s++)
		whole = whole * 10 + (*s - '0');
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9' && places < 2; s++, places++)
			frac = frac * 10 + (*s - '0');
	if (places == 1)
		frac *= 10;
	return whole * 100 + frac;
}

static int
key_or(const char *const *keys, const char *value, int def)
{
	int	 i = cert_key_index(keys, value);

	return i < 0 ? def : i;
}

#define SELECT_CERTIFICATION \
	"SELECT c.id, c.family_id, c.version, c.name, c.description, " \
	"c.language_code, c.active, c.days_to_complete, c.availability, " \
	"c.certificate_template_id, c.catalog_id, c.required_electives, " \
	"c.name_on_certificate, c.display_individually, " \
	"c.show_progress_bar, c.expiration_type, c.expire_days, " \
	"c.provisional, c.external_id, c.image_file_id, c.icon_file_id, " \
	"c.disable_completion_email, c.priced, c.pay_credit_card, " \
	"c.pay_purchase_order, c.pay_voucher, c.prerequisite_rule, " \
	"c.created_at, c.updated_at, f.number_format, f.number_prefix, " \
	"f.number_width, f.start_number, f.next_number, " \
	"f.last_issued_number, n.version, n.id, " \
	"(SELECT COUNT(*) FROM certification_courses e " \
	"WHERE e.certification_id = c.id AND e.requirement = 'elective') " \
	"FROM certifications c " \
	"JOIN certification_families f ON f.id = c.family_id " \
	"JOIN certifications n ON n.family_id = c.family_id " \
	"AND n.version = (SELECT MAX(m.version) FROM certifications m " \
	"WHERE m.family_id = c.family_id) "

static void
fill_certification(struct certification *c, struct db_res *res)
{
	memset(c, 0, sizeof(*c));
	c->id = db_int(res, 0);
	c->family_id = db_int(res, 1);
	c->version = (int)db_int(res, 2);
	str_copy(c->name, db_str(res, 3), sizeof(c->name));
	str_copy(c->description, db_str(res, 4), sizeof(c->description));
	str_copy(c->language_code, db_str(res, 5), sizeof(c->language_code));
	c->active = (int)db_int(res, 6);
	c->limit_days = !db_isnull(res, 7);
	c->days_to_complete = (int)db_int(res, 7);
	c->availability = key_or(cert_availability_keys, db_str(res, 8), 0);
	c->template_id = db_int(res, 9);
	c->catalog_id = db_int(res, 10);
	c->required_electives = (int)db_int(res, 11);
	str_copy(c->name_on_certificate, db_str(res, 12),
	    sizeof(c->name_on_certificate));
	c->display_individually = (int)db_int(res, 13);
	c->show_progress_bar = (int)db_int(res, 14);
	c->expiration = key_or(cert_expiration_keys, db_str(res, 15),
	    CERT_EXPIRE_PERPETUAL);
	c->expire_days = (int)db_int(res, 16);
	c->provisional = (int)db_int(res, 17);
	str_copy(c->external_id, db_str(res, 18), sizeof(c->external_id));
	c->image_file_id = db_int(res, 19);
	c->icon_file_id = db_int(res, 20);
	c->disable_completion_email = (int)db_int(res, 21);
	c->priced = (int)db_int(res, 22);
	c->pay_credit_card = (int)db_int(res, 23);
	c->pay_purchase_order = (int)db_int(res, 24);
	c->pay_voucher = (int)db_int(res, 25);
	c->prerequisite_rule = key_or(cert_rule_keys, db_str(res, 26), 0);
	str_copy(c->created_at, db_str(res, 27), sizeof(c->created_at));
	str_copy(c->updated_at, db_str(res, 28), sizeof(c->updated_at));
	c->number_format = key_or(cert_number_format_keys, db_str(res, 29), 0);
	str_copy(c->number_prefix, db_str(res, 30), sizeof(c->number_prefix));
	c->number_width = (int)db_int(res, 31);
	c->start_number = db_int(res, 32);
	c->next_number = db_int(res, 33);
	c->last_issued_number = db_int(res, 34);
	c->newest_version = (int)db_int(res, 35);
	c->newest_id = db_int(res, 36);
	c->elective_courses = (int)db_int(res, 37);
}

static int
load_user_types(struct db *db, struct certification *c)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, "SELECT user_type_id FROM "
	    "certification_user_types WHERE certification_id = ? "
	    "ORDER BY user_type_id", "l", c->id);
	if (rc != DB_OK)
		return rc;
	c->n_user_types = 0;
	while ((rc = db_next(res)) == 1)
		if (c->n_user_types < CERT_USER_TYPES_MAX)
			c->user_types[c->n_user_types++] = db_int(res, 0);
	db_res_free(res);
	return rc < 0 ? rc : DB_OK;
}

static int
load_prices(struct db *db, struct certification *c)
{
	struct db_res	*res;
	struct cert_price *p;
	int		 rc;

	rc = db_query(db, &res, "SELECT currency, amount FROM "
	    "certification_prices WHERE certification_id = ? "
	    "ORDER BY currency", "l", c->id);
	if (rc != DB_OK)
		return rc;
	c->n_prices = 0;
	while ((rc = db_next(res)) == 1 && c->n_prices < CERT_PRICES_MAX) {
		p = &c->prices[c->n_prices];
		str_copy(p->currency, db_str(res, 0), sizeof(p->currency));
		p->amount = parse_hundredths(db_str(res, 1));
		p->row = (int)c->n_prices++;
	}
	db_res_free(res);
	return rc < 0 ? rc : DB_OK;
}

int
cert_get(struct db *db, long long id, struct certification *c)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, SELECT_CERTIFICATION "WHERE c.id = ?", "l",
	    id);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_next(res)) == 1)
		fill_certification(c, res);
	db_res_free(res);
	if (rc == 0)
		return CERT_NOT_FOUND;
	if (rc < 0)
		return rc;
	if ((rc = load_user_types(db, c)) != DB_OK)
		return rc;
	return load_prices(db, c);
}

/* ------------------------------------------------------------ lists */

/* Columns of a struct cert_row, for the list, the versions and the
 * prerequisites. */
#define SELECT_COLUMNS \
	"SELECT c.id, c.family_id, c.version, " \
	"(SELECT COUNT(*) FROM certifications v " \
	"WHERE v.family_id = c.family_id), c.name, COALESCE(k.name, ''), " \
	"c.availability, c.active, c.updated_at "
#define SELECT_ROWS \
	SELECT_COLUMNS \
	"FROM certifications c LEFT JOIN catalogs k ON k.id = c.catalog_id "

/* The newest version of its family, found with one probe of the unique
 * key (family_id, version) per row. */
#define NEWEST_ONLY \
	"NOT EXISTS (SELECT 1 FROM certifications n " \
	"WHERE n.family_id = c.family_id AND n.version > c.version) "

/*
 * The list finds a page of ids first, from one of the list indexes of
 * certifications (sql/0006_certification_lists.sql) without reading
 * rows, then joins the rest for those ids only: deep pages then cost an
 * index scan.  Rows of one catalog are few, so the statements for the
 * catalog filter read them through the catalog index and sort them.
 */
#define LIST_FILTERS \
	"c.is_newest = 1 " \
	"AND (? = '' OR c.name LIKE ?) AND (? = '' OR c.name LIKE ?) " \
	"AND (? = '' OR c.availability = ?) AND (? < 0 OR c.active = ?) " \
	"AND (? = 0 OR c.family_id <> ?) "
#define LIST_SQL(index, catalog, order) \
	SELECT_COLUMNS "FROM (SELECT c.id FROM certifications c " index \
	"WHERE " LIST_FILTERS catalog "ORDER BY " order " LIMIT ? OFFSET ?) p " \
	"JOIN certifications c ON c.id = p.id " \
	"LEFT JOIN catalogs k ON k.id = c.catalog_id ORDER BY " order
#define ALL_CATALOGS(order)	LIST_SQL("", "", order)
#define ONE_CATALOG(order) \
	LIST_SQL("FORCE INDEX (certifications_catalog) ", \
	"AND c.catalog_id = ? ", order)

#define BY_NAME		"c.name, c.id"
#define BY_NAME_DESC	"c.name DESC, c.id DESC"
#define BY_UPDATED	"c.updated_at, c.id"
#define BY_UPDATED_DESC	"c.updated_at DESC, c.id DESC"

static void
fill_row(struct cert_row *r, struct db_res *res)
{
	memset(r, 0, sizeof(*r));
	r->id = db_int(res, 0);
	r->family_id = db_int(res, 1);
	r->version = (int)db_int(res, 2);
	r->versions = (int)db_int(res, 3);
	str_copy(r->name, db_str(res, 4), sizeof(r->name));
	str_copy(r->catalog_name, db_str(res, 5), sizeof(r->catalog_name));
	r->availability = key_or(cert_availability_keys, db_str(res, 6), 0);
	r->active = (int)db_int(res, 7);
	str_copy(r->updated_at, db_str(res, 8), sizeof(r->updated_at));
}

/* Reads every row of res into a new array and frees res. */
static int
collect_rows(struct db_res *res, struct cert_row **out, size_t *n)
{
	struct cert_row	*rows;
	size_t		 i = 0;
	int		 rc;

	*out = NULL;
	*n = 0;
	rows = calloc(db_rows(res) ? db_rows(res) : 1, sizeof(*rows));
	if (rows == NULL) {
		db_res_free(res);
		return DB_ERROR;
	}
	while ((rc = db_next(res)) == 1)
		fill_row(&rows[i++], res);
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
cert_list(struct db *db, const struct listing *l, const struct cert_filter *f,
    struct cert_row **out, size_t *n)
{
	struct db_res	*res;
	const char	*avail = f->availability >= 0 && f->availability <= 1 ?
			    cert_availability_keys[f->availability] : "";
	int		 rc;

#define FILTER_ARGS \
	l->q_pattern, l->q_pattern, l->letter_pattern, l->letter_pattern, \
	avail, avail, f->active, f->active, f->exclude_family_id, \
	f->exclude_family_id
#define ALL_ARGS	"ssssssiill" "ll", FILTER_ARGS, l->limit, l->offset
#define ONE_ARGS	"ssssssiill" "lll", FILTER_ARGS, f->catalog_id, \
	l->limit, l->offset

	/* ORDER BY cannot take a placeholder, so each order is a statement;
	 * the id breaks ties so pages never overlap. */
	switch ((f->catalog_id != 0) * 4 + l->sort * 2 + l->desc) {
	case 1:
		rc = db_query(db, &res, ALL_CATALOGS(BY_NAME_DESC), ALL_ARGS);
		break;
	case 2:
		rc = db_query(db, &res, ALL_CATALOGS(BY_UPDATED), ALL_ARGS);
		break;
	case 3:
		rc = db_query(db, &res, ALL_CATALOGS(BY_UPDATED_DESC),
		    ALL_ARGS);
		break;
	case 4:
		rc = db_query(db, &res, ONE_CATALOG(BY_NAME), ONE_ARGS);
		break;
	case 5:
		rc = db_query(db, &res, ONE_CATALOG(BY_NAME_DESC), ONE_ARGS);
		break;
	case 6:
		rc = db_query(db, &res, ONE_CATALOG(BY_UPDATED), ONE_ARGS);
		break;
	case 7:
		rc = db_query(db, &res, ONE_CATALOG(BY_UPDATED_DESC),
		    ONE_ARGS);
		break;
	default:
		rc = db_query(db, &res, ALL_CATALOGS(BY_NAME), ALL_ARGS);
		break;
	}
#undef FILTER_ARGS
#undef ALL_ARGS
#undef ONE_ARGS
	if (rc != DB_OK)
		return rc;
	return collect_rows(res, out, n);
}

int
cert_versions(struct db *db, long long family_id, struct cert_row **out,
    size_t *n)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, SELECT_ROWS "WHERE c.family_id = ? "
	    "ORDER BY c.version DESC", "l", family_id);
	if (rc != DB_OK)
		return rc;
	return collect_rows(res, out, n);
}

int
cert_family_newest(struct db *db, long long family_id, struct cert_row *r)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, SELECT_ROWS "WHERE c.family_id = ? AND "
	    NEWEST_ONLY, "l", family_id);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_next(res)) == 1)
		fill_row(r, res);
	db_res_free(res);
	if (rc < 0)
		return rc;
	return rc == 1 ? DB_OK : CERT_NOT_FOUND;
}

int
cert_prerequisites(struct db *db, long long id, struct cert_row **out,
    size_t *n)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, SELECT_ROWS
	    "JOIN certification_prerequisites p "
	    "ON p.required_family_id = c.family_id "
	    "WHERE p.certification_id = ? AND " NEWEST_ONLY
	    "ORDER BY c.name, c.id", "l", id);
	if (rc != DB_OK)
		return rc;
	return collect_rows(res, out, n);
}

int
cert_groups(struct db *db, long long family_id, struct cert_group **out,
    size_t *n)
{
	struct db_res		*res;
	struct cert_group	*rows;
	size_t			 i = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	rc = db_query(db, &res, "SELECT g.id, g.name, s.auto_enroll "
	    "FROM user_group_certifications s "
	    "JOIN user_groups g ON g.id = s.group_id "
	    "WHERE s.family_id = ? ORDER BY g.name, g.id", "l", family_id);
	if (rc != DB_OK)
		return rc;
	if ((rows = calloc(db_rows(res) ? db_rows(res) : 1,
	    sizeof(*rows))) == NULL) {
		db_res_free(res);
		return DB_ERROR;
	}
	while ((rc = db_next(res)) == 1) {
		rows[i].id = db_int(res, 0);
		str_copy(rows[i].name, db_str(res, 1), sizeof(rows[i].name));
		rows[i++].auto_enroll = (int)db_int(res, 2);
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
cert_options(struct db *db, enum cert_option_kind kind,
    struct cert_option **out, size_t *n)
{
	struct db_res		*res;
	struct cert_option	*rows;
	size_t			 i = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	switch (kind) {
	case CERT_OPTION_LANGUAGES:
		rc = db_query(db, &res, "SELECT 0, code, name, 1 "
		    "FROM languages ORDER BY name, code", "");
		break;
	case CERT_OPTION_TEMPLATES:
		rc = db_query(db, &res, "SELECT id, '', name, 1 "
		    "FROM certificate_templates ORDER BY name, id", "");
		break;
	case CERT_OPTION_USER_TYPES:
		rc = db_query(db, &res, "SELECT id, '', name, 1 "
		    "FROM user_types ORDER BY name, id", "");
		break;
	default:
		rc = db_query(db, &res, "SELECT id, '', name, active "
		    "FROM catalogs ORDER BY name, id", "");
		break;
	}
	if (rc != DB_OK)
		return rc;
	if ((rows = calloc(db_rows(res) ? db_rows(res) : 1,
	    sizeof(*rows))) == NULL) {
		db_res_free(res);
		return DB_ERROR;
	}
	while ((rc = db_next(res)) == 1) {
		rows[i].id = db_int(res, 0);
		str_copy(rows[i].code, db_str(res, 1), sizeof(rows[i].code));
		str_copy(rows[i].name, db_str(res, 2), sizeof(rows[i].name));
		rows[i++].active = (int)db_int(res, 3);
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

/* ------------------------------------------------------------ saving */

/* Formats v for a nullable column: NULL for 0, else the number in buf. */
static const char *
null_if_zero(long long v, char buf[24])
{
	if (v == 0)
		return NULL;
	snprintf(buf, 24, "%lld", v);
	return buf;
}

static void
user_types_text(const struct certification *c, struct buf *b)
{
	size_t	 i;

	buf_puts(b, "");
	for (i = 0; i < c->n_user_types; i++)
		buf_printf(b, "%s%lld", i ? ", " : "", c->user_types[i]);
}

static void
prices_text(const struct certification *c, struct buf *b)
{
	size_t	 i;

	buf_puts(b, "");
	for (i = 0; i < c->n_prices; i++)
		buf_printf(b, "%s%s %lld.%02lld", i ? ", " : "",
		    c->prices[i].currency, c->prices[i].amount / 100,
		    c->prices[i].amount % 100);
}

static int
compare_ids(const void *a, const void *b)
{
	long long	 x = *(const long long *)a, y = *(const long long *)b;

	return x < y ? -1 : x > y;
}

static int
compare_prices(const void *a, const void *b)
{
	return strcmp(((const struct cert_price *)a)->currency,
	    ((const struct cert_price *)b)->currency);
}

/* Appends "label: old -> new; " for each setting that differs. */
static void
describe_changes(struct buf *ch, const struct certification *o,
    const struct certification *c)
{
	struct buf	 before = { 0 }, after = { 0 };

	audit_change(ch, "name", o->name, c->name);
	audit_change(ch, "description", o->description, c->description);
	audit_change(ch, "language", o->language_code, c->language_code);
	audit_change_int(ch, "active", o->active, c->active);
	audit_change_int(ch, "days to complete", o->limit_days ?
	    o->days_to_complete : 0, c->limit_days ? c->days_to_complete : 0);
	audit_change(ch, "availability",
	    cert_availability_keys[o->availability],
	    cert_availability_keys[c->availability]);
	audit_change_int(ch, "certificate template", o->template_id,
	    c->template_id);
	audit_change_int(ch, "catalog", o->catalog_id, c->catalog_id);
	audit_change_int(ch, "required electives", o->required_electives,
	    c->required_electives);
	audit_change(ch, "name on certificate", o->name_on_certificate,
	    c->name_on_certificate);
	audit_change_int(ch, "display individually", o->display_individually,
	    c->display_individually);
	audit_change_int(ch, "progress bar", o->show_progress_bar,
	    c->show_progress_bar);
	audit_change(ch, "expiration", cert_expiration_keys[o->expiration],
	    cert_expiration_keys[c->expiration]);
	audit_change_int(ch, "expire days", o->expire_days, c->expire_days);
	audit_change_int(ch, "provisional", o->provisional, c->provisional);
	audit_change(ch, "external id", o->external_id, c->external_id);
	audit_change_int(ch, "completion e-mail disabled",
	    o->disable_completion_email, c->disable_completion_email);
	audit_change_int(ch, "priced", o->priced, c->priced);
	audit_change_int(ch, "credit card", o->pay_credit_card,
	    c->pay_credit_card);
	audit_change_int(ch, "purchase order", o->pay_purchase_order,
	    c->pay_purchase_order);
	audit_change_int(ch, "voucher", o->pay_voucher, c->pay_voucher);
	user_types_text(o, &before);
	user_types_text(c, &after);
	audit_change(ch, "user types", before.data, after.data);
	buf_reset(&before);
	buf_reset(&after);
	prices_text(o, &before);
	prices_text(c, &after);
	audit_change(ch, "prices", before.data, after.data);
	audit_change(ch, "number format",
	    cert_number_format_keys[o->number_format],
	    cert_number_format_keys[c->number_format]);
	audit_change(ch, "number prefix", o->number_prefix, c->number_prefix);
	audit_change_int(ch, "number width", o->number_width, c->number_width);
	audit_change_int(ch, "start number", o->start_number,
	    c->start_number);
	audit_change_int(ch, "next number", o->next_number, c->next_number);
	buf_free(&before);
	buf_free(&after);
}

/* Replaces the user types and prices of version c->id. */
static int
write_lists(struct db *db, const struct certification *c)
{
	char	 amount[32];
	size_t	 i;
	int	 rc;

	rc = db_exec(db, "DELETE FROM certification_user_types "
	    "WHERE certification_id = ?", "l", c->id);
	for (i = 0; rc == DB_OK && i < c->n_user_types; i++)
		rc = db_exec(db, "INSERT INTO certification_user_types "
		    "(certification_id, user_type_id) VALUES (?, ?)", "ll",
		    c->id, c->user_types[i]);
	if (rc != DB_OK)
		return rc;
	rc = db_exec(db, "DELETE FROM certification_prices "
	    "WHERE certification_id = ?", "l", c->id);
	for (i = 0; rc == DB_OK && i < c->n_prices; i++) {
		snprintf(amount, sizeof(amount), "%lld.%02lld",
		    c->prices[i].amount / 100, c->prices[i].amount % 100);
		rc = db_exec(db, "INSERT INTO certification_prices "
		    "(certification_id, currency, amount) VALUES (?, ?, ?)",
		    "lss", c->id, c->prices[i].currency, amount);
	}
	return rc;
}

static int
insert_certification(struct db *db, struct certification *c,
    const char *now)
{
	char	 days[24], tpl[24], cat[24], exp[24];
	int	 rc;

	rc = db_exec(db, "INSERT INTO certification_families (number_format, "
	    "number_prefix, number_width, start_number, next_number, "
	    "last_issued_number, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)",
	    "ssills", cert_number_format_keys[c->number_format],
	    c->number_prefix, c->number_width, c->start_number,
	    c->next_number, now);
	if (rc != DB_OK)
		return rc;
	c->family_id = (long long)db_insert_id(db);
	c->version = 1;
	rc = db_exec(db, "INSERT INTO certifications (family_id, version, "
	    "name, description, language_code, active, days_to_complete, "
	    "availability, certificate_template_id, catalog_id, "
	    "required_electives, name_on_certificate, display_individually, "
	    "show_progress_bar, expiration_type, expire_days, provisional, "
	    "external_id, disable_completion_email, priced, pay_credit_card, "
	    "pay_purchase_order, pay_voucher, created_at, updated_at) "
	    "VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
	    "?, ?, ?, ?, ?, ?)", "lsssissssisiissisiiiiiss", c->family_id,
	    c->name, c->description, c->language_code, c->active,
	    c->limit_days ? null_if_zero(c->days_to_complete, days) : NULL,
	    cert_availability_keys[c->availability],
	    null_if_zero(c->template_id, tpl), null_if_zero(c->catalog_id, cat),
	    c->required_electives, c->name_on_certificate,
	    c->display_individually, c->show_progress_bar,
	    cert_expiration_keys[c->expiration],
	    c->expiration == CERT_EXPIRE_INTERVAL ?
	    null_if_zero(c->expire_days, exp) : NULL, c->provisional,
	    c->external_id, c->disable_completion_email, c->priced,
	    c->pay_credit_card, c->pay_purchase_order, c->pay_voucher, now,
	    now);
	if (rc != DB_OK)
		return rc;
	c->id = (long long)db_insert_id(db);
	return DB_OK;
}

static int
update_certification(struct db *db, const struct certification *c,
    const char *now)
{
	char	 days[24], tpl[24], cat[24], exp[24];
	int	 rc;

	rc = db_exec(db, "UPDATE certifications SET name = ?, "
	    "description = ?, language_code = ?, active = ?, "
	    "days_to_complete = ?, availability = ?, "
	    "certificate_template_id = ?, catalog_id = ?, "
	    "required_electives = ?, name_on_certificate = ?, "
	    "display_individually = ?, show_progress_bar = ?, "
	    "expiration_type = ?, expire_days = ?, provisional = ?, "
	    "external_id = ?, disable_completion_email = ?, priced = ?, "
	    "pay_credit_card = ?, pay_purchase_order = ?, pay_voucher = ?, "
	    "updated_at = ? WHERE id = ?", "sssissssisiissisiiiiisl",
	    c->name, c->description, c->language_code, c->active,
	    c->limit_days ? null_if_zero(c->days_to_complete, days) : NULL,
	    cert_availability_keys[c->availability],
	    null_if_zero(c->template_id, tpl), null_if_zero(c->catalog_id, cat),
	    c->required_electives, c->name_on_certificate,
	    c->display_individually, c->show_progress_bar,
	    cert_expiration_keys[c->expiration],
	    c->expiration == CERT_EXPIRE_INTERVAL ?
	    null_if_zero(c->expire_days, exp) : NULL, c->provisional,
	    c->external_id, c->disable_completion_email, c->priced,
	    c->pay_credit_card, c->pay_purchase_order, c->pay_voucher, now,
	    c->id);
	if (rc != DB_OK)
		return rc;
	return db_exec(db, "UPDATE certification_families SET "
	    "number_format = ?, number_prefix = ?, number_width = ?, "
	    "start_number = ?, next_number = ? WHERE id = ?", "ssilll",
	    cert_number_format_keys[c->number_format], c->number_prefix,
	    c->number_width, c->start_number, c->next_number, c->family_id);
}

struct save {
	struct certification	*c;
	struct certification	 old;
	long long		 actor, impersonator;
	int			 is_new;	/* fixed before the first run */
};

static int
save_txn(struct db *db, void *arg)
{
	struct save		*s = arg;
	struct certification	*c = s->c, *old = &s->old;
	struct buf		 changes = { 0 };
	char			 now[27];
	int			 rc;

	clock_format_sql(clock_now(), now);
	if (s->is_new) {
		if ((rc = insert_certification(db, c, now)) != DB_OK ||
		    (rc = write_lists(db, c)) != DB_OK)
			return rc;
		return audit_record(db, s->actor, s->impersonator,
		    "certification_create", "certification", c->id, c->name);
	}

	if ((rc = cert_get(db, c->id, old)) != DB_OK)
		return rc;
	if (old->version != old->newest_version)
		return CERT_READ_ONLY;
	c->family_id = old->family_id;
	c->version = old->version;
	/* Certificates issued and courses changed since the form was read
	 * count, so both rules are checked again on fresh rows. */
	if (c->next_number <= old->last_issued_number) {
		c->last_issued_number = old->last_issued_number;
		return CERT_NEXT_TOO_LOW;
	}
	if (c->required_electives > old->elective_courses) {
		c->elective_courses = old->elective_courses;
		return CERT_ELECTIVES;
	}
	if ((rc = update_certification(db, c, now)) != DB_OK ||
	    (rc = write_lists(db, c)) != DB_OK)
		return rc;
	describe_changes(&changes, old, c);
	rc = audit_record(db, s->actor, s->impersonator,
	    "certification_update", "certification", c->id,
	    changes.data ? changes.data : "no change");
	buf_free(&changes);
	if (rc == DB_OK && c->required_electives != old->required_electives)
		rc = completion_queue_recheck(db, c->id, s->actor);
	return rc;
}

int
cert_save(struct db *db, struct certification *c, long long actor_id,
    long long impersonator_id)
{
	struct save	*s;
	long long	 id = c->id;
	int		 rc;

	/* The copy of the old version is too large for a worker's stack
	 * frame to hold comfortably next to the caller's. */
	if ((s = calloc(1, sizeof(*s))) == NULL)
		return DB_ERROR;
	s->c = c;
	s->actor = actor_id;
	s->impersonator = impersonator_id;
	s->is_new = id == 0;
	qsort(c->user_types, c->n_user_types, sizeof(c->user_types[0]),
	    compare_ids);
	qsort(c->prices, c->n_prices, sizeof(c->prices[0]), compare_prices);

	rc = db_txn(db, save_txn, s);
	if (rc != DB_OK && s->is_new) {
		c->id = 0;
		c->family_id = 0;
	}
	free(s);
	return rc;
}

/* ------------------------------------------------------------ versions */

struct version {
	long long	 id, new_id, actor, impersonator;
};

static int
version_txn(struct db *db, void *arg)
{
	struct version	*v = arg;
	struct db_res	*res;
	long long	 family = 0, id = v->id;
	int		 version = 0, newest = 0, rc;
	char		 now[27], details[128];

	rc = db_query(db, &res, "SELECT c.family_id, c.version, "
	    "(SELECT MAX(m.version) FROM certifications m "
	    "WHERE m.family_id = c.family_id) FROM certifications c "
	    "WHERE c.id = ?", "l", id);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_next(res)) == 1) {
		family = db_int(res, 0);
		version = (int)db_int(res, 1);
		newest = (int)db_int(res, 2);
	}
	db_res_free(res);
	if (rc < 0)
		return rc;
	if (rc == 0)
		return CERT_NOT_FOUND;
	if (version != newest)
		return CERT_READ_ONLY;

	clock_format_sql(clock_now(), now);
	rc = db_exec(db, "INSERT INTO certifications (family_id, version, "
	    "name, description, language_code, active, days_to_complete, "
	    "availability, certificate_template_id, catalog_id, "
	    "required_electives, name_on_certificate, display_individually, "
	    "show_progress_bar, expiration_type, expire_days, provisional, "
	    "external_id, image_file_id, icon_file_id, "
	    "disable_completion_email, priced, pay_credit_card, "
	    "pay_purchase_order, pay_voucher, prerequisite_rule, created_at, "
	    "updated_at) SELECT family_id, version + 1, name, description, "
	    "language_code, active, days_to_complete, availability, "
	    "certificate_template_id, catalog_id, required_electives, "
	    "name_on_certificate, display_individually, show_progress_bar, "
	    "expiration_type, expire_days, provisional, external_id, "
	    "image_file_id, icon_file_id, disable_completion_email, priced, "
	    "pay_credit_card, pay_purchase_order, pay_voucher, "
	    "prerequisite_rule, ?, ? FROM certifications WHERE id = ?", "ssl",
	    now, now, id);
	/* Another administrator made the next version first. */
	if (rc == DB_DUPLICATE)
		return CERT_READ_ONLY;
	if (rc != DB_OK)
		return rc;
	v->new_id = (long long)db_insert_id(db);
	rc = db_exec(db, "UPDATE certifications SET is_newest = 0 "
	    "WHERE id = ?", "l", id);
	if (rc != DB_OK)
		return rc;

	rc = db_exec(db, "INSERT INTO certification_user_types "
	    "(certification_id, user_type_id) SELECT ?, user_type_id "
	    "FROM certification_user_types WHERE certification_id = ?", "ll",
	    v->new_id, id);
	if (rc == DB_OK)
		rc = db_exec(db, "INSERT INTO certification_courses "
		    "(certification_id, course_id, requirement, position) "
		    "SELECT ?, course_id, requirement, position "
		    "FROM certification_courses WHERE certification_id = ?",
		    "ll", v->new_id, id);
	if (rc == DB_OK)
		rc = db_exec(db, "INSERT INTO certification_prerequisites "
		    "(certification_id, required_family_id) "
		    "SELECT ?, required_family_id "
		    "FROM certification_prerequisites "
		    "WHERE certification_id = ?", "ll", v->new_id, id);
	if (rc == DB_OK)
		rc = db_exec(db, "INSERT INTO certification_prices "
		    "(certification_id, currency, amount) "
		    "SELECT ?, currency, amount FROM certification_prices "
		    "WHERE certification_id = ?", "ll", v->new_id, id);
	if (rc != DB_OK)
		return rc;
	snprintf(details, sizeof(details), "version %d of family %lld, "
	    "copied from certification %lld", version + 1, family, id);
	return audit_record(db, v->actor, v->impersonator,
	    "certification_version_create", "certification", v->new_id,
	    details);
}

int
cert_new_version(struct db *db, long long id, long long *new_id,
    long long actor_id, long long impersonator_id)
{
	struct version	 v = { id, 0, actor_id, impersonator_id };
	int		 rc;

	if ((rc = db_txn(db, version_txn, &v)) == DB_OK)
		*new_id = v.new_id;
	return rc;
}

/* ------------------------------------------------------------ images */

struct image {
	long long	 id, file_id, actor, impersonator;
	int		 icon;
};

static int
image_txn(struct db *db, void *arg)
{
	struct image	*im = arg;
	struct db_res	*res;
	long long	 old = 0;
	int		 is_newest = 0, rc;
	char		 now[27], file[24], details[128];

	rc = db_query(db, &res, "SELECT c.image_file_id, c.icon_file_id, "
	    "NOT EXISTS (SELECT 1 FROM certifications n "
	    "WHERE n.family_id = c.family_id AND n.version > c.version) "
	    "FROM certifications c WHERE c.id = ?", "l", im->id);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_next(res)) == 1) {
		old = db_int(res, im->icon ? 1 : 0);
		is_newest = (int)db_int(res, 2);
	}
	db_res_free(res);
	if (rc < 0)
		return rc;
	if (rc == 0)
		return CERT_NOT_FOUND;
	if (!is_newest)
		return CERT_READ_ONLY;

	clock_format_sql(clock_now(), now);
	if (im->icon)
		rc = db_exec(db, "UPDATE certifications SET icon_file_id = ?, "
		    "updated_at = ? WHERE id = ?", "ssl",
		    null_if_zero(im->file_id, file), now, im->id);
	else
		rc = db_exec(db, "UPDATE certifications SET "
		    "image_file_id = ?, updated_at = ? WHERE id = ?", "ssl",
		    null_if_zero(im->file_id, file), now, im->id);
	if (rc != DB_OK)
		return rc;
	snprintf(details, sizeof(details), "%s file: %lld -> %lld%s",
	    im->icon ? "icon" : "display image", old, im->file_id,
	    im->file_id == 0 ? " (default)" : "");
	return audit_record(db, im->actor, im->impersonator,
	    "certification_image", "certification", im->id, details);
}

int
cert_set_image(struct db *db, long long id, int icon, long long file_id,
    long long actor_id, long long impersonator_id)
{
	struct image	 im = { id, file_id, actor_id, impersonator_id, icon };

	return db_txn(db, image_txn, &im);
}
