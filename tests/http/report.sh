#!/bin/sh
# The Certification Expiration Report: its form and date checks, the
# inclusive date range, the grid's columns, sort and pages, Edit Report,
# the CSV download through laurel-worker (parsed with python3's csv
# module), the jobs pages, access, and a worker killed with kill -9 in the
# middle of an export.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/user.sh"

command -v python3 >/dev/null || bail_out "python3 is needed to parse the CSV"

worker_stopped=
other_pid=
finish() {
	# The stack's worker must never stay stopped after this test.
	if [ -n "$worker_stopped" ]; then
		kill -CONT "$LAUREL_TEST_WORKER_PID" 2>/dev/null
	fi
	if [ -n "$other_pid" ]; then
		kill -9 "$other_pid" 2>/dev/null
	fi
	http_cleanup
}
trap finish EXIT

pause_worker() {
	kill -STOP "$LAUREL_TEST_WORKER_PID" || bail_out "cannot pause laurel-worker"
	worker_stopped=1
}
resume_worker() {
	kill -CONT "$LAUREL_TEST_WORKER_PID"
	worker_stopped=
}

# wait_for SQL VALUE: polls SQL until it prints VALUE, for at most 30 s.
# Returns 1 when it never did.
wait_for() {
	_wf_n=0
	while [ "$(sql "$1")" != "$2" ]; do
		_wf_n=$((_wf_n + 1))
		[ "$_wf_n" -ge 300 ] && return 1
		sleep 0.1
	done
	return 0
}

tag=$(unique_name R | tr -d -)
admin=$(unique_name radmin)
admin2=$(unique_name radmin2)
learner=$(unique_name rlearner)
add_user "$admin" admin 'admin pass 123'
add_user "$admin2" admin 'admin pass 123'
add_user "$learner" learner 'learner pass 123'

day() { date -u -d "$1" +%F; }
today=$(date -u +%F)
yesterday=$(day "$today - 1 day")
# A range far ahead, and different in each run, so rows of other tests
# and earlier runs do not fall into it.
d0=$(day "$today + $((5000 + $$ % 3000)) days")
d5=$(day "$d0 + 5 days")
d10=$(day "$d0 + 10 days")
d11=$(day "$d0 + 11 days")
before=$(day "$d0 - 1 day")

# ------------------------------------------------------------ data
# family NAME: a family with one version; prints "family version".
family() {
	_fam=$(sql "INSERT INTO certification_families (created_at) VALUES (NOW(6)) RETURNING id")
	_ver=$(sql "INSERT INTO certifications (family_id, version, name, description, created_at, updated_at) VALUES ($_fam, 1, '$1', '', NOW(6), NOW(6)) RETURNING id")
	echo "$_fam $_ver"
}
# learner LOGIN FIRST LAST EMAIL (SQL literals): prints the user id.
learner_row() {
	sql "INSERT INTO users (login, first_name, last_name, email, role, created_at, updated_at) VALUES ($1, $2, $3, $4, 'learner', NOW(6), NOW(6)) RETURNING id"
}
# enrol USER FAMILY VERSION STATUS COMPLETED_ON EXPIRES_ON: prints the id.
enrol() {
	sql "INSERT INTO enrollments (user_id, family_id, certification_id, method, enrolled_at, enrolled_on, status, completed_on, expires_on) VALUES ($1, $2, $3, 'admin', NOW(6), CURDATE(), '$4', '$5', '$6') RETURNING id"
}
group() {
	sql "INSERT INTO user_groups (name, created_at, updated_at) VALUES ('$1', NOW(6), NOW(6)) RETURNING id"
}

# Ladder: version 1 "Ladder basics", version 2 "Ladder safety" (newest).
set -- $(family "Ladder basics $tag"); lfam=$1; lv1=$2
sql "UPDATE certifications SET is_newest = 0 WHERE id = $lv1"
lv2=$(sql "INSERT INTO certifications (family_id, version, name, description, created_at, updated_at) VALUES ($lfam, 2, 'Ladder safety $tag', '', NOW(6), NOW(6)) RETURNING id")

u1=$(learner_row "'zoe$tag'" "'Zoë'" "'Ångström-Łukasiewicz'" "'zoe@example.org'")
u2=$(learner_row "'ivan$tag'" "'Иван'" "'Петров'" "'-ivan@example.org'")
u3=$(learner_row "'quote$tag'" "'=1+1'" "'O\"Brien, Jr.\nSecond line'" "'@home.example'")
u4=$(learner_row "'late$tag'" "'Late'" "'Day after'" "'late@example.org'")
u5=$(learner_row "'early$tag'" "'Early'" "'Day before'" "'early@example.org'")
u6=$(learner_row "'gone$tag'" "'Gone'" "'Revoked'" "'gone@example.org'")
u7=$(learner_row "'busy$tag'" "'Busy'" "'Learning'" "'busy@example.org'")
u8=$(learner_row "'quit$tag'" "'Quit'" "'Cancelled'" "'quit@example.org'")

