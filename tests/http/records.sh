#!/bin/sh
# Learners' records kept by an administrator: attendance in an
# instructor-led class (with the learners added to it), external courses,
# checklists ticked by the learner and by an admin, and course results
# recorded by hand with cancelling a registration.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/user.sh"

xss1='<script>alert(1)</script>'
xss2='"><img src=x onerror=alert(1)>'
xss1_shown='&lt;script&gt;alert(1)&lt;/script&gt;'
xss2_shown='&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'

today=$(date -u +%F)
yesterday=$(date -u -d yesterday +%F)
tomorrow=$(date -u -d tomorrow +%F)
last_week=$(date -u -d '7 days ago' +%F)

tag=$(unique_name K | tr -d -)
admin=$(unique_name kadmin)
add_user "$admin" admin 'admin pass 123' --first-name Ada --last-name Min
aid=$(sql "SELECT id FROM users WHERE login = '$admin'")

# learner LOGIN_PREFIX LAST_NAME: a learner with a password; prints the id.
learner() {
	_login="$1$tag"
	add_user "$_login" learner 'learner pass 123' --first-name "$1" \
	    --last-name "$2"
	sql "SELECT id FROM users WHERE login = '$_login'"
}
one=$(learner qone "Quill$tag")
two=$(learner qtwo "Quirk$tag")
three=$(learner qthree "Xavier$tag")
four=$(learner qfour "Yeats$tag")
five=$(learner qfive "Zola$tag")
stranger=$(learner qsix "Stranger$tag")

# cert NAME COURSE...: a certification whose only required courses are
# COURSE...; prints "family version".
cert() {
	_name=$1
	shift
	_fam=$(sql "INSERT INTO certification_families (created_at) VALUES (NOW(6)) RETURNING id")
	_ver=$(sql "INSERT INTO certifications (family_id, version, name, description, created_at, updated_at) VALUES ($_fam, 1, '$_name $tag', '', NOW(6), NOW(6)) RETURNING id")
	_pos=1
	for _c in "$@"; do
		sql "INSERT INTO certification_courses VALUES ($_ver, $_c, 'required', $_pos)"
		_pos=$((_pos + 1))
	done
	echo "$_fam $_ver"
}

# enrol USER FAMILY VERSION COURSE...: an enrolment with its registrations.
enrol() {
	_u=$1
	_f=$2
	_v=$3
	shift 3
	sql "INSERT INTO enrollments (user_id, family_id, certification_id, method, enrolled_by, enrolled_at, enrolled_on) VALUES ($_u, $_f, $_v, 'admin', $aid, NOW(6), '$last_week')"
	for _c in "$@"; do
		sql "INSERT INTO course_registrations (user_id, course_id, method, registered_at) VALUES ($_u, $_c, 'enrollment', NOW(6))"
	done
}

ilt=$(sql "INSERT INTO courses (code, name, description, kind, created_at, updated_at) VALUES ('ILT$tag', 'Forklift $xss1', '', 'ilt', NOW(6), NOW(6)) RETURNING id")
set -- $(cert "Forklift" "$ilt"); ilt_fam=$1; ilt_ver=$2
for u in "$one" "$two" "$three" "$four" "$five"; do
	enrol "$u" "$ilt_fam" "$ilt_ver" "$ilt"
done
class=$(sql "INSERT INTO course_classes (course_id, starts_at, ends_at, location, instructor, capacity, created_at) VALUES ($ilt, '$yesterday 09:00:00', '$yesterday 17:00:00', 'Hall $xss2', 'Ines Tructor', 4, NOW(6)) RETURNING id")

use_cookie_jar admin
sign_in "$admin" 'admin pass 123'
is "$STATUS" 303 "admin signs in"

# ------------------------------------------------------------ attendance

request GET "/admin/classes/$class"
like "/admin/classes/$class/attendance" "class edit page links to attendance"
request GET "/admin/classes/$class/attendance"
is "$STATUS" 200 "attendance page opens"
like "No learners are in this class yet." "empty class says so"
like "Hall $xss2_shown" "class location shown escaped"
unlike "Hall $xss2" "class location never raw"
like "Forklift $xss1_shown" "course name shown escaped"
unlike "Forklift $xss1" "course name never raw"
request GET "/admin/classes/999999999/attendance"
is "$STATUS" 404 "attendance of a missing class is 404"

