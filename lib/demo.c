/*
 * The small demo: a training organisation that certifies people on its
 * network products, with staff, partners and customers as learners.
 * Everything is written in one transaction, straight into the tables of
 * sql/0001_base.sql and sql/0002_catalog.sql.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "audit.h"
#include "auth.h"
#include "clock.h"
#include "db.h"
#include "demo.h"
#include "str.h"

#define NONE	(-1)	/* no index into one of the tables below */

enum { EMPLOYEE, PARTNER, CUSTOMER };

static const struct {
	const char	*name;
	const char	*description;
} user_types[3] = {
	{ "Employee", "Staff on the payroll: sales, support and "
	    "engineering." },
	{ "Partner", "Resellers and integrators who sell and install our "
	    "products." },
	{ "Customer", "Administrators at customer sites who run our "
	    "products." },
};

enum { SALES_EMEA, SUPPORT_TIER_1, PARTNERS, CUSTOMER_ADMINS, NGROUPS };

static const struct {
	const char	*name;
	const char	*description;
} groups[NGROUPS] = {
	{ "Sales EMEA", "Account managers and presales engineers in Europe, "
	    "the Middle East and Africa." },
	{ "Support Tier 1", "First-line support engineers who take new "
	    "tickets." },
	{ "Partners", "Certified resellers and integrators." },
	{ "Customer Administrators", "Administrators at customer sites with "
	    "a training subscription." },
};

enum { PRODUCT_TRAINING, COMPLIANCE, NCATALOGS };

static const struct {
	const char	*name;
	const char	*description;
} catalogs[NCATALOGS] = {
	{ "Product Training", "Installing, running and selling our network "
	    "products." },
	{ "Compliance", "Mandatory training on security and data "
	    "protection." },
};

enum { NET_101, NET_201, SEC_110, SEC_110_FR, SEC_210, SUP_100, SUP_150,
    SAL_120, NCOURSES };

static const struct {
	const char	*code;
	const char	*name;
	const char	*description;
	const char	*language;
	const char	*credit_hours;	/* DECIMAL(6,2) as text */
	int		 passing_score;	/* percent */
	const char	*kind;
} courses[NCOURSES] = {
	{ "NET-101", "Networking Fundamentals", "IP addressing, subnets, "
	    "VLANs and routing basics, with a quiz after each module.",
	    "en", "2.00", 70, "online" },
	{ "NET-201", "Routing and Switching Lab", "Two days of hands-on "
	    "configuration of switches and routers in a lab network.",
	    "en", "16.00", 75, "ilt" },
	{ "SEC-110", "Security Awareness", "Phishing, passwords, and how to "
	    "report an incident.", "en", "1.00", 80, "online" },
	{ "SEC-110-FR", "Sensibilisation à la sécurité", "Hameçonnage, mots "
	    "de passe et signalement d’un incident.", "fr", "1.00", 80,
	    "online" },
	{ "SEC-210", "Incident Response Workshop", "A one-day tabletop "
	    "exercise: detect, contain and report a breach.", "en", "8.00",
	    70, "ilt" },
	{ "SUP-100", "Customer Support Essentials", "Ticket etiquette, "
	    "service levels and the escalation path.", "en", "3.00", 70,
	    "online" },
	{ "SUP-150", "Ticket Triage Practice", "Twenty realistic tickets to "
	    "classify and route.", "en", "1.50", 75, "online" },
	{ "SAL-120", "Consultative Selling", "Discovery calls, value mapping "
	    "and objection handling, practised in role play.", "en", "12.00",
	    70, "ilt" },
};

/* Classes start this many days after today (UTC), so they stay ahead. */
static const struct {
	int		 course;
	int		 in_days;
	int		 days;		/* calendar days the class spans */
	int		 start_hour;	/* UTC */
	int		 end_hour;	/* UTC, on the last day */
	const char	*location;
	const char	*instructor;
	int		 capacity;
} classes[] = {
	{ NET_201, 21, 2, 8, 16, "Paris – Salle Voltaire", "Amélie Laurent",
	    12 },
	{ NET_201, 49, 2, 7, 15, "München – Schulungsraum 2", "Jürgen Weiß",
	    10 },
	{ SEC_210, 35, 1, 9, 17, "Online (video call)", "Ιωάννα Αντωνίου",
	    20 },
	{ SAL_120, 28, 2, 9, 16, "London – Thames Room", "Grace O'Neill",
	    12 },
};

