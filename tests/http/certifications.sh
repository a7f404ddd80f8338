#!/bin/sh
# Admin pages for certifications.  The form is checked with every setting
# and with each kind of invalid input, with nothing saved.  Further parts:
# the certificate number preview, prices, images, courses, prerequisites
# with cycles, new versions and read-only old versions, and the user
# groups section.  Stored text is shown escaped on every page that shows
# it, and the list controls and the audit log are checked too.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/user.sh"

admin=$(unique_name certadmin)
add_user "$admin" admin 'admin pass 123'
use_cookie_jar admin
sign_in "$admin" 'admin pass 123'
request GET /admin/certifications/new
is "$STATUS" 200 "new certification form loads"
csrf=$(extract_csrf)
tag=$(unique_name Crt | tr -d -- -)

xss1='<script>alert(1)</script>'
xss2='"><img src=x onerror=alert(1)>'
xss1_shown='&lt;script&gt;alert(1)&lt;/script&gt;'
xss2_shown='&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'

sql "INSERT INTO catalogs (name, description, active, created_at, updated_at) VALUES ('$tag Catalog', '', 1, NOW(6), NOW(6)), ('$tag Other', '', 1, NOW(6), NOW(6))"
cat=$(sql "SELECT id FROM catalogs WHERE name = '$tag Catalog'")
cat2=$(sql "SELECT id FROM catalogs WHERE name = '$tag Other'")
sql "INSERT INTO user_types (name, created_at, updated_at) VALUES ('$tag Partner', NOW(6), NOW(6)), ('$tag Staff', NOW(6), NOW(6))"
ut1=$(sql "SELECT id FROM user_types WHERE name = '$tag Partner'")
ut2=$(sql "SELECT id FROM user_types WHERE name = '$tag Staff'")
sql "INSERT INTO certificate_templates (name, created_at, updated_at) VALUES ('$tag Template', NOW(6), NOW(6))"
tpl=$(sql "SELECT id FROM certificate_templates WHERE name = '$tag Template'")

# The form's fields, as shell variables that a test changes before
# cert_post and reset_fields restores.
reset_fields() {
	f_name="$tag Cert"
	f_description=
	f_language=en
	f_active=1
	f_user_types=
	f_limit_days=
	f_days=
	f_availability=certification
	f_template=
	f_catalog=$cat
	f_electives=0
	f_noc=
	f_display=
	f_progress=1
	f_expiration=perpetual
	f_expire=
	f_provisional=
	f_external=
	f_no_email=
	f_priced=
	f_rows=1
	f_currency0=
	f_amount0=
	f_currency1=
	f_amount1=
	f_cc=
	f_po=
	f_voucher=
	f_format=plain
	f_prefix=
	f_width=6
	f_start=1
	f_next=
}

# cert_post PATH [CURL_OPTION...]: posts the form from the f_ variables.
cert_post() {
	_cp_path=$1
	shift
	for _cp_ut in $f_user_types; do
		set -- "$@" -d "user_type=$_cp_ut"
	done
	for _cp_box in "active:$f_active" "limit_days:$f_limit_days" \
	    "display_individually:$f_display" \
	    "show_progress_bar:$f_progress" "provisional:$f_provisional" \
	    "disable_completion_email:$f_no_email" "priced:$f_priced" \
	    "pay_credit_card:$f_cc" "pay_purchase_order:$f_po" \
	    "pay_voucher:$f_voucher"; do
		if [ -n "${_cp_box#*:}" ]; then
			set -- "$@" -d "${_cp_box%%:*}=1"
		fi
	done
	request POST "$_cp_path" --data-urlencode "csrf=$csrf" \
	    --data-urlencode "name=$f_name" \
	    --data-urlencode "description=$f_description" \
	    --data-urlencode "language_code=$f_language" \
	    --data-urlencode "days_to_complete=$f_days" \
	    --data-urlencode "availability=$f_availability" \
	    --data-urlencode "certificate_template_id=$f_template" \
	    --data-urlencode "catalog_id=$f_catalog" \
	    --data-urlencode "required_electives=$f_electives" \
	    --data-urlencode "name_on_certificate=$f_noc" \
	    --data-urlencode "expiration_type=$f_expiration" \
	    --data-urlencode "expire_days=$f_expire" \
	    --data-urlencode "external_id=$f_external" \
	    --data-urlencode "price_rows=$f_rows" \
	    --data-urlencode "currency_0=$f_currency0" \
	    --data-urlencode "amount_0=$f_amount0" \
	    --data-urlencode "currency_1=$f_currency1" \
	    --data-urlencode "amount_1=$f_amount1" \
	    --data-urlencode "number_format=$f_format" \
	    --data-urlencode "number_prefix=$f_prefix" \
	    --data-urlencode "number_width=$f_width" \
	    --data-urlencode "start_number=$f_start" \
	    --data-urlencode "next_number=$f_next" "$@"
}

# post PATH FIELD=VALUE...: a form POST with the CSRF token.
post() {
	_p_path=$1
	shift
	request POST "$_p_path" --data-urlencode "csrf=$csrf" "$@"
}

# field_error FIELD TEXT NAME: the message TEXT is shown at FIELD.
field_error() {
	like "id=\"$1-error\">$2" "$3"
}

# is_sql QUERY EXPECTED NAME
is_sql() {
	is "$(sql "$1")" "$2" "$3"
}

count_certs() {
	sql "SELECT COUNT(*) FROM certifications WHERE name LIKE '$tag%'"
}

# ---------------------------------------------------------------- create

