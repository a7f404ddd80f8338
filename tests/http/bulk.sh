#!/bin/sh
# Bulk CSV imports on the admin Imports page and with laurelctl.  The
# preview lists every row's error and saves nothing, and a confirmed file
# is imported whole or not at all.  The formats that spreadsheets write
# (byte-order mark, semicolons, quoted fields over several lines) are read
# byte for byte.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/user.sh"

tag=$(unique_name B | tr -d -)
today=$(date -u +%F)
admin=$(unique_name badmin)
add_user "$admin" admin 'admin pass 123' --first-name Ada --last-name Min
aid=$(sql "SELECT id FROM users WHERE login = '$admin'")
laurelctl() {
	"$LAUREL_BUILDDIR/cli/laurelctl" -c "$LAUREL_TEST_CONFIG" "$@"
}
count_users() {
	sql "SELECT COUNT(*) FROM users WHERE login LIKE '%$tag'"
}
sql "INSERT INTO user_groups (name, created_at, updated_at) VALUES ('Sales $tag', NOW(6), NOW(6)), ('Night shift $tag', NOW(6), NOW(6))"
sales=$(sql "SELECT id FROM user_groups WHERE name = 'Sales $tag'")
night=$(sql "SELECT id FROM user_groups WHERE name = 'Night shift $tag'")

use_cookie_jar admin
sign_in "$admin" 'admin pass 123'
is "$STATUS" 303 "admin signs in"

request GET /admin/imports
is "$STATUS" 200 "imports page opens"
like 'action="/admin/imports/preview"' "imports page has upload forms"
like 'href="/static/imports/users.csv"' "imports page links the users example"
like 'href="/static/imports/completions.csv"' "imports page links the completions example"
like "YYYY-MM-DD" "imports page states the date format"
csrf=$(extract_csrf)
request GET /admin/users
like 'href="/admin/imports"' "users page links to imports"
request GET /admin/
like 'href="/admin/imports"' "admin home links to imports"
for kind in users results completions; do
	request GET "/static/imports/$kind.csv"
	is "$STATUS" 200 "example $kind.csv downloads"
done

# preview KIND FILE: uploads FILE for a preview.
preview() {
	request POST /admin/imports/preview -F "csrf=$csrf" -F "kind=$1" \
	    -F "file=@$2;type=text/csv"
}
# confirm: confirms the preview in the last response.
confirm() {
	token=$(sed -n 's/.*name="token" value="\([^"]*\)".*/\1/p' "$RESPONSE_BODY")
	kind=$(sed -n 's/.*name="kind" value="\([^"]*\)".*/\1/p' "$RESPONSE_BODY" | head -n 1)
	confirm_again
}
# confirm_again: confirms the last confirmed preview once more.
confirm_again() {
	request POST /admin/imports/confirm --data-urlencode "csrf=$csrf" \
	    --data-urlencode "kind=$kind" --data-urlencode "token=$token" \
	    --data-urlencode "file_name=import.csv"
}
# error_row LINE FIELD: the error table has a row for LINE and FIELD.
error_row() {
	tr -d '\n' <"$RESPONSE_BODY" | sed 's|</tr>|</tr>\n|g' |
		grep -c "<td class=\"num\">$1</td> *<td><code>$2</code>"
}

# ------------------------------------------------------------- users

f=$HTTP_TEST_DIR/bad-users.csv
printf 'login,email,first_name,last_name,groups\n' >"$f"
printf 'good1%s,good1@example.org,Gina,Good,Sales %s\n' "$tag" "$tag" >>"$f"
printf 'bad2%s,not-an-address,Bert,Bad,\n' "$tag" >>"$f"
printf 'bad3%s,bad3@example.org,Bea,Bad,Sales %s|Nowhere %s\n' "$tag" "$tag" "$tag" >>"$f"
printf ',nologin@example.org,,Nobody,\n' >>"$f"
preview users "$f"
is "$STATUS" 400 "preview of a file with errors is 400"
like "the file has 4 errors" "preview counts every error"
is "$(error_row 3 email)" 1 "preview names line 3 and its e-mail"
is "$(error_row 4 groups)" 1 "preview names line 4 and its group"
is "$(error_row 5 login)" 1 "preview names line 5 and its login"
is "$(error_row 5 first_name)" 1 "preview names line 5 and its first name"
like "Nowhere $tag" "preview names the unknown group"
unlike 'name="token"' "a preview with errors offers no import"
is "$(count_users)" 0 "one bad row among good ones saves nothing"

