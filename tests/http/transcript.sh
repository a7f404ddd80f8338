#!/bin/sh
# Transcripts: the learner's Transcript tab and the admin's View
# Transcript show the same sections and rows.  Also Remove completed
# status of a provisional certification, and the mail outbox.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/user.sh"

tag=$(unique_name T | tr -d -)
admin=$(unique_name tadmin)
learner=$(unique_name tlearner)
other=$(unique_name tother)
add_user "$admin" admin 'admin pass 123'
add_user "$learner" learner 'learner pass 123' --first-name Tess --last-name Cript
add_user "$other" learner 'learner pass 123'
aid=$(sql "SELECT id FROM users WHERE login = '$admin'")
uid=$(sql "SELECT id FROM users WHERE login = '$learner'")
oid=$(sql "SELECT id FROM users WHERE login = '$other'")

script_xss='<script>alert(1)</script>'
script_esc='&lt;script&gt;alert(1)&lt;/script&gt;'
img_xss='"><img src=x onerror=alert(1)>'
img_esc='&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'

# course CODE NAME CREDIT_HOURS: prints the new course's id.
course() {
	sql "INSERT INTO courses (code, name, description, credit_hours, created_at, updated_at) VALUES ('$1$tag', '$2', '', $3, NOW(6), NOW(6)) RETURNING id"
}
# cert NAME PROVISIONAL: prints "family version".
cert() {
	_fam=$(sql "INSERT INTO certification_families (created_at) VALUES (NOW(6)) RETURNING id")
	_ver=$(sql "INSERT INTO certifications (family_id, version, name, description, provisional, created_at, updated_at) VALUES ($_fam, 1, '$1', '', $2, NOW(6), NOW(6)) RETURNING id")
	echo "$_fam $_ver"
}
# enrol USER FAMILY VERSION STATUS COMPLETED_ON EXPIRES_ON COMPLETE_BY
# (dates as SQL expressions): prints the enrolment id.
enrol() {
	sql "INSERT INTO enrollments (user_id, family_id, certification_id, method, enrolled_at, enrolled_on, status, completed_on, expires_on, complete_by) VALUES ($1, $2, $3, 'admin', NOW(6), CURDATE(), '$4', $5, $6, $7) RETURNING id"
}
# register USER COURSE STATUS SCORE COMPLETED_ON
register() {
	sql "INSERT INTO course_registrations (user_id, course_id, method, registered_at, status, score, completed_on) VALUES ($1, $2, 'admin', NOW(6), '$3', $4, $5)"
}

# Courses.  Shared is in two certifications and counts once in the
# credit hours earned: 2.50 + 1.25 + 3.00 + 0.50 = 7.25.
shared=$(course S "Shared course $tag" 2.50)
xss_course=$(course X "$script_xss $tag" 1.25)
pending=$(course P "Pending course $tag" 4.00)
failed=$(course F "Failed course $tag" 6.00)
old=$(course O "Old course $tag" 3.00)
prov=$(course V "Provisional course $tag" 0.50)
own=$(course I "Own course $tag" 8.00)
dropped=$(course D "Dropped course $tag" 9.00)
sql "INSERT INTO checklist_items (course_id, position, text) VALUES ($own, 1, 'Bring boots'), ($pending, 1, 'Read the manual')"
class=$(sql "INSERT INTO course_classes (course_id, starts_at, ends_at, location, instructor, created_at) VALUES ($own, '2026-05-04 09:00:00', '2026-05-04 17:00:00', 'Room 4', 'Ines Tructor', NOW(6)) RETURNING id")

