#!/bin/sh
# Priced certifications: vouchers and purchase orders, from the admin's
# pages to the learner's certification page.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/user.sh"

tag=$(unique_name P | tr -d -)
script='<script>alert(1)</script>'
img='"><img src=x onerror=alert(1)>'
today=$(sql "SELECT UTC_DATE()")
yesterday=$(sql "SELECT UTC_DATE() - INTERVAL 1 DAY")

admin=$(unique_name padmin)
add_user "$admin" admin 'admin pass 123'
aid=$(sql "SELECT id FROM users WHERE login = '$admin'")
type=$(sql "INSERT INTO user_types (name, created_at, updated_at) VALUES ('T $tag', NOW(6), NOW(6)) RETURNING id")
group=$(sql "INSERT INTO user_groups (name, created_at, updated_at) VALUES ('G $tag', NOW(6), NOW(6)) RETURNING id")

# learner NAME: creates a learner of the type in the group; prints the id.
learner() {
	add_user "$1" learner 'learner pass 123' --first-name Pay --last-name "$2"
	_id=$(sql "SELECT id FROM users WHERE login = '$1'")
	sql "UPDATE users SET user_type_id = $type WHERE id = $_id"
	sql "INSERT INTO user_group_members VALUES ($group, $_id, NOW(6))"
	echo "$_id"
}

# cert NAME PRICED VOUCHER PURCHASE_ORDER CREDIT_CARD: a subscribed family
# with one version; prints the family id.
cert() {
	_fam=$(sql "INSERT INTO certification_families (created_at) VALUES (NOW(6)) RETURNING id")
	_ver=$(sql "INSERT INTO certifications (family_id, version, name, description, priced, pay_voucher, pay_purchase_order, pay_credit_card, created_at, updated_at) VALUES ($_fam, 1, '$1', '', $2, $3, $4, $5, NOW(6), NOW(6)) RETURNING id")
	sql "INSERT INTO certification_user_types VALUES ($_ver, $type)"
	sql "INSERT INTO user_group_certifications VALUES ($group, $_fam, 0, NOW(6))"
	echo "$_fam"
}

free=$(cert "Free $tag" 0 0 0 0)
paid=$(cert "Paid $tag" 1 1 1 0)
other=$(cert "Other $tag" 1 1 0 0)
card=$(cert "Card $tag" 1 0 0 1)
xss=$(cert "X $tag $script" 1 1 1 0)
paid_version=$(sql "SELECT id FROM certifications WHERE family_id = $paid")
sql "INSERT INTO certification_prices VALUES ($paid_version, 'USD', 149.50), ($paid_version, 'EUR', 139.00)"

# ---------------------------------------------------------------- admin: vouchers

use_cookie_jar admin
sign_in "$admin" 'admin pass 123'
request GET /admin/
like 'href="/admin/vouchers"' "admin navigation links Vouchers"
like 'href="/admin/purchase-orders"' "admin navigation links Purchase orders"
request GET /admin/vouchers/new
is "$STATUS" 200 "new voucher form opens"
csrf=$(extract_csrf)
like "Paid $tag" "form offers a priced certification with vouchers"
like "Other $tag" "form offers the other one"
unlike "Free $tag" "form leaves out a free certification"
unlike "Card $tag" "form leaves out one without the voucher option"
like "X $tag &lt;script&gt;alert(1)&lt;/script&gt;" "certification name escaped in the select"
unlike "X $tag $script" "no raw script in the select"

vouchers_of() {
	sql "SELECT COUNT(*) FROM vouchers WHERE family_id IN ($paid, $other, $xss)"
}

# create FIELD=VALUE...: posts the voucher form.
create() {
	for _field in "$@"; do
		shift
		set -- "$@" --data-urlencode "$_field"
	done
	request POST /admin/vouchers --data-urlencode "csrf=$csrf" "$@"
}

