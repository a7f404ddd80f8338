#!/bin/sh
# Online courses through nginx.  The admin side: the content form (text
# escaped with links, PDF documents checked by content) and the question
# form with its validation.  The learner side: the course page for
# registered learners only, "Mark as complete" after opening, assessments
# passed and failed with the certification completed, the attempt limit,
# and one-correct and several-correct grading.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/user.sh"

tag=$(unique_name A | tr -d -)
admin=$(unique_name aadmin)
learner=$(unique_name alearner)
second=$(unique_name alearner2)
outsider=$(unique_name aoutsider)
add_user "$admin" admin 'admin pass 123'
add_user "$learner" learner 'learner pass 123'
add_user "$second" learner 'learner pass 123'
add_user "$outsider" learner 'learner pass 123'
admin_id=$(sql "SELECT id FROM users WHERE login = '$admin'")
uid=$(sql "SELECT id FROM users WHERE login = '$learner'")
uid2=$(sql "SELECT id FROM users WHERE login = '$second'")
files=$HTTP_TEST_DIR/files
mkdir "$files" || bail_out "cannot create $files"

xss='<script>alert(1)</script>'
xss2='"><img src=x onerror=alert(1)>'

# course CODE KIND: a course with a passing score of 70; prints its id.
course() {
	sql "INSERT INTO courses (code, name, description, passing_score, kind, created_at, updated_at) VALUES ('$1$tag', 'Course $1 $tag', '', 70, '$2', NOW(6), NOW(6)) RETURNING id"
}
quiz=$(course Q online)
reading=$(course R online)
workshop=$(course W ilt)

# A certification whose only required course is the quiz course.
fam=$(sql "INSERT INTO certification_families (created_at) VALUES (NOW(6)) RETURNING id")
ver=$(sql "INSERT INTO certifications (family_id, version, name, description, created_at, updated_at) VALUES ($fam, 1, 'Cert $tag', '', NOW(6), NOW(6)) RETURNING id")
sql "INSERT INTO certification_courses VALUES ($ver, $quiz, 'required', 1)"
for u in "$uid" "$uid2"; do
	sql "INSERT INTO enrollments (user_id, family_id, certification_id, method, enrolled_at, enrolled_on) VALUES ($u, $fam, $ver, 'admin', NOW(6), CURDATE())"
	sql "INSERT INTO course_registrations (user_id, course_id, method, registered_at) VALUES ($u, $quiz, 'enrollment', NOW(6))"
done
sql "INSERT INTO course_registrations (user_id, course_id, method, registered_at) VALUES ($uid, $reading, 'admin', NOW(6)), ($uid, $workshop, 'admin', NOW(6))"

# A minimal PDF, the same PDF without its end, and a text file named .pdf.
printf '%%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%%%EOF\n' >"$files/guide.pdf"
head -c 30 "$files/guide.pdf" >"$files/cut.pdf"
printf 'Notes %s, not a PDF\n' "$tag" >"$files/notes.pdf"

# ---------------------------------------------------------------- content

use_cookie_jar admin
sign_in "$admin" 'admin pass 123'
request GET "/admin/courses/$quiz"
like "/admin/courses/$quiz/content\"" "course page links to its content"
like "/admin/courses/$quiz/assessment\"" "course page links to its assessment"
request GET "/admin/courses/$quiz/content"
is "$STATUS" 200 "content form loads"
like 'enctype="multipart/form-data"' "content form sends files"
csrf=$(extract_csrf)

text="Welcome $xss
Second line $xss2

Read https://example.org/guide?a=1&b=2. Not javascript:alert(1) nor www.example.org."
request POST "/admin/courses/$quiz/content" --form-string "csrf=$csrf" \
    --form-string "body=$text"
is "$STATUS" 303 "content saved"
text_hex=$(printf '%s' "$text" | od -An -tx1 | tr -d ' \n' | tr a-f A-F)
is "$(sql "SELECT HEX(body) FROM course_contents WHERE course_id = $quiz")" "$text_hex" \
    "content text stored byte for byte"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'course_content_update' AND target_id = $quiz AND actor_id = $admin_id")" 1 \
    "content change audited with the actor"
