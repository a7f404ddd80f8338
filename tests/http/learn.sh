#!/bin/sh
# The learner's Training page: auto-enrolment at sign-in shows on the
# first page, available training, a locked certification naming its
# missing prerequisite, self-enrolment, and the language filter.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/user.sh"

tag=$(unique_name L | tr -d -)
learner=$(unique_name learner)
add_user "$learner" learner 'learner pass 123'
uid=$(sql "SELECT id FROM users WHERE login = '$learner'")

type=$(sql "INSERT INTO user_types (name, created_at, updated_at) VALUES ('Staff $tag', NOW(6), NOW(6)) RETURNING id")
sql "UPDATE users SET user_type_id = $type WHERE id = $uid"
group=$(sql "INSERT INTO user_groups (name, created_at, updated_at) VALUES ('Group $tag', NOW(6), NOW(6)) RETURNING id")
sql "INSERT INTO user_group_members VALUES ($group, $uid, NOW(6))"

# cert NAME LANGUAGE AUTO: a certification family with one version that
# the group subscribes to; prints "family version".
cert() {
	fam=$(sql "INSERT INTO certification_families (created_at) VALUES (NOW(6)) RETURNING id")
	ver=$(sql "INSERT INTO certifications (family_id, version, name, description, language_code, days_to_complete, created_at, updated_at) VALUES ($fam, 1, '$1 $tag', '', '$2', 30, NOW(6), NOW(6)) RETURNING id")
	sql "INSERT INTO certification_user_types VALUES ($ver, $type)"
	sql "INSERT INTO user_group_certifications VALUES ($group, $fam, $3, NOW(6))"
	echo "$fam $ver"
}
sql "INSERT IGNORE INTO languages VALUES ('fr', 'French')"
set -- $(cert "Auto Safety" en 1); auto_fam=$1
set -- $(cert "Manual Sales" en 0); manual_fam=$1
set -- $(cert "Advanced Sales" en 0); adv_fam=$1; adv_ver=$2
sql "INSERT INTO certification_prerequisites VALUES ($adv_ver, $manual_fam)"
set -- $(cert "Vente" fr 0); fr_fam=$1
course=$(sql "INSERT INTO courses (code, name, description, created_at, updated_at) VALUES ('C$tag', 'Course <b>$tag</b>', '', NOW(6), NOW(6)) RETURNING id")
sql "INSERT INTO certification_courses VALUES ($adv_ver, $course, 'required', 1)"

admin=$(unique_name ladmin)
add_user "$admin" admin 'admin pass 123'
use_cookie_jar admin
sign_in "$admin" 'admin pass 123'
request GET "/admin/groups/$group"
like ">1 member<" "group page: one member would be auto-enrolled"

use_cookie_jar learner
sign_in "$learner" 'learner pass 123'
is "$STATUS" 303 "learner signs in"
request GET /learn/
is "$STATUS" 200 "Training page loads"
like "Auto Safety $tag" "auto-enrolled certification on the first page"
is "$(sql "SELECT method FROM enrollments WHERE user_id = $uid AND family_id = $auto_fam")" auto \
    "enrolment made by auto-enrolment"
today=$(sql "SELECT enrolled_on FROM enrollments WHERE user_id = $uid AND family_id = $auto_fam")
due=$(sql "SELECT DATE_ADD('$today', INTERVAL 30 DAY)")
like "$due" "complete-by is enrolled-on plus 30 days"
is "$(sql "SELECT COUNT(*) FROM enrollments WHERE user_id = $uid AND family_id = $manual_fam")" 0 \
    "no auto-enrolment without Auto Enroll"
like "Manual Sales $tag" "manual certification available"
like "Locked: prerequisites missing" "advanced one shown as locked"
unlike "Vente $tag" "French training hidden for an English learner"
like "Show training in other languages (1)" "switch offers the other language"
request GET "/learn/?languages=all"
like "Vente $tag" "switch shows the French training"

