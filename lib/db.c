#include "config.h"

#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <mysql.h>
#include <mysqld_error.h>
#include <errmsg.h>
#include <sodium.h>

#include "clock.h"
#include "conf.h"
#include "db.h"
#include "log.h"
#include "str.h"

#define MAX_PARAMS		32
#define MAX_TXN_ATTEMPTS	8
#define RECONNECT_USEC		500000

/* First buffer size of a streamed column.  db_next grows it for a
 * longer value. */
#define STREAM_COLUMN_BYTES	256

/* Session settings for every connection: UTC timestamps, strict input
 * checks, and READ COMMITTED so locking reads see committed rows (the
 * isolation level that behaves the same on a Galera cluster). */
#define INIT_COMMAND \
	"SET time_zone = '+00:00', " \
	"sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE," \
	"ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION', " \
	"tx_isolation = 'READ-COMMITTED'"

struct cached_stmt {
	const char	*sql;	/* the literal's address is the key */
	MYSQL_STMT	*stmt;
};

struct db {
	const struct config	*cfg;
	MYSQL			*conn;
	int			 broken;
	usec_t			 last_attempt;
	int			 in_txn;
	struct cached_stmt	*cache;
	size_t			 ncache, capcache;
	unsigned long long	 affected, insert_id;
	char			 error[256];
};

struct db_res {
	struct db	*db;
	MYSQL_STMT	*stmt;
	unsigned int	 ncols;
	MYSQL_BIND	*bind;
	unsigned long	*lengths;
	my_bool		*nulls;
	char		**bufs;
	size_t		 nrows;
	int		 streaming;	/* rows stay on the server until fetched */
};

int
db_library_init(void)
{
	return mysql_library_init(0, NULL, NULL) == 0 ? 0 : -1;
}

void
db_library_end(void)
{
	mysql_library_end();
}

struct db *
db_open(const struct config *cfg)
{
	struct db	*db;

	if ((db = calloc(1, sizeof(*db))) == NULL)
		return NULL;
	db->cfg = cfg;
	return db;
}

static void
disconnect(struct db *db)
{
	size_t	 i;

	for (i = 0; i < db->ncache; i++)
		mysql_stmt_close(db->cache[i].stmt);
	db->ncache = 0;
	if (db->conn != NULL)
		mysql_close(db->conn);
	db->conn = NULL;
	db->broken = 0;
	db->in_txn = 0;
}

void
db_close(struct db *db)
{
	if (db == NULL)
		return;
	disconnect(db);
	free(db->cache);
	free(db);
}

const char *
db_error(const struct db *db)
{
	return db->error;
}

int
db_in_txn(const struct db *db)
{
	return db->in_txn;
}

static int
is_connection_error(unsigned int code)
{
	switch (code) {
	case CR_SERVER_GONE_ERROR:
	case CR_SERVER_LOST:
	case CR_CONNECTION_ERROR:
	case CR_CONN_HOST_ERROR:
	case CR_SERVER_LOST_EXTENDED:
	case ER_CONNECTION_KILLED:
	case ER_SERVER_SHUTDOWN:
	case 4031:	/* ER_CLIENT_INTERACTION_TIMEOUT */
		return 1;
	default:
		return 0;
	}
}

/* Maps a server error to a status, logging the unexpected ones. */
static int
classify(struct db *db, unsigned int code, const char *message,
    const char *sql)
{
	snprintf(db->error, sizeof(db->error), "%u: %s", code, message);
	if (code == ER_LOCK_DEADLOCK || code == ER_LOCK_WAIT_TIMEOUT)
		return DB_RETRY;
	if (code == ER_DUP_ENTRY || code == ER_DUP_ENTRY_WITH_KEY_NAME)
		return DB_DUPLICATE;
	if (is_connection_error(code)) {
		db->broken = 1;
		log_warn("database connection lost: %s", db->error);
		return DB_GONE;
	}
	log_error("database error %s in: %.120s", db->error, sql);
	return DB_ERROR;
}

