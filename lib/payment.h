/*
 * Paying for a priced certification: vouchers that administrators issue
 * and learners redeem, and purchase orders that learners submit and
 * administrators approve or reject.  Redeeming a voucher and approving a
 * purchase order enrol the learner in the same transaction, so a payment
 * is recorded exactly when its enrolment is.
 *
 * Integrity comes from keys and conditional updates only.  The primary
 * key of voucher_redemptions counts one use per learner, and "uses_count
 * < uses_allowed" in the UPDATE stops the last use being taken twice.
 * The unique keys of purchase_orders turn a second submission into a
 * duplicate.
 */
#ifndef LAUREL_PAYMENT_H
#define LAUREL_PAYMENT_H

#include <stddef.h>

struct config;
struct db;
struct listing;

#define PAYMENT_CODE_MIN	4	/* characters of a typed voucher code */
#define PAYMENT_CODE_MAX	40	/* as in vouchers.code */
#define PAYMENT_CODE_GENERATED	14	/* "K7QM-X2PA-9RTE" */
#define PAYMENT_USES_MAX	100000
#define PAYMENT_PO_MAX		60	/* characters, as in purchase_orders */
#define PAYMENT_REASON_MAX	1000	/* characters of a rejection reason */
#define PAYMENT_PRICES_MAX	30
#define PAYMENT_NAME_MAX	200	/* characters of a certification name */
#define PAYMENT_LOGIN_MAX	100	/* characters of users.login */

/* Outcomes of the functions below besides DB_OK and a negative
 * db_status. */
enum payment_result {
	PAYMENT_NOT_FOUND = 1,	/* no such family or purchase order */
	PAYMENT_NO_ACCESS,	/* the access rules do not let the user enrol */
	PAYMENT_NOT_OFFERED,	/* not priced, or this payment option is off */
	PAYMENT_ENROLLED,	/* the user is already enrolled */
	PAYMENT_UNKNOWN_CODE,	/* no voucher has the code */
	PAYMENT_OTHER_FAMILY,	/* the voucher is for another certification */
	PAYMENT_EXPIRED,	/* the voucher's expiry date has passed */
	PAYMENT_USED_BY_YOU,	/* the user redeemed this voucher before */
	PAYMENT_USED_UP,	/* every use of the voucher is taken */
	PAYMENT_PENDING,	/* another purchase order of the user waits */
	PAYMENT_DECIDED		/* the purchase order is no longer pending */
};

struct payment_price {
	char		 currency[4];	/* ISO 4217 code */
	char		 amount[24];	/* decimal text, such as "149.50" */
};

/* Prices and payment options of the newest version of a family. */
struct payment_terms {
	long long	 certification_id;
	int		 priced;
	int		 pay_voucher;
	int		 pay_purchase_order;
	int		 pay_credit_card;
	struct payment_price prices[PAYMENT_PRICES_MAX];	/* by currency */
	size_t		 n_prices;
};

/* Loads the terms of family_id.  Returns DB_OK, PAYMENT_NOT_FOUND or a
 * db_status. */
int	 payment_terms(struct db *, long long family_id,
	    struct payment_terms *);

/* ------------------------------------------------------------ vouchers */

enum payment_voucher_state {
	VOUCHER_VALID,
	VOUCHER_EXPIRED,	/* its expiry date is before today */
	VOUCHER_USED_UP		/* takes precedence over expired */
};

struct payment_voucher {
	long long	 id;
	char		 code[PAYMENT_CODE_MAX + 1];
	long long	 family_id;
	char		 certification[PAYMENT_NAME_MAX * 4 + 1];	/* newest */
	long long	 uses_allowed;
	long long	 uses_count;
	char		 expires_on[11];	/* last valid day, site calendar */
	char		 created_at[27];
	enum payment_voucher_state state;	/* today, in the site calendar */
};

/* A certification family offered in a select, by its newest version. */
struct payment_family {
	long long	 family_id;
	int		 version;
	char		 name[PAYMENT_NAME_MAX * 4 + 1];
};

/* Sort keys of payment_voucher_list, in the order of its sort field. */
#define PAYMENT_VOUCHER_SORT_KEYS	{ "code", "expires", "created", NULL }

/*
 * Lists one page of vouchers whose code starts with the search text (in
 * any case), only those of family_id unless it is 0.  *out (freed by the
 * caller) receives up to l->limit rows.
 */
int	 payment_voucher_list(struct db *, const struct listing *l,
	    long long family_id, struct payment_voucher **out, size_t *n);

/*
 * Lists certification families by the name of their newest version:
 * those that are priced and accept vouchers when issuable is 1, else
 * those that have vouchers.  *out is freed by the caller.
 */
int	 payment_voucher_families(struct db *, int issuable,
	    struct payment_family **out, size_t *n);

/*
 * Writes code in upper case to out (PAYMENT_CODE_MAX + 1 bytes).  Returns
 * 0, or -1 when code is not 4 to 40 characters of A-Z, a-z, 0-9 and '-'.
 */