# Certifications; the names sort as listed.
set -- $(cert "A completed $img_xss $tag" 0); done_fam=$1; done_ver=$2
set -- $(cert "B in progress $tag" 0); prog_fam=$1; prog_ver=$2
set -- $(cert "C expired $tag" 1); exp_fam=$1; exp_ver=$2
set -- $(cert "D provisional $tag" 1); prov_fam=$1; prov_ver=$2
set -- $(cert "E provisional too $tag" 1); prov2_fam=$1; prov2_ver=$2
set -- $(cert "F cancelled $tag" 0); gone_fam=$1; gone_ver=$2
sql "INSERT INTO certification_courses VALUES
    ($done_ver, $xss_course, 'required', 2), ($done_ver, $shared, 'required', 1),
    ($prog_ver, $pending, 'required', 1), ($prog_ver, $failed, 'required', 2),
    ($prog_ver, $shared, 'elective', 3),
    ($exp_ver, $old, 'required', 1), ($prov_ver, $prov, 'required', 1),
    ($prov2_ver, $prov, 'required', 1), ($gone_ver, $dropped, 'required', 1)"

done_id=$(enrol "$uid" "$done_fam" "$done_ver" completed "'2026-01-10'" "DATE_ADD(CURDATE(), INTERVAL 2 DAY)" NULL)
prog_id=$(enrol "$uid" "$prog_fam" "$prog_ver" in_progress NULL NULL "'2031-06-30'")
exp_id=$(enrol "$uid" "$exp_fam" "$exp_ver" completed "'2024-01-05'" "DATE_SUB(CURDATE(), INTERVAL 2 DAY)" NULL)
prov_id=$(enrol "$uid" "$prov_fam" "$prov_ver" completed "'2026-02-01'" NULL NULL)
prov2_id=$(enrol "$uid" "$prov2_fam" "$prov2_ver" completed "'2026-02-01'" NULL NULL)
gone_id=$(enrol "$uid" "$gone_fam" "$gone_ver" cancelled NULL NULL NULL)
sql "UPDATE enrollments SET cancelled_on = '2026-03-03' WHERE id = $gone_id"
register "$uid" "$shared" completed 91.5 "'2026-01-08'"
register "$uid" "$xss_course" completed 85 "'2026-01-10'"
register "$uid" "$pending" registered NULL NULL
register "$uid" "$failed" failed 40 NULL
register "$uid" "$old" completed NULL "'2024-01-05'"
register "$uid" "$prov" completed 100 "'2026-02-01'"
register "$uid" "$own" in_progress NULL NULL
register "$uid" "$dropped" cancelled NULL NULL
sql "UPDATE course_registrations SET class_id = $class WHERE user_id = $uid AND course_id = $own"
sql "UPDATE course_registrations SET cancelled_on = '2026-03-04' WHERE user_id = $uid AND course_id = $dropped"
sql "INSERT INTO external_courses (user_id, title, provider, starts_on, ends_on, status, attended, created_at, updated_at) VALUES ($uid, 'Forklift $script_xss $tag', 'Depot Academy', '2025-09-01', '2025-09-03', 'completed', 1, NOW(6), NOW(6))"

# rows FILE: prints the row headers of the certifications table in page
# order, each as "Certification NAME" or "Course NAME".
rows() {
	sed -n '/id="t-certifications"/,/id="t-independent"/p' "$1" | sed -n \
	    -e 's/^<tr class="row-certification"><th scope="row"><span class="visually-hidden">Certification: <\/span>\([^<]*\) <span.*/Certification \1/p' \
	    -e 's/^<tr class="row-course"><th scope="row">\([^<]*\) <span.*/Course \1/p'
}
# sections FILE: prints the text of the transcript without tags, the
# checklist links' targets and the admin's action.
sections() {
	sed -n '/id="t-certifications"/,/<\/main>/p' "$1" |
	    sed -e 's/<[^>]*>//g' -e 's/Remove completed status//' |
	    grep -v '^[[:space:]]*$'
}

# ------------------------------------------------------------ learner
use_cookie_jar learner
sign_in "$learner" 'learner pass 123'
request GET /learn/
like 'href="/learn/transcript">Transcript</a>' "learner nav links the Transcript tab"
request GET /learn/transcript
is "$STATUS" 200 "Transcript tab opens"
like 'href="/learn/transcript" aria-current="page">Transcript</a>' "Transcript tab marked current"
cp "$RESPONSE_BODY" "$HTTP_TEST_DIR/learner.html"

