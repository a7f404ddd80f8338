#!/bin/sh
# Manage Course Registrations, Add Courseware and Login as Learner.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/user.sh"

tag=$(unique_name R | tr -d -)
admin=$(unique_name radmin)
other_admin=$(unique_name radmin2)
learner=$(unique_name rlearner)
add_user "$admin" admin 'admin pass 123'
add_user "$other_admin" admin 'admin pass 123'
add_user "$learner" learner 'learner pass 123' --first-name Lea --last-name Ner
uid=$(sql "SELECT id FROM users WHERE login = '$learner'")
aid=$(sql "SELECT id FROM users WHERE login = '$admin'")
oid=$(sql "SELECT id FROM users WHERE login = '$other_admin'")
type=$(sql "INSERT INTO user_types (name, created_at, updated_at) VALUES ('T $tag', NOW(6), NOW(6)) RETURNING id")
sql "UPDATE users SET user_type_id = $type WHERE id = $uid"
group=$(sql "INSERT INTO user_groups (name, created_at, updated_at) VALUES ('G $tag', NOW(6), NOW(6)) RETURNING id")
sql "INSERT INTO user_group_members VALUES ($group, $uid, NOW(6))"
cert() {
	fam=$(sql "INSERT INTO certification_families (created_at) VALUES (NOW(6)) RETURNING id")
	ver=$(sql "INSERT INTO certifications (family_id, version, name, description, created_at, updated_at) VALUES ($fam, 1, '$1 $tag', '', NOW(6), NOW(6)) RETURNING id")
	sql "INSERT INTO certification_user_types VALUES ($ver, $type)"
	[ "$2" = none ] || sql "INSERT INTO user_group_certifications VALUES ($group, $fam, 0, NOW(6))"
	echo "$fam"
}
one=$(cert "First" sub)
two=$(cert "Second" sub)
hidden=$(cert "Hidden" none)

use_cookie_jar admin
sign_in "$admin" 'admin pass 123'
request GET "/admin/users/$uid"
like "/admin/users/$uid/registrations" "Edit a User links to Manage Course Registrations"
like "/admin/users/$uid/impersonate" "Edit a User offers Login as Learner"
request GET "/admin/users/$oid"
unlike "/admin/users/$oid/impersonate" "no Login as Learner on an admin"
csrf=$(extract_csrf)
request POST "/admin/users/$uid" --data-urlencode "csrf=$csrf" -d "login=$learner" \
    -d "email=bad@" -d "first_name=Lea" -d "last_name=Renamed" -d role=learner
is "$STATUS" 400 "invalid e-mail is 400"
like "<h1>Lea Ner</h1>" "heading keeps the stored name after rejected input"
request GET "/admin/users/$uid/courseware"
is "$STATUS" 200 "Add Courseware opens"
like "First $tag" "lists a subscribed certification"
like "Second $tag" "lists the other one"
unlike "Hidden $tag" "does not list one without a subscribed group"
csrf=$(extract_csrf)
request POST "/admin/users/$uid/courseware" --data-urlencode "csrf=$csrf" \
    -d "family=$one" -d "family=$one"
is "$STATUS" 303 "Enroll Certifications redirects"
request GET "/admin/users/$uid/registrations"
like "Enrolled in 1 certification." "one enrolment reported"
like "First $tag" "registration listed"
is "$(sql "SELECT COUNT(*) FROM enrollments WHERE user_id = $uid AND family_id = $one")" 1 \
    "one row"
is "$(sql "SELECT method FROM enrollments WHERE user_id = $uid AND family_id = $one")" admin \
    "method admin"
one_version=$(sql "SELECT id FROM certifications WHERE family_id = $one")
request GET "/admin/certifications/$one_version"
like "<strong>1</strong> learners enrolled" "Edit Certification counts the enrolled learner"
like "G $tag" "Edit Certification lists the subscribed group"
request POST "/admin/users/$uid/courseware" --data-urlencode "csrf=$csrf" -d "family=$hidden"
request GET "/admin/users/$uid/registrations"
like "could not be enrolled" "a family without access is refused"
is "$(sql "SELECT COUNT(*) FROM enrollments WHERE user_id = $uid AND family_id = $hidden")" 0 \
    "and not enrolled"