create
is "$STATUS" 400 "empty voucher form is rejected"
like "Certification is required." "certification required"
like "Uses is required." "uses required"
like "Expiry date is required." "expiry date required"
like "Nothing was saved." "error summary shown"
create "family=$paid" "uses=0" "expires_on=$today"
is "$STATUS" 400 "zero uses rejected"
like "Uses must be a whole number from 1 to 100000." "uses range message"
create "family=$paid" "uses=100001" "expires_on=$today"
like "Uses must be a whole number from 1 to 100000." "uses above the maximum rejected"
create "family=$paid" "uses=ten" "expires_on=$today"
is "$STATUS" 400 "uses that are not a number rejected"
like "Uses must be a whole number from 1 to 100000." "not a number message"
create "family=$paid" "uses=5" "expires_on=$yesterday"
is "$STATUS" 400 "expiry in the past rejected"
like "Expiry date must be today ($today) or later." "past expiry message"
create "family=$paid" "uses=5" "expires_on=2030-02-30"
like "Expiry date must be a real date written YYYY-MM-DD." "impossible date rejected"
create "family=$free" "uses=5" "expires_on=$today"
is "$STATUS" 400 "free certification rejected"
like "Certification has an unknown value" "unknown certification message"
create "family=abc" "uses=5" "expires_on=$today"
like "Certification has an unknown value" "non-numeric certification rejected"
create "family=$paid" "code=AB1" "uses=5" "expires_on=$today"
is "$STATUS" 400 "three-character code rejected"
like "Code must be 4 to 40 characters of letters A-Z, digits and hyphens." "short code message"
create "family=$paid" "code=AB\$CD" "uses=5" "expires_on=$today"
like "Code must be 4 to 40 characters of letters A-Z, digits and hyphens." "code with a symbol rejected"
create "family=$paid" "code=$(printf 'A%.0s' $(seq 41))" "uses=5" "expires_on=$today"
like "Code must be at most 40 characters long." "41-character code rejected"
create "family=$paid" "code=$script" "uses=5" "expires_on=$today"
is "$STATUS" 400 "script as a code rejected"
like 'value="&lt;script&gt;alert(1)&lt;/script&gt;"' "rejected code shown escaped in the form"
is "$(vouchers_of)" 0 "no invalid voucher was saved"

create "family=$paid" "uses=2" "expires_on=$today"
is "$STATUS" 303 "valid voucher with a generated code redirects"
gen=$(sql "SELECT code FROM vouchers WHERE family_id = $paid ORDER BY id DESC LIMIT 1")
header_is Location "/admin/vouchers?q=$gen" "to the list searched by the new code"
is "$(printf '%s\n' "$gen" | grep -cE '^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$')" 1 \
    "generated code has three groups of four unambiguous characters"
is "$(sql "SELECT CONCAT(uses_allowed, ' ', uses_count, ' ', expires_on, ' ', created_by) FROM vouchers WHERE code = '$gen'")" \
    "2 0 $today $aid" "voucher saved with its uses, expiry and creator"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'voucher_create' AND actor_id = $aid AND details LIKE 'code $gen;%'")" 1 \
    "voucher creation audited with the actor"
request GET "/admin/vouchers?q=$gen"
like "Voucher $gen created." "creation confirmed"
like "<code>$gen</code>" "new voucher listed"

typed="pay-$tag"
typed_upper=$(printf '%s' "$typed" | tr '[:lower:]' '[:upper:]')
create "family=$paid" "code=$typed" "uses=1" "expires_on=$today"
is "$STATUS" 303 "typed code accepted"
is "$(sql "SELECT code FROM vouchers WHERE code = '$typed'")" "$typed_upper" "typed code stored in capitals"
create "family=$other" "code=$typed_upper" "uses=3" "expires_on=$today"
is "$STATUS" 409 "duplicate code answers 409"
like "Another voucher already has this code." "duplicate code message"
is "$(sql "SELECT COUNT(*) FROM vouchers WHERE code = '$typed'")" 1 "duplicate not saved"