ga=$(group "Alpha $tag"); gb=$(group "Beta $tag"); gp=$(group "+Plus $tag")
sql "INSERT INTO user_group_members (group_id, user_id, added_at) VALUES ($gb, $u1, NOW(6)), ($ga, $u1, NOW(6)), ($gp, $u3, NOW(6))"

e1=$(enrol "$u1" "$lfam" "$lv1" completed 2030-01-10 "$d0")
e2=$(enrol "$u2" "$lfam" "$lv2" expired 2031-02-20 "$d10")
e3=$(enrol "$u3" "$lfam" "$lv2" completed 2031-03-30 "$d5")
enrol "$u4" "$lfam" "$lv2" completed 2031-01-01 "$d11" >/dev/null
enrol "$u5" "$lfam" "$lv2" completed 2031-01-01 "$before" >/dev/null
enrol "$u6" "$lfam" "$lv2" revoked 2031-01-01 "$d5" >/dev/null
enrol "$u7" "$lfam" "$lv2" in_progress 2031-01-01 "$d5" >/dev/null
enrol "$u8" "$lfam" "$lv2" cancelled 2031-01-01 "$d5" >/dev/null
# A certificate for u1's completion, and one for an earlier completion of
# u2 that the report must not show.
sql "INSERT INTO certificates (enrollment_id, completed_on, expires_on, user_id, family_id, certification_id, number, number_text, verification_code, issued_at, issued_on) VALUES
    ($e1, '2030-01-10', '$d0', $u1, $lfam, $lv1, 42, 'LS-000042', LEFT(MD5('$tag-1'), 16), NOW(6), CURDATE()),
    ($e2, '2029-02-20', NULL, $u2, $lfam, $lv2, 7, 'LS-000007', LEFT(MD5('$tag-2'), 16), NOW(6), CURDATE())"

# Paging: 55 learners in a family of their own.
set -- $(family "Paging $tag"); pfam=$1; pver=$2
sql "INSERT INTO users (login, first_name, last_name, email, role, created_at, updated_at) SELECT CONCAT('page$tag-', LPAD(seq, 2, '0')), 'Page', CONCAT('Learner ', LPAD(seq, 2, '0')), '', 'learner', NOW(6), NOW(6) FROM seq_1_to_55"
sql "INSERT INTO enrollments (user_id, family_id, certification_id, method, enrolled_at, enrolled_on, status, completed_on, expires_on) SELECT id, $pfam, $pver, 'admin', NOW(6), CURDATE(), 'completed', '2031-01-01', '$d5' FROM users WHERE login LIKE 'page$tag-%'"

# grid FILE: prints the report's table rows; csv_rows FILE: the CSV
# export's records, then "BOM yes|no" and "CRLF yes|no" (report_rows.py).
report_rows=$(dirname "$0")/report_rows.py
grid() { python3 "$report_rows" grid "$1"; }
csv_rows() { python3 "$report_rows" csv "$1"; }

# ------------------------------------------------------------ access
use_cookie_jar learner
sign_in "$learner" 'learner pass 123'
request GET /admin/reports
is "$STATUS" 403 "learner gets 403 for Reports"
request GET "/admin/reports/expiration?start=$d0&end=$d10"
is "$STATUS" 403 "learner gets 403 for the report"
request GET /admin/jobs
is "$STATUS" 403 "learner gets 403 for the jobs list"

use_cookie_jar admin
sign_in "$admin" 'admin pass 123'

# ------------------------------------------------------------ Reporting tab
request GET /admin/reports
is "$STATUS" 200 "Reports page opens"
like 'href="/admin/reports" aria-current="page">Reporting</a>' "Reporting tab in the admin navigation, marked current"
like '<a href="/admin/reports/expiration">Certification Expiration Report</a>' "Reports page lists the expiration report"

# ------------------------------------------------------------ form
request GET /admin/reports/expiration
is "$STATUS" 200 "report form opens"
like "id=\"start\" name=\"start\" type=\"date\" value=\"$today\"" "Start Date defaults to today"
like "id=\"end\" name=\"end\" type=\"date\" value=\"$(day "$today + 90 days")\"" "End Date defaults to today + 90 days"
like '<option value="">All certifications</option>' "All certifications offered"
like "<option value=\"$lfam\">Ladder safety $tag</option>" "family listed by its newest version's name"
unlike "Ladder basics $tag</option>" "older version's name not offered"