static const struct {
	int		 course;
	const char	*text;
} checklist[] = {
	{ NET_201, "Bring a laptop with an Ethernet port or adapter." },
	{ NET_201, "Install a terminal emulator such as PuTTY or screen." },
	{ NET_201, "Pass Networking Fundamentals before the class." },
	{ SEC_210, "Read the incident response policy." },
	{ SEC_210, "Sign the lab confidentiality agreement." },
};

enum { CNA, CNP, SECURITY_ANNUAL, SUPPORT_ONBOARDING, NCERTS };

#define MAX_CERT_COURSES	4

static const struct cert {
	const char	*name;
	const char	*description;
	const char	*language;
	const char	*availability;
	int		 days_to_complete;	/* 0 for no limit */
	int		 catalog;		/* NONE for a course group */
	int		 required_electives;
	const char	*name_on_certificate;
	const char	*expiration_type;
	int		 expire_days;		/* 0 when perpetual */
	const char	*external_id;
	const char	*number_format;
	const char	*number_prefix;
	int		 priced, pay_purchase_order, pay_voucher;
	int		 prerequisite;		/* a certification, or NONE */
	int		 types[3];		/* 1 when the user type may enrol */
	struct {
		int		 course;
		const char	*requirement;
	}		 courses[MAX_CERT_COURSES];
	int		 ncourses;
} certs[NCERTS] = {
	{ "Certified Network Associate", "Designs and runs small networks "
	    "with our switches and routers.", "en", "certification", 90,
	    PRODUCT_TRAINING, 1, "Certified Network Associate (CNA)",
	    "interval", 730, "CNA", "prefix", "CNA-", 0, 0, 0, NONE,
	    { 1, 1, 1 },
	    { { NET_101, "required" }, { NET_201, "required" },
	      { SEC_110, "elective" }, { SEC_110_FR, "elective" } }, 4 },
	{ "Certified Network Professional", "Plans, secures and sells "
	    "multi-site networks.", "en", "certification", 180,
	    PRODUCT_TRAINING, 1, "Certified Network Professional (CNP)",
	    "interval", 1095, "CNP", "year", "", 1, 1, 1, CNA,
	    { 0, 1, 1 },
	    { { NET_201, "required" }, { SEC_210, "required" },
	      { SAL_120, "elective" }, { SUP_150, "elective" } }, 4 },
	{ "Annual Security Awareness", "The yearly security training, in "
	    "English or in French.", "en", "certification", 30, COMPLIANCE,
	    1, "", "interval", 365, "", "plain", "", 0, 0, 0, NONE,
	    { 1, 1, 0 },
	    { { SEC_110, "elective" }, { SEC_110_FR, "elective" } }, 2 },
	{ "Support Onboarding", "The first weeks of a new support "
	    "engineer; no certificate.", "en", "course_group", 60, NONE, 0,
	    "", "perpetual", 0, "", "plain", "", 0, 0, 0, NONE,
	    { 1, 0, 0 },
	    { { SUP_100, "required" }, { SUP_150, "required" },
	      { SEC_110, "none" } }, 3 },
};

static const struct {
	const char	*currency;
	const char	*amount;	/* DECIMAL(12,2) as text */
} cnp_prices[] = {
	{ "EUR", "490.00" },
	{ "USD", "540.00" },
};