request GET "/admin/courses/$quiz/content"
like "Course content saved." "saved message shown"
like "Welcome &lt;script&gt;alert(1)&lt;/script&gt;" "text escaped in the form and preview"
like "Second line &quot;&gt;&lt;img src=x onerror=alert(1)&gt;" "second payload escaped"
unlike "$xss" "no script tag on the admin page"
like '<a href="https://example.org/guide?a=1&amp;b=2" rel="noopener" target="_blank">' \
    "preview turns the address into a link"

long=$(head -c 50001 /dev/zero | tr '\0' 'x')
request POST "/admin/courses/$quiz/content" --form-string "csrf=$csrf" \
    --form-string "body=$long"
is "$STATUS" 400 "too long text: 400"
like 'id="body-error">Text must be at most 50000 characters long.' \
    "too long text: message at the field"
is "$(sql "SELECT HEX(body) FROM course_contents WHERE course_id = $quiz")" "$text_hex" \
    "too long text: nothing saved"

request POST "/admin/courses/$quiz/content" --form-string "csrf=$csrf" \
    --form-string "body=$text" -F "document=@$files/notes.pdf;filename=notes.pdf;type=application/pdf"
is "$STATUS" 400 "text file named .pdf: 400"
like 'id="document-error">The file is not a PDF document.' \
    "text file named .pdf: message at the field"
is "$(sql "SELECT COUNT(*) FROM course_contents WHERE course_id = $quiz AND document_file_id IS NOT NULL")" 0 \
    "text file named .pdf: no document saved"
request POST "/admin/courses/$quiz/content" --form-string "csrf=$csrf" \
    --form-string "body=$text" -F "document=@$files/cut.pdf;filename=cut.pdf;type=application/pdf"
is "$STATUS" 400 "cut-off PDF: 400"
like "incomplete or damaged" "cut-off PDF: message says so"

request POST "/admin/courses/$quiz/content" --form-string "csrf=$csrf" \
    --form-string "body=$text" -F "document=@$files/guide.pdf;filename=Guide $tag.pdf;type=application/pdf"
is "$STATUS" 303 "PDF document saved"
doc=$(sql "SELECT document_file_id FROM course_contents WHERE course_id = $quiz")
is "$(sql "SELECT CONCAT(purpose, ' ', content_type) FROM files WHERE id = '$doc'")" \
    "course_document application/pdf" "document stored as a PDF"
request GET "/files/$doc"
is "$STATUS" 200 "admin opens the document"
header_is Content-Type application/pdf "document served as PDF"
request GET "/admin/courses/$quiz/content"
like "Guide $tag.pdf" "current document named on the form"
csrf=$(extract_csrf)
request POST "/admin/courses/$quiz/content" --form-string "csrf=$csrf" \
    --form-string "body=$text" --form-string "remove_document=1" \
    -F "document=@$files/guide.pdf;filename=again.pdf;type=application/pdf"
is "$STATUS" 400 "new document and Remove together: 400"
like 'id="document-error">Choose a new document or tick' "new document and Remove: message"
is "$(sql "SELECT document_file_id FROM course_contents WHERE course_id = $quiz")" "$doc" \
    "new document and Remove: document kept"

request POST "/admin/courses/$reading/content" --form-string "csrf=$csrf" \
    --form-string "body=Read the handbook at http://example.org/handbook"
is "$STATUS" 303 "content of the reading course saved"

# ---------------------------------------------------------------- questions

request GET "/admin/courses/$quiz/assessment"
is "$STATUS" 200 "assessment page loads"
like "This course has no assessment yet" "no questions yet"

# post_question PATH [CURL_OPTION...]: posts the question form.
post_question() {
	_pq_path=$1
	shift
	request POST "$_pq_path" --data-urlencode "csrf=$csrf" "$@"
}
count_questions() {
	sql "SELECT COUNT(*) FROM assessment_questions WHERE course_id = $quiz"
}

request GET "/admin/courses/$quiz/questions/new"
is "$STATUS" 200 "new question form loads"
like 'name="option_4"' "new question form offers four options"

post_question "/admin/courses/$quiz/questions" --data-urlencode "prompt=Only one" \
    -d "option_1=Alone" -d correct_1=1
is "$STATUS" 400 "one option: 400"
like 'id="options-error">Enter at least two options.' "one option: message at the options"
is "$(count_questions)" 0 "one option: nothing saved"

post_question "/admin/courses/$quiz/questions" --data-urlencode "prompt=None right" \
    -d "option_1=Red" -d "option_2=Blue"
