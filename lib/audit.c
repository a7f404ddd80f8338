#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "clock.h"
#include "db.h"
#include "listing.h"
#include "str.h"

int
audit_record(struct db *db, long long actor_id, long long impersonator_id,
    const char *action, const char *target_type, long long target_id,
    const char *details)
{
	char	 now[27], actor[24], imp[24], target[24];

	/* Ids go in as text so that 0 can bind SQL NULL. */
	snprintf(actor, sizeof(actor), "%lld", actor_id);
	snprintf(imp, sizeof(imp), "%lld", impersonator_id);
	snprintf(target, sizeof(target), "%lld", target_id);
	clock_format_sql(clock_now(), now);
	return db_exec(db, "INSERT INTO audit_log (at, actor_id, "
	    "impersonator_id, action, target_type, target_id, details) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?)", "sssssss", now,
	    actor_id ? actor : NULL, impersonator_id ? imp : NULL, action,
	    target_type, target_id ? target : NULL, details);
}

/* Returns how many bytes of s to keep so that at most max bytes remain and
 * no UTF-8 character is cut. */
static int
utf8_prefix(const char *s, size_t max)
{
	size_t	 len = strlen(s);

	if (len <= max)
		return (int)len;
	while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	return (int)max;
}

void
audit_change(struct buf *changes, const char *label, const char *old_value,
    const char *new_value)
{
	if (strcmp(old_value, new_value) == 0)
		return;
	buf_printf(changes, "%s: \"%.*s\" -> \"%.*s\"; ", label,
	    utf8_prefix(old_value, 200), old_value,
	    utf8_prefix(new_value, 200), new_value);
}

void
audit_change_int(struct buf *changes, const char *label, long long old_value,
    long long new_value)
{
	if (old_value != new_value)
		buf_printf(changes, "%s: %lld -> %lld; ", label, old_value,
		    new_value);
}

int
audit_list(struct db *db, const struct listing *l, const char *action,
    const char *target_type, long long target_id, struct audit_row **out,
    size_t *n)
{
	struct db_res		*res;
	struct audit_row	*rows;
	size_t			 i = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	rc = db_query(db, &res, "SELECT a.id, a.at, COALESCE(a.actor_id, 0), "
	    "COALESCE(u.login, ''), COALESCE(a.impersonator_id, 0), "
	    "COALESCE(i.login, ''), a.action, a.target_type, "
	    "COALESCE(a.target_id, 0), LEFT(a.details, 500) "
	    "FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id "
	    "LEFT JOIN users i ON i.id = a.impersonator_id "
	    "WHERE (? = '' OR a.action = ?) AND (? = '' OR a.target_type = ?) "
	    "AND (? = 0 OR a.target_id = ?) "
	    "ORDER BY a.id DESC LIMIT ? OFFSET ?", "ssssllll", action, action,
	    target_type, target_type, target_id, target_id, l->limit,
	    l->offset);
	if (rc != DB_OK)
		return rc;
	if ((rows = calloc(db_rows(res) + 1, sizeof(*rows))) == NULL) {
		db_res_free(res);
		return DB_ERROR;
	}
	while ((rc = db_next(res)) == 1) {
		rows[i].id = db_int(res, 0);
		str_copy(rows[i].at, db_str(res, 1), sizeof(rows[i].at));
		rows[i].actor_id = db_int(res, 2);
		str_copy(rows[i].actor_login, db_str(res, 3),
		    sizeof(rows[i].actor_login));
		rows[i].impersonator_id = db_int(res, 4);
		str_copy(rows[i].impersonator_login, db_str(res, 5),
		    sizeof(rows[i].impersonator_login));
		str_copy(rows[i].action, db_str(res, 6),
		    sizeof(rows[i].action));
		str_copy(rows[i].target_type, db_str(res, 7),
		    sizeof(rows[i].target_type));
		rows[i].target_id = db_int(res, 8);
		str_copy(rows[i].details, db_str(res, 9),
		    sizeof(rows[i].details));
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