int
db_connect(struct db *db)
{
	const struct config	*cfg = db->cfg;
	unsigned int		 timeout = 2, io_timeout = 30;
	my_bool			 off = 0;
	usec_t			 now = clock_now();
	const char		*host;

	if (db->conn != NULL && !db->broken)
		return DB_OK;
	if (db->conn != NULL)
		disconnect(db);
	/* LAUREL_NOW fixes clock_now(), so the back-off uses real time. */
	now = (usec_t)time(NULL) * 1000000;
	if (db->last_attempt != 0 && now - db->last_attempt < RECONNECT_USEC &&
	    now >= db->last_attempt)
		return DB_GONE;
	db->last_attempt = now;

	if ((db->conn = mysql_init(NULL)) == NULL)
		return DB_GONE;
	mysql_options(db->conn, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_options(db->conn, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	mysql_options(db->conn, MYSQL_OPT_READ_TIMEOUT, &io_timeout);
	mysql_options(db->conn, MYSQL_OPT_WRITE_TIMEOUT, &io_timeout);
	mysql_options(db->conn, MYSQL_OPT_RECONNECT, &off);
	mysql_options(db->conn, MYSQL_INIT_COMMAND, INIT_COMMAND);

	host = cfg->db_host[0] != '\0' ? cfg->db_host : NULL;
	if (mysql_real_connect(db->conn, host, cfg->db_user, cfg->db_password,
	    cfg->db_name, (unsigned int)cfg->db_port,
	    host == NULL ? cfg->db_socket : NULL, 0) == NULL) {
		snprintf(db->error, sizeof(db->error), "%u: %s",
		    mysql_errno(db->conn), mysql_error(db->conn));
		log_warn("cannot connect to the database: %s", db->error);
		mysql_close(db->conn);
		db->conn = NULL;
		return DB_GONE;
	}
	db->last_attempt = 0;
	return DB_OK;
}

int
db_check(struct db *db)
{
	struct pollfd	 pfd;

	if (db->conn != NULL && !db->broken) {
		pfd.fd = mysql_get_socket(db->conn);
		pfd.events = POLLIN | POLLRDHUP;
		pfd.revents = 0;
		/* Between statements the server sends nothing, so any event
		 * means it closed the connection or reported an error. */
		if (pfd.fd < 0 || poll(&pfd, 1, 0) != 0) {
			log_warn("database connection lost; reconnecting");
			db->broken = 1;
			db->last_attempt = 0;
		}
	}
	return db_connect(db);
}

/* Returns the cached statement for sql, preparing it on first use. */
static int
prepare(struct db *db, const char *sql, MYSQL_STMT **out)
{
	struct cached_stmt	*c;
	MYSQL_STMT		*stmt;
	my_bool			 update_max = 1;
	size_t			 i;
	int			 rc;

	for (i = 0; i < db->ncache; i++) {
		if (db->cache[i].sql == sql) {
			*out = db->cache[i].stmt;
			return DB_OK;
		}
	}
	if ((stmt = mysql_stmt_init(db->conn)) == NULL)
		return classify(db, mysql_errno(db->conn),
		    mysql_error(db->conn), sql);
	if (mysql_stmt_prepare(stmt, sql, strlen(sql)) != 0) {
		rc = classify(db, mysql_stmt_errno(stmt),
		    mysql_stmt_error(stmt), sql);
		mysql_stmt_close(stmt);
		return rc;
	}
	mysql_stmt_attr_set(stmt, STMT_ATTR_UPDATE_MAX_LENGTH, &update_max);
	if (db->ncache == db->capcache) {
		size_t cap = db->capcache ? db->capcache * 2 : 64;
		c = reallocarray(db->cache, cap, sizeof(*c));
		if (c == NULL) {
			mysql_stmt_close(stmt);
			return DB_ERROR;
		}
		db->cache = c;
		db->capcache = cap;
	}
	db->cache[db->ncache].sql = sql;
	db->cache[db->ncache].stmt = stmt;
	db->ncache++;
	*out = stmt;
	return DB_OK;
}

/* Binds the arguments described by types to stmt.  lengths and longs are
 * storage that must live until the statement has run. */
static int
bind_params(struct db *db, MYSQL_STMT *stmt, const char *sql,
    const char *types, va_list ap, MYSQL_BIND *bind, unsigned long *lengths,
    long long *longs)
{
	unsigned long	 want = mysql_stmt_param_count(stmt);
	size_t		 n = strlen(types), i;
	const char	*s;

	if (n != want || n > MAX_PARAMS) {
		snprintf(db->error, sizeof(db->error),
		    "%zu values for %lu placeholders", n, want);
		log_error("database error %s in: %.120s", db->error, sql);
		return DB_ERROR;
	}
	memset(bind, 0, sizeof(*bind) * (n ? n : 1));
	for (i = 0; i < n; i++) {
		switch (types[i]) {
		case 's':
			s = va_arg(ap, const char *);
			if (s == NULL) {
				bind[i].buffer_type = MYSQL_TYPE_NULL;
				break;
			}
			lengths[i] = strlen(s);
			bind[i].buffer_type = MYSQL_TYPE_STRING;
			bind[i].buffer = (void *)s;
			bind[i].buffer_length = lengths[i];
			bind[i].length = &lengths[i];
			break;
		case 'b':
			bind[i].buffer = (void *)va_arg(ap, const void *);
			lengths[i] = va_arg(ap, size_t);
			bind[i].buffer_type = MYSQL_TYPE_BLOB;
			bind[i].buffer_length = lengths[i];
			bind[i].length = &lengths[i];
			break;
		case 'i':
			longs[i] = va_arg(ap, int);
			bind[i].buffer_type = MYSQL_TYPE_LONGLONG;
			bind[i].buffer = &longs[i];
			break;
		case 'l':
			longs[i] = va_arg(ap, long long);
			bind[i].buffer_type = MYSQL_TYPE_LONGLONG;
			bind[i].buffer = &longs[i];
			break;
		default:
			log_error("database error: bad type '%c' for: %.120s",
			    types[i], sql);
			return DB_ERROR;
		}
	}
	if (n > 0 && mysql_stmt_bind_param(stmt, bind) != 0)
		return classify(db, mysql_stmt_errno(stmt),
		    mysql_stmt_error(stmt), sql);
	return DB_OK;
}

/* Prepares, binds and executes; on success *out is the statement. */
static int
run(struct db *db, const char *sql, const char *types, va_list ap,
    MYSQL_STMT **out)
{
	MYSQL_BIND	 bind[MAX_PARAMS];
	unsigned long	 lengths[MAX_PARAMS];
	long long	 longs[MAX_PARAMS];
	MYSQL_STMT	*stmt = NULL;
	int		 rc;

	if ((rc = db_connect(db)) != DB_OK)
		return rc;
	if ((rc = prepare(db, sql, &stmt)) != DB_OK)
		return rc;
	if ((rc = bind_params(db, stmt, sql, types, ap, bind, lengths,
	    longs)) != DB_OK)
		return rc;
	if (mysql_stmt_execute(stmt) != 0)
		return classify(db, mysql_stmt_errno(stmt),
		    mysql_stmt_error(stmt), sql);
	*out = stmt;
	return DB_OK;
}

int
db_exec_(struct db *db, const char *sql, const char *types, ...)
{
	MYSQL_STMT	*stmt = NULL;
	va_list		 ap;
	int		 rc;

	va_start(ap, types);
	rc = run(db, sql, types, ap, &stmt);
	va_end(ap);
	if (rc != DB_OK)
		return rc;
	db->affected = mysql_stmt_affected_rows(stmt);
	db->insert_id = mysql_stmt_insert_id(stmt);
	mysql_stmt_free_result(stmt);
	return DB_OK;
}

static int
res_setup(struct db_res *res)
{
	MYSQL_RES	*meta;
	MYSQL_FIELD	*fields;
	unsigned int	 i;
	size_t		 size;

	if (!res->streaming) {
		if (mysql_stmt_store_result(res->stmt) != 0)
			return classify(res->db, mysql_stmt_errno(res->stmt),
			    mysql_stmt_error(res->stmt), "(store result)");
		res->nrows = (size_t)mysql_stmt_num_rows(res->stmt);
	}
	if ((meta = mysql_stmt_result_metadata(res->stmt)) == NULL)
		return DB_OK;
	res->ncols = mysql_num_fields(meta);
	fields = mysql_fetch_fields(meta);
	res->bind = calloc(res->ncols, sizeof(*res->bind));
	res->lengths = calloc(res->ncols, sizeof(*res->lengths));
	res->nulls = calloc(res->ncols, sizeof(*res->nulls));
	res->bufs = calloc(res->ncols, sizeof(*res->bufs));
	if (res->bind == NULL || res->lengths == NULL || res->nulls == NULL ||
	    res->bufs == NULL) {
		mysql_free_result(meta);
		return DB_ERROR;
	}
	for (i = 0; i < res->ncols; i++) {
		/* max_length is the longest value in the stored rows; numbers
		 * and dates converted to text need at most 64 bytes.  Streamed
		 * rows are not known yet: db_next grows a buffer that turns
		 * out too small. */
		size = res->streaming ? STREAM_COLUMN_BYTES :
		    fields[i].max_length + 1;
		if (size < 64)
			size = 64;
		if ((res->bufs[i] = malloc(size)) == NULL) {
			mysql_free_result(meta);
			return DB_ERROR;
		}
		res->bind[i].buffer_type = MYSQL_TYPE_STRING;
		res->bind[i].buffer = res->bufs[i];
		res->bind[i].buffer_length = size - 1;
		res->bind[i].length = &res->lengths[i];
		res->bind[i].is_null = &res->nulls[i];
	}
	mysql_free_result(meta);
	if (mysql_stmt_bind_result(res->stmt, res->bind) != 0)
		return classify(res->db, mysql_stmt_errno(res->stmt),
		    mysql_stmt_error(res->stmt), "(bind result)");
	return DB_OK;
}

static int
query_once(struct db *db, struct db_res **out, int streaming,
    const char *sql, const char *types, va_list ap)
{
	struct db_res	*res;
	MYSQL_STMT	*stmt;
	int		 rc;

	*out = NULL;
	if ((rc = run(db, sql, types, ap, &stmt)) != DB_OK)
		return rc;
	if ((res = calloc(1, sizeof(*res))) == NULL) {
		mysql_stmt_free_result(stmt);
		return DB_ERROR;
	}
	res->db = db;
	res->stmt = stmt;
	res->streaming = streaming;
	if ((rc = res_setup(res)) != DB_OK) {
		db_res_free(res);
		return rc;
	}
	*out = res;
	return DB_OK;
}

/* Runs query_once, and once more on a new connection when the first try
 * found the connection gone outside a transaction.  No row has been read
 * then, so the statement can safely start again; this hides a server
 * restart from the caller. */
static int
query_va(struct db *db, struct db_res **out, int streaming, const char *sql,
    const char *types, va_list ap)
{
	va_list	 again;
	int	 rc;

	va_copy(again, ap);
	rc = query_once(db, out, streaming, sql, types, ap);
	if (rc == DB_GONE && !db->in_txn && db->conn != NULL) {
		db->last_attempt = 0;
		rc = query_once(db, out, streaming, sql, types, again);
	}
	va_end(again);
	return rc;
}

int
db_query_(struct db *db, struct db_res **out, const char *sql,
    const char *types, ...)
{
	va_list	 ap;
	int	 rc;

	va_start(ap, types);
	rc = query_va(db, out, 0, sql, types, ap);
	va_end(ap);
	return rc;
}

int
db_stream_(struct db *db, struct db_res **out, const char *sql,
    const char *types, ...)
{
	va_list	 ap;
	int	 rc;

	va_start(ap, types);
	rc = query_va(db, out, 1, sql, types, ap);
	va_end(ap);
	return rc;
}

int
db_query_int_(struct db *db, long long *value, const char *sql,
    const char *types, ...)
{
	struct db_res	*res;
	va_list		 ap;
	int		 rc;

	va_start(ap, types);
	rc = query_va(db, &res, 0, sql, types, ap);
	va_end(ap);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_next(res)) == 1)
		*value = db_int(res, 0);
	db_res_free(res);
	return db_found(rc);
}