is "$STATUS" 400 "no correct option: 400"
like 'id="options-error">Mark at least one option as correct.' \
    "no correct option: message at the options"
is "$(count_questions)" 0 "no correct option: nothing saved"

post_question "/admin/courses/$quiz/questions" --data-urlencode "prompt=Two right" \
    -d "option_1=Red" -d correct_1=1 -d "option_2=Blue" -d correct_2=1
is "$STATUS" 400 "two correct without several answers: 400"
like 'id="options-error">Several options are marked correct.' \
    "two correct without several answers: message"

post_question "/admin/courses/$quiz/questions" --data-urlencode "prompt=Empty right" \
    -d "option_1=Red" -d correct_1=1 -d "option_2=Blue" -d correct_3=1
is "$STATUS" 400 "correct on an empty row: 400"
like 'id="option_3-error">Option 3 is marked correct but has no text.' \
    "correct on an empty row: message at the row"

post_question "/admin/courses/$quiz/questions" -d "option_1=Red" -d correct_1=1 \
    -d "option_2=Blue"
is "$STATUS" 400 "missing question text: 400"
like 'id="prompt-error">Question is required.' "missing question text: message"
like 'value="Red"' "missing question text: options kept"

label501=$(head -c 501 /dev/zero | tr '\0' 'y')
post_question "/admin/courses/$quiz/questions" --data-urlencode "prompt=Long" \
    -d "option_1=$label501" -d correct_1=1 -d "option_2=Blue"
is "$STATUS" 400 "too long option: 400"
like 'id="option_1-error">Option 1 must be at most 500 characters long.' \
    "too long option: message at the field"
is "$(count_questions)" 0 "invalid questions: nothing saved"

post_question "/admin/courses/$quiz/questions" --data-urlencode "prompt=Pick B $xss" \
    --data-urlencode "option_1=A $xss2" -d "option_2=B" -d correct_2=1 -d "option_3=C"
is "$STATUS" 303 "single-answer question added"
q1=$(sql "SELECT id FROM assessment_questions WHERE course_id = $quiz AND prompt LIKE 'Pick B%'")
is "$(sql "SELECT prompt FROM assessment_questions WHERE id = $q1")" "Pick B $xss" \
    "question text stored byte for byte"
post_question "/admin/courses/$quiz/questions" --data-urlencode "prompt=Pick X and Z" \
    -d multiple=1 -d "option_1=X" -d correct_1=1 -d "option_2=Y" -d "option_3=Z" -d correct_3=1
is "$STATUS" 303 "several-answer question added"
q2=$(sql "SELECT id FROM assessment_questions WHERE course_id = $quiz AND prompt = 'Pick X and Z'")
is "$(count_questions)" 2 "two questions saved"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'question_create' AND target_id = $quiz AND actor_id = $admin_id")" 2 \
    "question additions audited with the actor"

request GET "/admin/courses/$quiz/assessment"
like "Question added." "added message shown"
like "Pick B &lt;script&gt;alert(1)&lt;/script&gt;" "question escaped in the list"
unlike "$xss" "no script tag in the list"
request GET "/admin/questions/$q1"
is "$STATUS" 200 "question edit form loads"
like "Pick B &lt;script&gt;alert(1)&lt;/script&gt;</textarea>" "question escaped in the form"
like 'value="A &quot;&gt;&lt;img src=x onerror=alert(1)&gt;"' "option escaped in the form"
b_id=$(sql "SELECT id FROM assessment_options WHERE question_id = $q1 AND label = 'B'")
like "name=\"option_id_2\" value=\"$b_id\"" "options carry their ids"

# Edit: B keeps its id under a new label, C is removed.
post_question "/admin/questions/$q1" --data-urlencode "prompt=Pick B $xss" \
    --data-urlencode "option_1=A $xss2" -d "option_id_1=$(sql "SELECT id FROM assessment_options WHERE question_id = $q1 AND position = 1")" \
    -d "option_2=B (right)" -d "option_id_2=$b_id" -d correct_2=1
is "$STATUS" 303 "question edited"
is "$(sql "SELECT label FROM assessment_options WHERE id = $b_id")" "B (right)" \
    "kept option has its new label and id"
is "$(sql "SELECT COUNT(*) FROM assessment_options WHERE question_id = $q1")" 2 \
    "removed option deleted"