request GET "/admin/classes/$class/learners"
is "$STATUS" 200 "learner picker opens"
like "qone$tag" "registered learner offered"
like "qfive$tag" "every registered learner offered"
unlike "qsix$tag" "unregistered learner not offered"
like "Forklift $xss1_shown" "picker shows the course name escaped"
request GET "/admin/classes/$class/learners?q=qthree$tag"
like "qthree$tag" "search by login finds the learner"
unlike "qone$tag" "search leaves out the others"
request GET "/admin/classes/$class/learners?q=Quirk$tag"
like "qtwo$tag" "search by last name finds the learner"
unlike "qthree$tag" "last name search leaves out the others"
request GET "/admin/classes/$class/learners?letter=Q"
like "qone$tag" "letter Q lists Quill"
like "qtwo$tag" "letter Q lists Quirk"
unlike "qthree$tag" "letter Q leaves out Xavier"
request GET "/admin/classes/$class/learners?sort=name&dir=desc"
first=$(grep -o "q[a-z]*$tag" "$RESPONSE_BODY" | head -n 1)
is "$first" "qfive$tag" "name sort descending starts with Zola"
request GET "/admin/classes/$class/learners?sort=login&dir=asc"
first=$(grep -o "q[a-z]*$tag" "$RESPONSE_BODY" | head -n 1)
is "$first" "qfive$tag" "login sort ascending starts with qfive"
csrf=$(extract_csrf)

# Paging: 52 more learners registered in the course make two pages.
values=
i=1
while [ "$i" -le 52 ]; do
	values="$values${values:+,}('pg$i$tag', 'pg$i$tag@example.org', 'Page', 'Mass$tag', 'learner', NOW(6), NOW(6))"
	i=$((i + 1))
done
sql "INSERT INTO users (login, email, first_name, last_name, role, created_at, updated_at) VALUES $values"
sql "INSERT INTO course_registrations (user_id, course_id, method, registered_at) SELECT id, $ilt, 'admin', NOW(6) FROM users WHERE login LIKE 'pg%$tag'"
request GET "/admin/classes/$class/learners?letter=M"
like "Showing 1–50" "first page shows 50 rows"
like 'rel="next"' "first page links to the next"
request GET "/admin/classes/$class/learners?letter=M&page=2"
like "Showing 51–52" "second page shows the last 2"
like 'rel="prev"' "second page links back"

post_learners() {
	request POST "/admin/classes/$class/learners" --data-urlencode "csrf=$csrf" "$@"
}
post_learners
is "$STATUS" 400 "adding nobody is 400"
like "Tick at least one learner to add." "adding nobody explained"
post_learners -d "learner=$one" -d "learner=$two" -d "learner=$three" \
    -d "learner=$four" -d "learner=$five"
is "$STATUS" 409 "five learners in four seats is 409"
like "The class has 4 seats and 4 free." "seat limit explained"
is "$(sql "SELECT COUNT(*) FROM course_registrations WHERE class_id = $class")" 0 \
    "nobody added over capacity"
post_learners -d "learner=$one" -d "learner=$two" -d "learner=$three" \
    -d "learner=$four"
is "$STATUS" 303 "adding four learners redirects"
header_is Location "/admin/classes/$class/attendance" "back to the attendance"
is "$(sql "SELECT COUNT(*) FROM course_registrations WHERE class_id = $class")" 4 \
    "four learners in the class"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'class_learner_add' AND actor_id = $aid AND target_id IN ($one, $two, $three, $four)")" 4 \
    "each addition audited with the admin"
post_learners -d "learner=$five"
is "$STATUS" 409 "a fifth learner in a full class is 409"

request GET "/admin/classes/$class/attendance"
like "4 learners added to the class." "addition confirmed"
like "qfour$tag" "added learner listed"
unlike "qfive$tag" "learner not added is not listed"
like "value=\"$today\"" "date defaults to today"
request GET "/admin/classes/$class/learners"
like "The class is full." "picker says the class is full"

