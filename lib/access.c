#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "access.h"
#include "clock.h"
#include "db.h"
#include "str.h"

/*
 * The certifications a user's groups subscribe to, newest version of
 * each family.  A family is listed once however many groups subscribe.
 */
#define SUBSCRIBED \
	"SELECT c.id, c.family_id, c.version, c.name, c.language_code, " \
	"c.availability = 'course_group', c.display_individually, c.priced, " \
	"c.active, MAX(g.auto_enroll), " \
	"EXISTS (SELECT 1 FROM certification_user_types t " \
	"WHERE t.certification_id = c.id AND t.user_type_id = u.user_type_id), " \
	"c.prerequisite_rule = 'any' " \
	"FROM users u " \
	"JOIN user_group_members m ON m.user_id = u.id " \
	"JOIN user_group_certifications g ON g.group_id = m.group_id " \
	"JOIN certifications c ON c.family_id = g.family_id " \
	"AND c.version = (SELECT MAX(v.version) FROM certifications v " \
	"WHERE v.family_id = c.family_id) " \
	"WHERE u.id = ? "

/* Each prerequisite of those certifications, with whether the user has
 * a completed, unexpired enrolment in the required family. */
#define PREREQUISITES \
	"SELECT p.certification_id, p.required_family_id, " \
	"EXISTS (SELECT 1 FROM enrollments e WHERE e.user_id = ? " \
	"AND e.family_id = p.required_family_id AND e.status = 'completed' " \
	"AND (e.expires_on IS NULL OR e.expires_on > ?)) " \
	"FROM certification_prerequisites p WHERE p.certification_id IN " \
	"(SELECT c.id FROM user_group_members m " \
	"JOIN user_group_certifications g ON g.group_id = m.group_id " \
	"JOIN certifications c ON c.family_id = g.family_id " \
	"AND c.version = (SELECT MAX(v.version) FROM certifications v " \
	"WHERE v.family_id = c.family_id) WHERE m.user_id = ?) "

struct rule {
	int	 any;		/* prerequisite rule "any" */
	int	 total;		/* prerequisites */
	int	 met;
};

static void
fill(struct access_item *it, struct rule *r, struct db_res *res)
{
	memset(it, 0, sizeof(*it));
	memset(r, 0, sizeof(*r));
	it->certification_id = db_int(res, 0);
	it->family_id = db_int(res, 1);
	it->version = (int)db_int(res, 2);
	str_copy(it->name, db_str(res, 3), sizeof(it->name));
	str_copy(it->language, db_str(res, 4), sizeof(it->language));
	it->course_group = (int)db_int(res, 5);
	it->display_individually = (int)db_int(res, 6);
	it->priced = (int)db_int(res, 7);
	if (!db_int(res, 8))
		it->denied |= DENY_INACTIVE;
	it->auto_enroll = (int)db_int(res, 9);
	if (!db_int(res, 10))
		it->denied |= DENY_USER_TYPE;
	r->any = (int)db_int(res, 11);
}

/* Applies the prerequisite rows to the items. */
static int
apply_prerequisites(struct db *db, long long user_id,
    struct access_item *items, struct rule *rules, size_t n)
{
	struct db_res	*res;
	char		 today[11];
	long long	 cid;
	size_t		 i;
	int		 rc;

	date_format(clock_site_day(clock_now()), today);
	rc = db_query(db, &res, PREREQUISITES, "lsl", user_id, today,
	    user_id);
	if (rc != DB_OK)
		return rc;
	while ((rc = db_next(res)) == 1) {
		cid = db_int(res, 0);
		for (i = 0; i < n; i++) {
			if (items[i].certification_id != cid)
				continue;
			rules[i].total++;
			if (db_int(res, 2))
				rules[i].met++;
			else if (items[i].nmissing < ACCESS_MISSING_MAX)
				items[i].missing[items[i].nmissing++] =
				    db_int(res, 1);
		}
	}
	db_res_free(res);
	if (rc < 0)
		return rc;
	for (i = 0; i < n; i++) {
		if (rules[i].total == 0)
			continue;
		if (rules[i].any ? rules[i].met == 0 :
		    rules[i].met < rules[i].total)
			items[i].denied |= DENY_PREREQUISITES;
		else
			items[i].nmissing = 0;
	}
	return DB_OK;
}