reset_fields
f_description='Ακαδημία & <b>bold</b>'
f_user_types="$ut1 $ut2"
f_limit_days=1
f_days=90
f_template=$tpl
f_noc="$tag On Paper"
f_expiration=interval
f_expire=730
f_provisional=1
f_external=EXT9
f_no_email=1
f_format=prefix
f_prefix=CERT-
f_width=6
f_start=40
cert_post /admin/certifications
is "$STATUS" 303 "certification created"
location=$(header_value Location)
id=${location##*/}
family=$(sql "SELECT family_id FROM certifications WHERE id = $id")
is_sql "SELECT CONCAT_WS('|', version, name, description, language_code, active, days_to_complete, availability, certificate_template_id, catalog_id, required_electives, name_on_certificate, display_individually, show_progress_bar, expiration_type, expire_days, provisional, external_id, disable_completion_email, priced) FROM certifications WHERE id = $id" \
    "1|$tag Cert|Ακαδημία & <b>bold</b>|en|1|90|certification|$tpl|$cat|0|$tag On Paper|0|1|interval|730|1|EXT9|1|0" \
    "every setting stored"
is_sql "SELECT CONCAT_WS('|', number_format, number_prefix, number_width, start_number, next_number, last_issued_number) FROM certification_families WHERE id = $family" \
    "prefix|CERT-|6|40|40|0" "numbering stored; next number starts at the start number"
is_sql "SELECT GROUP_CONCAT(user_type_id ORDER BY user_type_id) FROM certification_user_types WHERE certification_id = $id" \
    "$ut1,$ut2" "user types stored"
actor=$(sql "SELECT u.login FROM audit_log a JOIN users u ON u.id = a.actor_id WHERE a.action = 'certification_create' AND a.target_id = $id")
is "$actor" "$admin" "creation audited with the admin"

request GET "$location"
is "$STATUS" 200 "edit page loads"
like 'Certification created.' "creation confirmed"
like 'Ακαδημία &amp; &lt;b&gt;bold&lt;/b&gt;' "description shown escaped"
like "value=\"$ut1\" checked" "first user type checked"
like "value=\"$ut2\" checked" "second user type checked"
like "<option value=\"$tpl\" selected>$tag Template</option>" "template selected"
like 'href="/admin/templates/new">Upload a template</a>' "upload a template link"
like 'value="CERT-000040"' "number preview with prefix and next number"
like 'Version 1 of 1' "version shown"
like '<button type="submit" class="button button-primary">Save</button>' "Save button on the newest version"

reset_fields
f_name="$tag Plain"
f_next=
cert_post /admin/certifications
is "$STATUS" 303 "certification with defaults created"
plain_id=$(header_value Location)
plain_id=${plain_id##*/}
# An empty name on certificate stays empty, so the certificate prints the
# certification's name as it is at printing (lib/certificate.c).
is_sql "SELECT name_on_certificate FROM certifications WHERE id = $plain_id" \
    "" "empty name on certificate stays empty"
is_sql "SELECT CONCAT_WS('|', days_to_complete IS NULL, expire_days IS NULL, expiration_type) FROM certifications WHERE id = $plain_id" \
    "1|1|perpetual" "no limit and perpetual stored as such"

# ---------------------------------------------------------------- invalid

before=$(count_certs)
long201=$(head -c 201 /dev/zero | tr '\0' x)

reset_fields
f_name=
cert_post /admin/certifications
is "$STATUS" 400 "missing name is 400"
field_error name 'Name is required.' "missing name explained at the field"
like 'Nothing was saved.' "summary says nothing was saved"

reset_fields
f_name=$long201
cert_post /admin/certifications
is "$STATUS" 400 "201-character name is 400"
field_error name 'Name must be at most 200 characters long.' "name length named"
reset_fields
f_name=$(printf 'a\001b')
cert_post /admin/certifications
is "$STATUS" 400 "control character in a name is 400"

reset_fields
f_description=$(head -c 5001 /dev/zero | tr '\0' d)
cert_post /admin/certifications
is "$STATUS" 400 "5001-character description is 400"
field_error description 'Description must be at most 5000 characters long.' "description length named"

reset_fields
f_language=xx
cert_post /admin/certifications
is "$STATUS" 400 "unknown language is 400"
field_error language_code 'Language has an unknown value.' "unknown language explained"

reset_fields
f_user_types=999999999
cert_post /admin/certifications
is "$STATUS" 400 "unknown user type is 400"
field_error user_type 'User types contains a type that no longer exists.' "unknown user type explained"
reset_fields
f_user_types=abc
cert_post /admin/certifications
is "$STATUS" 400 "non-numeric user type is 400"
field_error user_type 'User types contains an invalid choice.' "invalid user type explained"

reset_fields
f_limit_days=1
cert_post /admin/certifications
is "$STATUS" 400 "limit without days is 400"
field_error days_to_complete 'Days to complete is required when &quot;Limit days to complete&quot; is checked.' "missing days explained"
f_days=366
cert_post /admin/certifications
is "$STATUS" 400 "366 days is 400"
field_error days_to_complete 'Days to complete must be a whole number from 1 to 365.' "day range named"
f_days=ten
cert_post /admin/certifications
is "$STATUS" 400 "days not a number is 400"
field_error days_to_complete 'Days to complete must be a whole number from 1 to 365.' "bad number explained"
f_days=365
f_limit_days=
f_days=ten
f_name="$tag Unlimited"
cert_post /admin/certifications
is "$STATUS" 303 "days are ignored without the limit"
unlimited_id=$(header_value Location)
unlimited_id=${unlimited_id##*/}
is_sql "SELECT days_to_complete IS NULL FROM certifications WHERE id = $unlimited_id" 1 "no limit stored"
before=$(count_certs)

reset_fields
f_availability=bogus
cert_post /admin/certifications
is "$STATUS" 400 "unknown availability is 400"
field_error availability 'Availability has an unknown value; choose one of the offered options.' "unknown availability explained"

reset_fields
f_catalog=
cert_post /admin/certifications
is "$STATUS" 400 "certification without catalog is 400"
field_error catalog_id 'Catalog is required for a certification.' "missing catalog explained"
f_catalog=999999999
cert_post /admin/certifications
is "$STATUS" 400 "unknown catalog is 400"
field_error catalog_id 'Catalog has an unknown value.' "unknown catalog explained"

reset_fields
f_template=999999999
cert_post /admin/certifications
is "$STATUS" 400 "unknown template is 400"
field_error certificate_template_id 'Certificate template has an unknown value.' "unknown template explained"

reset_fields
f_electives=1
cert_post /admin/certifications
is "$STATUS" 400 "electives without elective courses is 400"
field_error required_electives 'Required electives must be 0 because no course is marked Elective.' "electives explained"
f_electives=-1
cert_post /admin/certifications
is "$STATUS" 400 "negative electives is 400"
field_error required_electives 'Required electives must be a whole number from 0 to 200.' "electives range named"

reset_fields
f_display=1
cert_post /admin/certifications
is "$STATUS" 400 "display individually on a certification is 400"
field_error display_individually 'Display courses individually is only allowed for a Course Group without Certification.' "display individually explained"

reset_fields
f_noc=$long201
cert_post /admin/certifications
is "$STATUS" 400 "201-character name on certificate is 400"
field_error name_on_certificate 'Name on certificate must be at most 200 characters long.' "name on certificate length named"

reset_fields
f_expiration=interval
cert_post /admin/certifications
is "$STATUS" 400 "interval without days is 400"
field_error expire_days 'Expire in days is required for an interval expiration and must be at least 1.' "missing expire days explained"
f_expire=0
cert_post /admin/certifications
is "$STATUS" 400 "0 expire days is 400"
field_error expire_days 'Expire in days must be a whole number from 1 to 36500.' "expire days range named"
f_expiration=perpetual
f_expire=0
f_name="$tag Perpetual"
cert_post /admin/certifications
is "$STATUS" 303 "expire days are ignored when perpetual"
perpetual_id=$(header_value Location)
perpetual_id=${perpetual_id##*/}
is_sql "SELECT expire_days IS NULL FROM certifications WHERE id = $perpetual_id" 1 "perpetual stores no days"
before=$(count_certs)

reset_fields
f_external=$(head -c 51 /dev/zero | tr '\0' e)
cert_post /admin/certifications
is "$STATUS" 400 "51-character external id is 400"
field_error external_id 'External certification ID must be at most 50 characters long.' "external id length named"

reset_fields
f_priced=1
cert_post /admin/certifications
is "$STATUS" 400 "priced without prices is 400"
field_error priced 'A certification available for purchase needs at least one price.' "missing price explained"
field_error payment 'Choose at least one payment option for a priced certification.' "missing payment option explained"
f_currency0=XYZ
f_amount0=10
cert_post /admin/certifications
is "$STATUS" 400 "unknown currency is 400"
field_error currency_0 'Currency &quot;XYZ&quot; is not offered.' "unknown currency explained at its row"
f_currency0=USD
f_amount0=1.234
cert_post /admin/certifications
is "$STATUS" 400 "three decimals is 400"
field_error amount_0 'Amount must be a number from 0.00 to 9999999999.99 with at most two decimal places.' "amount format explained"
f_amount0=-5
cert_post /admin/certifications
is "$STATUS" 400 "negative amount is 400"
f_amount0=
cert_post /admin/certifications
is "$STATUS" 400 "currency without amount is 400"
field_error amount_0 'Amount is required for a currency.' "missing amount explained"
f_currency0=
f_amount0=5
cert_post /admin/certifications
is "$STATUS" 400 "amount without currency is 400"
field_error currency_0 'Choose a currency for this amount' "missing currency explained"
f_currency0=USD
f_rows=2
f_currency1=USD
f_amount1=7
f_voucher=1
cert_post /admin/certifications
is "$STATUS" 400 "same currency twice is 400"
field_error currency_1 'USD already has a price in another row.' "duplicate currency explained at the second row"

reset_fields
f_format=prefix
cert_post /admin/certifications
is "$STATUS" 400 "prefix format without prefix is 400"
field_error number_prefix 'Number prefix is required for the format &quot;Prefix and number&quot;.' "missing prefix explained"
f_prefix=$(head -c 31 /dev/zero | tr '\0' p)
cert_post /admin/certifications
is "$STATUS" 400 "31-character prefix is 400"
field_error number_prefix 'Number prefix must be at most 30 characters long.' "prefix length named"
reset_fields
f_format=external_year_month
cert_post /admin/certifications
is "$STATUS" 400 "external format without external id is 400"
field_error external_id 'External certification ID is required by the certificate number format' "missing external id explained"
reset_fields
f_format=roman
cert_post /admin/certifications
is "$STATUS" 400 "unknown number format is 400"
field_error number_format 'Certificate number format has an unknown value' "unknown format explained"
reset_fields
f_width=13
cert_post /admin/certifications
is "$STATUS" 400 "width 13 is 400"
field_error number_width 'Number width must be a whole number from 1 to 12.' "width range named"
f_width=
cert_post /admin/certifications
is "$STATUS" 400 "missing width is 400"
field_error number_width 'Number width is required.' "missing width explained"
reset_fields
f_start=0
cert_post /admin/certifications
is "$STATUS" 400 "start number 0 is 400"
field_error start_number 'Start number must be a whole number from 1 to 999999999999.' "start range named"
reset_fields
f_next=0
cert_post /admin/certifications
is "$STATUS" 400 "next number 0 is 400"
f_start=10
f_next=5
cert_post /admin/certifications
is "$STATUS" 400 "next below start is 400"
field_error next_number 'Next number cannot be below the start number, 10.' "next below start explained"

reset_fields
f_name=
f_catalog=
f_limit_days=1
f_width=0
f_expiration=interval
cert_post /admin/certifications
is "$STATUS" 400 "several invalid fields are 400"
field_error name 'Name is required.' "all at once: name"
field_error catalog_id 'Catalog is required' "all at once: catalog"
field_error days_to_complete 'Days to complete is required' "all at once: days"
field_error number_width 'Number width must be' "all at once: width"
field_error expire_days 'Expire in days is required' "all at once: expire days"
is "$(count_certs)" "$before" "nothing saved by invalid posts"

# The invalid form shows what was typed and the preview of the sent values.
reset_fields
f_name=
f_format=year
f_next=42
cert_post /admin/certifications
like "value=\"$(date -u +%Y)-000042\"" "preview shows the sent year format"
like '<option value="year" selected>' "sent format kept"

# ---------------------------------------------------------------- update

reset_fields
f_name="$tag Cert Renamed"
f_user_types=$ut2
f_format=prefix
f_prefix=CERT-
f_start=40
f_next=42
cert_post "/admin/certifications/$id"
is "$STATUS" 303 "certification updated"
is_sql "SELECT name FROM certifications WHERE id = $id" "$tag Cert Renamed" "new name stored"
is_sql "SELECT GROUP_CONCAT(user_type_id) FROM certification_user_types WHERE certification_id = $id" "$ut2" "user types replaced"
audit=$(sql "SELECT details FROM audit_log WHERE action = 'certification_update' AND target_id = $id ORDER BY id DESC LIMIT 1")
case $audit in
*"name: \"$tag Cert\" -> \"$tag Cert Renamed\""*"next number: 40 -> 42"*) tap_result 0 "audit row names the changed fields" ;;
*) tap_result 1 "audit row names the changed fields"; diag "got: $audit" ;;
esac
request GET "/admin/certifications/$id"
like 'Certification saved.' "update confirmed"
like 'value="CERT-000042"' "preview follows the saved next number"

f_format=year
cert_post "/admin/certifications/$id"
request GET "/admin/certifications/$id"
like "value=\"$(date -u +%Y)-000042\"" "year format preview"
f_format=external_year_month
f_external=EXT9
cert_post "/admin/certifications/$id"
request GET "/admin/certifications/$id"
like "value=\"EXT9$(date -u +%Y%m)-000042\"" "external id, year and month preview"
f_format=plain
f_width=8
cert_post "/admin/certifications/$id"
request GET "/admin/certifications/$id"
like 'value="00000042"' "plain format with width 8"

# Next number against the highest issued number of the family.
sql "UPDATE certification_families SET last_issued_number = 41, next_number = 42 WHERE id = $family"
f_next=41
cert_post "/admin/certifications/$id"
is "$STATUS" 400 "next number at the highest issued is 400"
field_error next_number 'Next number must be greater than 41, the highest certificate number already issued.' "highest issued number named"
f_next=7
cert_post "/admin/certifications/$id"
is "$STATUS" 400 "next number below the highest issued is 400"
is_sql "SELECT next_number FROM certification_families WHERE id = $family" 42 "next number unchanged"
like 'The highest number issued so far is 41' "hint names the highest issued number"
like 'id="number_preview" type="text" readonly value="00000042"' \
    "rejected save previews the stored next number"

# ---------------------------------------------------------------- prices

reset_fields
f_name="$tag Cert Renamed"
f_next=42
f_priced=1
f_currency0=EUR
f_amount0=149.5
f_rows=1
cert_post "/admin/certifications/$id" -d add_price=1
is "$STATUS" 200 "Add Prices shows the form again"
like 'name="currency_1"' "a second price row is offered"
like 'name="price_rows" value="2"' "row count carried in the form"
like '<option value="EUR" selected>' "typed currency kept"
like 'value="149.5"' "typed amount kept"
unlike 'field-error' "Add Prices checks nothing"
is_sql "SELECT COUNT(*) FROM certification_prices WHERE certification_id = $id" 0 "Add Prices saves nothing"

f_rows=2
f_currency1=USD
f_amount1=160
f_cc=1
f_po=1
cert_post "/admin/certifications/$id"
is "$STATUS" 303 "priced certification saved"
is_sql "SELECT GROUP_CONCAT(CONCAT(currency, ' ', amount) ORDER BY currency) FROM certification_prices WHERE certification_id = $id" \
    "EUR 149.50,USD 160.00" "prices stored with two decimals"
is_sql "SELECT CONCAT_WS('|', priced, pay_credit_card, pay_purchase_order, pay_voucher) FROM certifications WHERE id = $id" \
    "1|1|1|0" "payment options stored"
request GET "/admin/certifications/$id"
like 'value="149.50"' "amount shown with two decimals"
like 'Payment options (used when the certification is priced)' "payment options fieldset"
like 'name="currency_2"' "an empty row to add one more price"

# An emptied row removes its price.
f_currency1=
f_amount1=
cert_post "/admin/certifications/$id"
is "$STATUS" 303 "price removed"
is_sql "SELECT GROUP_CONCAT(currency) FROM certification_prices WHERE certification_id = $id" "EUR" "only EUR left"

# ---------------------------------------------------------------- text and escaping

sql "INSERT INTO user_groups (name, description, created_at, updated_at) VALUES ('$tag Group $xss1', '', NOW(6), NOW(6)), ('$tag Group2 $xss2', '', NOW(6), NOW(6))"
g1=$(sql "SELECT id FROM user_groups WHERE name = '$tag Group $xss1'")
g2=$(sql "SELECT id FROM user_groups WHERE name LIKE '$tag Group2 %'")
sql "INSERT INTO user_group_certifications (group_id, family_id, auto_enroll, created_at) VALUES ($g1, $family, 1, NOW(6)), ($g2, $family, 0, NOW(6))"

for payload in "$xss1" "$xss2"; do
	if [ "$payload" = "$xss1" ]; then shown=$xss1_shown; else shown=$xss2_shown; fi
	reset_fields
	f_name="$tag X $payload"
	f_description="$payload"
	f_noc="$payload"
	f_external="E$payload"
	f_external=$(printf '%s' "$f_external" | head -c 50)
	f_format=prefix
	f_prefix=$(printf '%s' "$payload" | head -c 30)
	cert_post /admin/certifications
	is "$STATUS" 303 "certification with markup saved"
	xid=$(header_value Location)
	xid=${xid##*/}
	is_sql "SELECT description FROM certifications WHERE id = $xid" "$payload" "markup stored byte for byte"
	request GET "/admin/certifications/$xid"
	unlike "$payload" "markup not raw on the edit page"
	like "$tag X $shown" "name shown escaped on the edit page"
	request GET "/admin/certifications?q=$tag%20X"
	unlike "$payload" "markup not raw on the list"
	like "$tag X $shown" "name shown escaped on the list"
	request GET "/admin/certifications/$plain_id/prerequisites?q=$tag%20X"
	unlike "$payload" "markup not raw on the prerequisites page"
	post "/admin/certifications/$xid/versions"
	unlike "$payload" "markup not raw on the new version page"
done

request GET "/admin/certifications/$id"
like "<a href=\"/admin/groups/$g1\">$tag Group $xss1_shown</a>" "group section links the group, escaped"
like "<a href=\"/admin/groups/$g2\">$tag Group2 $xss2_shown</a>" "second group escaped"
unlike "$xss1" "group name not raw"
unlike "$xss2" "second group name not raw"
like '<span class="badge">Auto Enroll</span>' "Auto Enroll shown"

# ---------------------------------------------------------------- courses

sql "INSERT INTO courses (code, name, description, created_at, updated_at) VALUES ('${tag}C1', 'Colour theory', '', NOW(6), NOW(6)), ('${tag}C2', 'Typography $xss1', '', NOW(6), NOW(6)), ('${tag}C3', 'Layout', '', NOW(6), NOW(6))"
c1=$(sql "SELECT id FROM courses WHERE code = '${tag}C1'")
c2=$(sql "SELECT id FROM courses WHERE code = '${tag}C2'")
c3=$(sql "SELECT id FROM courses WHERE code = '${tag}C3'")
request GET "/admin/certifications/$id/courses?q=${tag}C"
is "$STATUS" 200 "Select Courses loads"
like "${tag}C1" "courses found by code start"
unlike "$xss1" "course name not raw on Select Courses"
like "Typography $xss1_shown" "course name escaped on Select Courses"
post "/admin/certifications/$id/courses" -d "add=$c1" -d "add=$c2" -d "add=$c3"
is "$STATUS" 303 "courses added"
is_sql "SELECT GROUP_CONCAT(CONCAT(course_id, ':', requirement, ':', position) ORDER BY position) FROM certification_courses WHERE certification_id = $id" \
    "$c1:none:1,$c2:none:2,$c3:none:3" "added as Not Applicable, numbered 1 to 3"
post "/admin/certifications/$id/courses" -d "requirement_$c1=required" -d "position_$c1=30" \
    -d "requirement_$c2=elective" -d "position_$c2=10" \
    -d "requirement_$c3=elective" -d "position_$c3=20"
is "$STATUS" 303 "requirements and order saved"
is_sql "SELECT GROUP_CONCAT(CONCAT(course_id, ':', requirement, ':', position) ORDER BY position) FROM certification_courses WHERE certification_id = $id" \
    "$c2:elective:1,$c3:elective:2,$c1:required:3" "sorted by order and renumbered"
request GET "/admin/certifications/$id/courses?q=${tag}C"
unlike "<label for=\"add-$c1\">" "a course of the certification is not offered again"
post "/admin/certifications/$id/courses" -d "position_$c1=abc"
is "$STATUS" 400 "order not a number is 400"
like "id=\"position_$c1-error\">Order must be a whole number from 1 to 9999." "order error at its row"
post "/admin/certifications/$id/courses" -d "requirement_$c1=sometimes"
is "$STATUS" 400 "unknown requirement is 400"
post "/admin/certifications/$id/courses" -d "add=999999999"
is "$STATUS" 400 "unknown course is 400"
like 'A chosen course no longer exists.' "unknown course explained"

reset_fields
f_name="$tag Cert Renamed"
f_next=42
f_electives=2
cert_post "/admin/certifications/$id"
is "$STATUS" 303 "two required electives saved with two electives"
f_electives=3
cert_post "/admin/certifications/$id"
is "$STATUS" 400 "three required electives with two electives is 400"
field_error required_electives 'Required electives cannot be more than 2, the number of courses marked Elective.' "elective count named"
post "/admin/certifications/$id/courses" -d "requirement_$c2=required"
is "$STATUS" 400 "dropping below the required electives is 400"
like 'This certification requires 2 elective courses.' "required electives explained"
is_sql "SELECT requirement FROM certification_courses WHERE certification_id = $id AND course_id = $c2" elective "nothing changed"
post "/admin/certifications/$id/courses" -d "remove=$c1"
is "$STATUS" 303 "course removed"
is_sql "SELECT COUNT(*) FROM certification_courses WHERE certification_id = $id" 2 "two courses left"
request GET "/admin/certifications/$id"
like "Typography $xss1_shown" "course listed escaped on the edit page"

# ---------------------------------------------------------------- prerequisites

reset_fields
f_name="$tag Design Basics"
cert_post /admin/certifications
a=$(header_value Location)
a=${a##*/}
f_name="$tag Advanced Design"
cert_post /admin/certifications
b=$(header_value Location)
b=${b##*/}
f_name="$tag Expert Design"
cert_post /admin/certifications
c=$(header_value Location)
c=${c##*/}
fa=$(sql "SELECT family_id FROM certifications WHERE id = $a")
fb=$(sql "SELECT family_id FROM certifications WHERE id = $b")
fc=$(sql "SELECT family_id FROM certifications WHERE id = $c")

request GET "/admin/certifications/$b/prerequisites?q=$tag%20D"
is "$STATUS" 200 "Select Prerequisites loads"
like "id=\"add-$fa\"" "other certification offered"
unlike "id=\"add-$fb\"" "the certification itself is not offered"
post "/admin/certifications/$b/prerequisites" -d "family=$fa" -d rule=any
is "$STATUS" 303 "prerequisite saved"
is_sql "SELECT required_family_id FROM certification_prerequisites WHERE certification_id = $b" "$fa" "B requires A"
is_sql "SELECT prerequisite_rule FROM certifications WHERE id = $b" any "rule saved"
request GET "/admin/certifications/$b/prerequisites"
like "id=\"selected-$fa\" name=\"family\" type=\"checkbox\" value=\"$fa\" checked" "current prerequisite checked"
like 'value="any" checked' "rule shown"

post "/admin/certifications/$a/prerequisites" -d "family=$fb" -d rule=all
is "$STATUS" 400 "direct cycle is 400"
like "These prerequisites would form a cycle: $tag Design Basics → $tag Advanced Design → $tag Design Basics." "direct cycle named"
is_sql "SELECT COUNT(*) FROM certification_prerequisites WHERE certification_id = $a" 0 "cycle not saved"
post "/admin/certifications/$c/prerequisites" -d "family=$fb"
is "$STATUS" 303 "C requires B"
post "/admin/certifications/$a/prerequisites" -d "family=$fc"
is "$STATUS" 400 "longer cycle is 400"
like "$tag Design Basics → $tag Expert Design → $tag Advanced Design → $tag Design Basics" "longer cycle named in order"
like "id=\"selected-$fc\" name=\"family\" type=\"checkbox\" value=\"$fc\" checked" "rejected choice shown checked"
post "/admin/certifications/$a/prerequisites" -d "family=$fa"
is "$STATUS" 400 "requiring itself is 400"
like "cycle: $tag Design Basics → $tag Design Basics." "self cycle named"
post "/admin/certifications/$a/prerequisites" -d "family=999999999"
is "$STATUS" 400 "unknown prerequisite is 400"
post "/admin/certifications/$a/prerequisites" -d rule=sometimes
is "$STATUS" 400 "unknown rule is 400"
post "/admin/certifications/$b/prerequisites"
is "$STATUS" 303 "saving none clears the prerequisites"
is_sql "SELECT COUNT(*) FROM certification_prerequisites WHERE certification_id = $b" 0 "B requires nothing"
post "/admin/certifications/$a/prerequisites" -d "family=$fb"
is "$STATUS" 303 "A may require B once B no longer requires A"
request GET "/admin/certifications/$a"
like "$tag Advanced Design</a></li>" "prerequisite listed on the edit page"
audit=$(sql "SELECT details FROM audit_log WHERE action = 'certification_prerequisites' AND target_id = $a ORDER BY id DESC LIMIT 1")
case $audit in
*"$tag Advanced Design"*) tap_result 0 "prerequisite change audited with names" ;;
*) tap_result 1 "prerequisite change audited with names"; diag "got: $audit" ;;
esac

# ---------------------------------------------------------------- images

png=$HTTP_TEST_DIR/icon.png
printf '\211\120\116\107\015\012\032\012\000\000\000\015\111\110\104\122\000\000\000\001\000\000\000\001\010\002\000\000\000\220\167\123\336\000\000\000\014\111\104\101\124\170\234\143\120\110\130\000\000\001\304\001\041\142\137\212\375\000\000\000\000\111\105\116\104\256\102\140\202' >"$png"
printf 'plain text %s\n' "$tag" >"$HTTP_TEST_DIR/notes.png"
request POST "/admin/certifications/$id/image" -F "csrf=$csrf" -F kind=image \
    -F "file=@$png;type=image/png"
is "$STATUS" 303 "display image uploaded"
image=$(sql "SELECT COALESCE(image_file_id, 0) FROM certifications WHERE id = $id")
is_sql "SELECT purpose FROM files WHERE id = $image" certification_image "image stored for its purpose"
request GET "/admin/certifications/$id"
like "<img src=\"/files/$image\"" "current image shown"
request POST "/admin/certifications/$id/image" -F "csrf=$csrf" -F kind=icon \
    -F "file=@$png;type=image/png"
is "$STATUS" 303 "icon uploaded"
is_sql "SELECT icon_file_id IS NOT NULL FROM certifications WHERE id = $id" 1 "icon stored"
request POST "/admin/certifications/$id/image" -F "csrf=$csrf" -F kind=icon \
    -F "file=@$HTTP_TEST_DIR/notes.png;type=image/png"
is "$STATUS" 400 "a text file is not an image"
like 'id="icon_file-error">The file is not a PNG or JPEG image.' "not an image explained at the field"
request POST "/admin/certifications/$id/image" -F "csrf=$csrf" -F kind=image
is "$STATUS" 400 "upload without a file is 400"
like 'id="image_file-error">Choose an image file' "missing file explained"
request POST "/admin/certifications/$id/image" -F "csrf=$csrf" -F kind=banner \
    -F "file=@$png;type=image/png"
is "$STATUS" 400 "unknown kind is 400"
post "/admin/certifications/$id/image" -d kind=image -d reset=1
is "$STATUS" 303 "image set to the default"
is_sql "SELECT image_file_id IS NULL FROM certifications WHERE id = $id" 1 "default image stored as none"
actor=$(sql "SELECT u.login FROM audit_log a JOIN users u ON u.id = a.actor_id WHERE a.action = 'certification_image' AND a.target_id = $id LIMIT 1")
is "$actor" "$admin" "image change audited with the admin"

# ---------------------------------------------------------------- versions

sql "INSERT INTO certification_prerequisites (certification_id, required_family_id) VALUES ($id, $fc)"
post "/admin/certifications/$id/versions"
is "$STATUS" 200 "New Version asks for confirmation"
like 'Create version 2?' "confirmation names the version"
is_sql "SELECT COUNT(*) FROM certifications WHERE family_id = $family" 1 "nothing created before confirming"
post "/admin/certifications/$id/versions" -d confirm=1
is "$STATUS" 303 "version 2 created"
v2=$(header_value Location)
v2=${v2##*/}
is_sql "SELECT version FROM certifications WHERE id = $v2 AND family_id = $family" 2 "same family, version 2"
is_sql "SELECT CONCAT_WS('|', name, description, days_to_complete, catalog_id, required_electives, expiration_type, priced, number_format) FROM certifications c JOIN certification_families f ON f.id = c.family_id WHERE c.id = $v2" \
    "$(sql "SELECT CONCAT_WS('|', name, description, days_to_complete, catalog_id, required_electives, expiration_type, priced, number_format) FROM certifications c JOIN certification_families f ON f.id = c.family_id WHERE c.id = $id")" \
    "settings copied"
for table in certification_user_types certification_courses certification_prerequisites certification_prices; do
	is_sql "SELECT COUNT(*) FROM $table WHERE certification_id = $v2" \
	    "$(sql "SELECT COUNT(*) FROM $table WHERE certification_id = $id")" "$table copied"
done
request GET "/admin/certifications/$v2"
like 'Version 2 created. Version 1 is now read-only.' "new version confirmed"
like 'Version 2 of 2' "edit page of version 2"
like "<a href=\"/admin/groups/$g1\">" "group subscription follows the newest version"
like "href=\"/admin/certifications/$id\">$tag Cert Renamed</a>" "older version linked"

request GET "/admin/certifications/$id"
is "$STATUS" 200 "old version still shown"
like 'This is an older version and is read-only' "read-only note"
like "href=\"/admin/certifications/$v2\">Edit the newest version</a>" "link to the newest"
unlike '<button type="submit" class="button button-primary">Save</button>' "no Save button on the old version"
like '<fieldset disabled>' "old values shown disabled"
reset_fields
f_name="$tag Changed Old"
cert_post "/admin/certifications/$id"
is "$STATUS" 409 "saving an old version is 409"
like 'Version 1 of this certification is read-only because version 2 exists.' "read-only explained"
is_sql "SELECT name FROM certifications WHERE id = $id" "$tag Cert Renamed" "old version unchanged"
post "/admin/certifications/$id/courses" -d "remove=$c2"
is "$STATUS" 409 "old version's courses are 409"
post "/admin/certifications/$id/prerequisites"
is "$STATUS" 409 "old version's prerequisites are 409"
post "/admin/certifications/$id/image" -d kind=image -d reset=1
is "$STATUS" 409 "old version's image is 409"
post "/admin/certifications/$id/versions" -d confirm=1
is "$STATUS" 409 "no new version from an old one"
is_sql "SELECT COUNT(*) FROM certifications WHERE family_id = $family" 2 "still two versions"
actor=$(sql "SELECT u.login FROM audit_log a JOIN users u ON u.id = a.actor_id WHERE a.action = 'certification_version_create' AND a.target_id = $v2")
is "$actor" "$admin" "new version audited with the admin"

request GET "/admin/certifications?q=$tag%20Cert%20Renamed"
is "$(grep -c "$tag Cert Renamed</a>" "$RESPONSE_BODY")" 1 "list shows the family once"
like "href=\"/admin/certifications/$v2\"" "list links the newest version"
numbers=$(grep -A2 "href=\"/admin/certifications/$v2\">" "$RESPONSE_BODY" |
	sed -n 's/.*<td class="num">\([0-9]*\)<\/td>.*/\1/p' | tr '\n' ' ')
is "$numbers" "2 2 " "list shows version 2 of 2 versions"

# ---------------------------------------------------------------- list

reset_fields
f_name="${tag}Group Course"
f_availability=course_group
f_catalog=
f_display=1
cert_post /admin/certifications
is "$STATUS" 303 "course group without catalog saved"
reset_fields
f_name="${tag}Inactive"
f_active=
f_catalog=$cat2
cert_post /admin/certifications
is "$STATUS" 303 "inactive certification saved"
request GET "/admin/certifications?q=$tag&availability=course_group"
like "${tag}Group Course" "availability filter keeps the course group"
unlike "$tag Design Basics" "availability filter drops certifications"
like 'Course Group without Certification</td>' "availability shown"
request GET "/admin/certifications?q=$tag&status=inactive"
like "${tag}Inactive" "status filter keeps the inactive one"
unlike "${tag}Group Course" "status filter drops active ones"
request GET "/admin/certifications?q=$tag&catalog=$cat2"
like "${tag}Inactive" "catalog filter keeps its certification"
unlike "$tag Design Basics" "catalog filter drops others"
like "&amp;catalog=$cat2" "filters kept in the list links"
request GET "/admin/certifications?q=$tag%20&sort=name&dir=desc"
first=$(grep -o "/admin/certifications/[0-9]*\">$tag [^<]*" "$RESPONSE_BODY" | head -n 1 | sed 's/.*">//')
case $first in
"$tag X"*) tap_result 0 "descending sort puts X first" ;;
*) tap_result 1 "descending sort puts X first"; diag "got: $first" ;;
esac
request GET "/admin/certifications?letter=Q&q=$tag"
unlike "$tag Design Basics" "letter Q filters out names starting with $tag"
like 'aria-current="page">Q<' "letter Q marked current"

pages=
i=0
while [ "$i" -lt 55 ]; do
	pages="$pages INSERT INTO certification_families (created_at) VALUES (NOW(6));"
	pages="$pages INSERT INTO certifications (family_id, version, name, description, created_at, updated_at) VALUES (LAST_INSERT_ID(), 1, '${tag}Page$(printf %03d $i)', '', NOW(6), NOW(6));"
	i=$((i + 1))
done
sql "$pages"
request GET "/admin/certifications?q=${tag}Page"
like 'Showing 1–50' "first page shows 50"
like 'rel="next"' "next page offered"
request GET "/admin/certifications?q=${tag}Page&page=2"
like 'Showing 51–55' "second page shows the rest"
like "${tag}Page054" "last row on page 2"
unlike 'rel="next"' "no page after the last"
request GET "/admin/certifications?q=${tag}Page&sort=updated&dir=desc"
is "$STATUS" 200 "sort by last change"

# ---------------------------------------------------------------- audit

admin_id=$(sql "SELECT id FROM users WHERE login = '$admin'")
is_sql "SELECT GROUP_CONCAT(DISTINCT action ORDER BY action) FROM audit_log WHERE target_type = 'certification' AND target_id = $id" \
    "certification_courses,certification_create,certification_image,certification_update" \
    "each kind of change audited"
is_sql "SELECT COUNT(*) FROM audit_log WHERE target_type = 'certification' AND target_id IN ($id, $v2, $a, $b, $c) AND NOT (actor_id <=> $admin_id)" \
    0 "every audit row names the admin"
is_sql "SELECT COUNT(*) FROM audit_log WHERE target_type = 'certification' AND target_id = $a AND action = 'certification_prerequisites'" \
    1 "one audit row per saved prerequisite change"

# ------------------------------------------------- completion check

# A change to the courses, required electives or prerequisites queues a
# completion_recheck job for laurel-worker when learners are in progress.
rechecks() {
	sql "SELECT COUNT(*) FROM jobs WHERE kind = 'completion_recheck' AND payload = 'certification=$1'"
}
# wait_rechecks CERT: waits up to 30 s for its checks to finish.
wait_rechecks() {
	for _wr in $(seq 1 60); do
		[ "$(sql "SELECT COUNT(*) FROM jobs WHERE kind = 'completion_recheck' AND payload = 'certification=$1' AND state IN ('queued', 'running')")" = 0 ] && return 0
		sleep 0.5
	done
	diag "the completion check of certification $1 did not finish in 30 s"
}
enrolment() {
	sql "SELECT CONCAT_WS(' ', status, IFNULL(completed_on, '-')) FROM enrollments WHERE user_id = $1 AND certification_id = $rid"
}

reset_fields
f_name="$tag Recheck"
cert_post /admin/certifications
is "$STATUS" 303 "certification for the completion check created"
location=$(header_value Location)
rid=${location##*/}
sql "INSERT INTO courses (code, name, description, created_at, updated_at) VALUES ('${tag}R1', 'Rigging one', '', NOW(6), NOW(6)), ('${tag}R2', 'Rigging two', '', NOW(6), NOW(6)), ('${tag}E1', 'Knots', '', NOW(6), NOW(6)), ('${tag}E2', 'Splices', '', NOW(6), NOW(6))"
r1=$(sql "SELECT id FROM courses WHERE code = '${tag}R1'")
r2=$(sql "SELECT id FROM courses WHERE code = '${tag}R2'")
e1=$(sql "SELECT id FROM courses WHERE code = '${tag}E1'")
e2=$(sql "SELECT id FROM courses WHERE code = '${tag}E2'")
post "/admin/certifications/$rid/courses" -d "add=$r1" -d "add=$r2" -d "add=$e1" -d "add=$e2"
post "/admin/certifications/$rid/courses" -d "requirement_$r1=required" -d "requirement_$r2=required" \
    -d "requirement_$e1=elective" -d "requirement_$e2=elective"
f_electives=2
f_next=1
cert_post "/admin/certifications/$rid"
is "$STATUS" 303 "two required electives saved"
qfam=$(sql "INSERT INTO certification_families (created_at) VALUES (NOW(6)) RETURNING id")
sql "INSERT INTO certifications (family_id, version, name, description, created_at, updated_at) VALUES ($qfam, 1, '$tag Recheck prerequisite', '', NOW(6), NOW(6))"
post "/admin/certifications/$rid/prerequisites" -d "family=$qfam" -d rule=all
is "$STATUS" 303 "prerequisite saved"
is "$(rechecks "$rid")" 0 "no completion check without learners in progress"

# The first learner passed R1 and the elective E1, the second nothing.
rfam=$(sql "SELECT family_id FROM certifications WHERE id = $rid")
add_user "${tag}rone" learner 'learner pass 123'
add_user "${tag}rtwo" learner 'learner pass 123'
rone=$(sql "SELECT id FROM users WHERE login = '${tag}rone'")
rtwo=$(sql "SELECT id FROM users WHERE login = '${tag}rtwo'")
for _u in $rone $rtwo; do
	sql "INSERT INTO enrollments (user_id, family_id, certification_id, method, enrolled_at, enrolled_on) VALUES ($_u, $rfam, $rid, 'admin', NOW(6), '2026-01-05')"
done
sql "INSERT INTO course_registrations (user_id, course_id, method, registered_at, status, score, completed_on) VALUES ($rone, $r1, 'admin', NOW(6), 'completed', 90, '2026-01-10'), ($rone, $e1, 'admin', NOW(6), 'completed', 80, '2026-01-12')"

post "/admin/certifications/$rid/courses" -d "remove=$r2"
is "$STATUS" 303 "second required course removed"
is "$(rechecks "$rid")" 1 "removing a course queues a completion check"
wait_rechecks "$rid"
is "$(enrolment "$rone")" "in_progress -" "one elective of two: still in progress"

f_electives=1
cert_post "/admin/certifications/$rid"
is "$STATUS" 303 "one required elective saved"
is "$(rechecks "$rid")" 2 "fewer required electives queue a completion check"
wait_rechecks "$rid"
is "$(enrolment "$rone")" "in_progress -" "prerequisite missing: still in progress"

post "/admin/certifications/$rid/prerequisites" -d rule=all
is "$STATUS" 303 "prerequisite removed"
is "$(rechecks "$rid")" 3 "removing a prerequisite queues a completion check"
wait_rechecks "$rid"
is "$(enrolment "$rone")" "completed 2026-01-12" "rules now hold: completed on the day they first held"
is "$(enrolment "$rtwo")" "in_progress -" "learner without results stays in progress"
is "$(sql "SELECT state FROM jobs WHERE kind = 'completion_recheck' AND payload = 'certification=$rid' ORDER BY id DESC LIMIT 1")" done \
    "completion check done"

post "/admin/certifications/$rid/courses" -d "requirement_$r1=required" \
    -d "requirement_$e1=elective" -d "requirement_$e2=elective"
is "$STATUS" 303 "unchanged courses saved"
is "$(rechecks "$rid")" 3 "a save that changes nothing queues no check"

job=$(sql "SELECT MAX(id) FROM jobs WHERE kind = 'completion_recheck' AND payload = 'certification=$rid'")
request GET "/admin/jobs/$job"
like "Completion check after a rule change" "job page names the completion check"
like "href=\"/admin/certifications/$rid\"" "job page links the certification"
like "learners in progress checked, 1 certification completed." "job page sums up the check"
request GET /admin/jobs
like "of <a href=\"/admin/certifications/$rid\">certification $rid</a>" "jobs list names the certification"

request GET /admin/certifications/999999999
is "$STATUS" 404 "unknown certification is 404"
post /admin/certifications/999999999/versions -d confirm=1
is "$STATUS" 404 "new version of an unknown certification is 404"

request GET /admin/certifications/new
next_input=$(grep -o '<input[^>]*name="next_number"[^>]*>' "$RESPONSE_BODY")
case $next_input in
*'value=""'*) tap_result 0 "new form leaves next number empty, to follow the start number" ;;
*) tap_result 1 "new form leaves next number empty, to follow the start number"; diag "$next_input" ;;
esac

done_testing
