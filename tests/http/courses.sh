#!/bin/sh
# Courses through nginx: the list (search, kind and status filters, letter,
# sorting, pages), the course form with each field invalid in turn, and on
# the edit page the classes, checklist and follow-up courses.  Text fields
# are checked for escaping on every page that shows them, and each change
# for its audit row.  Times in the site time zone that do not exist are
# covered by tests/unit/test_course, because this stack runs in UTC.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/user.sh"

# A token unique to this run that starts with a letter; codes and names
# start with it so that searches find only this run's rows.
p=c$(unique_name x | tr -dc '0-9')
script_xss='<script>alert(1)</script>'
script_esc='&lt;script&gt;alert(1)&lt;/script&gt;'
img_xss='"><img src=x onerror=alert(1)>'
img_esc='&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'

admin=$(unique_name courses-admin)
add_user "$admin" admin 'admin pass 123'
admin_id=$(sql "SELECT id FROM users WHERE login = '$admin'")
use_cookie_jar admin
sign_in "$admin" 'admin pass 123'
[ "$STATUS" = 303 ] || bail_out "admin cannot sign in"
request GET /admin/courses
[ "$STATUS" = 200 ] || bail_out "course list does not load"
csrf=$(extract_csrf)

# post PATH [CURL_OPTION...]: POSTs a form with the session's token.
post() {
	_po_path=$1
	shift
	request POST "$_po_path" --data-urlencode "csrf=$csrf" "$@"
}

# post_course PATH [CURL_OPTION...]: POSTs the course form.  The options
# come first and win, because the server reads the first value of a
# field; valid values of the other fields follow.
post_course() {
	_pc_path=$1
	shift
	post "$_pc_path" "$@" -d "code=$p-default" -d "name=$p default" \
	    -d language=en -d credit_hours=1.5 -d passing_score=80 \
	    -d kind=online -d active=1
}

# course_count CODE: prints how many courses have the code.
course_count() {
	sql "SELECT COUNT(*) FROM courses WHERE code = '$1'"
}

# course_id CODE: prints the id of the course with the code.
course_id() {
	sql "SELECT id FROM courses WHERE code = '$1'"
}

# audit_count ACTION COURSE_ID: prints the audit rows of ACTION on the
# course written by this test's admin.
audit_count() {
	sql "SELECT COUNT(*) FROM audit_log WHERE action = '$1'
	    AND target_type = 'course' AND target_id = $2
	    AND actor_id = $admin_id"
}

# audit_details ACTION COURSE_ID: prints the details of the newest such row.
audit_details() {
	sql "SELECT details FROM audit_log WHERE action = '$1'
	    AND target_type = 'course' AND target_id = $2
	    ORDER BY id DESC LIMIT 1"
}

# appears_before FIRST SECOND NAME: passes when FIRST occurs in the last
# response body before SECOND, and both occur.
appears_before() {
	_ab_a=$(grep -boF -- "$1" "$RESPONSE_BODY" | head -n 1 | cut -d: -f1)
	_ab_b=$(grep -boF -- "$2" "$RESPONSE_BODY" | head -n 1 | cut -d: -f1)
	if [ -n "$_ab_a" ] && [ -n "$_ab_b" ] && [ "$_ab_a" -lt "$_ab_b" ]; then
		tap_result 0 "$3"
		return 0
	fi
	tap_result 1 "$3"
	diag "  expected '$1' (at ${_ab_a:-none}) before '$2' (at ${_ab_b:-none})"
	return 1
}

# escaped WHERE: checks that both payloads appear escaped, never raw.
escaped() {
	like "$script_esc" "$1: script payload escaped"
	unlike "$script_xss" "$1: no raw script tag"
	like "$img_esc" "$1: attribute payload escaped"
	unlike '<img src=x' "$1: no raw img tag"
}

# ---------------------------------------------------------- create

request GET /admin/courses/new
is "$STATUS" 200 "new course form loads"
like '<option value="en" selected>English</option>' \
    "English is the default language"
like 'name="passing_score" type="text" value="70"' \
    "passing score defaults to 70"

code="$p-BASE.1_a"
name="$p Grundkurs Ünïcödé 日本語 🎓"
post_course /admin/courses -d "code=$code" --data-urlencode "name=$name" \
    --data-urlencode "description=First line
