#!/bin/sh
# Measures printing certificates through the whole stack: the time from
# the click on a first print (the POST that issues the certificate and
# queues its PDF) to the PDF arriving, one print at a time, and the
# certificates per second that one laurel-worker process writes when 300
# first prints arrive at once.  laurel-worker polls the queue every 100 ms,
# its default.  Prints a Markdown table.
#
#   bench/certificate.sh [-n PRINTS]
set -eu

prints=100
while getopts n: opt; do
	case $opt in
	n) prints=$OPTARG ;;
	*) echo "usage: bench/certificate.sh [-n PRINTS]" >&2; exit 2 ;;
	esac
done

here=$(cd "$(dirname "$0")" && pwd)
srcdir=$(dirname "$here")
. "$here/lib.sh"
LAUREL_STACK_WORKER_POLL_MS=100
export LAUREL_STACK_WORKER_POLL_MS
bench_stack_start 4

printf 'admin pass 123\n' >"$dir/password"
"${LAUREL_BUILDDIR:-$srcdir}/cli/laurelctl" -c "$LAUREL_TEST_CONFIG" user add \
    --login benchadmin --role admin --password-file "$dir/password" >/dev/null
total=$((prints + 300))
bench_sql "
INSERT INTO certification_families (number_format, number_prefix, created_at)
    VALUES ('prefix', 'BENCH-', NOW(6));
INSERT INTO certifications (family_id, version, name, description,
    expiration_type, expire_days, created_at, updated_at)
    SELECT MAX(id), 1, 'Working at Height', '', 'interval', 730, NOW(6), NOW(6)
    FROM certification_families;
INSERT INTO users (login, first_name, last_name, role, created_at, updated_at)
    SELECT CONCAT('bench', seq), 'Marie-Élise', CONCAT('Lindqvist ', seq),
    'learner', NOW(6), NOW(6) FROM seq_1_to_$total;
INSERT INTO enrollments (user_id, family_id, certification_id, method,
    enrolled_at, enrolled_on, status, completed_on, expires_on)
    SELECT u.id, c.family_id, c.id, 'admin', NOW(6), CURDATE(), 'completed',
    CURDATE(), DATE_ADD(CURDATE(), INTERVAL 730 DAY)
    FROM users u, certifications c WHERE u.login LIKE 'bench%' AND u.role = 'learner';
"

token=$(bench_sign_in benchadmin 'admin pass 123')
cookie="laurel_session=$token"
csrf=$(curl -s -b "$cookie" "$LAUREL_TEST_URL/admin/" |
    sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
bench_sql "SELECT id FROM enrollments ORDER BY id" >"$dir/enrollments"

# One print at a time: POST, follow the redirect, receive the PDF.
head -n "$prints" "$dir/enrollments" | while read -r id; do
	curl -s -L -o "$dir/out.pdf" -w '%{time_total} %{http_code} %{content_type}\n' \
	    -b "$cookie" --data-urlencode "csrf=$csrf" \
	    "$LAUREL_TEST_URL/admin/enrollments/$id/certificate"
done >"$dir/times"
bad=$(awk '$2 != 200 || $3 != "application/pdf"' "$dir/times" | wc -l)
median=$(awk '{ print $1 * 1000 }' "$dir/times" | sort -n |
    awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
p90=$(awk '{ print $1 * 1000 }' "$dir/times" | sort -n |
    awk '{ v[NR] = $1 } END { i = int(NR * 0.9); if (i < 1) i = 1; print v[i] }')
size=$(wc -c <"$dir/out.pdf")

# 300 first prints at once; the POSTs return before the PDFs are written.
bench_sql "UPDATE jobs SET state = 'done' WHERE state <> 'done'"
start=$(date +%s.%N)
tail -n 300 "$dir/enrollments" | xargs -P 8 -I '{}' curl -s -o /dev/null \
    -b "$cookie" --data-urlencode "csrf=$csrf" \
    "$LAUREL_TEST_URL/admin/enrollments/{}/certificate"
while [ "$(bench_sql "SELECT COUNT(*) FROM jobs WHERE state IN ('queued', 'running')")" -gt 0 ]; do
	sleep 0.05
done
end=$(date +%s.%N)
written=$(bench_sql "SELECT COUNT(*) FROM jobs WHERE state = 'done' AND kind = 'certificate_pdf'")
rate=$(echo "$start $end" | awk '{ printf "%.0f", 300 / ($2 - $1) }')

echo "4 FastCGI workers, 1 laurel-worker polling every 100 ms; $prints prints one at a time, then 300 at once"
echo
echo "| measure | value |"
echo "| --- | ---: |"
printf '| click to PDF, median | %.0f ms |\n' "$median"
printf '| click to PDF, 90th percentile | %.0f ms |\n' "$p90"
printf '| prints that did not return a PDF | %s |\n' "$bad"
printf '| certificates per second, one worker process, 300 queued at once | %s |\n' "$rate"
printf '| PDF size | %s KB |\n' "$((size / 1024))"
printf '| PDFs written in total | %s |\n' "$written"