# Parallel additions to a class of one seat leave one learner in it.
small=$(sql "INSERT INTO course_classes (course_id, starts_at, ends_at, capacity, created_at) VALUES ($ilt, '$tomorrow 09:00:00', '$tomorrow 12:00:00', 1, NOW(6)) RETURNING id")
for u in $(sql "SELECT id FROM users WHERE login LIKE 'pg%$tag' ORDER BY id LIMIT 8"); do
	curl -s -o /dev/null --cookie "$COOKIE_JAR" --data-urlencode "csrf=$csrf" \
	    -d "learner=$u" "$LAUREL_TEST_URL/admin/classes/$small/learners" &
done
wait
is "$(sql "SELECT COUNT(*) FROM course_registrations WHERE class_id = $small")" 1 \
    "8 parallel additions fill the one seat and no more"
csrf=$(extract_csrf)

post_attendance() {
	request POST "/admin/classes/$class/attendance" --data-urlencode "csrf=$csrf" "$@"
}
early=$(sql "SELECT DATE_SUB('$yesterday', INTERVAL 3 DAY)")
first=$(sql "SELECT user_id FROM course_registrations WHERE class_id = $class LIMIT 1")
if [ -n "$first" ]; then
	post_attendance -d status=completed -d "date=$early" -d "learner=$first"
	is "$STATUS" 400 "completion dated before the class is 400"
	like "attendance can be recorded from that day on" "class start date explained"
fi
post_attendance -d status=attended -d "date=$today"
is "$STATUS" 400 "no learner ticked is 400"
like "Tick at least one learner." "no learner explained"
post_attendance -d "learner=$two" -d "date=$today"
is "$STATUS" 400 "missing status is 400"
like "Status is required." "missing status explained"
post_attendance -d "learner=$two" -d status=maybe -d "date=$today"
is "$STATUS" 400 "unknown status is 400"
like "Status has an unknown value" "unknown status explained"
post_attendance -d "learner=$two" -d status=attended -d date=2012-06-31
is "$STATUS" 400 "impossible date is 400"
like "Date must be a real date written YYYY-MM-DD." "impossible date explained"
post_attendance -d "learner=$two" -d status=attended -d "date=$tomorrow"
is "$STATUS" 400 "future date is 400"
like "Date cannot be in the future" "future date explained"
like "id=\"learner-$two\" checked" "ticked learner stays ticked"
post_attendance -d "learner=$two" -d status=attended
is "$STATUS" 400 "missing date is 400"
like "Date is required." "missing date explained"
is "$(sql "SELECT COUNT(*) FROM class_attendance WHERE class_id = $class")" 0 \
    "nothing recorded after invalid input"

post_attendance -d "learner=$two" -d status=attended -d "date=$yesterday"
is "$STATUS" 303 "attended recorded"
is "$(sql "SELECT status, status_on, recorded_by FROM class_attendance WHERE class_id = $class AND user_id = $two")" \
    "attended	$yesterday	$aid" "attended row with date and recorder"
is "$(sql "SELECT status FROM course_registrations WHERE user_id = $two AND course_id = $ilt")" registered \
    "attended leaves the registration as it was"

post_attendance -d "learner=$three" -d status=no_show -d "date=$yesterday"
is "$(sql "SELECT status FROM class_attendance WHERE class_id = $class AND user_id = $three")" no_show \
    "no-show recorded"

post_attendance -d "learner=$four" -d status=cancelled -d "date=$today"
is "$(sql "SELECT status FROM class_attendance WHERE class_id = $class AND user_id = $four")" cancelled \
    "cancelled recorded"
is "$(sql "SELECT status, cancelled_on FROM course_registrations WHERE user_id = $four AND course_id = $ilt")" \
    "cancelled	$today" "cancelled cancels the registration in the class"
request GET "/admin/classes/$class/attendance"
like "3 of 4 seats" "a cancelled learner frees the seat"

post_attendance -d "learner=$one" -d status=completed -d "date=$yesterday"
is "$STATUS" 303 "completed recorded"
is "$(sql "SELECT status FROM class_attendance WHERE class_id = $class AND user_id = $one")" completed \
    "completed attendance row"
is "$(sql "SELECT status, completed_on FROM course_registrations WHERE user_id = $one AND course_id = $ilt")" \
    "completed	$yesterday" "completed completes the course on the date"
is "$(sql "SELECT status, completed_on FROM enrollments WHERE user_id = $one AND family_id = $ilt_fam")" \
    "completed	$yesterday" "the course completes its certification"