second line" -d credit_hours=12.5 -d passing_score=75 -d kind=ilt
is "$STATUS" 303 "valid course created"
base_id=$(course_id "$code")
header_is Location "/admin/courses/$base_id" "redirected to the new course"
# hex NAME: prints the bytes of NAME as upper-case hex, as HEX() does; the
# mariadb client may not print characters outside the BMP.
hex() {
	printf '%s' "$1" | od -An -tx1 | tr -d ' \n' | tr 'a-f' 'A-F'
}
is "$(sql "SELECT HEX(name) FROM courses WHERE id = '$base_id'")" \
    "$(hex "$name")" "name stored byte for byte"
is "$(sql "SELECT credit_hours, passing_score, kind, active, language_code
    FROM courses WHERE id = '$base_id'")" "12.50	75	ilt	1	en" \
    "credit hours, score, kind, status and language stored"
is "$(sql "SELECT description LIKE '%line%second line' FROM courses
    WHERE id = '$base_id'")" 1 "multi-line description stored"
is "$(audit_count course_create "$base_id")" 1 "creation audited with actor"
like_details=$(audit_details course_create "$base_id")
case $like_details in
*"code: $code"*) tap_result 0 "creation audit names the code" ;;
*) tap_result 1 "creation audit names the code"; diag "  got: $like_details" ;;
esac

request GET "/admin/courses/$base_id"
is "$STATUS" 200 "edit page loads"
like "Course created." "creation message shown"
like "value=\"$name\"" "stored name in the form"
like '<input id="kind-ilt" name="kind" type="radio" value="ilt" checked>' \
    "Instructor-led checked"
like 'value="12.50"' "credit hours shown with two places"

# ------------------------------------------------ each field invalid

# invalid NAME FIELD MESSAGE STATUS [CURL_OPTION...]: posts a new course
# whose code is unique to the case, with the options, and checks the
# status, the message next to FIELD and that nothing was saved.
invalid() {
	_iv_name=$1
	_iv_field=$2
	_iv_message=$3
	_iv_status=$4
	shift 4
	_iv_code="$p-bad-$tap_count"
	post_course /admin/courses "$@" -d "code=$_iv_code"
	is "$STATUS" "$_iv_status" "$_iv_name: status $_iv_status"
	like "id=\"$_iv_field-error\">$_iv_message" "$_iv_name: message at $_iv_field"
	like 'Nothing was saved.' "$_iv_name: summary shown"
	is "$(course_count "$_iv_code")" 0 "$_iv_name: nothing saved"
}

invalid "missing code" code "Code is required." 400 -d code=
invalid "code with spaces" code "Code may contain only letters" 400 \
    -d "code=$p bad code"
invalid "code with a slash" code "Code may contain only letters" 400 \
    -d "code=$p/x"
invalid "code of 51 characters" code \
    "Code must be at most 50 characters long." 400 \
    -d "code=$(printf '%051d' 7)"
invalid "missing name" name "Name is required." 400 -d name=
invalid "name of 201 characters" name \
    "Name must be at most 200 characters long." 400 \
    -d "name=$(printf '%0201d' 7)"
invalid "description of 20001 characters" description \
    "Description must be at most 20000 characters long." 400 \
    -d "description=$(printf '%020001d' 7)"
invalid "passing score 101" passing_score \
    "Passing score must be a whole number from 0 to 100." 400 \
    -d passing_score=101
invalid "passing score -1" passing_score \
    "Passing score must be a whole number from 0 to 100." 400 \
    -d passing_score=-1
invalid "passing score 7.5" passing_score \
    "Passing score must be a whole number from 0 to 100." 400 \
    -d passing_score=7.5
invalid "missing passing score" passing_score \
    "Passing score is required." 400 -d passing_score=
invalid "credit hours 1.234" credit_hours \
    "Credit hours must be a number from 0.00 to 999.99 with at most two decimal places." \
    400 -d credit_hours=1.234
invalid "credit hours -1" credit_hours \
    "Credit hours must be a number from 0.00 to 999.99" 400 \
    -d credit_hours=-1
invalid "credit hours 1000" credit_hours \
    "Credit hours must be a number from 0.00 to 999.99" 400 \
    -d credit_hours=1000
