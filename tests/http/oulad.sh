#!/bin/sh
# laurelctl import oulad, on a private stack whose clock is fixed at
# 2015-07-01 so the certifications imported are still valid on the
# transcript.  The fixture in tests/data/oulad is cut from OULAD: 37
# learners, among them a retake after a fail, withdrawals with and
# without a date, missing scores, banked assessments, STEM Practitioner
# completions and learners without assessment rows.
#
# Malformed files are tried first, on the empty database, so "nothing was
# kept" is visible.  Then the fixture is imported and every registration
# and enrolment is compared with values worked out here, in awk, from the
# CSV files; a few learners are also checked by hand.  A second run must
# change nothing, and View Transcript must show the mapped dates.
here=$(cd "$(dirname "$0")" && pwd)
srcdir=${LAUREL_SRCDIR:-$here/../..}
builddir=${LAUREL_BUILDDIR:-$srcdir}
LAUREL_NOW=2015-07-01T12:00:00Z
export LAUREL_NOW
. "$here/private-stack.sh"
private_stack_start laurel-oulad
. "$here/lib.sh"
. "$here/user.sh"
trap 'http_cleanup; "$srcdir/tests/stack" stop "$stack_dir" --clean >/dev/null 2>&1' EXIT

laurelctl="$builddir/cli/laurelctl"
fixture=$srcdir/tests/data/oulad
out=$HTTP_TEST_DIR/import.out
err=$HTTP_TEST_DIR/import.err

# import DIR [OPTION...]: runs the import, output in $out and $err.
import() {
	"$laurelctl" -c "$LAUREL_TEST_CONFIG" import oulad "$@" >"$out" 2>"$err"
}

# The rows an import writes, with their ids, as one text to compare.
snapshot() {
	sql "SELECT 'users', id, login, email, first_name, last_name, user_type_id, updated_at FROM users ORDER BY id;
	    SELECT 'groups', id, name FROM user_groups ORDER BY id;
	    SELECT 'members', group_id, user_id, added_at FROM user_group_members ORDER BY group_id, user_id;
	    SELECT 'courses', id, code, name, passing_score, kind, updated_at FROM courses ORDER BY id;
	    SELECT 'classes', id, course_id, code, starts_at, ends_at FROM course_classes ORDER BY id;
	    SELECT 'registrations', r.* FROM course_registrations r ORDER BY id;
	    SELECT 'history', h.* FROM course_registration_history h ORDER BY id;
	    SELECT 'families', id, import_key FROM certification_families ORDER BY id;
	    SELECT 'certifications', id, family_id, name, updated_at FROM certifications ORDER BY id;
	    SELECT 'cert courses', c.* FROM certification_courses c ORDER BY 2, 3;
	    SELECT 'subscriptions', s.* FROM user_group_certifications s ORDER BY 2, 3;
	    SELECT 'enrolments', e.* FROM enrollments e ORDER BY id;
	    SELECT 'audit', COUNT(*) FROM audit_log"
}

# imported_rows: counts every table the import writes, on one line.
imported_rows() {
	sql "SELECT (SELECT COUNT(*) FROM users), (SELECT COUNT(*) FROM user_groups),
	    (SELECT COUNT(*) FROM courses), (SELECT COUNT(*) FROM course_classes),
	    (SELECT COUNT(*) FROM course_registrations),
	    (SELECT COUNT(*) FROM course_registration_history),
	    (SELECT COUNT(*) FROM certifications), (SELECT COUNT(*) FROM enrollments),
	    (SELECT COUNT(*) FROM catalogs), (SELECT COUNT(*) FROM user_types)"
}

# ---------------------------------------------------------------- malformed files

empty=$(imported_rows)

# broken NAME FILE MESSAGE: imports the copy of the fixture in
# $HTTP_TEST_DIR/broken, in which FILE was changed, and expects exit
# status 1, MESSAGE on stderr and no rows written.
broken() {
	import "$HTTP_TEST_DIR/broken"
	is "$?" 1 "$1: exit status 1"
	is "$(grep -F "$HTTP_TEST_DIR/broken/$2:" "$err" | sed "s|$HTTP_TEST_DIR/broken/||")" "$3" \
	    "$1: message with file and line"
	is "$(imported_rows)" "$empty" "$1: nothing kept"
}

# copy FILE: makes $HTTP_TEST_DIR/broken a fresh copy of the fixture and
# prints the path of FILE in it.
copy() {
	rm -rf "$HTTP_TEST_DIR/broken"
	cp -R "$fixture" "$HTTP_TEST_DIR/broken"
	chmod -R u+w "$HTTP_TEST_DIR/broken"
	echo "$HTTP_TEST_DIR/broken/$1"
}

# edit NAME FILE SED_SCRIPT MESSAGE: runs broken on a copy that sed
# changed.
edit() {
	_ed_path=$(copy "$2")
	sed "$3" "$fixture/$2" >"$_ed_path"
	broken "$1" "$2" "$4"
}

# set_field NAME FILE LINE FIELD VALUE MESSAGE: runs broken on a copy in
# which field FIELD of line LINE is "VALUE".
set_field() {
	_sf_path=$(copy "$2")
	awk -v line="$3" -v field="$4" -v value="$5" 'BEGIN { FS = OFS = "," }
	    NR == line { $field = "\"" value "\"" (field == NF ? "\r" : "") } { print }' \
	    "$fixture/$2" >"$_sf_path"
	broken "$1" "$2" "$6"
}

