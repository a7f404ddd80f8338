#!/bin/sh
# Measures the CSV export of the Certification Expiration Report against
# MariaDB's own SELECT ... INTO OUTFILE of the same rows, in the same run,
# on a private stack with 1,000,000 expiring enrolments (100,000 learners
# in 10 certifications, half of them in user groups, a certificate number
# for every tenth enrolment).  The export runs in "laurel-worker -1" under
# /usr/bin/time for its wall time and peak RSS.  Each case runs ROUNDS
# times, alternating; the table shows every round and the median ratio.
#
#   bench/csv.sh [-r ROUNDS]
set -eu

rounds=3
while getopts r: opt; do
	case $opt in
	r) rounds=$OPTARG ;;
	*) echo "usage: bench/csv.sh [-r ROUNDS]" >&2; exit 2 ;;
	esac
done

here=$(cd "$(dirname "$0")" && pwd)
srcdir=$(dirname "$here")
builddir=${LAUREL_BUILDDIR:-$srcdir}
dir=$(mktemp -d "${TMPDIR:-/tmp}/laurel-bench.XXXXXX")
rmdir "$dir"
# MariaDB's sort and temporary-table files go to a folder of this run
# (mariadbd takes its tmpdir from TMPDIR), away from other users of /tmp.
db_tmp=$(mktemp -d "${TMPDIR:-/tmp}/laurel-bench-tmp.XXXXXX")
TMPDIR=$db_tmp "$srcdir/tests/stack" start "$dir" >/dev/null
. "$dir/env"
finish() {
	kill -CONT "$LAUREL_TEST_WORKER_PID" 2>/dev/null || true
	"$srcdir/tests/stack" stop "$dir" --clean >/dev/null 2>&1
	rm -rf -- "$db_tmp"
}
trap finish EXIT INT TERM

sql() {
	mariadb --no-defaults --socket="$LAUREL_TEST_DB_SOCKET" --user=root \
	    -N -B laurel -e "$1"
}

start=$(date -u +%F)
end=$(date -u -d "$start + 364 days" +%F)

echo "generating 1,000,000 enrolments..." >&2
sql "
INSERT INTO certification_families (created_at) SELECT NOW(6) FROM seq_1_to_10;
INSERT INTO certifications (family_id, version, name, description, created_at, updated_at)
    SELECT id, 1, CONCAT('Certification ', id), '', NOW(6), NOW(6)
    FROM certification_families;
INSERT INTO users (login, email, first_name, last_name, role, created_at, updated_at)
    SELECT CONCAT('learner', seq), CONCAT('learner', seq, '@example.org'),
    ELT(1 + seq % 5, 'Anna', 'Björn', 'Chloé', 'Dmitri', 'Eve'),
    CONCAT('Lastname ', seq), 'learner', NOW(6), NOW(6) FROM seq_1_to_100000;
INSERT INTO user_groups (name, created_at, updated_at)
    SELECT CONCAT('Group ', seq), NOW(6), NOW(6) FROM seq_1_to_20;
INSERT INTO user_group_members (group_id, user_id, added_at)
    SELECT g.id, u.id, NOW(6) FROM users u JOIN user_groups g
    ON g.name = CONCAT('Group ', 1 + u.id % 20) WHERE u.id % 2 = 0;
INSERT INTO enrollments (user_id, family_id, certification_id, method,
    enrolled_at, enrolled_on, status, completed_on, expires_on)
    SELECT u.id, c.family_id, c.id, 'admin', NOW(6), CURDATE(), 'completed',
    '2025-01-01', DATE_ADD(CURDATE(), INTERVAL (u.id + c.id) % 365 DAY)
    FROM users u JOIN certifications c WHERE u.login LIKE 'learner%';