/*
 * Reads again, into larger buffers, the columns of the current streamed
 * row that did not fit, and keeps the larger buffers bound for the rows
 * that follow.
 */
static int
refetch_truncated(struct db_res *res)
{
	unsigned int	 i;
	char		*p;

	for (i = 0; i < res->ncols; i++) {
		if (res->nulls[i] ||
		    res->lengths[i] <= res->bind[i].buffer_length)
			continue;
		if ((p = realloc(res->bufs[i], res->lengths[i] + 1)) == NULL)
			return DB_ERROR;
		res->bufs[i] = p;
		res->bind[i].buffer = p;
		res->bind[i].buffer_length = res->lengths[i];
		if (mysql_stmt_fetch_column(res->stmt, &res->bind[i], i, 0) != 0)
			return classify(res->db, mysql_stmt_errno(res->stmt),
			    mysql_stmt_error(res->stmt), "(fetch column)");
	}
	if (mysql_stmt_bind_result(res->stmt, res->bind) != 0)
		return classify(res->db, mysql_stmt_errno(res->stmt),
		    mysql_stmt_error(res->stmt), "(bind result)");
	return DB_OK;
}

int
db_next(struct db_res *res)
{
	int	 rc;

	if (res->ncols == 0)
		return 0;
	rc = mysql_stmt_fetch(res->stmt);
	if (rc == MYSQL_NO_DATA)
		return 0;
	/* A streamed fetch that fails to read from the server leaves the
	 * error on the connection, not on the statement. */
	if (rc == 1 && mysql_stmt_errno(res->stmt) == 0 &&
	    res->db->conn != NULL)
		return classify(res->db, mysql_errno(res->db->conn),
		    mysql_error(res->db->conn), "(fetch)");
	if (rc == 1)
		return classify(res->db, mysql_stmt_errno(res->stmt),
		    mysql_stmt_error(res->stmt), "(fetch)");
	/* Buffers are sized from max_length, so MYSQL_DATA_TRUNCATED
	 * happens only for streamed rows. */
	if (rc == MYSQL_DATA_TRUNCATED &&
	    (rc = refetch_truncated(res)) != DB_OK)
		return rc;
	return 1;
}