edit "wrong header" studentInfo.csv '1s/"final_result"/"result"/' \
    'studentInfo.csv:1: column 12 of the header is "result", expected "final_result"'
edit "short row" studentRegistration.csv '7s/,"[^"]*"\r$/\r/' \
    'studentRegistration.csv:7: 4 fields, expected 5'
edit "long row" courses.csv '3s/\r$/,"1"\r/' \
    'courses.csv:3: 4 fields, expected 3'
edit "unclosed quote" assessments.csv '5s/"TMA"/"TMA/' \
    'assessments.csv:5: text after the closing quote of field 4'
# The last line of the last file read, so the rows before it would have
# been written by an import that wrote as it read.
last=$(wc -l <"$fixture/studentAssessment.csv")
set_field "score not a number" studentAssessment.csv "$last" 5 7x \
    "studentAssessment.csv:$last: score \"7x\" is not a number with at most two decimals"
set_field "day not a number" studentRegistration.csv 2 4 -15.9 \
    'studentRegistration.csv:2: date_registration "-15.9" is not a whole number'
set_field "id not a number" studentInfo.csv 9 3 s1234 \
    'studentInfo.csv:9: id_student "s1234" is not a whole number'
set_field "presentation month" courses.csv 4 2 2013M \
    'courses.csv:4: code_presentation "2013M" must be a year followed by B or J, such as 2013J'
set_field "date past the calendar" studentRegistration.csv 2 4 -9999999 \
    'studentRegistration.csv:2: date_registration -9999999 is out of range (-36600 to 36600)'
set_field "unknown result" studentInfo.csv 2 12 Passed \
    'studentInfo.csv:2: final_result "Passed" must be Pass, Distinction, Fail or Withdrawn'
set_field "unknown presentation" studentInfo.csv 2 2 2015J \
    'studentInfo.csv:2: presentation AAA 2015J is not in courses.csv'
set_field "unknown assessment" studentAssessment.csv 3 1 99 \
    'studentAssessment.csv:3: id_assessment 99 is not in assessments.csv'

rm -rf "$HTTP_TEST_DIR/broken"
cp -R "$fixture" "$HTTP_TEST_DIR/broken"
rm -f "$HTTP_TEST_DIR/broken/courses.csv"
import "$HTTP_TEST_DIR/broken"
is "$?" 1 "missing file: exit status 1"
like_err() {
	if grep -qF -- "$1" "$err"; then tap_result 0 "$2"; else tap_result 1 "$2"; diag "stderr: $(cat "$err")"; fi
}
like_err "$HTTP_TEST_DIR/broken/courses.csv: cannot open: No such file or directory" \
    "missing file: named in the message"

import "$fixture" --base-date 2014-02-29
is "$?" 2 "impossible base date: exit status 2"
like_err '--base-date must be a date that exists, as YYYY-MM-DD, not "2014-02-29"' \
    "impossible base date: rejected, not rolled over"
is "$(imported_rows)" "$empty" "impossible base date: nothing kept"

# ---------------------------------------------------------------- import

import "$fixture"
is "$?" 0 "import exits 0"
like_err "studentInfo.csv 48/48" "progress of studentInfo.csv on stderr"
like_err "studentAssessment.csv 239/239" "progress of studentAssessment.csv on stderr"
like_err "learners 37/37" "progress of the learners on stderr"
is "$(cut -c1-61 "$out")" "imported 37 learners, 7 courses, 22 classes, 48 registrations" \
    "summary on stdout"

is "$(sql "SELECT COUNT(*) FROM users WHERE role = 'learner'")" 37 "37 learners"
is "$(sql "SELECT COUNT(*) FROM users WHERE role = 'learner' AND password_hash IS NULL")" 37 \
    "learners have no password"
is "$(sql "SELECT CONCAT_WS('|', u.first_name, u.last_name, u.email, t.name, u.language_code)
    FROM users u JOIN user_types t ON t.id = u.user_type_id WHERE u.login = 's111926'")" \
    "Student|111926|s111926@oulad.invalid|OU Student|en" "learner's names, e-mail, type and language"
is "$(sql "SELECT GROUP_CONCAT(CONCAT_WS(':', code, name, passing_score, kind) ORDER BY code) FROM courses")" \
    "AAA:Module AAA:40:online,BBB:Module BBB:40:online,CCC:Module CCC:40:online,DDD:Module DDD:40:online,EEE:Module EEE:40:online,FFF:Module FFF:40:online,GGG:Module GGG:40:online" \
    "7 courses with passing score 40"
is "$(sql "SELECT COUNT(*) FROM course_classes")" 22 "22 classes, one per presentation"
# AAA 2013J: 2013-10-01 plus 268 days is 2014-06-26.
is "$(sql "SELECT CONCAT(DATE(starts_at), ' ', DATE(ends_at)) FROM course_classes WHERE code = 'AAA-2013J'")" \
    "2013-10-01 2014-06-26" "class AAA-2013J from its start to start + length"