post_question "/admin/questions/$q1" --data-urlencode "prompt=Pick B" -d "option_1=A"
is "$STATUS" 400 "edit with one option: 400"
is "$(sql "SELECT COUNT(*) FROM assessment_options WHERE question_id = $q1")" 2 \
    "edit with one option: nothing saved"

request GET "/admin/questions/$q1/delete"
like "<p>Pick B &lt;script&gt;alert(1)&lt;/script&gt;</p>" "question escaped on the delete confirmation"
is "$(count_questions)" 2 "the confirmation deletes nothing"

# A third question to move and delete.
post_question "/admin/courses/$quiz/questions" --data-urlencode "prompt=Temporary" \
    -d "option_1=Yes" -d correct_1=1 -d "option_2=No"
q3=$(sql "SELECT id FROM assessment_questions WHERE course_id = $quiz AND prompt = 'Temporary'")
post_question "/admin/questions/$q3/move" -d dir=up
is "$STATUS" 303 "question moved up"
is "$(sql "SELECT GROUP_CONCAT(id ORDER BY position) FROM assessment_questions WHERE course_id = $quiz")" \
    "$q1,$q3,$q2" "moved question is second"
request GET "/admin/questions/$q3/delete"
is "$STATUS" 200 "delete confirmation loads"
like "Delete question 2?" "confirmation names the question"
post_question "/admin/questions/$q3/delete"
is "$STATUS" 303 "question deleted"
is "$(count_questions)" 2 "two questions left"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action IN ('question_update', 'question_move', 'question_delete') AND target_id = $quiz AND actor_id = $admin_id")" 3 \
    "edit, move and delete audited"

# Attempt limit.
for bad in abc 0 101 2.5; do
	post_question "/admin/courses/$quiz/assessment" -d "attempt_limit=$bad"
	is "$STATUS" 400 "attempt limit $bad: 400"
	like 'id="attempt_limit-error">Attempt limit must be a whole number from 1 to 100.' \
		"attempt limit $bad: message at the field"
done
is "$(sql "SELECT COUNT(*) FROM assessments WHERE course_id = $quiz")" 0 \
    "invalid attempt limits: nothing saved"
post_question "/admin/courses/$quiz/assessment" -d attempt_limit=3
is "$STATUS" 303 "attempt limit saved"
is "$(sql "SELECT attempt_limit FROM assessments WHERE course_id = $quiz")" 3 "attempt limit is 3"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'assessment_update' AND target_id = $quiz AND actor_id = $admin_id")" 1 \
    "attempt limit audited"

# ---------------------------------------------------------------- learner

use_cookie_jar outsider
sign_in "$outsider" 'learner pass 123'
request GET "/learn/courses/$quiz"
is "$STATUS" 404 "a learner not registered gets 404"
request GET "/files/$doc"
is "$STATUS" 404 "a learner not registered cannot open the document"

use_cookie_jar learner
sign_in "$learner" 'learner pass 123'
request GET /learn/
csrf=$(extract_csrf)
like "/learn/courses/$reading\"" "Training page links a course taken on its own"

request POST "/learn/courses/$reading/complete" --data-urlencode "csrf=$csrf"
is "$STATUS" 409 "Mark as complete before opening: 409"
like "Open the course content before you mark the course as complete." \
    "Mark as complete before opening: message"
is "$(sql "SELECT status FROM course_registrations WHERE user_id = $uid AND course_id = $reading")" \
    registered "Mark as complete before opening: nothing recorded"

request GET "/learn/courses/$reading"
is "$STATUS" 200 "course page loads"
is "$(sql "SELECT status FROM course_registrations WHERE user_id = $uid AND course_id = $reading")" \
    in_progress "opening the content marks the registration in progress"
is "$(sql "SELECT COUNT(*) FROM course_content_opens WHERE user_id = $uid AND course_id = $reading")" 1 \
    "opening recorded"
like '<a href="http://example.org/handbook" rel="noopener" target="_blank">' \
    "a plain http address becomes a link"
like "Mark as complete" "a course without assessment offers Mark as complete"
request POST "/learn/courses/$reading/complete" --data-urlencode "csrf=$csrf"
is "$STATUS" 303 "Mark as complete after opening"
is "$(sql "SELECT status FROM course_registrations WHERE user_id = $uid AND course_id = $reading")" \
    completed "course completed"
request GET "/learn/courses/$reading"
like "Course completed." "completion confirmed"
unlike ">Mark as complete<" "no second Mark as complete"

