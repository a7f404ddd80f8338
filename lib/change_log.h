/*
 * The change_log table (sql/0017_change_log.sql): triggers insert a row
 * for every change to content, and the newest id of a scope is the
 * version that laurel-fcgi's page cache compares.
 */
#ifndef LAUREL_CHANGE_LOG_H
#define LAUREL_CHANGE_LOG_H

#include "clock.h"

struct db;

/*
 * Deletes the rows created before cutoff, except the newest row of each
 * scope, so that no version ever goes back to an earlier value.  Deletes
 * in batches of ids, each its own statement.  Returns the number of rows
 * deleted, or -1.
 */
long long	 change_log_prune(struct db *, usec_t cutoff);

#endif