# BBB 2013B: 2013-02-01 plus 240 days is 2013-09-29.
is "$(sql "SELECT CONCAT(DATE(starts_at), ' ', DATE(ends_at)) FROM course_classes WHERE code = 'BBB-2013B'")" \
    "2013-02-01 2013-09-29" "class BBB-2013B starts on the base date"
is "$(sql "SELECT COUNT(*) FROM user_groups WHERE name LIKE 'Region: %'")" \
    "$(tail -n +2 "$fixture/studentInfo.csv" | cut -d, -f5 | sort -u | wc -l)" \
    "one group per region of the fixture"
is "$(sql "SELECT g.name FROM user_group_members m JOIN user_groups g ON g.id = m.group_id
    JOIN users u ON u.id = m.user_id WHERE u.login = 's57369'")" "Region: Ireland" \
    "learner is in the group of their region"
is "$(sql "SELECT COUNT(*) FROM user_group_members")" 37 "one membership per learner"

# ---------------------------------------------------------------- certifications

is "$(sql "SELECT GROUP_CONCAT(CONCAT_WS(':', c.name, c.active, c.availability, k.name, c.required_electives, c.expiration_type, IFNULL(c.expire_days, '-')) ORDER BY c.name SEPARATOR ',')
    FROM certifications c JOIN catalogs k ON k.id = c.catalog_id")" \
    "Social Sciences Foundation:1:certification:Open University:1:interval:730,STEM Foundation:1:certification:Open University:1:perpetual:-,STEM Practitioner:1:certification:Open University:1:interval:1095" \
    "three certifications with catalog, electives and expiration"
for c in "Social Sciences Foundation:elective AAA,elective BBB,elective GGG" \
    "STEM Foundation:elective CCC,elective DDD,elective EEE,elective FFF" \
    "STEM Practitioner:required CCC,elective DDD,elective EEE,elective FFF"; do
	name=${c%%:*}
	is "$(sql "SELECT GROUP_CONCAT(CONCAT(cc.requirement, ' ', co.code) ORDER BY cc.position)
	    FROM certification_courses cc JOIN certifications c ON c.id = cc.certification_id
	    JOIN courses co ON co.id = cc.course_id WHERE c.name = '$name'")" "${c#*:}" \
	    "$name: courses and requirements"
done
is "$(sql "SELECT CONCAT(c.name, ' requires ', r.name, ' (', c.prerequisite_rule, ')')
    FROM certification_prerequisites p JOIN certifications c ON c.id = p.certification_id
    JOIN certifications r ON r.family_id = p.required_family_id")" \
    "STEM Practitioner requires STEM Foundation (all)" "one prerequisite"
is "$(sql "SELECT COUNT(*) FROM certification_user_types x JOIN user_types t ON t.id = x.user_type_id WHERE t.name = 'OU Student'")" 3 \
    "user type OU Student on all three"
is "$(sql "SELECT COUNT(*) FROM user_group_certifications WHERE auto_enroll = 1")" \
    "$(( $(sql "SELECT COUNT(*) FROM user_groups WHERE name LIKE 'Region: %'") * 3 ))" \
    "every region group subscribed to all three with auto-enrol"
is "$(sql "SELECT COUNT(*) FROM certificates")" 0 "no certificate numbers allocated"
is "$(sql "SELECT SUM(last_issued_number) FROM certification_families")" 0 "no number issued"

# ---------------------------------------------------------------- every registration and enrolment