request GET "/learn/courses/$workshop"
like "instructor-led course" "an instructor-led course is completed by the administrator"
request POST "/learn/courses/$workshop/complete" --data-urlencode "csrf=$csrf"
is "$STATUS" 409 "Mark as complete of an instructor-led course: 409"

request GET "/learn/certifications/$fam"
like "<a href=\"/learn/courses/$quiz\">Course Q $tag</a>" "certification page links its course"

request GET "/learn/courses/$quiz"
is "$STATUS" 200 "quiz course page loads"
like "Welcome &lt;script&gt;alert(1)&lt;/script&gt;" "content escaped for the learner"
like "Second line &quot;&gt;&lt;img src=x onerror=alert(1)&gt;" "second payload escaped for the learner"
unlike "$xss" "no script tag on the learner's page"
unlike "<img src=x" "no image tag on the learner's page"
like '<a href="https://example.org/guide?a=1&amp;b=2" rel="noopener" target="_blank">' \
    "address in the content is a link"
unlike 'href="javascript:' "javascript: is no link"
unlike 'href="www.' "an address without http is no link"
like "/files/$doc" "document offered"
like "2 questions" "assessment described"
like "Take the assessment" "assessment offered"
request GET "/files/$doc"
is "$STATUS" 200 "registered learner opens the document"

# start_attempt: starts an attempt and prints its id.
start_attempt() {
	request POST "/learn/courses/$quiz/attempts" --data-urlencode "csrf=$csrf"
	_sa_location=$(header_value Location)
	echo "${_sa_location##*/}"
}
o() {
	sql "SELECT id FROM assessment_options WHERE question_id = $1 AND label LIKE '$2%'"
}
a1=$(start_attempt)
request GET "/learn/attempts/$a1"
is "$STATUS" 200 "attempt page loads"
like "type=\"radio\" value=\"$(o "$q1" A)\"" "one correct answer: radio buttons"
like "type=\"checkbox\" value=\"$(o "$q2" X)\"" "several correct answers: check boxes"
like "Pick B &lt;script&gt;alert(1)&lt;/script&gt;" "question escaped on the attempt"
like "> A &quot;&gt;&lt;img src=x onerror=alert(1)&gt;</label>" "option escaped on the attempt"
unlike "$xss" "no script tag on the attempt"
unlike "<img src=x" "no image tag on the attempt"

request POST "/learn/attempts/$a1" --data-urlencode "csrf=$csrf" -d "q$q1=$(o "$q1" A)"
is "$STATUS" 400 "unanswered question: 400"
like "id=\"q$q2-error\">Choose at least one answer." "unanswered question: message at it"
like "value=\"$(o "$q1" A)\" checked" "unanswered question: the other answer kept"
is "$(sql "SELECT finished_at IS NULL FROM assessment_attempts WHERE id = $a1")" 1 \
    "unanswered question: attempt still open"
request POST "/learn/attempts/$a1" --data-urlencode "csrf=$csrf" \
    -d "q$q1=$(o "$q1" A)" -d "q$q1=$(o "$q1" B)" -d "q$q2=$(o "$q2" X)"
is "$STATUS" 400 "two answers to a one-answer question: 400"
like "id=\"q$q1-error\">Choose only one answer." "two answers: message at it"

# Attempt 1: the one-answer question wrong, the other right: 50%.
request POST "/learn/attempts/$a1" --data-urlencode "csrf=$csrf" \
    -d "q$q1=$(o "$q1" A)" -d "q$q2=$(o "$q2" X)" -d "q$q2=$(o "$q2" Z)"
is "$STATUS" 303 "failed attempt submitted"
request GET "/learn/attempts/$a1"
like "You did not pass" "failure shown"
like "<strong>50%</strong>" "score 50% shown"
like "Try again" "Try again offered"
is "$(sql "SELECT CONCAT(status, ' ', score) FROM course_registrations WHERE user_id = $uid AND course_id = $quiz")" \
    "failed 50.00" "registration failed with the score"
is "$(sql "SELECT status FROM enrollments WHERE user_id = $uid AND family_id = $fam")" in_progress \
    "certification still in progress"
is "$(sql "SELECT CONCAT(score_hundredths, ' ', passed) FROM assessment_attempts WHERE id = $a1")" "5000 0" \
    "attempt stores score and result"
