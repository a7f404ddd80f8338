#!/bin/sh
# Measures pages on the whole OULAD data set, in one run on one private
# stack whose clock is fixed at 2015-07-01 (LAUREL_NOW), so the imported
# certifications are still valid.  After "laurelctl import oulad", the
# learner with the most registrations (current and history) gets a
# password from an administrator, through the Reset password form, and
# signs in.  wrk then loads that learner's Training page (/learn/) and
# Transcript (/learn/transcript), and the administrator's first page of
# the Certification Expiration Report for Social Sciences Foundation from
# 2015-07-01 to 2017-12-31: first with the page cache on (hits after a
# warm-up run), then with Server.PageCacheBytes = 0.  Prints a Markdown
# table with requests per second, p99 latency, the median time of one
# request sent alone, the SQL statements per page (MariaDB's
# Com_stmt_execute over 100 requests, rounded down) and the non-2xx
# responses, after a line with the load average before the run.
#
#   bench/oulad-pages.sh [-d SECONDS] [DIR]
#
# DIR contains the OULAD CSV files (default: $OULAD_DIR, else the copy in
# tests/data/oulad-full, unpacked to a temporary folder).  Build first
# (make); LAUREL_BUILDDIR names an out-of-tree build.
set -eu

duration=10
while getopts d: opt; do
	case $opt in
	d) duration=$OPTARG ;;
	*) echo "usage: bench/oulad-pages.sh [-d SECONDS] [DIR]" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
data=${1:-${OULAD_DIR:-}}
if [ -n "$data" ] && [ ! -f "$data/studentInfo.csv" ]; then
	echo "bench/oulad-pages.sh: $data has no studentInfo.csv: give the folder of the OULAD CSV files as DIR or OULAD_DIR" >&2
	exit 2
fi

here=$(cd "$(dirname "$0")" && pwd)
srcdir=$(dirname "$here")
builddir=${LAUREL_BUILDDIR:-$srcdir}
laurelctl=$builddir/cli/laurelctl
. "$here/lib.sh"
bench_require_wrk
[ -x "$laurelctl" ] || { echo "bench: $laurelctl not found: build first (make), or set LAUREL_BUILDDIR to the build tree" >&2; exit 1; }
export LAUREL_BUILDDIR=$builddir
LAUREL_NOW=2015-07-01T12:00:00Z
export LAUREL_NOW

load=$(cut -d' ' -f1-3 /proc/loadavg)
bench_stack_start 4

# ---------------------------------------------------------------- data

if [ -z "$data" ]; then
	data=$dir/oulad
	"$srcdir/script/oulad-unpack" "$data"
fi
"$laurelctl" -c "$LAUREL_TEST_CONFIG" import oulad "$data" >/dev/null 2>&1
# InnoDB updates a table's statistics in the background, some seconds
# after a large change.  Until then the report's plan can be one made
# for empty tables, which a site that imported long ago never runs.
bench_sql "ANALYZE TABLE users, enrollments, course_registrations, user_group_members, certificates" >/dev/null
set -- $(bench_sql "SELECT u.id, u.login, COUNT(*) FROM users u
    JOIN (SELECT user_id FROM course_registrations
      UNION ALL SELECT user_id FROM course_registration_history) r ON r.user_id = u.id
    GROUP BY u.id ORDER BY COUNT(*) DESC, u.login LIMIT 1")
learner_id=$1 learner=$2 registrations=$3
family=$(bench_sql "SELECT family_id FROM certifications WHERE name = 'Social Sciences Foundation'")
report="/admin/reports/expiration?start=2015-07-01&end=2017-12-31&certification=$family"

printf 'admin pass 123\n' >"$dir/password"
"$laurelctl" -c "$LAUREL_TEST_CONFIG" user add --login benchadmin --role admin \
    --password-file "$dir/password" >/dev/null

admin_token=$(bench_sign_in benchadmin 'admin pass 123')

# The administrator sets the learner's password with the Reset password
# form, as an imported learner has none.
csrf=$(curl -s -b "laurel_session=$admin_token" "$LAUREL_TEST_URL/admin/users/$learner_id/password" |
    sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
status=$(curl -s -o /dev/null -w '%{http_code}' -b "laurel_session=$admin_token" \
    --data-urlencode "csrf=$csrf" --data-urlencode 'password=learner pass 123' \
    --data-urlencode 'password_confirm=learner pass 123' \
    "$LAUREL_TEST_URL/admin/users/$learner_id/password")
if [ "$status" != 303 ]; then
	echo "bench: setting the password of $learner returned HTTP $status, expected 303" >&2
	exit 1
fi
learner_token=$(bench_sign_in "$learner" 'learner pass 123')

# page_info TOKEN PATH: prints the size of PATH in bytes and the number
# of table rows (<tr> tags) on it.
page_info() {
	curl -s -b "laurel_session=$1" "$LAUREL_TEST_URL$2" >"$dir/page"
	echo "$(wc -c <"$dir/page") $(grep -o '<tr[ >]' "$dir/page" | wc -l)"
}

# single TOKEN PATH: prints the median time in ms of 21 requests of PATH
# sent one at a time.
single() {
	i=0
	while [ "$i" -lt 21 ]; do
		curl -s -o /dev/null -w '%{time_total}\n' -b "laurel_session=$1" "$LAUREL_TEST_URL$2"
		i=$((i + 1))
	done | sort -n | awk 'NR == 11 { printf "%.1f", $1 * 1000 }'
}

# row NAME CACHE TOKEN PATH: measures PATH and prints one table row.
row() {
	calls=$(bench_statements "$3" "$4")
	alone=$(single "$3" "$4")
	set -- "$1" "$2" "$3" "$4" $(bench_wrk "$3" "$4")
	printf '| %s | %s | %.0f | %.2f | %s | %s | %s |\n' "$1" "$2" "$5" "$6" "$alone" "$calls" "$7"
}

set -- $(page_info "$learner_token" /learn/)
training_bytes=$1 training_rows=$2
set -- $(page_info "$learner_token" /learn/transcript)
transcript_bytes=$1 transcript_rows=$2
set -- $(page_info "$admin_token" "$report")
report_bytes=$1
report_count=$(grep -o '[0-9][0-9,]* certifications\{0,1\} expires\{0,1\} from' "$dir/page" | head -n 1)

echo "load average before the run: $load"
echo "wrk -t2 -c32 -d${duration}s, 4 FastCGI workers, LAUREL_NOW=$LAUREL_NOW; learner $learner" \
    "with $registrations registrations; Training page $training_bytes bytes ($training_rows table rows)," \
    "Transcript $transcript_bytes bytes ($transcript_rows table rows), report page $report_bytes bytes" \
    "(${report_count:-count not found} 2015-07-01 to 2017-12-31)"
echo
echo "| page | cache | requests/s | p99 (ms) | one at a time, median (ms) | SQL statements per page | non-2xx |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
bench_warm "$learner_token" /learn/
row '`/learn/` (Training)' 'on (hits)' "$learner_token" /learn/
bench_warm "$learner_token" /learn/transcript
row '`/learn/transcript`' 'on (hits)' "$learner_token" /learn/transcript
bench_warm "$admin_token" "$report"
row 'expiration report, first page' 'on (hits)' "$admin_token" "$report"

bench_cache_off
row '`/learn/` (Training)' off "$learner_token" /learn/
row '`/learn/transcript`' off "$learner_token" /learn/transcript
row 'expiration report, first page' off "$admin_token" "$report"
