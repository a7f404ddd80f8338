#!/bin/sh
# Certificates: printing from the transcript issues a number from the
# family's numbering (once per completion, so a reprint keeps it), the
# worker writes the PDF, access is the learner's own, and /verify/<code>
# shows the certificate's status.  Also 500 first prints at once.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/user.sh"

tag=$(unique_name C | tr -d -)
admin=$(unique_name cadmin)
learner=$(unique_name clearner)
other=$(unique_name cother)
add_user "$admin" admin 'admin pass 123'
add_user "$learner" learner 'learner pass 123' --first-name 'Zoë' --last-name 'Ångström'
add_user "$other" learner 'learner pass 123'
uid=$(sql "SELECT id FROM users WHERE login = '$learner'")
oid=$(sql "SELECT id FROM users WHERE login = '$other'")

# cert NAME FORMAT PREFIX WIDTH NEXT EXTERNAL_ID: prints "family version".
cert() {
	_fam=$(sql "INSERT INTO certification_families (number_format, number_prefix, number_width, next_number, start_number, created_at) VALUES ('$2', '$3', $4, $5, 1, NOW(6)) RETURNING id")
	_ver=$(sql "INSERT INTO certifications (family_id, version, name, description, expiration_type, expire_days, external_id, created_at, updated_at) VALUES ($_fam, 1, '$1', '', 'interval', 365, '$6', NOW(6), NOW(6)) RETURNING id")
	echo "$_fam $_ver"
}
# enrol USER FAMILY VERSION STATUS COMPLETED_ON EXPIRES_ON: prints the id.
enrol() {
	sql "INSERT INTO enrollments (user_id, family_id, certification_id, method, enrolled_at, enrolled_on, status, completed_on, expires_on) VALUES ($1, $2, $3, 'admin', NOW(6), CURDATE(), '$4', $5, $6) RETURNING id"
}
# post_form PATH: posts the CSRF token of the last page to PATH.
post_form() {
	_pf_csrf=$(extract_csrf)
	request POST "$1" --data-urlencode "csrf=$_pf_csrf"
}

year=$(date -u +%Y)
set -- $(cert "Safety Ελληνικά $tag" prefix 'ACME-' 5 1000 ''); fam=$1; ver=$2
set -- $(cert "Forklift $tag" external_year_month '' 4 7 'EXT9'); fam2=$1; ver2=$2
set -- $(cert "Pending $tag" plain '' 6 1 ''); fam3=$1; ver3=$2
done_id=$(enrol "$uid" "$fam" "$ver" completed "'2026-11-20'" "'2027-11-20'")
ext_id=$(enrol "$uid" "$fam2" "$ver2" completed "'2026-10-01'" "DATE_SUB(CURDATE(), INTERVAL 1 DAY)")
prog_id=$(enrol "$uid" "$fam3" "$ver3" in_progress NULL NULL)
other_id=$(enrol "$oid" "$fam3" "$ver3" completed "'2026-09-09'" NULL)

# ---------------------------------------------------------------- learner

use_cookie_jar learner
sign_in "$learner" 'learner pass 123'
request GET /learn/transcript
is "$STATUS" 200 "transcript status"
like "action=\"/learn/certificates/$done_id/print\"" "completed row offers printing"
like "action=\"/learn/certificates/$ext_id/print\"" "expired row offers printing"
unlike "action=\"/learn/certificates/$prog_id/print\"" "in-progress row offers no printing"

post_form "/learn/certificates/$done_id/print"
is "$STATUS" 303 "print redirects"
location=$(header_value Location)
cert_id=$(sql "SELECT id FROM certificates WHERE enrollment_id = $done_id")
is "$location" "/learn/certificates/$cert_id" "print redirects to the certificate"
is "$(sql "SELECT number_text FROM certificates WHERE id = $cert_id")" "ACME-01000" \
    "number uses the prefix format"