# Works out the registrations and enrolments from the fixture as the
# mapping states them, in awk, and prints them in the form of the SQL
# below.  Dates are day numbers since 1970-01-01.
expected() {
	awk -F'","' '
	function day(y, m, d,   era, yoe, doy) {
		y -= (m <= 2)
		era = int(y / 400); yoe = y - era * 400
		doy = int((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
		return era * 146097 + yoe * 365 + int(yoe / 4) - int(yoe / 100) + doy - 719468
	}
	function date(z,   era, doe, yoe, y, doy, mp, d, m) {
		if (z == "") return "-"
		z += 719468; era = int(z / 146097); doe = z - era * 146097
		yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
		y = yoe + era * 400; doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
		mp = int((5 * doy + 2) / 153); d = doy - int((153 * mp + 2) / 5) + 1
		m = mp + (mp < 10 ? 3 : -9)
		return sprintf("%04d-%02d-%02d", y + (m <= 2), m, d)
	}
	{ sub(/^"/, ""); sub(/"\r?$/, "") }
	FNR == 1 { file++; next }
	file == 1 {	# courses.csv: module, presentation, length
		p = $1 "-" $2
		start[p] = day(substr($2, 1, 4), substr($2, 5) == "B" ? 2 : 10, 1)
		end[p] = start[p] + $3
	}
	file == 2 { pres[$3] = $1 "-" $2 }	# assessments.csv
	file == 3 {	# studentInfo.csv
		k = $3 " " $1 "-" $2; keys[k] = 1; result[k] = $12
	}
	file == 4 {	# studentRegistration.csv
		k = $3 " " $1 "-" $2; p = $1 "-" $2
		registered[k] = start[p] + ($4 == "" ? 0 : $4)
		unregistered[k] = $5 == "" ? "" : start[p] + $5
	}
	file == 5 && $5 != "" {	# studentAssessment.csv
		k = $2 " " pres[$1]; sum[k] += $5; n[k]++
	}
	END {
		split("AAA BBB GGG|CCC DDD EEE FFF|DDD EEE FFF", electives, "|")
		split("730|0|1095", expire, "|")
		split("Social Sciences Foundation|STEM Foundation|STEM Practitioner", name, "|")
		for (k in keys) {
			split(k, f, " "); student = f[1]; p = f[2]; module = substr(p, 1, 3)
			r = result[k]; done = ""; cancelled = ""
			if (r == "Pass" || r == "Distinction") { status = "completed"; done = end[p] }
			else if (r == "Fail") { status = "failed"; done = end[p] }
			else { status = "cancelled"; cancelled = unregistered[k] == "" ? end[p] : unregistered[k] }
			# The mean rounded half up: floor(mean + 1/2).
			score = n[k] ? int((2 * sum[k] + n[k]) / (2 * n[k])) : "-"
			printf "R s%s %s %s %s %s %s %s\n", student, p, status, score, date(done), date(cancelled), date(registered[k])
			sm = student " " module
			if (status == "completed" && (!(sm in passed) || done < passed[sm])) passed[sm] = done
			for (c = 1; c <= 3; c++) {
				if (index(electives[c], module) == 0 && !(c == 3 && module == "CCC")) continue
				sc = student " " c
				if (!(sc in enrolled) || registered[k] < enrolled[sc]) enrolled[sc] = registered[k]
			}
			learners[student] = 1
		}
		for (student in learners) for (c = 1; c <= 3; c++) {
			sc = student " " c
			if (!(sc in enrolled)) continue
			# The earliest completion among the electives.
			first = ""; m = split(electives[c], mods, " ")
			for (i = 1; i <= m; i++) {
				sm = student " " mods[i]
				if ((sm in passed) && (first == "" || passed[sm] < first)) first = passed[sm]
			}
			done = first
			if (c == 3) {	# and CCC, and the STEM Foundation
				sm = student " CCC"; f2 = completed[student " 2"]
				if (!(sm in passed) || first == "" || f2 == "") done = ""
				else {
					if (passed[sm] > done) done = passed[sm]
					if (f2 > done) done = f2
				}
			}
			completed[sc] = done
			expires = done != "" && expire[c] > 0 ? done + expire[c] : ""
			printf "E s%s %s %s %s %s\n", student, name[c], date(enrolled[sc]), date(done), date(expires)
		}
	}' "$fixture/courses.csv" "$fixture/assessments.csv" "$fixture/studentInfo.csv" \
	    "$fixture/studentRegistration.csv" "$fixture/studentAssessment.csv" | sort
}

imported() {
	sql "SELECT CONCAT_WS(' ', 'R', u.login, k.code, r.status, IFNULL(ROUND(r.score), '-'),
	    IFNULL(r.completed_on, '-'), IFNULL(r.cancelled_on, '-'), DATE(r.registered_at))
	    FROM (SELECT user_id, class_id, status, score, completed_on, cancelled_on, registered_at FROM course_registrations
	      UNION ALL SELECT user_id, class_id, status, score, completed_on, cancelled_on, registered_at FROM course_registration_history) r
	    JOIN users u ON u.id = r.user_id JOIN course_classes k ON k.id = r.class_id;
	    SELECT CONCAT_WS(' ', 'E', u.login, c.name, e.enrolled_on, IFNULL(e.completed_on, '-'), IFNULL(e.expires_on, '-'))
	    FROM enrollments e JOIN users u ON u.id = e.user_id JOIN certifications c ON c.id = e.certification_id" | sort
}

expected >"$HTTP_TEST_DIR/expected"
imported >"$HTTP_TEST_DIR/imported"
is "$(grep -c '^R' "$HTTP_TEST_DIR/expected")" 48 "48 registrations worked out"
if diff "$HTTP_TEST_DIR/expected" "$HTTP_TEST_DIR/imported" >"$HTTP_TEST_DIR/diff"; then
	tap_result 0 "every registration and enrolment as worked out"
else
	tap_result 1 "every registration and enrolment as worked out"
	comment_lines <"$HTTP_TEST_DIR/diff"
fi

# ---------------------------------------------------------------- learners checked by hand

# reg LOGIN CLASS: the registration of LOGIN in CLASS, and whether it is
# the current one or in the history.
reg() {
	sql "SELECT CONCAT_WS(' ', 'current', r.status, IFNULL(ROUND(r.score), '-'), IFNULL(r.completed_on, '-'), IFNULL(r.cancelled_on, '-'), DATE(r.registered_at))
	    FROM course_registrations r JOIN users u ON u.id = r.user_id JOIN course_classes k ON k.id = r.class_id
	    WHERE u.login = '$1' AND k.code = '$2'
	    UNION ALL SELECT CONCAT_WS(' ', 'history', r.status, IFNULL(ROUND(r.score), '-'), IFNULL(r.completed_on, '-'), IFNULL(r.cancelled_on, '-'), DATE(r.registered_at))
	    FROM course_registration_history r JOIN users u ON u.id = r.user_id JOIN course_classes k ON k.id = r.class_id
	    WHERE u.login = '$1' AND k.code = '$2'"
}
# enr LOGIN CERTIFICATION: enrolled on, status, completed on, expires on.
enr() {
	sql "SELECT CONCAT_WS(' ', e.enrolled_on, e.status, IFNULL(e.completed_on, '-'), IFNULL(e.expires_on, '-'))
	    FROM enrollments e JOIN users u ON u.id = e.user_id JOIN certifications c ON c.id = e.certification_id
	    WHERE u.login = '$1' AND c.name = '$2'"
}

# s111926 failed DDD 2013J (2013-10-01 + 261 days = 2014-06-19) and
# passed the retake in DDD 2014J (2014-10-01 + 262 = 2015-06-20).  The
# pass is the current registration; the fail stays in the history.
# Registered 44 and 92 days before the starts.  Scores: (73 + 84 + 82) /
# 3 = 79.67, so 80; (70 + 85 + 86 + 64 + 71) / 5 = 75.2, so 75.
is "$(reg s111926 DDD-2013J)" "history failed 80 2014-06-19 - 2013-08-18" "retake: failed attempt in the history"
is "$(reg s111926 DDD-2014J)" "current completed 75 2015-06-20 - 2014-07-01" "retake: pass is the current registration"
is "$(enr s111926 'STEM Foundation')" "2013-08-18 completed 2015-06-20 -" \
    "retake: STEM Foundation from the pass, enrolled at the first registration"
is "$(enr s111926 'STEM Practitioner')" "2013-08-18 in_progress - -" "retake: no CCC, STEM Practitioner in progress"
is "$(enr s111926 'Social Sciences Foundation')" "" "retake: no social sciences module, no enrolment"

# s157310 passed DDD 2013J (ends 2014-06-19), then withdrew from DDD 2014B
# on day -129: the pass stays current.  The withdrawal from CCC 2014J on
# day -5 is current over the one from CCC 2014B on day -1 (later start).
is "$(reg s157310 DDD-2013J | cut -d' ' -f1-2,4)" "current completed 2014-06-19" "pass before a withdrawal stays current"
is "$(reg s157310 DDD-2014B | cut -d' ' -f1-2,5)" "history cancelled 2013-09-25" "later withdrawal in the history"
is "$(reg s157310 CCC-2014J | cut -d' ' -f1-2,5)" "current cancelled 2014-09-26" "latest of two withdrawals is current"
is "$(reg s157310 CCC-2014B | cut -d' ' -f1-2,5)" "history cancelled 2014-01-31" "earlier withdrawal in the history"

# Withdrawn with a date: s3733 left DDD 2013J on day -8 (2013-09-23) and
# has no assessment rows, so no score.  Without a date: s64777 left FFF
# 2014J, cancelled on its end date, 2014-10-01 + 269 = 2015-06-27.
is "$(reg s3733 DDD-2013J)" "current cancelled - - 2013-09-23 2013-07-25" "withdrawn on start + date_unregistration"
is "$(reg s64777 FFF-2014J | cut -d' ' -f1-2,5)" "current cancelled 2015-06-27" "withdrawn without a date: cancelled on the end date"
# s234004 failed FFF 2013J with date_unregistration 0, which only counts
# for a withdrawal: failed on 2013-10-01 + 268 = 2014-06-26.
is "$(reg s234004 FFF-2013J | cut -d' ' -f1-2,4-5)" "current failed 2014-06-26 -" "date_unregistration ignored on a fail"
# s57369 has no date_registration: registered on the start, 2013-10-01.
is "$(reg s57369 BBB-2013J | cut -d' ' -f1-2,5-6)" "current cancelled 2013-09-30 2013-10-01" "missing registration date: the start date"
# s1336190 passed AAA 2014J (2014-10-01 + 269 = 2015-06-27) without any
# assessment row: no score.
is "$(reg s1336190 AAA-2014J | cut -d' ' -f1-4)" "current completed - 2015-06-27" "no assessment rows: no score"
# s33666 withdrew from BBB 2013B with scores 58, 78, a missing one and
# 100: (58 + 78 + 100) / 3 = 78.67, so 79 (59 if the missing one were 0).
is "$(reg s33666 BBB-2013B | cut -d' ' -f1-3)" "current cancelled 79" "missing score left out of the mean"
# s27891 failed BBB 2014B with six banked results carried over from BBB
# 2013B: (73 + 67 + 55 + 100 + 60 + 60) / 6 = 69.17, so 69.
is "$(reg s27891 BBB-2014B | cut -d' ' -f1-3)" "current failed 69" "banked scores in the mean"
# Half up: s8462 in DDD 2014J, (93 + 83 + 83 + 87) / 4 = 86.5, so 87;
# s24186 in GGG 2014B, 500 / 8 = 62.5, so 63.
is "$(reg s8462 DDD-2014J | cut -d' ' -f3)" 87 "mean 86.5 rounded up to 87"
is "$(reg s24186 GGG-2014B | cut -d' ' -f3)" 63 "mean 62.5 rounded up to 63"

# s29639 passed EEE 2014B (2014-02-01 + 241 = 2014-09-30) and CCC 2014J
# (2014-10-01 + 269 = 2015-06-27).  STEM Foundation: the earliest
# elective, 2014-09-30.  STEM Practitioner: the later of CCC, the
# earliest elective and the STEM Foundation, 2015-06-27; it expires
# 1095 days later, on 2018-06-26 (2016 is a leap year).
is "$(enr s29639 'STEM Foundation')" "2014-01-06 completed 2014-09-30 -" "STEM Foundation from the earliest elective"
is "$(enr s29639 'STEM Practitioner')" "2014-01-06 completed 2015-06-27 2018-06-26" \
    "STEM Practitioner on the later of CCC, elective and foundation"

# ---------------------------------------------------------------- View Transcript

add_user oadmin admin 'oulad admin pass 1'
use_cookie_jar admin
sign_in oadmin 'oulad admin pass 1'
uid=$(sql "SELECT id FROM users WHERE login = 's29639'")
request GET "/admin/users/$uid/transcript"
is "$STATUS" 200 "View Transcript of s29639"
tr -d '\n' <"$RESPONSE_BODY" | sed 's/<tr/\n<tr/g; s/<\/tr>/&\n/g' >"$HTTP_TEST_DIR/rows"
# row TEXT: the table row that contains TEXT, without tags.
row() {
	grep -F -- "$1" "$HTTP_TEST_DIR/rows" | head -n 1 | sed 's/<[^>]*>/ /g; s/  */ /g; s/^ //; s/ $//'
}
is "$(row 'Certification: </span>STEM Practitioner')" \
    "Certification: STEM Practitioner version 1 Completed Expires on 2018-06-26 2015-06-27 Print" \
    "transcript: STEM Practitioner completed, expires on its date"
is "$(row 'Certification: </span>STEM Foundation')" \
    "Certification: STEM Foundation version 1 Completed 2014-09-30 Print" \
    "transcript: STEM Foundation completed, perpetual"
# CCC 2014J: (90 + 94 + 90 + 89 + 67 + 93 + 88 + 69 + 74) / 9 = 83.78,
# so 84.  EEE 2014B: (86 + 84 + 80 + 85) / 4 = 83.75, so 84.
is "$(row 'Module CCC')" "Module CCC CCC Class on 2014-10-01 Completed 2015-06-27 84.00 0.00" \
    "transcript: CCC with its class, result, date and score"
is "$(row 'Module EEE')" "Module EEE EEE Class on 2014-02-01 Completed 2014-09-30 84.00 0.00" \
    "transcript: EEE with its class, result, date and score"
unlike "Social Sciences Foundation" "transcript: no certification without a registration"

uid=$(sql "SELECT id FROM users WHERE login = 's3733'")
request GET "/admin/users/$uid/transcript"
tr -d '\n' <"$RESPONSE_BODY" | sed 's/<tr/\n<tr/g; s/<\/tr>/&\n/g' >"$HTTP_TEST_DIR/rows"
is "$(row 'Module DDD')" "Module DDD DDD Class on 2013-10-01 Cancelled 0.00" \
    "transcript: withdrawn course cancelled under STEM Foundation"
is "$(row '<td>Course</td>')" "Module DDD Class on 2013-10-01 Course 2013-09-23" \
    "transcript: withdrawal listed as cancelled on its date"

# s111926's failed DDD 2013J attempt (see "retake" above) is under Other
# attempts; the pass of DDD 2014J is the course's row under STEM
# Foundation.
uid=$(sql "SELECT id FROM users WHERE login = 's111926'")
request GET "/admin/users/$uid/transcript"
tr -d '\n' <"$RESPONSE_BODY" | sed 's/<tr/\n<tr/g; s/<\/tr>/&\n/g' >"$HTTP_TEST_DIR/all-rows"
sed -n '/id="t-attempts"/,/id="t-cancelled"/p' "$HTTP_TEST_DIR/all-rows" >"$HTTP_TEST_DIR/rows"
is "$(row 'Module DDD')" "Module DDD DDD 2013-08-18 Failed 2014-06-19 80.00 Class on 2013-10-01" \
    "transcript: the failed attempt before a retake, with its score"
is "$(grep -c '<tr' "$HTTP_TEST_DIR/rows")" 2 "transcript: one other attempt (and the header row)"
sed -n '/id="t-certifications"/,/id="t-attempts"/p' "$HTTP_TEST_DIR/all-rows" >"$HTTP_TEST_DIR/rows"
is "$(row 'Module DDD')" "Module DDD DDD Class on 2014-10-01 Completed 2015-06-20 75.00 0.00" \
    "transcript: the retake's pass is the course's result"

# s157310 withdrew from DDD 2014B (registered on day -131, 2013-09-23;
# left on day -129, 2013-09-25) and CCC 2014B (day -53, 2013-12-10;
# left on day -1, 2014-01-31), both kept as other attempts, the older
# registration first.  The DDD 2014B withdrawal came after the pass of
# DDD 2013J, which stays the course's result.
uid=$(sql "SELECT id FROM users WHERE login = 's157310'")
request GET "/admin/users/$uid/transcript"
tr -d '\n' <"$RESPONSE_BODY" | sed 's/<tr/\n<tr/g; s/<\/tr>/&\n/g' >"$HTTP_TEST_DIR/all-rows"
sed -n '/id="t-attempts"/,/id="t-cancelled"/p' "$HTTP_TEST_DIR/all-rows" >"$HTTP_TEST_DIR/rows"
is "$(row 'Module DDD')" "Module DDD DDD 2013-09-23 Cancelled 2013-09-25 Class on 2014-02-01" \
    "transcript: a withdrawal after the pass as another attempt"
is "$(row 'Module CCC')" "Module CCC CCC 2013-12-10 Cancelled 2014-01-31 Class on 2014-02-01" \
    "transcript: the earlier withdrawal as another attempt, with its date"
is "$(grep -o 'Module [A-Z]*' "$HTTP_TEST_DIR/rows" | tr '\n' ' ')" "Module DDD Module CCC " \
    "transcript: other attempts by registration, oldest first"
# Cancelled courses lists the withdrawals of every attempt, newest first:
# the current CCC 2014J one on day -5 (2014-10-01 - 5 = 2014-09-26) and
# the two above.
sed -n '/id="t-cancelled"/,/id="t-external"/p' "$HTTP_TEST_DIR/all-rows" |
    grep '<th scope="row">' | sed 's/<[^>]*>/ /g; s/  */ /g; s/^ //; s/ $//' |
    tr '\n' '|' >"$HTTP_TEST_DIR/cancelled"
is "$(cat "$HTTP_TEST_DIR/cancelled")" "Module CCC Class on 2014-10-01 Course 2014-09-26|Module CCC Class on 2014-02-01 Course 2014-01-31|Module DDD Class on 2014-02-01 Course 2013-09-25|" \
    "transcript: Cancelled courses lists the withdrawals of every attempt, with their classes"

# ---------------------------------------------------------------- a second run

snapshot >"$HTTP_TEST_DIR/before"
import "$fixture"
is "$?" 0 "second run exits 0"
like_err "learners 37/37" "second run shows its progress"
is "$(sed -n 's/.*: \([0-9]*\) rows inserted or changed.*/\1/p' "$out")" 0 \
    "second run reports no rows changed"
snapshot >"$HTTP_TEST_DIR/after"
if cmp -s "$HTTP_TEST_DIR/before" "$HTTP_TEST_DIR/after"; then
	tap_result 0 "second run changes no row, id or count"
else
	tap_result 1 "second run changes no row, id or count"
	diff "$HTTP_TEST_DIR/before" "$HTTP_TEST_DIR/after" | head -n 20 | comment_lines
fi

# ---------------------------------------------------------------- expiration report

# The Certification Expiration Report for Social Sciences Foundation
# lists the learners whose enrolment, completed or expired, expires in
# the range, both days included.  They are worked out from the fixture:
# the completion dates of "expected", plus 730 days, and each learner's
# region from studentInfo.csv.
command -v python3 >/dev/null || bail_out "python3 is needed to parse the grid and the CSV"
ssf_family=$(sql "SELECT family_id FROM certifications WHERE name = 'Social Sciences Foundation'")
awk -F'","' 'FNR > 1 { print "region", $3, $5 }' "$fixture/studentInfo.csv" >"$HTTP_TEST_DIR/regions"

# ssf_expected FROM TO: the rows the report should list, sorted, as
# "login | first | last | e-mail | groups | certification | version |
# completed | expires | number", the cells of the grid.
ssf_expected() {
	grep '^E s[0-9]* Social Sciences Foundation ' "$HTTP_TEST_DIR/expected" |
	    awk -v from="$1" -v to="$2" '
		NR == FNR { region[$2] = substr($0, length($1 $2) + 3); next }
		$7 != "-" && $8 >= from && $8 <= to {
			id = substr($2, 2)
			printf "%s | Student | %s | %s@oulad.invalid | Region: %s | Social Sciences Foundation | 1 | %s | %s | \n",
			    $2, id, $2, region[id], $7, $8
		}' "$HTTP_TEST_DIR/regions" - | sort
}


# report_is FROM TO: runs the report for Social Sciences Foundation from
# FROM to TO as the report form sends it (start, end and the family id)
# and compares its rows and its row count with ssf_expected.  The grid's
# rows stay in ssf-grid.
report_is() {
	ssf_expected "$1" "$2" >"$HTTP_TEST_DIR/ssf-expected"
	_ri_count=$(grep -c '' "$HTTP_TEST_DIR/ssf-expected")
	request GET "/admin/reports/expiration?start=$1&end=$2&certification=$ssf_family"
	is "$STATUS" 200 "report from $1 to $2 runs"
	like "$_ri_count certifications expire from $1 to $2, both days included, in Social Sciences Foundation." \
	    "report from $1 to $2 counts the $_ri_count rows worked out"
	python3 "$here/report_rows.py" grid "$RESPONSE_BODY" >"$HTTP_TEST_DIR/ssf-grid"
	if sort "$HTTP_TEST_DIR/ssf-grid" | diff "$HTTP_TEST_DIR/ssf-expected" - >"$HTTP_TEST_DIR/diff"; then
		tap_result 0 "report from $1 to $2 lists exactly the learners worked out"
	else
		tap_result 1 "report from $1 to $2 lists exactly the learners worked out"
		comment_lines <"$HTTP_TEST_DIR/diff"
	fi
}

# A range whose first and last days are expiry dates of the fixture (the
# second earliest and the second latest), so rows on both ends are in
# and the rows of the earliest and the latest date are not.
ssf_expected 2015-07-01 2099-12-31 | cut -d'|' -f9 | tr -d ' ' | sort -u >"$HTTP_TEST_DIR/ssf-days"
first_day=$(sed -n 2p "$HTTP_TEST_DIR/ssf-days")
last_day=$(tail -n 2 "$HTTP_TEST_DIR/ssf-days" | head -n 1)
report_is "$first_day" "$last_day"
report_is 2015-07-01 2017-12-31

# The Download CSV form, with its hidden fields as the page wrote them.
hidden() {
	sed -n "s/.*type=\"hidden\" name=\"$1\" value=\"\([^\"]*\)\".*/\1/p" "$RESPONSE_BODY" | head -n 1
}
request POST /admin/reports/expiration/csv --data-urlencode "csrf=$(extract_csrf)" \
    -d "start=$(hidden start)" -d "end=$(hidden end)" -d "certification=$(hidden certification)" \
    -d "sort=$(hidden sort)" -d "dir=$(hidden dir)"
is "$STATUS" 303 "Download CSV queues a job"
job=$(header_value Location | sed 's,.*/,,')
n=0
while [ "$(sql "SELECT state FROM jobs WHERE id = '$job'")" != done ] && [ "$n" -lt 300 ]; do
	n=$((n + 1))
	sleep 0.1
done
request GET "/admin/jobs/$job/download"
is "$STATUS" 200 "CSV downloads"
python3 "$here/report_rows.py" csv "$RESPONSE_BODY" >"$HTTP_TEST_DIR/ssf-csv"
is "$(head -n 1 "$HTTP_TEST_DIR/ssf-csv")" \
    "Login | First Name | Last Name | Email | User Groups | Certification | Version | Completed On | Expires On | Certificate Number" \
    "CSV starts with its header"
is "$(tail -n 2 "$HTTP_TEST_DIR/ssf-csv" | tr '\n' ' ')" "BOM yes CRLF yes " \
    "CSV has a byte-order mark and CRLF line ends"
if sed -e 1d -e '$d' "$HTTP_TEST_DIR/ssf-csv" | sed '$d' |
    diff "$HTTP_TEST_DIR/ssf-grid" - >"$HTTP_TEST_DIR/diff"; then
	tap_result 0 "CSV holds the grid's rows in the grid's order"
else
	tap_result 1 "CSV holds the grid's rows in the grid's order"
	comment_lines <"$HTTP_TEST_DIR/diff"
fi

# ---------------------------------------------------------------- certificate

# The import leaves the families' numbering at the schema's default:
# format plain, 6 digits, starting at 1.  The first learner of the
# report prints the first number, 000001.
set -- $(head -n 1 "$HTTP_TEST_DIR/ssf-expected")
cert_login=$1
cert_name="Student ${cert_login#s}"
is "$(sql "SELECT CONCAT_WS(' ', number_format, number_width, next_number) FROM certification_families WHERE id = $ssf_family")" \
    "plain 6 1" "imported family numbers plain, 6 digits, from 1"
uid=$(sql "SELECT id FROM users WHERE login = '$cert_login'")
eid=$(sql "SELECT id FROM enrollments WHERE user_id = $uid AND family_id = $ssf_family")
request GET "/admin/users/$uid/transcript"
request POST "/admin/enrollments/$eid/certificate" --data-urlencode "csrf=$(extract_csrf)"
is "$STATUS" 303 "admin prints the certificate of $cert_login"
request GET "$(header_value Location)"
is "$(header_value Content-Type)" "application/pdf" "certificate of $cert_login is a PDF"
is "$(sql "SELECT number_text FROM certificates WHERE enrollment_id = $eid")" 000001 \
    "certificate number in the plain format"
text=$(pdftotext -enc UTF-8 "$RESPONSE_BODY" - 2>/dev/null | tr '\n' ' ')
for want in "$cert_name" 000001 "Social Sciences Foundation"; do
	case $text in
	*"$want"*) tap_result 0 "PDF shows $want" ;;
	*) tap_result 1 "PDF shows $want"; diag "pdftotext: $text" ;;
	esac
