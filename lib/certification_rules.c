/*
 * The rules of certifications that need no database: the keys of the
 * enums, the currencies offered, the defaults of a new certification,
 * validation, the next-number rule and certificate number formats.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "certification.h"
#include "clock.h"
#include "str.h"
#include "utf8.h"

const char *const cert_availability_keys[] = {
	"certification", "course_group", NULL
};
const char *const cert_expiration_keys[] = { "interval", "perpetual", NULL };
const char *const cert_number_format_keys[] = {
	"plain", "prefix", "year", "external_year_month", NULL
};
const char *const cert_rule_keys[] = { "all", "any", NULL };
const char *const cert_requirement_keys[] = {
	"required", "elective", "none", NULL
};

/* The currencies most used for training prices, by code. */
const struct cert_currency cert_currencies[] = {
	{ "AED", "UAE dirham" },
	{ "AUD", "Australian dollar" },
	{ "BRL", "Brazilian real" },
	{ "CAD", "Canadian dollar" },
	{ "CHF", "Swiss franc" },
	{ "CNY", "Chinese yuan" },
	{ "CZK", "Czech koruna" },
	{ "DKK", "Danish krone" },
	{ "EUR", "Euro" },
	{ "GBP", "Pound sterling" },
	{ "HKD", "Hong Kong dollar" },
	{ "HUF", "Hungarian forint" },
	{ "IDR", "Indonesian rupiah" },
	{ "ILS", "Israeli new shekel" },
	{ "INR", "Indian rupee" },
	{ "JPY", "Japanese yen" },
	{ "KRW", "South Korean won" },
	{ "MXN", "Mexican peso" },
	{ "MYR", "Malaysian ringgit" },
	{ "NOK", "Norwegian krone" },
	{ "NZD", "New Zealand dollar" },
	{ "PHP", "Philippine peso" },
	{ "PLN", "Polish złoty" },
	{ "SAR", "Saudi riyal" },
	{ "SEK", "Swedish krona" },
	{ "SGD", "Singapore dollar" },
	{ "THB", "Thai baht" },
	{ "TRY", "Turkish lira" },
	{ "USD", "US dollar" },
	{ "ZAR", "South African rand" },
	{ NULL, NULL }
};

int
cert_key_index(const char *const *keys, const char *key)
{
	int	 i;

	for (i = 0; keys[i] != NULL; i++)
		if (strcmp(keys[i], key) == 0)
			return i;
	return -1;
}

void
cert_init(struct certification *c)
{
	memset(c, 0, sizeof(*c));
	str_copy(c->language_code, "en", sizeof(c->language_code));
	c->active = 1;
	c->availability = CERT_AVAIL_CERTIFICATION;
	c->show_progress_bar = 1;
	c->expiration = CERT_EXPIRE_PERPETUAL;
	c->prerequisite_rule = CERT_RULE_ALL;
	c->number_format = CERT_NUMBER_PLAIN;
	c->number_width = 6;
	c->start_number = 1;
	c->next_number = 1;
}

/* ------------------------------------------------------------ validation */

