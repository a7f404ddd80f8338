#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "access.h"
#include "audit.h"
#include "clock.h"
#include "completion.h"
#include "db.h"
#include "enroll.h"
#include "listing.h"
#include "payment.h"
#include "str.h"

/* Attempts at a generated code before giving up.  A new code of 12
 * symbols from 31 equals a given existing one with odds of about 1 in
 * 7.9 * 10^17. */
#define GENERATE_ATTEMPTS	5

/* ------------------------------------------------------------ terms */

int
payment_terms(struct db *db, long long family_id, struct payment_terms *t)
{
	struct db_res	*res;
	int		 rc;

	memset(t, 0, sizeof(*t));
	rc = db_query(db, &res, "SELECT c.id, c.priced, c.pay_voucher, "
	    "c.pay_purchase_order, c.pay_credit_card FROM certifications c "
	    "WHERE c.family_id = ? ORDER BY c.version DESC LIMIT 1", "l",
	    family_id);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_next(res)) == 1) {
		t->certification_id = db_int(res, 0);
		t->priced = (int)db_int(res, 1);
		t->pay_voucher = (int)db_int(res, 2);
		t->pay_purchase_order = (int)db_int(res, 3);
		t->pay_credit_card = (int)db_int(res, 4);
	}
	db_res_free(res);
	if (rc != 1)
		return rc == 0 ? PAYMENT_NOT_FOUND : rc;

	rc = db_query(db, &res, "SELECT currency, amount "
	    "FROM certification_prices WHERE certification_id = ? "
	    "ORDER BY currency", "l", t->certification_id);
	if (rc != DB_OK)
		return rc;
	while ((rc = db_next(res)) == 1 && t->n_prices < PAYMENT_PRICES_MAX) {
		struct payment_price *p = &t->prices[t->n_prices++];

		str_copy(p->currency, db_str(res, 0), sizeof(p->currency));
		str_copy(p->amount, db_str(res, 1), sizeof(p->amount));
	}
	db_res_free(res);
	return rc < 0 ? rc : DB_OK;
}

enum pay_option {
	PAY_BY_VOUCHER,
	PAY_BY_PURCHASE_ORDER
};

/* Returns DB_OK when user_id may enrol in family_id and pay for it by
 * option, else PAYMENT_NO_ACCESS, PAYMENT_NOT_OFFERED or a db_status. */
static int
check_offer(struct db *db, long long user_id, long long family_id,
    enum pay_option option)
{
	struct access_item	 it;
	struct payment_terms	 t;
	int			 rc, allowed;

	rc = access_check(db, user_id, family_id, &it);
	if (rc == 1 || (rc == DB_OK && it.denied != 0))
		return PAYMENT_NO_ACCESS;
	if (rc != DB_OK)
		return rc;
	if ((rc = payment_terms(db, family_id, &t)) != DB_OK)
		return rc == PAYMENT_NOT_FOUND ? PAYMENT_NO_ACCESS : rc;
	allowed = option == PAY_BY_VOUCHER ? t.pay_voucher :
	    t.pay_purchase_order;
	return t.priced && allowed ? DB_OK : PAYMENT_NOT_OFFERED;
}

/* ------------------------------------------------------------ vouchers */

#define SELECT_VOUCHERS \
	"SELECT v.id, v.code, v.family_id, COALESCE(c.name, ''), " \
	"v.uses_allowed, v.uses_count, v.expires_on, v.created_at " \
	"FROM vouchers v LEFT JOIN certifications c " \
	"ON c.family_id = v.family_id AND c.is_newest = 1 " \
	"WHERE (? = '' OR v.code LIKE ?) AND (? = 0 OR v.family_id = ?) "
#define PAGE	" LIMIT ? OFFSET ?"

static void
fill_voucher(struct payment_voucher *v, struct db_res *res,
    const char *today)
{
	memset(v, 0, sizeof(*v));
	v->id = db_int(res, 0);
	str_copy(v->code, db_str(res, 1), sizeof(v->code));
	v->family_id = db_int(res, 2);
	str_copy(v->certification, db_str(res, 3), sizeof(v->certification));
	v->uses_allowed = db_int(res, 4);
	v->uses_count = db_int(res, 5);
	str_copy(v->expires_on, db_str(res, 6), sizeof(v->expires_on));
	str_copy(v->created_at, db_str(res, 7), sizeof(v->created_at));
	/* "YYYY-MM-DD" strings compare in calendar order. */
	if (v->uses_count >= v->uses_allowed)
		v->state = VOUCHER_USED_UP;
	else if (strcmp(v->expires_on, today) < 0)
		v->state = VOUCHER_EXPIRED;
	else
		v->state = VOUCHER_VALID;
}