is "$(sql "SELECT status FROM enrollments WHERE user_id = $two AND family_id = $ilt_fam")" in_progress \
    "an attended learner's certification stays in progress"
request GET "/admin/classes/$class/attendance"
like "Attendance recorded for 1 learner. 1 certification was completed." \
    "completion reported"
like "Completed on $yesterday" "attendance list shows the status and date"
like "Recorded by $admin" "attendance list shows who recorded it"

post_attendance -d "learner=$four" -d status=attended -d "date=$today"
is "$(sql "SELECT status, cancelled_on IS NULL FROM course_registrations WHERE user_id = $four AND course_id = $ilt")" \
    "registered	1" "attended again restores the cancelled registration"
post_attendance -d "learner=$one" -d status=cancelled -d "date=$today"
is "$(sql "SELECT status FROM course_registrations WHERE user_id = $one AND course_id = $ilt")" completed \
    "cancelled leaves a completed course completed"

is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'class_attendance' AND actor_id = $aid AND target_id IN ($one, $two, $three, $four)")" 6 \
    "every attendance save audited with the admin"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'course_result' AND actor_id = $aid AND target_id = $one")" 1 \
    "completion through attendance audited as a course result"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'certification_complete' AND target_id = $one")" 1 \
    "certification completion audited"

# ------------------------------------------------------- external courses

request GET "/admin/users/$two/registrations"
like "/admin/users/$two/results" "registrations page links to Record results"
like "/admin/users/$two/external" "registrations page links to External courses"
like "/admin/users/$two/checklist" "registrations page links to Checklists"

request GET "/admin/users/$two/external"
is "$STATUS" 200 "external courses page opens"
like "No external courses are recorded for this user." "empty list says so"
request GET "/admin/users/$two/external/new"
is "$STATUS" 200 "new external course form opens"
csrf=$(extract_csrf)

post_external() {
	request POST "/admin/users/$two/external" --data-urlencode "csrf=$csrf" "$@"
}
long=$(printf 'x%.0s' $(seq 1 201))
post_external -d title= -d provider=Acme -d starts_on=2024-01-10 \
    -d status=completed -d attended=yes
is "$STATUS" 400 "missing title is 400"
like "Title is required." "missing title explained"
post_external -d "title=$long" -d starts_on=2024-01-10 -d status=completed \
    -d attended=yes
is "$STATUS" 400 "long title is 400"
like "Title must be at most 200 characters long." "long title explained"
post_external -d title=Welding -d "provider=$long" -d starts_on=2024-01-10 \
    -d status=completed -d attended=yes
is "$STATUS" 400 "long provider is 400"
like "Provider must be at most 200 characters long." "long provider explained"
post_external -d title=Welding -d starts_on=2012-06-31 -d status=completed \
    -d attended=yes
is "$STATUS" 400 "impossible from date is 400"
like "From must be a real date written YYYY-MM-DD." "impossible from date explained"
post_external -d title=Welding -d starts_on=2024-01-10 -d ends_on=2012-06-31 \
    -d status=completed -d attended=yes
is "$STATUS" 400 "impossible to date is 400"
like "To must be a real date written YYYY-MM-DD." "impossible to date explained"
post_external -d title=Welding -d starts_on=2024-01-10 -d ends_on=2024-01-09 \
    -d status=completed -d attended=yes
is "$STATUS" 400 "to before from is 400"
like "To must not be before From." "to before from explained"
post_external -d title=Welding -d "starts_on=$tomorrow" -d status=in_progress \
    -d attended=yes
is "$STATUS" 400 "from in the future is 400"
like "From cannot be in the future" "future from explained"
post_external -d title=Welding -d starts_on=2024-01-10 -d "ends_on=$tomorrow" \
    -d status=completed -d attended=yes
is "$STATUS" 400 "a completed course ending in the future is 400"
like "To cannot be in the future" "future end of a completed course explained"
post_external -d title=Welding -d starts_on=2024-01-10 -d status=passed \
    -d attended=yes
