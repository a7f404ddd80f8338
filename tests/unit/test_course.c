/*
 * Courses, classes, checklists and follow-ups against the real MariaDB of
 * the test stack ($LAUREL_TEST_CONFIG), and the conversion of class times
 * from the site time zone to UTC.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "clock.h"
#include "conf.h"
#include "course.h"
#include "db.h"
#include "str.h"
#include "tap.h"

#define HOUR	(3600LL * 1000000)

static struct config	*cfg;
static struct db	*db;
static char		 suffix[16];

/* Returns the UTC instant of "YYYY-MM-DD HH:MM:SS". */
static usec_t
utc(const char *s)
{
	usec_t	 t = 0;

	clock_parse_sql(s, &t);
	return t;
}

static void
test_local_time_new_york(void)
{
	usec_t	 t = 0;
	char	 date[11], time[6];

	ok(clock_init("America/New_York") == 0, "zone America/New_York set");

	is_int(course_class_local_time("2024-03-10", "02:30", &t),
	    COURSE_TIME_SKIPPED, "02:30 on the spring-forward day skipped");
	is_int(course_class_local_time("2024-03-10", "02:00", &t),
	    COURSE_TIME_SKIPPED, "02:00 on the spring-forward day skipped");
	is_int(course_class_local_time("2024-03-10", "01:59", &t),
	    COURSE_TIME_OK, "01:59 before the jump exists");
	is_int(t, utc("2024-03-10 06:59:00"), "01:59 EST is 06:59 UTC");
	is_int(course_class_local_time("2024-03-10", "03:00", &t),
	    COURSE_TIME_OK, "03:00 after the jump exists");
	is_int(t, utc("2024-03-10 07:00:00"), "03:00 EDT is 07:00 UTC");

	is_int(course_class_local_time("2024-11-03", "01:30", &t),
	    COURSE_TIME_OK, "01:30 on the fall-back day exists");
	is_int(t, utc("2024-11-03 05:30:00"),
	    "repeated 01:30 is the earlier one, EDT");

	is_int(course_class_local_time("2024-07-01", "12:00", &t),
	    COURSE_TIME_OK, "summer noon");
	is_int(t, utc("2024-07-01 16:00:00"), "summer noon is 16:00 UTC");
	is_int(course_class_local_time("2024-01-15", "23:45", &t),
	    COURSE_TIME_OK, "winter evening");
	is_int(t, utc("2024-01-16 04:45:00"),
	    "23:45 EST is 04:45 UTC the next day");

	course_class_format_local(utc("2024-01-16 04:45:00"), date, time);
	is_str(date, "2024-01-15", "UTC instant shown on the local date");
	is_str(time, "23:45", "UTC instant shown at the local time");
	course_class_format_local(utc("2024-03-10 07:00:00"), date, time);
	is_str(time, "03:00", "first EDT minute shown as 03:00");
}

static void
test_local_time_invalid(void)
{
	usec_t	 t = 0;

	is_int(course_class_local_time("2023-02-30", "10:00", &t),
	    COURSE_TIME_INVALID, "2023-02-30 rejected");
	is_int(course_class_local_time("2024-02-29", "10:00", &t),
	    COURSE_TIME_OK, "2024-02-29 accepted");
	is_int(course_class_local_time("2024-1-05", "10:00", &t),
	    COURSE_TIME_INVALID, "one-digit month rejected");
	is_int(course_class_local_time("2024-01-05", "24:00", &t),
	    COURSE_TIME_INVALID, "24:00 rejected");
	is_int(course_class_local_time("2024-01-05", "12:60", &t),
	    COURSE_TIME_INVALID, "minute 60 rejected");
	is_int(course_class_local_time("2024-01-05", "9:00", &t),
	    COURSE_TIME_INVALID, "one-digit hour rejected");
	is_int(course_class_local_time("2024-01-05", "", &t),
	    COURSE_TIME_INVALID, "empty time rejected");
}

static void
test_local_time_utc(void)
{
	usec_t	 t = 0;

	ok(clock_init("UTC") == 0, "zone UTC set");
	is_int(course_class_local_time("2024-03-10", "02:30", &t),
	    COURSE_TIME_OK, "02:30 exists in UTC");
	is_int(t, utc("2024-03-10 02:30:00"), "UTC time unchanged");
}

static void
test_codes(void)
{
	char	 long_code[COURSE_CODE_MAX + 2];
	char	 hours[24];

	ok(course_code_valid("ABC-101_v2.1"), "letters, digits, - _ . valid");
	ok(!course_code_valid(""), "empty code invalid");
	ok(!course_code_valid("ABC 101"), "space invalid");
	ok(!course_code_valid("K\xc3\xb6ln"), "non-ASCII letter invalid");
	ok(!course_code_valid("A/B"), "slash invalid");
	memset(long_code, 'X', COURSE_CODE_MAX + 1);
	long_code[COURSE_CODE_MAX + 1] = '\0';
	ok(!course_code_valid(long_code), "51 characters invalid");
	long_code[COURSE_CODE_MAX] = '\0';
	ok(course_code_valid(long_code), "50 characters valid");

	course_format_hundredths(0, hours);
	is_str(hours, "0.00", "0 hundredths");
	course_format_hundredths(99999, hours);
	is_str(hours, "999.99", "99999 hundredths");
	course_format_hundredths(105, hours);
	is_str(hours, "1.05", "105 hundredths");
}

