#include "config.h"

#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "clock.h"
#include "db.h"
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

void
audit_change(struct buf *changes, const char *label, const char *old_value,
    const char *new_value)
{
	if (strcmp(old_value, new_value) == 0)
		return;
	buf_printf(changes, "%s: \"%.200s\" -> \"%.200s\"; ", label,
	    old_value, new_value);
}

void
audit_change_int(struct buf *changes, const char *label, long long old_value,
    long long new_value)
{
	if (old_value != new_value)
		buf_printf(changes, "%s: %lld -> %lld; ", label, old_value,
		    new_value);
}