static const struct {
	int		 group;
	int		 cert;
	int		 auto_enroll;
} subscriptions[] = {
	{ SALES_EMEA, CNA, 0 },
	{ SALES_EMEA, SECURITY_ANNUAL, 0 },
	{ SUPPORT_TIER_1, SECURITY_ANNUAL, 0 },
	{ SUPPORT_TIER_1, SUPPORT_ONBOARDING, 1 },
	{ PARTNERS, CNA, 0 },
	{ PARTNERS, CNP, 0 },
	{ CUSTOMER_ADMINS, CNA, 0 },
	{ CUSTOMER_ADMINS, CNP, 0 },
};

static const struct {
	const char	*login;
	const char	*first_name;
	const char	*last_name;
	const char	*language;
	const char	*time_zone;
	int		 type;
	int		 groups[2];	/* NONE when in one group only */
} learners[DEMO_LEARNERS] = {
	{ "zoe.angstrom", "Zoë", "Ångström", "en", "Europe/Stockholm",
	    EMPLOYEE, { SALES_EMEA, NONE } },
	{ "ioanna.papadopoulou", "Ιωάννα", "Παπαδοπούλου", "en",
	    "Europe/Athens", EMPLOYEE, { SUPPORT_TIER_1, NONE } },
	{ "dmitry.ivanov", "Дмитрий", "Иванов", "en", "Europe/Berlin",
	    EMPLOYEE, { SUPPORT_TIER_1, SALES_EMEA } },
	{ "li.na", "娜", "李", "en", "Asia/Shanghai", PARTNER,
	    { PARTNERS, NONE } },
	{ "amelie.dubois", "Amélie", "Dubois", "fr", "Europe/Paris", PARTNER,
	    { PARTNERS, NONE } },
	{ "jose.garcia", "José", "García", "en", "Europe/Madrid", CUSTOMER,
	    { CUSTOMER_ADMINS, NONE } },
	{ "siobhan.obrien", "Siobhán", "O'Brien", "en", "Europe/Dublin",
	    EMPLOYEE, { SALES_EMEA, NONE } },
	{ "fatima.alsayed", "فاطمة", "السيد", "en", "Asia/Dubai", CUSTOMER,
	    { CUSTOMER_ADMINS, NONE } },
};

/* The ids that one run of load_txn gives the rows above. */
struct ids {
	long long	 types[3];
	long long	 groups[NGROUPS];
	long long	 catalogs[NCATALOGS];
	long long	 courses[NCOURSES];
	long long	 families[NCERTS];
	long long	 certs[NCERTS];
};

struct load {
	char			 hashes[DEMO_LEARNERS][AUTH_HASH_LEN];
	struct demo_contents	*found;
	char			 now[27];
	day_t			 today;
	struct ids		 ids;
};

int
demo_check_empty(struct db *db, struct demo_contents *found)
{
	struct db_res	*res;
	int		 rc;

	memset(found, 0, sizeof(*found));
	rc = db_query(db, &res, "SELECT "
	    "(SELECT COUNT(*) FROM certifications), "
	    "(SELECT COUNT(*) FROM courses), "
	    "(SELECT COUNT(*) FROM users WHERE role = 'learner')", "");
	if (rc != DB_OK)
		return rc;
	if ((rc = db_next(res)) == 1) {
		found->certifications = db_int(res, 0);
		found->courses = db_int(res, 1);
		found->learners = db_int(res, 2);
	}
	db_res_free(res);
	if (rc < 0)
		return rc;
	if (found->certifications > 0 || found->courses > 0 ||
	    found->learners > 0)
		return DEMO_NOT_EMPTY;
	return DB_OK;
}

int
demo_add_user_types(struct db *db, long long ids[3])
{
	char	 now[27];
	int	 i, rc;

	clock_format_sql(clock_now(), now);
	for (i = 0; i < 3; i++) {
		/* LAST_INSERT_ID(id) makes an existing row's id the insert
		 * id, so a user type of the same name is reused as it is. */
		rc = db_exec(db, "INSERT INTO user_types (name, description, "
		    "created_at, updated_at) VALUES (?, ?, ?, ?) "
		    "ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)", "ssss",
		    user_types[i].name, user_types[i].description, now, now);
		if (rc != DB_OK)
			return rc;
		if ((rc = db_upserted_id(db, &ids[i])) != DB_OK)
			return rc;
	}
	return db_exec(db, "INSERT INTO languages (code, name) "
	    "VALUES ('fr', 'French') ON DUPLICATE KEY UPDATE code = code", "");
}

