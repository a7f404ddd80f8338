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
. "$here/lib.sh"
bench_require_wrk
[ -x "$laurelctl" ] || { echo "bench: $laurelctl not found: build first (make), or set LAUREL_BUILDDIR to the build tree" >&2; exit 1; }
export LAUREL_BUILDDIR=$builddir
bench_stack_start "$workers"

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

session=$(bench_sign_in bench-admin "$password")

# ---------------------------------------------------------------- measure

# run NAME PATH: prints "NAME PATH rps p99_ms", or "NAME PATH missing
# STATUS" when the page does not return 200 with the session.
run() {
	code=$(curl -sS -o /dev/null -w '%{http_code}' \
	    -b "laurel_session=$session" "$LAUREL_TEST_URL$2")
	if [ "$code" != 200 ]; then
		echo "$1 $2 missing $code"
		return 0
	fi
	bench_warm "$session" "$2"
	set -- "$1" "$2" $(bench_wrk "$session" "$2" "$connections")
	echo "$1 $2 $3 $4"
}

# all CACHE: measures every case and prints "NAME PATH CACHE rps p99
# statements" lines; CACHE names the cache state in the table.  The
# warm-up run in run() lets every worker keep the page before the
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
			echo "$1 $2 $cache $3 $4 $(bench_statements "$session" "$2")"
		fi
	done
}

cache=on
all >"$dir/results"
bench_cache_off
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
