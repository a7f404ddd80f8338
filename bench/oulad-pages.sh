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
command -v wrk >/dev/null || { echo "bench: wrk is not installed (script/bootstrap installs it)" >&2; exit 1; }
[ -x "$laurelctl" ] || { echo "bench: $laurelctl not found: build first (make), or set LAUREL_BUILDDIR to the build tree" >&2; exit 1; }
export LAUREL_BUILDDIR=$builddir
LAUREL_NOW=2015-07-01T12:00:00Z
export LAUREL_NOW

load=$(cut -d' ' -f1-3 /proc/loadavg)
dir=$(mktemp -d "${TMPDIR:-/tmp}/laurel-bench.XXXXXX")
rmdir "$dir"
LAUREL_STACK_WORKERS=4 "$srcdir/tests/stack" start "$dir" >/dev/null
trap '"$srcdir/tests/stack" stop "$dir" --clean >/dev/null 2>&1' EXIT INT TERM
. "$dir/env"

sql() {
	mariadb --no-defaults --socket="$LAUREL_TEST_DB_SOCKET" --user=root \
	    -N -B laurel -e "$1"
}

# ---------------------------------------------------------------- data

if [ -z "$data" ]; then
	data=$dir/oulad
	"$srcdir/script/oulad-unpack" "$data"
fi
"$laurelctl" -c "$LAUREL_TEST_CONFIG" import oulad "$data" >/dev/null 2>&1
# InnoDB updates a table's statistics in the background, some seconds
# after a large change.  Until then the report's plan can be one made
# for empty tables, which a site that imported long ago never runs.
sql "ANALYZE TABLE users, enrollments, course_registrations, user_group_members, certificates" >/dev/null
set -- $(sql "SELECT u.id, u.login, COUNT(*) FROM users u
    JOIN (SELECT user_id FROM course_registrations
      UNION ALL SELECT user_id FROM course_registration_history) r ON r.user_id = u.id
    GROUP BY u.id ORDER BY COUNT(*) DESC, u.login LIMIT 1")
learner_id=$1 learner=$2 registrations=$3
family=$(sql "SELECT family_id FROM certifications WHERE name = 'Social Sciences Foundation'")
report="/admin/reports/expiration?start=2015-07-01&end=2017-12-31&certification=$family"

printf 'admin pass 123\n' >"$dir/password"
"$laurelctl" -c "$LAUREL_TEST_CONFIG" user add --login benchadmin --role admin \
    --password-file "$dir/password" >/dev/null

# sign_in JAR LOGIN PASSWORD: signs in with a cookie jar of its own and
# prints the session token.
sign_in() {
	csrf=$(curl -s -c "$1" -b "$1" "$LAUREL_TEST_URL/signin" |
	    sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
	curl -s -o /dev/null -c "$1" -b "$1" --data-urlencode "csrf=$csrf" \
	    --data-urlencode "login=$2" --data-urlencode "password=$3" \
	    "$LAUREL_TEST_URL/signin"
	awk '$6 == "laurel_session" { print $7 }' "$1"
}
admin_token=$(sign_in "$dir/admin.jar" benchadmin 'admin pass 123')

# The administrator sets the learner's password with the Reset password
# form, as an imported learner has none.
csrf=$(curl -s -b "$dir/admin.jar" "$LAUREL_TEST_URL/admin/users/$learner_id/password" |
    sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
status=$(curl -s -o /dev/null -w '%{http_code}' -b "$dir/admin.jar" \
    --data-urlencode "csrf=$csrf" --data-urlencode 'password=learner pass 123' \
    --data-urlencode 'password_confirm=learner pass 123' \
    "$LAUREL_TEST_URL/admin/users/$learner_id/password")
if [ "$status" != 303 ]; then
	echo "bench: setting the password of $learner returned HTTP $status, expected 303" >&2
	exit 1
fi
learner_token=$(sign_in "$dir/learner.jar" "$learner" 'learner pass 123')

# page_info TOKEN PATH: prints the size of PATH in bytes and the number
# of table rows (<tr> tags) on it.
page_info() {
	curl -s -b "laurel_session=$1" "$LAUREL_TEST_URL$2" >"$dir/page"
	echo "$(wc -c <"$dir/page") $(grep -o '<tr[ >]' "$dir/page" | wc -l)"
}

executes() {
	sql "SHOW GLOBAL STATUS LIKE 'Com_stmt_execute'" | awk '{ print $2 }'
}
# statements TOKEN PATH: prints the mean number of prepared statements
# that 100 requests of PATH ran, rounded down.  laurel-worker's polling
# adds a fraction of a statement per request to the global counter.
statements() {
	before=$(executes)
	i=0
	while [ "$i" -lt 100 ]; do
		curl -s -o /dev/null -b "laurel_session=$1" "$LAUREL_TEST_URL$2"
		i=$((i + 1))
	done
	after=$(executes)
	echo $(( (after - before) / 100 ))
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

# measure TOKEN PATH: prints "requests/s p99-in-ms non-2xx" for PATH.
measure() {
	out=$(wrk -t2 -c32 -d"${duration}s" --latency \
	    -H "Cookie: laurel_session=$1" "$LAUREL_TEST_URL$2")
	rps=$(printf '%s\n' "$out" | awk '/^Requests\/sec:/ { print $2 }')
	p99=$(printf '%s\n' "$out" | awk '$1 == "99%" { v = $2
		if (v ~ /us$/) { sub(/us$/, "", v); v = v / 1000 }
		else if (v ~ /ms$/) { sub(/ms$/, "", v) }
		else if (v ~ /s$/) { sub(/s$/, "", v); v = v * 1000 }
		print v }')
	bad=$(printf '%s\n' "$out" | awk '/Non-2xx/ { print $NF }')
	echo "$rps $p99 ${bad:-0}"
}

# row NAME CACHE TOKEN PATH: measures PATH and prints one table row.
row() {
	calls=$(statements "$3" "$4")
	alone=$(single "$3" "$4")
	set -- "$1" "$2" "$3" "$4" $(measure "$3" "$4")
	printf '| %s | %s | %.0f | %.2f | %s | %s | %s |\n' "$1" "$2" "$5" "$6" "$alone" "$calls" "$7"
}

# warm TOKEN PATH: a short run, so that every worker keeps the page (a
# worker keeps it once its versions are two seconds old).
warm() {
	wrk -t1 -c4 -d3s -H "Cookie: laurel_session=$1" "$LAUREL_TEST_URL$2" >/dev/null
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
warm "$learner_token" /learn/
row '`/learn/` (Training)' 'on (hits)' "$learner_token" /learn/
warm "$learner_token" /learn/transcript
row '`/learn/transcript`' 'on (hits)' "$learner_token" /learn/transcript
warm "$admin_token" "$report"
row 'expiration report, first page' 'on (hits)' "$admin_token" "$report"

# Without: Server.PageCacheBytes = 0, loaded by replacing the workers.
sed -i 's/^Server.PageCacheBytes = .*/Server.PageCacheBytes = 0/' "$LAUREL_TEST_CONFIG"
kill -HUP "$LAUREL_TEST_FCGI_PID"
sleep 2
row '`/learn/` (Training)' off "$learner_token" /learn/
row '`/learn/transcript`' off "$learner_token" /learn/transcript
row 'expiration report, first page' off "$admin_token" "$report"