is "$STATUS" 400 "unknown status is 400"
like "Status has an unknown value" "unknown status explained"
post_external -d title=Welding -d starts_on=2024-01-10 -d status=completed
is "$STATUS" 400 "missing attended is 400"
like "Attended is required." "missing attended explained"
like "value=\"Welding\"" "form shown again keeps the title"
is "$(sql "SELECT COUNT(*) FROM external_courses WHERE user_id = $two")" 0 \
    "nothing saved after invalid input"

post_external --data-urlencode "title=Weld $xss1" --data-urlencode "provider=Acme $xss2" \
    -d starts_on=2024-01-10 -d ends_on=2024-01-12 -d status=completed -d attended=yes
is "$STATUS" 303 "valid external course saved"
header_is Location "/admin/users/$two/external" "back to the list"
is "$(sql "SELECT title, provider, starts_on, ends_on, status, attended, created_by FROM external_courses WHERE user_id = $two")" \
    "Weld $xss1	Acme $xss2	2024-01-10	2024-01-12	completed	1	$aid" \
    "external course stored byte for byte"
record=$(sql "SELECT id FROM external_courses WHERE user_id = $two")
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'external_course_create' AND actor_id = $aid AND target_id = $two")" 1 \
    "creation audited with the admin"
request GET "/admin/users/$two/external"
like "External course added." "creation confirmed"
like "Weld $xss1_shown" "list shows the title escaped"
like "Acme $xss2_shown" "list shows the provider escaped"
unlike "$xss1" "list never shows the title raw"
unlike "$xss2" "list never shows the provider raw"
request GET "/admin/users/$two/external/edit?record=$record"
is "$STATUS" 200 "edit form opens"
like "value=\"Weld $xss1_shown\"" "edit form shows the title escaped"
like "value=\"Acme $xss2_shown\"" "edit form shows the provider escaped"
unlike "$xss2" "edit form never shows the provider raw"
request GET "/admin/users/$three/external/edit?record=$record"
is "$STATUS" 404 "another user's record is 404"

request POST "/admin/users/$two/external/edit" --data-urlencode "csrf=$csrf" \
    -d "record=$record" --data-urlencode "title=Weld $xss1" \
    --data-urlencode "provider=Acme $xss2" -d starts_on=2024-01-10 \
    -d "ends_on=$tomorrow" -d status=in_progress -d attended=no
is "$STATUS" 303 "a course in progress may end in the future"
is "$(sql "SELECT status, attended, ends_on FROM external_courses WHERE id = $record")" \
    "in_progress	0	$tomorrow" "edit stored"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'external_course_update' AND actor_id = $aid AND target_id = $two AND details LIKE '%status: \"completed\" -> \"in_progress\"%'")" 1 \
    "edit audited with the change"
request POST "/admin/users/$two/external/edit" --data-urlencode "csrf=$csrf" \
    -d "record=$record" -d title=Weld -d starts_on=2024-01-10 \
    -d ends_on=2023-12-31 -d status=completed -d attended=no
is "$STATUS" 400 "edit with to before from is 400"
is "$(sql "SELECT title FROM external_courses WHERE id = $record")" "Weld $xss1" \
    "rejected edit changes nothing"

request GET "/admin/users/$two/external/delete?record=$record"
is "$STATUS" 200 "delete asks for confirmation"
like "Delete this external course?" "confirmation question"
like "Weld $xss1_shown" "confirmation shows the title escaped"
unlike "$xss1" "confirmation never shows the title raw"
is "$(sql "SELECT COUNT(*) FROM external_courses WHERE id = $record")" 1 \
    "asking deletes nothing"
request POST "/admin/users/$two/external/delete" --data-urlencode "csrf=$csrf" \
    -d "record=$record"
is "$STATUS" 303 "delete redirects"
is "$(sql "SELECT COUNT(*) FROM external_courses WHERE id = $record")" 0 \
    "external course deleted"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'external_course_delete' AND actor_id = $aid AND target_id = $two")" 1 \
    "deletion audited with the admin"
request POST "/admin/users/$two/external/delete" --data-urlencode "csrf=$csrf" \
    -d "record=$record"
is "$STATUS" 404 "deleting it again is 404"

# ------------------------------------------------------------- checklists