is "$(sql "SELECT next_number, last_issued_number FROM certification_families WHERE id = $fam" | tr '\t' ' ')" \
    "1001 1000" "family numbering advanced by one"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'certificate_issue' AND target_id = $uid")" 1 \
    "issue recorded in the audit log"

request GET "/learn/certificates/$cert_id"
is "$STATUS" 200 "certificate responds"
is "$(header_value Content-Type)" "application/pdf" "certificate is a PDF"
like '%PDF-' "body is a PDF document"
is "$(header_value Content-Disposition)" 'inline; filename="certificate-ACME-01000.pdf"' \
    "download name is the number"
cp "$RESPONSE_BODY" "$HTTP_TEST_DIR/first.pdf"
is "$(qpdf --check "$HTTP_TEST_DIR/first.pdf" >/dev/null 2>&1; echo $?)" 0 "PDF passes qpdf --check"
text=$(pdftotext -enc UTF-8 "$HTTP_TEST_DIR/first.pdf" - 2>/dev/null | tr '\n' ' ')
code=$(sql "SELECT verification_code FROM certificates WHERE id = $cert_id")
for want in 'Zoë Ångström' "Safety Ελληνικά $tag" 'ACME-01000' "$code" '20 November 2026' '20 November 2027'; do
	case $text in
	*"$want"*) tap_result 0 "PDF shows $want" ;;
	*) tap_result 1 "PDF shows $want"; diag "pdftotext: $text" ;;
	esac
done

# Printing again finds the same certificate and number.
request GET /learn/transcript
like 'ACME-01000' "transcript shows the certificate number"
post_form "/learn/certificates/$done_id/print"
is "$(header_value Location)" "/learn/certificates/$cert_id" "reprint finds the same certificate"
is "$(sql "SELECT COUNT(*) FROM certificates WHERE enrollment_id = $done_id")" 1 "reprint issues nothing new"
is "$(sql "SELECT next_number FROM certification_families WHERE id = $fam")" 1001 "reprint uses no number"

# The external-id format takes the year and month of the issue date.
request GET /learn/transcript
post_form "/learn/certificates/$ext_id/print"
is "$STATUS" 303 "expired certification prints"
is "$(sql "SELECT number_text FROM certificates WHERE enrollment_id = $ext_id")" \
    "EXT9$(date -u +%Y%m)-0007" "number uses the external id format"

# Not completed, revoked, another learner's.
request GET /learn/transcript
post_form "/learn/certificates/$prog_id/print"
is "$STATUS" 409 "in-progress certification is not printed"
is "$(sql "SELECT COUNT(*) FROM certificates WHERE enrollment_id = $prog_id")" 0 "no certificate issued"
is "$(sql "SELECT next_number FROM certification_families WHERE id = $fam3")" 1 "no number used"
request GET /learn/transcript
post_form "/learn/certificates/$other_id/print"
is "$STATUS" 404 "another learner's enrolment is not found"
request GET "/learn/certificates/999999999"
is "$STATUS" 404 "unknown certificate is not found"

# ---------------------------------------------------------------- verify

no_cookie_jar
request GET "/verify/$code"
is "$STATUS" 200 "verify page is public"
like 'Zoë Ångström' "verify shows the learner"
like "Safety Ελληνικά $tag" "verify shows the certification"
like '2026-11-20' "verify shows the completion date"
like '2027-11-20' "verify shows the expiry date"
like 'badge-completed">Valid' "verify shows valid"
unlike 'ACME-01000' "verify shows no certificate number"
unlike "$learner" "verify shows no login"
request GET /verify/0000000000000000
is "$STATUS" 404 "unknown code is not found"
request GET /verify/abc
is "$STATUS" 404 "malformed code is not found"
ext_code=$(sql "SELECT verification_code FROM certificates WHERE enrollment_id = $ext_id")
request GET "/verify/$ext_code"
like 'badge-expired">Expired' "verify shows expired"
request GET "/verify/$(printf '%s' "$ext_code" | tr 'A-Z' 'a-z')"
is "$STATUS" 200 "code typed in lower case verifies"
sql "UPDATE enrollments SET status = 'cancelled' WHERE id = $ext_id"
request GET "/verify/$ext_code"
like 'badge-revoked">Revoked' "verify shows a cancelled certification as revoked"

