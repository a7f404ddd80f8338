#!/bin/sh
# Failed sign-ins are throttled per account with 429 and Retry-After, and
# the wait stays short for the real user.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/user.sh"

victim=$(unique_name victim)
add_user "$victim" learner 'learner pass 123'
use_cookie_jar t

limit=$(sed -n 's/^Auth.AccountFailures *= *//p' "$LAUREL_TEST_CONFIG")
limit=${limit:-5}
i=0
while [ "$i" -lt "$limit" ]; do
	sign_in "$victim" "wrong password $i"
	i=$((i + 1))
done
is "$STATUS" 401 "failures up to the limit answer 401"
sign_in "$victim" 'learner pass 123'
is "$STATUS" 429 "next try is throttled"
retry=$(header_value Retry-After)
case $retry in
''|*[!0-9]*) tap_result 1 "Retry-After is a number of seconds" ;;
*) tap_result 0 "Retry-After is a number of seconds" ;;
esac
if [ -n "$retry" ] && [ "$retry" -le 60 ] 2>/dev/null; then
	tap_result 0 "wait is at most a minute"
else
	tap_result 1 "wait is at most a minute"
fi
like 'Too many failed sign-ins' "throttle explained"
sleep $((retry + 1))
sign_in "$victim" 'learner pass 123'
is "$STATUS" 303 "after the wait the real user signs in"
left=$(sql "SELECT COUNT(*) FROM login_attempts WHERE kind = 'account' AND subject = '$victim'")
is "$left" 0 "successful sign-in clears the failures"

done_testing