is "$(sql "SELECT COUNT(*) FROM assessment_answers WHERE attempt_id = $a1")" 3 \
    "chosen options stored"
request POST "/learn/attempts/$a1" --data-urlencode "csrf=$csrf" \
    -d "q$q1=$(o "$q1" B)" -d "q$q2=$(o "$q2" X)" -d "q$q2=$(o "$q2" Z)"
is "$STATUS" 409 "submitting an attempt twice: 409"
is "$(sql "SELECT score FROM course_registrations WHERE user_id = $uid AND course_id = $quiz")" 50.00 \
    "submitting twice changed nothing"

# Attempt 2: several-answer question with one of its two answers: wrong.
a2=$(start_attempt)
request POST "/learn/attempts/$a2" --data-urlencode "csrf=$csrf" \
    -d "q$q1=$(o "$q1" B)" -d "q$q2=$(o "$q2" X)"
request GET "/learn/attempts/$a2"
like "<strong>50%</strong>" "part of the correct options scores nothing"

# Attempt 3: both right.
a3=$(start_attempt)
request POST "/learn/attempts/$a3" --data-urlencode "csrf=$csrf" \
    -d "q$q1=$(o "$q1" B)" -d "q$q2=$(o "$q2" Z)" -d "q$q2=$(o "$q2" X)"
is "$STATUS" 303 "retake submitted"
request GET "/learn/attempts/$a3"
like "You passed" "pass shown"
like "<strong>100%</strong>" "score 100% shown"
is "$(sql "SELECT CONCAT(status, ' ', score) FROM course_registrations WHERE user_id = $uid AND course_id = $quiz")" \
    "completed 100.00" "retake after a fail completes the course"
is "$(sql "SELECT status FROM enrollments WHERE user_id = $uid AND family_id = $fam")" completed \
    "certification completed by its only required course"
request POST "/learn/courses/$quiz/attempts" --data-urlencode "csrf=$csrf"
is "$STATUS" 409 "no attempt after completion"
request GET "/learn/courses/$quiz"
like "You have completed this course." "course page says completed"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'assessment_submit' AND target_id = $uid AND actor_id = $uid")" 3 \
    "attempts audited with the learner"

# The attempt limit, for the second learner.
use_cookie_jar admin
request GET "/admin/courses/$quiz/assessment"
csrf=$(extract_csrf)
post_question "/admin/courses/$quiz/assessment" -d attempt_limit=1
is "$(sql "SELECT attempt_limit FROM assessments WHERE course_id = $quiz")" 1 \
    "attempt limit lowered to 1"
use_cookie_jar second
sign_in "$second" 'learner pass 123'
request GET /learn/
csrf=$(extract_csrf)
request GET "/learn/attempts/$a1"
is "$STATUS" 404 "another learner's attempt is 404"
b1=$(start_attempt)
request POST "/learn/attempts/$b1" --data-urlencode "csrf=$csrf" \
    -d "q$q1=$(o "$q1" A)" -d "q$q2=$(o "$q2" Y)"
request GET "/learn/attempts/$b1"
like "<strong>0%</strong>" "nothing right scores 0%"
unlike ">Try again<" "no Try again at the limit"
like "You have used every attempt" "limit explained"
request POST "/learn/courses/$quiz/attempts" --data-urlencode "csrf=$csrf"
is "$STATUS" 409 "attempt beyond the limit: 409"
like "You have used every attempt this assessment allows." "attempt beyond the limit: message"
is "$(sql "SELECT COUNT(*) FROM assessment_attempts WHERE user_id = $uid2 AND course_id = $quiz")" 1 \
    "attempt beyond the limit: none started"
is "$(sql "SELECT CONCAT(status, ' ', score) FROM course_registrations WHERE user_id = $uid2 AND course_id = $quiz")" \
    "failed 0.00" "second learner failed"

# Removing the document.
use_cookie_jar admin
request GET "/admin/courses/$quiz/content"
csrf=$(extract_csrf)
request POST "/admin/courses/$quiz/content" --form-string "csrf=$csrf" \
    --form-string "body=$text" --form-string "remove_document=1"
is "$STATUS" 303 "document removed"
is "$(sql "SELECT COUNT(*) FROM files WHERE id = $doc")" 0 "document's file row deleted"
request GET "/files/$doc"
is "$STATUS" 404 "removed document is gone"

done_testing
