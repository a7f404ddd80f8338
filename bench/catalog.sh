#!/bin/sh
# Measures the admin list pages on a large catalog, in one run on one
# private stack.  It loads "laurelctl demo --scale" (100,000 learners and
# 10,000 certifications by default) and signs in as an administrator.
# Then wrk, with the session cookie, loads the user search, the first page
# of users, the first page of certifications and the certifications under
# one letter.  Prints a Markdown table with requests per second and p99
# latency, and whether p99 is under the target.
#
#   bench/catalog.sh [-d SECONDS] [-c CONNECTIONS] [-w WORKERS]
#                    [-n LEARNERS] [-q SEARCH]
#
# Build first (make).  LAUREL_BUILDDIR names an out-of-tree build; the
# default is the source tree.
# The load generator shares the machine's cores with the server, so
# compare numbers only between runs on the same machine.
set -eu

duration=10
connections=32
workers=4
learners=100000
search=Mar
target_ms=20
usage="usage: bench/catalog.sh [-d SECONDS] [-c CONNECTIONS] [-w WORKERS] [-n LEARNERS] [-q SEARCH]"
while getopts d:c:w:n:q: opt; do
	case $opt in
	d) duration=$OPTARG ;;
	c) connections=$OPTARG ;;
	w) workers=$OPTARG ;;
	n) learners=$OPTARG ;;
	q) search=$OPTARG ;;
	*) echo "$usage" >&2
	   exit 2 ;;
	esac
done
case $search in
'' | *[!A-Za-z]*)
	echo "bench: -q takes letters A-Z only, not '$search'" >&2
	exit 2 ;;
esac

here=$(cd "$(dirname "$0")" && pwd)
srcdir=$(dirname "$here")
builddir=${LAUREL_BUILDDIR:-$srcdir}
laurelctl=$builddir/cli/laurelctl
command -v wrk >/dev/null || { echo "bench: wrk is not installed (script/bootstrap installs it)" >&2; exit 1; }
[ -x "$laurelctl" ] || { echo "bench: $laurelctl not found: build first (make), or set LAUREL_BUILDDIR to the build tree" >&2; exit 1; }
export LAUREL_BUILDDIR=$builddir

dir=$(mktemp -d "${TMPDIR:-/tmp}/laurel-bench.XXXXXX")
rmdir "$dir"
LAUREL_STACK_WORKERS=$workers "$srcdir/tests/stack" start "$dir" >/dev/null
trap '"$srcdir/tests/stack" stop "$dir" --clean >/dev/null 2>&1' EXIT INT TERM
. "$dir/env"

# ---------------------------------------------------------------- data

echo "bench: loading demo --scale $learners" >&2
"$laurelctl" -c "$LAUREL_TEST_CONFIG" demo --scale "$learners" \
    2>"$dir/demo.log" || { cat "$dir/demo.log" >&2; exit 1; }
load_time=$(tail -n 1 "$dir/demo.log")

# The administrator's password is random and lives only in the stack.
password=$(head -c 18 /dev/urandom | base64 | tr '+/' 'ab')
printf '%s\n' "$password" >"$dir/password"
"$laurelctl" -c "$LAUREL_TEST_CONFIG" user add --login bench-admin \
    --role admin --password-file "$dir/password" >/dev/null

# ---------------------------------------------------------------- session

jar=$dir/cookies
curl -fsS -c "$jar" -b "$jar" -o "$dir/signin.html" "$LAUREL_TEST_URL/signin"
csrf=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$dir/signin.html" | head -n 1)
status=$(curl -sS -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' \
    --data-urlencode "csrf=$csrf" --data-urlencode login=bench-admin \
    --data-urlencode "password=$password" "$LAUREL_TEST_URL/signin")
session=$(awk '$6 == "laurel_session" { print $7 }' "$jar" | tail -n 1)
if [ "$status" != 303 ] || [ -z "$session" ]; then
	echo "bench: signing in as bench-admin failed (status $status)" >&2
	exit 1
fi
cookie="Cookie: laurel_session=$session"

# ---------------------------------------------------------------- measure

# run NAME PATH: prints "NAME PATH rps p99_ms", or "NAME PATH missing
# STATUS" when the page does not return 200 with the session.
run() {
	code=$(curl -sS -o /dev/null -w '%{http_code}' -H "$cookie" \
	    "$LAUREL_TEST_URL$2")
	if [ "$code" != 200 ]; then
		echo "$1 $2 missing $code"
		return 0
	fi
	wrk -t1 -c4 -d2s -H "$cookie" "$LAUREL_TEST_URL$2" >/dev/null
	out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency \
	    -H "$cookie" "$LAUREL_TEST_URL$2")
	rps=$(printf '%s\n' "$out" | awk '/^Requests\/sec:/ { print $2 }')
	p99=$(printf '%s\n' "$out" | awk '$1 == "99%" {
		v = $2
		if (v ~ /us$/) { sub(/us$/, "", v); v = v / 1000 }
		else if (v ~ /ms$/) { sub(/ms$/, "", v) }
		else if (v ~ /s$/) { sub(/s$/, "", v); v = v * 1000 }
		print v }')
	errors=$(printf '%s\n' "$out" | awk '/Non-2xx|Socket errors/ { print }')
	[ -z "$errors" ] || echo "bench: $1: $errors" >&2
	echo "$1 $2 $rps $p99"
}

{
	run user-search "/admin/users?q=$search"
	run users "/admin/users"
	run certifications "/admin/certifications"
	run certifications-letter "/admin/certifications?letter=M"
} >"$dir/results"

awk -v c="$connections" -v w="$workers" -v d="$duration" -v n="$learners" \
    -v t="$target_ms" -v loaded="$load_time" '
	BEGIN {
		printf "wrk -t2 -c%s -d%ss, %s FastCGI workers, demo --scale %s\n", c, d, w, n
		printf "(%s)\n\n", loaded
		print "| case | path | requests/s | p99 (ms) | p99 < " t " ms |"
		print "| --- | --- | ---: | ---: | --- |"
	}
	$3 == "missing" {
		printf "| %s | `%s` | – | – | page answered %s |\n", $1, $2, $4
		next
	}
	{
		printf "| %s | `%s` | %.0f | %.2f | %s |\n", $1, $2, $3, $4,
		    $4 < t ? "yes" : "no"
	}' "$dir/results"