# Vouchers in every state, and one of another certification.
mk_voucher() {
	sql "INSERT INTO vouchers (code, family_id, uses_allowed, uses_count, expires_on, created_at) VALUES ('$1', $2, $3, $4, '$5', NOW(6))"
}
mk_voucher "OK-$tag" "$paid" 5 0 "$today"
mk_voucher "OLD-$tag" "$paid" 5 0 "$yesterday"
mk_voucher "FULL-$tag" "$paid" 2 2 "$today"
mk_voucher "ELSE-$tag" "$other" 5 0 "$today"
mk_voucher "LAST-$tag" "$paid" 1 0 "$today"
request GET "/admin/vouchers?q=ok-$tag"
like "<code>OK-$tag</code>" "search by code start ignores case"
unlike "<code>OLD-$tag</code>" "search leaves out other codes"
like ">Valid<" "valid status shown"
like "0 of 5" "uses shown as used of allowed"
request GET "/admin/vouchers?q=old-$tag"
like "badge-expired" "expired status shown"
request GET "/admin/vouchers?q=full-$tag"
like "Used up" "used-up status shown"
request GET "/admin/vouchers?family=$other"
like "<code>ELSE-$tag</code>" "certification filter shows its vouchers"
unlike "<code>OK-$tag</code>" "certification filter leaves out others"
like "<option value=\"$other\" selected>" "filter keeps its choice"
request GET "/admin/vouchers?q=%C3%A9t%C3%A9"
is "$STATUS" 200 "search with non-ASCII text works"
like "Nothing found" "and finds nothing"

# Paging: 51 vouchers of one certification make two pages.
many=$(cert "Many $tag" 1 1 0 0)
i=0
while [ "$i" -lt 51 ]; do
	mk_voucher "M$(printf '%03d' "$i")-$tag" "$many" 1 0 "$today"
	i=$((i + 1))
done
request GET "/admin/vouchers?family=$many"
like "Showing 1–50" "first page shows 50"
like "rel=\"next\"" "next page link shown"
like "<code>M000-$tag</code>" "first page starts with the first code"
unlike "<code>M050-$tag</code>" "first page stops before the 51st"
request GET "/admin/vouchers?family=$many&page=2"
like "<code>M050-$tag</code>" "second page shows the 51st"
like "Showing 51–51" "second page shows one"
request GET "/admin/vouchers?family=$many&sort=code&dir=desc"
like "<code>M050-$tag</code>" "descending code sort starts with the last code"

# ---------------------------------------------------------------- learner: direct enrolment

lone=$(unique_name plone)
lone_id=$(learner "$lone" One)
use_cookie_jar lone
sign_in "$lone" 'learner pass 123'
request GET "/learn/certifications/$free"
lcsrf=$(extract_csrf)
like "/learn/certifications/$free/enroll" "free certification offers Enroll"
unlike 'id="payment-title"' "free certification shows no payment"
request POST "/learn/certifications/$free/enroll" --data-urlencode "csrf=$lcsrf"
is "$STATUS" 303 "free certification enrols directly"
is "$(sql "SELECT method FROM enrollments WHERE user_id = $lone_id AND family_id = $free")" self \
    "free enrolment made by the learner"

request GET "/learn/certifications/$paid"
is "$STATUS" 200 "priced certification page opens"
like "USD 149.50" "price in dollars shown"
like "EUR 139.00" "price in euros shown"
like "/learn/certifications/$paid/voucher" "voucher form offered"
like "/learn/certifications/$paid/purchase-order" "purchase order form offered"
unlike "/learn/certifications/$paid/enroll" "no direct Enroll button"
unlike "redit card" "credit card never offered"
request POST "/learn/certifications/$paid/enroll" --data-urlencode "csrf=$lcsrf"
is "$STATUS" 303 "direct enrolment in a priced certification redirects"
is "$(sql "SELECT COUNT(*) FROM enrollments WHERE user_id = $lone_id AND family_id = $paid")" 0 \
    "priced certification refuses direct enrolment"