int	 payment_code_normalize(const char *code, char *out);

/*
 * Creates a voucher and records it in the audit log, in one transaction.
 * v->code "" has the server generate one (12 characters from an alphabet
 * without 0/O, 1/I/L, in groups of four); v->code and v->id then hold
 * what was saved.  Returns DB_OK, DB_DUPLICATE when another voucher has
 * the typed code, PAYMENT_NOT_OFFERED when the family is not priced or
 * does not accept vouchers, or a db_status.
 */
int	 payment_voucher_create(struct db *, struct payment_voucher *v,
	    long long actor_id, long long impersonator_id);

/*
 * Redeems the voucher with code (any case) for user_id in family_id and
 * enrols the user, audited, in one transaction that also completes the
 * enrolment when its rules already hold.  Returns DB_OK,
 * PAYMENT_NO_ACCESS, PAYMENT_NOT_OFFERED, PAYMENT_UNKNOWN_CODE,
 * PAYMENT_OTHER_FAMILY, PAYMENT_EXPIRED (expires_on then contains the
 * last valid day), PAYMENT_USED_BY_YOU, PAYMENT_USED_UP, PAYMENT_ENROLLED or a
 * db_status.  Nothing is changed unless it returns DB_OK.
 */
int	 payment_voucher_redeem(struct db *, const struct config *,
	    long long user_id, long long family_id, const char *code,
	    long long impersonator_id, char expires_on[11]);

/* ------------------------------------------------------ purchase orders */

struct payment_po {
	long long	 id;
	long long	 user_id;
	char		 login[PAYMENT_LOGIN_MAX * 4 + 1];
	char		 user_name[2 * 100 * 4 + 2];	/* "first last" */
	long long	 family_id;
	char		 certification[PAYMENT_NAME_MAX * 4 + 1];	/* newest */
	char		 po_number[PAYMENT_PO_MAX * 4 + 1];
	char		 status[9];	/* pending, approved or rejected */
	char		 reason[PAYMENT_REASON_MAX * 4 + 1];	/* of a rejection */
	char		 submitted_at[27];
	char		 decided_at[27];	/* "" while pending */
	char		 decided_by[PAYMENT_LOGIN_MAX * 4 + 1];	/* login or "" */
};

/* Values of the status filter of payment_po_list. */
#define PAYMENT_PO_STATUS_KEYS	{ "pending", "approved", "rejected", NULL }

/*
 * Lists one page of purchase orders, pending ones first (oldest first),
 * then decided ones (newest decision first).  The search text matches
 * the start of the number or of the learner's login; status filters when
 * not "".  *out (freed by the caller) receives up to l->limit rows.
 */
int	 payment_po_list(struct db *, const struct listing *l,
	    const char *status, struct payment_po **out, size_t *n);

/* Loads one purchase order.  Returns DB_OK, PAYMENT_NOT_FOUND or a
 * db_status. */
int	 payment_po_get(struct db *, long long id, struct payment_po *);

/*
 * Loads the user's pending purchase order for family_id, or when none
 * waits the one decided last.  Returns DB_OK, PAYMENT_NOT_FOUND when the
 * user has none, or a db_status.
 */
int	 payment_po_latest(struct db *, long long user_id, long long family_id,
	    struct payment_po *);

/*
 * Submits purchase order po_number (1 to 60 characters) of user_id for
 * family_id, audited.  Submitting the number that already waits changes
 * nothing and sets *created to 0.  Returns DB_OK, PAYMENT_NO_ACCESS,
 * PAYMENT_NOT_OFFERED, PAYMENT_ENROLLED, PAYMENT_PENDING (another number
 * waits), PAYMENT_DECIDED (this number was approved or rejected before)
 * or a db_status.
 */
int	 payment_po_submit(struct db *, long long user_id, long long family_id,
	    const char *po_number, long long impersonator_id, int *created);

/*
 * Approves a pending purchase order and enrols its learner, audited, in
 * one transaction that also completes the enrolment when its rules
 * already hold.  Returns DB_OK, PAYMENT_NOT_FOUND, PAYMENT_DECIDED,
 * PAYMENT_NO_ACCESS (the learner may no longer enrol), PAYMENT_ENROLLED
 * (the learner enrolled some other way meanwhile) or a db_status.
 * Nothing is changed unless it returns DB_OK.
 */
int	 payment_po_approve(struct db *, const struct config *,
	    long long po_id, long long actor_id, long long impersonator_id);

/*
 * Rejects a pending purchase order with reason (1 to 1000 characters),
 * audited.  Returns DB_OK, PAYMENT_NOT_FOUND, PAYMENT_DECIDED or a
 * db_status.
 */
int	 payment_po_reject(struct db *, long long po_id, const char *reason,
	    long long actor_id, long long impersonator_id);

#endif
