/*
 * db_stream: rows fetched one at a time from the real MariaDB of the test
 * stack ($LAUREL_TEST_CONFIG), values longer than the first buffer, NULL,
 * a read stopped early, memory that does not grow with the rows, and the
 * buffered db_query unchanged beside it.
 */
#include "config.h"

#include <sys/resource.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "conf.h"
#include "db.h"
#include "tap.h"

static struct config	*cfg;
static struct db	*db;

/* Returns the peak resident set size of this process in KiB. */
static long
peak_rss_kib(void)
{
	struct rusage	 ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static void
test_rows_in_order(void)
{
	struct db_res	*res;
	long long	 n = 0, sum = 0, expect = 1;
	int		 rc, in_order = 1, lengths_ok = 1;

	rc = db_stream(db, &res, "SELECT seq, REPEAT('x', seq % 700) "
	    "FROM seq_1_to_5000 WHERE seq >= ? ORDER BY seq", "l", 1LL);
	is_int(rc, DB_OK, "stream opens");
	if (rc != DB_OK)
		return;
	is_int((intmax_t)db_rows(res), 0, "streamed result has no row count");
	while ((rc = db_next(res)) == 1) {
		if (db_int(res, 0) != expect++)
			in_order = 0;
		if (db_len(res, 1) != (size_t)(db_int(res, 0) % 700) ||
		    strlen(db_str(res, 1)) != db_len(res, 1))
			lengths_ok = 0;
		sum += db_int(res, 0);
		n++;
	}
	is_int(rc, 0, "stream ends without error");
	db_res_free(res);
	is_int(n, 5000, "every row arrives");
	is_int(sum, 5000LL * 5001 / 2, "row values add up");
	ok(in_order, "rows arrive in ORDER BY order");
	ok(lengths_ok, "values longer than the first buffer arrive whole");
}

static void
test_long_and_null(void)
{
	struct db_res	*res;
	char		*want;
	size_t		 i;
	int		 rc;

	/* 30,000 two-byte characters after short rows, then a NULL in the
	 * grown column, then a short value in it again. */
	rc = db_stream(db, &res, "SELECT seq, CASE seq WHEN 1 THEN 'short' "
	    "WHEN 2 THEN REPEAT('\xc3\xa9', 30000) WHEN 3 THEN NULL "
	    "ELSE 'end' END FROM seq_1_to_4 ORDER BY seq", "");
	is_int(rc, DB_OK, "stream with long values opens");
	if (rc != DB_OK)
		return;
	is_int(db_next(res), 1, "row 1 fetched");
	is_str(db_str(res, 1), "short", "short value");
	is_int(db_next(res), 1, "row 2 fetched");
	is_int((intmax_t)db_len(res, 1), 60000, "60,000-byte value length");
	want = malloc(60001);
	for (i = 0; want != NULL && i < 30000; i++)
		memcpy(want + i * 2, "\xc3\xa9", 2);
	if (want != NULL)
		want[60000] = '\0';
	ok(want != NULL && strcmp(db_str(res, 1), want) == 0,
	    "60,000-byte value arrives byte for byte");
	free(want);
	is_int(db_next(res), 1, "row 3 fetched");
	ok(db_isnull(res, 1), "NULL after a long value is NULL");
	is_str(db_str(res, 1), "", "NULL reads as the empty string");
	is_int(db_next(res), 1, "row 4 fetched");
	is_str(db_str(res, 1), "end", "short value in the grown buffer");
	is_int(db_next(res), 0, "no fifth row");
	db_res_free(res);
}

static void
test_stopped_early(void)
{
	struct db_res	*res;
	int		 rc, i;

	rc = db_stream(db, &res, "SELECT seq FROM seq_1_to_100000 "
	    "ORDER BY seq", "");
	is_int(rc, DB_OK, "long stream opens");
	if (rc != DB_OK)
		return;
	for (i = 0; i < 10 && db_next(res) == 1; i++)
		;
	is_int(db_int(res, 0), 10, "ten rows read");
	db_res_free(res);

	rc = db_query(db, &res, "SELECT 41 + 1", "");
	is_int(rc, DB_OK, "another statement runs after a stopped stream");
	if (rc == DB_OK) {
		is_int(db_next(res), 1, "its row arrives");
		is_int(db_int(res, 0), 42, "with its value");
		db_res_free(res);
	}

	rc = db_stream(db, &res, "SELECT seq FROM seq_1_to_100000 "
	    "ORDER BY seq", "");
	is_int(rc, DB_OK, "the stopped statement runs again");
	if (rc == DB_OK) {
		is_int(db_next(res), 1, "first row fetched again");
		is_int(db_int(res, 0), 1, "it starts from the first row");
		db_res_free(res);
	}
}

static void
test_write_beside_stream(void)
{
	struct db_res	*res;
	struct db	*other;
	long long	 rows = 0;
	int		 rc, writes_ok = 1;

	if ((other = db_open(cfg)) == NULL) {
		ok(0, "second handle opens");
		return;
	}
	if (db_exec(other, "CREATE TEMPORARY TABLE stream_seen "
	    "(n INT NOT NULL)", "") != DB_OK) {
		ok(0, "temporary table created");
		db_close(other);
		return;
	}
	rc = db_stream(db, &res, "SELECT seq FROM seq_1_to_300 ORDER BY seq",
	    "");
	is_int(rc, DB_OK, "stream opens beside a second handle");
	while (rc == DB_OK && db_next(res) == 1) {
		rows++;
		if (rows % 100 == 0 && db_exec(other, "INSERT INTO stream_seen "
		    "VALUES (?)", "l", db_int(res, 0)) != DB_OK)
			writes_ok = 0;
	}
	if (rc == DB_OK)
		db_res_free(res);
	ok(writes_ok, "second handle writes while the first streams");
	rc = db_query(other, &res, "SELECT SUM(n) FROM stream_seen", "");
	if (rc == DB_OK && db_next(res) == 1)
		is_int(db_int(res, 0), 100 + 200 + 300,
		    "the writes hold the streamed values");
	else
		ok(0, "the writes hold the streamed values");
	if (rc == DB_OK)
		db_res_free(res);
	db_close(other);
}

static void
test_memory_flat(void)
{
	struct db_res	*res;
	long		 before, after;
	long long	 bytes = 0;
	int		 rc;

	/* 100,000 rows of 1,000 bytes: 100 MB that a buffered result would
	 * hold at once. */
	before = peak_rss_kib();
	rc = db_stream(db, &res, "SELECT seq, REPEAT('m', 1000) "
	    "FROM seq_1_to_100000", "");
	is_int(rc, DB_OK, "100 MB stream opens");
	if (rc != DB_OK)
		return;
	while (db_next(res) == 1)
		bytes += (long long)db_len(res, 1);
	db_res_free(res);
	after = peak_rss_kib();
	is_int(bytes, 100000LL * 1000, "every byte arrives");
	ok(after - before < 16 * 1024,
	    "peak memory grew by %ld KiB, under 16 MiB", after - before);
}

static void
test_buffered_unchanged(void)
{
	struct db_res	*res;
	int		 rc;

	rc = db_query(db, &res, "SELECT seq, REPEAT('b', seq * 100) "
	    "FROM seq_1_to_5 ORDER BY seq", "");
	is_int(rc, DB_OK, "buffered query opens");
	if (rc != DB_OK)
		return;
	is_int((intmax_t)db_rows(res), 5, "buffered result counts its rows");
	while (db_next(res) == 1)
		;
	is_int((intmax_t)db_len(res, 1), 500, "longest buffered value whole");
	db_res_free(res);
}

/* db_query_int: the first column of the first row, 1 without a row. */
static void
test_query_int(void)
{
	long long	 value = -1;

	is_int(db_query_int(db, &value, "SELECT ? + 1", "l", 41LL), DB_OK,
	    "query_int: one row is DB_OK");
	is_int((int)value, 42, "query_int: value of the first column");
	value = 7;
	is_int(db_query_int(db, &value, "SELECT 1 FROM DUAL WHERE ? = 0", "l",
	    1LL), 1, "query_int: no row is 1");
	is_int((int)value, 7, "query_int: no row leaves the value");
	is_int(db_query_int(db, &value, "SELECT no_such_column FROM DUAL",
	    ""), DB_ERROR, "query_int: a failed query is DB_ERROR");
}

int
main(void)
{
	const char	*path = getenv("LAUREL_TEST_CONFIG");
	char		 err[256];

	if (path == NULL) {
		printf("Bail out! LAUREL_TEST_CONFIG is not set\n");
		return 1;
	}
	if ((cfg = config_load(path, err, sizeof(err))) == NULL) {
		printf("Bail out! %s\n", err);
		return 1;
	}
	db_library_init();
	clock_init("UTC");
	db = db_open(cfg);
	if (db_connect(db) != DB_OK) {
		printf("Bail out! cannot connect: %s\n", db_error(db));
		return 1;
	}

	test_rows_in_order();
	test_long_and_null();
	test_stopped_early();
	test_write_beside_stream();
	test_memory_flat();
	test_buffered_unchanged();
	test_query_int();

	db_close(db);
	config_free(cfg);
	db_library_end();
	return tap_done();
}
