#!/bin/sh
# Signing in and out through nginx: landing pages per role, the session
# cookie, its replacement at sign-in, and the end of it at sign-out.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/user.sh"

admin=$(unique_name admin)
learner=$(unique_name learner)
add_user "$admin" admin 'admin pass 123'
add_user "$learner" learner 'learner pass 123'

use_cookie_jar admin
request GET /signin
is "$STATUS" 200 "sign-in page loads"
like 'name="login"' "sign-in page has the login field"
header_like Set-Cookie 'laurel_csrf=' "pre-session CSRF cookie set"
csrf=$(extract_csrf)
is "${#csrf}" 43 "CSRF token is 43 characters"

request POST /signin --data-urlencode "csrf=$csrf" \
    --data-urlencode "login=$admin" --data-urlencode 'password=admin pass 123'
is "$STATUS" 303 "admin sign-in redirects"
header_is Location /admin/ "admin lands on /admin/"
header_like Set-Cookie 'laurel_session=' "session cookie set"
header_like Set-Cookie 'HttpOnly' "session cookie is HttpOnly"
header_like Set-Cookie 'SameSite=Lax' "session cookie is SameSite=Lax"
first_token=$(cookie_value laurel_session)
is "${#first_token}" 43 "session token is 256 bits in base64url"
token_rows=$(sql "SELECT COUNT(*) FROM sessions WHERE token_hash = UNHEX(SHA2('$first_token', 256))")
is "$token_rows" 1 "database holds the token's hash"
plain_rows=$(sql "SELECT COUNT(*) FROM sessions WHERE token_hash = '$first_token'")
is "$plain_rows" 0 "database does not hold the token itself"

request GET /admin/
is "$STATUS" 200 "admin page with the session"
like '<h1>Administration</h1>' "admin dashboard shown"
like "Sign out" "sign-out button shown"

request GET /learn/
is "$STATUS" 403 "admin cannot open the learner area"

# Signing in again replaces the session.
sign_in "$admin" 'admin pass 123'
is "$STATUS" 403 "a second sign-in form with the pre-session token is refused"
request GET /admin/
csrf=$(extract_csrf)
request POST /signin --data-urlencode "csrf=$csrf" \
    --data-urlencode "login=$admin" --data-urlencode 'password=admin pass 123'
is "$STATUS" 303 "sign-in while signed in succeeds"
second_token=$(cookie_value laurel_session)
if [ "$first_token" != "$second_token" ] && [ -n "$second_token" ]; then
	tap_result 0 "sign-in replaces the session token"
else
	tap_result 1 "sign-in replaces the session token"
fi
old_rows=$(sql "SELECT COUNT(*) FROM sessions WHERE token_hash = UNHEX(SHA2('$first_token', 256))")
is "$old_rows" 0 "old session deleted"
no_cookie_jar
request GET /admin/ --cookie "laurel_session=$first_token"
is "$STATUS" 303 "old token no longer signs in"
header_like Location '/signin?next=/admin/' "redirected to sign-in with next"

use_cookie_jar admin
request GET /admin/
csrf=$(extract_csrf)
request POST /signout --data-urlencode "csrf=$csrf"
is "$STATUS" 303 "sign-out redirects"
header_is Location /signin "sign-out lands on the sign-in page"
request GET /signin
like 'You have signed out.' "sign-out message shown"
# curl 7.88 keeps a cookie from its jar file that a response deletes, so
# the check is on the deleting header itself.
header_like Set-Cookie 'laurel_flash=; Path=/' "message cookie deleted once shown"
header_like Set-Cookie 'Max-Age=0' "deletion carries Max-Age=0"
request GET /admin/
is "$STATUS" 303 "admin page needs a session again"
ended=$(sql "SELECT COUNT(*) FROM sessions WHERE token_hash = UNHEX(SHA2('$second_token', 256))")
is "$ended" 0 "sign-out deleted the session row"

use_cookie_jar learner
sign_in "$learner" 'learner pass 123'
is "$STATUS" 303 "learner sign-in redirects"
header_is Location /learn/ "learner lands on /learn/"
request GET /learn/
is "$STATUS" 200 "learner area opens"
like 'My training' "learner home shown"
request GET /admin/
is "$STATUS" 403 "learner cannot open the admin area"
like 'Access denied' "403 page is the friendly one"

use_cookie_jar next
request GET "/signin?next=/learn/"
csrf=$(extract_csrf)
request POST /signin --data-urlencode "csrf=$csrf" --data-urlencode "next=/learn/" \
    --data-urlencode "login=$learner" --data-urlencode 'password=learner pass 123'
header_is Location /learn/ "next path followed after sign-in"
use_cookie_jar offsite
request GET /signin
csrf=$(extract_csrf)
request POST /signin --data-urlencode "csrf=$csrf" \
    --data-urlencode "next=//evil.example/" \
    --data-urlencode "login=$learner" --data-urlencode 'password=learner pass 123'
header_is Location /learn/ "off-site next ignored"

use_cookie_jar wrong
sign_in "$learner" 'wrong password'
is "$STATUS" 401 "wrong password answered 401"
like 'The login or password is not correct.' "wrong password message"
sign_in "nobody-$$" 'wrong password'
is "$STATUS" 401 "unknown login answered 401"
like 'The login or password is not correct.' "unknown login gets the same message"
request GET /signin
csrf=$(extract_csrf)
request POST /signin --data-urlencode "csrf=$csrf" --data-urlencode "login=$learner"
is "$STATUS" 400 "missing password is 400"
like 'Enter your password.' "missing password named"

sql "UPDATE users SET active = 0 WHERE login = '$learner'"
sign_in "$learner" 'learner pass 123'
is "$STATUS" 401 "deactivated user cannot sign in"

done_testing