request GET "/learn/certifications/$paid"
like "This certification is priced: use one of its payment options below." "learner told to pay"

request GET "/learn/certifications/$card"
like "cannot be paid for on this site" "card-only certification explains there is no way to pay here"
unlike 'name="code"' "card-only certification shows no voucher form"
unlike 'name="po_number"' "card-only certification shows no purchase order form"
unlike "redit card" "card-only certification shows no card form"
request GET "/learn/certifications/$other"
like "/learn/certifications/$other/voucher" "voucher-only certification offers vouchers"
unlike 'name="po_number"' "voucher-only certification offers no purchase order"

# ---------------------------------------------------------------- learner: vouchers

# redeem FAMILY CODE: posts the voucher form with the current jar.
redeem() {
	request POST "/learn/certifications/$1/voucher" --data-urlencode "csrf=$lcsrf" \
	    --data-urlencode "code=$2"
}
redemptions() {
	sql "SELECT COUNT(*) FROM voucher_redemptions r JOIN vouchers v ON v.id = r.voucher_id WHERE v.code LIKE '%$tag'"
}

redeem "$paid" ""
is "$STATUS" 400 "empty voucher code rejected"
like "Voucher code is required." "empty code message"
redeem "$paid" "NOPE-$tag"
is "$STATUS" 400 "unknown code rejected"
like "No voucher has this code." "unknown code message"
like "value=\"NOPE-$tag\"" "typed code shown again"
like 'aria-invalid="true"' "code field marked invalid"
redeem "$paid" "$script"
is "$STATUS" 400 "script as a code rejected"
like "No voucher has this code." "script code treated as unknown"
like 'value="&lt;script&gt;alert(1)&lt;/script&gt;"' "typed script shown escaped"
unlike "$script" "no raw script on the page"
redeem "$paid" "ELSE-$tag"
is "$STATUS" 400 "voucher of another certification rejected"
like "This voucher is for another certification." "other certification message"
redeem "$paid" "OLD-$tag"
is "$STATUS" 400 "expired voucher rejected"
like "This voucher expired on $yesterday." "expiry message with the date"
redeem "$paid" "FULL-$tag"
is "$STATUS" 409 "used-up voucher rejected"
like "This voucher has been used up." "used-up message"
is "$(redemptions)" 0 "no redemption recorded for a rejected voucher"
is "$(sql "SELECT uses_count FROM vouchers WHERE code = 'FULL-$tag'")" 2 "used-up count unchanged"

redeem "$paid" "ok-$tag"
is "$STATUS" 303 "valid voucher (last day, lower case) redirects"
header_is Location "/learn/certifications/$paid" "back to the certification"
is "$(sql "SELECT method FROM enrollments WHERE user_id = $lone_id AND family_id = $paid")" voucher \
    "enrolled by voucher"
is "$(sql "SELECT uses_count FROM vouchers WHERE code = 'OK-$tag'")" 1 "one use counted"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'voucher_redeem' AND actor_id = $lone_id")" 1 \
    "redemption audited with the learner"
request GET "/learn/certifications/$paid"
like "Voucher accepted. You are enrolled." "success message shown"
like "In progress" "certification shows the enrolment"
unlike 'name="code"' "no voucher form once enrolled"

# The same learner again, after the enrolment was cancelled.
sql "UPDATE enrollments SET status = 'cancelled' WHERE user_id = $lone_id AND family_id = $paid"
redeem "$paid" "OK-$tag"
is "$STATUS" 409 "second use by the same learner rejected"
like "This voucher was already used by you." "already used message"
is "$(sql "SELECT uses_count FROM vouchers WHERE code = 'OK-$tag'")" 1 "second use not counted"
is "$(sql "SELECT status FROM enrollments WHERE user_id = $lone_id AND family_id = $paid")" cancelled \
    "second use does not enrol"