invalid "credit hours text" credit_hours \
    "Credit hours must be a number from 0.00 to 999.99" 400 \
    -d credit_hours=abc
invalid "unknown kind" kind "Kind has an unknown value" 400 -d kind=hybrid
invalid "unknown language" language "Language has an unknown value" 400 \
    -d language=xx

# The form shown again keeps what was typed.
post_course /admin/courses -d "code=$p-keep" -d passing_score=101 \
    --data-urlencode "name=$p kept name"
like "value=\"$p kept name\"" "invalid form keeps the typed name"
like 'value="101"' "invalid form keeps the typed score"

# Codes are unique without regard to case.
upper=$(printf '%s' "$code" | tr '[:lower:]' '[:upper:]')
post_course /admin/courses -d "code=$code" -d "name=$p duplicate"
is "$STATUS" 409 "duplicate code: 409"
like "id=\"code-error\">Another course already has the code $code" \
    "duplicate code: message at code"
post_course /admin/courses -d "code=$upper" -d "name=$p duplicate"
is "$STATUS" 409 "same code in capitals: 409"
is "$(sql "SELECT COUNT(*) FROM courses WHERE name = '$p duplicate'")" 0 \
    "duplicates not saved"

# Edge values are accepted.
post_course /admin/courses -d "code=$p-edge" -d "name=$p edge" \
    -d credit_hours=999.99 -d passing_score=100 \
    --data-urlencode "description=$(printf '%020000d' 7)"
is "$STATUS" 303 "999.99 hours, score 100 and 20000 characters accepted"
edge_id=$(course_id "$p-edge")
is "$(sql "SELECT credit_hours, passing_score, CHAR_LENGTH(description)
    FROM courses WHERE id = '$edge_id'")" "999.99	100	20000" \
    "edge values stored"
post_course /admin/courses -d "code=$p-zero" -d "name=$p zero" \
    -d credit_hours= -d passing_score=0
is "$STATUS" 303 "empty credit hours and score 0 accepted"
is "$(sql "SELECT credit_hours, passing_score FROM courses
    WHERE code = '$p-zero'")" "0.00	0" "empty credit hours stored as 0"

# ------------------------------------------------------------- edit

post_course "/admin/courses/$base_id" -d "code=$code" \
    --data-urlencode "name=$name" -d credit_hours=2.25 -d passing_score=75 \
    -d kind=ilt --data-urlencode "description=First line
second line"
is "$STATUS" 303 "course updated"
header_is Location "/admin/courses/$base_id" "update returns to the course"
is "$(sql "SELECT credit_hours, active FROM courses
    WHERE id = '$base_id'")" "2.25	1" "credit hours changed"
is "$(audit_count course_update "$base_id")" 1 "update audited with actor"
details=$(audit_details course_update "$base_id")
is "$details" 'credit hours: "12.50" -> "2.25"; ' \
    "update audit lists only the changed field"

post "/admin/courses/$base_id" -d "code=$code" -d name= -d passing_score=75
is "$STATUS" 400 "update without a name: 400"
is "$(sql "SELECT HEX(name) FROM courses WHERE id = '$base_id'")" \
    "$(hex "$name")" "invalid update changed nothing"
post_course "/admin/courses/$base_id" -d "code=$p-edge"
is "$STATUS" 409 "update to another course's code: 409"
request GET /admin/courses/99999999
is "$STATUS" 404 "unknown course: 404"
post_course /admin/courses/99999999 -d "code=$p-ghost"
is "$STATUS" 404 "update of an unknown course: 404"

# ------------------------------------------------------------- XSS

post_course /admin/courses -d "code=$p-xss" \
    --data-urlencode "name=$p $script_xss $img_xss" \
    --data-urlencode "description=$script_xss $img_xss"
is "$STATUS" 303 "course with markup in its name created"
xss_id=$(course_id "$p-xss")
request GET "/admin/courses?q=$p-xss"
escaped "course list"
request GET "/admin/courses/$xss_id"
escaped "edit page"
like "<textarea id=\"description\" name=\"description\" rows=\"4\">$script_esc $img_esc</textarea>" \
    "description escaped inside the textarea"
request GET "/admin/courses/$base_id"
escaped "follow-up choices of another course"

