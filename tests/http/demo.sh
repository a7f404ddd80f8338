#!/bin/sh
# laurelctl demo, on a private stack because the demo goes only into an
# empty database.  Checks what the small demo creates, that a printed
# learner password signs in, and that a second run is rejected and
# changes nothing.  Then demo --scale fills other databases of the stack.
here=$(cd "$(dirname "$0")" && pwd)
srcdir=${LAUREL_SRCDIR:-$here/../..}
builddir=${LAUREL_BUILDDIR:-$srcdir}
. "$here/private-stack.sh"
private_stack_start laurel-demo
. "$here/lib.sh"
. "$here/user.sh"
trap 'http_cleanup; "$srcdir/tests/stack" stop "$stack_dir" --clean >/dev/null 2>&1' EXIT

laurelctl="$builddir/cli/laurelctl"
out=$HTTP_TEST_DIR/demo.out
err=$HTTP_TEST_DIR/demo.err

# ---------------------------------------------------------------- small demo

"$laurelctl" -c "$LAUREL_TEST_CONFIG" demo >"$out" 2>"$err"
is "$?" 0 "demo exits 0 on an empty database"
is "$(grep -c '^login: [^ ]*  password: [A-Za-z0-9]\{16\}$' "$out")" 8 \
    "demo prints 8 login and password lines"
is "$(grep -vc '^login: ' "$out")" 0 "demo prints nothing else on stdout"

is "$(sql "SELECT COUNT(*) FROM users WHERE role = 'learner'")" 8 "8 learners"
is "$(sql "SELECT COUNT(*) FROM certifications WHERE availability = 'certification'")" 3 \
    "3 certifications"
is "$(sql "SELECT name FROM certifications WHERE availability = 'course_group'")" \
    "Support Onboarding" "1 course group, Support Onboarding"
is "$(sql "SELECT COUNT(*) FROM certifications WHERE display_individually = 1 AND availability <> 'course_group'")" 0 \
    "only course groups display their courses individually"
is "$(sql "SELECT COUNT(*) FROM courses")" 8 "8 courses"
is "$(sql "SELECT COUNT(*) FROM courses WHERE kind = 'ilt'")" 3 "3 instructor-led courses"
is "$(sql "SELECT COUNT(*) FROM course_classes")" 4 "4 dated classes"
is "$(sql "SELECT COUNT(*) FROM course_classes WHERE starts_at > UTC_TIMESTAMP()")" 4 \
    "classes lie in the future"
is "$(sql "SELECT COUNT(*) FROM checklist_items")" 5 "5 checklist items"
is "$(sql "SELECT CONCAT(a.code, ' ', f.on_result, ' ', b.code) FROM course_followups f
    JOIN courses a ON a.id = f.course_id JOIN courses b ON b.id = f.followup_course_id")" \
    "NET-101 pass NET-201" "passing NET-101 is followed by NET-201"
is "$(sql "SELECT name FROM user_types ORDER BY name" | tr '\n' ,)" \
    "Customer,Employee,Partner," "user types Employee, Partner and Customer"
is "$(sql "SELECT name FROM languages WHERE code = 'fr'")" French "language French added"
is "$(sql "SELECT name FROM user_groups ORDER BY name" | tr '\n' ,)" \
    "Customer Administrators,Partners,Sales EMEA,Support Tier 1," "4 user groups"
is "$(sql "SELECT name FROM catalogs ORDER BY name" | tr '\n' ,)" \
    "Compliance,Product Training," "2 catalogs"
is "$(sql "SELECT CONCAT(g.name, ' -> ', c.name) FROM user_group_certifications s
    JOIN user_groups g ON g.id = s.group_id
    JOIN certifications c ON c.family_id = s.family_id WHERE s.auto_enroll = 1")" \
    "Support Tier 1 -> Support Onboarding" "one subscription enrols automatically"
is "$(sql "SELECT COUNT(*) FROM user_group_certifications")" 8 "8 subscriptions"
is "$(sql "SELECT CONCAT(c.name, ' requires ', r.name)
    FROM certification_prerequisites p JOIN certifications c ON c.id = p.certification_id
    JOIN certifications r ON r.family_id = p.required_family_id")" \
    "Certified Network Professional requires Certified Network Associate" \
    "one prerequisite"
is "$(sql "SELECT CONCAT(p.currency, ' ', p.amount) FROM certification_prices p
    JOIN certifications c ON c.id = p.certification_id
    WHERE c.name = 'Certified Network Professional' ORDER BY p.currency" | tr '\n' ,)" \
    "EUR 490.00,USD 540.00," "priced in EUR and USD"
is "$(sql "SELECT CONCAT(priced, pay_voucher, pay_purchase_order, pay_credit_card)
    FROM certifications WHERE name = 'Certified Network Professional'")" 1110 \
    "voucher and purchase order allowed, no credit card"
is "$(sql "SELECT CONCAT(cc.requirement, ':', co.code) FROM certification_courses cc
    JOIN certifications c ON c.id = cc.certification_id
    JOIN courses co ON co.id = cc.course_id
    WHERE c.name = 'Support Onboarding' ORDER BY cc.position" | tr '\n' ,)" \
    "required:SUP-100,required:SUP-150,none:SEC-110," \
    "course group lists required and not applicable courses"