expected="Certification A completed $img_esc $tag
Course Shared course $tag
Course $script_esc $tag
Certification B in progress $tag
Course Pending course $tag
Course Failed course $tag
Course Shared course $tag
Certification C expired $tag
Course Old course $tag
Certification D provisional $tag
Course Provisional course $tag
Certification E provisional too $tag
Course Provisional course $tag"
is "$(rows "$HTTP_TEST_DIR/learner.html")" "$expected" \
    "certifications by name, each followed by its courses in order"
like '<tr class="row-certification">' "certification rows carry the shading class"
like '<tr class="row-certification"><th scope="row"><span class="visually-hidden">Certification: </span>' \
    "certification rows labelled for screen readers"
like '<tr class="row-course"><th scope="row">' "course rows plain"
unlike "F cancelled $tag</span>" "cancelled enrolment not among the certifications"
unlike "$script_xss" "course name escaped"
unlike "$img_xss" "certification name escaped"
like "$script_esc $tag" "escaped course name shown"

# Statuses, dates, scores and credit hours of single rows.
row_of() {
	awk -v name="$1" 'index($0, name) { found = 1 } found { print } found && /<\/tr>/ { exit }' \
	    "$HTTP_TEST_DIR/learner.html" | tr -d '\n'
}
like_row() {
	if row_of "$1" | grep -qF -- "$2"; then
		tap_result 0 "$3"
	else
		tap_result 1 "$3"
		diag "  row of '$1': $(row_of "$1")"
	fi
}
like_row "A completed $img_esc" '<span class="badge badge-completed">Completed</span>' "completed certification reads Completed"
like_row "A completed $img_esc" '<td>2026-01-10</td>' "completed certification shows its complete date"
like_row "A completed $img_esc" 'Expires on' "completed certification shows its expiry"
like_row "B in progress $tag" 'In progress</span>' "in-progress certification reads In progress"
like_row "B in progress $tag" '<td>2031-06-30</td>' "in-progress certification shows its complete-by date"
like_row "C expired $tag" '<span class="badge badge-expired">Expired</span>' \
    "certification past its expires-on date reads Expired"
is "$(sql "SELECT status FROM enrollments WHERE id = $exp_id")" completed \
    "expired certification still stored as completed"
like_row "Pending course $tag" '>Registered</span>' "registered course reads Registered"
like_row "Failed course $tag" '<span class="badge badge-failed">Failed</span>' "failed course reads Failed"
like_row "Failed course $tag" '<td>40.00</td>' "failed course shows its score"
like_row "$script_esc $tag" '<td>85.00</td>' "completed course shows its score"
like_row "$script_esc $tag" '<td>1.25</td>' "completed course shows its credit hours"
like_row "Shared course $tag" '<td>2026-01-08</td>' "completed course shows its complete date"
like_row "Pending course $tag" "href=\"/learn/courses/$pending/checklist\"" \
    "course with checklist items links the learner's checklist"
unlike "href=\"/learn/courses/$failed/checklist\"" "course without checklist items has no link"
like '<th scope="col">Certificate ID</th>' "Certificate ID column present"
like '<dt>Credit hours earned</dt><dd>7.25</dd>' "credit hours earned count each completed course once"

