#!/bin/sh
# Measures the learner's Transcript tab against the hello page /healthz
# in the same run.  The learner has 50 certifications of 6 courses each
# (300 course rows), is registered in every course and has completed half
# of them with a score.  Also counts the SQL statements one transcript
# runs, from MariaDB's Com_stmt_execute over 100 requests.  Measures with
# the page cache on (hits), then off.  Prints a Markdown table.
#
#   bench/transcript.sh [-d SECONDS]
set -eu

duration=10
while getopts d: opt; do
	case $opt in
	d) duration=$OPTARG ;;
	*) echo "usage: bench/transcript.sh [-d SECONDS]" >&2; exit 2 ;;
	esac
done

here=$(cd "$(dirname "$0")" && pwd)
srcdir=$(dirname "$here")
. "$here/lib.sh"
bench_require_wrk
bench_stack_start 4

printf 'learner pass 123\n' >"$dir/password"
"${LAUREL_BUILDDIR:-$srcdir}/cli/laurelctl" -c "$LAUREL_TEST_CONFIG" user add \
    --login benchlearner --role learner --password-file "$dir/password" >/dev/null
bench_sql "
INSERT INTO certification_families (created_at) SELECT NOW(6) FROM seq_1_to_50;
INSERT INTO certifications (family_id, version, name, description, created_at, updated_at)
    SELECT id, 1, CONCAT('Certification ', LPAD(id, 3, '0')), '', NOW(6), NOW(6)
    FROM certification_families;
INSERT INTO courses (code, name, description, credit_hours, created_at, updated_at)
    SELECT CONCAT('C', seq), CONCAT('Course ', seq), '', 1.5, NOW(6), NOW(6)
    FROM seq_1_to_300;
INSERT INTO certification_courses SELECT c.id, co.id, 'required', co.id - (c.id - 1) * 6
    FROM certifications c JOIN courses co ON co.id BETWEEN c.id * 6 - 5 AND c.id * 6;
INSERT INTO checklist_items (course_id, position, text)
    SELECT id, 1, 'Checklist item' FROM courses WHERE id % 3 = 0;
INSERT INTO enrollments (user_id, family_id, certification_id, method, enrolled_at,
    enrolled_on, complete_by)
    SELECT u.id, c.family_id, c.id, 'admin', NOW(6), CURDATE(),
    DATE_ADD(CURDATE(), INTERVAL 90 DAY)
    FROM certifications c, users u WHERE u.login = 'benchlearner';
INSERT INTO course_registrations (user_id, course_id, method, registered_at, status,
    score, completed_on)
    SELECT u.id, co.id, 'enrollment', NOW(6),
    IF(co.id % 2 = 0, 'completed', 'registered'), IF(co.id % 2 = 0, 88.5, NULL),
    IF(co.id % 2 = 0, CURDATE(), NULL)
    FROM courses co, users u WHERE u.login = 'benchlearner';
"

token=$(bench_sign_in benchlearner 'learner pass 123')
page=$(curl -s -b "laurel_session=$token" "$LAUREL_TEST_URL/learn/transcript")
certs=$(printf '%s\n' "$page" | grep -c 'class="row-certification"' || true)
courses=$(printf '%s\n' "$page" | grep -c 'class="row-course"' || true)
bytes=$(printf '%s' "$page" | wc -c)

set -- $(bench_wrk - /healthz)
hello_rps=$1 hello_p99=$2 hello_bad=$3

# With the cache: a warm-up run, then the statements of 100 hits and the
# measured run.
bench_warm "$token" /learn/transcript
hit_statements=$(bench_statements "$token" /learn/transcript)
set -- $(bench_wrk "$token" /learn/transcript)
hit_rps=$1 hit_p99=$2 hit_bad=$3

bench_cache_off
miss_statements=$(bench_statements "$token" /learn/transcript)
set -- $(bench_wrk "$token" /learn/transcript)
miss_rps=$1 miss_p99=$2 miss_bad=$3

share() {
	echo "$1 $hello_rps" | awk '{ print 100 * $1 / $2 }'
}
echo "wrk -t2 -c32 -d${duration}s, 4 FastCGI workers; the transcript has $certs" \
    "certification rows and $courses course rows ($bytes bytes)"
echo
echo "| page | cache | requests/s | p99 (ms) | share of hello | SQL statements per page | non-2xx |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
printf '| /healthz (hello) | – | %.0f | %.2f | 100%% | 0 | %s |\n' \
    "$hello_rps" "$hello_p99" "$hello_bad"
printf '| /learn/transcript | on (hits) | %.0f | %.2f | %.0f%% | %s | %s |\n' \
    "$hit_rps" "$hit_p99" "$(share "$hit_rps")" "$hit_statements" "$hit_bad"
printf '| /learn/transcript | off | %.0f | %.2f | %.0f%% | %s | %s |\n' \
    "$miss_rps" "$miss_p99" "$(share "$miss_rps")" "$miss_statements" "$miss_bad"