is "$(sql "SELECT required_electives FROM certifications WHERE name = 'Certified Network Associate'")" 1 \
    "one elective required"
is "$(sql "SELECT COUNT(*) FROM certification_user_types")" 8 "user types allowed"
is "$(sql "SELECT COUNT(*) FROM users u WHERE role = 'learner' AND NOT EXISTS
    (SELECT 1 FROM user_group_members m WHERE m.user_id = u.id)")" 0 \
    "every learner is in a user group"
is "$(sql "SELECT CONCAT(first_name, ' ', last_name) FROM users WHERE login = 'zoe.angstrom'")" \
    "Zoë Ångström" "Latin name with diacritics stored byte for byte"
is "$(sql "SELECT CONCAT(first_name, ' ', last_name) FROM users WHERE login = 'ioanna.papadopoulou'")" \
    "Ιωάννα Παπαδοπούλου" "Greek name stored byte for byte"
is "$(sql "SELECT CONCAT(first_name, ' ', last_name) FROM users WHERE login = 'dmitry.ivanov'")" \
    "Дмитрий Иванов" "Cyrillic name stored byte for byte"
is "$(sql "SELECT CONCAT(last_name, first_name) FROM users WHERE login = 'li.na'")" \
    "李娜" "Chinese name stored byte for byte"
is "$(sql "SELECT COUNT(*) FROM users WHERE role = 'learner' AND password_hash LIKE '\$argon2id\$%'")" 8 \
    "passwords stored as Argon2id hashes"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'demo_load'")" 1 "load audited once"

zoe_password=$(awk '$2 == "zoe.angstrom" { print $4 }' "$out")
is "$(sql "SELECT COUNT(*) FROM users WHERE password_hash LIKE '%$zoe_password%'")" 0 \
    "printed password is not stored"

use_cookie_jar zoe
sign_in zoe.angstrom "$zoe_password"
is "$STATUS" 303 "printed learner password signs in"
header_is Location /learn/ "learner lands on /learn/"
request GET /learn/
is "$STATUS" 200 "learner home page loads"

use_cookie_jar other
sign_in li.na "$zoe_password"
if [ "$STATUS" = 303 ]; then
	tap_result 1 "another learner's password does not sign in"
else
	tap_result 0 "another learner's password does not sign in"
fi
li_password=$(awk '$2 == "li.na" { print $4 }' "$out")
sign_in li.na "$li_password"
header_is Location /learn/ "each learner has a password of its own"

# ---------------------------------------------------------------- second run