# ------------------------------------------------------------- classes

post "/admin/courses/$base_id/classes" -d class_start_date=2030-05-01 \
    -d class_start_time=09:00 -d class_end_date=2030-05-02 \
    -d class_end_time=17:30 --data-urlencode "class_location=Hall $script_xss" \
    --data-urlencode "class_instructor=Dr. $img_xss" -d class_capacity=12
is "$STATUS" 303 "class added"
header_is Location "/admin/courses/$base_id#classes" \
    "class added: back to the classes"
class_id=$(sql "SELECT id FROM course_classes WHERE course_id = '$base_id'")
is "$(sql "SELECT starts_at, ends_at, capacity FROM course_classes
    WHERE id = '$class_id'")" \
    "2030-05-01 09:00:00.000000	2030-05-02 17:30:00.000000	12" \
    "class times stored in UTC (the stack's zone)"
is "$(audit_count class_create "$base_id")" 1 "class creation audited"
request GET "/admin/courses/$base_id"
like "Class added." "class message shown"
like '<td>2030-05-01 09:00</td>' "class start shown"
like '<td>2030-05-02 17:30</td>' "class end shown"
like "href=\"/admin/classes/$class_id\"" "class edit link"
like "action=\"/admin/classes/$class_id/delete\"" "class delete button"
like "<td>Hall $script_esc</td>" "location escaped in the classes table"
like "<td>Dr. $img_esc</td>" "instructor escaped in the classes table"
unlike "$script_xss" "classes table: no raw script tag"
request GET "/admin/classes/$class_id"
is "$STATUS" 200 "class edit page loads"
like 'name="class_start_date" type="date" value="2030-05-01"' \
    "class start date in the form"
like 'name="class_end_time" type="time" value="17:30"' \
    "class end time in the form"
escaped "class edit page"

# invalid_class NAME FIELD MESSAGE [CURL_OPTION...]: posts a new class
# with the options first and checks the status, the message next to
# FIELD and that no class was added.
invalid_class() {
	_ic_name=$1
	_ic_field=$2
	_ic_message=$3
	shift 3
	post "/admin/courses/$base_id/classes" "$@" \
	    -d class_start_date=2030-06-01 -d class_start_time=09:00 \
	    -d class_end_date=2030-06-01 -d class_end_time=17:00
	is "$STATUS" 400 "$_ic_name: status 400"
	like "id=\"$_ic_field-error\">$_ic_message" "$_ic_name: message at $_ic_field"
	is "$(sql "SELECT COUNT(*) FROM course_classes
	    WHERE course_id = '$base_id'")" 1 "$_ic_name: no class added"
}

invalid_class "end before start" class_end_date \
    "The end must not be before the start." \
    -d class_start_date=2030-06-02 -d class_end_date=2030-06-01
invalid_class "end a minute early" class_end_date \
    "The end must not be before the start." \
    -d class_start_time=10:00 -d class_end_time=09:59
invalid_class "impossible date" class_start_date \
    "Start date must be a real date written YYYY-MM-DD." \
    -d class_start_date=2023-02-30
invalid_class "missing start date" class_start_date \
    "Start date is required." -d class_start_date=
invalid_class "missing end time" class_end_time "End time is required." \
    -d class_end_time=
invalid_class "hour 25" class_start_time \
    "Start time must be a time of day written HH:MM" \
    -d class_start_time=25:00
invalid_class "year 1900" class_start_date \
    "Start date must be from 1970-01-01 to 9998-12-31." \
    -d class_start_date=1900-01-01
invalid_class "capacity 0" class_capacity \
    "Capacity must be a whole number from 1 to 100000." -d class_capacity=0
invalid_class "capacity 100001" class_capacity \
    "Capacity must be a whole number from 1 to 100000." \
    -d class_capacity=100001
invalid_class "capacity text" class_capacity \
    "Capacity must be a whole number from 1 to 100000." \
    -d class_capacity=many
invalid_class "location of 201 characters" class_location \
    "Location must be at most 200 characters long." \
    -d "class_location=$(printf '%0201d' 7)"
invalid_class "instructor of 201 characters" class_instructor \
    "Instructor must be at most 200 characters long." \
    -d "class_instructor=$(printf '%0201d' 7)"