# Independent, cancelled and external courses.
sed -n '/id="t-independent"/,/id="t-cancelled"/p' "$HTTP_TEST_DIR/learner.html" >"$HTTP_TEST_DIR/own"
if grep -qF "Own course $tag" "$HTTP_TEST_DIR/own"; then r=0; else r=1; fi
tap_result $r "independent course listed under Independent courses"
if grep -qF "Class on 2026-05-04, instructor Ines Tructor, Room 4" "$HTTP_TEST_DIR/own"; then r=0; else r=1; fi
tap_result $r "independent course shows its class, date and instructor"
if grep -qF "href=\"/learn/courses/$own/checklist\"" "$HTTP_TEST_DIR/own"; then r=0; else r=1; fi
tap_result $r "independent course links its checklist"
if grep -qF "Shared course $tag" "$HTTP_TEST_DIR/own"; then r=1; else r=0; fi
tap_result $r "courses of certifications are not independent"
sed -n '/id="t-cancelled"/,/id="t-external"/p' "$HTTP_TEST_DIR/learner.html" | tr -d '\n' >"$HTTP_TEST_DIR/gone"
if grep -qF "Dropped course $tag</th>      <td>Course</td>      <td>2026-03-04</td>" "$HTTP_TEST_DIR/gone"; then r=0; else r=1; fi
tap_result $r "cancelled registration listed with its cancellation date"
if grep -qF "F cancelled $tag</th>      <td>Certification</td>      <td>2026-03-03</td>" "$HTTP_TEST_DIR/gone"; then r=0; else r=1; fi
tap_result $r "cancelled enrolment listed with its cancellation date"
sed -n '/id="t-external"/,$p' "$HTTP_TEST_DIR/learner.html" | tr -d '\n' >"$HTTP_TEST_DIR/external"
if grep -qF "Forklift $script_esc $tag</th>      <td>Depot Academy</td>      <td>2025-09-01</td>      <td>2025-09-03</td>" "$HTTP_TEST_DIR/external"; then r=0; else r=1; fi
tap_result $r "external course listed with provider and dates"
if grep -qF "<td>Yes</td>" "$HTTP_TEST_DIR/external"; then r=0; else r=1; fi
tap_result $r "external course shows attendance"

request GET "/admin/users/$uid/transcript"
is "$STATUS" 403 "learner cannot open the admin's View Transcript"

# ------------------------------------------------------------ another learner
use_cookie_jar other
sign_in "$other" 'learner pass 123'
request GET /learn/transcript
is "$STATUS" 200 "another learner's Transcript tab opens"
unlike "$tag" "another learner sees none of the first learner's rows"
like '<dt>Credit hours earned</dt><dd>0.00</dd>' "another learner has no credit hours"
like "No certifications or course groups." "another learner's transcript is empty"

# ------------------------------------------------------------ admin
use_cookie_jar admin
sign_in "$admin" 'admin pass 123'
request GET "/admin/users/$uid"
like "href=\"/admin/users/$uid/transcript\">View Transcript</a>" "Edit a User links View Transcript"
request GET "/admin/users/$uid/registrations"
like "href=\"/admin/users/$uid/transcript\">View Transcript</a>" \
    "Manage Course Registrations links View Transcript"
request GET "/admin/users/$uid/transcript"
is "$STATUS" 200 "View Transcript opens"
cp "$RESPONSE_BODY" "$HTTP_TEST_DIR/admin.html"
like "Tess Cript" "View Transcript names the learner"
is "$(rows "$HTTP_TEST_DIR/admin.html")" "$expected" "admin sees the learner's rows"
is "$(sections "$HTTP_TEST_DIR/admin.html")" "$(sections "$HTTP_TEST_DIR/learner.html")" \
    "admin and learner see the same transcript text"
like "href=\"/admin/users/$uid/checklist?course=$pending\"" "admin's checklist link names user and course"
unlike "$script_xss" "course name escaped for the admin"
unlike "$img_xss" "certification name escaped for the admin"
like "transcript/revoke?enrollment=$prov_id\"" "provisional completed certification offers Remove completed status"
unlike "transcript/revoke?enrollment=$done_id\"" "no removal for a certification that is not provisional"
unlike "transcript/revoke?enrollment=$exp_id\"" "no removal for an expired provisional certification"
request GET "/admin/users/999999999/transcript"
is "$STATUS" 404 "transcript of an unknown user is 404"

# ------------------------------------------------------------ revocation
request GET "/admin/users/$uid/transcript/revoke?enrollment=$prov_id"
is "$STATUS" 200 "confirmation page opens"
like "D provisional $tag" "confirmation names the certification"
like 'name="reason"' "confirmation asks for a reason"
csrf=$(extract_csrf)
request POST "/admin/users/$uid/transcript/revoke" --data-urlencode "csrf=$csrf" \
    -d "enrollment=$prov_id" -d "reason=   "