int
db_found(int next_result)
{
	if (next_result == 1)
		return DB_OK;
	if (next_result == 0)
		return 1;
	return next_result;
}

const char *
db_str(const struct db_res *res, int col)
{
	if (col < 0 || (unsigned int)col >= res->ncols || res->nulls[col])
		return "";
	res->bufs[col][res->lengths[col]] = '\0';
	return res->bufs[col];
}

size_t
db_len(const struct db_res *res, int col)
{
	if (col < 0 || (unsigned int)col >= res->ncols || res->nulls[col])
		return 0;
	return res->lengths[col];
}

int
db_isnull(const struct db_res *res, int col)
{
	return col < 0 || (unsigned int)col >= res->ncols || res->nulls[col];
}

long long
db_int(const struct db_res *res, int col)
{
	return strtoll(db_str(res, col), NULL, 10);
}

char *
db_dup(const struct db_res *res, int col)
{
	if (db_isnull(res, col))
		return NULL;
	return str_ndup(db_str(res, col), db_len(res, col));
}

size_t
db_rows(const struct db_res *res)
{
	return res->nrows;
}

void
db_res_free(struct db_res *res)
{
	unsigned int	 i;

	if (res == NULL)
		return;
	if (res->stmt != NULL)
		mysql_stmt_free_result(res->stmt);
	if (res->bufs != NULL)
		for (i = 0; i < res->ncols; i++)
			free(res->bufs[i]);
	free(res->bufs);
	free(res->bind);
	free(res->lengths);
	free(res->nulls);
	free(res);
}