static long long
count_rows(const char *action, long long course_id)
{
	struct db_res	*res;
	long long	 n = -1;

	if (db_query(db, &res, "SELECT COUNT(*) FROM audit_log WHERE "
	    "action = ? AND target_type = 'course' AND target_id = ?", "sl",
	    action, course_id) != DB_OK)
		return -1;
	if (db_next(res) == 1)
		n = db_int(res, 0);
	db_res_free(res);
	return n;
}

/* Inserts a course with code PREFIX-suffix; returns its id or 0. */
static long long
make_course(const char *prefix, struct course *c)
{
	memset(c, 0, sizeof(*c));
	snprintf(c->code, sizeof(c->code), "%s-%s", prefix, suffix);
	snprintf(c->name, sizeof(c->name), "Course %s", prefix);
	str_copy(c->language, "en", sizeof(c->language));
	c->credit_hundredths = 150;
	c->passing_score = 80;
	c->kind = COURSE_ILT;
	c->active = 1;
	if (course_save(db, c, 0, 0) != DB_OK)
		return 0;
	return c->id;
}

static void
test_courses(struct course *c, struct course *got)
{
	char	 upper[COURSE_CODE_MAX * 4 + 1];
	size_t	 i;
	long long id;

	id = make_course("unit", c);
	ok(id > 0, "course inserted");
	is_int(count_rows("course_create", id), 1, "creation audited");
	is_int(course_get(db, id, got), DB_OK, "course read back");
	is_str(got->code, c->code, "code stored");
	is_int(got->credit_hundredths, 150, "credit hours stored");
	is_int(got->passing_score, 80, "passing score stored");
	is_int(got->kind, COURSE_ILT, "kind stored");

	str_copy(upper, c->code, sizeof(upper));
	for (i = 0; upper[i] != '\0'; i++)
		if (upper[i] >= 'a' && upper[i] <= 'z')
			upper[i] = (char)(upper[i] - 'a' + 'A');
	is_int(course_find_by_code(db, upper, got), DB_OK,
	    "found by code in another case");
	is_int(got->id, id, "same course found");
	is_int(course_find_by_code(db, "no-such-code", got), 1,
	    "unknown code not found");

	got->id = 0;
	str_copy(got->code, upper, sizeof(got->code));
	is_int(course_save(db, got, 0, 0), DB_DUPLICATE,
	    "same code in another case is a duplicate");
	is_int(got->id, 0, "id of the rejected course left at 0");

	/* 200 three-byte characters: audit excerpts must not split one. */
	c->name[0] = '\0';
	for (i = 0; i < COURSE_NAME_MAX; i++)
		strcat(c->name, "\xe3\x81\x82");
	c->credit_hundredths = 99999;
	is_int(course_save(db, c, 0, 0), DB_OK,
	    "update with a long multi-byte name");
	is_int(count_rows("course_update", id), 1, "update audited");
	is_int(course_get(db, id, got), DB_OK, "updated course read back");
	is_str(got->name, c->name, "multi-byte name stored byte for byte");
	is_int(got->credit_hundredths, 99999, "999.99 hours stored");

	got->id = id + 1000000;
	is_int(course_save(db, got, 0, 0), 1, "update of a missing course");
}

static void
test_classes(long long course_id)
{
	struct course_class	 k, got, *rows;
	size_t			 n;

	memset(&k, 0, sizeof(k));
	k.course_id = course_id;
	k.starts_at = utc("2030-05-01 09:00:00");
	k.ends_at = k.starts_at + 8 * HOUR;
	str_copy(k.location, "Room <1>", sizeof(k.location));
	is_int(course_class_save(db, &k, 0, 0), DB_OK, "class inserted");
	ok(k.id > 0, "class id set");
	is_int(course_class_get(db, k.id, &got), DB_OK, "class read back");
	is_int(got.ends_at - got.starts_at, 8 * HOUR, "class lasts 8 hours");
	is_int(got.capacity, 0, "no capacity is unlimited");
	k.capacity = 12;
	is_int(course_class_save(db, &k, 0, 0), DB_OK, "class updated");
	course_class_get(db, k.id, &got);
	is_int(got.capacity, 12, "capacity stored");
	is_int(course_class_list(db, course_id, &rows, &n), DB_OK,
	    "classes listed");
	is_int((long long)n, 1, "one class listed");
	free(rows);
	is_int(course_class_delete(db, k.id, 0, 0), DB_OK, "class deleted");
	is_int(course_class_delete(db, k.id, 0, 0), 1,
	    "deleting it again finds nothing");
	is_int(count_rows("class_create", course_id), 1, "class creation "
	    "audited");
	is_int(count_rows("class_delete", course_id), 1, "class deletion "
	    "audited");
}