printf 'login,email,first_name,last_name,colour\n' >"$f"
preview users "$f"
like "unknown column &quot;colour&quot;" "an unknown column is named"
printf 'Login,E-Mail,First Name\nx,y,z\n' >"$f"
preview users "$f"
like "required column &quot;last_name&quot; is missing" "a missing column is named"
unlike "column &quot;login&quot;" "header names match in any case"

# Semicolons, a byte-order mark, quotes, separators and a line break
# inside quoted fields, and names in other scripts.
f=$HTTP_TEST_DIR/users-semicolon.csv
printf '\357\273\277LOGIN;Email;first_name;Last_Name;Groups\r\n' >"$f"
printf 'semi1%s;semi1@example.org;"Anne; ""Nan""";"Smith,\r\nJones";Sales %s | Night shift %s\r\n' "$tag" "$tag" "$tag" >>"$f"
printf 'semi2%s;semi2@example.org;Юлия;Иванова;\r\n' "$tag" >>"$f"
printf 'semi3%s;semi3@example.org;由紀;山田;\r\n' "$tag" >>"$f"
preview users "$f"
is "$STATUS" 200 "preview of a valid file is 200"
like "semicolon (;)" "preview shows the detected separator"
like "byte-order mark" "preview shows the byte-order mark"
like "will create 3, update 0" "preview counts what it would create"
is "$(count_users)" 0 "nothing is saved until confirm"
confirm
is "$STATUS" 303 "confirm imports and redirects"
request GET /admin/imports
like "Imported 3 rows of users from import.csv: 3 created, 0 updated, 0 unchanged." \
    "flash reports the import"
is "$(count_users)" 3 "confirm saves every row"
is "$(sql "SELECT HEX(first_name), HEX(last_name) FROM users WHERE login = 'semi1$tag'")" \
    "$(printf 'Anne; "Nan"' | od -An -tx1 | tr -d ' \n' | tr a-f A-F)	$(printf 'Smith,\r\nJones' | od -An -tx1 | tr -d ' \n' | tr a-f A-F)" \
    "quoted separators, quotes and line breaks kept byte for byte"
is "$(sql "SELECT HEX(CONCAT(first_name, ' ', last_name)) FROM users WHERE login = 'semi3$tag'")" \
    "$(printf '由紀 山田' | od -An -tx1 | tr -d ' \n' | tr a-f A-F)" \
    "non-Latin names kept byte for byte"
is "$(sql "SELECT GROUP_CONCAT(g.name ORDER BY g.name SEPARATOR '|') FROM user_group_members m JOIN user_groups g ON g.id = m.group_id JOIN users u ON u.id = m.user_id WHERE u.login = 'semi1$tag'")" \
    "Night shift $tag|Sales $tag" "groups separated by | are joined"
is "$(sql "SELECT role, active FROM users WHERE login = 'semi2$tag'")" \
    "learner	1" "imported users are active learners"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'user_create' AND actor_id = $aid")" 3 \
    "each created user is audited"
is "$(sql "SELECT details FROM audit_log WHERE action = 'bulk_import' AND actor_id = $aid ORDER BY id DESC LIMIT 1")" \
    'users file "import.csv": 3 rows; 3 created, 0 updated, 0 unchanged' \
    "the import has one summary audit row"
confirm_again
is "$STATUS" 303 "a second confirm redirects"
request GET /admin/imports
like "already imported" "a second confirm imports nothing"
is "$(count_users)" 3 "a second confirm adds no user"

# Commas, no byte-order mark: one update, one unchanged, one new.
f=$HTTP_TEST_DIR/users-comma.csv
printf 'login,email,first_name,last_name,groups\n' >"$f"
printf 'SEMI1%s,anne.new@example.org,"Anne; ""Nan""","Smith,\nJones",Sales %s\n' "$tag" "$tag" >>"$f"
printf 'semi2%s,semi2@example.org,Юлия,Иванова,\n' "$tag" >>"$f"
printf 'comma4%s,comma4@example.org,Zoë,Ångström,\n' "$tag" >>"$f"
preview users "$f"
like "comma (,)" "preview detects commas"
unlike "byte-order mark" "no byte-order mark detected when there is none"
like "will create 1, update 1 and leave 1 unchanged" "preview counts updates and unchanged rows"
confirm
is "$(sql "SELECT login, email FROM users WHERE login = 'semi1$tag'")" \
    "semi1$tag	anne.new@example.org" "update by login changes the e-mail and keeps the login"
