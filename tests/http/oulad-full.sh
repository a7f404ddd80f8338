#!/bin/sh
# The whole OULAD data set kept in tests/data/oulad-full.  script/oulad-unpack
# writes the files, and laurelctl import oulad imports them on a private
# stack whose clock is fixed at 2015-07-01.  The counts and the
# Certification Expiration Report must agree with values worked out here,
# in Python, from the CSV files by the import's rules:
#
# - a course counts as completed from the earliest end date (presentation
#   start + module_presentation_length) of a Pass or Distinction;
# - Social Sciences Foundation needs one of AAA, BBB and GGG and expires
#   730 days after it is completed.
here=$(cd "$(dirname "$0")" && pwd)
srcdir=${LAUREL_SRCDIR:-$here/../..}
builddir=${LAUREL_BUILDDIR:-$srcdir}
LAUREL_NOW=2015-07-01T12:00:00Z
export LAUREL_NOW
. "$here/private-stack.sh"
private_stack_start laurel-oulad-full
. "$here/lib.sh"
. "$here/user.sh"
trap 'http_cleanup; "$srcdir/tests/stack" stop "$stack_dir" --clean >/dev/null 2>&1' EXIT

data=$HTTP_TEST_DIR/oulad

# ---------------------------------------------------------------- unpack

"$srcdir/script/oulad-unpack" "$data" 2>"$HTTP_TEST_DIR/unpack.err"
is "$?" 0 "unpack: exit status 0"
is "$(cat "$HTTP_TEST_DIR/unpack.err")" "" "unpack: no message"
is "$(cd "$data" && ls)" "assessments.csv
courses.csv
studentAssessment.csv
studentInfo.csv
studentRegistration.csv" "unpack: the five files the import reads"

# A second run finds the files intact and leaves them alone.
touch -d '2001-01-01' "$data/studentInfo.csv"
"$srcdir/script/oulad-unpack" "$data"
is "$(date -u -r "$data/studentInfo.csv" +%Y)" 2001 "unpack: intact files left alone"

# A damaged file is written again.
printf 'damaged\n' >"$data/courses.csv"
"$srcdir/script/oulad-unpack" "$data"
is "$(head -c 13 "$data/courses.csv")" '"code_module"' "unpack: damaged file written again"

# ---------------------------------------------------------------- expected values

python3 - "$data" >"$HTTP_TEST_DIR/expected" <<'EOF'
import csv, datetime, sys

folder = sys.argv[1]

def rows(name):
    with open(f"{folder}/{name}", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))

end_of = {}
for c in rows("courses.csv"):
    year, kind = int(c["code_presentation"][:4]), c["code_presentation"][4]
    start = datetime.date(year, 2 if kind == "B" else 10, 1)
    end_of[(c["code_module"], c["code_presentation"])] = \
        start + datetime.timedelta(days=int(c["module_presentation_length"]))

info = rows("studentInfo.csv")
passed = {}
for r in info:
    if r["code_module"] in ("AAA", "BBB", "GGG") and \
            r["final_result"] in ("Pass", "Distinction"):
        end = end_of[(r["code_module"], r["code_presentation"])]
        student = r["id_student"]
        if student not in passed or end < passed[student]:
            passed[student] = end

first, last = datetime.date(2015, 7, 1), datetime.date(2017, 12, 31)
expiring = [s for s, done in passed.items()
            if first <= done + datetime.timedelta(days=730) <= last]
print(len({r["id_student"] for r in info}), len(info), len(end_of),
      len(passed), len(expiring))
EOF
set -- $(cat "$HTTP_TEST_DIR/expected")
learners=$1 registrations=$2 classes=$3 ssf_completed=$4 ssf_expiring=$5
is "$((learners > 28000 && ssf_expiring > 5000))" 1 "expected values worked out from the files"

# ---------------------------------------------------------------- import

"$builddir/cli/laurelctl" -c "$LAUREL_TEST_CONFIG" import oulad "$data" \
    >"$HTTP_TEST_DIR/import.out" 2>"$HTTP_TEST_DIR/import.err"
is "$?" 0 "import: exit status 0"
summary=$(cat "$HTTP_TEST_DIR/import.out")
like_summary() {
	case $summary in
	*"$1"*) tap_result 0 "$2" ;;
	*) tap_result 1 "$2"; diag "summary: $summary" ;;
	esac
}
like_summary "imported $learners learners, 7 courses, $classes classes, $registrations registrations" \
    "import: summary counts learners, classes and registrations"

is "$(sql "SELECT COUNT(*) FROM users WHERE login LIKE 's%' AND email LIKE '%@oulad.invalid'")" \
    "$learners" "import: one learner per student"
is "$(sql "SELECT (SELECT COUNT(*) FROM course_registrations) + (SELECT COUNT(*) FROM course_registration_history)")" \
    "$registrations" "import: one registration per studentInfo row"
ssf=$(sql "SELECT family_id FROM certifications WHERE name = 'Social Sciences Foundation'")
is "$(sql "SELECT COUNT(*) FROM enrollments WHERE family_id = $ssf AND status = 'completed'")" \
    "$ssf_completed" "import: Social Sciences Foundation completions"

# ---------------------------------------------------------------- the report

add_user fulladmin admin 'oulad admin pass 1'
use_cookie_jar admin
sign_in fulladmin 'oulad admin pass 1'
request GET "/admin/reports/expiration?start=2015-07-01&end=2017-12-31&certification=$ssf"
is "$STATUS" 200 "report: first page"
count=$(grep -o '[0-9]* certifications expire from 2015-07-01 to 2017-12-31' "$RESPONSE_BODY" | cut -d' ' -f1)
is "$count" "$ssf_expiring" "report: count of Social Sciences Foundation expirations"
is "$(grep -c '<tr' "$RESPONSE_BODY")" 51 "report: first page of 50 rows and the header"

done_testing