like 'value="2030-06-01"' "invalid class form keeps the typed date"
like "value=\"$name\"" "course form still shows the stored course"

post "/admin/classes/$class_id" -d class_start_date=2030-05-01 \
    -d class_start_time=08:00 -d class_end_date=2030-05-01 \
    -d class_end_time=16:00 --data-urlencode "class_location=Annex $script_xss" \
    --data-urlencode "class_instructor=Dr. $img_xss" -d class_capacity=
is "$STATUS" 303 "class updated"
is "$(sql "SELECT starts_at, ends_at, location LIKE 'Annex%', capacity IS NULL
    FROM course_classes WHERE id = '$class_id'")" \
    "2030-05-01 08:00:00.000000	2030-05-01 16:00:00.000000	1	1" \
    "class changes stored, empty capacity is no limit"
details=$(audit_details class_update "$base_id")
case $details in
*'capacity: "12" -> "unlimited"'*) tap_result 0 "class update audit lists capacity" ;;
*) tap_result 1 "class update audit lists capacity"; diag "  got: $details" ;;
esac
post "/admin/classes/$class_id" -d class_start_date=2030-05-01 \
    -d class_start_time=08:00 -d class_end_date=2030-04-30 \
    -d class_end_time=16:00
is "$STATUS" 400 "class edit with the end before the start: 400"
like 'id="class_end_date-error">The end must not be before the start.' \
    "class edit: message at the end date"
is "$(sql "SELECT ends_at FROM course_classes WHERE id = '$class_id'")" \
    "2030-05-01 16:00:00.000000" "invalid class edit changed nothing"
request GET /admin/classes/99999999
is "$STATUS" 404 "unknown class: 404"

# Deleting has a confirmation step that shows how many learners are
# registered in the class.
sql "INSERT INTO course_registrations (user_id, course_id, class_id, method,
    registered_at) VALUES ($admin_id, $base_id, $class_id, 'admin', NOW(6))"
post "/admin/classes/$class_id/delete"
is "$STATUS" 200 "class delete asks for confirmation"
like 'Delete this class?' "confirmation page shown"
like '<dt>Learners registered</dt><dd>1</dd>' "registered learners counted"
like 'stay registered in the course, without a class' \
    "confirmation says what happens to them"
like 'name="confirm" value="yes"' "confirmation carries confirm=yes"
escaped "class delete confirmation"
is "$(sql "SELECT COUNT(*) FROM course_classes WHERE id = '$class_id'")" 1 \
    "class kept until confirmed"
post "/admin/classes/$class_id/delete" -d confirm=yes
is "$STATUS" 303 "confirmed class delete"
is "$(sql "SELECT COUNT(*) FROM course_classes WHERE id = '$class_id'")" 0 \
    "class deleted"
is "$(audit_count class_delete "$base_id")" 1 "class deletion audited"
is "$(sql "SELECT COUNT(*) FROM course_registrations WHERE course_id = '$base_id'
    AND user_id = $admin_id AND class_id IS NULL")" 1 \
    "registration kept without the class"
post "/admin/classes/$class_id/delete" -d confirm=yes
is "$STATUS" 404 "deleting the class again: 404"

# ----------------------------------------------------------- checklist

post "/admin/courses/$base_id/checklist" -d "checklist_text=Read the manual"
is "$STATUS" 303 "checklist item added"
header_is Location "/admin/courses/$base_id#checklist" \
    "item added: back to the checklist"
post "/admin/courses/$base_id/checklist" \
    --data-urlencode "checklist_text=Watch $script_xss $img_xss"
post "/admin/courses/$base_id/checklist" -d "checklist_text=Sign the form"
is "$(sql "SELECT GROUP_CONCAT(position ORDER BY position) FROM
    checklist_items WHERE course_id = '$base_id'")" "1,2,3" \
    "items at positions 1, 2, 3"
is "$(audit_count checklist_add "$base_id")" 3 "item additions audited"
request GET "/admin/courses/$base_id"
appears_before "Read the manual" "Sign the form" "items in order"
like "<li>Watch $script_esc $img_esc" "checklist text escaped"
unlike "$script_xss" "checklist: no raw script tag"