is "$(sql "SELECT COUNT(*) FROM user_group_members WHERE user_id = (SELECT id FROM users WHERE login = 'semi1$tag')")" 2 \
    "an update keeps the other groups"
is "$(count_users)" 4 "the new row is created"

# laurelctl import prints FILE:LINE: field: message and exits 1.
f=$HTTP_TEST_DIR/cli-users.csv
printf 'login,email,first_name,last_name\ncli1%s,cli1@example.org,Cli,One\ncli2%s,nope,Cli,Two\n' "$tag" "$tag" >"$f"
laurelctl import users "$f" >"$HTTP_TEST_DIR/out" 2>"$HTTP_TEST_DIR/err"
is "$?" 1 "laurelctl import with errors exits 1"
is "$(grep -c "^$f:3: email: " "$HTTP_TEST_DIR/err")" 1 "laurelctl prints FILE:LINE: field: message"
is "$(sql "SELECT COUNT(*) FROM users WHERE login = 'cli1$tag'")" 0 "laurelctl keeps nothing of a file with errors"
printf 'login,email,first_name,last_name\ncli1%s,cli1@example.org,Cli,One\ncli2%s,cli2@example.org,Cli,Two\n' "$tag" "$tag" >"$f"
laurelctl import users "$f" >"$HTTP_TEST_DIR/out" 2>"$HTTP_TEST_DIR/err"
is "$?" 0 "laurelctl import of a valid file exits 0"
is "$(cat "$HTTP_TEST_DIR/out")" "$f: imported 2 rows of users: 2 created, 0 updated, 0 unchanged" \
    "laurelctl prints a summary"
laurelctl import users "$f" >"$HTTP_TEST_DIR/out" 2>"$HTTP_TEST_DIR/err"
is "$(cat "$HTTP_TEST_DIR/out")" "$f: imported 2 rows of users: 0 created, 0 updated, 2 unchanged" \
    "laurelctl counts unchanged rows"
printf 'login,email,first_name,last_name\n"open,x@example.org,A,B\n' >"$f"
laurelctl import users "$f" >"$HTTP_TEST_DIR/out" 2>"$HTTP_TEST_DIR/err"
is "$(grep -c "^$f:2: a quoted field that starts on this line has no closing quote" "$HTTP_TEST_DIR/err")" 1 \
    "an unclosed quote is reported on its line"
printf 'login,email,first_name,last_name\nbin1%s,b@example.org,\377\376,B\n' "$tag" >"$f"
laurelctl import users "$f" >"$HTTP_TEST_DIR/out" 2>"$HTTP_TEST_DIR/err"
is "$(grep -c "^$f:2: the line is not valid UTF-8" "$HTTP_TEST_DIR/err")" 1 \
    "invalid UTF-8 is reported with its line"

# ------------------------------------------------------------- results

# A certification whose only required courses are two courses; two
# learners enrolled in it.
c1=$(sql "INSERT INTO courses (code, name, description, passing_score, created_at, updated_at) VALUES ('R1$tag', 'Ladders', '', 70, NOW(6), NOW(6)) RETURNING id")
c2=$(sql "INSERT INTO courses (code, name, description, created_at, updated_at) VALUES ('R2$tag', 'Scaffolds', '', NOW(6), NOW(6)) RETURNING id")
fam=$(sql "INSERT INTO certification_families (created_at) VALUES (NOW(6)) RETURNING id")
ver=$(sql "INSERT INTO certifications (family_id, version, name, description, created_at, updated_at) VALUES ($fam, 1, 'Heights $tag', '', NOW(6), NOW(6)) RETURNING id")
sql "INSERT INTO certification_courses VALUES ($ver, $c1, 'required', 1), ($ver, $c2, 'required', 2)"
u1=$(sql "SELECT id FROM users WHERE login = 'semi2$tag'")
u2=$(sql "SELECT id FROM users WHERE login = 'semi3$tag'")
for u in "$u1" "$u2"; do
	sql "INSERT INTO enrollments (user_id, family_id, certification_id, method, enrolled_by, enrolled_at, enrolled_on) VALUES ($u, $fam, $ver, 'admin', $aid, NOW(6), '2012-01-02')"