unsigned long long
db_affected(const struct db *db)
{
	return db->affected;
}

unsigned long long
db_insert_id(const struct db *db)
{
	return db->insert_id;
}

int
db_upserted_id(struct db *db, long long *id)
{
	struct db_res	*res;
	int		 rc;

	*id = 0;
	if ((rc = db_query(db, &res, "SELECT LAST_INSERT_ID()", "")) != DB_OK)
		return rc;
	if ((rc = db_found(db_next(res))) == DB_OK)
		*id = db_int(res, 0);
	db_res_free(res);
	return rc == 1 ? DB_ERROR : rc;
}

static int
plain_query(struct db *db, const char *sql)
{
	if (mysql_real_query(db->conn, sql, strlen(sql)) != 0)
		return classify(db, mysql_errno(db->conn),
		    mysql_error(db->conn), sql);
	return DB_OK;
}

/* Sleeps a random time in [0, 2^attempt * 2 ms), capped at 250 ms. */
static void
backoff(int attempt)
{
	struct timespec	 ts;
	uint32_t	 max_us = 2000u << attempt;

	if (max_us > 250000)
		max_us = 250000;
	ts.tv_sec = 0;
	ts.tv_nsec = (long)randombytes_uniform(max_us) * 1000;
	nanosleep(&ts, NULL);
}

