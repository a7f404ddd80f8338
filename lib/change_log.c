#include "config.h"

#include "change_log.h"
#include "clock.h"
#include "db.h"

/* Ids per DELETE statement, so that no statement holds locks on (or
 * replicates) more than this many rows. */
#define PRUNE_BATCH	10000

/* Reads the lowest id, the highest id created before cutoff and the
 * newest id of the catalog scope, each 0 when there is none. */
static int
read_bounds(struct db *db, const char *cutoff, long long *first,
    long long *last, long long *catalog_newest)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, "SELECT COALESCE(MIN(id), 0), "
	    "COALESCE(MAX(IF(created_at < ?, id, NULL)), 0), "
	    "(SELECT COALESCE(MAX(id), 0) FROM change_log "
	    "WHERE user_id IS NULL) FROM change_log", "s", cutoff);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_next(res)) == 1) {
		*first = db_int(res, 0);
		*last = db_int(res, 1);
		*catalog_newest = db_int(res, 2);
	}
	db_res_free(res);
	return rc < 0 ? rc : DB_OK;
}

long long
change_log_prune(struct db *db, usec_t cutoff)
{
	char		 when[27];
	long long	 first = 0, last = 0, catalog_newest = 0, from, total = 0;

	clock_format_sql(cutoff, when);
	if (read_bounds(db, when, &first, &last, &catalog_newest) != DB_OK)
		return -1;
	/* The catalog scope's newest id is read once: its rows are many, and
	 * a correlated MAX over them for each row would cost a scan each.
	 * A user's scope contains few rows, so its MAX is looked up per row. */
	for (from = first - 1; from < last; from += PRUNE_BATCH) {
		if (db_exec(db, "DELETE FROM change_log WHERE id > ? "
		    "AND id <= ? AND created_at < ? AND id < IF(user_id IS NULL, "
		    "?, (SELECT MAX(n.id) FROM change_log n "
		    "WHERE n.user_id = change_log.user_id))", "llsl", from,
		    from + PRUNE_BATCH, when, catalog_newest) != DB_OK)
			return -1;
		total += (long long)db_affected(db);
	}
	return total;
}
