# shellcheck shell=sh
#
# TAP helpers for HTTP tests that use curl against a running Laurel stack.
# A test is a sh script that sources this file, makes requests, checks the
# responses and ends with done_testing:
#
#   . "$(dirname "$0")/lib.sh"
#   request GET /login
#   is "$STATUS" 200 "login page status"
#   like 'name="login"' "login form shown"
#   header_is X-Frame-Options DENY "login page frame header"
#   done_testing
#
# The stack's variables must be set (tests/with-stack or script/test does
# that): LAUREL_TEST_URL and, for sql, LAUREL_TEST_DB_SOCKET.
#
# request stores the last response in files in a temporary folder of this
# test, which is deleted on exit: $RESPONSE_STATUS, $RESPONSE_HEADERS (the
# header block of the final response) and $RESPONSE_BODY.  This file sets
# an EXIT trap for that; a test that sets its own EXIT trap must call
# http_cleanup from it.

if [ -z "${LAUREL_TEST_URL:-}" ]; then
	echo "Bail out! LAUREL_TEST_URL is not set: run this test through tests/with-stack or script/test"
	exit 1
fi

HTTP_TEST_DIR=$(mktemp -d "${TMPDIR:-/tmp}/laurel-http.XXXXXX") || {
	echo "Bail out! mktemp failed"
	exit 1
}
RESPONSE_STATUS=$HTTP_TEST_DIR/status
RESPONSE_HEADERS=$HTTP_TEST_DIR/headers
RESPONSE_BODY=$HTTP_TEST_DIR/body
STATUS=
COOKIE_JAR=

tap_count=0
tap_failed=0

http_cleanup() {
	rm -rf -- "$HTTP_TEST_DIR"
}
trap http_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- requests

# request METHOD PATH [CURL_OPTION...]
# Sends METHOD to $LAUREL_TEST_URL followed by PATH without following
# redirects, and stores the response: status in $STATUS and
# $RESPONSE_STATUS, headers in $RESPONSE_HEADERS, body in $RESPONSE_BODY.
# The current cookie jar (see use_cookie_jar) is sent and updated.  Extra
# options go to curl, e.g.
#   request POST /login --data-urlencode "csrf=$csrf" -d login=admin
# STATUS is 000 when curl got no response, and curl's error message is then
# printed as a TAP comment.
request() {
	_rq_method=$1
	_rq_path=$2
	shift 2
	case $_rq_method in
	GET) ;;
	HEAD) set -- --head "$@" ;;
	*) set -- --request "$_rq_method" "$@" ;;
	esac
	if [ -n "$COOKIE_JAR" ]; then
		set -- --cookie "$COOKIE_JAR" --cookie-jar "$COOKIE_JAR" "$@"
	fi

	: >"$HTTP_TEST_DIR/all-headers"
	: >"$RESPONSE_BODY"
	if ! STATUS=$(curl --silent --show-error --max-time 30 \
	    --dump-header "$HTTP_TEST_DIR/all-headers" \
	    --output "$RESPONSE_BODY" --write-out '%{http_code}' \
	    "$@" "$LAUREL_TEST_URL$_rq_path" 2>"$HTTP_TEST_DIR/curl-error"); then
		STATUS=000
		comment_lines <"$HTTP_TEST_DIR/curl-error"
	fi
	printf '%s\n' "$STATUS" >"$RESPONSE_STATUS"
	# With --head, curl writes the headers to the --output file as well.
	if [ "$_rq_method" = HEAD ]; then
		: >"$RESPONSE_BODY"
	fi

	# Keep only the final header block: an interim "100 Continue" comes
	# first when curl sends a large body.  Line ends lose their CR.
	tr -d '\r' <"$HTTP_TEST_DIR/all-headers" |
		awk '/^HTTP\// { block = "" } { block = block $0 "\n" } END { printf "%s", block }' \
		>"$RESPONSE_HEADERS"
}

# use_cookie_jar [NAME]
# Sends and stores cookies in the jar NAME (default "default") from now on.
# Separate jars act as separate browsers, e.g. one per signed-in user.
use_cookie_jar() {
	COOKIE_JAR=$HTTP_TEST_DIR/cookies-${1:-default}
	[ -f "$COOKIE_JAR" ] || : >"$COOKIE_JAR"
}

# Sends no cookies from now on.
no_cookie_jar() {
	COOKIE_JAR=
}

# Prints the value of the first hidden field written as
# name="csrf" value="TOKEN" in the last response body.
extract_csrf() {
	sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$RESPONSE_BODY" |
		head -n 1
}