request GET "/learn/certifications/$adv_fam"
is "$STATUS" 200 "locked certification page loads"
like "locked until you complete" "locked page explains"
like "Manual Sales $tag" "missing prerequisite named"
like "Course &lt;b&gt;$tag&lt;/b&gt;" "course listed, escaped"
unlike "/enroll\"" "no enrol button while locked"

request GET "/learn/certifications/$manual_fam"
csrf=$(extract_csrf)
request POST "/learn/certifications/$manual_fam/enroll" --data-urlencode "csrf=$csrf"
is "$STATUS" 303 "self-enrolment redirects"
request GET "/learn/certifications/$manual_fam"
like "You are enrolled." "self-enrolment confirmed"
request POST "/learn/certifications/$manual_fam/enroll" --data-urlencode "csrf=$csrf"
request GET "/learn/certifications/$manual_fam"
like "You were already enrolled." "second enrolment says so"
is "$(sql "SELECT COUNT(*) FROM enrollments WHERE user_id = $uid AND family_id = $manual_fam")" 1 \
    "one enrolment after two requests"
request POST "/learn/certifications/$adv_fam/enroll" --data-urlencode "csrf=$csrf"
request GET "/learn/certifications/$adv_fam"
like "cannot enrol in this certification yet" "locked enrolment refused"
is "$(sql "SELECT COUNT(*) FROM enrollments WHERE user_id = $uid AND family_id = $adv_fam")" 0 \
    "no enrolment in the locked one"
# A course group that shows its courses individually.
set -- $(cert "Toolbox" en 0); box_fam=$1; box_ver=$2
sql "UPDATE certifications SET availability = 'course_group', display_individually = 1 WHERE id = $box_ver"
tool=$(sql "INSERT INTO courses (code, name, description, created_at, updated_at) VALUES ('T$tag', 'Hammer $tag', '', NOW(6), NOW(6)) RETURNING id")
sql "INSERT INTO certification_courses VALUES ($box_ver, $tool, 'none', 1)"
request GET "/learn/certifications/$box_fam"
like "can be taken one at a time" "course group offers its courses one by one"
like "/learn/courses/$tool/enroll" "each course has its own Enroll"
csrf=$(extract_csrf)
request POST "/learn/courses/$tool/enroll" --data-urlencode "csrf=$csrf" -d "family=$box_fam"
is "$STATUS" 303 "single course enrolment redirects"
is "$(sql "SELECT COUNT(*) FROM course_registrations WHERE user_id = $uid AND course_id = $tool")" 1 \
    "registered in the one course"
is "$(sql "SELECT COUNT(*) FROM enrollments WHERE user_id = $uid AND family_id = $box_fam")" 0 \
    "without enrolling in the group"
request GET /learn/
like "Hammer $tag" "course listed under Enrolled Training"
request POST "/learn/courses/$course/enroll" --data-urlencode "csrf=$csrf" -d "family=$box_fam"
request GET "/learn/certifications/$box_fam"
like "cannot be taken on its own" "a course outside the group is refused"

use_cookie_jar admin
request GET "/admin/users/$uid/registrations"
like "Hammer $tag" "admin sees the independent course"
request GET "/admin/groups/$group"
like "0 members" "group page: nobody left to auto-enroll after sign-in"

# An admin's cancellation is not undone by the next sign-in.
sql "UPDATE enrollments SET status = 'cancelled' WHERE user_id = $uid AND family_id = $auto_fam"
use_cookie_jar learner2
sign_in "$learner" 'learner pass 123'
is "$(sql "SELECT status FROM enrollments WHERE user_id = $uid AND family_id = $auto_fam")" cancelled \
    "auto-enrolment leaves a cancelled enrolment cancelled"
use_cookie_jar learner

other=$(sql "INSERT INTO certification_families (created_at) VALUES (NOW(6)) RETURNING id")
request GET "/learn/certifications/$other"
is "$STATUS" 404 "a certification outside the learner's groups is 404"

done_testing