done

# ---------------------------------------------------------------- --base-date

# With 2013B starting on 2020-03-01, every date moves by the days from
# 2013-02-01 to 2020-03-01: s111926's DDD 2014J pass, 2015-06-20
# before, is then on 2015-06-20 + shift.  The ids stay.
shift_days=$(( ($(date -u -d 2020-03-01 +%s) - $(date -u -d 2013-02-01 +%s)) / 86400 ))
moved=$(date -u -d "2015-06-20 + $shift_days days" +%F)
id_before=$(sql "SELECT r.id FROM course_registrations r JOIN users u ON u.id = r.user_id WHERE u.login = 's111926'")
rows_before=$(imported_rows)
import "$fixture" --base-date 2020-03-01
is "$?" 0 "--base-date: import exits 0"
is "$(reg s111926 DDD-2014J | cut -d' ' -f1-2,4)" "current completed $moved" \
    "--base-date: completion moved by $shift_days days"
is "$(sql "SELECT DATE(starts_at) FROM course_classes WHERE code = 'BBB-2013B'")" 2020-03-01 \
    "--base-date: 2013B starts on the base date"
is "$(sql "SELECT r.id FROM course_registrations r JOIN users u ON u.id = r.user_id WHERE u.login = 's111926'")" \
    "$id_before" "--base-date: registration keeps its id"
is "$(imported_rows)" "$rows_before" "--base-date: no row added"

done_testing