is "$STATUS" 400 "removal without a reason is 400"
like 'id="reason-error"' "missing reason explained next to the field"
is "$(sql "SELECT status FROM enrollments WHERE id = $prov_id")" completed \
    "nothing changed without a reason"
long=$(printf '%1001s' '' | tr ' ' 'r')
request POST "/admin/users/$uid/transcript/revoke" --data-urlencode "csrf=$csrf" \
    -d "enrollment=$prov_id" -d "reason=$long"
is "$STATUS" 400 "a reason of 1001 characters is 400"
like 'id="reason-error"' "too long reason explained next to the field"
is "$(sql "SELECT status FROM enrollments WHERE id = $prov_id")" completed \
    "nothing changed with a too long reason"
request POST "/admin/users/$uid/transcript/revoke" --data-urlencode "csrf=$csrf" \
    -d "enrollment=$prov_id" --data-urlencode "reason=Audit failed $img_xss"
is "$STATUS" 303 "removal with a reason redirects"
header_is Location "/admin/users/$uid/transcript" "back to the transcript"
is "$(sql "SELECT status FROM enrollments WHERE id = $prov_id")" revoked "enrolment revoked"
is "$(sql "SELECT status_reason FROM enrollments WHERE id = $prov_id")" "Audit failed $img_xss" \
    "reason stored as typed"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'certification_revoke' AND target_id = $uid AND actor_id = $aid")" 1 \
    "audit log records the removal with the admin"
request GET "/admin/users/$uid/transcript"
cp "$RESPONSE_BODY" "$HTTP_TEST_DIR/admin.html"
like "Completed status removed." "flash confirms the removal"
like_row_admin() {
	awk -v name="$1" 'index($0, name) { found = 1 } found { print } found && /<\/tr>/ { exit }' \
	    "$HTTP_TEST_DIR/admin.html" | tr -d '\n' | grep -qF -- "$2"
}
if like_row_admin "D provisional $tag" '<span class="badge badge-revoked">Revoked</span>'; then r=0; else r=1; fi
tap_result $r "revoked certification reads Revoked"
if like_row_admin "D provisional $tag" "Reason: Audit failed $img_esc"; then r=0; else r=1; fi
tap_result $r "revoked certification shows the reason, escaped"
unlike "Audit failed $img_xss" "reason never shown unescaped"
unlike "transcript/revoke?enrollment=$prov_id\"" "no second removal offered"
request POST "/admin/users/$uid/transcript/revoke" --data-urlencode "csrf=$csrf" \
    -d "enrollment=$prov_id" -d "reason=again"
is "$STATUS" 409 "removing it again is 409"
request GET "/admin/users/$uid/transcript/revoke?enrollment=$done_id"
is "$STATUS" 409 "no removal of a certification that is not provisional"
request GET "/admin/users/$oid/transcript/revoke?enrollment=$prov2_id"
is "$STATUS" 404 "an enrolment of another user is 404"
request POST "/admin/users/$oid/transcript/revoke" --data-urlencode "csrf=$csrf" \
    -d "enrollment=$prov2_id" -d "reason=wrong user"
is "$STATUS" 404 "removal through another user is 404"
is "$(sql "SELECT status FROM enrollments WHERE id = $prov2_id")" completed \
    "and changes nothing"
reason=$(printf '%1000s' '' | sed 's/ /é/g')
request POST "/admin/users/$uid/transcript/revoke" --data-urlencode "csrf=$csrf" \
    -d "enrollment=$prov2_id" --data-urlencode "reason=$reason"
is "$STATUS" 303 "a reason of 1000 characters is accepted"
is "$(sql "SELECT status_reason FROM enrollments WHERE id = $prov2_id")" "$reason" \
    "the long reason is stored byte for byte"