int
db_txn(struct db *db, db_txn_fn fn, void *arg)
{
	int	 attempt, rc = DB_RETRY;

	if (db->in_txn) {
		log_error("database error: nested transaction");
		return DB_ERROR;
	}
	for (attempt = 0; attempt < MAX_TXN_ATTEMPTS; attempt++) {
		if (attempt > 0)
			backoff(attempt);
		if ((rc = db_connect(db)) != DB_OK)
			return rc;
		if ((rc = plain_query(db, "START TRANSACTION")) != DB_OK) {
			if (rc == DB_GONE || rc == DB_RETRY) {
				db->last_attempt = 0;
				continue;
			}
			return rc;
		}
		db->in_txn = 1;
		rc = fn(db, arg);
		db->in_txn = 0;

		if (rc != DB_OK) {
			if (!db->broken && mysql_rollback(db->conn) != 0)
				db->broken = 1;
			if (rc == DB_RETRY || (rc == DB_GONE && db->broken)) {
				/* The server rolled back a transaction whose
				 * connection was lost, so it can run again. */
				db->last_attempt = 0;
				continue;
			}
			return rc;
		}
		if (mysql_commit(db->conn) == 0)
			return DB_OK;
		rc = classify(db, mysql_errno(db->conn), mysql_error(db->conn),
		    "COMMIT");
		if (rc == DB_GONE)
			return DB_GONE;		/* outcome unknown */
		if (rc != DB_RETRY)
			return rc;
		mysql_rollback(db->conn);
	}
	log_warn("transaction gave up after %d attempts: %s",
	    MAX_TXN_ATTEMPTS, db->error);
	return rc;
}

int
db_exec_script_statement(struct db *db, const char *sql, size_t len)
{
	MYSQL_RES	*res;
	int		 rc;

	if ((rc = db_connect(db)) != DB_OK)
		return rc;
	if (mysql_real_query(db->conn, sql, len) != 0)
		return classify(db, mysql_errno(db->conn),
		    mysql_error(db->conn), sql);
	if ((res = mysql_store_result(db->conn)) != NULL)
		mysql_free_result(res);
	return DB_OK;
}