static void
test_checklist(long long course_id)
{
	struct course_checklist_item	 item, *items;
	size_t				 n;
	long long			 first;

	memset(&item, 0, sizeof(item));
	item.course_id = course_id;
	str_copy(item.text, "Read the manual", sizeof(item.text));
	is_int(course_checklist_add(db, &item, 0, 0), DB_OK, "item added");
	is_int(item.position, 1, "first item at position 1");
	first = item.id;
	str_copy(item.text, "Pass the quiz", sizeof(item.text));
	course_checklist_add(db, &item, 0, 0);
	is_int(item.position, 2, "second item after the first");
	is_int(course_checklist_delete(db, first, 0, 0), DB_OK,
	    "first item deleted");
	str_copy(item.text, "Sign the form", sizeof(item.text));
	course_checklist_add(db, &item, 0, 0);
	is_int(item.position, 3, "new item after the last, not in the gap");
	is_int(course_checklist_list(db, course_id, &items, &n), DB_OK,
	    "checklist listed");
	is_int((long long)n, 2, "two items left");
	if (n == 2) {
		is_str(items[0].text, "Pass the quiz", "order kept (1)");
		is_str(items[1].text, "Sign the form", "order kept (2)");
	}
	free(items);
	is_int(count_rows("checklist_add", course_id), 3, "additions audited");
}

static void
test_followups(long long course_id, long long other_id, long long third_id)
{
	struct course_followup	 set[4], *rows;
	size_t			 n, bad = 99;

	memset(set, 0, sizeof(set));
	set[0].course_id = other_id;
	set[0].trigger = COURSE_ON_PASS;
	set[1].course_id = course_id;
	set[1].trigger = COURSE_ON_FAIL;
	is_int(course_followup_replace(db, course_id, set, 2, &bad, 0, 0),
	    COURSE_FOLLOWUP_SELF, "course as its own follow-up rejected");
	is_int((long long)bad, 1, "the second follow-up is at fault");

	set[1].course_id = third_id + 1000000;
	is_int(course_followup_replace(db, course_id, set, 2, &bad, 0, 0),
	    COURSE_FOLLOWUP_UNKNOWN, "unknown follow-up rejected");
	course_followup_list(db, course_id, &rows, &n);
	is_int((long long)n, 0, "nothing saved after a rejection");
	free(rows);

	set[1] = set[0];
	set[2].course_id = third_id;
	set[2].trigger = COURSE_ON_COMPLETE;
	is_int(course_followup_replace(db, course_id, set, 3, &bad, 0, 0),
	    DB_OK, "follow-ups saved");
	course_followup_list(db, course_id, &rows, &n);
	is_int((long long)n, 2, "the same course and trigger twice is one");
	free(rows);

	set[0].trigger = COURSE_ON_FAIL;
	is_int(course_followup_replace(db, course_id, set, 1, &bad, 0, 0),
	    DB_OK, "follow-ups replaced");
	course_followup_list(db, course_id, &rows, &n);
	is_int((long long)n, 1, "one follow-up after the replacement");
	if (n == 1) {
		is_int(rows[0].course_id, other_id, "the kept course");
		is_int(rows[0].trigger, COURSE_ON_FAIL, "with the new trigger");
	}
	free(rows);
	is_int(count_rows("followups_update", course_id), 2,
	    "each saved set audited");
	is_int(course_followup_replace(db, other_id + third_id + 1000000, set,
	    1, &bad, 0, 0), COURSE_FOLLOWUP_NO_COURSE, "missing course");
}

int
main(void)
{
	const char	*path = getenv("LAUREL_TEST_CONFIG");
	struct course	*c, *got;
	long long	 other, third;
	char		 err[256];

	if (path == NULL) {
		printf("Bail out! LAUREL_TEST_CONFIG is not set\n");
		return 1;
	}
	if ((cfg = config_load(path, err, sizeof(err))) == NULL) {
		printf("Bail out! %s\n", err);
		return 1;
	}
	auth_init();
	db_library_init();
	test_local_time_new_york();
	test_local_time_invalid();
	test_local_time_utc();
	test_codes();

	db = db_open(cfg);
	if (db_connect(db) != DB_OK) {
		printf("Bail out! cannot connect: %s\n", db_error(db));
		return 1;
	}
	auth_random_password(suffix, 8);
	c = malloc(sizeof(*c));
	got = malloc(sizeof(*got));
	if (c == NULL || got == NULL) {
		printf("Bail out! out of memory\n");
		return 1;
	}
	test_courses(c, got);
	test_classes(c->id);
	test_checklist(c->id);
	other = make_course("other", got);
	third = make_course("third", got);
	test_followups(c->id, other, third);

	free(c);
	free(got);
	db_close(db);
	config_free(cfg);
	return tap_done();
}