/* Returns 1 when every byte of s may occur in a voucher code. */
static int
code_chars(const char *s)
{
	for (; *s != '\0'; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		    (*s >= '0' && *s <= '9') || *s == '-'))
			return 0;
	return 1;
}

int
payment_voucher_list(struct db *db, const struct listing *l,
    long long family_id, struct payment_voucher **out, size_t *n)
{
	struct payment_voucher	*rows;
	struct db_res		*res;
	char			 today[11];
	size_t			 i = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	/* vouchers.code is ASCII: a search text with other characters
	 * matches nothing, and binding it would mix character sets. */
	if (!code_chars(l->q)) {
		*out = calloc(1, sizeof(**out));
		return *out == NULL ? DB_ERROR : DB_OK;
	}
	switch (l->sort * 2 + l->desc) {
	case 1:
		rc = db_query(db, &res, SELECT_VOUCHERS
		    "ORDER BY v.code DESC" PAGE, "ssllll", l->q_pattern,
		    l->q_pattern, family_id, family_id, l->limit, l->offset);
		break;
	case 2:
		rc = db_query(db, &res, SELECT_VOUCHERS
		    "ORDER BY v.expires_on, v.id" PAGE, "ssllll", l->q_pattern,
		    l->q_pattern, family_id, family_id, l->limit, l->offset);
		break;
	case 3:
		rc = db_query(db, &res, SELECT_VOUCHERS
		    "ORDER BY v.expires_on DESC, v.id DESC" PAGE, "ssllll",
		    l->q_pattern, l->q_pattern, family_id, family_id, l->limit,
		    l->offset);
		break;
	case 4:
		rc = db_query(db, &res, SELECT_VOUCHERS
		    "ORDER BY v.created_at, v.id" PAGE, "ssllll", l->q_pattern,
		    l->q_pattern, family_id, family_id, l->limit, l->offset);
		break;
	case 5:
		rc = db_query(db, &res, SELECT_VOUCHERS
		    "ORDER BY v.created_at DESC, v.id DESC" PAGE, "ssllll",
		    l->q_pattern, l->q_pattern, family_id, family_id, l->limit,
		    l->offset);
		break;
	default:
		rc = db_query(db, &res, SELECT_VOUCHERS
		    "ORDER BY v.code" PAGE, "ssllll", l->q_pattern,
		    l->q_pattern, family_id, family_id, l->limit, l->offset);
		break;
	}
	if (rc != DB_OK)
		return rc;
	if ((rows = calloc(db_rows(res) + 1, sizeof(*rows))) == NULL) {
		db_res_free(res);
		return DB_ERROR;
	}
	date_format(clock_site_day(clock_now()), today);
	while ((rc = db_next(res)) == 1)
		fill_voucher(&rows[i++], res, today);
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
payment_voucher_families(struct db *db, int issuable,
    struct payment_family **out, size_t *n)
{
	struct payment_family	*rows;
	struct db_res		*res;
	size_t			 i = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	if (issuable)
		rc = db_query(db, &res, "SELECT c.family_id, c.version, c.name "
		    "FROM certifications c WHERE c.is_newest = 1 "
		    "AND c.priced = 1 AND c.pay_voucher = 1 "
		    "ORDER BY c.name, c.family_id", "");
	else
		rc = db_query(db, &res, "SELECT c.family_id, c.version, c.name "
		    "FROM certifications c WHERE c.is_newest = 1 "
		    "AND EXISTS (SELECT 1 FROM vouchers v "
		    "WHERE v.family_id = c.family_id) "
		    "ORDER BY c.name, c.family_id", "");
	if (rc != DB_OK)
		return rc;
	if ((rows = calloc(db_rows(res) + 1, sizeof(*rows))) == NULL) {
		db_res_free(res);
		return DB_ERROR;
	}
	while ((rc = db_next(res)) == 1) {
		rows[i].family_id = db_int(res, 0);
		rows[i].version = (int)db_int(res, 1);
		str_copy(rows[i].name, db_str(res, 2), sizeof(rows[i].name));
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
payment_code_normalize(const char *code, char *out)
{
	size_t	 len = strlen(code), i;

	if (len < PAYMENT_CODE_MIN || len > PAYMENT_CODE_MAX ||
	    !code_chars(code))
		return -1;
	for (i = 0; i < len; i++)
		out[i] = code[i] >= 'a' && code[i] <= 'z' ?
		    (char)(code[i] - 'a' + 'A') : code[i];
	out[len] = '\0';
	return 0;
}

/* Writes a new code such as "K7QM-X2PA-9RTE" to out (15 bytes).  The
 * alphabet leaves out 0, O, 1, I and L, which are easily confused when a
 * code is read aloud or typed from paper. */
static void
generate_code(char out[PAYMENT_CODE_GENERATED + 1])
{
	static const char	 alphabet[] = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
	size_t			 i, k = 0;

	for (i = 0; i < 12; i++) {
		if (i > 0 && i % 4 == 0)
			out[k++] = '-';
		out[k++] = alphabet[randombytes_uniform(sizeof(alphabet) - 1)];
	}
	out[k] = '\0';
}

struct voucher_create {
	struct payment_voucher	*v;
	long long		 actor, impersonator;
};

static int
voucher_create_txn(struct db *db, void *arg)
{
	struct voucher_create	*c = arg;
	struct payment_voucher	*v = c->v;
	char			 now[27], details[160];
	int			 rc;

	clock_format_sql(clock_now(), now);
	/* Selecting the family's newest version checks, in the statement
	 * that inserts, that it is priced and accepts vouchers. */
	rc = db_exec(db, "INSERT INTO vouchers (code, family_id, "
	    "uses_allowed, expires_on, created_by, created_at) "
	    "SELECT ?, c.family_id, ?, ?, ?, ? FROM certifications c "
	    "WHERE c.family_id = ? AND c.is_newest = 1 AND c.priced = 1 "
	    "AND c.pay_voucher = 1", "slslsl", v->code, v->uses_allowed,
	    v->expires_on, c->actor, now, v->family_id);
	if (rc != DB_OK)
		return rc;
	if (db_affected(db) == 0)
		return PAYMENT_NOT_OFFERED;
	v->id = (long long)db_insert_id(db);
	snprintf(details, sizeof(details), "code %s; certification family "
	    "%lld; uses %lld; expires on %s", v->code, v->family_id,
	    v->uses_allowed, v->expires_on);
	return audit_record(db, c->actor, c->impersonator, "voucher_create",
	    "voucher", v->id, details);
}

int
payment_voucher_create(struct db *db, struct payment_voucher *v,
    long long actor_id, long long impersonator_id)
{
	struct voucher_create	 c = { v, actor_id, impersonator_id };
	int			 generated = v->code[0] == '\0', attempt, rc;

	for (attempt = 0; attempt < GENERATE_ATTEMPTS; attempt++) {
		if (generated)
			generate_code(v->code);
		rc = db_txn(db, voucher_create_txn, &c);
		if (rc != DB_DUPLICATE || !generated)
			break;
	}
	/* A generated code is never the user's duplicate to fix. */
	if (rc == DB_DUPLICATE && generated)
		rc = DB_ERROR;
	if (rc != DB_OK) {
		v->id = 0;
		if (generated)
			v->code[0] = '\0';
	}
	return rc;
}

struct redeem {
	const struct config	*cfg;
	long long	 user_id, family_id, impersonator_id;
	char		 code[PAYMENT_CODE_MAX + 1];
	char		 expires_on[11];
};

/* Finds the voucher and checks its family and date; returns DB_OK with
 * *id set, or why it cannot be used. */
static int
find_voucher(struct db *db, struct redeem *r, long long *id)
{
	struct db_res	*res;
	char		 today[11];
	long long	 family = 0;
	int		 rc;

	/*
	 * FOR UPDATE queues concurrent redemptions of one voucher here.
	 * Without it each would hold the shared lock that the foreign key
	 * check of voucher_redemptions takes on the voucher, and their
	 * UPDATEs below would deadlock and be retried.  Correctness does
	 * not depend on the lock: on a Galera cluster it is node-local, and
	 * the conditional UPDATE decides.
	 */
	rc = db_query(db, &res, "SELECT id, family_id, expires_on "
	    "FROM vouchers WHERE code = ? FOR UPDATE", "s", r->code);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_next(res)) == 1) {
		*id = db_int(res, 0);
		family = db_int(res, 1);
		str_copy(r->expires_on, db_str(res, 2), sizeof(r->expires_on));
	}
	db_res_free(res);
	if (rc != 1)
		return rc == 0 ? PAYMENT_UNKNOWN_CODE : rc;
	if (family != r->family_id)
		return PAYMENT_OTHER_FAMILY;
	/* Valid through its expiry date, in the site calendar. */
	date_format(clock_site_day(clock_now()), today);
	if (strcmp(r->expires_on, today) < 0)
		return PAYMENT_EXPIRED;
	return DB_OK;
}

static int
redeem_txn(struct db *db, void *arg)
{
	struct redeem	*r = arg;
	long long	 voucher_id = 0;
	char		 now[27], details[128];
	int		 rc, created, completed;

	rc = check_offer(db, r->user_id, r->family_id, PAY_BY_VOUCHER);
	if (rc != DB_OK)
		return rc;
	if ((rc = find_voucher(db, r, &voucher_id)) != DB_OK)
		return rc;

	/* The primary key (voucher, user) makes a second redemption by the
	 * same learner a duplicate, so it is never counted twice. */
	clock_format_sql(clock_now(), now);
	rc = db_exec(db, "INSERT INTO voucher_redemptions (voucher_id, "
	    "user_id, redeemed_at) VALUES (?, ?, ?)", "lls", voucher_id,
	    r->user_id, now);
	if (rc == DB_DUPLICATE)
		return PAYMENT_USED_BY_YOU;
	if (rc != DB_OK)
		return rc;
	rc = db_exec(db, "UPDATE vouchers SET uses_count = uses_count + 1 "
	    "WHERE id = ? AND uses_count < uses_allowed", "l", voucher_id);
	if (rc != DB_OK)
		return rc;
	if (db_affected(db) == 0)
		return PAYMENT_USED_UP;

	rc = enroll_in_txn(db, r->user_id, r->family_id, ENROLL_VOUCHER, 0,
	    r->impersonator_id, &created);
	if (rc != DB_OK)
		return rc == 1 ? PAYMENT_NOT_FOUND : rc;
	if (!created)
		return PAYMENT_ENROLLED;
	snprintf(details, sizeof(details), "code %s; certification family "
	    "%lld", r->code, r->family_id);
	if ((rc = audit_record(db, r->user_id, r->impersonator_id,
	    "voucher_redeem", "voucher", voucher_id, details)) != DB_OK)
		return rc;
	/* Courses passed before enrolling may complete it at once. */
	return completion_evaluate_in_txn(db, r->cfg, r->user_id, &completed);
}

int
payment_voucher_redeem(struct db *db, const struct config *cfg,
    long long user_id, long long family_id, const char *code,
    long long impersonator_id, char expires_on[11])
{
	struct redeem	 r = { cfg, user_id, family_id, impersonator_id, "", "" };
	int		 rc;

	expires_on[0] = '\0';
	if (payment_code_normalize(code, r.code) == -1)
		return PAYMENT_UNKNOWN_CODE;
	rc = db_txn(db, redeem_txn, &r);
	if (rc == PAYMENT_EXPIRED)
		str_copy(expires_on, r.expires_on, 11);
	return rc;
}

/* ------------------------------------------------------ purchase orders */

#define SELECT_POS \
	"SELECT p.id, p.user_id, u.login, " \
	"TRIM(CONCAT(u.first_name, ' ', u.last_name)), p.family_id, " \
	"COALESCE(c.name, ''), p.po_number, p.status, p.reason, " \
	"p.submitted_at, COALESCE(p.decided_at, ''), COALESCE(d.login, '') " \
	"FROM purchase_orders p JOIN users u ON u.id = p.user_id " \
	"LEFT JOIN certifications c " \
	"ON c.family_id = p.family_id AND c.is_newest = 1 " \
	"LEFT JOIN users d ON d.id = p.decided_by "

static void
fill_po(struct payment_po *p, struct db_res *res)
{
	memset(p, 0, sizeof(*p));
	p->id = db_int(res, 0);
	p->user_id = db_int(res, 1);
	str_copy(p->login, db_str(res, 2), sizeof(p->login));
	str_copy(p->user_name, db_str(res, 3), sizeof(p->user_name));
	p->family_id = db_int(res, 4);
	str_copy(p->certification, db_str(res, 5), sizeof(p->certification));
	str_copy(p->po_number, db_str(res, 6), sizeof(p->po_number));
	str_copy(p->status, db_str(res, 7), sizeof(p->status));
	str_copy(p->reason, db_str(res, 8), sizeof(p->reason));
	str_copy(p->submitted_at, db_str(res, 9), sizeof(p->submitted_at));
	str_copy(p->decided_at, db_str(res, 10), sizeof(p->decided_at));
	str_copy(p->decided_by, db_str(res, 11), sizeof(p->decided_by));
}

/* Reads at most one row of res into *p; returns DB_OK, PAYMENT_NOT_FOUND
 * or a db_status. */
static int
one_po(struct db_res *res, struct payment_po *p)
{
	int	 rc;

	if ((rc = db_next(res)) == 1)
		fill_po(p, res);
	db_res_free(res);
	if (rc == 1)
		return DB_OK;
	return rc == 0 ? PAYMENT_NOT_FOUND : rc;
}

int
payment_po_list(struct db *db, const struct listing *l, const char *status,
    struct payment_po **out, size_t *n)
{
	struct payment_po	*rows;
	struct db_res		*res;
	size_t			 i = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	/* Pending ones in the order they came, then the latest decisions. */
	rc = db_query(db, &res, SELECT_POS
	    "WHERE (? = '' OR p.po_number LIKE ? OR u.login LIKE ?) "
	    "AND (? = '' OR p.status = ?) "
	    "ORDER BY p.status <> 'pending', "
	    "IF(p.status = 'pending', p.submitted_at, NULL), "
	    "p.decided_at DESC, p.id DESC" PAGE, "sssssll", l->q_pattern,
	    l->q_pattern, l->q_pattern, status, status, l->limit, l->offset);
	if (rc != DB_OK)
		return rc;
	if ((rows = calloc(db_rows(res) + 1, sizeof(*rows))) == NULL) {
		db_res_free(res);
		return DB_ERROR;
	}
	while ((rc = db_next(res)) == 1)
		fill_po(&rows[i++], res);
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
payment_po_get(struct db *db, long long id, struct payment_po *p)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, SELECT_POS "WHERE p.id = ?", "l", id);
	if (rc != DB_OK)
		return rc;
	return one_po(res, p);
}