INSERT INTO certificates (enrollment_id, completed_on, expires_on, user_id,
    family_id, certification_id, number, number_text, verification_code,
    issued_at, issued_on)
    SELECT id, completed_on, expires_on, user_id, family_id, certification_id,
    id, CONCAT('N-', LPAD(id, 8, '0')), LEFT(MD5(id), 16), NOW(6), CURDATE()
    FROM enrollments WHERE id % 10 = 0;
ANALYZE TABLE enrollments, users, certificates, user_group_members;
" >/dev/null
rows=$(sql "SELECT COUNT(*) FROM enrollments WHERE status IN ('completed', 'expired') AND expires_on BETWEEN '$start' AND '$end'")

# The stack's worker waits, so each export runs in the measured worker.
kill -STOP "$LAUREL_TEST_WORKER_PID"

# The statement of lib/report.c for every certification, default order.
outfile() {
	rm -f "$dir/outfile.csv"
	sql "SELECT u.login, u.first_name, u.last_name, u.email,
	COALESCE((SELECT GROUP_CONCAT(g.name ORDER BY g.name SEPARATOR ', ')
	FROM user_group_members m JOIN user_groups g ON g.id = m.group_id
	WHERE m.user_id = u.id), '') AS group_names,
	c.name, c.version, e.completed_on, e.expires_on,
	COALESCE(ct.number_text, '') AS number_text
	INTO OUTFILE '$dir/outfile.csv'
	FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '\"'
	LINES TERMINATED BY '\r\n'
	FROM enrollments e
	JOIN users u ON u.id = e.user_id
	JOIN certifications c ON c.id = e.certification_id
	LEFT JOIN certificates ct ON ct.enrollment_id = e.id
	AND ct.completed_on = e.completed_on
	WHERE e.status IN ('completed', 'expired')
	AND e.expires_on BETWEEN '$start' AND '$end' AND (0 = 0 OR e.family_id = 0)
	ORDER BY e.expires_on, u.last_name, u.first_name, e.id"
}

export_csv() {
	job=$(sql "INSERT INTO jobs (kind, payload, run_after, created_at)
	    VALUES ('csv_export', 'report=expiration&start=$start&end=$end&family=0&sort=expires&dir=asc',
	    UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)) RETURNING id")
	/usr/bin/time -f '%e %M' -o "$dir/time.txt" \
	    "$builddir/worker/laurel-worker" -1 -c "$LAUREL_TEST_CONFIG" \
	    >"$dir/worker.log" 2>&1
	[ "$(sql "SELECT state FROM jobs WHERE id = $job")" = done ] || {
		echo "bench/csv.sh: export job $job did not finish" >&2
		cat "$dir/worker.log" >&2
		exit 1
	}
	file=$dir/storage/$(sql "SELECT result_file FROM jobs WHERE id = $job")
	export_lines=$(($(wc -l <"$file")))
}

now_ms() {
	echo $(( $(date +%s%N) / 1000000 ))
}

echo "| round | INTO OUTFILE (s) | CSV export (s) | ratio | worker peak RSS (MB) |"
echo "| ---: | ---: | ---: | ---: | ---: |"
i=1
: >"$dir/ratios"
while [ "$i" -le "$rounds" ]; do
	t0=$(now_ms)
	outfile
	t1=$(now_ms)
	export_csv
	read -r wall rss <"$dir/time.txt"
	out_s=$(awk -v ms=$((t1 - t0)) 'BEGIN { printf "%.2f", ms / 1000 }')
	ratio=$(awk -v a="$wall" -v b="$out_s" 'BEGIN { printf "%.2f", a / b }')
	echo "$ratio" >>"$dir/ratios"
	echo "| $i | $out_s | $wall | $ratio | $(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }') |"
	rm -f "$file"
	i=$((i + 1))
done
median=$(sort -n "$dir/ratios" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
csv_lines=$(($(wc -l <"$dir/outfile.csv")))
echo
echo "Rows in the range: $rows. INTO OUTFILE wrote $csv_lines lines, the export $export_lines (with its header). Median ratio: $median."
