/*
 * Learners' records against the test database: adding learners to a
 * class within its capacity, what each attendance status does to the
 * course registration, cancelling a registration, checklist ticks, and
 * external courses that belong to another user.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attendance.h"
#include "auth.h"
#include "checklist.h"
#include "clock.h"
#include "conf.h"
#include "db.h"
#include "external_course.h"
#include "registration.h"
#include "tap.h"

static struct db	*db;
static struct config	*cfg;
static char		 tag[16];
static int		 serial;
static long long	 admin_id;

static long long
insert(const char *what, int rc)
{
	if (rc != DB_OK) {
		printf("Bail out! cannot insert %s: %s\n", what, db_error(db));
		exit(1);
	}
	return (long long)db_insert_id(db);
}

static long long
make_user(const char *role)
{
	char	 login[64], email[80];

	snprintf(login, sizeof(login), "r%d-%s", ++serial, tag);
	snprintf(email, sizeof(email), "%s@example.org", login);
	return insert("user", db_exec(db, "INSERT INTO users (login, email, "
	    "first_name, last_name, role, created_at, updated_at) VALUES "
	    "(?, ?, 'Zoë', 'Ångström', ?, NOW(6), NOW(6))", "sss", login,
	    email, role));
}

static long long
make_course(void)
{
	char	 code[40];

	snprintf(code, sizeof(code), "R%d-%s", ++serial, tag);
	return insert("course", db_exec(db, "INSERT INTO courses (code, name, "
	    "description, kind, created_at, updated_at) VALUES (?, ?, '', "
	    "'ilt', NOW(6), NOW(6))", "ss", code, code));
}

/* A class of the course; capacity 0 is no limit. */
static long long
make_class(long long course_id, int capacity)
{
	char	 seats[16];

	snprintf(seats, sizeof(seats), "%d", capacity);
	return insert("class", db_exec(db, "INSERT INTO course_classes "
	    "(course_id, starts_at, ends_at, capacity, created_at) VALUES "
	    "(?, '2026-03-02 09:00:00', '2026-03-02 17:00:00', ?, NOW(6))",
	    "ls", course_id, capacity ? seats : NULL));
}

static void
register_user(long long user_id, long long course_id)
{
	insert("registration", db_exec(db, "INSERT INTO course_registrations "
	    "(user_id, course_id, method, registered_at) VALUES (?, ?, "
	    "'admin', NOW(6))", "ll", user_id, course_id));
}

static const char *
status_of(long long user_id, long long course_id, struct registration *r)
{
	if (registration_get(db, user_id, course_id, r) != DB_OK)
		return "(none)";
	return r->status;
}

static long long
learners_in(long long class_id)
{
	struct attendance_class	 k;

	if (attendance_class_get(db, class_id, &k) != DB_OK)
		return -1;
	return k.learners;
}

static void
test_add_within_capacity(void)
{
	long long	 course = make_course(), class_id = make_class(course, 1);
	long long	 one = make_user("learner"), two = make_user("learner");
	long long	 stranger = make_user("learner"), both[2], seats = -1;
	int		 added = -1;

	register_user(one, course);
	register_user(two, course);
	both[0] = one;
	both[1] = two;
	is_int(attendance_add(db, class_id, both, 2, admin_id, 0, &added, &seats),
	    ATTENDANCE_FULL, "two learners for one seat: class full");
	is_int(seats, 1, "one seat was free");
	is_int(learners_in(class_id), 0, "a full class takes nobody");
	is_int(attendance_add(db, class_id, both, 1, admin_id, 0, &added, &seats),
	    DB_OK, "one learner for one seat: saved");
	is_int(added, 1, "one learner added");
	is_int(attendance_add(db, class_id, both, 1, admin_id, 0, &added, &seats),
	    DB_OK, "same learner again: saved");
	is_int(added, 0, "learner already in class skipped");
	is_int(attendance_add(db, class_id, &stranger, 1, admin_id, 0, &added,
	    &seats), DB_OK, "unregistered user: saved");
	is_int(added, 0, "unregistered user skipped");
	is_int(attendance_add(db, 999999999, both, 1, admin_id, 0, &added,
	    &seats), 1, "adding to a missing class is 1");
}

/* Records status on day for one learner; returns attendance_record's
 * result and sets *recorded. */
static int
record(long long class_id, long long user_id, enum attendance_status status,
    const char *day, int *recorded)
{
	struct attendance_entry	 e;
	int			 completed;

	memset(&e, 0, sizeof(e));
	e.class_id = class_id;
	e.user_ids = &user_id;
	e.n = 1;
	e.status = status;
	date_parse(day, &e.day);
	e.actor_id = admin_id;
	return attendance_record(db, cfg, &e, recorded, &completed);
}

static void
test_attendance_statuses(void)
{
	struct registration	 r;
	long long		 course = make_course();
	long long		 class_id = make_class(course, 0);
	long long		 done = make_user("learner");
	long long		 gone = make_user("learner");
	long long		 outside = make_user("learner");
	long long		 learners[2];
	int			 recorded = -1, added;
	long long		 seats;

	register_user(done, course);
	register_user(gone, course);
	register_user(outside, course);
	learners[0] = done;
	learners[1] = gone;
	attendance_add(db, class_id, learners, 2, admin_id, 0, &added, &seats);

	is_int(record(class_id, done, ATTENDANCE_COMPLETED, "2026-03-02",
	    &recorded), DB_OK, "completed attendance saved");
	is_str(status_of(done, course, &r), "completed",
	    "completed completes the course");
	is_str(r.completed_on, "2026-03-02", "completed on the attendance day");

	record(class_id, gone, ATTENDANCE_CANCELLED, "2026-03-01", &recorded);
	is_str(status_of(gone, course, &r), "cancelled",
	    "cancelled cancels the registration");
	is_str(r.cancelled_on, "2026-03-01", "cancelled on the attendance day");
	record(class_id, gone, ATTENDANCE_NO_SHOW, "2026-03-02", &recorded);
	is_str(status_of(gone, course, &r), "registered",
	    "no-show restores the cancelled registration");
	is_str(r.cancelled_on, "", "no-show clears the cancellation date");

	record(class_id, done, ATTENDANCE_CANCELLED, "2026-03-03", &recorded);
	is_str(status_of(done, course, &r), "completed",
	    "cancelled leaves a completed course completed");

	is_int(record(class_id, outside, ATTENDANCE_ATTENDED, "2026-03-02",
	    &recorded), DB_OK, "learner outside class: saved");
	is_int(recorded, 0, "learner outside class skipped");
	is_int(record(999999999, done, ATTENDANCE_ATTENDED, "2026-03-02",
	    &recorded), 1, "recording in a missing class is 1");
}

