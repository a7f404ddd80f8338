#!/bin/sh
# Counts the requests lost when a worker is killed with SIGKILL, and when
# the master replaces every worker on SIGHUP, each during a wrk run on the
# sign-in page (32 connections).  Prints one Markdown table row per case.
#
#   bench/resilience.sh [-d SECONDS]
set -eu

duration=10
while getopts d: opt; do
	case $opt in
	d) duration=$OPTARG ;;
	*) echo "usage: bench/resilience.sh [-d SECONDS]" >&2; exit 2 ;;
	esac
done

here=$(cd "$(dirname "$0")" && pwd)
srcdir=$(dirname "$here")
. "$here/lib.sh"
bench_require_wrk
bench_stack_start 4
master=$LAUREL_TEST_FCGI_PID

first_worker() {
	for stat in /proc/[0-9]*/stat; do
		awk -v parent="$master" '$4 == parent { print $1 }' "$stat" 2>/dev/null
	done | sort -n | head -n 1
}

# measure NAME ACTION: runs wrk, performs ACTION a third of the way in,
# and prints the total and failed requests.
measure() {
	wrk -t2 -c32 -d"${duration}s" "$LAUREL_TEST_URL/signin" >"$dir/wrk.out" &
	loader=$!
	sleep $((duration / 3))
	case $2 in
	kill) kill -9 "$(first_worker)" ;;
	hup) kill -HUP "$master" ;;
	esac
	wait "$loader"
	total=$(awk '/requests in/ { print $1 }' "$dir/wrk.out")
	bad=$(awk '/Non-2xx/ { print $NF }' "$dir/wrk.out")
	errors=$(awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$dir/wrk.out")
	echo "| $1 | ${total:-0} | ${bad:-0} | ${errors:-0} |"
}

echo "| event during the run | requests | non-2xx answers | socket errors |"
echo "| --- | ---: | ---: | ---: |"
measure "none" none
measure "kill -9 of one worker" kill
measure "SIGHUP (all 4 workers replaced)" hup