int
payment_po_latest(struct db *db, long long user_id, long long family_id,
    struct payment_po *p)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, SELECT_POS "WHERE p.user_id = ? "
	    "AND p.family_id = ? ORDER BY p.status = 'pending' DESC, "
	    "p.decided_at DESC, p.id DESC LIMIT 1", "ll", user_id, family_id);
	if (rc != DB_OK)
		return rc;
	return one_po(res, p);
}

struct submit {
	long long	 user_id, family_id, impersonator_id;
	const char	*po_number;
};

/* Returns 1 when the user has a live enrolment in the family, 0 when
 * not, or a db_status. */
static int
is_enrolled(struct db *db, long long user_id, long long family_id)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, "SELECT 1 FROM enrollments WHERE user_id = ? "
	    "AND family_id = ? AND status <> 'cancelled'", "ll", user_id,
	    family_id);
	if (rc != DB_OK)
		return rc;
	rc = db_next(res);
	db_res_free(res);
	return rc;
}

static int
submit_txn(struct db *db, void *arg)
{
	struct submit	*s = arg;
	char		 now[27], details[PAYMENT_PO_MAX * 4 + 64];
	long long	 id;
	int		 rc;

	rc = check_offer(db, s->user_id, s->family_id,
	    PAY_BY_PURCHASE_ORDER);
	if (rc != DB_OK)
		return rc;
	/* This check only gives a clear message.  Approval enrols through
	 * the unique key and rejects a learner enrolled meanwhile. */
	if ((rc = is_enrolled(db, s->user_id, s->family_id)) != 0)
		return rc == 1 ? PAYMENT_ENROLLED : rc;

	/* Both unique keys of purchase_orders can make this a duplicate:
	 * the same number again, or another while one is pending. */
	clock_format_sql(clock_now(), now);
	rc = db_exec(db, "INSERT INTO purchase_orders (user_id, family_id, "
	    "po_number, submitted_at) VALUES (?, ?, ?, ?)", "llss",
	    s->user_id, s->family_id, s->po_number, now);
	if (rc != DB_OK)
		return rc;
	id = (long long)db_insert_id(db);
	snprintf(details, sizeof(details), "purchase order \"%s\" for "
	    "certification family %lld", s->po_number, s->family_id);
	return audit_record(db, s->user_id, s->impersonator_id,
	    "purchase_order_submit", "purchase_order", id, details);
}

