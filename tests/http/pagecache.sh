#!/bin/sh
# The page cache of laurel-fcgi.  Every content table carries the
# change_log triggers, and a page sent from the cache is the page a new
# rendering sends.  Every kind of change shows on the next request, and
# pruning keeps the newest row of each scope.
#
# A worker keeps a page only once it was rendered at least two seconds
# (PAGECACHE_SETTLE_USEC) after the versions it depends on were first
# seen, so warm_up waits that long.  Whether a response came from the
# cache shows only in the server's log ("cache=hit"), since a hit sends
# exactly the bytes of a miss.
#
# The test runs on a stack of its own: on the shared one, other tests
# change the catalog all the time, and each change restarts the two
# seconds.
here=$(cd "$(dirname "$0")" && pwd)
srcdir=${LAUREL_SRCDIR:-$here/../..}
. "$here/private-stack.sh"
private_stack_start laurel-pagecache
. "$here/lib.sh"
. "$here/user.sh"
trap 'http_cleanup; "$srcdir/tests/stack" stop "$stack_dir" --clean >/dev/null 2>&1' EXIT

fcgi_log=$LAUREL_TEST_DIR/log/fcgi.log

# ------------------------------------------------------- trigger coverage

excluded="'sessions','login_attempts','audit_log','jobs','mail_outbox','worker_tasks','schema_migrations','change_log','certification_prerequisite_saves'"
missing=$(sql "SELECT t.table_name FROM information_schema.tables t
    WHERE t.table_schema = DATABASE() AND t.table_type = 'BASE TABLE'
    AND t.table_name NOT IN ($excluded)
    AND (SELECT COUNT(DISTINCT g.event_manipulation)
         FROM information_schema.triggers g
         WHERE g.event_object_schema = t.table_schema
         AND g.event_object_table = t.table_name
         AND g.action_timing = 'AFTER'
         AND g.action_statement LIKE '%INSERT INTO change_log%') < 3
    ORDER BY t.table_name")
is "$missing" "" "every content table has change_log triggers for insert, update and delete"
tables=$(sql "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' AND table_name NOT IN ($excluded)")
like_count=$(sql "SELECT COUNT(DISTINCT event_object_table) FROM information_schema.triggers WHERE event_object_schema = DATABASE() AND action_statement LIKE '%INSERT INTO change_log%'")
is "$like_count" "$tables" "triggers cover exactly the tables not excluded"

# The users update trigger compares each column a page shows; a new
# column must be added to it or to the columns it ignores.
unlisted=$(sql "SELECT c.column_name FROM information_schema.columns c
    JOIN information_schema.triggers g ON g.event_object_schema = c.table_schema
    AND g.trigger_name = 'users_log_upd'
    WHERE c.table_schema = DATABASE() AND c.table_name = 'users'
    AND c.column_name NOT IN ('password_hash', 'updated_at', 'last_sign_in_at')
    AND LOCATE(CONCAT('OLD.', c.column_name, ' '), g.action_statement) = 0
    ORDER BY c.column_name")
is "$unlisted" "" "users update trigger compares every shown column"

# --------------------------------------------------------------- helpers

# hits USER_ID PATH: prints the number of cache hits logged so far.
hits() {
	grep -c " GET $2 200 [0-9.]*ms user=$1 cache=hit\$" "$fcgi_log"
}

# warm_up PATH: requests PATH, waits until its versions have settled,
# then requests it eight times, so that each worker keeps the page.
# Leaves the first response in $HTTP_TEST_DIR/first and the number of
# the later responses that differ from it in $warm_diff.
warm_up() {
	request GET "$1"
	cp "$RESPONSE_BODY" "$HTTP_TEST_DIR/first"
	sleep 2.2
	warm_diff=0
	for _wu in 1 2 3 4 5 6 7 8; do
		request GET "$1"
		cmp -s "$RESPONSE_BODY" "$HTTP_TEST_DIR/first" ||
			warm_diff=$((warm_diff + 1))
	done
}

# hits_after USER_ID LOG_PATH PATH BEFORE: requests PATH until the log
# shows more than BEFORE hits of LOG_PATH (the path without its query),
# for up to three seconds, and prints the hits.  A worker that first saw
# the versions during warm_up keeps the page only two seconds later, so
# on a loaded machine warm_up's requests may all reach such a worker.
hits_after() {
	for _ha in $(seq 1 30); do
		_ha_hits=$(hits "$1" "$2")
		[ "$_ha_hits" -gt "$4" ] && break
		request GET "$3"
		sleep 0.1
	done
	echo "$_ha_hits"
}

# shows_each TEXT PATH NAME: requests PATH six times (reaching every
# worker's cache in all likelihood) and checks that each shows TEXT.
shows_each() {
	_se_missing=0
	for _se in 1 2 3 4 5 6; do
		request GET "$2"
		grep -qF -- "$1" "$RESPONSE_BODY" || _se_missing=$((_se_missing + 1))
	done
	is "$_se_missing" 0 "$3"
}

# ---------------------------------------------------------------- set-up

tag=$(unique_name P | tr -d -)
admin=$(unique_name padmin)
learner=$(unique_name plearner)
other=$(unique_name pother)
add_user "$admin" admin 'admin pass 123' --first-name Ada --last-name "Min$tag"
add_user "$learner" learner 'learner pass 123' --first-name Lena --last-name "Learner$tag"
add_user "$other" learner 'other pass 123' --first-name Otto --last-name "Other$tag"
utype=$(sql "INSERT INTO user_types (name, created_at, updated_at) VALUES ('Deckhand $tag', NOW(6), NOW(6)) RETURNING id")
sql "UPDATE users SET user_type_id = $utype WHERE login = '$learner'"
aid=$(sql "SELECT id FROM users WHERE login = '$admin'")
uid=$(sql "SELECT id FROM users WHERE login = '$learner'")
oid=$(sql "SELECT id FROM users WHERE login = '$other'")

fam=$(sql "INSERT INTO certification_families (created_at) VALUES (NOW(6)) RETURNING id")
cert=$(sql "INSERT INTO certifications (family_id, version, name, description, created_at, updated_at) VALUES ($fam, 1, 'Rigging $tag', '', NOW(6), NOW(6)) RETURNING id")
course=$(sql "INSERT INTO courses (code, name, description, created_at, updated_at) VALUES ('K$tag', 'Knots $tag', '', NOW(6), NOW(6)) RETURNING id")
sql "INSERT INTO certification_courses VALUES ($cert, $course, 'required', 1)"
class=$(sql "INSERT INTO course_classes (course_id, starts_at, ends_at, location, instructor, created_at) VALUES ($course, '2026-05-04 09:00:00', '2026-05-04 17:00:00', 'Dock $tag', 'Ines', NOW(6)) RETURNING id")
sql "INSERT INTO enrollments (user_id, family_id, certification_id, method, enrolled_at, enrolled_on) VALUES ($uid, $fam, $cert, 'admin', NOW(6), CURDATE())"
sql "INSERT INTO course_registrations (user_id, course_id, class_id, method, registered_at) VALUES ($uid, $course, $class, 'admin', NOW(6))"

# ------------------------------------------------------ the Training page

use_cookie_jar learner
sign_in "$learner" 'learner pass 123'
is "$STATUS" 303 "learner signs in"
before=$(hits "$uid" /learn/)
warm_up /learn/
is "$warm_diff" 0 "Training page: responses from the cache equal the first rendering"
after=$(hits_after "$uid" /learn/ /learn/ "$before")
is "$((after > before))" 1 "Training page: later requests come from the cache"
like "Rigging $tag" "Training page shows the enrolment"

request HEAD /learn/
is "$(header_value Content-Length)" "$(wc -c <"$HTTP_TEST_DIR/first" | tr -d ' ')" "HEAD of a kept page gives the page's length"

sql "UPDATE certifications SET name = 'Rigging renamed $tag' WHERE id = $cert"
shows_each "Rigging renamed $tag" /learn/ "Training page shows a catalog change at once"

fam2=$(sql "INSERT INTO certification_families (created_at) VALUES (NOW(6)) RETURNING id")
cert2=$(sql "INSERT INTO certifications (family_id, version, name, description, created_at, updated_at) VALUES ($fam2, 1, 'Sailing $tag', '', NOW(6), NOW(6)) RETURNING id")
warm_up /learn/
sql "INSERT INTO enrollments (user_id, family_id, certification_id, method, enrolled_at, enrolled_on) VALUES ($uid, $fam2, $cert2, 'admin', NOW(6), CURDATE())"
shows_each "Sailing $tag" /learn/ "Training page shows the learner's new enrolment at once"

warm_up /learn/
sql "UPDATE users SET first_name = 'Helena' WHERE id = $uid"
shows_each "Helena" /learn/ "Training page shows the learner's new name at once"

# Membership of a group that subscribes to a certification is the
# learner's own row; the subscription is the catalog's.
group=$(sql "INSERT INTO user_groups (name, created_at, updated_at) VALUES ('Crew $tag', NOW(6), NOW(6)) RETURNING id")
fam3=$(sql "INSERT INTO certification_families (created_at) VALUES (NOW(6)) RETURNING id")
cert3=$(sql "INSERT INTO certifications (family_id, version, name, description, created_at, updated_at) VALUES ($fam3, 1, 'Navigation $tag', '', NOW(6), NOW(6)) RETURNING id")
sql "INSERT INTO certification_user_types (certification_id, user_type_id) VALUES ($cert3, $utype)"
sql "INSERT INTO user_group_certifications (group_id, family_id, auto_enroll, created_at) VALUES ($group, $fam3, 0, NOW(6))"
warm_up /learn/
sql "INSERT INTO user_group_members (group_id, user_id, added_at) VALUES ($group, $uid, NOW(6))"
shows_each "Navigation $tag" /learn/ "Training page shows a new group membership at once"

# Another learner's change leaves this learner's kept page in use.
warm_up /learn/
before=$(hits "$uid" /learn/)
sql "INSERT INTO external_courses (user_id, title, starts_on, status, created_at, updated_at) VALUES ($oid, 'Elsewhere $tag', CURDATE(), 'completed', NOW(6), NOW(6))"
request GET /learn/
after=$(hits_after "$uid" /learn/ /learn/ "$before")
is "$((after > before))" 1 "another learner's change keeps this learner's page cached"

# A flash message is shown once and neither comes from nor goes into the
# cache.
warm_up /learn/
request GET /learn/ --cookie "laurel_flash=k=info&t=Saved$tag"
like "Saved$tag" "a request with a flash message shows it"
flash_left=0
for i in 1 2 3 4; do
	request GET /learn/
	grep -qF "Saved$tag" "$RESPONSE_BODY" && flash_left=$((flash_left + 1))
done
is "$flash_left" 0 "the flash message is not kept in the cache"

# Two sessions of one learner never share a page, because each page
# contains its session's CSRF token.
warm_up /learn/
csrf_a=$(extract_csrf)
use_cookie_jar learner2
sign_in "$learner" 'learner pass 123'
warm_up /learn/
csrf_b=$(extract_csrf)
is "$([ -n "$csrf_a" ] && [ "$csrf_a" != "$csrf_b" ] && echo differ)" differ "each session's kept page has its own CSRF token"
use_cookie_jar learner

# ---------------------------------------------------------- the Transcript

before=$(hits "$uid" /learn/transcript)
warm_up /learn/transcript
is "$warm_diff" 0 "Transcript: responses from the cache equal the first rendering"
after=$(hits_after "$uid" /learn/transcript /learn/transcript "$before")
is "$((after > before))" 1 "Transcript: later requests come from the cache"
like "Dock $tag" "Transcript shows the class location"

sql "UPDATE course_classes SET location = 'Harbour $tag' WHERE id = $class"
shows_each "Harbour $tag" /learn/transcript "Transcript shows a class change at once"

warm_up /learn/transcript
sql "INSERT INTO external_courses (user_id, title, starts_on, status, created_at, updated_at) VALUES ($uid, 'Abroad $tag', CURDATE(), 'completed', NOW(6), NOW(6))"
shows_each "Abroad $tag" /learn/transcript "Transcript shows a new external course at once"

warm_up /learn/transcript
sql "UPDATE course_registrations SET status = 'completed', score = 87.50, completed_on = CURDATE() WHERE user_id = $uid AND course_id = $course"
shows_each "87.50" /learn/transcript "Transcript shows a new course result at once"

# -------------------------------------------------------- the admin lists

use_cookie_jar admin
sign_in "$admin" 'admin pass 123'
is "$STATUS" 303 "admin signs in"

users_path="/admin/users?q=Other$tag"
warm_up "$users_path"
is "$warm_diff" 0 "user list: responses from the cache equal the first rendering"
like "Never" "user list shows that the other learner never signed in"
use_cookie_jar other
sign_in "$other" 'other pass 123'
use_cookie_jar admin
never=0
for i in 1 2 3 4 5 6; do
	request GET "$users_path"
	grep -qF "Never" "$RESPONSE_BODY" && never=$((never + 1))
done
is "$never" 0 "user list shows another user's sign-in at once"

warm_up "/admin/users?group=$group"
unlike "Other$tag" "group filter lists no non-member"
sql "INSERT INTO user_group_members (group_id, user_id, added_at) VALUES ($group, $oid, NOW(6))"
shows_each "Other$tag" "/admin/users?group=$group" "user list shows a new group member at once"

certs_path="/admin/certifications?q=Rigging"
before=$(hits "$aid" /admin/certifications)
warm_up "$certs_path"
is "$warm_diff" 0 "certification list: responses from the cache equal the first rendering"
after=$(hits_after "$aid" /admin/certifications "$certs_path" "$before")
is "$((after > before))" 1 "certification list: later requests come from the cache"
sql "UPDATE certifications SET name = 'Rigging advanced $tag' WHERE id = $cert"
shows_each "Rigging advanced $tag" "$certs_path" "certification list shows a renamed certification at once"

warm_up "$certs_path"
sql "UPDATE users SET last_name = 'Renamed$tag' WHERE id = $aid"
shows_each "Renamed$tag" "$certs_path" "certification list shows the admin's new name at once"

# ----------------------------------------------------- the report grid

# The learner's Rigging certification, completed today, expires in 30
# days; the other learner's has not been completed yet.
sql "UPDATE enrollments SET status = 'completed', completed_on = CURDATE(), expires_on = CURDATE() + INTERVAL 30 DAY WHERE user_id = $uid AND family_id = $fam"
sql "INSERT INTO enrollments (user_id, family_id, certification_id, method, enrolled_at, enrolled_on) VALUES ($oid, $fam, $cert, 'admin', NOW(6), CURDATE())"
report_path="/admin/reports/expiration?start=$(date -u +%Y-%m-%d)&end=$(date -u -d '+90 days' +%Y-%m-%d)&certification=$fam"
before=$(hits "$aid" /admin/reports/expiration)
warm_up "$report_path"
is "$warm_diff" 0 "expiration report: responses from the cache equal the first rendering"
after=$(hits_after "$aid" /admin/reports/expiration "$report_path" "$before")
is "$((after > before))" 1 "expiration report: later requests come from the cache"
like "Helena" "expiration report lists the learner"
unlike "Otto" "expiration report leaves out an enrolment in progress"

sql "UPDATE enrollments SET status = 'completed', completed_on = CURDATE(), expires_on = CURDATE() + INTERVAL 60 DAY WHERE user_id = $oid AND family_id = $fam"
shows_each "Otto" "$report_path" "expiration report shows a new completion at once"

warm_up "$report_path"
eid=$(sql "SELECT id FROM enrollments WHERE user_id = $uid AND family_id = $fam")
sql "INSERT INTO certificates (enrollment_id, completed_on, expires_on, user_id, family_id, certification_id, number, number_text, verification_code, issued_at, issued_on) SELECT id, completed_on, expires_on, user_id, family_id, certification_id, 1, 'RIG-$tag', 'PAGECACHE$(printf %07d $$)', NOW(6), CURDATE() FROM enrollments WHERE id = $eid"
shows_each "RIG-$tag" "$report_path" "expiration report shows a printed certificate's number at once"

warm_up "$report_path"
sql "UPDATE user_groups SET name = 'Deck crew $tag' WHERE id = $group"
shows_each "Deck crew $tag" "$report_path" "expiration report shows a renamed group at once"

# ------------------------------------------------------------------ pruning

# Rows older than an hour go, except the newest of each scope.
scope=$((4000000000 + $$))
catalog_before=$(sql "SELECT MAX(id) FROM change_log WHERE user_id IS NULL")
sql "INSERT INTO change_log (user_id, created_at) VALUES ($scope, UTC_TIMESTAMP(6) - INTERVAL 3 HOUR), ($scope, UTC_TIMESTAMP(6) - INTERVAL 2 HOUR), ($scope, UTC_TIMESTAMP(6) - INTERVAL 2 HOUR), (NULL, UTC_TIMESTAMP(6) - INTERVAL 2 HOUR)"
newest=$(sql "SELECT MAX(id) FROM change_log WHERE user_id = $scope")
sql "UPDATE worker_tasks SET next_run_at = '2000-01-01', last_result = '' WHERE name = 'prune_change_log'"
for i in $(seq 1 40); do
	result=$(sql "SELECT last_result FROM worker_tasks WHERE name = 'prune_change_log'")
	[ -n "$result" ] && break
	sleep 0.5
done
like_result=$(printf "%s" "$result" | grep -c "Change log rows deleted")
is "$like_result" 1 "the worker ran prune_change_log"
is "$(sql "SELECT GROUP_CONCAT(id) FROM change_log WHERE user_id = $scope")" "$newest" "pruning keeps only the newest row of an old scope"
catalog_after=$(sql "SELECT MAX(id) FROM change_log WHERE user_id IS NULL")
is "$((catalog_after >= catalog_before))" 1 "pruning never lowers the catalog version"
is "$(sql "SELECT COUNT(*) FROM change_log WHERE created_at < UTC_TIMESTAMP(6) - INTERVAL 1 HOUR AND id < (SELECT MAX(n.id) FROM change_log n WHERE n.user_id <=> change_log.user_id)")" 0 "no old row is left that a newer row of its scope replaces"
sql "DELETE FROM change_log WHERE user_id = $scope"

done_testing