# Revoked: the verify page shows it, and the PDF is no longer served.
sql "UPDATE enrollments SET status = 'revoked', status_reason = 'test' WHERE id = $done_id"
request GET "/verify/$code"
like 'badge-revoked">Revoked' "verify shows revoked"
use_cookie_jar learner
request GET "/learn/certificates/$cert_id"
is "$STATUS" 409 "revoked certificate is not served"
unlike '%PDF-' "no PDF for a revoked certificate"
request GET /learn/transcript
post_form "/learn/certificates/$done_id/print"
is "$STATUS" 409 "revoked certification is not printed"

# ---------------------------------------------------------------- other learner

use_cookie_jar other
sign_in "$other" 'learner pass 123'
request GET "/learn/certificates/$cert_id"
is "$STATUS" 404 "another learner's certificate is not found"

# ---------------------------------------------------------------- admin

use_cookie_jar admin
sign_in "$admin" 'admin pass 123'
request GET "/admin/users/$oid/transcript"
like "action=\"/admin/enrollments/$other_id/certificate\"" "admin transcript offers printing"
post_form "/admin/enrollments/$other_id/certificate"
is "$STATUS" 303 "admin prints a learner's certificate"
admin_cert=$(sql "SELECT id FROM certificates WHERE enrollment_id = $other_id")
is "$(header_value Location)" "/admin/certificates/$admin_cert" "admin print redirects"
request GET "/admin/certificates/$admin_cert"
is "$STATUS" 200 "admin gets the PDF"
is "$(header_value Content-Type)" "application/pdf" "admin certificate is a PDF"

# ---------------------------------------------------------------- 500 at once

# 500 learners complete one certification; 500 first prints arrive at once
# through every FastCGI worker and get 500 distinct consecutive numbers.
set -- $(cert "Crowd $tag" year '' 6 1 ''); crowd=$1; crowd_ver=$2
sql "INSERT INTO users (login, role, created_at, updated_at)
    SELECT CONCAT('crowd-$tag-', seq), 'learner', NOW(6), NOW(6) FROM seq_1_to_500"
sql "INSERT INTO enrollments (user_id, family_id, certification_id, method, enrolled_at, enrolled_on, status, completed_on)
    SELECT id, $crowd, $crowd_ver, 'admin', NOW(6), CURDATE(), 'completed', CURDATE()
    FROM users WHERE login LIKE 'crowd-$tag-%'"
request GET "/admin/users/$oid/transcript"
csrf=$(extract_csrf)
sql "SELECT id FROM enrollments WHERE family_id = $crowd" >"$HTTP_TEST_DIR/crowd"
xargs -P 16 -I '{}' curl -s -o /dev/null -w '%{http_code}\n' \
    --cookie "$COOKIE_JAR" --data-urlencode "csrf=$csrf" \
    "$LAUREL_TEST_URL/admin/enrollments/{}/certificate" \
    <"$HTTP_TEST_DIR/crowd" >"$HTTP_TEST_DIR/codes"
is "$(grep -c '^303$' "$HTTP_TEST_DIR/codes")" 500 "500 prints succeed"
is "$(sql "SELECT COUNT(*), COUNT(DISTINCT number), MIN(number), MAX(number) FROM certificates WHERE family_id = $crowd" | tr '\t' ' ')" \
    "500 500 1 500" "500 distinct consecutive numbers"
is "$(sql "SELECT COUNT(DISTINCT number_text) FROM certificates WHERE family_id = $crowd AND number_text LIKE '$year-%'")" \
    500 "year format on every number"
is "$(sql "SELECT next_number FROM certification_families WHERE id = $crowd")" 501 \
    "next number follows the last issued"

done_testing