/* Tells which unique key a duplicate submission hit, after the
 * transaction was rolled back. */
static int
explain_duplicate(struct db *db, const struct submit *s, int *created)
{
	struct db_res	*res;
	int		 rc, pending = 0;

	rc = db_query(db, &res, "SELECT status = 'pending' "
	    "FROM purchase_orders WHERE user_id = ? AND family_id = ? "
	    "AND po_number = ?", "lls", s->user_id, s->family_id,
	    s->po_number);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_next(res)) == 1)
		pending = (int)db_int(res, 0);
	db_res_free(res);
	if (rc < 0)
		return rc;
	if (rc == 0)
		return PAYMENT_PENDING;
	if (!pending)
		return PAYMENT_DECIDED;
	*created = 0;
	return DB_OK;
}

int
payment_po_submit(struct db *db, long long user_id, long long family_id,
    const char *po_number, long long impersonator_id, int *created)
{
	struct submit	 s = { user_id, family_id, impersonator_id, po_number };
	int		 rc;

	*created = 0;
	rc = db_txn(db, submit_txn, &s);
	if (rc == DB_DUPLICATE)
		return explain_duplicate(db, &s, created);
	if (rc == DB_OK)
		*created = 1;
	return rc;
}

struct decision {
	const struct config	*cfg;
	long long	 po_id, actor, impersonator;
	const char	*reason;	/* NULL to approve */
};

