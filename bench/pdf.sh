#!/bin/sh
# Measures certificates per second of worker/pdf_sample in one process
# against the plain libharu way (pdf_sample --baseline: two whole DejaVu
# faces, no subsetting) in the same run, and the size of each file.
# Needs no test stack.  Prints a Markdown table.
#
#   bench/pdf.sh [-n COUNT]
set -eu

count=300
while getopts n: opt; do
	case $opt in
	n) count=$OPTARG ;;
	*) echo "usage: bench/pdf.sh [-n COUNT]" >&2; exit 2 ;;
	esac
done

here=$(cd "$(dirname "$0")" && pwd)
sample=${LAUREL_BUILDDIR:-$(dirname "$here")}/worker/pdf_sample
dir=$(mktemp -d "${TMPDIR:-/tmp}/laurel-bench.XXXXXX")
trap 'rm -rf -- "$dir"' EXIT INT TERM

# run LABEL COUNT PDF_SAMPLE_OPTION...: one table row.
run() {
	label=$1
	n=$2
	shift 2
	seconds=$("$sample" --out "$dir/out.pdf" --count "$n" \
	    --hours 12.5 --expires 2027-03-14 "$@" | awk '{ print $4 }')
	size=$(wc -c <"$dir/out.pdf")
	awk -v l="$label" -v n="$n" -v s="$seconds" -v b="$size" 'BEGIN {
		printf "| %s | %d | %.0f | %.1f | %.0f |\n", l, n, n / s,
		    1000 * s / n, b / 1024
	}'
}

echo "| certificate | count | per second | ms each | KB |"
echo "| --- | ---: | ---: | ---: | ---: |"
# The baseline is slower; a third as many keeps the run short.
run "plain libharu (baseline), Latin name" $((count / 3)) --baseline
run "pdf.c, built-in design, Latin name" "$count"
run "pdf.c, built-in design, Chinese name" "$count" --name '王小明'
run "pdf.c, built-in design, Korean name" "$count" --name '김민준'
pdftoppm -png -r 40 -singlefile "$dir/out.pdf" "$dir/bg" 2>/dev/null
run "pdf.c, template with a PNG background" "$count" --template \
    --background "$dir/bg.png"
