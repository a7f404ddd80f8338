#!/bin/sh
# Measures, in one run on one private stack: a static file from nginx, the
# FastCGI health page (no database, no template) and the sign-in page
# (database ping, pre-session token, ClearSilver template), with wrk on
# loopback.  Prints a Markdown table with requests per second, p99 latency
# and each case's throughput as a share of the FastCGI page.
#
#   bench/http.sh [-d SECONDS] [-c CONNECTIONS] [-w WORKERS]
#
# Build first (make).  The load generator shares the machine's cores with
# the server, so compare the ratios, not the absolute numbers, between
# machines.
set -eu

duration=10
connections=32
workers=4
while getopts d:c:w: opt; do
	case $opt in
	d) duration=$OPTARG ;;
	c) connections=$OPTARG ;;
	w) workers=$OPTARG ;;
	*) echo "usage: bench/http.sh [-d SECONDS] [-c CONNECTIONS] [-w WORKERS]" >&2
	   exit 2 ;;
	esac
done

here=$(cd "$(dirname "$0")" && pwd)
srcdir=$(dirname "$here")
command -v wrk >/dev/null || { echo "bench: wrk is not installed (script/bootstrap installs it)" >&2; exit 1; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/laurel-bench.XXXXXX")
rmdir "$dir"
LAUREL_STACK_WORKERS=$workers "$srcdir/tests/stack" start "$dir" >/dev/null
trap '"$srcdir/tests/stack" stop "$dir" --clean >/dev/null 2>&1' EXIT INT TERM
. "$dir/env"

# run NAME PATH: prints "NAME rps p99_ms".
run() {
	out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency \
	    "$LAUREL_TEST_URL$2")
	rps=$(printf '%s\n' "$out" | awk '/^Requests\/sec:/ { print $2 }')
	p99=$(printf '%s\n' "$out" | awk '$1 == "99%" {
		v = $2
		if (v ~ /us$/) { sub(/us$/, "", v); v = v / 1000 }
		else if (v ~ /ms$/) { sub(/ms$/, "", v) }
		else if (v ~ /s$/) { sub(/s$/, "", v); v = v * 1000 }
		print v }')
	errors=$(printf '%s\n' "$out" | awk '/Non-2xx|Socket errors/ { print }')
	[ -z "$errors" ] || echo "bench: $1: $errors" >&2
	echo "$1 $rps $p99"
}

# A short warm-up fills the statement caches and the page cache.
wrk -t1 -c4 -d2s "$LAUREL_TEST_URL/signin" >/dev/null

{
	run static /static/laurel.css
	run hello /healthz
	run signin /signin
} >"$dir/results"

awk -v c="$connections" -v w="$workers" -v d="$duration" '
	{ name[NR] = $1; rps[NR] = $2; p99[NR] = $3; if ($1 == "hello") base = $2 }
	END {
		printf "wrk -t2 -c%s -d%ss, %s FastCGI workers\n\n", c, d, w
		print "| case | requests/s | p99 (ms) | share of hello |"
		print "| --- | ---: | ---: | ---: |"
		for (i = 1; i <= NR; i++)
			printf "| %s | %.0f | %.2f | %.0f%% |\n", name[i], rps[i],
			    p99[i], 100 * rps[i] / base
	}' "$dir/results"