request POST "/admin/users/$uid/transcript/revoke" -d "enrollment=$prov2_id" -d "reason=x"
is "$STATUS" 403 "removal without the CSRF token is 403"

use_cookie_jar learner
request GET /learn/transcript
if awk -v name="D provisional $tag" 'index($0, name) { found = 1 } found { print } found && /<\/tr>/ { exit }' \
    "$RESPONSE_BODY" | tr -d '\n' | grep -qF "Revoked</span><br><span class=\"small\">Reason: Audit failed $img_esc"; then r=0; else r=1; fi
tap_result $r "learner sees Revoked with the reason"
unlike "transcript/revoke" "learner is offered no removal"

# ------------------------------------------------------------ outbox
box=$(printf 'box%s' "$tag" | tr 'A-Z' 'a-z')
sql "INSERT INTO mail_outbox (user_id, recipient, subject, body, kind, dedupe_key, status, attempts, last_error, created_at, sent_at) VALUES
    ($uid, '$box-queued@example.org', 'Queued $script_xss', '', 'completion', '$box-1', 'queued', 0, '', '2026-11-01 10:00:00', NULL),
    ($uid, '$box-sent@example.org', 'Sent subject', '', 'completion', '$box-2', 'sent', 1, '', '2026-11-02 10:00:00', '2026-11-02 10:01:00'),
    (NULL, '$box-failed@example.org', 'Failed subject', '', 'completion', '$box-3', 'failed', 5, 'relay said $img_xss', '2026-11-03 10:00:00', NULL)"
i=1
values=
while [ "$i" -le 55 ]; do
	values="$values${values:+,}(NULL, '$box-page@example.org', 'Page $i', '', 'test', '$box-p$i', 'queued', 0, '', DATE_ADD('2026-10-01', INTERVAL $i MINUTE), NULL)"
	i=$((i + 1))
done
sql "INSERT INTO mail_outbox (user_id, recipient, subject, body, kind, dedupe_key, status, attempts, last_error, created_at, sent_at) VALUES $values"

use_cookie_jar admin
request GET "/admin/"
like 'href="/admin/outbox">Outbox</a>' "admin nav links the outbox"
request GET "/admin/outbox?q=$box"
is "$STATUS" 200 "outbox opens"
like "$box-queued@example.org" "queued message listed"
like "$box-sent@example.org" "sent message listed"
like "$box-failed@example.org" "failed message listed"
like "relay said $img_esc" "last error shown escaped"
unlike "$img_xss" "last error never unescaped"
unlike "Queued $script_xss" "subject never unescaped"
like "<td class=\"num\">5</td>" "attempts shown"
order=$(grep -o "$box-[a-z]*@example.org" "$RESPONSE_BODY" | uniq | tr '\n' ' ')
is "$order" "$box-failed@example.org $box-sent@example.org $box-queued@example.org $box-page@example.org " \
    "newest first"
request GET "/admin/outbox?q=$box&status=failed"
like "$box-failed@example.org" "status filter keeps failed messages"
unlike "$box-queued@example.org" "status filter drops queued messages"
unlike "$box-sent@example.org" "status filter drops sent messages"
like '<option value="failed" selected>' "status filter stays selected"
request GET "/admin/outbox?q=$box-page&status=queued"
is "$(grep -c "$box-page@example.org" "$RESPONSE_BODY")" 50 "first page shows 50 messages"
like "Page 55 <span" "first page starts with the newest"
like 'rel="next"' "first page links the next"
request GET "/admin/outbox?q=$box-page&status=queued&page=2"
is "$(grep -c "$box-page@example.org" "$RESPONSE_BODY")" 5 "second page shows the other 5"
like "Page 1 <span" "second page ends with the oldest"
unlike 'rel="next"' "no page after the last"
request GET "/admin/outbox?status=bogus&q=$box"
like "$box-queued@example.org" "unknown status shows every message"

use_cookie_jar learner
request GET /admin/outbox
is "$STATUS" 403 "learner cannot open the outbox"

done_testing
