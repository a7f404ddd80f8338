#!/bin/sh
# Measures the admin list pages on a large catalog, in one run on one
# private stack.  It loads "laurelctl demo --scale" (100,000 learners and
# 10,000 certifications by default) and signs in as an administrator.
# Then wrk, with the session cookie, loads the user search, the first page
# of users, the first page of certifications and the certifications under
# one letter, first with the page cache on (hits after a warm-up run),
# then with Server.PageCacheBytes = 0.  Prints a Markdown table with
# requests per second, p99 latency, whether p99 is under the target, and
# the SQL statements per page (MariaDB's Com_stmt_execute over 100
# requests).
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

executes() {
	mariadb --no-defaults --socket="$LAUREL_TEST_DB_SOCKET" --user=root \
	    -N -B -e "SHOW GLOBAL STATUS LIKE 'Com_stmt_execute'" |
	    awk '{ print $2 }'
}
# statements PATH: prints the mean number of prepared statements that
# 100 requests of PATH ran, rounded down.  laurel-worker's polling
# adds a fraction of a statement per request to the global counter.
statements() {
	before=$(executes)
	i=0
	while [ "$i" -lt 100 ]; do
		curl -sS -o /dev/null -H "$cookie" "$LAUREL_TEST_URL$1"
		i=$((i + 1))
	done
	after=$(executes)
	echo $(( (after - before) / 100 ))
}

# all CACHE: measures every case and prints "NAME PATH CACHE rps p99
# statements" lines; CACHE names the cache state in the table.  The
# two-second warm-up run in run() lets every worker keep the page (a
# worker keeps it once its versions are two seconds old) before the
# statements are counted.
all() {
	for spec in "user-search /admin/users?q=$search" "users /admin/users" \
	    "certifications /admin/certifications" \
	    "certifications-letter /admin/certifications?letter=M"; do
		set -- $spec
		set -- $(run "$1" "$2")
		if [ "$3" = missing ]; then
			echo "$1 $2 $cache missing $4"
		else
			echo "$1 $2 $cache $3 $4 $(statements "$2")"
		fi
	done
}

cache=on
all >"$dir/results"
# Server.PageCacheBytes = 0, loaded by replacing the workers.
sed -i 's/^Server.PageCacheBytes = .*/Server.PageCacheBytes = 0/' "$LAUREL_TEST_CONFIG"
kill -HUP "$LAUREL_TEST_FCGI_PID"
sleep 2
cache=off
all >>"$dir/results"

awk -v c="$connections" -v w="$workers" -v d="$duration" -v n="$learners" \
    -v t="$target_ms" -v loaded="$load_time" '
	BEGIN {
		printf "wrk -t2 -c%s -d%ss, %s FastCGI workers, demo --scale %s\n", c, d, w, n
		printf "(%s)\n\n", loaded
		print "| case | path | cache | requests/s | p99 (ms) | p99 < " t " ms | SQL statements per page |"
		print "| --- | --- | --- | ---: | ---: | --- | ---: |"
	}
	$4 == "missing" {
		printf "| %s | `%s` | %s | – | – | page answered %s | – |\n", $1, $2, $3, $5
		next
	}
	{
		printf "| %s | `%s` | %s | %.0f | %.2f | %s | %s |\n", $1, $2, $3,
		    $4, $5, $5 < t ? "yes" : "no", $6
	}' "$dir/results"