# ------------------------------------------------------------ date checks
# field_error FIELD: prints the error shown by FIELD, or nothing.
field_error() {
	sed -n "s/.*<p class=\"field-error\" id=\"$1-error\">\([^<]*\)<.*/\1/p" "$RESPONSE_BODY"
}

request GET "/admin/reports/expiration?start=$yesterday&end=$d0&certification="
is "$STATUS" 400 "past start date: 400"
is "$(field_error start)" "Start Date must be today ($today) or later." "past start date: error by Start Date"
is "$(field_error end)" "" "past start date: no error by End Date"
like "value=\"$yesterday\"" "past start date: form shows the value again"

request GET "/admin/reports/expiration?start=$today&end=$yesterday&certification="
is "$STATUS" 400 "past end date: 400"
is "$(field_error end)" "End Date must be today ($today) or later." "past end date: error by End Date"
is "$(field_error start)" "" "past end date: no error by Start Date"

request GET "/admin/reports/expiration?start=$d10&end=$d0&certification="
is "$STATUS" 400 "start after end: 400"
is "$(field_error end)" "End Date must be on or after the Start Date." "start after end: error by End Date"

request GET "/admin/reports/expiration?start=2031-02-30&end=next+week&certification="
is "$STATUS" 400 "bad date text: 400"
is "$(field_error start)" "Start Date must be a real date written YYYY-MM-DD, such as 2026-12-05." "impossible date: error by Start Date"
is "$(field_error end)" "End Date must be a real date written YYYY-MM-DD, such as 2026-12-05." "date text: error by End Date"

request GET "/admin/reports/expiration?start=$d0&end=&certification=abc"
is "$STATUS" 400 "missing end date and unknown certification: 400"
is "$(field_error end)" "End Date is required." "missing end date: error by End Date"
is "$(field_error certification)" "Certification must be one of the list; choose All certifications to include every one." "unknown certification: error by Certification"

# ------------------------------------------------------------ grid
request GET "/admin/reports/expiration?start=$d0&end=$d10&certification=$lfam"
is "$STATUS" 200 "report runs"
like "3 certifications expire from $d0 to $d10, both days included, in Ladder safety $tag." "row count and range shown"
for h in Login 'First Name' 'Last Name' Email 'User Groups' Certification Version 'Completed On' 'Expires On' 'Certificate Number'; do
	like ">$h</a></th>" "column $h shown with a sort link"
done
grid "$RESPONSE_BODY" >"$HTTP_TEST_DIR/grid-default"
expected="zoe$tag | Zoë | Ångström-Łukasiewicz | zoe@example.org | Alpha $tag, Beta $tag | Ladder basics $tag | 1 | 2030-01-10 | $d0 | LS-000042
quote$tag | =1+1 | O\"Brien, Jr.\\nSecond line | @home.example | +Plus $tag | Ladder safety $tag | 2 | 2031-03-30 | $d5 | 
ivan$tag | Иван | Петров | -ivan@example.org |  | Ladder safety $tag | 2 | 2031-02-20 | $d10 | "
is "$(cat "$HTTP_TEST_DIR/grid-default")" "$expected" "grid rows, columns and values, by expiry date"
like "O&quot;Brien, Jr." "quote in a name escaped in HTML"
unlike "late$tag" "expiring the day after the end date: left out"
unlike "early$tag" "expiring the day before the start date: left out"
unlike "gone$tag" "revoked: left out"
unlike "busy$tag" "in progress: left out"
unlike "quit$tag" "cancelled: left out"
unlike "LS-000007" "certificate of an earlier completion not shown"

request GET "/admin/reports/expiration?start=$d10&end=$d10&certification=$lfam"
like "1 certification expires from $d10 to $d10" "one-day range holds the row expiring on it"
like "ivan$tag" "row expiring on the start and end date is in"

# All certifications contains this test's rows of both families.
request GET "/admin/reports/expiration?start=$d0&end=$d10&certification="
like "58 certifications expire" "All certifications counts both families"

# Sorting.
request GET "/admin/reports/expiration?sort=last&dir=desc&start=$d0&end=$d10&certification=$lfam"
is "$STATUS" 200 "sorted report runs"
is "$(grid "$RESPONSE_BODY" | cut -d'|' -f1 | tr -d ' ' | tr '\n' ' ')" "ivan$tag quote$tag zoe$tag " "sorted by Last Name, descending"
like 'aria-sort="descending"><a class="sort-link" href="/admin/reports/expiration?sort=last&amp;dir=asc' "Last Name header marked and reverses the order"
like "&amp;start=$d0&amp;end=$d10&amp;certification=$lfam\">Login</a>" "sort links keep the report's parameters"
request GET "/admin/reports/expiration?sort=groups&start=$d0&end=$d10&certification=$lfam"
is "$(grid "$RESPONSE_BODY" | cut -d'|' -f1 | tr -d ' ' | tr '\n' ' ')" "ivan$tag quote$tag zoe$tag " "sorted by User Groups, no group first"