# header_value NAME
# Prints the value of each header NAME (any case) in the last response,
# one per line.
header_value() {
	awk -v name="$1" '
		BEGIN { name = tolower(name) }
		{
			colon = index($0, ":")
			if (colon == 0 || tolower(substr($0, 1, colon - 1)) != name)
				next
			value = substr($0, colon + 1)
			sub(/^[ \t]+/, "", value)
			sub(/[ \t]+$/, "", value)
			print value
		}' "$RESPONSE_HEADERS"
}

# sql QUERY
# Runs QUERY in the test database and prints the rows, tab-separated and
# without column names.
sql() {
	mariadb --no-defaults --socket="$LAUREL_TEST_DB_SOCKET" --user=root \
	    -N -B laurel -e "$1"
}

# ---------------------------------------------------------------- TAP

# tap_result PASSED NAME
# Prints "ok N - NAME" when PASSED is 0, else "not ok N - NAME".
tap_result() {
	tap_count=$((tap_count + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_count - $2"
		return 0
	fi
	tap_failed=$((tap_failed + 1))
	echo "not ok $tap_count - $2"
	return 1
}

# Copies standard input to standard output as TAP comment lines, each
# prefixed with "# " and PREFIX, and each ending in a newline, so the next
# "ok" line starts on a line of its own.
comment_lines() {
	awk -v prefix="# ${1:-}" '{ print prefix $0 }'
}

# Prints each argument as TAP comment lines.
diag() {
	for _dg_line in "$@"; do
		printf '%s\n' "$_dg_line" | comment_lines
	done
}

# Prints the last response's status and the start of its body as comments.
diag_response() {
	diag "last response: $(cat "$RESPONSE_STATUS" 2>/dev/null) from $LAUREL_TEST_URL"
	if [ -s "$RESPONSE_BODY" ]; then
		head -c 2000 "$RESPONSE_BODY" | head -n 15 | comment_lines '  | '
	fi
}

# is GOT EXPECTED NAME: passes when GOT equals EXPECTED as a string.
is() {
	if [ "$1" = "$2" ]; then
		tap_result 0 "$3"
		return 0
	fi
	tap_result 1 "$3"
	diag "  got: '$1'" "  expected: '$2'"
	return 1
}

# like TEXT NAME: passes when the last response body contains TEXT.
like() {
	if grep -qF -- "$1" "$RESPONSE_BODY"; then
		tap_result 0 "$2"
		return 0
	fi
	tap_result 1 "$2"
	diag "  body does not contain: '$1'"
	diag_response
	return 1
}

# unlike TEXT NAME: passes when the last response body does not contain TEXT.
unlike() {
	if ! grep -qF -- "$1" "$RESPONSE_BODY"; then
		tap_result 0 "$2"
		return 0
	fi
	tap_result 1 "$2"
	diag "  body contains: '$1'"
	grep -nF -- "$1" "$RESPONSE_BODY" | head -n 3 | comment_lines '  line '
	return 1
}

# header_is NAME VALUE TESTNAME
# Passes when the last response has exactly one header NAME, equal to VALUE.
header_is() {
	_hi_got=$(header_value "$1")
	if [ "$_hi_got" = "$2" ]; then
		tap_result 0 "$3"
		return 0
	fi
	tap_result 1 "$3"
	if [ -z "$_hi_got" ]; then
		diag "  header $1 missing" "  expected: '$2'"
	else
		diag "  got $1: '$_hi_got'" "  expected: '$2'"
	fi
	return 1
}

# header_like NAME TEXT TESTNAME
# Passes when a header NAME of the last response contains TEXT.
header_like() {
	if header_value "$1" | grep -qF -- "$2"; then
		tap_result 0 "$3"
		return 0
	fi
	tap_result 1 "$3"
	_hl_got=$(header_value "$1")
	if [ -z "$_hl_got" ]; then
		diag "  header $1 missing" "  expected it to contain: '$2'"
	else
		diag "  got $1: '$_hl_got'" "  expected it to contain: '$2'"
	fi
	return 1
}

# Stops the test at once; the harness reports it as an error.
bail_out() {
	echo "Bail out! $*"
	exit 1
}

# Prints the plan and exits 1 when a check failed, else 0.
done_testing() {
	echo "1..$tap_count"
	if [ "$tap_failed" -gt 0 ]; then
		diag "$tap_failed of $tap_count checks failed"
		exit 1
	fi
	exit 0
}