static void
add_error(struct cert_errors *e, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
add_error(struct cert_errors *e, const char *field, const char *fmt, ...)
{
	struct cert_error	*err;
	va_list			 ap;
	size_t			 i;

	/* The first problem of a field is the one reported. */
	for (i = 0; i < e->count; i++)
		if (strcmp(e->items[i].field, field) == 0)
			return;
	if (e->count == CERT_ERRORS_MAX)
		return;
	err = &e->items[e->count++];
	str_copy(err->field, field, sizeof(err->field));
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
}

static size_t
count_chars(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

static void
check_text(struct cert_errors *e, const char *field, const char *label,
    const char *value, int required, size_t max_chars, int multiline)
{
	const unsigned char	*p;

	if (*value == '\0') {
		if (required)
			add_error(e, field, "%s is required.", label);
		return;
	}
	if (!utf8_valid(value, strlen(value))) {
		add_error(e, field, "%s is not valid UTF-8 text.", label);
		return;
	}
	if (count_chars(value) > max_chars) {
		add_error(e, field, "%s must be at most %zu characters long.",
		    label, max_chars);
		return;
	}
	for (p = (const unsigned char *)value; *p != '\0'; p++)
		if ((*p < 0x20 && *p != '\t' &&
		    !(multiline && (*p == '\n' || *p == '\r'))) || *p == 0x7f) {
			add_error(e, field, "%s contains control characters%s.",
			    label, multiline ? "" : " or line breaks");
			return;
		}
}

static int
currency_known(const char *code)
{
	size_t	 i;

	for (i = 0; cert_currencies[i].code != NULL; i++)
		if (strcmp(cert_currencies[i].code, code) == 0)
			return 1;
	return 0;
}

static void
check_prices(const struct certification *c, struct cert_errors *e)
{
	const struct cert_price	*p;
	char			 field[32];
	size_t			 i, j;

	for (i = 0; i < c->n_prices; i++) {
		p = &c->prices[i];
		snprintf(field, sizeof(field), "currency_%d", p->row);
		if (!currency_known(p->currency)) {
			add_error(e, field, "Currency \"%s\" is not offered. "
			    "Choose a currency from the list.", p->currency);
			continue;
		}
		for (j = 0; j < i; j++)
			if (strcmp(c->prices[j].currency, p->currency) == 0)
				break;
		if (j < i)
			add_error(e, field, "%s already has a price in another "
			    "row. Give each currency one price.", p->currency);
		snprintf(field, sizeof(field), "amount_%d", p->row);
		if (p->amount < 0 || p->amount > CERT_AMOUNT_MAX)
			add_error(e, field, "Amount must be a number from 0.00 "
			    "to %lld.%02lld.", CERT_AMOUNT_MAX / 100,
			    CERT_AMOUNT_MAX % 100);
	}
	if (!c->priced)
		return;
	if (c->n_prices == 0)
		add_error(e, "priced", "A certification available for "
		    "purchase needs at least one price. Add a price, or clear "
		    "\"Available for purchase\".");
	if (!c->pay_credit_card && !c->pay_purchase_order && !c->pay_voucher)
		add_error(e, "payment", "Choose at least one payment option "
		    "for a priced certification.");
}

static void
check_numbering(const struct certification *c, struct cert_errors *e)
{
	char	 msg[512];

	if (c->number_format == CERT_NUMBER_PREFIX && c->number_prefix[0] ==
	    '\0')
		add_error(e, "number_prefix", "Number prefix is required for "
		    "the format \"Prefix and number\".");
	check_text(e, "number_prefix", "Number prefix", c->number_prefix, 0,
	    CERT_PREFIX_MAX, 0);
	if (c->number_format == CERT_NUMBER_EXTERNAL_YEAR_MONTH &&
	    c->external_id[0] == '\0')
		add_error(e, "external_id", "External certification ID is "
		    "required by the certificate number format \"External ID, "
		    "year and month, and number\".");
	if (c->number_width < 1 || c->number_width > CERT_WIDTH_MAX)
		add_error(e, "number_width", "Number width must be a whole "
		    "number from 1 to %d.", CERT_WIDTH_MAX);
	if (c->start_number < 1 || c->start_number > CERT_NUMBER_MAX)
		add_error(e, "start_number", "Start number must be a whole "
		    "number from 1 to %lld.", CERT_NUMBER_MAX);
	if (cert_check_next_number(c->next_number, c->start_number,
	    c->last_issued_number, msg, sizeof(msg)) == -1)
		add_error(e, "next_number", "%s", msg);
}

static void
check_electives(const struct certification *c, struct cert_errors *e)
{
	if (c->required_electives < 0)
		add_error(e, "required_electives", "Required electives must "
		    "be 0 or more.");
	else if (c->required_electives > c->elective_courses &&
	    c->elective_courses == 0)
		add_error(e, "required_electives", "Required electives must "
		    "be 0 because no course is marked Elective. Mark courses "
		    "Elective under Select Courses first.");
	else if (c->required_electives > c->elective_courses)
		add_error(e, "required_electives", "Required electives cannot "
		    "be more than %d, the number of courses marked Elective.",
		    c->elective_courses);
}

size_t
cert_validate(const struct certification *c, struct cert_errors *e)
{
	int	 group = c->availability == CERT_AVAIL_COURSE_GROUP;

	e->count = 0;
	check_text(e, "name", "Name", c->name, 1, CERT_NAME_MAX, 0);
	check_text(e, "description", "Description", c->description, 0,
	    CERT_DESC_MAX, 1);
	if (c->language_code[0] == '\0')
		add_error(e, "language_code", "Language is required.");
	if (c->limit_days && c->days_to_complete == 0)
		add_error(e, "days_to_complete", "Days to complete is required "
		    "when \"Limit days to complete\" is checked.");
	else if (c->limit_days && (c->days_to_complete < 1 ||
	    c->days_to_complete > CERT_DAYS_MAX))
		add_error(e, "days_to_complete", "Days to complete must be a "
		    "whole number from 1 to %d.", CERT_DAYS_MAX);
	if (!group && c->catalog_id == 0)
		add_error(e, "catalog_id", "Catalog is required for a "
		    "certification. Choose a catalog, or make this a Course "
		    "Group without Certification.");
	check_electives(c, e);
	check_text(e, "name_on_certificate", "Name on certificate",
	    c->name_on_certificate, 0, CERT_NAME_MAX, 0);
	if (c->display_individually && !group)
		add_error(e, "display_individually", "Display courses "
		    "individually is only allowed for a Course Group without "
		    "Certification. Clear it, or change Availability.");
	if (c->expiration == CERT_EXPIRE_INTERVAL && c->expire_days < 1)
		add_error(e, "expire_days", "Expire in days is required for "
		    "an interval expiration and must be at least 1.");
	else if (c->expiration == CERT_EXPIRE_INTERVAL &&
	    c->expire_days > CERT_EXPIRE_DAYS_MAX)
		add_error(e, "expire_days", "Expire in days must be at most "
		    "%d.", CERT_EXPIRE_DAYS_MAX);
	check_text(e, "external_id", "External certification ID",
	    c->external_id, 0, CERT_EXTERNAL_ID_MAX, 0);
	check_prices(c, e);
	check_numbering(c, e);
	return e->count;
}

int
cert_check_next_number(long long next, long long start, long long last_issued,
    char *msg, size_t msgsz)
{
	if (next < 1 || next > CERT_NUMBER_MAX) {
		snprintf(msg, msgsz, "Next number must be a whole number from "
		    "1 to %lld.", CERT_NUMBER_MAX);
		return -1;
	}
	if (next <= last_issued) {
		snprintf(msg, msgsz, "Next number must be greater than %lld, "
		    "the highest certificate number already issued.",
		    last_issued);
		return -1;
	}
	if (next < start) {
		snprintf(msg, msgsz, "Next number cannot be below the start "
		    "number, %lld.", start);
		return -1;
	}
	return 0;
}

int
cert_number_preview(enum cert_number_format format, const char *prefix,
    int width, const char *external_id, long long number, day_t day,
    char *out, size_t outsz)
{
	int	 y, m, d, n;

	if (width < 1)
		width = 1;
	if (width > CERT_WIDTH_MAX)
		width = CERT_WIDTH_MAX;
	date_to_ymd(day, &y, &m, &d);
	switch (format) {
	case CERT_NUMBER_PREFIX:
		n = snprintf(out, outsz, "%s%0*lld", prefix, width, number);
		break;
	case CERT_NUMBER_YEAR:
		n = snprintf(out, outsz, "%04d-%0*lld", y, width, number);
		break;
	case CERT_NUMBER_EXTERNAL_YEAR_MONTH:
		n = snprintf(out, outsz, "%s%04d%02d-%0*lld", external_id, y,
		    m, width, number);
		break;
	default:
		n = snprintf(out, outsz, "%0*lld", width, number);
		break;
	}
	return n < 0 || (size_t)n >= outsz ? -1 : 0;
}