/* Returns why a purchase order could not be decided: it does not exist
 * or was decided already. */
static int
not_pending(struct db *db, long long po_id)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, "SELECT 1 FROM purchase_orders WHERE id = ?",
	    "l", po_id);
	if (rc != DB_OK)
		return rc;
	rc = db_next(res);
	db_res_free(res);
	if (rc == 1)
		return PAYMENT_DECIDED;
	return rc == 0 ? PAYMENT_NOT_FOUND : rc;
}

/* Enrols the learner of an approved purchase order. */
static int
enroll_approved(struct db *db, const struct decision *d,
    const struct payment_po *p)
{
	struct access_item	 it;
	int			 rc, created, completed;

	rc = access_check(db, p->user_id, p->family_id, &it);
	if (rc == 1 || (rc == DB_OK && it.denied != 0))
		return PAYMENT_NO_ACCESS;
	if (rc != DB_OK)
		return rc;
	rc = enroll_in_txn(db, p->user_id, p->family_id,
	    ENROLL_PURCHASE_ORDER, d->actor, d->impersonator, &created);
	if (rc != DB_OK)
		return rc == 1 ? PAYMENT_NOT_FOUND : rc;
	if (!created)
		return PAYMENT_ENROLLED;
	/* Courses passed before enrolling may complete it at once. */
	return completion_evaluate_in_txn(db, d->cfg, p->user_id, &completed);
}