# Paging.
request GET "/admin/reports/expiration?sort=login&start=$d0&end=$d10&certification=$pfam"
is "$(grid "$RESPONSE_BODY" | wc -l | tr -d ' ')" 50 "first page shows 50 rows"
like "55 certifications expire" "count covers every page"
is "$(grid "$RESPONSE_BODY" | sed -n 1p | cut -d'|' -f1 | tr -d ' ')" "page$tag-01" "first page starts at the first login"
like "rel=\"next\" href=\"/admin/reports/expiration?page=2&amp;sort=login&amp;dir=asc&amp;start=$d0&amp;end=$d10&amp;certification=$pfam\"" "Next link keeps sort and parameters"
request GET "/admin/reports/expiration?page=2&sort=login&dir=asc&start=$d0&end=$d10&certification=$pfam"
is "$(grid "$RESPONSE_BODY" | cut -d'|' -f1 | tr -d ' ' | tr '\n' ' ')" "page$tag-51 page$tag-52 page$tag-53 page$tag-54 page$tag-55 " "second page shows the last 5 rows"
like 'Showing 51–55 of 55' "second page numbers its rows out of the count"
request GET "/admin/reports/expiration?page=3&sort=login&dir=asc&start=$d0&end=$d10&certification=$pfam"
like 'This page is past the end of the 55 rows' "page past the end says so"
like 'rel="prev"' "page past the end links back"

# Edit Report.
request GET "/admin/reports/expiration?start=$d0&end=$d10&certification=$lfam"
like "href=\"/admin/reports/expiration?edit=1&amp;start=$d0&amp;end=$d10&amp;certification=$lfam&amp;sort=expires&amp;dir=asc\">Edit Report</a>" "Edit Report link carries the values"

# Edit Report keeps the grid's order: the form submits it with the new
# values.
request GET "/admin/reports/expiration?edit=1&start=$d0&end=$d10&certification=$lfam&sort=last&dir=desc"
like '<input type="hidden" name="sort" value="last">' "Edit Report keeps the sort column"
like '<input type="hidden" name="dir" value="desc">' "Edit Report keeps the sort direction"
request GET "/admin/reports/expiration?edit=1&start=$d0&end=$d10&certification=$lfam&sort=nosuchcolumn"
unlike 'name="sort"' "Edit Report drops an unknown sort column"
request GET "/admin/reports/expiration?edit=1&start=$d0&end=$d10&certification=$lfam"
is "$STATUS" 200 "Edit Report opens the form"
like "id=\"start\" name=\"start\" type=\"date\" value=\"$d0\"" "Edit Report keeps Start Date"
like "id=\"end\" name=\"end\" type=\"date\" value=\"$d10\"" "Edit Report keeps End Date"
like "<option value=\"$lfam\" selected>Ladder safety $tag</option>" "Edit Report keeps the certification"

# ------------------------------------------------------------ CSV download
request GET "/admin/reports/expiration?sort=last&dir=desc&start=$d0&end=$d10&certification=$lfam"
grid "$RESPONSE_BODY" >"$HTTP_TEST_DIR/grid-sorted"
csrf=$(extract_csrf)

request POST /admin/reports/expiration/csv --data-urlencode "csrf=$csrf" \
    -d start=2020-01-01 -d "end=$d10" -d "certification=$lfam"
is "$STATUS" 400 "Download CSV with a past date: 400"
is "$(field_error start)" "Start Date must be today ($today) or later." "Download CSV checks the dates too"

# The worker waits, so the queued job can be seen.
pause_worker
request POST /admin/reports/expiration/csv --data-urlencode "csrf=$csrf" \
    -d "start=$d0" -d "end=$d10" -d "certification=$lfam" -d sort=last -d dir=desc