item1=$(sql "INSERT INTO checklist_items (course_id, position, text) VALUES ($ilt, 1, 'Wear boots $xss1') RETURNING id")
item2=$(sql "INSERT INTO checklist_items (course_id, position, text) VALUES ($ilt, 2, 'Check forks $xss2') RETURNING id")
item3=$(sql "INSERT INTO checklist_items (course_id, position, text) VALUES ($ilt, 3, 'Park safely') RETURNING id")

use_cookie_jar learner_two
sign_in "qtwo$tag" 'learner pass 123'
is "$STATUS" 303 "learner signs in"
request GET "/learn/courses/$ilt/checklist"
is "$STATUS" 200 "registered learner opens the checklist"
like "Wear boots $xss1_shown" "item text shown escaped"
like "Check forks $xss2_shown" "second item text shown escaped"
unlike "$xss2" "item text never raw"
lcsrf=$(extract_csrf)
request POST "/learn/courses/$ilt/checklist" --data-urlencode "csrf=$lcsrf" \
    -d "item=$item1" -d "item=$item2"
is "$STATUS" 303 "learner saves ticks"
is "$(sql "SELECT COUNT(*) FROM checklist_progress WHERE user_id = $two AND ticked_by = $two")" 2 \
    "two items ticked by the learner"
request GET "/learn/courses/$ilt/checklist"
like "Checklist saved: 2 items changed." "save confirmed"
like "id=\"item-$item1\" name=\"item\" type=\"checkbox\" value=\"$item1\" checked" \
    "ticked item shown ticked"
like "by you" "learner sees their own tick"
request POST "/learn/courses/$ilt/checklist" --data-urlencode "csrf=$lcsrf" \
    -d "item=$item1"
is "$(sql "SELECT item_id FROM checklist_progress WHERE user_id = $two")" "$item1" \
    "unticking removes the tick"
request POST "/learn/courses/$ilt/checklist" --data-urlencode "csrf=$lcsrf" \
    -d "item=abc"
is "$STATUS" 400 "invalid item is 400"
like "Checklist contains an invalid choice." "invalid item explained"
is "$(sql "SELECT COUNT(*) FROM checklist_progress WHERE user_id = $two")" 1 \
    "invalid form changes nothing"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'checklist_tick' AND actor_id = $two AND target_id = $two")" 2 \
    "learner's ticks audited"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'checklist_untick' AND actor_id = $two AND target_id = $two")" 1 \
    "learner's untick audited"

use_cookie_jar stranger
sign_in "qsix$tag" 'learner pass 123'
request GET "/learn/courses/$ilt/checklist"
is "$STATUS" 404 "unregistered learner gets 404"
scsrf=$(extract_csrf)
request GET /learn/
scsrf=$(extract_csrf)
request POST "/learn/courses/$ilt/checklist" --data-urlencode "csrf=$scsrf" \
    -d "item=$item1"
is "$STATUS" 404 "unregistered learner cannot tick"
is "$(sql "SELECT COUNT(*) FROM checklist_progress WHERE user_id = $stranger")" 0 \
    "and nothing is ticked"

use_cookie_jar admin
request GET "/admin/users/$two/checklist"
is "$STATUS" 200 "admin's checklist list opens"
like "1 of 3" "list counts the ticked items"
like "/admin/users/$two/checklist?course=$ilt" "list links to the course's checklist"
request GET "/admin/users/$two/checklist?course=$ilt"
is "$STATUS" 200 "admin opens the learner's checklist"
like "Wear boots $xss1_shown" "admin page shows item text escaped"
unlike "$xss1" "admin page never shows item text raw"
like "by qtwo$tag" "admin sees who ticked the item"
request GET "/admin/users/$stranger/checklist?course=$ilt"
is "$STATUS" 404 "checklist of a course the user is not registered in is 404"
request POST "/admin/users/$two/checklist" --data-urlencode "csrf=$csrf" \
    -d "course=$ilt" -d "item=$item3"
is "$STATUS" 303 "admin saves ticks"
header_is Location "/admin/users/$two/checklist?course=$ilt" "back to the checklist"
is "$(sql "SELECT item_id, ticked_by FROM checklist_progress WHERE user_id = $two")" \
    "$item3	$aid" "admin ticked item 3 and unticked item 1"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'checklist_tick' AND actor_id = $aid AND target_id = $two")" 1 \
    "admin's tick audited with the admin"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'checklist_untick' AND actor_id = $aid AND target_id = $two")" 1 \
    "admin's untick audited with the admin"