static int
add_groups_and_catalogs(struct db *db, struct load *l)
{
	int	 i, rc;

	for (i = 0; i < NGROUPS; i++) {
		rc = db_exec(db, "INSERT INTO user_groups (name, description, "
		    "created_at, updated_at) VALUES (?, ?, ?, ?) "
		    "ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)", "ssss",
		    groups[i].name, groups[i].description, l->now, l->now);
		if (rc != DB_OK)
			return rc;
		if ((rc = db_upserted_id(db, &l->ids.groups[i])) != DB_OK)
			return rc;
	}
	for (i = 0; i < NCATALOGS; i++) {
		rc = db_exec(db, "INSERT INTO catalogs (name, description, "
		    "active, created_at, updated_at) VALUES (?, ?, 1, ?, ?) "
		    "ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)", "ssss",
		    catalogs[i].name, catalogs[i].description, l->now, l->now);
		if (rc != DB_OK)
			return rc;
		if ((rc = db_upserted_id(db, &l->ids.catalogs[i])) != DB_OK)
			return rc;
	}
	return DB_OK;
}

/* Formats day today + offset at hour (UTC) for a DATETIME(6) column. */
static void
class_time(day_t today, int offset, int hour, char out[27])
{
	int	 y, m, d;

	date_to_ymd(today + offset, &y, &m, &d);
	snprintf(out, 27, "%04d-%02d-%02d %02d:00:00.000000", y, m, d, hour);
}

static int
add_classes(struct db *db, struct load *l)
{
	char	 starts[27], ends[27];
	size_t	 i;
	int	 rc;

	for (i = 0; i < sizeof(classes) / sizeof(classes[0]); i++) {
		class_time(l->today, classes[i].in_days,
		    classes[i].start_hour, starts);
		class_time(l->today, classes[i].in_days + classes[i].days - 1,
		    classes[i].end_hour, ends);
		rc = db_exec(db, "INSERT INTO course_classes (course_id, "
		    "starts_at, ends_at, location, instructor, capacity, "
		    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", "lssssis",
		    l->ids.courses[classes[i].course], starts, ends,
		    classes[i].location, classes[i].instructor,
		    classes[i].capacity, l->now);
		if (rc != DB_OK)
			return rc;
	}
	return DB_OK;
}

static int
add_courses(struct db *db, struct load *l)
{
	size_t	 i;
	int	 rc, position = 0, last = NONE;

	for (i = 0; i < NCOURSES; i++) {
		rc = db_exec(db, "INSERT INTO courses (code, name, "
		    "description, language_code, credit_hours, passing_score, "
		    "kind, active, created_at, updated_at) "
		    "VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)", "sssssisss",
		    courses[i].code, courses[i].name, courses[i].description,
		    courses[i].language, courses[i].credit_hours,
		    courses[i].passing_score, courses[i].kind, l->now, l->now);
		if (rc != DB_OK)
			return rc;
		l->ids.courses[i] = (long long)db_insert_id(db);
	}
	if ((rc = add_classes(db, l)) != DB_OK)
		return rc;

	for (i = 0; i < sizeof(checklist) / sizeof(checklist[0]); i++) {
		position = checklist[i].course == last ? position + 1 : 1;
		last = checklist[i].course;
		rc = db_exec(db, "INSERT INTO checklist_items (course_id, "
		    "position, text) VALUES (?, ?, ?)", "lis",
		    l->ids.courses[checklist[i].course], position,
		    checklist[i].text);
		if (rc != DB_OK)
			return rc;
	}

	/* Passing the fundamentals registers the learner in the lab. */
	return db_exec(db, "INSERT INTO course_followups (course_id, "
	    "followup_course_id, on_result) VALUES (?, ?, 'pass')", "ll",
	    l->ids.courses[NET_101], l->ids.courses[NET_201]);
}