done

f=$HTTP_TEST_DIR/bad-results.csv
printf 'login;course;status;score;date
' >"$f"
printf 'semi2%s;R1%s;completed;95;2012-06-30
' "$tag" "$tag" >>"$f"
printf 'semi2%s;R2%s;completed;;2012-06-31
' "$tag" "$tag" >>"$f"
printf 'semi3%s;R1%s;completed;50;2012-06-01
' "$tag" "$tag" >>"$f"
printf 'nobody%s;R9%s;done;101;
' "$tag" "$tag" >>"$f"
preview results "$f"
is "$STATUS" 400 "results preview with errors is 400"
is "$(error_row 3 date)" 1 "2012-06-31 is rejected, not rolled over"
like "&quot;2012-06-31&quot; is not a date" "the impossible date is quoted"
is "$(error_row 4 score)" 1 "a completed score below passing is rejected"
is "$(error_row 5 login)" 1 "an unknown login is reported"
is "$(error_row 5 course)" 1 "an unknown course code is reported"
is "$(error_row 5 status)" 1 "an unknown status is reported"
is "$(error_row 5 score)" 1 "a score above 100 is reported"
is "$(sql "SELECT COUNT(*) FROM course_registrations WHERE course_id IN ($c1, $c2)")" 0 \
    "a results file with errors saves nothing"

printf 'login;course;status;score;date
' >"$f"
printf 'semi2%s;R1%s;completed;95,5;2012-06-30
' "$tag" "$tag" >>"$f"
printf 'semi2%s;R2%s;Completed;;2012-07-02
' "$tag" "$tag" >>"$f"
printf 'semi3%s;R1%s;failed;50;2012-06-01
' "$tag" "$tag" >>"$f"
printf 'semi3%s;R2%s;registered;;
' "$tag" "$tag" >>"$f"
preview results "$f"
is "$STATUS" 200 "valid results preview is 200"
like "will create 4, update 0" "results preview counts new registrations"
is "$(sql "SELECT status FROM enrollments WHERE user_id = $u1 AND family_id = $fam")" in_progress \
    "the preview completes nothing"
confirm
is "$STATUS" 303 "results import redirects"
is "$(sql "SELECT status, score, completed_on FROM course_registrations WHERE user_id = $u1 AND course_id = $c1")" \
    "completed	95.50	2012-06-30" "a completed result is recorded with score and date"
is "$(sql "SELECT status, completed_on FROM enrollments WHERE user_id = $u1 AND family_id = $fam")" \
    "completed	2012-07-02" "results that complete a certification complete the enrolment"
is "$(sql "SELECT COUNT(*) FROM mail_outbox WHERE user_id = $u1 AND kind = 'completion'")" 1 \
    "the completion e-mail is queued as in the admin UI"
is "$(sql "SELECT status, score, completed_on FROM course_registrations WHERE user_id = $u2 AND course_id = $c1")" \
    "failed	50.00	2012-06-01" "a failed result is recorded with its date"
is "$(sql "SELECT status FROM course_registrations WHERE user_id = $u2 AND course_id = $c2")" \
    registered "a registered row registers the learner"
is "$(sql "SELECT status FROM enrollments WHERE user_id = $u2 AND family_id = $fam")" in_progress \
    "an enrolment without all results stays in progress"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'course_result' AND target_id = $u1")" 2 \
    "each result is audited as in the admin UI"
laurelctl import results "$f" >"$HTTP_TEST_DIR/out" 2>"$HTTP_TEST_DIR/err"
is "$(cat "$HTTP_TEST_DIR/out")" "$f: imported 4 rows of results: 0 created, 0 updated, 4 unchanged" \
    "importing the same results again changes nothing"
printf 'login,course,status\nsemi3%s,R2%s,in_progress\n' "$tag" "$tag" >"$f"
laurelctl import results "$f" --admin "semi1$tag" >"$HTTP_TEST_DIR/out" 2>"$HTTP_TEST_DIR/err"
is "$?" 2 "laurelctl --admin rejects a learner"
laurelctl import results "$f" --admin "$admin" >"$HTTP_TEST_DIR/out" 2>"$HTTP_TEST_DIR/err"
is "$(cat "$HTTP_TEST_DIR/out")" "$f: imported 1 rows of results: 0 created, 1 updated, 0 unchanged" \
    "laurelctl --admin imports"