before=$(sql "SELECT COUNT(*), MAX(updated_at), GROUP_CONCAT(password_hash ORDER BY id)
    FROM users" | cksum)
"$laurelctl" -c "$LAUREL_TEST_CONFIG" demo >"$out" 2>"$err"
is "$?" 1 "second demo exits 1"
like_err() {
	if grep -qF -- "$1" "$err"; then
		tap_result 0 "$2"
	else
		tap_result 1 "$2"
		comment_lines '  stderr: ' <"$err"
	fi
}
like_err "already has 4 certifications and course groups, 8 courses and 8 learners" \
    "second demo says what the database holds"
like_err "only into an empty database" "second demo says why"
is "$(wc -c <"$out" | tr -d ' ')" 0 "second demo prints no password"
is "$(sql "SELECT COUNT(*), MAX(updated_at), GROUP_CONCAT(password_hash ORDER BY id)
    FROM users" | cksum)" "$before" "second demo changes no user"
is "$(sql "SELECT COUNT(*) FROM certifications")" 4 "second demo adds no certification"
is "$(sql "SELECT COUNT(*) FROM user_group_members")" 9 "second demo adds no membership"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'demo_load'")" 1 \
    "second demo writes no audit row"

# ------------------------------------------------- example import files

# The example files of the Imports page name the demo's groups, courses
# and certifications, so they import as they are into the demo data.
for kind in users results completions; do
	"$laurelctl" -c "$LAUREL_TEST_CONFIG" import "$kind" \
	    "$srcdir/static/imports/$kind.csv" >"$out" 2>"$err"
	is "$?" 0 "example $kind.csv imports into the demo data"
done
is "$(sql "SELECT GROUP_CONCAT(g.name ORDER BY g.name SEPARATOR '|') FROM user_group_members m JOIN user_groups g ON g.id = m.group_id JOIN users u ON u.id = m.user_id WHERE u.login = 'asmith'")" \
    "Sales EMEA|Support Tier 1" "example user joins the demo's groups"
is "$(sql "SELECT CONCAT_WS(' ', r.status, r.score, r.completed_on) FROM course_registrations r JOIN users u ON u.id = r.user_id JOIN courses c ON c.id = r.course_id WHERE u.login = 'mmuller' AND c.code = 'NET-101'")" \
    "failed 55.00 2024-04-02" "example failed result recorded with its date"
is "$(sql "SELECT ct.number_text FROM certificates ct JOIN users u ON u.id = ct.user_id WHERE u.login = 'asmith'")" \
    "CNA-001042" "example completion keeps its certificate number"

learners=$(sql "SELECT COUNT(*) FROM users WHERE role = 'learner'")
"$laurelctl" -c "$LAUREL_TEST_CONFIG" demo --scale 200 >"$out" 2>"$err"
is "$?" 1 "demo --scale on a database with data exits 1"
is "$(sql "SELECT COUNT(*) FROM users WHERE role = 'learner'")" "$learners" \
    "demo --scale on a database with data adds no learner"

for bad in 0 1000001 -5 12x ''; do
	"$laurelctl" -c "$LAUREL_TEST_CONFIG" demo --scale "$bad" >"$out" 2>"$err"
	is "$?" 2 "demo --scale '$bad' is a usage error"
	like_err "--scale must be a whole number of learners from 1 to 1000000" \
	    "demo --scale '$bad' explains the range"
done
"$laurelctl" -c "$LAUREL_TEST_CONFIG" demo extra >"$out" 2>"$err"
is "$?" 2 "demo with an unknown argument is a usage error"

# ---------------------------------------------------------------- demo --scale

# Generated data goes into empty databases next to the test database.
# scale_db NAME: creates database NAME and prints a configuration for it.
scale_db() {
	mariadb --no-defaults --socket="$LAUREL_TEST_DB_SOCKET" --user=root -e \
	    "CREATE DATABASE $1 CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
	sed "s/^Database.Name = .*/Database.Name = $1/" "$LAUREL_TEST_CONFIG" \
	    >"$HTTP_TEST_DIR/$1.hdf"
	"$laurelctl" -c "$HTTP_TEST_DIR/$1.hdf" migrate >/dev/null ||
		bail_out "cannot migrate database $1"
}
scale_sql() {
	mariadb --no-defaults --socket="$LAUREL_TEST_DB_SOCKET" --user=root \
	    -N -B "$1" -e "$2"
}

scale_db scale_a
"$laurelctl" -c "$HTTP_TEST_DIR/scale_a.hdf" demo --scale 200 >"$out" 2>"$err"
is "$?" 0 "demo --scale 200 exits 0"
is "$(wc -c <"$out" | tr -d ' ')" 0 "demo --scale prints no password"
like_err "users 200/200" "demo --scale reports progress"
is "$(scale_sql scale_a "SELECT COUNT(*) FROM users WHERE role = 'learner'")" 200 \
    "demo --scale 200 creates 200 learners"
is "$(scale_sql scale_a "SELECT COUNT(*) FROM certifications")" 20 \
    "demo --scale 200 creates 20 certifications"
is "$(scale_sql scale_a "SELECT COUNT(*) FROM courses")" 4 \
    "demo --scale 200 creates 4 courses"
is "$(scale_sql scale_a "SELECT COUNT(*) FROM user_groups")" 1 \
    "demo --scale 200 creates 1 user group"
is "$(scale_sql scale_a "SELECT MIN(login), MAX(login) FROM users WHERE role = 'learner'")" \
    "$(printf 'learner000001\tlearner000200')" "logins learner000001 to learner000200"
is "$(scale_sql scale_a "SELECT COUNT(DISTINCT password_hash) FROM users WHERE role = 'learner'")" 1 \
    "generated learners share one hash"
is "$(scale_sql scale_a "SELECT COUNT(*) FROM users u WHERE role = 'learner' AND NOT EXISTS
    (SELECT 1 FROM user_group_members m WHERE m.user_id = u.id)")" 0 \
    "every generated learner is in a user group"
is "$(scale_sql scale_a "SELECT COUNT(*) FROM certifications c WHERE NOT EXISTS
    (SELECT 1 FROM certification_courses x WHERE x.certification_id = c.id)")" 0 \
    "every generated certification has courses"
is "$(scale_sql scale_a "SELECT COUNT(*) FROM certifications c WHERE NOT EXISTS
    (SELECT 1 FROM user_group_certifications s WHERE s.family_id = c.family_id)")" 0 \
    "every generated certification has a subscription"
scripts=$(scale_sql scale_a "SELECT
    SUM(CONCAT(first_name, last_name) REGEXP '[α-ωΑ-Ω]') > 0,
    SUM(CONCAT(first_name, last_name) REGEXP '[а-яА-Я]') > 0,
    SUM(last_name REGEXP '^[A-Z]') > 100
    FROM users WHERE role = 'learner'")
is "$scripts" "$(printf '1\t1\t1')" "generated names in Greek, Cyrillic and Latin"
is "$(scale_sql scale_a "SELECT COUNT(*) FROM audit_log WHERE action = 'demo_load'")" 4 \
    "each transaction of demo --scale is audited"

scale_db scale_b
"$laurelctl" -c "$HTTP_TEST_DIR/scale_b.hdf" demo --scale 200 >/dev/null 2>&1
same="SELECT MD5(GROUP_CONCAT(login, first_name, last_name ORDER BY login)) FROM users"
is "$(scale_sql scale_b "$same")" "$(scale_sql scale_a "$same")" \
    "the same --scale gives the same names"

done_testing