int
access_list(struct db *db, long long user_id, struct access_item **out,
    size_t *n)
{
	struct access_item	*items;
	struct rule		*rules;
	struct db_res		*res;
	size_t			 i = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	rc = db_query(db, &res, SUBSCRIBED "GROUP BY c.id ORDER BY c.name",
	    "l", user_id);
	if (rc != DB_OK)
		return rc;
	items = calloc(db_rows(res) + 1, sizeof(*items));
	rules = calloc(db_rows(res) + 1, sizeof(*rules));
	if (items == NULL || rules == NULL) {
		free(items);
		free(rules);
		db_res_free(res);
		return DB_ERROR;
	}
	while ((rc = db_next(res)) == 1) {
		fill(&items[i], &rules[i], res);
		i++;
	}
	db_res_free(res);
	if (rc == 0 && i > 0)
		rc = apply_prerequisites(db, user_id, items, rules, i);
	free(rules);
	if (rc < 0) {
		free(items);
		return rc;
	}
	*out = items;
	*n = i;
	return DB_OK;
}

int
access_check(struct db *db, long long user_id, long long family_id,
    struct access_item *item)
{
	struct access_item	*items;
	size_t			 n, i;
	int			 rc, found = 0;

	/* The full list costs two queries, like the single case would. */
	if ((rc = access_list(db, user_id, &items, &n)) != DB_OK)
		return rc;
	for (i = 0; i < n; i++) {
		if (items[i].family_id == family_id) {
			*item = items[i];
			found = 1;
		}
	}
	free(items);
	return found ? DB_OK : 1;
}

long long
access_auto_enroll_pending(struct db *db, long long group_id,
    long long family_id)
{
	struct db_res	*res;
	char		 today[11];
	long long	 n = -1;

	date_format(clock_site_day(clock_now()), today);
	if (db_query(db, &res, "SELECT COUNT(*) FROM user_group_members m "
	    "JOIN users u ON u.id = m.user_id "
	    "JOIN certifications c ON c.family_id = ? AND c.version = "
	    "(SELECT MAX(v.version) FROM certifications v "
	    "WHERE v.family_id = c.family_id) "
	    "WHERE m.group_id = ? AND u.active = 1 AND u.role = 'learner' "
	    "AND c.active = 1 "
	    "AND EXISTS (SELECT 1 FROM certification_user_types t "
	    "WHERE t.certification_id = c.id AND t.user_type_id = u.user_type_id) "
	    "AND NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.user_id = u.id "
	    "AND e.family_id = c.family_id) "
	    "AND (NOT EXISTS (SELECT 1 FROM certification_prerequisites p "
	    "WHERE p.certification_id = c.id) "
	    "OR (c.prerequisite_rule = 'all' AND NOT EXISTS (SELECT 1 "
	    "FROM certification_prerequisites p WHERE p.certification_id = c.id "
	    "AND NOT EXISTS (SELECT 1 FROM enrollments d WHERE d.user_id = u.id "
	    "AND d.family_id = p.required_family_id AND d.status = 'completed' "
	    "AND (d.expires_on IS NULL OR d.expires_on > ?)))) "
	    "OR (c.prerequisite_rule = 'any' AND EXISTS (SELECT 1 "
	    "FROM certification_prerequisites p JOIN enrollments d "
	    "ON d.user_id = u.id AND d.family_id = p.required_family_id "
	    "AND d.status = 'completed' "
	    "AND (d.expires_on IS NULL OR d.expires_on > ?) "
	    "WHERE p.certification_id = c.id)))",
	    "llss", family_id, group_id, today, today) != DB_OK)
		return -1;
	if (db_next(res) == 1)
		n = db_int(res, 0);
	db_res_free(res);
	return n;
}

int
access_family_name(struct db *db, long long family_id, char *out)
{
	struct db_res	*res;
	int		 rc;

	out[0] = '\0';
	rc = db_query(db, &res, "SELECT name FROM certifications "
	    "WHERE family_id = ? ORDER BY version DESC LIMIT 1", "l",
	    family_id);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_next(res)) == 1)
		str_copy(out, db_str(res, 0), 801);
	db_res_free(res);
	return db_found(rc);
}