# ---------------------------------------------------- results by hand

theory=$(sql "INSERT INTO courses (code, name, description, passing_score, created_at, updated_at) VALUES ('TH$tag', 'Theory $xss2', '', 70, NOW(6), NOW(6)) RETURNING id")
extra=$(sql "INSERT INTO courses (code, name, description, created_at, updated_at) VALUES ('EX$tag', 'Extra $tag', '', NOW(6), NOW(6)) RETURNING id")
set -- $(cert "Theory" "$theory"); th_fam=$1; th_ver=$2
enrol "$five" "$th_fam" "$th_ver" "$theory" "$extra"

request GET "/admin/users/$five/results"
is "$STATUS" 200 "results page opens"
like "Theory $xss2_shown" "course name shown escaped"
unlike "Theory $xss2" "course name never raw"
like "Passing score 70%" "passing score shown"
like "/admin/users/$five/results/cancel?course=$extra" "cancel offered"
csrf=$(extract_csrf)

post_result() {
	request POST "/admin/users/$five/results" --data-urlencode "csrf=$csrf" "$@"
}
for score in 101 1.234 -1 abc; do
	post_result -d "course=$theory" -d status=completed -d "score=$score" \
	    -d "date=$yesterday"
	is "$STATUS" 400 "score $score is 400"
	like "Score must be a number from 0.00 to 100.00 with at most two decimal places." \
	    "score $score explained"
done
like "value=\"abc\"" "rejected score shown again in its row"
post_result -d "course=$theory" -d status=completed -d score=80 -d "date=$tomorrow"
is "$STATUS" 400 "future date is 400"
like "Date cannot be in the future" "future date explained"
post_result -d "course=$theory" -d status=completed -d score=80 -d date=2012-06-31
is "$STATUS" 400 "impossible date is 400"
like "Date must be a real date written YYYY-MM-DD." "impossible date explained"
post_result -d "course=$theory" -d status=completed -d score=80
is "$STATUS" 400 "missing date is 400"
like "Date is required." "missing date explained"
post_result -d "course=$theory" -d score=80 -d "date=$yesterday"
is "$STATUS" 400 "missing status is 400"
like "Status is required." "missing status explained"
post_result -d "course=$theory" -d status=passed -d score=80 -d "date=$yesterday"
is "$STATUS" 400 "unknown status is 400"
like "Status has an unknown value" "unknown status explained"
post_result -d "course=$theory" -d status=completed -d score=20 -d "date=$yesterday"
is "$STATUS" 400 "completed with a failing score is 400"
like "below the passing score of 70%" "failing score explained"
is "$(sql "SELECT COALESCE(MAX(status), 'none') FROM course_registrations WHERE user_id = $five AND course_id = $theory")" registered \
    "failing score recorded nothing"
is "$(sql "SELECT status, score IS NULL FROM course_registrations WHERE user_id = $five AND course_id = $theory")" \
    "registered	1" "nothing saved after invalid input"
post_result -d "course=$ilt" -d status=completed -d score=80 -d "date=$yesterday"
is "$STATUS" 303 "a registered course can be recorded"
post_result -d "course=999999999" -d status=completed -d "date=$yesterday"
is "$STATUS" 404 "a course without registration is 404"

post_result -d "course=$theory" -d status=failed -d score=40 -d "date=$last_week"
is "$STATUS" 303 "failure recorded"
is "$(sql "SELECT status, score, completed_on FROM course_registrations WHERE user_id = $five AND course_id = $theory")" \
    "failed	40.00	$last_week" "failure stored with its score and date"
request GET "/admin/users/$five/results"
like "Failed on $last_week" "results page gives the failure's date"
request GET "/admin/users/$five/transcript"
tr -d '\n' <"$RESPONSE_BODY" | sed 's/<tr/\n<tr/g' | grep -F "TH$tag" |
    grep -c "Failed.*<td>$last_week</td>" >"$HTTP_TEST_DIR/failed-row"
is "$(cat "$HTTP_TEST_DIR/failed-row")" 1 "transcript shows the failure's date"
is "$(sql "SELECT status FROM enrollments WHERE user_id = $five AND family_id = $th_fam")" in_progress \
    "a failure does not complete the certification"