is "$(sql "SELECT actor_id FROM audit_log WHERE action = 'course_result' AND target_id = $u2 ORDER BY id DESC LIMIT 1")" \
    "$aid" "laurelctl --admin is the audited actor"
printf 'login,course,status,date
semi2%s,R1%s,completed,2012-06-30
semi2%s,R1%s,failed,2012-07-01
' "$tag" "$tag" "$tag" "$tag" >"$f"
laurelctl import results "$f" >"$HTTP_TEST_DIR/out" 2>"$HTTP_TEST_DIR/err"
is "$(grep -c "^$f:3: course: this login and course is also on line 2" "$HTTP_TEST_DIR/err")" 1 \
    "a second row for the same registration is an error"

# --------------------------------------------------------- completions

# A certification whose old version has another name, numbered ACME-NNNNN
# from 1; number 7 is already issued to another learner.
cfam=$(sql "INSERT INTO certification_families (number_format, number_prefix, number_width, start_number, next_number, last_issued_number, created_at) VALUES ('prefix', 'ACME-', 5, 1, 8, 7, NOW(6)) RETURNING id")
sql "INSERT INTO certifications (family_id, version, name, description, external_id, created_at, updated_at) VALUES ($cfam, 1, 'Old Forklift $tag', '', '', NOW(6), NOW(6))"
cver=$(sql "INSERT INTO certifications (family_id, version, name, description, external_id, expiration_type, expire_days, created_at, updated_at) VALUES ($cfam, 2, 'Forklift $tag', '', 'FORK$tag', 'interval', 3650, NOW(6), NOW(6)) RETURNING id")
other=$(sql "SELECT id FROM users WHERE login = 'cli1$tag'")
oenr=$(sql "INSERT INTO enrollments (user_id, family_id, certification_id, method, enrolled_at, enrolled_on, status, completed_on) VALUES ($other, $cfam, $cver, 'admin', NOW(6), '2020-01-01', 'completed', '2020-01-01') RETURNING id")
sql "INSERT INTO certificates (enrollment_id, completed_on, user_id, family_id, certification_id, number, number_text, verification_code, issued_at, issued_on) VALUES ($oenr, '2020-01-01', $other, $cfam, $cver, 7, 'ACME-00007', LEFT(REPLACE(UUID(), '-', ''), 16), NOW(6), '2020-01-01')"
enr_of() {
	sql "SELECT id FROM enrollments WHERE user_id = (SELECT id FROM users WHERE login = '$1$tag') AND family_id = $cfam"
}

f=$HTTP_TEST_DIR/bad-completions.csv
printf 'login,certification,completed_on,certificate_number\n' >"$f"
printf 'semi1%s,Forklift %s,2024-05-06,1042\n' "$tag" "$tag" >>"$f"
printf 'semi2%s,Old Forklift %s,2024-05-06,\n' "$tag" "$tag" >>"$f"
printf 'semi3%s,FORK%s,2023-02-29,\n' "$tag" "$tag" >>"$f"
printf 'comma4%s,FORK%s,2024-01-31,7\n' "$tag" "$tag" >>"$f"
printf 'cli2%s,FORK%s,2024-01-31,none\n' "$tag" "$tag" >>"$f"
preview completions "$f"
is "$STATUS" 400 "completions preview with errors is 400"
is "$(error_row 3 certification)" 1 "an old version's name is not a certification to import"
is "$(error_row 4 completed_on)" 1 "2023-02-29 is rejected"
is "$(error_row 5 certificate_number)" 1 "a number already issued is an error on its row"
like "number 7 is already used" "the used number is named"
is "$(error_row 6 certificate_number)" 1 "a number without digits is an error"
is "$(sql "SELECT COUNT(*) FROM enrollments WHERE family_id = $cfam")" 1 \
    "a completions file with errors saves nothing"
is "$(sql "SELECT next_number FROM certification_families WHERE id = $cfam")" 8 \
    "a completions file with errors leaves the numbering alone"