is "$STATUS" 303 "Download CSV queues a job"
location=$(header_value Location)
job=${location#/admin/jobs/}
is "$location" "/admin/jobs/$job" "redirect to the job's page"
is "$(sql "SELECT CONCAT(kind, ' ', state) FROM jobs WHERE id = $job")" "csv_export queued" "job is a queued csv_export"

request GET "$location"
is "$STATUS" 200 "job page opens"
like '<meta http-equiv="refresh" content="1">' "queued job's page refreshes itself"
like '<progress id="job-progress" max="100" value="0">' "queued job's page shows a progress bar"
like 'The CSV export is queued.' "job page confirms the queueing"
like "to $d10, in Ladder safety $tag." "job page names the newest version's certification"
unlike "/admin/jobs/$job/download" "no download link before the job is done"
request GET "/admin/jobs/$job/download"
is "$STATUS" 409 "download before done: 409"
like "has not finished yet" "download before done says why"
header_is X-Accel-Redirect "" "download before done sends no file"

resume_worker
wait_for "SELECT state FROM jobs WHERE id = $job" done || diag "job $job did not finish"
request GET "$location"
unlike 'http-equiv="refresh"' "done job's page stops refreshing"
like '<progress id="job-progress" max="100" value="100">' "done job's progress is 100"
# The file name carries the certification's name in lower case, with a
# hyphen for each run of spaces and punctuation.
file="certification-expiration-ladder-safety-$(printf %s "$tag" | tr A-Z a-z)-$d0-to-$d10.csv"
like "href=\"/admin/jobs/$job/download\" download>Download $file</a>" "done job offers its download"

request GET "/admin/jobs/$job/download"
is "$STATUS" 200 "download: 200"
header_is Content-Type "text/csv; charset=utf-8" "download is text/csv"
header_is Content-Disposition "attachment; filename=\"$file\"; filename*=UTF-8''$file" "download has a safe file name"
cp "$RESPONSE_BODY" "$HTTP_TEST_DIR/export.csv"
csv_rows "$HTTP_TEST_DIR/export.csv" >"$HTTP_TEST_DIR/export.rows"
is "$(head -n 1 "$HTTP_TEST_DIR/export.rows")" "Login | First Name | Last Name | Email | User Groups | Certification | Version | Completed On | Expires On | Certificate Number" "CSV header row first"
is "$(grep -c '' "$HTTP_TEST_DIR/export.rows")" 6 "CSV holds the header, 3 rows, and the checks"
is "$(sed -n 2p "$HTTP_TEST_DIR/export.rows")" "ivan$tag | Иван | Петров | '-ivan@example.org |  | Ladder safety $tag | 2 | 2031-02-20 | $d10 | " "CSV keeps Cyrillic and empty cells, neutralises -"
is "$(sed -n 3p "$HTTP_TEST_DIR/export.rows")" "quote$tag | '=1+1 | O\"Brien, Jr.\\nSecond line | '@home.example | '+Plus $tag | Ladder safety $tag | 2 | 2031-03-30 | $d5 | " "CSV keeps quotes, commas and line breaks and neutralises formulas"
# The grid's rows with the formula cells neutralised are the CSV's rows.
sed -e "s/ | =1+1 | / | '=1+1 | /" -e "s/ | @home.example | / | '@home.example | /" \
    -e "s/ | +Plus / | '+Plus /" -e "s/ | -ivan@/ | '-ivan@/" "$HTTP_TEST_DIR/grid-sorted" >"$HTTP_TEST_DIR/grid-neutral"
is "$(sed -n '2,4p' "$HTTP_TEST_DIR/export.rows")" "$(cat "$HTTP_TEST_DIR/grid-neutral")" "CSV rows equal the grid's rows in the grid's order"
is "$(sed -n 5p "$HTTP_TEST_DIR/export.rows")" "BOM yes" "CSV starts with a byte-order mark by default"
is "$(sed -n 6p "$HTTP_TEST_DIR/export.rows")" "CRLF yes" "CSV records end with CRLF"
is "$(head -c 9 "$HTTP_TEST_DIR/export.csv" | od -An -tx1 | tr -d ' \n')" "efbbbf224c6f67696e" "file starts with the BOM and the quoted first header"

# Another admin can open the job, but a learner cannot.
use_cookie_jar admin2
sign_in "$admin2" 'admin pass 123'
request GET "/admin/jobs/$job"
is "$STATUS" 200 "another admin opens the job"
like "<dd>$admin</dd>" "job page names the admin who queued it"
request GET /admin/jobs
like "href=\"/admin/jobs/$job\">Certification Expiration Report (CSV)</a>" "jobs list shows another admin's job"
use_cookie_jar learner
request GET "/admin/jobs/$job"
is "$STATUS" 403 "learner gets 403 for a job"
request GET "/admin/jobs/$job/download"
is "$STATUS" 403 "learner gets 403 for a download"
use_cookie_jar admin

# Reports.CsvByteOrderMark = no, with a worker of that configuration.
sed 's/^Reports.CsvByteOrderMark = .*/Reports.CsvByteOrderMark = no/' \
    "$LAUREL_TEST_CONFIG" >"$HTTP_TEST_DIR/nobom.hdf"
pause_worker
request GET "/admin/reports/expiration?start=$d0&end=$d10&certification=$lfam"
csrf=$(extract_csrf)
request POST /admin/reports/expiration/csv --data-urlencode "csrf=$csrf" \
    -d "start=$d0" -d "end=$d10" -d "certification=$lfam"
nobom_job=$(header_value Location | sed 's,.*/,,')
"$LAUREL_BUILDDIR/worker/laurel-worker" -1 -c "$HTTP_TEST_DIR/nobom.hdf" \
    >"$HTTP_TEST_DIR/nobom.log" 2>&1
resume_worker
is "$(sql "SELECT state FROM jobs WHERE id = $nobom_job")" done "worker -1 ran the waiting export"
request GET "/admin/jobs/$nobom_job/download"
is "$(csv_rows "$RESPONSE_BODY" | sed -n 5p)" "BOM no" "no byte-order mark with CsvByteOrderMark = no"
is "$(head -c 6 "$RESPONSE_BODY")" '"Login' "file then starts with the first header"

# A purged file is a clear 404, never a broken download.
sql "UPDATE jobs SET result_file = '' WHERE id = $nobom_job"
request GET "/admin/jobs/$nobom_job/download"
is "$STATUS" 404 "download of a deleted file: 404"
like "file was deleted" "deleted file explained"
request GET "/admin/jobs/$nobom_job"
like "Run the report again for a new file." "job page says the file was deleted"

# ------------------------------------------------------------ failed job
bad=$(sql "INSERT INTO jobs (kind, payload, run_after, created_at) VALUES ('csv_export', 'report=none', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)) RETURNING id")
wait_for "SELECT state FROM jobs WHERE id = $bad" failed || diag "job $bad did not fail"
request GET "/admin/jobs/$bad"
like '<span class="badge badge-failed">Failed</span>' "failed job shown as failed"
like "The export names no known report." "failed job shows its error"
like "action=\"/admin/jobs/$bad/retry\"" "failed job offers Try again"
request GET "/admin/jobs/$bad/download"
is "$STATUS" 409 "download of a failed job: 409"
request GET "/admin/jobs?state=failed"
like "href=\"/admin/jobs/$bad\">csv_export</a>" "state filter shows the failed job"
like "The export names no known report." "jobs list shows the error"
unlike "href=\"/admin/jobs/$job\"" "state filter hides done jobs"
csrf=$(extract_csrf)
pause_worker
request POST "/admin/jobs/$bad/retry" --data-urlencode "csrf=$csrf"
is "$STATUS" 303 "Try again redirects"
is "$(sql "SELECT CONCAT(state, ' ', attempts) FROM jobs WHERE id = $bad")" "queued 0" "Try again queues the job with attempts 0"
request POST "/admin/jobs/$bad/retry" --data-urlencode "csrf=$csrf"
is "$STATUS" 409 "Try again of a job that is not failed: 409"
resume_worker
wait_for "SELECT state FROM jobs WHERE id = $bad" failed || diag "job $bad did not fail again"

# ------------------------------------------------------------ kill -9
# 20,000 rows in a family of their own; progress comes every 1,000 rows.
set -- $(family "Bulk $tag"); bfam=$1; bver=$2
sql "INSERT INTO users (login, first_name, last_name, email, role, created_at, updated_at) SELECT CONCAT('bulk$tag-', seq), 'Bulk', CONCAT('Learner ', seq), CONCAT('bulk', seq, '@example.org'), 'learner', NOW(6), NOW(6) FROM seq_1_to_20000"
sql "INSERT INTO enrollments (user_id, family_id, certification_id, method, enrolled_at, enrolled_on, status, completed_on, expires_on) SELECT id, $bfam, $bver, 'admin', NOW(6), CURDATE(), 'completed', '2031-01-01', '$d5' FROM users WHERE login LIKE 'bulk$tag-%'"

# hold SECONDS SQL: runs SQL and then SLEEP(SECONDS) in a client of its
# own, in the background; SECONDS names the session for release.
hold() {
	mariadb --no-defaults --socket="$LAUREL_TEST_DB_SOCKET" --user=root \
	    laurel -e "$2; SELECT SLEEP($1)" >/dev/null 2>&1 &
}
release() {
	_rl_id=$(sql "SELECT id FROM information_schema.processlist WHERE info = 'SELECT SLEEP($1)'")
	[ -n "$_rl_id" ] && sql "KILL $_rl_id"
}

# The stack's worker waits; the extra worker gets the job and stops at
# the report's table, held by a lock.
request GET "/admin/reports/expiration?start=$d0&end=$d10&certification=$bfam"
csrf=$(extract_csrf)
pause_worker
hold 61 "LOCK TABLES certificates WRITE"
wait_for "SELECT COUNT(*) FROM information_schema.processlist WHERE info = 'SELECT SLEEP(61)'" 1 ||
	diag "table lock not taken"
"$LAUREL_BUILDDIR/worker/laurel-worker" -c "$LAUREL_TEST_CONFIG" \
    -p "$HTTP_TEST_DIR/other.pid" >"$HTTP_TEST_DIR/other.log" 2>&1 &
other_pid=$!
request POST /admin/reports/expiration/csv --data-urlencode "csrf=$csrf" \
    -d "start=$d0" -d "end=$d10" -d "certification=$bfam"
big=$(header_value Location | sed 's,.*/,,')
wait_for "SELECT lease_owner LIKE '%:$other_pid' FROM jobs WHERE id = $big AND state = 'running'" 1 ||
	diag "extra worker did not claim job $big"

# Its first progress update waits for a lock on the job's row, after
# 1,000 rows went to the temporary file.
hold 62 "START TRANSACTION; SELECT id FROM jobs WHERE id = $big FOR UPDATE"
wait_for "SELECT COUNT(*) FROM information_schema.processlist WHERE info = 'SELECT SLEEP(62)'" 1 ||
	diag "row lock not taken"
release 61
wait_for "SELECT COUNT(*) FROM information_schema.processlist WHERE info LIKE 'UPDATE jobs SET progress%'" 1 ||
	diag "extra worker did not reach its first progress update"
tmp=$(ls "$LAUREL_TEST_DIR/storage/.export-$big-"*.tmp 2>/dev/null | head -n 1)
ok_tmp=1; [ -n "$tmp" ] && [ -s "$tmp" ] && ok_tmp=0
tap_result "$ok_tmp" "extra worker is writing a temporary file mid-export"
request GET "/admin/jobs/$big/download"
is "$STATUS" 409 "download during the export: 409"
is "$(ls "$LAUREL_TEST_DIR/storage/" | grep -c "^export-$big-")" 0 "no file under a final name mid-export"

kill -9 "$other_pid"
wait "$other_pid" 2>/dev/null
other_pid=
release 62
wait_for "SELECT COUNT(*) FROM information_schema.processlist WHERE info LIKE 'UPDATE jobs SET progress%'" 0 ||
	diag "the killed worker's update still waits"
is "$(sql "SELECT state FROM jobs WHERE id = $big")" running "killed worker's job still running on its lease"
request GET "/admin/jobs/$big/download"
is "$STATUS" 409 "download after the kill, before the retry: 409"

# The lease ends; the stack's worker takes the job over.
sql "UPDATE jobs SET lease_until = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE id = $big"
resume_worker
wait_for "SELECT state FROM jobs WHERE id = $big" done ||
	diag "job $big did not finish: $(sql "SELECT CONCAT(state, ' after attempt ', attempts, ': ', last_error) FROM jobs WHERE id = $big")"
is "$(sql "SELECT CONCAT(state, ' ', attempts) FROM jobs WHERE id = $big")" "done 2" "job completes on its second attempt"
request GET "/admin/jobs/$big/download"
is "$STATUS" 200 "download after the retry: 200"
csv_rows "$RESPONSE_BODY" >"$HTTP_TEST_DIR/big.rows"
is "$(grep -c " | Bulk | " "$HTTP_TEST_DIR/big.rows")" 20000 "retried export holds all 20,000 rows"
is "$(tail -n 1 "$HTTP_TEST_DIR/big.rows")" "CRLF yes" "retried export is whole, CRLF to the end"
is "$(awk -F' [|] ' 'NF != 10' "$HTTP_TEST_DIR/big.rows" | grep -vc '^BOM\|^CRLF')" 0 "every record has 10 fields"
# The partial file would have been published as .NAME.PID.tmp -> NAME.
served=$(sql "SELECT result_file FROM jobs WHERE id = $big")
partial=$(basename "$tmp" | sed -e 's/^\.//' -e 's/\.[0-9]*\.tmp$//')
other_file=1; [ -n "$served" ] && [ "$served" != "$partial" ] && other_file=0
tap_result "$other_file" "the served file is a new one, not the killed worker's ($partial)"
rm -f -- "$tmp" "$HTTP_TEST_DIR/other.pid"

# ------------------------------------------------------------ SIGTERM
# A worker asked to stop in the middle of a job finishes the job, then
# exits.  It is held at the report's table, as above.
request GET "/admin/reports/expiration?start=$d0&end=$d10&certification=$bfam"
csrf=$(extract_csrf)
pause_worker
hold 63 "LOCK TABLES certificates WRITE"
wait_for "SELECT COUNT(*) FROM information_schema.processlist WHERE info = 'SELECT SLEEP(63)'" 1 ||
	diag "table lock not taken"
"$LAUREL_BUILDDIR/worker/laurel-worker" -c "$LAUREL_TEST_CONFIG" \
    -p "$HTTP_TEST_DIR/other.pid" >"$HTTP_TEST_DIR/other.log" 2>&1 &
other_pid=$!
request POST /admin/reports/expiration/csv --data-urlencode "csrf=$csrf" \
    -d "start=$d0" -d "end=$d10" -d "certification=$bfam"
term_job=$(header_value Location | sed 's,.*/,,')
wait_for "SELECT lease_owner LIKE '%:$other_pid' FROM jobs WHERE id = $term_job AND state = 'running'" 1 ||
	diag "extra worker did not claim job $term_job"
kill -TERM "$other_pid"
sleep 0.5
alive=1; kill -0 "$other_pid" 2>/dev/null && alive=0
tap_result "$alive" "worker keeps running its job after SIGTERM"
release 63
wait "$other_pid"
is "$?" 0 "worker exits with status 0 after its job"
other_pid=
is "$(sql "SELECT CONCAT(state, ' ', attempts) FROM jobs WHERE id = $term_job")" "done 1" \
    "the stopping worker finished the job on its first attempt"
resume_worker
rm -f -- "$HTTP_TEST_DIR/other.pid"

# ------------------------------------------------ lost read connection
# The export's read connection is killed in the middle of its rows: the
# worker reconnects and writes the file again within the same attempt.
# The export waits at the report's table until the worker has claimed
# it, then at its first progress update, 1,000 rows in, on a lock of its
# job's row.
request GET "/admin/reports/expiration?start=$d0&end=$d10&certification=$bfam"
csrf=$(extract_csrf)
hold 64 "LOCK TABLES certificates WRITE"
wait_for "SELECT COUNT(*) FROM information_schema.processlist WHERE info = 'SELECT SLEEP(64)'" 1 ||
	diag "table lock not taken"
request POST /admin/reports/expiration/csv --data-urlencode "csrf=$csrf" \
    -d "start=$d0" -d "end=$d10" -d "certification=$bfam"
lost_job=$(header_value Location | sed 's,.*/,,')
wait_for "SELECT state FROM jobs WHERE id = $lost_job" running ||
	diag "the worker did not claim job $lost_job"
hold 65 "START TRANSACTION; SELECT id FROM jobs WHERE id = $lost_job FOR UPDATE"
wait_for "SELECT COUNT(*) FROM information_schema.processlist WHERE info = 'SELECT SLEEP(65)'" 1 ||
	diag "row lock not taken"
release 64
wait_for "SELECT COUNT(*) FROM information_schema.processlist WHERE info LIKE 'UPDATE jobs SET progress%'" 1 ||
	diag "the worker did not reach its first progress update"
read_conn=$(sql "SELECT id FROM information_schema.processlist WHERE info LIKE 'SELECT e.id, u.id, u.login%' LIMIT 1")
if [ -n "$read_conn" ]; then
	sql "KILL $read_conn"
	tap_result 0 "the export's read connection is killed mid-export"
else
	tap_result 1 "the export's read connection is killed mid-export"
fi
release 65
wait_for "SELECT state FROM jobs WHERE id = $lost_job" done ||
	diag "job $lost_job did not finish: $(sql "SELECT CONCAT(state, ' after attempt ', attempts, ': ', last_error) FROM jobs WHERE id = $lost_job")"
is "$(sql "SELECT CONCAT(state, ' ', attempts) FROM jobs WHERE id = $lost_job")" "done 1" \
    "export done on its first attempt after a lost read connection"
rewritten=$(grep -c "job $lost_job: .*writing the export again" "$LAUREL_TEST_DIR/log/worker.log")
is "$rewritten" 1 "worker log says the export was written again"
request GET "/admin/jobs/$lost_job/download"
csv_rows "$RESPONSE_BODY" >"$HTTP_TEST_DIR/lost.rows"
is "$(grep -c " | Bulk | " "$HTTP_TEST_DIR/lost.rows")" 20000 "rewritten export holds all 20,000 rows once"
is "$(grep -c '^Login | ' "$HTTP_TEST_DIR/lost.rows")" 1 "rewritten export has one header row"
is "$(head -c 3 "$RESPONSE_BODY" | od -An -tx1 | tr -d ' ')" efbbbf "rewritten export starts with one byte-order mark"
is "$(head -c 6 "$RESPONSE_BODY" | tail -c 3 | od -An -tx1 | tr -d ' ')" 224c6f "and the quoted header follows it"

done_testing