post_result -d "course=$theory" -d status=completed -d score=85.5 -d "date=$yesterday"
is "$STATUS" 303 "pass recorded"
is "$(sql "SELECT status, score, completed_on FROM course_registrations WHERE user_id = $five AND course_id = $theory")" \
    "completed	85.50	$yesterday" "the pass replaces the failure"
is "$(sql "SELECT status, score, completed_on FROM course_registration_history WHERE user_id = $five AND course_id = $theory")" \
    "failed	40.00	$last_week" "the failure is kept as another attempt"
is "$(sql "SELECT status, completed_on FROM enrollments WHERE user_id = $five AND family_id = $th_fam")" \
    "completed	$yesterday" "the pass completes the certification"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'course_result' AND actor_id = $aid AND target_id = $five AND details LIKE 'course $theory:%'")" 2 \
    "both results audited with the admin"
request GET "/admin/users/$five/results"
like "Result recorded for TH$tag. 1 certification was completed." "result confirmed"
like "Score 85.50%" "list shows the score"
like "Completed on $yesterday" "list shows the completion date"

request GET "/admin/users/$five/results/cancel?course=$extra"
is "$STATUS" 200 "cancel asks for confirmation"
like "Cancel the registration in Extra $tag?" "confirmation question"
is "$(sql "SELECT status FROM course_registrations WHERE user_id = $five AND course_id = $extra")" registered \
    "asking cancels nothing"
request POST "/admin/users/$five/results/cancel" --data-urlencode "csrf=$csrf" -d "course=$extra"
is "$STATUS" 303 "cancel redirects"
is "$(sql "SELECT status, cancelled_on FROM course_registrations WHERE user_id = $five AND course_id = $extra")" \
    "cancelled	$today" "registration cancelled today"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'course_registration_cancel' AND actor_id = $aid AND target_id = $five")" 1 \
    "cancellation audited with the admin"
request GET "/admin/users/$five/results"
like "Registration in EX$tag cancelled." "cancellation confirmed"
like "Cancelled on $today" "list shows the cancellation"
request GET "/admin/users/$five/results/cancel?course=$theory"
is "$STATUS" 303 "a completed course cannot be cancelled"
request POST "/admin/users/$five/results/cancel" --data-urlencode "csrf=$csrf" -d "course=$theory"
is "$(sql "SELECT status FROM course_registrations WHERE user_id = $five AND course_id = $theory")" completed \
    "completed registration left alone"
request GET "/admin/users/$five/results"
like "is completed and cannot be cancelled." "refusal explained"

# A result after the cancellation starts a new attempt: the cancelled
# one moves to Other attempts and stays under Cancelled courses.
post_result -d "course=$extra" -d status=failed -d score=20 -d "date=$today"
is "$STATUS" 303 "a result after a cancellation is recorded"
is "$(sql "SELECT status, cancelled_on FROM course_registration_history WHERE user_id = $five AND course_id = $extra")" \
    "cancelled	$today" "the cancelled attempt is kept"
request GET "/admin/users/$five/transcript"
tr -d '\n' <"$RESPONSE_BODY" | sed 's/<tr/\n<tr/g; s/<\/tr>/&\n/g' >"$HTTP_TEST_DIR/rows"
sed -n '/id="t-attempts"/,/id="t-cancelled"/p' "$HTTP_TEST_DIR/rows" >"$HTTP_TEST_DIR/attempts"
is "$(grep -c "TH$tag.*Failed.*<td>$last_week</td>" "$HTTP_TEST_DIR/attempts")" 1 \
    "transcript lists the earlier failure under Other attempts"
is "$(grep -c "EX$tag.*Cancelled.*<td>$today</td>" "$HTTP_TEST_DIR/attempts")" 1 \
    "transcript lists the cancelled attempt under Other attempts"
sed -n '/id="t-cancelled"/,/id="t-external"/p' "$HTTP_TEST_DIR/rows" >"$HTTP_TEST_DIR/cancelled"
is "$(grep -c "<td>$today</td>" "$HTTP_TEST_DIR/cancelled")" 1 \
    "Cancelled courses still lists the cancellation"

use_cookie_jar learner_two
request GET "/admin/users/$five/results"
is "$STATUS" 403 "learners cannot open the results page"

done_testing