post "/admin/courses/$base_id/checklist" -d checklist_text=
is "$STATUS" 400 "empty item: 400"
like 'id="checklist_text-error">Item text is required.' \
    "empty item: message shown"
post "/admin/courses/$base_id/checklist" \
    -d "checklist_text=$(printf '%0501d' 7)"
is "$STATUS" 400 "item of 501 characters: 400"
like 'id="checklist_text-error">Item text must be at most 500 characters long.' \
    "long item: message shown"
is "$(sql "SELECT COUNT(*) FROM checklist_items
    WHERE course_id = '$base_id'")" 3 "invalid items not added"

first_item=$(sql "SELECT id FROM checklist_items WHERE course_id = '$base_id'
    AND position = 1")
xss_item=$(sql "SELECT id FROM checklist_items WHERE course_id = '$base_id'
    AND position = 2")
post "/admin/checklist/$xss_item/delete"
is "$STATUS" 200 "item delete asks for confirmation"
like 'Delete this checklist item?' "item confirmation shown"
escaped "item delete confirmation"
post "/admin/checklist/$first_item/delete" -d confirm=yes
is "$STATUS" 303 "confirmed item delete"
is "$(sql "SELECT COUNT(*) FROM checklist_items WHERE id = '$first_item'")" \
    0 "item deleted"
is "$(audit_count checklist_delete "$base_id")" 1 "item deletion audited"
post "/admin/courses/$base_id/checklist" -d "checklist_text=Final review"
is "$(sql "SELECT position FROM checklist_items WHERE course_id = '$base_id'
    AND text = 'Final review'")" 4 "new item goes after the last"

# ---------------------------------------------------------- follow-ups

post_course /admin/courses -d "code=$p-next-a" -d "name=$p Next A"
next_a=$(course_id "$p-next-a")
post_course /admin/courses -d "code=$p-next-b" -d "name=$p Next B"
next_b=$(course_id "$p-next-b")

# Up to 200 other courses are offered in a select, more by code.
request GET "/admin/courses/$base_id"
if [ "$(sql "SELECT COUNT(*) FROM courses")" -le 201 ]; then
	like "<option value=\"$next_a\">$p-next-a — $p Next A</option>" \
	    "other courses offered as follow-ups"
	unlike "<option value=\"$base_id\">" "the course itself is not offered"
else
	like 'name="followup_code_1" type="text"' "courses asked for by code"
	tap_result 0 "the course itself is not offered # SKIP no select"
fi

post "/admin/courses/$base_id/followups" -d "followup_course_1=$next_a" \
    -d followup_trigger_1=pass -d "followup_course_2=$next_a" \
    -d followup_trigger_2=pass -d "followup_course_3=$next_b" \
    -d followup_trigger_3=fail
is "$STATUS" 303 "follow-ups saved"
header_is Location "/admin/courses/$base_id#followups" \
    "follow-ups saved: back to the section"
is "$(sql "SELECT GROUP_CONCAT(CONCAT(followup_course_id, ':', on_result)
    ORDER BY followup_course_id) FROM course_followups
    WHERE course_id = '$base_id'")" "$next_a:pass,$next_b:fail" \
    "the same course and trigger twice is one row"
is "$(audit_count followups_update "$base_id")" 1 "follow-ups audited"
details=$(audit_details followups_update "$base_id")
case $details in
*"added: $p-next-a on pass; added: $p-next-b on fail; "*)
	tap_result 0 "follow-up audit lists the additions" ;;
*) tap_result 1 "follow-up audit lists the additions"; diag "  got: $details" ;;
esac
request GET "/admin/courses/$base_id"
like "Follow-up courses saved." "follow-up message shown"
like "value=\"$next_a:pass\"" "follow-up A listed with a remove box"
like '<td>On fail</td>' "trigger On fail shown"

# Remove one, keep one, add one with a course code.
post "/admin/courses/$base_id/followups" -d "remove=$next_b:fail" \
    -d "followup_code_1=$p-NEXT-B" -d followup_trigger_1=complete
is "$STATUS" 303 "follow-ups replaced"
is "$(sql "SELECT GROUP_CONCAT(CONCAT(followup_course_id, ':', on_result)
    ORDER BY followup_course_id) FROM course_followups
    WHERE course_id = '$base_id'")" "$next_a:pass,$next_b:complete" \
    "removed one, kept one, added one by code"
