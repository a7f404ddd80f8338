/*
 * The database layer: one MariaDB connection per process, prepared
 * statements cached per connection, and transactions run as functions that
 * are re-run from the start when the server reports a conflict.
 *
 * SQL must be a string literal: the db_exec/db_query macros paste "" in
 * front of it, which compiles only for a literal, so no statement can be
 * assembled from input.  Values are bound through a type string:
 *   's'  const char *  (NULL binds SQL NULL)
 *   'i'  int
 *   'l'  long long
 *   'b'  const void *, size_t  (binary)
 */
#ifndef LAUREL_DB_H
#define LAUREL_DB_H

#include <stddef.h>

struct config;
struct db;
struct db_res;

enum db_status {
	DB_OK = 0,
	DB_ERROR = -1,		/* anything unexpected; logged */
	DB_RETRY = -2,		/* deadlock or certification conflict */
	DB_GONE = -3,		/* no connection; the outcome is unknown */
	DB_DUPLICATE = -4	/* a UNIQUE or PRIMARY KEY already holds it */
};

/* Initialise and release the client library; call db_library_init once
 * per process, before forking. */
int		 db_library_init(void);
void		 db_library_end(void);

/* Creates a handle; no connection is made until first use. */
struct db	*db_open(const struct config *);
void		 db_close(struct db *);

/*
 * Connects when there is no working connection.  After a failed attempt
 * the next one is made no sooner than half a second later, so a server
 * that is down costs each request little.  Returns DB_OK or DB_GONE.
 */
int		 db_connect(struct db *);

/*
 * Checks that the connection is still open without a round trip: a server
 * that shut down or died has closed the socket, which then polls readable.
 * Reconnects when it is not.  Returns DB_OK or DB_GONE.
 */
int		 db_check(struct db *);

/* Runs a statement that returns no rows. */
int		 db_exec_(struct db *, const char *sql, const char *types, ...);
#define db_exec(db, sql, ...)	db_exec_((db), "" sql, __VA_ARGS__)

/*
 * Runs a statement and buffers its rows in *res, to be read with db_next
 * and freed with db_res_free.  The statement stays busy until then, so the
 * same SQL text cannot be run again while its result is open.
 */
int		 db_query_(struct db *, struct db_res **res, const char *sql,
		    const char *types, ...);
#define db_query(db, res, sql, ...) db_query_((db), (res), "" sql, __VA_ARGS__)

/*
 * Runs a query like db_query and stores the first column of its first row
 * in *value.  Returns DB_OK, 1 when there is no row (*value unchanged),
 * or a db_status.
 */
int		 db_query_int_(struct db *, long long *value, const char *sql,
		    const char *types, ...);
#define db_query_int(db, value, sql, ...) \
		    db_query_int_((db), (value), "" sql, __VA_ARGS__)

/*
 * Runs a statement like db_query but leaves its rows on the server:
 * db_next fetches them one at a time, so memory does not grow with the
 * number of rows, and db_rows returns 0.  Until db_res_free, the
 * connection can run no other statement, so a caller that must write
 * while it reads opens a second handle for the read.  The server holds
 * the rows for the connection, so read them without long pauses.
 */
int		 db_stream_(struct db *, struct db_res **res, const char *sql,
		    const char *types, ...);
#define db_stream(db, res, sql, ...) db_stream_((db), (res), "" sql, \
		    __VA_ARGS__)

/* Moves to the next row: 1 when there is one, 0 at the end, or a negative
 * enum db_status. */
int		 db_next(struct db_res *);

/*
 * Turns the db_next result of a lookup of one row into the convention of
 * the get functions: DB_OK when a row came, 1 when there was none, and
 * the negative db_status of an error as it is.
 */
int		 db_found(int next_result);

/* Column values of the current row as text ("" for NULL); valid until the
 * next db_next or db_res_free. */
const char	*db_str(const struct db_res *, int col);
size_t		 db_len(const struct db_res *, int col);
int		 db_isnull(const struct db_res *, int col);
long long	 db_int(const struct db_res *, int col);
/* Returns a malloc'd copy of a column, or NULL for SQL NULL or no memory. */
char		*db_dup(const struct db_res *, int col);
size_t		 db_rows(const struct db_res *);
void		 db_res_free(struct db_res *);

/*
 * Returns in *id the id that "INSERT … ON DUPLICATE KEY UPDATE id =
 * LAST_INSERT_ID(id)" inserted or found, asking the server.  After the
 * duplicate path, db_insert_id reports the id that a change_log trigger
 * generated instead (MariaDB 10.11).  Returns DB_OK or a db_status.
 */
int		 db_upserted_id(struct db *, long long *id);

/* Rows changed and the AUTO_INCREMENT id of the last db_exec. */
unsigned long long	 db_affected(const struct db *);
unsigned long long	 db_insert_id(const struct db *);

/*
 * Runs fn inside a transaction.  fn returns DB_OK to commit, DB_RETRY
 * (or passes on one from a statement) to be re-run, or any other value to
 * roll back and return it.  Conflicts, including at COMMIT, re-run fn from
 * the start after a randomised exponential back-off, at most eight times.
 * A lost connection before COMMIT re-runs fn on a new connection; one lost
 * during COMMIT returns DB_GONE because the outcome is unknown.  fn must
 * have no effect outside the database, since it may run more than once.
 */
typedef int	(*db_txn_fn)(struct db *, void *arg);
int		 db_txn(struct db *, db_txn_fn, void *arg);

/* Returns 1 inside db_txn. */
int		 db_in_txn(const struct db *);

/* Returns the server's message for the last error, for logs. */
const char	*db_error(const struct db *);

/*
 * Runs a statement given as text, outside the prepared-statement cache.
 * Only for trusted SQL read from the migration files; never for input.
 */
int		 db_exec_script_statement(struct db *, const char *sql,
		    size_t len);

#endif