/* Inserts the family and version 1 of certification i. */
static int
add_certification_row(struct db *db, struct load *l, int i)
{
	const struct cert	*c = &certs[i];
	int			 rc;

	rc = db_exec(db, "INSERT INTO certification_families (number_format, "
	    "number_prefix, number_width, start_number, next_number, "
	    "created_at) VALUES (?, ?, 6, 1, 1, ?)", "sss", c->number_format,
	    c->number_prefix, l->now);
	if (rc != DB_OK)
		return rc;
	l->ids.families[i] = (long long)db_insert_id(db);

	rc = db_exec(db, "INSERT INTO certifications (family_id, version, "
	    "name, description, language_code, active, days_to_complete, "
	    "availability, catalog_id, required_electives, "
	    "name_on_certificate, display_individually, show_progress_bar, "
	    "expiration_type, expire_days, external_id, priced, "
	    "pay_purchase_order, pay_voucher, prerequisite_rule, created_at, "
	    "updated_at) VALUES (?, 1, ?, ?, ?, 1, NULLIF(?, 0), ?, "
	    "NULLIF(?, 0), ?, ?, ? = 'course_group', 1, ?, NULLIF(?, 0), ?, "
	    "?, ?, ?, 'all', ?, ?)",
	    "lsssislis" "ssisiiiss",
	    l->ids.families[i], c->name, c->description, c->language,
	    c->days_to_complete, c->availability,
	    c->catalog == NONE ? 0LL : l->ids.catalogs[c->catalog],
	    c->required_electives, c->name_on_certificate, c->availability,
	    c->expiration_type, c->expire_days, c->external_id, c->priced,
	    c->pay_purchase_order, c->pay_voucher, l->now, l->now);
	if (rc != DB_OK)
		return rc;
	l->ids.certs[i] = (long long)db_insert_id(db);
	return DB_OK;
}

/* Inserts the user types, courses, prerequisite and prices of
 * certification i. */
static int
add_certification_links(struct db *db, struct load *l, int i)
{
	const struct cert	*c = &certs[i];
	long long		 id = l->ids.certs[i];
	size_t			 k;
	int			 rc;

	for (k = 0; k < 3; k++) {
		if (!c->types[k])
			continue;
		rc = db_exec(db, "INSERT INTO certification_user_types "
		    "(certification_id, user_type_id) VALUES (?, ?)", "ll", id,
		    l->ids.types[k]);
		if (rc != DB_OK)
			return rc;
	}
	for (k = 0; k < (size_t)c->ncourses; k++) {
		rc = db_exec(db, "INSERT INTO certification_courses "
		    "(certification_id, course_id, requirement, position) "
		    "VALUES (?, ?, ?, ?)", "llsi", id,
		    l->ids.courses[c->courses[k].course],
		    c->courses[k].requirement, (int)k + 1);
		if (rc != DB_OK)
			return rc;
	}
	if (c->prerequisite != NONE) {
		rc = db_exec(db, "INSERT INTO certification_prerequisites "
		    "(certification_id, required_family_id) VALUES (?, ?)",
		    "ll", id, l->ids.families[c->prerequisite]);
		if (rc != DB_OK)
			return rc;
	}
	for (k = 0; c->priced && k < sizeof(cnp_prices) / sizeof(cnp_prices[0]);
	    k++) {
		rc = db_exec(db, "INSERT INTO certification_prices "
		    "(certification_id, currency, amount) VALUES (?, ?, ?)",
		    "lss", id, cnp_prices[k].currency, cnp_prices[k].amount);
		if (rc != DB_OK)
			return rc;
	}
	return DB_OK;
}

