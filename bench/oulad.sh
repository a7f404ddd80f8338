#!/bin/sh
# Measures laurelctl import oulad on the whole data set: in each round a
# private stack with an empty database, the import timed, then a second
# run of the same import timed (it must change nothing).  Prints a
# Markdown table; the import's own summary lines go to stderr.
#
#   bench/oulad.sh [-n ROUNDS] [DIR]
#
# DIR contains the OULAD CSV files (default: $OULAD_DIR, else the copy in
# tests/data/oulad-full, unpacked to a temporary folder).
set -eu

rounds=3
while getopts n: opt; do
	case $opt in
	n) rounds=$OPTARG ;;
	*) echo "usage: bench/oulad.sh [-n ROUNDS] [DIR]" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
data=${1:-${OULAD_DIR:-}}
if [ -n "$data" ] && [ ! -f "$data/studentInfo.csv" ]; then
	echo "bench/oulad.sh: $data has no studentInfo.csv: give the folder of the OULAD CSV files as DIR or OULAD_DIR" >&2
	exit 2
fi

here=$(cd "$(dirname "$0")" && pwd)
srcdir=$(dirname "$here")
laurelctl=${LAUREL_BUILDDIR:-$srcdir}/cli/laurelctl
dir=
unpacked=

stop() {
	if [ -n "$dir" ]; then
		"$srcdir/tests/stack" stop "$dir" --clean >/dev/null 2>&1 || true
	fi
	dir=
}
trap 'stop; [ -z "$unpacked" ] || rm -rf "$unpacked"' EXIT INT TERM

if [ -z "$data" ]; then
	unpacked=$(mktemp -d "${TMPDIR:-/tmp}/laurel-oulad.XXXXXX")
	data=$unpacked
	"$srcdir/script/oulad-unpack" "$data"
fi

# Prints the seconds that the import took, with its summary on stderr.
timed_import() {
	start=$(date +%s.%N)
	"$laurelctl" -c "$LAUREL_TEST_CONFIG" import oulad "$data" >&2 2>/dev/null
	end=$(date +%s.%N)
	echo "$start $end" | awk '{ printf "%.2f", $2 - $1 }'
}

echo "| round | import (s) | second run (s) | second run / import |"
echo "| ---: | ---: | ---: | ---: |"
i=1
while [ "$i" -le "$rounds" ]; do
	dir=$(mktemp -d "${TMPDIR:-/tmp}/laurel-bench.XXXXXX")
	rmdir "$dir"
	"$srcdir/tests/stack" start "$dir" >/dev/null
	. "$dir/env"
	first=$(timed_import)
	second=$(timed_import)
	echo "| $i | $first | $second | $(echo "$first $second" | awk '{ printf "%.2f", $2 / $1 }') |"
	stop
	i=$((i + 1))
done