printf 'Login;Certification;Completed On;Certificate Number\n' >"$f"
printf 'semi1%s;Forklift %s;2024-05-06;1042\n' "$tag" "$tag" >>"$f"
printf 'semi2%s;FORK%s;2024-05-06;\n' "$tag" "$tag" >>"$f"
printf 'semi3%s;FORK%s;2010-03-01;OLD-SYS/0099\n' "$tag" "$tag" >>"$f"
preview completions "$f"
is "$STATUS" 200 "valid completions preview is 200"
like "will create 3, update 0" "completions preview counts new enrolments"
confirm
is "$STATUS" 303 "completions import redirects"
is "$(sql "SELECT status, completed_on, expires_on, method FROM enrollments WHERE id = $(enr_of semi1)")" \
    "completed	2024-05-06	2034-05-04	import" "an imported completion expires as the newest version says"
is "$(sql "SELECT status FROM enrollments WHERE id = $(enr_of semi3)")" expired \
    "a completion whose expiry has passed is expired"
is "$(sql "SELECT number, number_text FROM certificates WHERE enrollment_id = $(enr_of semi1)")" \
    "1042	ACME-01042" "a certificate number in digits is formatted by the family"
is "$(sql "SELECT number, number_text FROM certificates WHERE enrollment_id = $(enr_of semi3)")" \
    "99	OLD-SYS/0099" "a certificate number as text is kept as printed"
is "$(sql "SELECT COUNT(*) FROM certificates WHERE enrollment_id = $(enr_of semi2)")" 0 \
    "a completion without a number has no certificate yet"
is "$(sql "SELECT next_number, last_issued_number FROM certification_families WHERE id = $cfam")" \
    "1043	1042" "the numbering moves past the imported number"
is "$(sql "SELECT COUNT(*) FROM mail_outbox WHERE user_id = $(sql "SELECT id FROM users WHERE login = 'semi1$tag'") AND kind = 'completion'")" 0 \
    "imported completions send no e-mail"

request GET /admin/imports
post_print() {
	request POST "/admin/enrollments/$1/certificate" --data-urlencode "csrf=$csrf"
}
post_print "$(enr_of semi1)"
is "$STATUS" 303 "printing an imported certificate redirects"
imported=$(sql "SELECT id FROM certificates WHERE enrollment_id = $(enr_of semi1)")
is "$(header_value Location)" "/admin/certificates/$imported" "the print is the imported certificate"
is "$(sql "SELECT COUNT(*) FROM certificates WHERE enrollment_id = $(enr_of semi1)")" 1 \
    "printing issues no second certificate"
post_print "$(enr_of semi2)"
is "$(sql "SELECT number, number_text FROM certificates WHERE enrollment_id = $(enr_of semi2)")" \
    "1043	ACME-01043" "the next new number follows the imported one"
tries=0
while [ "$tries" -lt 100 ] &&
    [ "$(sql "SELECT file_name <> '' FROM certificates WHERE id = $imported")" != 1 ]; do
	sleep 0.1
	tries=$((tries + 1))
done
request GET "/admin/certificates/$imported"
is "$(header_value Content-Type)" application/pdf "the imported certificate prints as a PDF"
pdftotext "$RESPONSE_BODY" - 2>/dev/null | grep -c "ACME-01042" >"$HTTP_TEST_DIR/found"
is "$(cat "$HTTP_TEST_DIR/found")" 1 "the printed certificate shows the imported number"

printf 'login,certification,completed_on,certificate_number\nsemi1%s,FORK%s,2024-05-06,1042\n' "$tag" "$tag" >"$f"
laurelctl import completions "$f" >"$HTTP_TEST_DIR/out" 2>"$HTTP_TEST_DIR/err"
is "$(cat "$HTTP_TEST_DIR/out")" "$f: imported 1 rows of completions: 0 created, 0 updated, 1 unchanged" \
    "importing the same completion again changes nothing"
printf 'login,certification,completed_on,certificate_number\nsemi2%s,FORK%s,2024-05-06,2000\n' "$tag" "$tag" >"$f"
laurelctl import completions "$f" >"$HTTP_TEST_DIR/out" 2>"$HTTP_TEST_DIR/err"
is "$?" 1 "a second number for a printed completion is rejected"
is "$(grep -c "^$f:2: certificate_number: the certificate of this completion was already issued with the number 1043" "$HTTP_TEST_DIR/err")" 1 \
    "laurelctl names the number already issued"

done_testing