details=$(audit_details followups_update "$base_id")
case $details in
*"added: $p-next-b on complete; removed: $p-next-b on fail; "*)
	tap_result 0 "replacement audit lists added and removed" ;;
*) tap_result 1 "replacement audit lists added and removed"; diag "  got: $details" ;;
esac

# invalid_followup NAME MESSAGE [CURL_OPTION...]: posts the form and
# checks the status, the message and that the set did not change.  The
# message's id depends on whether the form offers a select or a code
# field, so only the message is checked.
invalid_followup() {
	_if_name=$1
	_if_message=$2
	shift 2
	post "/admin/courses/$base_id/followups" "$@"
	is "$STATUS" 400 "$_if_name: status 400"
	like "-error\">$_if_message" "$_if_name: message shown"
	is "$(sql "SELECT COUNT(*) FROM course_followups
	    WHERE course_id = '$base_id'")" 2 "$_if_name: nothing changed"
}

invalid_followup "course as its own follow-up" \
    "A course cannot be its own follow-up." \
    -d "followup_course_1=$base_id" -d "remove=$next_a:pass"
invalid_followup "unknown course id" \
    "The chosen course does not exist." -d followup_course_2=99999999
invalid_followup "course id not a number" \
    "Course has an unknown value" -d followup_course_1=abc
invalid_followup "unknown course code" \
    "No course has the code $p-none." -d "followup_code_3=$p-none"
invalid_followup "unknown trigger" \
    "Trigger has an unknown value" -d "followup_course_1=$next_a" \
    -d followup_trigger_1=always
like 'id="remove-0" name="remove" type="checkbox"' \
    "form shown again lists the current follow-ups"

post "/admin/courses/$base_id/followups" -d "remove=$next_a:pass" \
    -d "remove=$next_b:complete"
is "$STATUS" 303 "all follow-ups removed"
is "$(sql "SELECT COUNT(*) FROM course_followups
    WHERE course_id = '$base_id'")" 0 "no follow-ups left"
is "$(audit_count followups_update "$base_id")" 3 "each save audited"

# A course's name is escaped in the follow-up table of another course.
post "/admin/courses/$base_id/followups" -d "followup_course_1=$xss_id"
request GET "/admin/courses/$base_id"
like "<a href=\"/admin/courses/$xss_id\">$p $script_esc $img_esc</a>" \
    "follow-up name escaped"

# ------------------------------------------------------------- the list

post_course /admin/courses -d "code=$p-L-b" -d "name=${p}Lm Beta" \
    -d credit_hours=3 -d kind=ilt
# A checkbox sent as "0" counts as unchecked.
post_course /admin/courses -d "code=$p-L-a" -d "name=${p}Lm Gamma" \
    -d credit_hours=1 -d active=0 -d kind=online
post_course /admin/courses -d "code=$p-L-c" -d "name=${p}Lm Alpha" \
    -d credit_hours=2 -d kind=online
is "$(sql "SELECT active FROM courses WHERE code = '$p-L-a'")" 0 \
    "course created inactive"

request GET "/admin/courses?q=${p}Lm"
is "$STATUS" 200 "list with a name search loads"
like ">${p}Lm Alpha</a>" "name search finds Alpha"
like ">${p}Lm Gamma</a>" "name search finds Gamma"
unlike "$p-BASE" "name search leaves out other courses"
appears_before "${p}Lm Alpha" "${p}Lm Beta" "sorted by name: Alpha first"
appears_before "${p}Lm Beta" "${p}Lm Gamma" "sorted by name: Gamma last"
like "<td>$p-L-b</td>" "code column"
like '<td>Instructor-led</td>' "kind column"
like '<td>English</td>' "language column"
like '<td class="num">3.00</td>' "credit hours column"
like '<td class="num">80%</td>' "passing score with %"
like '<td>Inactive</td>' "status column"

request GET "/admin/courses?q=$p-L-"
like ">${p}Lm Beta</a>" "code search finds the courses"
unlike "<td>$p-BASE" "code search leaves out other codes"
request GET "/admin/courses?q=L-a"
unlike ">${p}Lm Gamma</a>" "text inside a code does not match"