# A learner whose type does not match cannot redeem.
stranger=$(unique_name pstranger)
stranger_id=$(learner "$stranger" Stranger)
sql "UPDATE users SET user_type_id = NULL WHERE id = $stranger_id"
use_cookie_jar stranger
sign_in "$stranger" 'learner pass 123'
request GET /learn/
scsrf=$(extract_csrf)
request POST "/learn/certifications/$paid/voucher" --data-urlencode "csrf=$scsrf" \
    --data-urlencode "code=OK-$tag"
is "$STATUS" 409 "learner without access cannot redeem"
like "You cannot enrol in this certification yet" "no-access message"
is "$(sql "SELECT uses_count FROM vouchers WHERE code = 'OK-$tag'")" 1 "no use counted without access"

# Two learners race for the last use of a one-use voucher.
racer1=$(unique_name pracer1)
racer2=$(unique_name pracer2)
racer1_id=$(learner "$racer1" RacerOne)
racer2_id=$(learner "$racer2" RacerTwo)
use_cookie_jar racer1
sign_in "$racer1" 'learner pass 123'
request GET /learn/
csrf1=$(extract_csrf)
jar1=$COOKIE_JAR
use_cookie_jar racer2
sign_in "$racer2" 'learner pass 123'
request GET /learn/
csrf2=$(extract_csrf)
jar2=$COOKIE_JAR
i=0
while [ "$i" -lt 5 ]; do
	curl -s -o /dev/null --cookie "$jar1" --data-urlencode "csrf=$csrf1" \
	    --data-urlencode "code=LAST-$tag" "$LAUREL_TEST_URL/learn/certifications/$paid/voucher" &
	curl -s -o /dev/null --cookie "$jar2" --data-urlencode "csrf=$csrf2" \
	    --data-urlencode "code=LAST-$tag" "$LAUREL_TEST_URL/learn/certifications/$paid/voucher" &
	i=$((i + 1))
done
wait
is "$(sql "SELECT COUNT(*) FROM enrollments WHERE family_id = $paid AND user_id IN ($racer1_id, $racer2_id)")" 1 \
    "racing for the last use enrols exactly one learner"
is "$(sql "SELECT uses_count FROM vouchers WHERE code = 'LAST-$tag'")" 1 "last use counted once"
is "$(sql "SELECT COUNT(*) FROM voucher_redemptions r JOIN vouchers v ON v.id = r.voucher_id WHERE v.code = 'LAST-$tag'")" 1 \
    "one redemption row"

# ---------------------------------------------------------------- purchase orders

buyer=$(unique_name pbuyer)
buyer_id=$(learner "$buyer" Buyer)
use_cookie_jar buyer
sign_in "$buyer" 'learner pass 123'
request GET "/learn/certifications/$paid"
bcsrf=$(extract_csrf)

# submit FAMILY NUMBER: posts the purchase order form with the current jar.
submit() {
	request POST "/learn/certifications/$1/purchase-order" \
	    --data-urlencode "csrf=$bcsrf" --data-urlencode "po_number=$2"
}
orders() {
	sql "SELECT COUNT(*) FROM purchase_orders WHERE user_id = $buyer_id"
}

submit "$paid" ""
is "$STATUS" 400 "empty purchase order number rejected"
like "Purchase order number is required." "required message"
submit "$paid" "$(printf 'P%.0s' $(seq 61))"
is "$STATUS" 400 "61-character number rejected"
like "Purchase order number must be at most 60 characters long." "length message"
submit "$other" "PO-$tag"
is "$STATUS" 409 "certification without purchase orders refuses one"
like "This certification does not accept purchase orders." "not offered message"
is "$(orders)" 0 "no invalid purchase order saved"

