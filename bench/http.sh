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
. "$here/lib.sh"
bench_require_wrk
bench_stack_start "$workers"

# run NAME PATH: prints "NAME rps p99_ms".
run() {
	set -- "$1" $(bench_wrk - "$2" "$connections")
	echo "$1 $2 $3"
}

# A short warm-up prepares every worker's statements.
bench_warm - /signin

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
