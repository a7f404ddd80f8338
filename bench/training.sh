#!/bin/sh
# Measures the learner's Training page for a learner in 20 user groups
# whose subscriptions reach 200 certifications (50 of them enrolled), and
# counts the SQL statements one page runs (from MariaDB's Com_stmt_execute
# over 100 requests), with the page cache on (hits) and then off.  Prints
# a Markdown table.
#
#   bench/training.sh [-d SECONDS]
set -eu

duration=10
while getopts d: opt; do
	case $opt in
	d) duration=$OPTARG ;;
	*) echo "usage: bench/training.sh [-d SECONDS]" >&2; exit 2 ;;
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
INSERT INTO user_types (name, created_at, updated_at) VALUES ('Staff', NOW(6), NOW(6));
UPDATE users SET user_type_id = LAST_INSERT_ID() WHERE login = 'benchlearner';
INSERT INTO user_groups (name, created_at, updated_at)
    SELECT CONCAT('Group ', seq), NOW(6), NOW(6) FROM seq_1_to_20;
INSERT INTO user_group_members (group_id, user_id, added_at)
    SELECT g.id, u.id, NOW(6) FROM user_groups g, users u WHERE u.login = 'benchlearner';
INSERT INTO certification_families (created_at) SELECT NOW(6) FROM seq_1_to_200;
INSERT INTO certifications (family_id, version, name, description, created_at, updated_at)
    SELECT id, 1, CONCAT('Certification ', LPAD(id, 3, '0')), '', NOW(6), NOW(6)
    FROM certification_families;
INSERT INTO certification_user_types SELECT c.id, t.id FROM certifications c, user_types t;
INSERT INTO user_group_certifications (group_id, family_id, auto_enroll, created_at)
    SELECT g.id, f.id, 0, NOW(6) FROM user_groups g
    JOIN certification_families f ON (f.id - 1) DIV 10 = g.id - (SELECT MIN(id) FROM user_groups);
INSERT INTO courses (code, name, description, created_at, updated_at)
    SELECT CONCAT('C', seq), CONCAT('Course ', seq), '', NOW(6), NOW(6) FROM seq_1_to_400;
INSERT INTO certification_courses SELECT c.id, co.id, 'required', 1
    FROM certifications c JOIN courses co ON co.id IN (c.id * 2 - 1, c.id * 2) ;
INSERT INTO enrollments (user_id, family_id, certification_id, method, enrolled_at, enrolled_on)
    SELECT u.id, c.family_id, c.id, 'admin', NOW(6), CURDATE()
    FROM certifications c, users u WHERE u.login = 'benchlearner' AND c.id <= 50;
"

token=$(bench_sign_in benchlearner 'learner pass 123')
shown=$(curl -s -b "laurel_session=$token" "$LAUREL_TEST_URL/learn/" |
    grep -c 'href="/learn/certifications/' || true)

# With the cache: a warm-up run, then the statements of 100 hits and the
# measured run.
bench_warm "$token" /learn/
hit_statements=$(bench_statements "$token" /learn/)
set -- $(bench_wrk "$token" /learn/)
hit_rps=$1 hit_p99=$2 hit_bad=$3

bench_cache_off
miss_statements=$(bench_statements "$token" /learn/)
set -- $(bench_wrk "$token" /learn/)
miss_rps=$1 miss_p99=$2 miss_bad=$3

echo "wrk -t2 -c32 -d${duration}s, 4 FastCGI workers; $shown certification links on the page"
echo
echo "| page | cache | requests/s | p99 (ms) | SQL statements per page | non-2xx |"
echo "| --- | --- | ---: | ---: | ---: | ---: |"
printf '| /learn/ (20 groups, 200 certifications, 50 enrolled) | on (hits) | %.0f | %.2f | %s | %s |\n' \
    "$hit_rps" "$hit_p99" "$hit_statements" "$hit_bad"
printf '| /learn/ (20 groups, 200 certifications, 50 enrolled) | off | %.0f | %.2f | %s | %s |\n' \
    "$miss_rps" "$miss_p99" "$miss_statements" "$miss_bad"