submit "$paid" "$script"
is "$STATUS" 303 "purchase order submitted"
header_is Location "/learn/certifications/$paid" "back to the certification"
is "$(sql "SELECT CONCAT(status, ' ', po_number) FROM purchase_orders WHERE user_id = $buyer_id")" \
    "pending $script" "purchase order saved as typed, pending"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'purchase_order_submit' AND actor_id = $buyer_id")" 1 \
    "submission audited"
request GET "/learn/certifications/$paid"
like "Purchase order submitted." "submission confirmed"
like "Your purchase order &lt;script&gt;alert(1)&lt;/script&gt; is waiting for approval." \
    "pending message with the number escaped"
unlike "$script" "no raw script on the learner page"
unlike 'name="po_number"' "no purchase order form while one waits"
like 'name="code"' "voucher form still offered"
submit "$paid" "$script"
is "$STATUS" 303 "double submit redirects"
is "$(orders)" 1 "double submit makes one request"
request GET "/learn/certifications/$paid"
like "already submitted and is waiting for approval" "double submit explained"
submit "$paid" "PO-2-$tag"
is "$STATUS" 409 "second number while one waits rejected"
like "You already have a purchase order waiting for approval." "pending message"
is "$(orders)" 1 "second number not saved"
po1=$(sql "SELECT id FROM purchase_orders WHERE user_id = $buyer_id")

use_cookie_jar admin
request GET "/admin/purchase-orders?q=$buyer"
is "$STATUS" 200 "purchase orders list opens"
like "&lt;script&gt;alert(1)&lt;/script&gt;" "number shown escaped in the admin list"
unlike "$script" "no raw script in the admin list"
like "/admin/purchase-orders/$po1/approve" "pending order offers Approve"
like "/admin/purchase-orders/$po1/reject" "pending order offers Reject"
request GET "/admin/purchase-orders/$po1/reject"
is "$STATUS" 200 "rejection page opens"
like "Reject purchase order &lt;script&gt;alert(1)&lt;/script&gt;?" "rejection page escapes the number"
unlike "$script" "no raw script on the rejection page"
request POST "/admin/purchase-orders/$po1/reject" --data-urlencode "csrf=$csrf" -d "reason="
is "$STATUS" 400 "rejection without a reason refused"
like "Reason is required." "reason required"
request POST "/admin/purchase-orders/$po1/reject" --data-urlencode "csrf=$csrf" \
    --data-urlencode "reason=$(printf 'r%.0s' $(seq 1001))"
is "$STATUS" 400 "reason over 1000 characters refused"
like "Reason must be at most 1000 characters long." "reason length message"
is "$(sql "SELECT status FROM purchase_orders WHERE id = $po1")" pending "still pending after invalid rejections"
request POST "/admin/purchase-orders/$po1/reject" --data-urlencode "csrf=$csrf" \
    --data-urlencode "reason=Budget code missing $img"
is "$STATUS" 303 "rejection redirects"
is "$(sql "SELECT CONCAT(status, ' ', decided_by) FROM purchase_orders WHERE id = $po1")" "rejected $aid" \
    "order rejected by the admin"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'purchase_order_reject' AND actor_id = $aid AND target_id = $po1")" 1 \
    "rejection audited"
request GET "/admin/purchase-orders?q=$buyer"
like "Budget code missing &quot;&gt;&lt;img src=x onerror=alert(1)&gt;" "reason shown escaped in the admin list"
unlike "$img" "no raw image tag in the admin list"
request POST "/admin/purchase-orders/$po1/reject" --data-urlencode "csrf=$csrf" -d "reason=again"
is "$STATUS" 409 "rejecting twice answers 409"
like "Nothing was changed: this purchase order was already rejected" "rejecting twice explained"
request POST "/admin/purchase-orders/$po1/approve" --data-urlencode "csrf=$csrf"
is "$STATUS" 409 "approving a rejected order answers 409"
request GET "/admin/purchase-orders/$po1/reject"
is "$STATUS" 409 "rejection page of a decided order answers 409"
is "$(sql "SELECT COUNT(*) FROM enrollments WHERE user_id = $buyer_id AND family_id = $paid")" 0 \
    "rejected order does not enrol"