# 50 parallel requests leave one enrolment.
i=0
while [ "$i" -lt 50 ]; do
	curl -s -o /dev/null --cookie "$COOKIE_JAR" --data-urlencode "csrf=$csrf" \
	    -d "family=$two" "$LAUREL_TEST_URL/admin/users/$uid/courseware" &
	i=$((i + 1))
done
wait
is "$(sql "SELECT COUNT(*) FROM enrollments WHERE user_id = $uid AND family_id = $two")" 1 \
    "50 parallel enrolments leave one row"

eid=$(sql "SELECT id FROM enrollments WHERE user_id = $uid AND family_id = $one")
request GET "/admin/users/$uid/registrations/cancel?enrollment=$eid"
like "Cancel registration" "cancel asks for confirmation"
request POST "/admin/users/$uid/registrations/cancel" --data-urlencode "csrf=$csrf" \
    -d "enrollment=$eid"
is "$STATUS" 303 "cancel redirects"
is "$(sql "SELECT status FROM enrollments WHERE id = $eid")" cancelled "status cancelled"
is "$(sql "SELECT cancelled_on IS NOT NULL FROM enrollments WHERE id = $eid")" 1 "date recorded"
request GET "/admin/users/$uid/courseware"
like "First $tag" "cancelled one can be added again"

# Login as Learner
request POST "/admin/users/$oid/impersonate" --data-urlencode "csrf=$csrf"
is "$STATUS" 403 "never on another admin"
request POST "/admin/users/$uid/impersonate" --data-urlencode "csrf=$csrf"
is "$STATUS" 303 "Login as Learner redirects"
header_is Location /learn/ "to the student site"
request GET /learn/
is "$STATUS" 200 "student site opens as the learner"
like "Viewing as" "banner shown"
like "Lea Ner" "banner names the learner"
like "$admin" "banner names the admin"
like "Return to admin" "return button shown"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'login_as_learner' AND actor_id = $aid AND target_id = $uid")" 1 \
    "impersonation audited"
request GET /admin/
is "$STATUS" 403 "the learner session cannot open the admin site"
like "viewing the site as a learner" "403 explains how to get back"
lcsrf=$(extract_csrf)
request GET "/learn/certifications/$two"
lcsrf=$(extract_csrf)
sql "UPDATE enrollments SET status = 'cancelled' WHERE user_id = $uid AND family_id = $two"
request POST "/learn/certifications/$two/enroll" --data-urlencode "csrf=$lcsrf"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'enroll' AND impersonator_id = $aid AND target_id = $uid")" 1 \
    "action while viewing as the learner audited with both ids"
enroll_details=$(sql "SELECT details FROM audit_log WHERE action = 'enroll' AND impersonator_id = $aid AND target_id = $uid")
case $enroll_details in
*"(certification family $two), self") tap_result 0 "enrolment audit row names the certification" ;;
*) tap_result 1 "enrolment audit row names the certification"; diag "details: $enroll_details" ;;
esac
request POST /admin/return --data-urlencode "csrf=$lcsrf"
is "$STATUS" 303 "return redirects"
header_is Location "/admin/users/$uid" "back to the user"
request GET /admin/
is "$STATUS" 200 "admin session restored"
request GET "/admin/audit?target=user&id=$uid"
like "$admin as $learner <span class=\"muted\">(Login as Learner)</span>" \
    "audit log names the admin acting as the learner"
request GET /learn/
is "$STATUS" 403 "the admin session cannot open the student site"
like "To see it as a learner does" "403 explains Login as Learner"
like 'href="/admin/users"' "403 keeps the admin menu"
is "$(sql "SELECT COUNT(*) FROM sessions WHERE user_id = $uid AND impersonator_id = $aid")" 0 \
    "learner session ended"

use_cookie_jar plainlearner
sign_in "$learner" 'learner pass 123'
request GET /learn/
csrf=$(extract_csrf)
request POST "/admin/users/$uid/impersonate" --data-urlencode "csrf=$csrf"
is "$STATUS" 403 "learners cannot use Login as Learner"
request POST /admin/return --data-urlencode "csrf=$csrf"
is "$STATUS" 403 "return without impersonation is refused"

done_testing