static int
add_certifications(struct db *db, struct load *l)
{
	size_t	 i;
	int	 rc;

	for (i = 0; i < NCERTS; i++) {
		if ((rc = add_certification_row(db, l, (int)i)) != DB_OK ||
		    (rc = add_certification_links(db, l, (int)i)) != DB_OK)
			return rc;
	}
	for (i = 0; i < sizeof(subscriptions) / sizeof(subscriptions[0]);
	    i++) {
		rc = db_exec(db, "INSERT INTO user_group_certifications "
		    "(group_id, family_id, auto_enroll, created_at) "
		    "VALUES (?, ?, ?, ?)", "llis",
		    l->ids.groups[subscriptions[i].group],
		    l->ids.families[subscriptions[i].cert],
		    subscriptions[i].auto_enroll, l->now);
		if (rc != DB_OK)
			return rc;
	}
	return DB_OK;
}

static int
add_learners(struct db *db, struct load *l)
{
	char		 email[USER_LOGIN_MAX * 4 + 16];
	long long	 id;
	size_t		 i, k;
	int		 rc;

	for (i = 0; i < DEMO_LEARNERS; i++) {
		snprintf(email, sizeof(email), "%s@example.com",
		    learners[i].login);
		rc = db_exec(db, "INSERT INTO users (login, email, first_name, "
		    "last_name, password_hash, role, user_type_id, "
		    "language_code, time_zone, active, created_at, updated_at) "
		    "VALUES (?, ?, ?, ?, ?, 'learner', ?, ?, ?, 1, ?, ?)",
		    "ssssslssss", learners[i].login, email,
		    learners[i].first_name, learners[i].last_name,
		    l->hashes[i], l->ids.types[learners[i].type],
		    learners[i].language, learners[i].time_zone, l->now,
		    l->now);
		if (rc != DB_OK)
			return rc;
		id = (long long)db_insert_id(db);
		for (k = 0; k < 2 && learners[i].groups[k] != NONE; k++) {
			rc = db_exec(db, "INSERT INTO user_group_members "
			    "(group_id, user_id, added_at) VALUES (?, ?, ?)",
			    "lls", l->ids.groups[learners[i].groups[k]], id,
			    l->now);
			if (rc != DB_OK)
				return rc;
		}
	}
	return DB_OK;
}

static int
load_txn(struct db *db, void *arg)
{
	struct load	*l = arg;
	char		 details[200];
	int		 rc;

	if ((rc = demo_check_empty(db, l->found)) != DB_OK)
		return rc;
	clock_format_sql(clock_now(), l->now);
	l->today = clock_site_day(clock_now());

	if ((rc = demo_add_user_types(db, l->ids.types)) != DB_OK ||
	    (rc = add_groups_and_catalogs(db, l)) != DB_OK ||
	    (rc = add_courses(db, l)) != DB_OK ||
	    (rc = add_certifications(db, l)) != DB_OK ||
	    (rc = add_learners(db, l)) != DB_OK)
		return rc;

	snprintf(details, sizeof(details), "small demo: %d learners, %d "
	    "user groups, %d catalogs, %d courses, %d certifications",
	    DEMO_LEARNERS, NGROUPS, NCATALOGS, NCOURSES, NCERTS);
	return audit_record(db, 0, 0, "demo_load", "", 0, details);
}

int
demo_load(struct db *db, const struct config *cfg,
    struct demo_account accounts[DEMO_LEARNERS], struct demo_contents *found)
{
	struct load	 l;
	size_t		 i;
	int		 rc = DB_OK;

	/* Hashing is slow and random, so it happens once, before the
	 * transaction that may run several times. */
	memset(&l, 0, sizeof(l));
	l.found = found;
	for (i = 0; i < DEMO_LEARNERS && rc == DB_OK; i++) {
		str_copy(accounts[i].login, learners[i].login,
		    sizeof(accounts[i].login));
		auth_random_password(accounts[i].password, DEMO_PASSWORD_LEN);
		if (auth_hash_password(cfg, accounts[i].password,
		    l.hashes[i]) == -1)
			rc = DB_ERROR;
	}
	if (rc == DB_OK)
		rc = db_txn(db, load_txn, &l);
	if (rc != DB_OK)
		sodium_memzero(accounts, sizeof(*accounts) * DEMO_LEARNERS);
	return rc;
}