use_cookie_jar buyer
request GET "/learn/certifications/$paid"
like "Your purchase order &lt;script&gt;alert(1)&lt;/script&gt; was rejected." "learner sees the rejection"
like "Reason: Budget code missing &quot;&gt;&lt;img src=x onerror=alert(1)&gt;" "learner sees the reason escaped"
unlike "$img" "no raw image tag on the learner page"
like 'name="po_number"' "learner may submit another number"
submit "$paid" "$script"
is "$STATUS" 409 "the rejected number cannot be submitted again"
like "You submitted this purchase order number before" "resubmission explained"
submit "$paid" "PO-2-$tag"
is "$STATUS" 303 "a new number is accepted"
po2=$(sql "SELECT id FROM purchase_orders WHERE user_id = $buyer_id AND po_number = 'PO-2-$tag'")

use_cookie_jar admin
request GET "/admin/purchase-orders?q=PO-2-$tag"
like "PO-2-$tag" "search by number finds the order"
request GET "/admin/purchase-orders?q=$buyer&status=rejected"
unlike "PO-2-$tag" "status filter leaves out the pending one"
like "&lt;script&gt;" "status filter shows the rejected one"
request POST "/admin/purchase-orders/$po2/approve" --data-urlencode "csrf=$csrf"
is "$STATUS" 303 "approval redirects"
is "$(sql "SELECT CONCAT(method, ' ', enrolled_by) FROM enrollments WHERE user_id = $buyer_id AND family_id = $paid")" \
    "purchase_order $aid" "approval enrols by purchase order"
is "$(sql "SELECT status FROM purchase_orders WHERE id = $po2")" approved "order approved"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'purchase_order_approve' AND actor_id = $aid AND target_id = $po2")" 1 \
    "approval audited"
request GET /admin/purchase-orders
like "Purchase order approved. The learner is enrolled." "approval confirmed"
request POST "/admin/purchase-orders/$po2/approve" --data-urlencode "csrf=$csrf"
is "$STATUS" 409 "approving twice answers 409"
like "Nothing was changed: this purchase order was already approved" "approving twice explained"
is "$(sql "SELECT COUNT(*) FROM enrollments WHERE user_id = $buyer_id AND family_id = $paid")" 1 \
    "approving twice enrols once"
request POST /admin/purchase-orders/999999999/approve --data-urlencode "csrf=$csrf"
is "$STATUS" 404 "approving an unknown order answers 404"

use_cookie_jar buyer
request GET "/learn/certifications/$paid"
like "In progress" "approved learner is enrolled"

# Enrolled by voucher while the purchase order waited.
both=$(unique_name pboth)
both_id=$(learner "$both" Both)
use_cookie_jar both
sign_in "$both" 'learner pass 123'
request GET "/learn/certifications/$paid"
lcsrf=$(extract_csrf)
request POST "/learn/certifications/$paid/purchase-order" --data-urlencode "csrf=$lcsrf" \
    --data-urlencode "po_number=PO-3-$tag"
redeem "$paid" "$gen"
is "$STATUS" 303 "voucher accepted while a purchase order waits"
po3=$(sql "SELECT id FROM purchase_orders WHERE user_id = $both_id")
use_cookie_jar admin
request POST "/admin/purchase-orders/$po3/approve" --data-urlencode "csrf=$csrf"
is "$STATUS" 409 "approving for an enrolled learner answers 409"
like "the learner is already enrolled" "enrolled learner explained"
is "$(sql "SELECT status FROM purchase_orders WHERE id = $po3")" pending "order stays pending"

use_cookie_jar buyer
request GET /admin/purchase-orders
is "$STATUS" 403 "learners cannot open the purchase orders"
request POST "/admin/purchase-orders/$po3/approve" --data-urlencode "csrf=$bcsrf"
is "$STATUS" 403 "learners cannot approve"

done_testing
