# shellcheck shell=sh
# Helpers for HTTP tests that need users; source after lib.sh.

# add_user LOGIN ROLE PASSWORD [laurelctl option...]
# Creates a user with laurelctl; stops the test when that fails.
add_user() {
	_au_login=$1
	_au_role=$2
	printf '%s\n' "$3" >"$HTTP_TEST_DIR/password"
	shift 3
	"$LAUREL_BUILDDIR/cli/laurelctl" -c "$LAUREL_TEST_CONFIG" user add \
	    --login "$_au_login" --role "$_au_role" \
	    --password-file "$HTTP_TEST_DIR/password" "$@" >/dev/null ||
		bail_out "cannot create user $_au_login"
}

# sign_in LOGIN PASSWORD
# Loads the sign-in page and posts the form with the current cookie jar;
# the response is the answer to the POST.
sign_in() {
	request GET /signin
	_si_csrf=$(extract_csrf)
	request POST /signin --data-urlencode "csrf=$_si_csrf" \
	    --data-urlencode "login=$1" --data-urlencode "password=$2"
}

# cookie_value NAME: prints the value of cookie NAME in the current jar.
cookie_value() {
	awk -v name="$1" '$6 == name { print $7 }' "$COOKIE_JAR" | tail -n 1
}

# unique_name PREFIX: prints PREFIX with a suffix unique to this run.
unique_name() {
	printf '%s-%s-%s\n' "$1" "$$" "$(date +%s%N | tail -c 7)"
}