request GET "/admin/courses?q=$p-L-&sort=code&dir=desc"
appears_before "<td>$p-L-c</td>" "<td>$p-L-b</td>" "code descending (1)"
appears_before "<td>$p-L-b</td>" "<td>$p-L-a</td>" "code descending (2)"
like 'aria-sort="descending"><a class="sort-link" href="/admin/courses?sort=code&amp;dir=asc' \
    "code header marked descending, links to ascending"
request GET "/admin/courses?q=$p-L-&sort=credit&dir=asc"
appears_before "<td>$p-L-a</td>" "<td>$p-L-c</td>" "credit ascending (1)"
appears_before "<td>$p-L-c</td>" "<td>$p-L-b</td>" "credit ascending (2)"

request GET "/admin/courses?q=$p-L-&kind=ilt"
like ">${p}Lm Beta</a>" "kind filter keeps instructor-led"
unlike ">${p}Lm Alpha</a>" "kind filter drops online"
like '<option value="ilt" selected>' "kind filter shown as chosen"
like "letter=A&amp;q=$p-L-&amp;kind=ilt" "letter links keep search and kind"
like "&amp;q=$p-L-&amp;kind=ilt\">Code</a>" "sort links keep the filter"
request GET "/admin/courses?q=$p-L-&status=inactive"
like ">${p}Lm Gamma</a>" "status filter keeps the inactive course"
unlike ">${p}Lm Alpha</a>" "status filter drops active courses"
request GET "/admin/courses?q=$p-L-&status=active&kind=online"
like ">${p}Lm Alpha</a>" "both filters: active online course"
unlike ">${p}Lm Gamma</a>" "both filters: inactive course dropped"
unlike ">${p}Lm Beta</a>" "both filters: instructor-led dropped"
like 'kind=online&amp;status=active' "both filters kept in links"

# The letter index filters on the first letter of the name.
post_course /admin/courses -d "code=$p-Q1" -d "name=Qx$p letter"
request GET "/admin/courses?letter=Q&q=Qx$p"
like ">Qx$p letter</a>" "letter Q lists the course"
request GET "/admin/courses?letter=R&q=Qx$p"
unlike ">Qx$p letter</a>" "letter R leaves it out"

# Paging: 51 courses that only this search finds.
sql "INSERT INTO courses (code, name, description, created_at, updated_at)
    SELECT CONCAT('$p-pg-', LPAD(seq, 2, '0')), CONCAT('${p}Pg ', LPAD(seq, 2, '0')),
    '', NOW(6), NOW(6) FROM seq_1_to_51"
request GET "/admin/courses?q=${p}Pg"
is "$(grep -c "<td>$p-pg-" "$RESPONSE_BODY")" 50 "first page shows 50"
like 'Showing 1–50' "first page summary"
like "rel=\"next\" href=\"/admin/courses?page=2&amp;sort=name&amp;dir=asc&amp;q=${p}Pg\"" \
    "next link keeps the search"
unlike 'rel="prev"' "no previous link on page 1"
request GET "/admin/courses?q=${p}Pg&page=2"
is "$(grep -c "<td>$p-pg-" "$RESPONSE_BODY")" 1 "second page shows 1"
like "<td>$p-pg-51</td>" "the 51st course on page 2"
like 'rel="prev"' "previous link on page 2"
unlike 'rel="next"' "no next link on the last page"

# With more than 200 other courses, the follow-up form has code fields.
total=$(sql "SELECT COUNT(*) FROM courses")
if [ "$total" -le 201 ]; then
	sql "INSERT INTO courses (code, name, description, created_at,
	    updated_at) SELECT CONCAT('$p-many-', seq), CONCAT('${p}Many ', seq),
	    '', NOW(6), NOW(6) FROM seq_1_to_$((202 - total))"
fi
request GET "/admin/courses/$base_id"
like 'name="followup_code_1" type="text"' "many courses: code field offered"
unlike 'name="followup_course_1"' "many courses: no select"
sql "DELETE FROM courses WHERE code LIKE '$p-many-%'"

request GET "/admin/courses?q=${p}Pg&sort=bogus&dir=sideways&page=-3"
is "$STATUS" 200 "unknown list controls fall back to defaults"

done_testing