static int
decide_txn(struct db *db, void *arg)
{
	struct decision		*d = arg;
	struct payment_po	 p;
	struct buf		 details = { 0 };
	char			 now[27];
	int			 rc;

	/* Only a pending order changes, so two admins deciding at once
	 * cannot both succeed. */
	clock_format_sql(clock_now(), now);
	rc = db_exec(db, "UPDATE purchase_orders SET status = ?, reason = ?, "
	    "decided_by = ?, decided_at = ? WHERE id = ? "
	    "AND status = 'pending'", "sslsl",
	    d->reason == NULL ? "approved" : "rejected",
	    d->reason == NULL ? "" : d->reason, d->actor, now, d->po_id);
	if (rc != DB_OK)
		return rc;
	if (db_affected(db) == 0)
		return not_pending(db, d->po_id);
	if ((rc = payment_po_get(db, d->po_id, &p)) != DB_OK)
		return rc;
	if (d->reason == NULL && (rc = enroll_approved(db, d, &p)) != DB_OK)
		return rc;

	buf_printf(&details, "purchase order \"%s\" of user %lld for "
	    "certification family %lld", p.po_number, p.user_id, p.family_id);
	if (d->reason != NULL)
		buf_printf(&details, "; reason: %s", d->reason);
	rc = details.data == NULL ? DB_ERROR :
	    audit_record(db, d->actor, d->impersonator, d->reason == NULL ?
	    "purchase_order_approve" : "purchase_order_reject",
	    "purchase_order", d->po_id, details.data);
	buf_free(&details);
	return rc;
}

int
payment_po_approve(struct db *db, const struct config *cfg, long long po_id,
    long long actor_id, long long impersonator_id)
{
	struct decision	 d = { cfg, po_id, actor_id, impersonator_id, NULL };

	return db_txn(db, decide_txn, &d);
}

int
payment_po_reject(struct db *db, long long po_id, const char *reason,
    long long actor_id, long long impersonator_id)
{
	struct decision	 d = { NULL, po_id, actor_id, impersonator_id, reason };

	return db_txn(db, decide_txn, &d);
}
