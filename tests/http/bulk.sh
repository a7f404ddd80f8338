#!/bin/sh
# Bulk CSV imports on the admin Imports page and with laurelctl: the
# preview lists every row's error and saves nothing, a confirmed file is
# imported whole or not at all, and the file formats spreadsheets write
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

done_testing
