#!/bin/sh
# CSRF, error pages, security headers, limits and escaping, through nginx.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/user.sh"

use_cookie_jar anon
request GET /signin
for h in "Content-Security-Policy|frame-ancestors 'none'" \
    "Content-Security-Policy|script-src 'self'" \
    "X-Content-Type-Options|nosniff" "Referrer-Policy|same-origin"; do
	header_like "${h%%|*}" "${h#*|}" "page header ${h%%|*} has ${h#*|}"
done
unlike '<script>' "no inline script on the sign-in page"

request GET /static/laurel.css
is "$STATUS" 200 "static CSS served by nginx"
header_like X-Content-Type-Options nosniff "static files carry nosniff"
header_like Content-Security-Policy "frame-ancestors 'none'" "static files carry the CSP"

request GET /favicon.ico
is "$STATUS" 200 "favicon.ico served by nginx"
header_like Content-Type "image/svg+xml" "favicon.ico is the SVG icon"
like '<svg' "favicon.ico holds the icon"
header_like X-Content-Type-Options nosniff "favicon.ico carries nosniff"

# CSRF
request POST /signin -d login=x -d password=yyyyyyyy
is "$STATUS" 403 "POST without CSRF token rejected"
like 'form has expired' "CSRF rejection explained"
request POST /signin -d csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA -d login=x \
    -d password=yyyyyyyy
is "$STATUS" 403 "POST with a wrong CSRF token rejected"

admin=$(unique_name csrfadmin)
add_user "$admin" admin 'admin pass 123'
sign_in "$admin" 'admin pass 123'
request POST /signout -d csrf=wrong
is "$STATUS" 403 "sign-out without the session token rejected"
request GET /admin/
is "$STATUS" 200 "session survives a rejected sign-out"

# Errors
request GET /no/such/page
is "$STATUS" 404 "unknown path is 404"
like 'Page not found' "404 page is friendly"
like 'Request ID' "404 page shows a request id"
request PUT /signin
is "$STATUS" 405 "wrong method is 405"
header_is Allow "GET, HEAD, POST" "405 lists the allowed methods"
request POST /admin/ -d csrf=x
is "$STATUS" 405 "POST to a GET page is 405"
header_is Allow "GET, HEAD" "Allow for a GET page"
request GET '/signin?q=%E2%82'
is "$STATUS" 400 "invalid UTF-8 in the query is 400"
like 'invalid UTF-8' "400 names the problem"
like '&quot;q&quot;' "400 names the field"
request GET '/signin?q=%ZZ'
is "$STATUS" 400 "invalid percent-encoding is 400"
long=$(head -c 270000 /dev/zero | tr "\0" a)
printf 'csrf=x&note=%s' "$long" >"$HTTP_TEST_DIR/long-body"
request POST /signin --data-binary "@$HTTP_TEST_DIR/long-body"
is "$STATUS" 400 "over-long field is 400"
like 'longer than 262144' "over-long field message"
like '&quot;note&quot;' "over-long field named"
head -c 11000000 /dev/zero >"$HTTP_TEST_DIR/big"
request POST /signin --data-binary "@$HTTP_TEST_DIR/big" \
    -H 'Content-Type: application/octet-stream'
is "$STATUS" 413 "body over the limit is 413 from nginx"
like 'larger than the site accepts' "413 page is friendly"
use_cookie_jar head
request HEAD /signin
is "$STATUS" 200 "HEAD answered"
is "$(wc -c <"$RESPONSE_BODY" | tr -d ' ')" 0 "HEAD has no body"

# Escaping of user text
evil=$(unique_name xss)
add_user "$evil" learner 'learner pass 123' \
    --first-name '<script>alert(1)</script>' --last-name '"><img src=x onerror=alert(1)>'
use_cookie_jar evil
sign_in "$evil" 'learner pass 123'
request GET /learn/
is "$STATUS" 200 "learner with markup in the name signs in"
unlike '<script>alert(1)</script>' "script tag not rendered raw"
unlike '<img src=x' "img tag not rendered raw"
like '&lt;script&gt;alert(1)&lt;/script&gt;' "name shown escaped"

done_testing