static void
test_cancel_registration(void)
{
	struct registration	 r;
	long long		 course = make_course(), user = make_user("learner");
	day_t			 day;

	date_parse("2026-03-04", &day);
	is_int(registration_cancel(db, user, course, day, admin_id, 0), 1,
	    "no registration is 1");
	register_user(user, course);
	is_int(registration_cancel(db, user, course, day, admin_id, 0), DB_OK,
	    "registration cancelled");
	is_str(status_of(user, course, &r), "cancelled", "cancelled status stored");
	is_str(r.cancelled_on, "2026-03-04", "cancelled on the day given");
	is_int(registration_cancel(db, user, course, day, admin_id, 0),
	    REGISTRATION_NOT_CANCELLABLE, "cancelled registration not again");
}

static int
ticked(long long user_id, long long course_id, long long item_id)
{
	struct checklist_entry	*items;
	size_t			 n, i;
	int			 found = -1;

	if (checklist_progress(db, user_id, course_id, &items, &n) != DB_OK)
		return -1;
	for (i = 0; i < n; i++)
		if (items[i].item_id == item_id)
			found = items[i].ticked;
	free(items);
	return found;
}

static void
test_checklist_ticks(void)
{
	long long	 course = make_course(), user = make_user("learner");
	long long	 first, second, other_course = make_course();
	long long	 foreign, set[2];
	int		 changes = -1;

	first = insert("item", db_exec(db, "INSERT INTO checklist_items "
	    "(course_id, position, text) VALUES (?, 1, 'First')", "l", course));
	second = insert("item", db_exec(db, "INSERT INTO checklist_items "
	    "(course_id, position, text) VALUES (?, 2, 'Second')", "l",
	    course));
	foreign = insert("item", db_exec(db, "INSERT INTO checklist_items "
	    "(course_id, position, text) VALUES (?, 1, 'Other')", "l",
	    other_course));

	set[0] = first;
	set[1] = foreign;
	is_int(checklist_save(db, user, course, set, 2, user, 0, &changes),
	    DB_OK, "ticks saved");
	is_int(changes, 1, "other course's item ignored");
	is_int(ticked(user, course, first), 1, "first item ticked");
	is_int(ticked(user, other_course, foreign), 0,
	    "other course's item not ticked");
	set[0] = second;
	checklist_save(db, user, course, set, 1, admin_id, 0, &changes);
	is_int(changes, 2, "tick one, untick other: 2 changes");
	is_int(ticked(user, course, first), 0, "first item unticked");
	is_int(ticked(user, course, second), 1, "second item ticked");
	checklist_save(db, user, course, set, 1, admin_id, 0, &changes);
	is_int(changes, 0, "same ticks again: no change");
}

static void
test_external_owner(void)
{
	struct external_course	 e, stored;
	long long		 owner = make_user("learner");
	long long		 other = make_user("learner");

	memset(&e, 0, sizeof(e));
	e.user_id = owner;
	snprintf(e.title, sizeof(e.title), "Ünïcode wélding");
	snprintf(e.starts_on, sizeof(e.starts_on), "2025-05-01");
	e.status = EXTERNAL_IN_PROGRESS;
	is_int(external_course_save(db, &e, admin_id, 0), DB_OK,
	    "external course added");
	ok(e.id > 0, "new record has an id");
	is_int(external_course_get(db, e.id, &stored), DB_OK, "added record reads back");
	is_str(stored.title, "Ünïcode wélding", "title stored byte for byte");
	is_str(stored.ends_on, "", "empty end date stored as none");

	e.user_id = other;
	is_int(external_course_save(db, &e, admin_id, 0), 1,
	    "other user cannot update");
	is_int(external_course_delete(db, other, e.id, admin_id, 0), 1,
	    "other user cannot delete");
	is_int(external_course_delete(db, owner, e.id, admin_id, 0), DB_OK,
	    "owner deletes the record");
	is_int(external_course_get(db, e.id, &stored), 1, "deleted record is gone");
}

int
main(void)
{
	const char	*path = getenv("LAUREL_TEST_CONFIG");
	char		 err[256];

	if (path == NULL || (cfg = config_load(path, err, sizeof(err))) == NULL) {
		printf("Bail out! LAUREL_TEST_CONFIG is not set or invalid\n");
		return 1;
	}
	auth_init();
	db_library_init();
	clock_init("UTC");
	db = db_open(cfg);
	if (db_connect(db) != DB_OK) {
		printf("Bail out! cannot connect: %s\n", db_error(db));
		return 1;
	}
	auth_random_password(tag, 8);
	admin_id = make_user("admin");
	test_add_within_capacity();
	test_attendance_statuses();
	test_cancel_registration();
	test_checklist_ticks();
	test_external_owner();
	db_close(db);
	config_free(cfg);
	return tap_done();
}
